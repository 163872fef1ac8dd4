"""A week of training in numbers, and what to suggest: pure functions over plain data.

Weeks are ISO weeks in the user's own time zone. Formulas are docs/science.md sections 2c
and 3: WHO minutes and muscle-strengthening days [R55], session-RPE load [R82], Foster
monotony and strain [R83], this week against the previous weeks (descriptive only: ACWR is
not an injury-risk score [R89–R91]), 48 h between hard sessions for the same muscles [R56,
R74, R75].

Suggestions follow 2c: what is missing for health first (aerobic minutes, strengthening
days), then at most one kind of training as an option for variety, never a quota; none that
add training to a deliberate block (a meet, a race, a taper or a deload week). A week still
in progress is compared to date and never judged as if it were over.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from statistics import mean, median, pstdev
from zoneinfo import ZoneInfo

from insights.knowledge import REFERENCES, strongest

FOUR = ("heavy_resistance", "high_volume", "hiit", "endurance")
MODALITIES = (*FOUR, "general")
HARD_PRIMARIES = ("heavy_resistance", "high_volume", "hiit")
# The kinds of training 2c's variety check counts: resistance, endurance, HIIT [R55].
KINDS = {"heavy_resistance": "resistance", "high_volume": "resistance"}

WHO_MINIMUM = 150  # moderate + 2 × vigorous ≥ 150 min a week [R55]
WHO_UPPER = 300  # the upper end of the range [R55]
STRENGTH_DAYS = 2  # muscle-strengthening on ≥ 2 days a week [R55, R56]
# A muscle-strengthening day (WHO: "moderate or greater intensity", "major muscle groups"
# [R55]): at least 4 working sets of moderate or greater effort, not light for the lift,
# working at least 2 major muscle groups. The numbers are conventions, not findings.
STRENGTH_DAY_SETS = 4
STRENGTH_DAY_GROUPS = 2
HARD_SESSION_RPE = 7  # a session rated 7+ on CR-10 is a hard day: convention [R82]
SAME_MUSCLE_HOURS = 48  # leave ~48 h before training the same muscles hard [R56, R74]
SAME_MUSCLE_HARD_SETS = 4  # "≥ 2 sessions with ≥ 4 hard sets" for a muscle group (3e)
HARD_DAYS_IN_A_ROW = 3  # rest_day after 3+ hard days in a row: convention [R80, R83]
HISTORY_WEEKS = 4  # comparisons look at the previous 4 weeks (3c) …
TRAINED_WEEKS = 3  # … and need at least 3 of them with training: convention
LOAD_CHANGE = 0.30  # name a week ≥ 30% above the previous weeks: convention [R87 range]
STRAIN_PERCENTILE = 0.90  # strain above the user's own 90th percentile (3b, convention)

# A deliberate block, from what the user called a session (title or notes): its weeks get
# no suggestions to add training (2c). Word stems, matched case-insensitively as words.
BLOCK_WORDS = {
    "meet": r"meet|competition|contest|championships?|nationals|platform day",
    "race": r"race(?!\s*pace)|race day|racing|triathlon|time trial",
    "taper": r"taper(?:ing)?",
    "deload": r"deload(?:ing)?|de-load|recovery week|light week",
}
BLOCK_LABELS = {"meet": "meet", "race": "race", "taper": "taper", "deload": "deload"}

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
    strengthening_sets: int | None = None  # None: unknown (counted as working_sets)
    strengthening_groups: tuple[str, ...] | None = None
    exerkine_levels: dict[str, str] = field(default_factory=dict)  # exerkine -> evidence
    block: str = ""  # meet | race | taper | deload, from the session's title or notes


def block_of(*texts: str) -> str:
    """The deliberate block a session's title or notes name, if any."""
    text = " ".join(t for t in texts if t).lower()
    for block, words in BLOCK_WORDS.items():
        if re.search(rf"\b(?:{words})\b", text):
            return block
    return ""


