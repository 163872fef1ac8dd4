"""What a session was, in numbers: pure functions over plain data, no ORM.

`SessionData` is built from a workout by `insights.loading`; `compute_features` turns it
into `Features`, which the classifier reads. Formulas and rules are docs/science.md 2a–2b.

Two readings of the evidence shape this module (issue 15):
- %1RM comes from evidence: reps plus logged reps in reserve (today or in the lifter's last
  8 weeks), or a missed attempt. A set logged without effort is never read as if taken to
  failure to estimate its own session's %1RM; without an estimate, only the no-estimate rule
  (≤ 6 reps at a logged RIR ≤ 3) can call a set heavy. Loads light for the lift never are.
- "Continuous" aerobic work is one unbroken block: hard interval bouts, rests and easy
  stretches end it, so a warm-up and a cool-down are never added up into 20 minutes.
"""

from dataclasses import dataclass, field
from statistics import median

from insights.thresholds import DEFAULT, Thresholds
from logbook.strength import estimate_1rm

WARMUP = "warmup"
TO_FAILURE = ("failure", "dropset")
CARDIO_ACTIVITIES = ("run", "ride", "row", "swim", "walk")
BAR_EQUIPMENT = ("barbell", "trap_bar", "smith_machine")
FREE_WEIGHTS = ("dumbbell", "kettlebell", "medicine_ball", "plate", "sandbag", "other")
LEG_PATTERNS = ("squat", "hinge", "lunge", "olympic")
NEVER_HEAVY_PATTERNS = ("plyometric",)  # jumps, throws, burpees: power or conditioning work
# Movement families for telling a mixed-modal circuit from a superset of two curls.
FAMILIES = {
    "squat": "legs",
    "hinge": "legs",
    "lunge": "legs",
    "knee_extension": "legs",
    "knee_flexion": "legs",
    "calf": "legs",
    "hip_isolation": "legs",
    "horizontal_push": "push",
    "vertical_push": "push",
    "chest_isolation": "push",
    "elbow_extension": "push",
    "shoulder_isolation": "push",
    "horizontal_pull": "pull",
    "vertical_pull": "pull",
    "elbow_flexion": "pull",
    "core": "core",
    "plyometric": "conditioning",
    "carry": "conditioning",
    "olympic": "conditioning",
    "cardio": "conditioning",
}
# The major muscle groups the WHO guideline's muscle-strengthening days refer to [R55, R56].
MAJOR_GROUPS = {
    "quads": "legs",
    "hamstrings": "legs",
    "calves": "legs",
    "adductors": "legs",
    "abductors": "legs",
    "glutes": "hips",
    "hip_flexors": "hips",
    "lats": "back",
    "upper_back": "back",
    "traps": "back",
    "lower_back": "back",
    "abs": "abdomen",
    "obliques": "abdomen",
    "chest": "chest",
    "front_delts": "shoulders",
    "side_delts": "shoulders",
    "rear_delts": "shoulders",
    "biceps": "arms",
    "triceps": "arms",
    "forearms": "arms",
}
STRENGTHENING_MAX_RIR = 5  # "moderate or greater intensity" [R55]: RPE 5 or more: convention
LIGHT, MODERATE, VIGOROUS = "light", "moderate", "vigorous"
LEVELS = (LIGHT, MODERATE, VIGOROUS)


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
    equipment: str = ""  # barbell | dumbbell | … (the catalog's)
    movement: str = ""  # the catalog's movement pattern: squat | hinge | plyometric | …
    superset: int | None = None


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
    # measured | recorded (highest heart rate seen lately) | age (Tanaka); "" = given as is
    hr_max_source: str = ""
    # e1RM by exercise key from evidence in the last 8 weeks: sets with effort logged.
    best_e1rm_kg: dict[str, float] = field(default_factory=dict)
    # Lower bounds from sets of the last 8 weeks logged without effort (taken as to failure,
    # they can only underestimate): they may make a load look lighter, never heavier.
    floor_e1rm_kg: dict[str, float] = field(default_factory=dict)

    @property
    def hr_source(self) -> str:
        if self.hr_max_source:
            return self.hr_max_source
        return "age" if self.hr_max_estimated else "measured"


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
    light: bool = False  # a load light for the lift (the empty bar …)
    assumed: bool = False  # hard by assumption: nothing logged or known to judge it by


