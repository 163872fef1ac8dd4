"""A week of training in numbers, and what to suggest: pure functions over plain data.

Weeks are ISO weeks in the user's own time zone. Formulas are docs/science.md sections 2c
and 3: WHO minutes [R55], session-RPE load [R82], Foster monotony and strain [R83], this
week against the 4-week average (descriptive only: ACWR is not an injury-risk score,
[R89–R91]), 48 h between hard sessions for the same muscles [R56, R74, R75].
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from statistics import mean, median, pstdev
from zoneinfo import ZoneInfo

FOUR = ("heavy_resistance", "high_volume", "hiit", "endurance")
MODALITIES = (*FOUR, "general")
HARD_PRIMARIES = ("heavy_resistance", "high_volume", "hiit")

WHO_MINIMUM = 150  # moderate + 2 × vigorous ≥ 150 min a week [R55]
WHO_UPPER = 300  # the upper end of the range [R55]
STRENGTH_DAYS = 2  # muscle-strengthening on ≥ 2 days a week [R55, R56]
HARD_SESSION_RPE = 7  # a session rated 7+ on CR-10 is a hard day: convention [R82]
SAME_MUSCLE_HOURS = 48  # leave ~48 h before training the same muscles hard [R56, R74]
SAME_MUSCLE_HARD_SETS = 4  # "≥ 2 sessions with ≥ 4 hard sets" for a muscle group (3e)
HARD_DAYS_IN_A_ROW = 3  # rest_day after 3+ hard days in a row: convention [R80, R83]
HISTORY_WEEKS = 4  # history-based advice needs 4 earlier weeks with training: convention
LOAD_CHANGE = 0.30  # describe a week ≥ 30% above the 4-week average: convention [R87 range]
STRAIN_PERCENTILE = 0.90  # strain above the user's own 90th percentile (3b, convention)

# Session RPE assumed when none was logged, to estimate load (flagged "estimated"):
# app conventions on the CR-10 scale [R82, R85].
ASSUMED_RPE = {
    "heavy_resistance": 7,
    "high_volume": 7,
    "hiit": 8,
    "general": 2,
}
ASSUMED_ENDURANCE_RPE = {"light": 2, "moderate": 4, "vigorous": 6, "near_max": 8}


@dataclass(frozen=True)
class SessionSummary:
    workout_id: int
    start: datetime  # aware
    minutes: float
    session_rpe: float | None
    primary: str
    qualifying: tuple[str, ...] = ()
    exerkines: tuple[str, ...] = ()
    moderate_minutes: float = 0
    vigorous_minutes: float = 0
    working_sets: int = 0
    hard_sets_by_muscle: dict[str, int] = field(default_factory=dict)
    intensity: str | None = None  # of the continuous aerobic part


@dataclass(frozen=True)
class Recommendation:
    code: str
    message: str

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class WeekMetrics:
    week: str
    start: date
    sessions: int
    modalities: dict[str, int]
    distinct_modalities: int
    variety_score: float
    exerkines_touched: list[str]
    moderate_minutes: float
    vigorous_minutes: float
    strength_days: int
    daily_loads: list[float]
    load: float
    load_estimated: bool
    monotony: float | None
    strain: float | None
    four_week_average: float | None
    load_ratio: float | None
    close_sessions: list[dict]
    hard_day_streak: int
    history_weeks: int
    recommendations: list[Recommendation]

    @property
    def who_equivalent(self) -> float:
        return self.moderate_minutes + 2 * self.vigorous_minutes

    def as_dict(self) -> dict:
        return {
            "week": self.week,
            "start": self.start.isoformat(),
            "sessions": self.sessions,
            "modalities": self.modalities,
            "variety": {
                "distinct_modalities": self.distinct_modalities,
                "score": self.variety_score,
            },
            "exerkines_touched": self.exerkines_touched,
            "minutes": {
                "moderate": round(self.moderate_minutes),
                "vigorous": round(self.vigorous_minutes),
                "who_equivalent": round(self.who_equivalent),
                "strength_days": self.strength_days,
            },
            "load": {
                "weekly": round(self.load),
                "monotony": _round(self.monotony, 2),
                "strain": _round(self.strain, 0),
                "acwr": _round(self.load_ratio, 2),
                "four_week_average": _round(self.four_week_average, 0),
                "estimated": self.load_estimated,
                "daily": [round(x) for x in self.daily_loads],
            },
            "recovery": {
                "hard_days_in_a_row": self.hard_day_streak,
                "same_muscles_within_48h": self.close_sessions,
            },
            "recommendations": [r.as_dict() for r in self.recommendations],
        }


# --- Weeks -----------------------------------------------------------------------------------


def iso_week(moment: datetime, zone: ZoneInfo) -> str:
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def week_start(week: str) -> date:
    """Monday of an ISO week like 2026-W47; ValueError if there is no such week."""
    year, _, number = week.partition("-W")
    if not (year.isdigit() and number.isdigit() and len(number) == 2):
        raise ValueError(f"not an ISO week: {week!r}")
    return date.fromisocalendar(int(year), int(number), 1)


def week_bounds(week: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The week as [start, end) instants in the zone (DST weeks are 167 or 169 h long)."""
    monday = week_start(week)
    start = datetime(monday.year, monday.month, monday.day, tzinfo=zone)
    end_day = monday + timedelta(days=7)
    return start, datetime(end_day.year, end_day.month, end_day.day, tzinfo=zone)


