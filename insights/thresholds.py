"""Classification thresholds, each with its basis (docs/science.md section 2).

R-numbers are references in docs/science.md section 4; "convention" marks a cut-off the
evidence does not define (docs/science.md says so itself for several of them). Settings can
override any of them (INSIGHTS_THRESHOLDS); that changes the classifier version, so old
insights are recomputed.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any

BASE_VERSION = "2026.12.1"  # an assumed adult max floors recorded peaks; working-set wording


@dataclass(frozen=True)
class Thresholds:
    # --- Effort and load (docs/science.md 2a) ---
    hard_set_max_rir: float = (
        3  # RIR ≤ 3 (RPE ≥ 7) is a hard set: convention on the RIR scale [R68]
    )
    hard_set_min_pct: float = 0.60  # without RIR: ≥ 60% e1RM … [R68, R60] convention
    hard_set_min_rep_share: float = 0.5  # … and reps ≥ 50% of that load's predicted maximum
    e1rm_max_reps: int = 10  # estimates from > 10 reps are low confidence [R72, R73]
    e1rm_history_days: int = 56  # best e1RM of the last 8 weeks: app convention (2a)
    # Loads light for the lift, never heavy: conventions, not findings (2b notes).
    light_bar_kg: float = 20  # the empty barbell on a multi-joint barbell lift
    light_free_weight_kg: float = 10  # a dumbbell/kettlebell of 10 kg on a squat, hinge or lunge
    easy_session_rpe10: float = 4  # session RPE ≤ 4 (CR-10): sets not near failure: convention

    # --- Heavy resistance (docs/science.md 2b) ---
    heavy_pct: float = 0.80  # ≥ 80% e1RM: 1 RIR at 5 reps ≈ 84–87% 1RM [R66]; ACSM 1–6 RM [R57]
    very_heavy_pct: float = 0.85  # stricter variant named in 2b [R66]
    heavy_max_reps: int = 6  # without e1RM: ≤ 6 reps at a logged RIR ≤ 3 [R57, R66]
    very_heavy_max_reps: int = 3  # "very heavy" tag at ≤ 3 reps (2b)
    heavy_share: float = 0.5  # ≥ 50% of hard sets heavy (2b)
    heavy_main_lift_sets: int = 3  # a heavy main lift before accessories: convention (DESIGN.md)

    # --- High volume (docs/science.md 2b; per-session cut-offs are app conventions) ---
    high_volume_session_sets: int = 15  # ≥ 15 hard sets in the session: convention [R61, R57]
    high_volume_muscle_sets: int = 8  # ≥ 8 hard sets for one muscle group: convention [R61]
    high_volume_min_reps: int = 8  # "with reps mostly ≥ 8": convention (2b)

    # --- Short rest (docs/science.md 2b) ---
    short_rest_s: int = 90  # median rest ≤ 90 s [R63, R64, R14]

    # --- HIIT (docs/science.md 2b) ---
    hiit_hr_frac: float = 0.85  # work bouts ≥ 85% HRmax [R79, R76]
    hiit_rpe10: float = 7  # fallback: RPE ≥ 7 on CR-10 [R77, R78]
    hiit_min_bouts: int = 3  # ≥ 3 work bouts: convention (2b)
    hiit_bout_min_s: int = 10  # bouts of 10 s … [R77, R79]
    hiit_bout_max_s: int = 240  # … to 4 min [R79, R76]
    hiit_short_bout_s: int = 60  # heart rate lags in bouts under ~60 s: RPE first (2b note)
    sit_bout_max_s: int = 30  # SIT: all-out bouts ≤ 30 s [R77]
    # Mixed-modal circuits (2b "Mixed / circuit": convention): little rest between stations.
    circuit_rest_s: int = 30  # median logged rest ≤ 30 s
    circuit_implied_rest_s: int = 60  # or, no rests logged, ≤ 60 s a set left by the duration
    circuit_min_families: int = 2  # at least two kinds of movement (legs, push, pull, …)

    # --- Endurance (docs/science.md 2b) ---
    endurance_min: float = 20  # one unbroken block of ≥ 20 min [R56]
    endurance_full_min: float = 60  # "long" tag at ≥ 60 min; IL-6 scales with duration [R5]
    moderate_hr_frac: float = 0.64  # moderate 64–76% HRmax [R56]
    vigorous_hr_frac: float = 0.77  # vigorous 77–95% HRmax [R56]
    zone1_hr_frac: float = 0.72  # "easy / zone 1" below 72% HRmax [R81]
    moderate_rpe10: float = 3  # CR-10 ≥ 3 is moderate [R56]
    vigorous_rpe10: float = 5  # CR-10 ≥ 5 ("hard") is vigorous: convention mapping of [R56]
    race_min: float = 5  # a continuous effort at HIIT intensity (a race, a test) of ≥ 5 min is
    # an endurance effort with a high-intensity tag, even under 20 min: convention (2b has no
    # class for it: no repeated bouts, so not HIIT)
    pause_s: int = 60  # a recovery of ≤ 60 s (a pause at the wall) does not break a block
    easy_break_s: int = 300  # a stretch below moderate of ≥ 5 min (a walk) breaks it: convention

    # --- Modifiers (conventions; the notes say what the research shows) ---
    eccentric_min_sets: int = 3  # ≥ 3 eccentric-emphasis sets, or …
    eccentric_min_share: float = 1 / 3  # … a third of working sets: convention
    compound_min_share: float = 0.5  # compound lifts are most of the working sets: convention
    compound_min_sets: int = 3

    # --- Max heart rate when none is measured (2b notes) ---
    hr_recorded_days: int = 182  # the highest heart rate of the last 26 weeks: convention
    hr_recorded_min: int = 140  # a peak below 140 bpm is taken from easy sessions, not used
    # With no measured max and no birth year, the Tanaka estimate [R98] for an adult of 40
    # (180 bpm) stands in, unless a recorded peak is higher: convention. A peak from easy
    # sessions alone is far below the true max and would make every session look hard.
    hr_assumed_age: int = 40

    # --- Assumptions when data is missing ---
    assumed_rest_s: int = 120  # rest when none logged, for estimating time: convention
    seconds_per_rep: float = 4  # time under load per rep, for estimating time: convention


DEFAULT = Thresholds()


def thresholds_from(overrides: dict[str, Any] | None) -> Thresholds:
    return replace(DEFAULT, **overrides) if overrides else DEFAULT


@lru_cache(maxsize=8)
def classifier_version(thresholds: Thresholds = DEFAULT) -> str:
    """The base version, plus a digest when settings change any threshold."""
    if thresholds is DEFAULT or thresholds == DEFAULT:
        return BASE_VERSION
    digest = hashlib.sha256(json.dumps(asdict(thresholds), sort_keys=True).encode()).hexdigest()
    return f"{BASE_VERSION}+{digest[:8]}"