@dataclass(slots=True)
class Bout:
    """A work interval of up to 4 min, judged."""

    duration_s: int
    hr_frac: float | None
    rpe: float | None
    hard: bool
    intensity_known: bool


@dataclass(frozen=True)
class Segment:
    """A stretch of aerobic work with what is known of its intensity."""

    duration_s: float
    hr_frac: float | None = None
    rpe: float | None = None
    level: str = MODERATE  # light | moderate | vigorous, measured or assumed
    high: bool = False  # at HIIT intensity: ≥ 85% HRmax or RPE ≥ 7 (a race pace)


@dataclass(frozen=True, slots=True)
class Block:
    """An unbroken stretch of aerobic work (2b "continuous"), its figures computed once."""

    segments: tuple[Segment, ...]
    minutes: float
    high_minutes: float  # the longest run of segments at HIIT intensity (a race inside it)
    hr_frac: float | None  # duration-weighted, over the segments that have one
    rpe: float | None
    intensity: str  # light | moderate | vigorous

    @property
    def measured(self) -> bool:
        return self.hr_frac is not None or self.rpe is not None

    def level(self, t: Thresholds = DEFAULT) -> str:
        return self.intensity


def make_block(segments: tuple[Segment, ...], t: Thresholds = DEFAULT) -> Block:
    total = best = run = 0.0
    hr_sum = hr_weight = rpe_sum = rpe_weight = 0.0
    level = LIGHT
    for s in segments:
        duration = s.duration_s
        total += duration
        run = run + duration if s.high else 0.0
        best = max(best, run)
        if s.hr_frac is not None and duration > 0:
            hr_sum += s.hr_frac * duration
            hr_weight += duration
        if s.rpe is not None and duration > 0:
            rpe_sum += s.rpe * duration
            rpe_weight += duration
        if LEVELS.index(s.level) > LEVELS.index(level):
            level = s.level
    hr_frac = hr_sum / hr_weight if hr_weight else None
    rpe = rpe_sum / rpe_weight if rpe_weight else None
    if hr_frac is not None:
        level = level_of(hr_frac, None, t)
    elif rpe is not None:
        level = level_of(None, rpe, t)
    elif not segments:
        level = MODERATE
    return Block(segments, total / 60, best / 60, hr_frac, rpe, level)


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
    e1rm_source: dict[str, str]  # today | history | missed: where each estimate comes from
    e1rm_low_confidence: tuple[str, ...]
    no_estimate: tuple[str, ...]  # exercises lifted with no e1RM and no effort logged
    effort_logged: bool
    strengthening_sets: int  # working sets of moderate or greater effort, not light for the lift
    strengthening_groups: tuple[str, ...]  # the major muscle groups they worked
    rests_logged: int
    implied_rest_s: float | None  # with no rests logged: the duration left over per set
    families: tuple[str, ...]  # the kinds of movement of the lifting part
    bouts: tuple[Bout, ...]  # every work interval of up to 4 min
    hard_bout_minutes: float
    recovery_minutes: float  # the recoveries between hard bouts
    interval_minutes: float  # the hard bouts and the recoveries between them
    blocks: tuple[Block, ...]  # unbroken aerobic stretches, in order
    continuous_minutes: float  # all aerobic minutes at moderate or above, every block
    continuous_hr_frac: float | None  # of the longest block
    continuous_rpe: float | None
    moderate_minutes: float  # WHO minutes [R55]: hard bouts count vigorous
    vigorous_minutes: float
    resistance_minutes: float
    session_minutes: float
    srpe_load: float | None
    hr_max: int | None
    hr_max_source: str
    hr_logged: bool  # any heart rate on the session or its intervals
    assumptions: tuple[str, ...]

    @property
    def working_sets(self) -> int:
        return len(self.lift_sets)

    @property
    def hr_max_estimated(self) -> bool:
        return self.hr_max is not None and self.hr_max_source != "measured"

    def longest_block(self, t: Thresholds = DEFAULT, at_least: str = MODERATE) -> Block | None:
        """The longest block at `at_least` intensity or above."""
        floor = LEVELS.index(at_least)
        fit = [b for b in self.blocks if LEVELS.index(b.level(t)) >= floor]
        return max(fit, key=lambda b: b.minutes, default=None)

    def as_dict(self) -> dict:
        """The numbers shown with an insight (API `features`)."""
        hard = self.hard_sets
        longest = max(self.blocks, key=lambda b: b.minutes, default=None)
        return {
            "working_sets": self.working_sets,
            "hard_sets": len(hard),
            "warmup_sets": self.warmup_sets,
            "heavy_sets": sum(s.heavy for s in hard),
            "light_sets": sum(s.light for s in self.lift_sets),
            "strengthening_sets": self.strengthening_sets,
            "strengthening_groups": list(self.strengthening_groups),
            "volume_load_kg": round(self.volume_load_kg, 1),
            "hard_sets_by_muscle": self.hard_sets_by_muscle,
            "median_rest_s": self.median_rest_s,
            "eccentric_sets": self.eccentric_sets,
            "compound_share": _round(self.compound_share),
            "e1rm_kg": {k: round(v, 1) for k, v in self.e1rm_kg.items()},
            "e1rm_source": dict(self.e1rm_source),
            "work_bouts": len(self.bouts),
            "hard_work_bouts": sum(b.hard for b in self.bouts),
            "work_bout_median_s": median([b.duration_s for b in self.bouts])
            if self.bouts
            else None,
            "continuous_minutes": round(self.continuous_minutes, 1),
            "longest_block_minutes": round(longest.minutes, 1) if longest else 0.0,
            "continuous_hr_pct": _pct(self.continuous_hr_frac),
            "session_minutes": round(self.session_minutes, 1),
            "srpe_load": _round(self.srpe_load, 0),
            "hr_max": self.hr_max,
            "hr_max_estimated": self.hr_max_estimated,
            "hr_max_source": self.hr_max_source if self.hr_max else None,
        }


