"""Which kinds of training a session was: a pure function of its features.

Each modality is scored 0–1 on the part of the session that belongs to it, so a heavy
main lift followed by volume accessories, or lifting then intervals, shows both. A score
of 0.5 or more means the docs/science.md 2b threshold is met; below that it only ramps up.
`primary` is the qualifying modality that dominates, weighing each score by the share
of the session's time its part took; `general` when none qualifies.
"""

from dataclasses import dataclass

from insights.features import Features, SessionData, compute_features
from insights.thresholds import DEFAULT, Thresholds, classifier_version

HEAVY = "heavy_resistance"
HIGH_VOLUME = "high_volume"
HIIT = "hiit"
ENDURANCE = "endurance"
GENERAL = "general"
FOUR = (HEAVY, HIGH_VOLUME, HIIT, ENDURANCE)
QUALIFIES = 0.5


@dataclass(frozen=True)
class ModalityScore:
    modality: str
    score: float
    minutes: float  # the part of the session the score rests on
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Classification:
    version: str
    primary: str
    modalities: tuple[ModalityScore, ...]  # ranked, primary first
    qualifying: tuple[str, ...]  # modalities meeting their threshold, ranked
    modifiers: tuple[str, ...]
    tags: tuple[str, ...]
    rationale: tuple[str, ...]
    features: Features
    intensity: str  # of the continuous aerobic part: light | moderate | vigorous | near_max
    moderate_minutes: float  # aerobic minutes toward the WHO guideline [R55]
    vigorous_minutes: float

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
    intensity = _continuous_intensity(f, session, t)
    scores = [
        _heavy(f, t, heavy_minutes := _heavy_minutes(f)),
        _high_volume(f, t, heavy_minutes),
        _hiit(f, session, intensity, t),
        _endurance(f, session, intensity, t),
    ]
    # Dominance: each score weighed by its part's share of the session's load, the part's
    # minutes times the effort typical of it (session-RPE reasoning [R82]).
    loads = {s.modality: s.minutes * _part_rpe(s.modality, intensity) for s in scores}
    total = max(sum(loads.values()), 1e-9)

    def weight(s: ModalityScore) -> float:
        return s.score * (0.5 + 0.5 * min(1.0, loads[s.modality] / total))

    ranked = sorted((s for s in scores if s.score > 0), key=weight, reverse=True)
    qualifying = tuple(s.modality for s in ranked if s.score >= QUALIFIES)
    rationale: list[str] = [r for s in ranked if s.score >= QUALIFIES for r in s.reasons]
    if qualifying:
        primary = qualifying[0]
    else:
        primary = GENERAL
        best = max((s.score for s in scores), default=0.0)
        ranked.insert(0, ModalityScore(GENERAL, round(1 - best, 2), total))
        rationale.append(_general_reason(f))
        rationale += [r for s in ranked[1:] for r in s.reasons[:1]]
    rationale += _rest_reason(f)
    rationale += f.assumptions
    if intensity.assumed and f.continuous_minutes >= 1:
        rationale.append(intensity.assumed)
    return Classification(
        version=classifier_version(t),
        primary=primary,
        modalities=tuple(
            ModalityScore(s.modality, round(s.score, 2), round(s.minutes, 1), s.reasons)
            for s in ranked
        ),
        qualifying=qualifying,
        modifiers=_modifiers(f, session, t),
        tags=_tags(f, scores, intensity, t),
        rationale=tuple(dict.fromkeys(rationale)),
        features=f,
        intensity=intensity.level,
        **_aerobic_minutes(f, session, intensity, scores),
    )


# Typical CR-10 effort of each part, to weigh the parts against each other: conventions in
# line with session-RPE ratings of such sessions [R82, R85].
PART_RPE = {HEAVY: 7, HIGH_VOLUME: 7, HIIT: 8}
ENDURANCE_RPE = {"light": 2, "moderate": 4, "vigorous": 6, "near_max": 8}


def _part_rpe(modality: str, intensity: "Intensity") -> float:
    return PART_RPE.get(modality) or ENDURANCE_RPE[intensity.level]


