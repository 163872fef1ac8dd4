"""What a session was, in numbers: pure functions over plain data, no ORM.

`SessionData` is built from a workout by `insights.loading`; `compute_features` turns it
into `Features`, which the classifier reads. Formulas are docs/science.md section 2a.
"""

from dataclasses import dataclass, field
from statistics import median

from insights.thresholds import DEFAULT, Thresholds

WARMUP = "warmup"
TO_FAILURE = ("failure", "dropset")
CARDIO_ACTIVITIES = ("run", "ride", "row", "swim", "walk")


@dataclass(frozen=True)
class SetData:
    reps: int | None = None
    load_kg: float | None = None
    rpe: float | None = None
    rir: float | None = None
    rest_s: int | None = None
    set_type: str = "normal"
    duration_s: int | None = None
    distance_m: float | None = None
    eccentric_emphasis: bool = False


@dataclass(frozen=True)
class ExerciseData:
    key: str
    name: str = ""
    kind: str = "resistance"  # resistance | cardio | mobility
    mechanic: str = ""  # compound | isolation
    primary_muscles: tuple[str, ...] = ()
    sets: tuple[SetData, ...] = ()


@dataclass(frozen=True)
class IntervalData:
    kind: str  # work | recovery | steady
    duration_s: int
    avg_hr: int | None = None
    rpe: float | None = None


@dataclass(frozen=True)
class SessionData:
    activity: str = "other"
    duration_s: int | None = None
    session_rpe: float | None = None
    avg_hr: int | None = None
    fasted: bool = False
    exercises: tuple[ExerciseData, ...] = ()
    intervals: tuple[IntervalData, ...] = ()
    hr_max: int | None = None
    hr_max_estimated: bool = False
    best_e1rm_kg: dict[str, float] = field(default_factory=dict)  # last 8 weeks, by exercise key


@dataclass(slots=True)
class LiftSet:
    """A working (non-warm-up) resistance set, judged."""

    exercise: str
    reps: int
    load_kg: float | None
    rir: float | None  # logged, or from RPE, or 0 for failure and drop sets
    hard: bool
    heavy: bool
    very_heavy: bool
    pct_e1rm: float | None
    rest_s: int | None
    eccentric: bool
    compound: bool
    muscles: tuple[str, ...]
    seconds: float  # time under load plus the rest after it


@dataclass(slots=True)
class Bout:
    """A work interval, judged."""

    duration_s: int
    hr_frac: float | None
    rpe: float | None
    hard: bool
    intensity_known: bool


@dataclass(frozen=True)
class Features:
    lift_sets: tuple[LiftSet, ...]
    hard_sets: tuple[LiftSet, ...]
    warmup_sets: int
    volume_load_kg: float
    median_rest_s: float | None  # of the working sets, when at least two rests are logged
    hard_sets_by_muscle: dict[str, int]  # most first
    eccentric_sets: int
    compound_share: float | None
    e1rm_kg: dict[str, float]
    e1rm_low_confidence: tuple[str, ...]
    effort_logged: bool
    rests_logged: int
    bouts: tuple[Bout, ...]  # every work interval of up to 4 min
    interval_minutes: float  # the hard bouts and the recoveries between them
    efforts: tuple["Segment", ...]  # long work intervals at near-maximal intensity (a 2 km test)
    continuous_minutes: float  # steady aerobic time: steady and easier intervals, plain cardio
    continuous_hr_frac: float | None
    continuous_rpe: float | None
    resistance_minutes: float
    session_minutes: float
    srpe_load: float | None
    hr_max: int | None
    hr_max_estimated: bool
    assumptions: tuple[str, ...]

    @property
    def working_sets(self) -> int:
        return len(self.lift_sets)

    def as_dict(self) -> dict:
        """The numbers shown with an insight (API `features`)."""
        hard = self.hard_sets
        return {
            "working_sets": self.working_sets,
            "hard_sets": len(hard),
            "warmup_sets": self.warmup_sets,
            "heavy_sets": sum(s.heavy for s in hard),
            "volume_load_kg": round(self.volume_load_kg, 1),
            "hard_sets_by_muscle": self.hard_sets_by_muscle,
            "median_rest_s": self.median_rest_s,
            "eccentric_sets": self.eccentric_sets,
            "compound_share": _round(self.compound_share),
            "e1rm_kg": {k: round(v, 1) for k, v in self.e1rm_kg.items()},
            "work_bouts": len(self.bouts),
            "hard_work_bouts": sum(b.hard for b in self.bouts),
            "work_bout_median_s": median([b.duration_s for b in self.bouts])
            if self.bouts
            else None,
            "continuous_minutes": round(self.continuous_minutes, 1),
            "continuous_hr_pct": _pct(self.continuous_hr_frac),
            "session_minutes": round(self.session_minutes, 1),
            "srpe_load": _round(self.srpe_load, 0),
            "hr_max": self.hr_max,
            "hr_max_estimated": self.hr_max_estimated,
        }