# --- Estimated 1RM (docs/science.md 2a) -------------------------------------------------------


def predicted_max_reps(pct_e1rm: float) -> float:
    """Reps possible at a fraction of 1RM: Epley solved for r."""
    return 30 * (1 / pct_e1rm - 1) if pct_e1rm > 0 else float("inf")


def rir_of(s: SetData) -> float | None:
    return rir_from(s.rir, s.rpe, s.set_type)


def rir_from(rir: float | None, rpe: float | None, set_type: str) -> float | None:
    """Reps in reserve from what was logged (for callers with bare columns, not a SetData)."""
    if rir is not None:
        return rir
    if rpe is not None:
        return max(0.0, 10 - rpe)  # RPE 10 = 0 RIR, RPE 9 = 1 RIR … [R67, R68]
    if set_type in TO_FAILURE:
        return 0.0
    return None


def best_e1rm(
    exercises: tuple[ExerciseData, ...], t: Thresholds = DEFAULT, *, effort: bool | None = None
) -> tuple[dict[str, float], set[str]]:
    """Best e1RM per exercise from these sets, preferring sets of ≤ 10 reps [R72, R73].

    `effort=True` uses only sets with effort known (RPE, RIR, a failure or drop set): the
    evidence for an estimate. `effort=False` uses only the others, read as if to failure:
    lower bounds. None uses every set.
    """
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
            rir = rir_of(s)
            if effort is not None and (rir is not None) != effort:
                continue
            value = estimate_1rm(load, reps, rir)
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


