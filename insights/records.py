"""Personal records a workout set: best estimated 1RM, heaviest set, most volume in a session.

Compared with every earlier workout of the same user (before this one's start), exercise
by exercise; one query for the earlier sets of just this workout's exercises.
"""

from collections import defaultdict
from dataclasses import dataclass

from insights.features import SetData, estimate_1rm, rir_of
from insights.loading import SET_FIELDS
from logbook.models import Set, Workout


@dataclass(frozen=True)
class Best:
    e1rm_kg: float = 0.0
    heaviest_kg: float = 0.0
    volume_kg: float = 0.0  # reps × load summed over one session's working sets


@dataclass(frozen=True)
class Records:
    e1rm: bool
    heaviest: bool
    volume: bool
    now: Best

    @property
    def any(self) -> bool:
        return self.e1rm or self.heaviest or self.volume


def records_for(workout: Workout) -> dict[int, Records]:
    """Records by WorkoutExercise id, for exercises where this workout beat all earlier ones."""
    entries = list(workout.exercises.all())
    exercise_ids = {e.exercise_id for e in entries}
    if not exercise_ids:
        return {}
    earlier = (
        Set.objects.filter(
            entry__workout__user_id=workout.user_id,
            entry__workout__deleted_at__isnull=True,
            entry__workout__started_at__lt=workout.started_at,
            entry__exercise_id__in=exercise_ids,
            load_kg__gt=0,
        )
        .exclude(set_type="warmup")
        .values_list("entry__exercise_id", "entry__workout_id", *SET_FIELDS)
    )
    before: dict[int, Best] = defaultdict(Best)
    volumes: dict[tuple[int, int], float] = defaultdict(float)
    for exercise_id, workout_id, *values in earlier:
        s = SetData(**dict(zip(SET_FIELDS, values, strict=True)))
        volumes[(exercise_id, workout_id)] += (s.reps or 0) * s.load_kg
        before[exercise_id] = _better(before[exercise_id], s)
    for (exercise_id, _), volume in volumes.items():
        best = before[exercise_id]
        before[exercise_id] = Best(best.e1rm_kg, best.heaviest_kg, max(best.volume_kg, volume))
    records = {}
    for entry in entries:
        now = Best()
        volume = 0.0
        for s in entry.sets.all():
            if s.set_type == "warmup" or not s.load_kg:
                continue
            volume += (s.reps or 0) * s.load_kg
            now = _better(now, SetData(**{f: getattr(s, f) for f in SET_FIELDS}))
        now = Best(now.e1rm_kg, now.heaviest_kg, volume)
        old = before.get(entry.exercise_id)
        if old is None or not now.heaviest_kg:
            continue  # a first time is not a record
        records[entry.pk] = Records(
            e1rm=now.e1rm_kg > old.e1rm_kg,
            heaviest=now.heaviest_kg > old.heaviest_kg,
            volume=now.volume_kg > old.volume_kg,
            now=now,
        )
    return records


def _better(best: Best, s: SetData) -> Best:
    reps, load = s.reps or 0, s.load_kg or 0.0
    e1rm = estimate_1rm(load, reps, rir_of(s)) if 1 <= reps <= 10 else 0.0
    return Best(max(best.e1rm_kg, e1rm), max(best.heaviest_kg, load), best.volume_kg)
