"""Which kinds of training a session was: a pure function of its features.

Each modality is scored 0–1 on the part of the session that belongs to it, so a heavy
main lift followed by volume accessories, or lifting then intervals, shows both. A score
of 0.5 or more means the docs/science.md 2b threshold is met; below that it only ramps up.
`primary` is the qualifying modality that dominates, weighing each score by the share
of the session's load its part took; `general` when none qualifies.

Every rationale line carries its basis: reference keys of docs/science.md section 4, or the
section ("§2b") whose rule, often a convention, it applies.
"""

from dataclasses import dataclass

from insights.features import (
    LIGHT,
    MODERATE,
    VIGOROUS,
    Block,
    Features,
    SessionData,
    compute_features,
)
from insights.thresholds import DEFAULT, Thresholds, classifier_version

HEAVY = "heavy_resistance"
HIGH_VOLUME = "high_volume"
HIIT = "hiit"
ENDURANCE = "endurance"
GENERAL = "general"
FOUR = (HEAVY, HIGH_VOLUME, HIIT, ENDURANCE)
QUALIFIES = 0.5

# The basis of each kind of rationale line (docs/science.md section 4 keys and sections).
HEAVY_BASIS = ("§2b", "R57", "R66")
E1RM_BASIS = ("§2a", "R67", "R68", "R69")
VOLUME_BASIS = ("§2b", "R61", "R57")
HIIT_BASIS = ("§2b", "R79", "R77")
CIRCUIT_BASIS = ("§2b", "R82")
ENDURANCE_BASIS = ("§2b", "R56")
HR_BASIS = ("§2b", "R56")
TANAKA_BASIS = ("§2b", "R98")
REST_BASIS = ("§2b", "R63", "R64")
GENERAL_BASIS = ("§2b",)


@dataclass(frozen=True)
class Line:
    """One sentence of a rationale and what backs it."""

    text: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class ModalityScore:
    modality: str
    score: float
    minutes: float  # the part of the session the score rests on
    reasons: tuple[Line, ...] = ()
    load: float = 0.0  # the part's minutes × its typical effort, for dominance


@dataclass(frozen=True)
class Classification:
    version: str
    primary: str
    modalities: tuple[ModalityScore, ...]  # ranked, primary first
    qualifying: tuple[str, ...]  # modalities meeting their threshold, ranked
    modifiers: tuple[str, ...]
    tags: tuple[str, ...]
    lines: tuple[Line, ...]
    features: Features
    intensity: str  # of the longest aerobic block: light | moderate | vigorous
    moderate_minutes: float  # aerobic minutes toward the WHO guideline [R55]
    vigorous_minutes: float

    @property
    def rationale(self) -> tuple[str, ...]:
        return tuple(line.text for line in self.lines)

    @property
    def rationale_refs(self) -> tuple[tuple[str, ...], ...]:
        return tuple(line.refs for line in self.lines)

    def summary(self) -> dict:
        """The features with the classifier's own readings, as stored and shown."""
        return {
            **self.features.as_dict(),
            "continuous_intensity": self.intensity if self.features.continuous_minutes else None,
            "moderate_minutes": round(self.moderate_minutes, 1),
            "vigorous_minutes": round(self.vigorous_minutes, 1),
        }