# --- Estimated 1RM (science.md 2a) ---------------------------------------------------------


def epley(load_kg: float, reps: float) -> float:
    """e1RM = w × (1 + r/30) [Epley 1985 via R72]."""
    return load_kg * (1 + reps / 30)


def brzycki(load_kg: float, reps: float) -> float:
    """e1RM = w × 36 / (37 − r) [R70]; equal to Epley at r = 10."""
    return load_kg * 36 / (37 - reps)


def estimate_1rm(load_kg: float, reps: int, rir: float | None) -> float:
    """Brzycki up to 10 effort-adjusted reps, Epley beyond (they meet at 10).

    With RIR logged, reps to failure are r + RIR [R67, R68]; without it the set is
    taken as near failure, which can only underestimate the 1RM.
    """
    effective = reps + (rir or 0)
    if effective <= 1:
        return load_kg
    return brzycki(load_kg, effective) if effective <= 10 else epley(load_kg, effective)


def predicted_max_reps(pct_e1rm: float) -> float:
    """Reps possible at a fraction of 1RM: Epley solved for r."""
    return 30 * (1 / pct_e1rm - 1) if pct_e1rm > 0 else float("inf")


def rir_of(s: SetData) -> float | None:
    if s.rir is not None:
        return s.rir
    if s.rpe is not None:
        return max(0.0, 10 - s.rpe)  # RPE 10 = 0 RIR, RPE 9 = 1 RIR … [R67, R68]
    if s.set_type in TO_FAILURE:
        return 0.0
    return None


def best_e1rm(
    exercises: tuple[ExerciseData, ...], t: Thresholds = DEFAULT
) -> tuple[dict[str, float], set[str]]:
    """Best e1RM per exercise from these sets, preferring sets of ≤ 10 reps [R72, R73]."""
    best: dict[str, float] = {}
    low_confidence: set[str] = set()
    max_reps = t.e1rm_max_reps
    for exercise in exercises:
        if exercise.kind != "resistance":
            continue
        precise = rough = 0.0  # the best of the sets of ≤ max_reps, and of the longer ones
        for s in exercise.sets:
            load, reps = s.load_kg, s.reps
            if not load or load <= 0 or not reps or reps < 1 or s.set_type == WARMUP:
                continue
            value = estimate_1rm(load, reps, rir_of(s))
            if reps <= max_reps:
                precise = max(precise, value)
            else:
                rough = max(rough, value)
        if not precise:
            if not rough:
                continue
            low_confidence.add(exercise.key)
        best[exercise.key] = max(best.get(exercise.key, 0), precise or rough)
    return best, low_confidence


# --- Features --------------------------------------------------------------------------------