@dataclass(frozen=True)
class Recommendation:
    code: str
    message: str

    @property
    def references(self) -> list[dict]:
        keys = RULE_BASIS.get(self.code, ())
        return [REFERENCES[k].as_dict() for k in keys if k in REFERENCES]

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "references": self.references}


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
    four_week_average: float | None  # of the trained weeks among the previous four
    load_ratio: float | None  # this week (to date, if in progress) against them
    close_sessions: list[dict]
    hard_day_streak: int
    history_weeks: int  # trained weeks among the previous four
    recommendations: list[Recommendation]
    in_progress: bool = False
    days_elapsed: int = 7
    to_date_average: float | None = None  # the previous weeks' load over the same days
    block: str = ""
    exerkine_evidence: dict[str, str] = field(default_factory=dict)
    hard_sets_by_muscle: dict[str, int] = field(default_factory=dict)  # most first

    @property
    def who_equivalent(self) -> float:
        return self.moderate_minutes + 2 * self.vigorous_minutes

    def as_dict(self) -> dict:
        return {
            "week": self.week,
            "start": self.start.isoformat(),
            "in_progress": self.in_progress,
            "days_elapsed": self.days_elapsed,
            "sessions": self.sessions,
            "modalities": self.modalities,
            "variety": {
                "distinct_modalities": self.distinct_modalities,
                "score": self.variety_score,
            },
            "exerkines_touched": self.exerkines_touched,
            "exerkine_evidence": self.exerkine_evidence,
            "minutes": {
                "moderate": round(self.moderate_minutes),
                "vigorous": round(self.vigorous_minutes),
                "who_equivalent": round(self.who_equivalent),
                "strength_days": self.strength_days,
            },
            "hard_sets_by_muscle": self.hard_sets_by_muscle,
            "load": {
                "weekly": round(self.load),
                "monotony": _round(self.monotony, 2),
                "strain": _round(self.strain, 0),
                "acwr": _round(self.load_ratio, 2),
                "four_week_average": _round(self.four_week_average, 0),
                "to_date_average": _round(self.to_date_average, 0),
                "compared": None
                if self.load_ratio is None
                else ("to_date" if self.in_progress else "week"),
                "estimated": self.load_estimated,
                "daily": [round(x) for x in self.daily_loads],
            },
            "recovery": {
                "hard_days_in_a_row": self.hard_day_streak,
                "same_muscles_within_48h": self.close_sessions,
            },
            "block": self.block or None,
            "recommendations": [r.as_dict() for r in self.recommendations],
        }


# --- Weeks -----------------------------------------------------------------------------------


def iso_week(moment: datetime, zone: ZoneInfo) -> str:
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def week_start(week: str) -> date:
    """Monday of an ISO week like 2026-W47; ValueError if there is no such week, or if it
    is not written exactly so (ASCII digits, a four-digit year from 1900 to 9998: one
    spelling per week, and its week after can still be computed)."""
    match = ISO_WEEK.fullmatch(week)
    if match is None or not 1900 <= int(match[1]) <= 9998:
        raise ValueError(f"not an ISO week: {week!r}")
    return date.fromisocalendar(int(match[1]), int(match[2]), 1)