def classify(session: SessionData, t: Thresholds = DEFAULT) -> Classification:
    f = compute_features(session, t)
    longest = f.longest_block(t) or max(f.blocks, key=lambda b: b.minutes, default=None)
    intensity = longest.level(t) if longest else MODERATE
    heavy = _heavy(f, t, heavy_minutes := _heavy_minutes(f))
    circuit = _circuit(f, session, t, heavy)
    hiit = _hiit(f, session, t, circuit)
    conditioning = circuit is not None or (session.activity == "hiit" and hiit.score >= QUALIFIES)
    scores = [
        heavy,
        _high_volume(f, t, heavy_minutes, conditioning),
        hiit,
        _endurance(f, t),
    ]
    total = max(sum(s.load for s in scores), 1e-9)

    def weight(s: ModalityScore) -> float:
        return s.score * (0.5 + 0.5 * min(1.0, s.load / total))

    ranked = sorted((s for s in scores if s.score > 0), key=weight, reverse=True)
    qualifying = tuple(s.modality for s in ranked if s.score >= QUALIFIES)
    lines: list[Line] = [r for s in ranked if s.score >= QUALIFIES for r in s.reasons]
    if qualifying:
        primary = qualifying[0]
    else:
        primary = GENERAL
        best = max((s.score for s in scores), default=0.0)
        ranked.insert(0, ModalityScore(GENERAL, round(1 - best, 2), f.session_minutes))
        lines.append(_general_reason(f))
        lines += [r for s in ranked[1:] for r in s.reasons[:1]]
    lines += _lifting_notes(f, t, heavy)
    lines += _rest_reason(f)
    lines += [Line(a, ("§2a",) if "RPE or RIR" in a else ("§2b",)) for a in f.assumptions]
    lines += _heart_rate_notes(f, session, t)
    if longest and not longest.measured and longest.minutes >= 1:
        lines.append(_assumed_intensity(session))
    tags = _tags(f, scores, longest, t)
    return Classification(
        version=classifier_version(t),
        primary=primary,
        modalities=tuple(
            ModalityScore(s.modality, round(s.score, 2), round(s.minutes, 1), s.reasons)
            for s in ranked
        ),
        qualifying=qualifying,
        modifiers=_modifiers(f, session, t),
        tags=tags,
        lines=tuple(_unique(lines)),
        features=f,
        intensity=intensity,
        moderate_minutes=f.moderate_minutes,
        vigorous_minutes=max(
            f.vigorous_minutes, hiit.minutes if (conditioning and not f.bouts) else 0.0
        ),
    )


# Typical CR-10 effort of each part, to weigh the parts against each other: conventions in
# line with session-RPE ratings of such sessions [R82, R85].
PART_RPE = {HEAVY: 7, HIGH_VOLUME: 7, "bout": 8, "recovery": 2}
ENDURANCE_RPE = {LIGHT: 2, MODERATE: 4, VIGOROUS: 6}


def ramp(x: float, threshold: float, full: float) -> float:
    """0 → 0.5 (exclusive) below the threshold, 0.6 at it, 1.0 at `full` and above."""
    if x < threshold:
        return 0.5 * max(0.0, x) / threshold
    return 0.6 + 0.4 * min(1.0, (x - threshold) / (full - threshold))


def _unique(lines: list[Line]) -> list[Line]:
    seen: dict[str, Line] = {}
    for line in lines:
        seen.setdefault(line.text, line)
    return list(seen.values())


# --- Resistance ------------------------------------------------------------------------------


def _heavy_minutes(f: Features) -> float:
    """Minutes of the exercises trained heavy (most of their hard sets heavy), in one pass."""
    hard: dict[str, list[int]] = {}
    seconds: dict[str, float] = {}
    for s in f.lift_sets:
        seconds[s.exercise] = seconds.get(s.exercise, 0.0) + s.seconds
        if s.hard:
            counts = hard.setdefault(s.exercise, [0, 0])
            counts[0] += s.heavy
            counts[1] += 1
    return sum(seconds[k] for k, (heavy, n) in hard.items() if heavy * 2 >= n) / 60