def missed_attempts(exercises: tuple[ExerciseData, ...]) -> dict[str, float]:
    """The lightest load missed (0 reps) at or above the heaviest completed set of each
    exercise: that day's 1RM is below it, so a completed set's %1RM is at least load / miss."""
    misses: dict[str, float] = {}
    for exercise in exercises:
        if exercise.kind != "resistance":
            continue
        done = [
            s.load_kg
            for s in exercise.sets
            if s.load_kg and s.reps and s.reps > 0 and s.set_type != WARMUP
        ]
        missed = [
            s.load_kg
            for s in exercise.sets
            if s.load_kg and s.reps == 0 and not s.duration_s and s.set_type != WARMUP
        ]
        top = max(done, default=0.0)
        above = [m for m in missed if top and m >= top]
        if above:
            misses[exercise.key] = min(above)
    return misses


def light_load_kg(exercise: ExerciseData, t: Thresholds = DEFAULT) -> float:
    """The load at or below which a set is light for the lift (conventions, 2b notes): the
    empty bar on a multi-joint barbell lift, 10 kg in the hand on a squat, hinge or lunge."""
    if exercise.equipment in BAR_EQUIPMENT and exercise.mechanic == "compound":
        return t.light_bar_kg
    if exercise.equipment in FREE_WEIGHTS and exercise.movement in LEG_PATTERNS:
        return t.light_free_weight_kg
    return 0.0


# --- Features --------------------------------------------------------------------------------


def compute_features(session: SessionData, t: Thresholds = DEFAULT) -> Features:
    assumptions: list[str] = []
    e1rm, sources, low_confidence = _estimates(session, t)
    lifts = _judge_lifts(session, e1rm, t)
    lift_sets = lifts.sets
    no_estimate = tuple(
        dict.fromkeys(
            s.exercise for s in lift_sets if s.pct_e1rm is None and s.rir is None and not s.light
        )
    )
    if lift_sets and not lifts.effort_logged and e1rm:
        assumptions.append(
            "No RPE or RIR logged: sets counted as hard when at 60% or more of estimated 1RM "
            "with at least half the reps possible at that load."
        )

    hr_max = session.hr_max
    hr_logged = bool(session.avg_hr) or any(i.avg_hr for i in session.intervals)
    parts = _split_intervals(session, hr_max, t)
    bouts = parts.bouts
    if bouts and not any(b.intensity_known for b in bouts):
        if hr_logged and not hr_max:
            assumptions.append(
                "Heart rate logged but no max heart rate to judge it by: work intervals "
                "taken as hard."
            )
        else:
            assumptions.append(
                "No heart rate or RPE on the work intervals: assumed they were hard"
                + (" (session RPE)." if session.session_rpe is not None else ".")
            )

    resistance_minutes = lifts.seconds / 60 + lifts.warmups * 1.5
    blocks = parts.blocks + _plain_cardio_blocks(session, hr_max, resistance_minutes, t)
    counted = [b for b in blocks if b.level(t) != LIGHT]
    continuous_minutes = sum(b.minutes for b in counted)
    longest = max(counted, key=lambda b: b.minutes, default=None)
    interval_minutes = (parts.hard_s + parts.recovery_s) / 60
    aerobic_minutes = sum(b.minutes for b in blocks) + parts.other_s / 60
    measured = (
        resistance_minutes + interval_minutes + aerobic_minutes
        if not session.duration_s
        else session.duration_s / 60
    )
    if not session.duration_s and measured:
        assumptions.append("No duration logged: length estimated from the sets and intervals.")
    srpe = session.session_rpe * measured if session.session_rpe is not None else None
    if hr_max and _peak_hr(session) > hr_max and session.hr_source == "measured":
        assumptions.append(
            f"Heart rate went above your max of {hr_max} bpm; a higher max would be more accurate."
        )
    moderate, vigorous = _who_minutes(blocks, parts, t)

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
        e1rm_source=sources,
        e1rm_low_confidence=tuple(sorted(low_confidence)),
        no_estimate=no_estimate,
        effort_logged=lifts.effort_logged,
        strengthening_sets=lifts.strengthening,
        strengthening_groups=tuple(sorted(lifts.groups)),
        rests_logged=len(rests),
        implied_rest_s=_implied_rest(session, lifts, parts, t),
        families=_families(session),
        bouts=tuple(bouts),
        hard_bout_minutes=parts.hard_s / 60,
        recovery_minutes=parts.recovery_s / 60,
        interval_minutes=interval_minutes,
        blocks=tuple(blocks),
        continuous_minutes=continuous_minutes,
        continuous_hr_frac=longest.hr_frac if longest else None,
        continuous_rpe=longest.rpe if longest else None,
        moderate_minutes=moderate,
        vigorous_minutes=vigorous,
        resistance_minutes=resistance_minutes,
        session_minutes=measured,
        srpe_load=srpe,
        hr_max=hr_max,
        hr_max_source=session.hr_source if hr_max else "",
        hr_logged=hr_logged,
        assumptions=tuple(assumptions),
    )