ISO_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")


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
    now: datetime | None = None,
) -> WeekMetrics:
    """`sessions` fall in the week; `earlier` are the 2 days before it (for the 48 h rule);
    `history` holds earlier weeks' metrics, newest first (for the comparisons); `now` marks
    the week in progress when it falls inside it."""
    monday = week_start(week)
    sessions = sorted(sessions, key=lambda s: s.start)
    counts = Counter(s.primary for s in sessions)
    modalities = {m: counts.get(m, 0) for m in MODALITIES}
    touched = {m for s in sessions for m in (s.qualifying or (s.primary,)) if m in FOUR}
    days = daily_loads(sessions, monday, zone)
    load = sum(days)
    estimated = any(session_load(s)[1] for s in sessions)
    elapsed = _days_elapsed(monday, now, zone)
    in_progress = elapsed < 7
    monotony, strain = (None, None) if in_progress else monotony_and_strain(days)
    previous = [h for h in history[:HISTORY_WEEKS] if h.sessions]
    average = mean(h.load for h in previous) if len(previous) >= TRAINED_WEEKS else None
    to_date = mean(sum(h.daily_loads[:elapsed]) for h in previous) if average else None
    ratio = load / (to_date if in_progress else average) if average and to_date else None
    levels: dict[str, list[str]] = defaultdict(list)
    hard_sets: Counter[str] = Counter()
    for s in sessions:
        for name, level in s.exerkine_levels.items():
            levels[name].append(level)
        hard_sets.update(s.hard_sets_by_muscle)
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
        strength_days=strength_days(sessions, zone),
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
        history_weeks=len(previous),
        recommendations=[],
        in_progress=in_progress,
        days_elapsed=elapsed,
        to_date_average=to_date if in_progress else None,
        block=next((s.block for s in sessions if s.block), ""),
        exerkine_evidence={
            name: strongest(found)
            for name, found in sorted(levels.items(), key=lambda i: _exerkine_order(i[0]))
        },
        hard_sets_by_muscle=dict(sorted(hard_sets.items(), key=lambda i: (-i[1], i[0]))),
    )
    return _with_recommendations(metrics, history, touched)


def _days_elapsed(monday: date, now: datetime | None, zone: ZoneInfo) -> int:
    """1–6 while the week is in progress (Monday is 1), 7 once it is over or not started."""
    if now is None:
        return 7
    index = (now.astimezone(zone).date() - monday).days
    return index + 1 if 0 <= index < 6 else 7


def strength_days(sessions: list[SessionSummary], zone: ZoneInfo) -> int:
    """Days of real muscle-strengthening work (WHO [R55]): ≥ 4 working sets of moderate or
    greater effort over ≥ 2 major muscle groups, the day's sessions together."""
    sets: dict[date, int] = defaultdict(int)
    groups: dict[date, set[str]] = defaultdict(set)
    for s in sessions:
        day = s.start.astimezone(zone).date()
        if s.strengthening_sets is None:  # groups unknown: judged by the working sets alone
            sets[day] += s.working_sets
            groups[day].update(("?", "??"))
        else:
            sets[day] += s.strengthening_sets
            groups[day].update(s.strengthening_groups or ())
    return sum(
        1 for d in sets if sets[d] >= STRENGTH_DAY_SETS and len(groups[d]) >= STRENGTH_DAY_GROUPS
    )


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

VARIETY_MESSAGES = {
    "endurance": (
        "Optional, if you'd like variety: a steady session of 20 minutes or more at a "
        "moderate effort, such as an easy run or ride, is a kind of training this week "
        "didn't have, and it counts toward the WHO aerobic minutes."
    ),
    "hiit": (
        "Optional, if you'd like variety: a short interval session, such as 10 × 1 minute "
        "hard with easy minutes between, is a kind of training this week didn't have; "
        "vigorous minutes count double toward the WHO aerobic minutes."
    ),
}
ADD_MESSAGES = VARIETY_MESSAGES  # the add_<kind> codes of the API

# What each rule rests on (docs/science.md section 4 keys), so every message stays traceable.
RULE_BASIS = {
    "add_hiit": ("R55", "R79"),
    "add_endurance": ("R55", "R56"),
    "aerobic_minimum": ("R55",),
    "strength_days": ("R55", "R56"),
    "rest_day": ("R56", "R74", "R75", "R80"),
    "load_spike": ("R89", "R90", "R91"),
    "high_monotony": ("R83",),
    "deliberate_block": ("R55",),
}