def _heavy(f: Features, t: Thresholds, heavy_minutes: float) -> ModalityScore:
    # The share is taken over the hard sets whose heaviness can be judged: a load against an
    # e1RM, or logged effort. Sets with neither can't be called heavy or not.
    hard = [s for s in f.hard_sets if not s.assumed]
    heavy = [s for s in hard if s.heavy]
    if not heavy:
        return ModalityScore(HEAVY, 0.0, 0.0)
    share = len(heavy) / len(hard)
    score = max(ramp(share, t.heavy_share, 1.0), ramp(len(heavy), t.heavy_main_lift_sets, 8))
    by_pct = sum(s.pct_e1rm is not None for s in heavy)
    if by_pct == len(heavy):
        how = f"at {t.heavy_pct:.0%} or more of estimated 1RM"
    elif by_pct == 0:
        how = f"of {t.heavy_max_reps} reps or fewer, {t.hard_set_max_rir:g} or fewer in reserve"
    else:
        how = (
            f"heavy ({t.heavy_pct:.0%}+ of estimated 1RM, or {t.heavy_max_reps} reps or fewer "
            f"with {t.hard_set_max_rir:g} or fewer in reserve)"
        )
    reasons = [Line(f"{len(heavy)} of {len(hard)} hard sets {how}", HEAVY_BASIS)]
    very = sum(s.very_heavy for s in heavy)
    if very:
        reasons.append(
            Line(
                f"{very} very heavy (at {t.very_heavy_pct:.0%}+ of estimated 1RM "
                f"or {t.very_heavy_max_reps} reps or fewer)",
                HEAVY_BASIS,
            )
        )
    return ModalityScore(HEAVY, score, heavy_minutes, tuple(reasons), heavy_minutes * 7)


def _high_volume(
    f: Features, t: Thresholds, heavy_minutes: float, conditioning: bool
) -> ModalityScore:
    hard = f.hard_sets
    if not hard:
        return ModalityScore(HIGH_VOLUME, 0.0, 0.0)
    by_muscle = f.hard_sets_by_muscle
    muscle, most = next(iter(by_muscle.items())) if by_muscle else ("", 0)
    session_score = ramp(len(hard), t.high_volume_session_sets, 25)
    muscle_score = ramp(most, t.high_volume_muscle_sets, 14)
    score = max(session_score, muscle_score)
    # Sets counted by assumption (no effort logged, nothing to judge them by) are called what
    # they are known to be: working sets, not hard ones.
    sets = "working sets" if all(s.assumed for s in hard) else "hard sets"
    reasons = [
        Line(
            f"{len(hard)} {sets} ({t.high_volume_session_sets} or more make a high-volume session)"
            if session_score >= muscle_score
            else f"{most} {sets} for the {muscle.replace('_', ' ')} "
            f"({t.high_volume_muscle_sets} or more for one muscle group)",
            VOLUME_BASIS,
        )
    ]
    rep_share = sum(s.reps >= t.high_volume_min_reps for s in hard) / len(hard)
    if rep_share < 0.5:
        score *= 0.45  # "with reps mostly ≥ 8" (2b): heavy low-rep volume is not this class
        reasons.append(Line(f"most hard sets under {t.high_volume_min_reps} reps", VOLUME_BASIS))
    else:
        reasons.append(
            Line(
                f"{rep_share:.0%} of hard sets of {t.high_volume_min_reps} reps or more",
                VOLUME_BASIS,
            )
        )
    if conditioning:
        score *= 0.45  # the sets were the stations of a conditioning session (2b mixed/circuit)
    minutes = (f.resistance_minutes - heavy_minutes) or f.resistance_minutes
    return ModalityScore(HIGH_VOLUME, score, minutes, tuple(reasons), minutes * 7)


# --- Intervals and circuits --------------------------------------------------------------------


def _circuit(f: Features, session: SessionData, t: Thresholds, heavy: ModalityScore) -> Line | None:
    """A mixed-modal circuit (2b "Mixed / circuit", convention): two or more kinds of movement
    with little rest between them, at a high session RPE or heart rate, and not heavy."""
    if heavy.score >= QUALIFIES or len(f.families) < t.circuit_min_families or not f.lift_sets:
        return None
    rest = f.median_rest_s
    if rest is not None:
        little_rest = rest <= t.circuit_rest_s
        how = f"a median rest of {rest:.0f} s"
    elif f.implied_rest_s is not None and f.implied_rest_s <= t.circuit_implied_rest_s:
        little_rest, how = True, "little time between sets for its length"
    else:
        little_rest, how = session.activity == "hiit", "logged as HIIT"
    if not little_rest:
        return None
    hr_frac = session.avg_hr / f.hr_max if session.avg_hr and f.hr_max else None
    if session.session_rpe is not None and session.session_rpe >= t.hiit_rpe10:
        effort = f"session RPE {session.session_rpe:g}"
    elif hr_frac is not None and hr_frac >= t.hiit_hr_frac:
        effort = f"{hr_frac:.0%} of max heart rate on average"
    else:
        return None
    kinds = ", ".join(k for k in f.families)
    return Line(
        f"A mixed-modal circuit ({kinds}) with {how}, at {effort}: conditioning, counted as "
        "interval training rather than heavy or high-volume lifting",
        CIRCUIT_BASIS,
    )