def ramp(x: float, threshold: float, full: float) -> float:
    """0 → 0.5 (exclusive) below the threshold, 0.6 at it, 1.0 at `full` and above."""
    if x < threshold:
        return 0.5 * max(0.0, x) / threshold
    return 0.6 + 0.4 * min(1.0, (x - threshold) / (full - threshold))


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
    # e1RM, or logged effort. Unloaded sets with nothing logged can't be called heavy or not.
    hard = [s for s in f.hard_sets if s.pct_e1rm is not None or s.rir is not None]
    heavy = [s for s in hard if s.heavy]
    if not heavy:
        return ModalityScore(HEAVY, 0.0, 0.0)
    share = len(heavy) / len(hard)
    score = max(ramp(share, t.heavy_share, 1.0), ramp(len(heavy), t.heavy_main_lift_sets, 8))
    by_pct = sum(s.pct_e1rm is not None and s.pct_e1rm >= t.heavy_pct for s in heavy)
    if by_pct == len(heavy):
        how = f"at {t.heavy_pct:.0%} or more of estimated 1RM"
    elif by_pct == 0:
        how = f"of {t.heavy_max_reps} reps or fewer, {t.hard_set_max_rir:g} or fewer in reserve"
    else:
        how = (
            f"heavy ({t.heavy_pct:.0%}+ of estimated 1RM, or {t.heavy_max_reps} reps or fewer "
            f"with {t.hard_set_max_rir:g} or fewer in reserve)"
        )
    reasons = [f"{len(heavy)} of {len(hard)} hard sets {how}"]
    very = sum(s.very_heavy for s in heavy)
    if very:
        reasons.append(
            f"{very} very heavy (at {t.very_heavy_pct:.0%}+ of estimated 1RM "
            f"or {t.very_heavy_max_reps} reps or fewer)"
        )
    return ModalityScore(HEAVY, score, heavy_minutes, tuple(reasons))


def _high_volume(f: Features, t: Thresholds, heavy_minutes: float) -> ModalityScore:
    hard = f.hard_sets
    if not hard:
        return ModalityScore(HIGH_VOLUME, 0.0, 0.0)
    by_muscle = f.hard_sets_by_muscle
    muscle, most = next(iter(by_muscle.items())) if by_muscle else ("", 0)
    session_score = ramp(len(hard), t.high_volume_session_sets, 25)
    muscle_score = ramp(most, t.high_volume_muscle_sets, 14)
    score = max(session_score, muscle_score)
    reasons = [
        f"{len(hard)} hard sets ({t.high_volume_session_sets} or more make a high-volume session)"
        if session_score >= muscle_score
        else f"{most} hard sets for the {muscle.replace('_', ' ')} "
        f"({t.high_volume_muscle_sets} or more for one muscle group)"
    ]
    rep_share = sum(s.reps >= t.high_volume_min_reps for s in hard) / len(hard)
    if rep_share < 0.5:
        score *= 0.45  # "with reps mostly ≥ 8" (2b): heavy low-rep volume is not this class
        reasons.append(f"most hard sets under {t.high_volume_min_reps} reps")
    else:
        reasons.append(f"{rep_share:.0%} of hard sets of {t.high_volume_min_reps} reps or more")
    minutes = (f.resistance_minutes - heavy_minutes) or f.resistance_minutes
    return ModalityScore(HIGH_VOLUME, score, minutes, tuple(reasons))


# --- Aerobic ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Intensity:
    level: str  # light | moderate | vigorous | near_max
    hr_frac: float | None
    rpe: float | None
    assumed: str = ""  # the sentence saying what was assumed, if anything


def _level(value: float, near_max: float, vigorous: float, moderate: float) -> str:
    if value >= near_max:
        return "near_max"
    if value >= vigorous:
        return "vigorous"
    return "moderate" if value >= moderate else "light"


def _continuous_intensity(f: Features, session: SessionData, t: Thresholds) -> Intensity:
    hr, rpe = f.continuous_hr_frac, f.continuous_rpe
    if hr is not None:
        level = _level(hr, t.near_max_hr_frac, t.vigorous_hr_frac, t.moderate_hr_frac)
        return Intensity(level, hr, rpe)
    if rpe is not None:
        level = _level(rpe, t.near_max_rpe10, t.vigorous_rpe10, t.moderate_rpe10)
        return Intensity(level, None, rpe)
    if session.activity == "walk":
        return Intensity(
            "light", None, None, "No heart rate or RPE: a walk taken as light activity."
        )
    return Intensity(
        "moderate", None, None, "No heart rate or RPE: steady cardio taken as moderate intensity."
    )


def _hiit(f: Features, session: SessionData, intensity: Intensity, t: Thresholds) -> ModalityScore:
    bouts = [
        b for b in f.bouts if b.hard and t.hiit_bout_min_s <= b.duration_s <= t.hiit_bout_max_s
    ]
    score = ramp(len(bouts), t.hiit_min_bouts, 8)
    minutes = f.interval_minutes
    reasons: list[str] = []
    if bouts:
        shortest, longest = min(b.duration_s for b in bouts), max(b.duration_s for b in bouts)
        span = (
            _seconds(shortest)
            if shortest == longest
            else f"{_seconds(shortest)}–{_seconds(longest)}"
        )
        reasons.append(f"{len(bouts)} hard work bouts of {span}{_bout_intensity(bouts)}")
    # One near-maximal continuous effort (a 2 km row test, a 5 km race) is high intensity:
    # a long work interval logged at that intensity, or a whole session at it.
    efforts = [(e.duration_s / 60, Intensity("near_max", e.hr_frac, e.rpe)) for e in f.efforts]
    continuous = f.continuous_minutes
    if intensity.level == "near_max" and 1 <= continuous <= t.near_max_max_min:
        efforts.append((continuous, intensity))
    for effort_minutes, effort_intensity in efforts:
        value = _effort_score(effort_minutes, t)
        if value > score:
            score = value
            reasons = [
                f"{effort_minutes:.0f} min continuous near-maximal effort"
                f"{_measure(effort_intensity)}"
            ]
        minutes += effort_minutes
    if session.activity == "hiit" and not f.bouts and score < QUALIFIES:
        score = 0.6
        minutes = max(minutes, f.session_minutes - f.resistance_minutes)
        reasons = ["Logged as HIIT without interval details: taken as interval training"]
    return ModalityScore(HIIT, score, minutes, tuple(reasons))