def _estimates(
    session: SessionData, t: Thresholds
) -> tuple[dict[str, float], dict[str, str], set[str]]:
    """The e1RM of each exercise, from evidence only, and where it comes from."""
    today, low_confidence = best_e1rm(session.exercises, t, effort=True)
    history, floor = session.best_e1rm_kg, session.floor_e1rm_kg
    misses = (
        missed_attempts(session.exercises)
        if any(s.reps == 0 for e in session.exercises for s in e.sets)
        else {}
    )
    e1rm: dict[str, float] = {}
    sources: dict[str, str] = {}
    for exercise in session.exercises:
        key = exercise.key
        if exercise.kind != "resistance" or key in e1rm:
            continue
        own, past = today.get(key, 0.0), history.get(key, 0.0)
        if own or past:
            value = max(own, past, floor.get(key, 0.0))
            sources[key] = "today" if own >= past else "history"
            if key in misses and misses[key] < value:
                value = misses[key]  # today's 1RM is below the missed load
                sources[key] = "missed"
            e1rm[key] = value
        elif key in misses:
            e1rm[key], sources[key] = misses[key], "missed"
    return e1rm, sources, low_confidence & set(e1rm)


@dataclass(slots=True)
class _Lifts:
    """The working sets of a session, judged, and what is summed over them (one pass)."""

    sets: list[LiftSet] = field(default_factory=list)
    hard: list[LiftSet] = field(default_factory=list)
    warmups: int = 0
    effort_logged: bool = False
    rests: list[int] = field(default_factory=list)
    seconds: float = 0.0
    work_seconds: float = 0.0  # time under load only
    volume_load_kg: float = 0.0
    eccentric: int = 0
    compound: int = 0
    hard_by_muscle: dict[str, int] = field(default_factory=dict)
    strengthening: int = 0
    groups: set[str] = field(default_factory=set)