def shift_week(week: str, weeks: int) -> str:
    monday = week_start(week) + timedelta(weeks=weeks)
    year, number, _ = monday.isocalendar()
    return f"{year}-W{number:02d}"


# --- Load ------------------------------------------------------------------------------------


def session_load(s: SessionSummary) -> tuple[float, bool]:
    """sRPE × minutes [R82]; with no session RPE, estimated from the session's kind."""
    if s.session_rpe is not None:
        return s.session_rpe * s.minutes, False
    if s.primary == "endurance":
        rpe = ASSUMED_ENDURANCE_RPE.get(s.intensity or "moderate", 4)
    else:
        rpe = ASSUMED_RPE.get(s.primary, 4)
    return rpe * s.minutes, True


def daily_loads(sessions: list[SessionSummary], monday: date, zone: ZoneInfo) -> list[float]:
    """The 7 daily loads, rest days as 0 [R83]."""
    days = [0.0] * 7
    for s in sessions:
        index = (s.start.astimezone(zone).date() - monday).days
        if 0 <= index < 7:
            days[index] += session_load(s)[0]
    return days


def monotony_and_strain(days: list[float]) -> tuple[float | None, float | None]:
    """Foster: mean / SD of daily loads (population SD); None when SD is 0 [R83]."""
    sd = pstdev(days)
    if sd == 0:
        return None, None
    monotony = mean(days) / sd
    return monotony, sum(days) * monotony


# --- The week --------------------------------------------------------------------------------


def week_metrics(
    week: str,
    zone: ZoneInfo,
    sessions: list[SessionSummary],
    earlier: list[SessionSummary],
    history: list["WeekMetrics"],
) -> WeekMetrics:
    """`sessions` fall in the week; `earlier` are the 2 days before it (for the 48 h rule);
    `history` holds earlier weeks' metrics, newest first (for the comparisons)."""
    monday = week_start(week)
    sessions = sorted(sessions, key=lambda s: s.start)
    counts = Counter(s.primary for s in sessions)
    modalities = {m: counts.get(m, 0) for m in MODALITIES}
    touched = {m for s in sessions for m in (s.qualifying or (s.primary,)) if m in FOUR}
    days = daily_loads(sessions, monday, zone)
    load = sum(days)
    estimated = any(session_load(s)[1] for s in sessions)
    monotony, strain = monotony_and_strain(days)
    trained = [h for h in history if h.sessions]
    previous4 = history[:4]
    average = mean(h.load for h in previous4) if len(previous4) == 4 else None
    ratio = load / average if average else None
    local_days = {s.start.astimezone(zone).date() for s in sessions if s.working_sets > 0}
    metrics = WeekMetrics(
        week=week,
        start=monday,
        sessions=len(sessions),
        modalities=modalities,
        distinct_modalities=len(touched),
        variety_score=round(len(touched) / len(FOUR), 2),
        exerkines_touched=sorted({e for s in sessions for e in s.exerkines}, key=_exerkine_order),
        moderate_minutes=sum(s.moderate_minutes for s in sessions),
        vigorous_minutes=sum(s.vigorous_minutes for s in sessions),
        strength_days=len(local_days),
        daily_loads=days,
        load=load,
        load_estimated=estimated,
        monotony=monotony,
        strain=strain,
        four_week_average=average,
        load_ratio=ratio,
        close_sessions=[
            pair
            for pair in close_hard_sessions(sorted(earlier, key=lambda s: s.start) + sessions)
            if pair["workouts"][1] in {s.workout_id for s in sessions}  # ends in this week
        ],
        hard_day_streak=hard_day_streak(sessions, zone),
        history_weeks=len(trained),
        recommendations=[],
    )
    return _with_recommendations(metrics, history, touched)


def close_hard_sessions(sessions: list[SessionSummary]) -> list[dict]:
    """Pairs of sessions with ≥ 4 hard sets for the same muscle group less than 48 h apart."""
    pairs = []
    for i, first in enumerate(sessions):
        for second in sessions[i + 1 :]:
            # Elapsed hours: in UTC, since same-zone subtraction ignores a DST change.
            hours = (
                second.start.astimezone(UTC) - first.start.astimezone(UTC)
            ).total_seconds() / 3600
            if hours >= SAME_MUSCLE_HOURS:
                break
            shared = sorted(
                m
                for m, n in first.hard_sets_by_muscle.items()
                if n >= SAME_MUSCLE_HARD_SETS
                and second.hard_sets_by_muscle.get(m, 0) >= SAME_MUSCLE_HARD_SETS
            )
            if shared:
                pairs.append(
                    {
                        "muscles": shared,
                        "workouts": [first.workout_id, second.workout_id],
                        "hours_apart": round(hours),
                    }
                )
    return pairs