def _hiit(f: Features, session: SessionData, t: Thresholds, circuit: Line | None) -> ModalityScore:
    bouts = [
        b for b in f.bouts if b.hard and t.hiit_bout_min_s <= b.duration_s <= t.hiit_bout_max_s
    ]
    score = ramp(len(bouts), t.hiit_min_bouts, 8)
    minutes = f.interval_minutes
    load = f.hard_bout_minutes * PART_RPE["bout"] + f.recovery_minutes * PART_RPE["recovery"]
    reasons: list[Line] = []
    if bouts:
        shortest, longest = min(b.duration_s for b in bouts), max(b.duration_s for b in bouts)
        span = (
            _seconds(shortest)
            if shortest == longest
            else f"{_seconds(shortest)}–{_seconds(longest)}"
        )
        reasons.append(
            Line(f"{len(bouts)} hard work bouts of {span}{_bout_intensity(bouts)}", HIIT_BASIS)
        )
    if circuit is not None and score < 0.8:
        score = 0.8
        minutes = max(minutes, f.session_minutes - f.continuous_minutes - f.interval_minutes)
        load = max(load, minutes * PART_RPE["bout"])
        reasons = [circuit, *reasons]
    if session.activity == "hiit" and not f.bouts and score < QUALIFIES:
        score = 0.6
        minutes = max(minutes, f.session_minutes - f.resistance_minutes)
        load = max(load, minutes * PART_RPE["bout"])
        reasons = [
            Line("Logged as HIIT without interval details: taken as interval training", HIIT_BASIS)
        ]
    return ModalityScore(HIIT, score, minutes, tuple(reasons), load)


# --- Endurance -------------------------------------------------------------------------------


def _endurance(f: Features, t: Thresholds) -> ModalityScore:
    blocks = [b for b in f.blocks if b.level(t) != LIGHT]
    load = sum(b.minutes * ENDURANCE_RPE[b.level(t)] for b in blocks)
    minutes = f.continuous_minutes
    longest = max(blocks, key=lambda b: b.minutes, default=None)
    if longest is None:
        easy = max(f.blocks, key=lambda b: b.minutes, default=None)
        if easy is None or easy.minutes < 1:
            return ModalityScore(ENDURANCE, 0.0, 0.0)
        score = ramp(easy.minutes, t.endurance_min, t.endurance_full_min) * 0.4
        reason = _block_line(easy, "light", t)  # below moderate does not count [R56]
        return ModalityScore(ENDURANCE, score, easy.minutes, (reason,), easy.minutes * 2)
    score = ramp(longest.minutes, t.endurance_min, t.endurance_full_min)
    reasons = [_block_line(longest, longest.level(t), t)]
    if score < QUALIFIES:
        race = max(blocks, key=lambda b: b.high_minutes)
        if race.high_minutes >= t.race_min:
            score = 0.6
            reasons = [
                Line(
                    f"{race.high_minutes:.0f} min unbroken at race intensity"
                    f"{_measure(race.hr_frac, race.rpe)}: one continuous effort such as a race "
                    "or a time trial, counted as endurance, not as intervals",
                    ENDURANCE_BASIS,
                )
            ]
    elif len(f.blocks) > 1:
        reasons.append(
            Line(
                "Separate warm-up, cool-down or easy pieces are not added together: "
                "continuous means one unbroken stretch",
                ENDURANCE_BASIS,
            )
        )
    return ModalityScore(ENDURANCE, score, minutes, tuple(reasons), load)


