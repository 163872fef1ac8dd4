"""Estimated one-rep max: the one formula every page, the classifier and the routine
suggestions share (docs/science.md 2a), so a lift's e1RM reads the same everywhere.
Pure functions; insights builds on them, logbook's progression rules use them directly.
"""


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