def compute_features(session: SessionData, t: Thresholds = DEFAULT) -> Features:
    assumptions: list[str] = []
    own_e1rm, low_confidence = best_e1rm(session.exercises, t)
    # The best of the last 8 weeks when there is history, including today's sets.
    e1rm = {key: max(value, session.best_e1rm_kg.get(key, 0)) for key, value in own_e1rm.items()}
    lifts = _judge_lifts(session, e1rm, t)
    lift_sets = lifts.sets
    if lift_sets and not lifts.effort_logged:
        assumptions.append(
            "No RPE or RIR logged: sets counted as hard when at 60% or more of estimated 1RM "
            "with at least half the reps possible at that load."
        )

    hr_max = session.hr_max
    parts = _split_intervals(session, hr_max, t)
    bouts = parts.bouts
    if bouts and not any(b.intensity_known for b in bouts):
        assumptions.append(
            "No heart rate or RPE on the work intervals: assumed they were hard"
            + (" (session RPE)." if session.session_rpe is not None else ".")
        )

    resistance_minutes = lifts.seconds / 60 + lifts.warmups * 1.5
    continuous_minutes, hr_frac, rpe = _continuous_part(session, hr_max, resistance_minutes, parts)
    interval_minutes = parts.hiit_s / 60
    near_max_minutes = sum(e.duration_s for e in parts.efforts) / 60
    measured = (
        resistance_minutes + interval_minutes + continuous_minutes + near_max_minutes
        if not session.duration_s
        else session.duration_s / 60
    )
    if not session.duration_s and measured:
        assumptions.append("No duration logged: length estimated from the sets and intervals.")
    srpe = session.session_rpe * measured if session.session_rpe is not None else None
    if session.hr_max_estimated and (bouts or continuous_minutes):
        assumptions.append("Max heart rate estimated as 220 − age; set yours in your profile.")
    if hr_max and _peak_hr(session) > hr_max:
        assumptions.append(
            f"Heart rate went above your max of {hr_max} bpm; a higher max would be more accurate."
        )

    rests = lifts.rests
    return Features(
        lift_sets=tuple(lift_sets),
        hard_sets=tuple(lifts.hard),
        warmup_sets=lifts.warmups,
        volume_load_kg=lifts.volume_load_kg,
        median_rest_s=median(rests) if len(rests) >= 2 else None,
        hard_sets_by_muscle=dict(
            sorted(lifts.hard_by_muscle.items(), key=lambda item: item[1], reverse=True)
        ),
        eccentric_sets=lifts.eccentric,
        compound_share=lifts.compound / len(lift_sets) if lift_sets else None,
        e1rm_kg=e1rm,
        e1rm_low_confidence=tuple(sorted(low_confidence)),
        effort_logged=lifts.effort_logged,
        rests_logged=len(rests),
        bouts=tuple(bouts),
        interval_minutes=interval_minutes,
        efforts=tuple(parts.efforts),
        continuous_minutes=continuous_minutes,
        continuous_hr_frac=hr_frac,
        continuous_rpe=rpe,
        resistance_minutes=resistance_minutes,
        session_minutes=measured,
        srpe_load=srpe,
        hr_max=hr_max,
        hr_max_estimated=session.hr_max_estimated,
        assumptions=tuple(assumptions),
    )


@dataclass(slots=True)
class _Lifts:
    """The working sets of a session, judged, and what is summed over them (one pass)."""

    sets: list[LiftSet] = field(default_factory=list)
    hard: list[LiftSet] = field(default_factory=list)
    warmups: int = 0
    effort_logged: bool = False
    rests: list[int] = field(default_factory=list)
    seconds: float = 0.0
    volume_load_kg: float = 0.0
    eccentric: int = 0
    compound: int = 0
    hard_by_muscle: dict[str, int] = field(default_factory=dict)