def _block_line(block: Block, level: str, t: Thresholds) -> Line:
    words = {LIGHT: "light", MODERATE: "moderate", VIGOROUS: "vigorous"}
    return Line(
        f"{block.minutes:.0f} min unbroken at {words[level]} intensity"
        f"{_measure(block.hr_frac, block.rpe)}",
        ENDURANCE_BASIS,
    )


def _bout_intensity(bouts: list) -> str:
    hrs = [b.hr_frac for b in bouts if b.hr_frac is not None]
    rpes = [b.rpe for b in bouts if b.rpe is not None]
    if rpes and (not hrs or len(rpes) >= len(hrs)):
        return f" at RPE {round(sum(rpes) / len(rpes), 1):g} on average"
    if hrs:
        return f" at {sum(hrs) / len(hrs):.0%} of max heart rate on average"
    return ""


def _measure(hr_frac: float | None, rpe: float | None) -> str:
    if hr_frac is not None:
        return f" ({hr_frac:.0%} of max heart rate)"
    if rpe is not None:
        return f" (RPE {round(rpe, 1):g})"
    return ""


def _seconds(s: int) -> str:
    return f"{s} s" if s < 120 or s % 60 else f"{s // 60} min"


# --- Notes on the evidence used ----------------------------------------------------------------


def _lifting_notes(f: Features, t: Thresholds, heavy: ModalityScore) -> list[Line]:
    """Where the %1RM came from, or why there was none: said whenever lifting was logged."""
    lines: list[Line] = []
    if not f.lift_sets:
        return lines
    sources = {f.e1rm_source.get(s.exercise) for s in f.lift_sets} - {None}
    if "today" in sources:
        lines.append(
            Line(
                "Estimated 1RM from today's logged effort: reps plus reps in reserve",
                E1RM_BASIS,
            )
        )
    if "history" in sources:
        lines.append(
            Line(
                f"Estimated 1RM from your sets with RPE or RIR logged in the last "
                f"{t.e1rm_history_days // 7} weeks",
                ("§2a", "R67", "R68"),
            )
        )
    if "missed" in sources:
        lines.append(
            Line(
                "A missed attempt caps today's 1RM below its load, so the completed sets near it "
                "were at least that share of your maximum",
                ("§2a",),
            )
        )
    if f.no_estimate:
        unjudged = len({s.exercise for s in f.lift_sets if not s.light}) == len(f.no_estimate)
        if unjudged and not heavy.score:
            lines.append(
                Line(
                    "No RPE or RIR logged, and no earlier sets of these lifts with effort "
                    "logged: a 1RM is never estimated from a session's own sets as if they went "
                    "to failure, and without reps in reserve no set can be called hard by the "
                    f"rule for sessions without an estimate ({t.heavy_max_reps} reps or fewer, "
                    f"{t.hard_set_max_rir:g} or fewer in reserve), so the session isn't called "
                    "heavy. Log RPE or RIR to have heavy work recognised",
                    ("§2a", "§2b", "R68", "R57"),
                )
            )
        else:
            lines.append(
                Line(
                    f"No RPE, RIR or earlier estimate for {len(f.no_estimate)} of the lifts: "
                    "their sets weren't judged for heaviness",
                    ("§2a", "§2b"),
                )
            )
    light = sum(s.light for s in f.lift_sets)
    if light:
        lines.append(
            Line(
                f"{light} set{'s' if light != 1 else ''} at a load light for the lift (the "
                f"empty {t.light_bar_kg:g} kg bar, or {t.light_free_weight_kg:g} kg or less in "
                "the hand on a squat, hinge or lunge): never counted as heavy, and without RPE "
                "or RIR not as hard either",
                ("§2b",),
            )
        )
    return lines