def _judge_lifts(session: SessionData, e1rm: dict[str, float], t: Thresholds) -> _Lifts:
    # The classifier's hot path: per-exercise values and thresholds are read once, not per set.
    seconds_per_rep, assumed_rest_s = t.seconds_per_rep, t.assumed_rest_s
    very_heavy_pct, very_heavy_max_reps = t.very_heavy_pct, t.very_heavy_max_reps
    easy_session = session.session_rpe is not None and session.session_rpe <= t.easy_session_rpe10
    out = _Lifts()
    for exercise in session.exercises:
        if exercise.kind != "resistance":
            continue
        best = e1rm.get(exercise.key)
        compound = exercise.mechanic == "compound"
        muscles = exercise.primary_muscles
        light_kg = light_load_kg(exercise, t)
        never_heavy = exercise.movement in NEVER_HEAVY_PATTERNS
        strengthening_before = out.strengthening
        for s in exercise.sets:
            if s.set_type == WARMUP:
                out.warmups += 1
                continue
            reps = s.reps or 0
            if reps == 0 and not s.duration_s:
                continue  # a missed attempt or an empty row: not a working set
            rir = rir_of(s)
            load = s.load_kg
            light = bool(light_kg) and load is not None and load <= light_kg
            pct = min(1.0, load / best) if best and load else None
            if rir is not None:
                hard, assumed = rir <= t.hard_set_max_rir, False
            elif light or easy_session:
                hard, assumed = False, False
            elif pct is not None:
                hard, assumed = _hard_by_load(reps, pct, t), False
            else:
                hard, assumed = True, True  # nothing to judge by: logged working sets are
            heavy = hard and not light and not never_heavy and _is_heavy(reps, rir, pct, t)
            very_heavy = heavy and (
                (pct is not None and pct >= very_heavy_pct) or 0 < reps <= very_heavy_max_reps
            )
            rest_s = s.rest_s
            work = s.duration_s or reps * seconds_per_rep
            seconds = work + (rest_s if rest_s is not None else assumed_rest_s)
            # Positional, in LiftSet's field order: keywords cost a tenth of the classifier.
            lift = LiftSet(
                exercise.key,  # exercise
                reps,
                load,
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
                light,
                assumed,
            )
            out.sets.append(lift)
            out.effort_logged |= s.rir is not None or s.rpe is not None
            out.seconds += seconds
            out.work_seconds += work
            out.volume_load_kg += reps * (load or 0)
            out.eccentric += s.eccentric_emphasis
            out.compound += compound
            if rest_s is not None:
                out.rests.append(rest_s)
            if not light and (rir is None or rir <= STRENGTHENING_MAX_RIR):
                out.strengthening += 1
            if hard:
                out.hard.append(lift)
                for m in muscles:
                    out.hard_by_muscle[m] = out.hard_by_muscle.get(m, 0) + 1
        if out.strengthening > strengthening_before:
            out.groups.update(MAJOR_GROUPS[m] for m in muscles if m in MAJOR_GROUPS)
    return out


def _hard_by_load(reps: int, pct: float, t: Thresholds) -> bool:
    """Without RIR (2a): ≥ 60% e1RM with reps ≥ half the predicted maximum, or a set whose
    predicted reps in reserve are ≤ 3 anyway, as a single at 90% is. A set at the heavy line
    (≥ 80% e1RM) is a working set by its load alone: doubles and triples at 80–85% are how
    heavy work is done (ACSM heavy loading [R57]; convention)."""
    if pct >= t.heavy_pct:
        return True
    possible = predicted_max_reps(pct)
    return pct >= t.hard_set_min_pct and (
        reps >= t.hard_set_min_rep_share * possible - 1e-9 or possible - reps <= t.hard_set_max_rir
    )


def _is_heavy(reps: int, rir: float | None, pct: float | None, t: Thresholds) -> bool:
    """≥ 80% of e1RM when there is one; without one, ≤ 6 reps at a logged RIR ≤ 3 (2b). Once
    an e1RM is known the reps rule no longer applies: 6 reps with 3 in reserve is ~78%."""
    if pct is not None:
        return pct >= t.heavy_pct
    return rir is not None and rir <= t.hard_set_max_rir and 0 < reps <= t.heavy_max_reps


# --- Aerobic work ------------------------------------------------------------------------------


def level_of(hr_frac: float | None, rpe: float | None, t: Thresholds) -> str:
    """ACSM bands [R56]: moderate from 64% HRmax (CR-10 3), vigorous from 77% (CR-10 5)."""
    if hr_frac is not None:
        if hr_frac >= t.vigorous_hr_frac:
            return VIGOROUS
        return MODERATE if hr_frac >= t.moderate_hr_frac else LIGHT
    if rpe is not None:
        if rpe >= t.vigorous_rpe10:
            return VIGOROUS
        return MODERATE if rpe >= t.moderate_rpe10 else LIGHT
    return ""