def is_hard(s: SessionSummary) -> bool:
    return s.primary in HARD_PRIMARIES or (s.session_rpe or 0) >= HARD_SESSION_RPE


def hard_day_streak(sessions: list[SessionSummary], zone: ZoneInfo) -> int:
    days = sorted({s.start.astimezone(zone).date() for s in sessions if is_hard(s)})
    best = run = 0
    previous = None
    for day in days:
        run = run + 1 if previous and (day - previous).days == 1 else 1
        best = max(best, run)
        previous = day
    return best


# --- Recommendations -------------------------------------------------------------------------

ADD_MESSAGES = {
    "heavy_resistance": (
        "The week had no heavy lifting. A few sets of 1–6 hard reps on a main lift build "
        "strength best, if strength is one of your goals."
    ),
    "high_volume": (
        "The week had no high-volume lifting. More weekly hard sets per muscle go with more "
        "muscle growth, so a session of 8–12 rep sets adds that side."
    ),
    "hiit": (
        "The week had no hard intervals. Short bouts near your maximum, such as 10 × 1 minute "
        "hard with easy minutes between, count as vigorous: double toward the WHO minutes."
    ),
    "endurance": (
        "The week had no steady endurance session. 20 minutes or more of continuous moderate "
        "effort, such as an easy run or ride, counts toward the WHO aerobic minutes."
    ),
}

# What each rule rests on (science.md section 4 keys), so every message stays traceable.
RULE_BASIS = {
    "add_heavy_resistance": ("R57", "R60"),
    "add_high_volume": ("R57", "R61"),
    "add_hiit": ("R55", "R79"),
    "add_endurance": ("R55", "R56"),
    "aerobic_minimum": ("R55",),
    "strength_days": ("R55", "R56"),
    "rest_day": ("R56", "R74", "R75", "R80"),
    "load_spike": ("R89", "R90", "R91"),
    "high_monotony": ("R83",),
}


def _with_recommendations(
    m: WeekMetrics, history: list[WeekMetrics], touched: set[str]
) -> WeekMetrics:
    # What to add only makes sense for a week with training; an empty week gets the minimums.
    recs = [
        Recommendation(f"add_{k}", ADD_MESSAGES[k]) for k in FOUR if k not in touched and m.sessions
    ]
    shown = round(m.who_equivalent)  # decide on the number the message shows
    if shown < WHO_MINIMUM:
        short = WHO_MINIMUM - shown
        recs.append(
            Recommendation(
                "aerobic_minimum",
                f"{shown} of the 150 weekly aerobic minutes the WHO "
                f"recommends (vigorous minutes count double): {short} to go.",
            )
        )
    if m.strength_days < STRENGTH_DAYS:
        recs.append(
            Recommendation(
                "strength_days",
                f"Muscle-strengthening on {m.strength_days} day"
                f"{'' if m.strength_days == 1 else 's'} in the week; the WHO suggests 2 or more.",
            )
        )
    if m.hard_day_streak >= HARD_DAYS_IN_A_ROW or m.close_sessions:
        reason = (
            f"{m.hard_day_streak} hard days in a row"
            if m.hard_day_streak >= HARD_DAYS_IN_A_ROW
            else "the same muscles trained hard less than 48 hours apart"
        )
        recs.append(
            Recommendation(
                "rest_day",
                f"The week had {reason}. An easier day, or about 48 hours before working "
                "the same muscles hard again, helps recovery.",
            )
        )
    if m.history_weeks >= HISTORY_WEEKS and m.load_ratio and m.load_ratio >= 1 + LOAD_CHANGE:
        recs.append(
            Recommendation(
                "load_spike",
                f"The week's training load was {round((m.load_ratio - 1) * 100)}% above your "
                "4-week average. Changes in training are usually best made gradually.",
            )
        )
    if _unusually_monotonous(m, history):
        recs.append(
            Recommendation(
                "high_monotony",
                "The week was more uniform and heavier than usual for you; mixing easy "
                "and hard days adds variety.",
            )
        )
    return WeekMetrics(**{**m.__dict__, "recommendations": recs})


def _unusually_monotonous(m: WeekMetrics, history: list[WeekMetrics]) -> bool:
    """Strain above the user's own 90th percentile with monotony above their median [R83]."""
    past = [h for h in history if h.strain is not None and h.monotony is not None]
    if m.strain is None or m.monotony is None or len(past) < HISTORY_WEEKS:
        return False
    return m.strain > _percentile([h.strain for h in past], STRAIN_PERCENTILE) and (
        m.monotony > median(h.monotony for h in past)
    )


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


EXERKINE_ORDER = ("IL-6", "IGF-1", "myostatin", "FGF21", "irisin", "BDNF")


def _exerkine_order(name: str) -> tuple[int, str]:
    return (EXERKINE_ORDER.index(name) if name in EXERKINE_ORDER else 99, name)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def group_by_week(sessions: list[SessionSummary], zone: ZoneInfo) -> dict[str, list]:
    weeks: dict[str, list[SessionSummary]] = defaultdict(list)
    for s in sessions:
        weeks[iso_week(s.start, zone)].append(s)
    return weeks