def _judge_lifts(session: SessionData, e1rm: dict[str, float], t: Thresholds) -> _Lifts:
    # The classifier's hot path: per-exercise values and thresholds are read once, not per set.
    seconds_per_rep, assumed_rest_s = t.seconds_per_rep, t.assumed_rest_s
    very_heavy_pct, very_heavy_max_reps = t.very_heavy_pct, t.very_heavy_max_reps
    out = _Lifts()
    for exercise in session.exercises:
        if exercise.kind != "resistance":
            continue
        best = e1rm.get(exercise.key)
        compound = exercise.mechanic == "compound"
        muscles = exercise.primary_muscles
        for s in exercise.sets:
            if s.set_type == WARMUP:
                out.warmups += 1
                continue
            reps = s.reps or 0
            if reps == 0 and not s.duration_s:
                continue  # a missed attempt or an empty row: not a working set
            rir = rir_of(s)
            logged = s.rir is not None or s.rpe is not None
            pct = min(1.0, s.load_kg / best) if best and s.load_kg else None
            hard = _is_hard(reps, rir, pct, t)
            heavy = hard and _is_heavy(reps, logged, rir, pct, t)
            very_heavy = heavy and (
                (pct is not None and pct >= very_heavy_pct) or 0 < reps <= very_heavy_max_reps
            )
            rest_s = s.rest_s
            seconds = (s.duration_s or reps * seconds_per_rep) + (
                rest_s if rest_s is not None else assumed_rest_s
            )
            # Positional, in LiftSet's field order: keywords cost a tenth of the classifier.
            lift = LiftSet(
                exercise.key,  # exercise
                reps,
                s.load_kg,
                rir,
                hard,
                heavy,
                very_heavy,
                pct,  # pct_e1rm
                rest_s,
                s.eccentric_emphasis,  # eccentric
                compound,
                muscles,
                seconds,
            )
            out.sets.append(lift)
            out.effort_logged |= logged
            out.seconds += seconds
            out.volume_load_kg += reps * (s.load_kg or 0)
            out.eccentric += s.eccentric_emphasis
            out.compound += compound
            if rest_s is not None:
                out.rests.append(rest_s)
            if hard:
                out.hard.append(lift)
                for m in muscles:
                    out.hard_by_muscle[m] = out.hard_by_muscle.get(m, 0) + 1
    return out


def _is_hard(reps: int, rir: float | None, pct: float | None, t: Thresholds) -> bool:
    """RIR ≤ 3 (2a). Without RIR: ≥ 60% e1RM with reps ≥ half the predicted maximum (2a), or
    a set whose predicted reps in reserve are ≤ 3 anyway, as a single at 90% is."""
    if rir is not None:
        return rir <= t.hard_set_max_rir
    if pct is not None:
        possible = predicted_max_reps(pct)
        return pct >= t.hard_set_min_pct and (
            reps >= t.hard_set_min_rep_share * possible - 1e-9
            or possible - reps <= t.hard_set_max_rir
        )
    return True  # bodyweight or timed work with nothing to judge by: logged working sets are


def _is_heavy(reps: int, effort_logged: bool, rir: float | None, pct: float | None, t) -> bool:
    """≥ 80% of e1RM, or ≤ 6 reps with RIR ≤ 3 logged (2b). The RIR rule applies even with
    an e1RM: %1RM is approximate between people and days [R65], RIR is today's [R66]."""
    if pct is not None and pct >= t.heavy_pct:
        return True
    return (
        effort_logged
        and rir is not None
        and rir <= t.hard_set_max_rir
        and (0 < reps <= t.heavy_max_reps)
    )


@dataclass(frozen=True)
class Segment:
    """A stretch of aerobic work with what is known of its intensity."""

    duration_s: float
    hr_frac: float | None = None
    rpe: float | None = None


@dataclass
class IntervalParts:
    bouts: list[Bout] = field(default_factory=list)
    hiit_s: float = 0.0  # hard bouts and the recoveries between them
    continuous: list[Segment] = field(default_factory=list)
    efforts: list[Segment] = field(default_factory=list)