def is_high(hr_frac: float | None, rpe: float | None, t: Thresholds) -> bool:
    """HIIT intensity (2b): ≥ 85% HRmax, or RPE ≥ 7 without heart rate."""
    if hr_frac is not None:
        return hr_frac >= t.hiit_hr_frac
    return rpe is not None and rpe >= t.hiit_rpe10


@dataclass
class IntervalParts:
    bouts: list[Bout] = field(default_factory=list)
    hard_s: float = 0.0  # hard bouts
    recovery_s: float = 0.0  # recoveries between hard bouts
    other_s: float = 0.0  # easy stretches and rests that are no part of a block
    blocks: list[Block] = field(default_factory=list)


def _split_intervals(session: SessionData, hr_max: int | None, t: Thresholds) -> IntervalParts:
    """Hard bouts of up to 4 min and the recoveries after them make the interval part.
    Everything else is aerobic work, cut into unbroken blocks: a hard bout, a rest longer
    than a pause, or an easy stretch of 5 min or more ends a block."""
    parts = IntervalParts()
    current: list[Segment] = []
    after_hard = False
    default = _default_intensity(session, t)

    def close() -> None:
        if current:
            parts.blocks.append(make_block(tuple(current), t))
            current.clear()

    def aerobic(segment: Segment) -> None:
        if segment.level == LIGHT:
            parts.other_s += segment.duration_s
            if segment.duration_s >= t.easy_break_s:
                close()
            return
        current.append(segment)

    for interval in session.intervals:
        hr_frac = interval.avg_hr / hr_max if interval.avg_hr and hr_max else None
        duration = interval.duration_s
        if interval.kind == "work" and duration <= t.hiit_bout_max_s:
            bout = Bout(
                duration_s=duration,
                hr_frac=hr_frac,
                rpe=interval.rpe,
                hard=_bout_is_hard(duration, hr_frac, interval.rpe, session, t),
                intensity_known=hr_frac is not None or interval.rpe is not None,
            )
            parts.bouts.append(bout)
            if bout.hard:
                parts.hard_s += duration
                after_hard = True
                close()
                continue
            after_hard = False
            aerobic(_segment(duration, hr_frac, interval.rpe, default, t))
            continue
        if interval.kind == "recovery":
            if after_hard:
                parts.recovery_s += duration
                continue
            level = level_of(hr_frac, interval.rpe, t)
            if level in (MODERATE, VIGOROUS):
                aerobic(_segment(duration, hr_frac, interval.rpe, default, t))
            elif duration <= t.pause_s:
                parts.other_s += duration  # a pause: the block goes on
            else:
                parts.other_s += duration
                close()
            continue
        after_hard = False
        aerobic(_segment(duration, hr_frac, interval.rpe, default, t))
    close()
    return parts


def _segment(
    duration: float, hr_frac: float | None, rpe: float | None, default: Segment, t: Thresholds
) -> Segment:
    if hr_frac is None and rpe is None:
        return Segment(duration, None, None, default.level, default.high)
    return Segment(duration, hr_frac, rpe, level_of(hr_frac, rpe, t), is_high(hr_frac, rpe, t))


def _default_intensity(session: SessionData, t: Thresholds) -> Segment:
    """What a stretch with nothing logged is taken as: the session's heart rate, else its
    session RPE, else moderate (a walk: light). Marked unmeasured (no hr/rpe) either way."""
    hr_frac = session.avg_hr / session.hr_max if session.avg_hr and session.hr_max else None
    if hr_frac is not None or session.session_rpe is not None:
        rpe = None if hr_frac is not None else session.session_rpe
        return Segment(0, None, None, level_of(hr_frac, rpe, t), is_high(hr_frac, rpe, t))
    return Segment(0, None, None, LIGHT if session.activity == "walk" else MODERATE, False)


