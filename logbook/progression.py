"""What to lift next time from a routine: double progression, and a load from a percentage
of e1RM. Pure functions over plain data (no ORM), so the rules have fast tests
(tests/logbook/test_progression.py). The rules are app conventions, written down in
docs/science.md ("Routines: progression").

Double progression: work within a rep range at one load; when every set of the last
session reached the top of the range at RPE 8 or less (2 or more reps in reserve), add the
smallest step the plates allow and start again at the bottom of the range. It is offered
as a suggestion with its rule; the lifter decides.
"""

from dataclasses import dataclass

from logbook.strength import estimate_1rm
from logbook.units import KG_PER_LB

RPE_CAP = 8.0  # every set at or below this effort (RIR at least 10 - RPE_CAP)
# The smallest step a barbell load can take: the smallest plate on each side.
SMALLEST_STEP_KG = {"kg": 2.5, "lb": 5 * KG_PER_LB}
RULE = (
    "Double progression: when every set reaches the top of the rep range at RPE 8 or less, "
    "add the smallest plate and start again at the bottom of the range."
)
# e1RM (logbook.strength, effort-adjusted reps) only from sets of this many reps or fewer.
E1RM_MAX_REPS = 10


@dataclass(frozen=True)
class Target:
    """A routine exercise's targets."""

    sets: int
    reps_min: int | None = None
    reps_max: int | None = None
    load_kg: float | None = None
    percent_1rm: float | None = None


@dataclass(frozen=True)
class DoneSet:
    """A set as it was done last time."""

    reps: int | None
    load_kg: float | None
    rpe: float | None = None
    rir: float | None = None
    set_type: str = "normal"


@dataclass(frozen=True)
class Suggestion:
    """The next session's load and reps for one exercise, with the rule and why."""

    load_kg: float
    reps: int
    progress: bool  # True: the load goes up
    reason: str
    rule: str = RULE


def reps_in_reserve(s: DoneSet) -> float | None:
    """RIR as logged, or from RPE on the RIR-based scale (RPE 10 = 0 in reserve)."""
    if s.rir is not None:
        return s.rir
    if s.set_type in ("failure", "dropset"):
        return 0.0
    if s.rpe is not None:
        return 10.0 - s.rpe
    return None


def working_sets(sets: list[DoneSet]) -> list[DoneSet]:
    return [
        s for s in sets if s.set_type != "warmup" and s.reps is not None and s.load_kg is not None
    ]


def double_progression(target: Target, last: list[DoneSet], units: str = "kg") -> Suggestion | None:
    """The suggestion for the next session, or None without a last session to judge
    (or a target without reps)."""
    done = working_sets(last)
    if not done or target.reps_min is None:
        return None
    top = target.reps_max or target.reps_min
    load = max(s.load_kg for s in done)
    at_load = [s for s in done if abs(s.load_kg - load) < 1e-6]
    step = SMALLEST_STEP_KG.get(units, SMALLEST_STEP_KG["kg"])
    counted = at_load[: target.sets]
    reached = len(counted) >= target.sets and all(s.reps >= top for s in counted)
    efforts = [reps_in_reserve(s) for s in counted]
    easy = all(r is not None and r >= 10 - RPE_CAP for r in efforts)
    if reached and easy:
        return Suggestion(
            load_kg=round(load + step, 3),
            reps=target.reps_min,
            progress=True,
            reason=f"Last time every set reached {top} reps at RPE {RPE_CAP:g} or less.",
        )
    if reached and any(r is None for r in efforts):
        why = f"Every set reached {top} reps; log RPE or RIR so the rule can judge the effort."
    elif reached:
        why = f"Every set reached {top} reps, but not all at RPE {RPE_CAP:g} or less."
    else:
        why = f"Not every set reached {top} reps yet: keep the load and add reps."
    return Suggestion(load_kg=load, reps=top, progress=False, reason=why)


def e1rm(s: DoneSet) -> float | None:
    """The shared e1RM with effort-adjusted reps, from sets of at most E1RM_MAX_REPS; a set
    without an effort rating is not taken as a maximum here (the load would be a guess)."""
    if s.set_type == "warmup" or not s.reps or not s.load_kg or s.reps > E1RM_MAX_REPS:
        return None
    reserve = reps_in_reserve(s)
    if reserve is None:
        return None
    return estimate_1rm(s.load_kg, s.reps, reserve)


def load_from_percent(percent: float, sets: list[DoneSet], units: str = "kg") -> float | None:
    """`percent` of the best e1RM among `sets`, rounded down to a load the plates make."""
    estimates = [e for e in (e1rm(s) for s in sets) if e is not None]
    if not estimates:
        return None
    step = SMALLEST_STEP_KG.get(units, SMALLEST_STEP_KG["kg"])
    raw = max(estimates) * percent / 100
    return round(int(raw / step + 1e-9) * step, 3)