def _with_recommendations(
    m: WeekMetrics, history: list[WeekMetrics], touched: set[str]
) -> WeekMetrics:
    recs: list[Recommendation] = []
    if m.block and m.sessions:
        recs.append(
            Recommendation(
                "deliberate_block",
                f"This looks like a {BLOCK_LABELS[m.block]} week, planned to be lighter or more "
                "focused, so there are no suggestions to add training to it. The WHO's weekly "
                "guideline is 150 aerobic minutes and muscle-strengthening on 2 or more days.",
            )
        )
    else:
        recs += _health(m)
        if not recs and not m.in_progress and m.sessions:
            recs += _variety(touched)
    if m.hard_day_streak >= HARD_DAYS_IN_A_ROW or m.close_sessions:
        reason = (
            f"{m.hard_day_streak} hard days in a row"
            if m.hard_day_streak >= HARD_DAYS_IN_A_ROW
            else "the same muscles trained hard less than 48 hours apart"
        )
        recs.append(
            Recommendation(
                "rest_day",
                f"The week {'has' if m.in_progress else 'had'} {reason}. An easier day, or "
                "about 48 hours before working the same muscles hard again, helps recovery.",
            )
        )
    spike = _load_spike(m)
    if spike:
        recs.append(spike)
    if not m.in_progress and not m.block and _unusually_monotonous(m, history):
        recs.append(
            Recommendation(
                "high_monotony",
                "The week was more uniform and heavier than usual for you; mixing easy "
                "and hard days adds variety.",
            )
        )
    return WeekMetrics(**{**m.__dict__, "recommendations": recs})


def _health(m: WeekMetrics) -> list[Recommendation]:
    """What is missing for health (2c): the WHO aerobic minutes and strengthening days."""
    recs = []
    shown = round(m.who_equivalent)  # decide on the number the message shows
    if shown < WHO_MINIMUM:
        if m.in_progress:
            left = 7 - m.days_elapsed
            message = (
                f"So far {shown} of the 150 weekly aerobic minutes the WHO recommends "
                f"(vigorous minutes count double), with {left} day{'s' if left != 1 else ''} "
                "of the week to go."
            )
        else:
            message = (
                f"The week had {shown} of the 150 aerobic minutes a week the WHO recommends "
                "(vigorous minutes count double). Brisk walking, cycling, swimming and running "
                "all count."
            )
        recs.append(Recommendation("aerobic_minimum", message))
    if m.strength_days < STRENGTH_DAYS:
        days = f"{m.strength_days} day{'' if m.strength_days == 1 else 's'}"
        if m.in_progress:
            message = (
                f"Muscle-strengthening on {days} so far; the WHO recommends 2 or more days a week."
            )
        else:
            message = (
                f"Muscle-strengthening on {days} this week; the WHO recommends 2 or more, "
                "working the major muscle groups. A day counts when it has at least "
                f"{STRENGTH_DAY_SETS} working sets for {STRENGTH_DAY_GROUPS} or more of them."
            )
        recs.append(Recommendation("strength_days", message))
    return recs


def _variety(touched: set[str]) -> list[Recommendation]:
    """One kind of training the week didn't have, offered as an option (2c: variety is an
    option, never a quota). Only endurance or HIIT: a week without lifting gets its
    strengthening-days suggestion instead, and no one is told to add a lifting style."""
    kinds = {KINDS.get(m, m) for m in touched}
    for kind in ("endurance", "hiit"):
        if kind not in kinds:
            return [Recommendation(f"add_{kind}", VARIETY_MESSAGES[kind])]
    return []


def _load_spike(m: WeekMetrics) -> Recommendation | None:
    """A marked jump over the previous weeks, named kindly; only with ≥ 3 trained weeks
    among the previous four. A week in progress counts only once its load so far already
    exceeds a typical full week by that much: the days left can only add to it."""
    average = m.four_week_average
    if not average or m.history_weeks < TRAINED_WEEKS:
        return None
    if m.in_progress:
        ratio = m.load / average
        if ratio < 1 + LOAD_CHANGE:
            return None
        return Recommendation(
            "load_spike",
            f"Your training load so far is already {round((ratio - 1) * 100)}% above a usual "
            "full week of the previous four, a marked jump. Changes in training are usually "
            "best made gradually, so it's worth noticing how you recover.",
        )
    if not m.load_ratio or m.load_ratio < 1 + LOAD_CHANGE:
        return None
    return Recommendation(
        "load_spike",
        f"The week's training load was {round((m.load_ratio - 1) * 100)}% above your average "
        "of the previous four weeks, a marked jump. Changes in training are usually best "
        "made gradually, so it's worth noticing how you recover.",
    )


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