def _split_intervals(session: SessionData, hr_max: int | None, t: Thresholds) -> IntervalParts:
    """Hard bouts of up to 4 min and their recoveries make the interval part. Everything
    else is aerobic work: steady stretches, easier bouts (a run-walk), long work intervals,
    except a long one at near-maximal intensity, kept apart as an all-out effort."""
    parts = IntervalParts()
    for interval in session.intervals:
        hr_frac = interval.avg_hr / hr_max if interval.avg_hr and hr_max else None
        if interval.kind == "work" and interval.duration_s <= t.hiit_bout_max_s:
            bout = Bout(
                duration_s=interval.duration_s,
                hr_frac=hr_frac,
                rpe=interval.rpe,
                hard=_bout_is_hard(interval.duration_s, hr_frac, interval.rpe, session, t),
                intensity_known=hr_frac is not None or interval.rpe is not None,
            )
            parts.bouts.append(bout)
            if bout.hard:
                parts.hiit_s += interval.duration_s
                continue
        segment = Segment(interval.duration_s, hr_frac, interval.rpe)
        if (
            interval.kind == "work"
            and interval.duration_s > t.hiit_bout_max_s
            and interval.duration_s <= t.near_max_max_min * 60
            and _near_max(segment, t)
        ):
            parts.efforts.append(segment)
            continue
        if interval.kind == "recovery" and any(b.hard for b in parts.bouts):
            parts.hiit_s += interval.duration_s
            continue
        parts.continuous.append(segment)
    return parts


def _near_max(segment: Segment, t: Thresholds) -> bool:
    if segment.hr_frac is not None:
        return segment.hr_frac >= t.near_max_hr_frac
    return segment.rpe is not None and segment.rpe >= t.near_max_rpe10


def _bout_is_hard(
    duration_s: int, hr_frac: float | None, rpe: float | None, session: SessionData, t: Thresholds
) -> bool:
    if rpe is not None:
        return rpe >= t.hiit_rpe10
    if hr_frac is not None:
        # Heart rate lags behind short bouts, so under ~60 s vigorous counts (2b design note).
        floor = t.vigorous_hr_frac if duration_s < t.hiit_short_bout_s else t.hiit_hr_frac
        return hr_frac >= floor
    if session.session_rpe is not None:
        return session.session_rpe >= t.hiit_rpe10
    return True  # structured work intervals with no intensity logged: assume they were hard


def _continuous_part(
    session: SessionData, hr_max: int | None, resistance_minutes: float, parts: IntervalParts
) -> tuple[float, float | None, float | None]:
    """Minutes of steady aerobic work, with their duration-weighted heart rate (fraction of
    max) and RPE."""
    cardio_sets_s = sum(
        s.duration_s or 0 for e in session.exercises if e.kind == "cardio" for s in e.sets
    )
    if session.intervals:
        segments = parts.continuous
        minutes = (sum(seg.duration_s for seg in segments) + cardio_sets_s) / 60
        hr = _weighted([(seg.hr_frac, seg.duration_s) for seg in segments])
        rpe = _weighted([(seg.rpe, seg.duration_s) for seg in segments])
        if hr is None and rpe is None and not parts.bouts and not parts.efforts:
            rpe = session.session_rpe
        return minutes, hr, rpe
    minutes = cardio_sets_s / 60
    if session.activity in CARDIO_ACTIVITIES and session.duration_s:
        minutes = max(minutes, session.duration_s / 60 - resistance_minutes)
    hr = session.avg_hr / hr_max if session.avg_hr and hr_max and minutes else None
    return minutes, hr, session.session_rpe if minutes else None


def _weighted(pairs: list[tuple[float | None, float]]) -> float | None:
    known = [(value, weight) for value, weight in pairs if value is not None and weight > 0]
    total = sum(weight for _, weight in known)
    return sum(value * weight for value, weight in known) / total if total else None


def _peak_hr(session: SessionData) -> int:
    rates = [session.avg_hr or 0] + [i.avg_hr or 0 for i in session.intervals]
    return max(rates)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _pct(fraction: float | None) -> float | None:
    return None if fraction is None else round(fraction * 100, 1)