def _plain_cardio_blocks(
    session: SessionData, hr_max: int | None, resistance_minutes: float, t: Thresholds
) -> list[Block]:
    """Each timed cardio set (a 2 min row in a circuit) is a block of its own; a cardio
    session without intervals or such sets is one block, its time less any lifting."""
    hr_frac = session.avg_hr / hr_max if session.avg_hr and hr_max else None
    rpe = session.session_rpe
    blocks = [
        make_block((_cardio_segment(s.duration_s, hr_frac, rpe, session, t),), t)
        for e in session.exercises
        if e.kind == "cardio"
        for s in e.sets
        if s.duration_s
    ]
    if blocks or session.intervals or session.activity not in CARDIO_ACTIVITIES:
        return blocks
    left_s = (session.duration_s or 0) - resistance_minutes * 60
    if left_s <= 0:
        return []
    return [make_block((_cardio_segment(left_s, hr_frac, rpe, session, t),), t)]


def _cardio_segment(
    duration: float, hr_frac: float | None, rpe: float | None, session: SessionData, t: Thresholds
) -> Segment:
    if hr_frac is not None:
        return Segment(
            duration, hr_frac, None, level_of(hr_frac, None, t), is_high(hr_frac, None, t)
        )
    if rpe is not None:
        return Segment(duration, None, rpe, level_of(None, rpe, t), is_high(None, rpe, t))
    return Segment(duration, None, None, LIGHT if session.activity == "walk" else MODERATE)


def _bout_is_hard(
    duration_s: int, hr_frac: float | None, rpe: float | None, session: SessionData, t: Thresholds
) -> bool:
    """RPE ≥ 7 or ≥ 85% HRmax (2b). Heart rate lags behind bouts under ~60 s, so there the
    session RPE is read before heart rate; the heart-rate line is never lowered (2b note)."""
    if rpe is not None:
        return rpe >= t.hiit_rpe10
    session_rpe = session.session_rpe
    if duration_s < t.hiit_short_bout_s and session_rpe is not None:
        return session_rpe >= t.hiit_rpe10 or (hr_frac is not None and hr_frac >= t.hiit_hr_frac)
    if hr_frac is not None:
        return hr_frac >= t.hiit_hr_frac
    if session_rpe is not None:
        return session_rpe >= t.hiit_rpe10
    return True  # structured work intervals with no intensity logged: assume they were hard


def _who_minutes(blocks: list[Block], parts: IntervalParts, t: Thresholds) -> tuple[float, float]:
    """Moderate and vigorous minutes toward the WHO guideline [R55]: hard bouts count as
    vigorous, every aerobic stretch at its own level; light activity and lifting do not."""
    moderate = 0.0
    vigorous = parts.hard_s / 60
    for block in blocks:
        for s in block.segments:
            if s.level == VIGOROUS:
                vigorous += s.duration_s / 60
            elif s.level == MODERATE:
                moderate += s.duration_s / 60
    return moderate, vigorous


def _implied_rest(
    session: SessionData, lifts: _Lifts, parts: IntervalParts, t: Thresholds
) -> float | None:
    """With no rests logged but a duration: the time a set left beyond the work itself."""
    if lifts.rests or not session.duration_s or not lifts.sets:
        return None
    other = sum(b.minutes for b in parts.blocks) * 60 + parts.hard_s + parts.recovery_s
    cardio = sum(s.duration_s or 0 for e in session.exercises if e.kind == "cardio" for s in e.sets)
    spare = session.duration_s - other - cardio - lifts.work_seconds
    return max(0.0, spare) / len(lifts.sets)


def _families(session: SessionData) -> tuple[str, ...]:
    """The kinds of movement worked (legs, push, pull, core, conditioning), in order."""
    found = []
    for e in session.exercises:
        if e.kind == "mobility" or not any(
            (s.reps or s.duration_s) and s.set_type != WARMUP for s in e.sets
        ):
            continue
        family = "conditioning" if e.kind == "cardio" else FAMILIES.get(e.movement, e.key)
        if family not in found:
            found.append(family)
    return tuple(found)


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