def _effort_score(minutes: float, t: Thresholds) -> float:
    """0.8 up to 20 min, falling to 0.5 at 40 min, where it becomes an endurance session."""
    if minutes <= 20:
        return 0.8
    return max(0.0, 0.8 - 0.3 * (minutes - 20) / (t.near_max_max_min - 20))


def _endurance(
    f: Features, session: SessionData, intensity: Intensity, t: Thresholds
) -> ModalityScore:
    minutes = f.continuous_minutes
    if minutes < 1:
        return ModalityScore(ENDURANCE, 0.0, 0.0)
    score = ramp(minutes, t.endurance_min, t.endurance_full_min)
    words = {
        "light": "light",
        "moderate": "moderate",
        "vigorous": "vigorous",
        "near_max": "near-maximal",
    }
    reason = (
        f"{minutes:.0f} min continuous at {words[intensity.level]} intensity{_measure(intensity)}"
    )
    if intensity.level == "light":
        score *= 0.4  # below moderate (64% HRmax, CR-10 3) does not count [R56]
    return ModalityScore(ENDURANCE, score, minutes, (reason,))


def _bout_intensity(bouts: list) -> str:
    hrs = [b.hr_frac for b in bouts if b.hr_frac is not None]
    rpes = [b.rpe for b in bouts if b.rpe is not None]
    if hrs:
        return f" at {sum(hrs) / len(hrs):.0%} of max heart rate on average"
    if rpes:
        return f" at RPE {round(sum(rpes) / len(rpes), 1):g} on average"
    return ""


def _measure(intensity: Intensity) -> str:
    if intensity.hr_frac is not None:
        return f" ({intensity.hr_frac:.0%} of max heart rate)"
    if intensity.rpe is not None:
        return f" (RPE {intensity.rpe:g})"
    return ""


def _seconds(s: int) -> str:
    return f"{s} s" if s < 120 or s % 60 else f"{s // 60} min"


def _aerobic_minutes(
    f: Features, session: SessionData, intensity: Intensity, scores: list[ModalityScore]
) -> dict[str, float]:
    """Moderate and vigorous minutes: hard work bouts are vigorous, easier ones moderate;
    the continuous part counts at its intensity; light activity and lifting do not count."""
    vigorous = (
        sum(b.duration_s for b in f.bouts if b.hard) + sum(e.duration_s for e in f.efforts)
    ) / 60
    moderate = 0.0
    if intensity.level in ("vigorous", "near_max"):
        vigorous += f.continuous_minutes
    elif intensity.level == "moderate":
        moderate += f.continuous_minutes
    if session.activity == "hiit" and not f.bouts:
        hiit = next(s for s in scores if s.modality == HIIT)
        vigorous = max(vigorous, hiit.minutes if hiit.score >= QUALIFIES else 0)
    return {"moderate_minutes": moderate, "vigorous_minutes": vigorous}


# --- Everything else -------------------------------------------------------------------------


def _general_reason(f: Features) -> str:
    if not f.lift_sets and f.continuous_minutes < 1 and not f.bouts:
        return "No sets, intervals or continuous cardio to classify: counted as general activity"
    return "No part reached a heavy, high-volume, interval or endurance threshold"


def _rest_reason(f: Features) -> list[str]:
    rest = f.median_rest_s
    return [f"median rest {rest:.0f} s"] if rest is not None else []


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
    f: Features, scores: list[ModalityScore], intensity: Intensity, t: Thresholds
) -> tuple[str, ...]:
    tags = []
    if any(s.very_heavy for s in f.hard_sets):
        tags.append("very_heavy")
    endurance = next(s for s in scores if s.modality == ENDURANCE)
    if endurance.score >= QUALIFIES and f.continuous_minutes >= t.endurance_full_min:
        tags.append("long")  # IL-6 scales with duration [R5]
    if endurance.score >= QUALIFIES and (intensity.hr_frac or 1) < t.zone1_hr_frac:
        tags.append("easy")  # zone 1, below 72% HRmax [R81]
    if any(b.hard and b.duration_s <= t.sit_bout_max_s and (b.rpe or 0) >= 9 for b in f.bouts):
        tags.append("sit")
    rest = f.median_rest_s
    if rest is not None and f.rests_logged >= 3 and rest <= t.short_rest_s:
        tags.append("short_rest")
    return tuple(tags)