def _heart_rate_notes(f: Features, session: SessionData, t: Thresholds) -> list[Line]:
    """Which max heart rate the intensities rest on, whenever heart rate was used."""
    used = f.hr_logged and (f.bouts or f.blocks or session.avg_hr)
    if not used:
        return []
    if not f.hr_max:
        return [
            Line(
                "Heart rate logged, but there is no max heart rate to judge it by: set a "
                "measured max, or your birth year, in Settings",
                HR_BASIS,
            )
        ]
    source = f.hr_max_source
    if source == "measured":
        return [Line(f"Heart rate judged against your measured max of {f.hr_max} bpm", HR_BASIS)]
    if source == "recorded":
        return [
            Line(
                f"Max heart rate taken as {f.hr_max} bpm, the highest in your workouts of the "
                f"last {t.hr_recorded_days // 7} weeks (estimated; your true max may be higher, "
                "which would make these efforts easier than shown). Set a measured max or your "
                "birth year in Settings",
                HR_BASIS,
            )
        ]
    if source == "assumed":
        return [
            Line(
                f"Max heart rate taken as {f.hr_max} bpm, the age estimate for an adult of "
                f"{t.hr_assumed_age} (Tanaka: 208 − 0.7 × age): no measured max or birth year is "
                "set, and the highest heart rate in your recent workouts is lower, so it is only "
                "a floor for your true max (estimated; set either in Settings for a truer "
                "reading)",
                TANAKA_BASIS,
            )
        ]
    return [
        Line(
            f"Max heart rate estimated as {f.hr_max} bpm from your age (Tanaka: 208 − 0.7 × "
            "age); age formulas can be far off for one person, so set a measured max in Settings "
            "if you know it",
            TANAKA_BASIS,
        )
    ]


def _assumed_intensity(session: SessionData) -> Line:
    if session.activity == "walk":
        return Line("No heart rate or RPE: a walk taken as light activity.", HR_BASIS)
    return Line("No heart rate or RPE: steady cardio taken as moderate intensity.", HR_BASIS)


# --- Everything else -------------------------------------------------------------------------


def _general_reason(f: Features) -> Line:
    if not f.lift_sets and f.continuous_minutes < 1 and not f.bouts and not f.blocks:
        return Line(
            "No sets, intervals or continuous cardio to classify: counted as general activity",
            GENERAL_BASIS,
        )
    return Line(
        "No part reached a heavy, high-volume, interval or endurance threshold", GENERAL_BASIS
    )


def _rest_reason(f: Features) -> list[Line]:
    rest = f.median_rest_s
    return [Line(f"median rest {rest:.0f} s", REST_BASIS)] if rest is not None else []


def _modifiers(f: Features, session: SessionData, t: Thresholds) -> tuple[str, ...]:
    codes = []
    if session.fasted:
        codes.append("fasted")
    working = f.working_sets
    if f.eccentric_sets and (
        f.eccentric_sets >= t.eccentric_min_sets
        or f.eccentric_sets >= t.eccentric_min_share * working
    ):
        codes.append("eccentric")
    rest = f.median_rest_s
    if rest is not None and f.rests_logged >= 3 and rest <= t.short_rest_s:
        codes.append("short_rest")
    compound_sets = sum(s.compound for s in f.lift_sets)
    share = f.compound_share
    if share is not None and share >= t.compound_min_share and compound_sets >= t.compound_min_sets:
        codes.append("compound")
    return tuple(codes)


def _tags(
    f: Features, scores: list[ModalityScore], longest: Block | None, t: Thresholds
) -> tuple[str, ...]:
    tags = []
    if any(s.very_heavy for s in f.hard_sets):
        tags.append("very_heavy")
    endurance = next(s for s in scores if s.modality == ENDURANCE)
    if endurance.score >= QUALIFIES and longest is not None:
        if longest.minutes >= t.endurance_full_min:
            tags.append("long")  # IL-6 scales with duration [R5]
        if (longest.hr_frac or 1) < t.zone1_hr_frac:
            tags.append("easy")  # zone 1, below 72% HRmax [R81]
        if any(b.high_minutes >= t.race_min for b in f.blocks):
            tags.append("high_intensity")  # a race pace: ≥ 85% HRmax or RPE ≥ 7 (2b)
    if any(b.hard and b.duration_s <= t.sit_bout_max_s and (b.rpe or 0) >= 9 for b in f.bouts):
        tags.append("sit")
    rest = f.median_rest_s
    if rest is not None and f.rests_logged >= 3 and rest <= t.short_rest_s:
        tags.append("short_rest")
    return tuple(tags)
