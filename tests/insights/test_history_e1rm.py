"""The history e1RM read in grouped rows (heaviest set per reps and effort) equals the best
over every set of the eight weeks, computed one set at a time: from the sets with effort
logged (the evidence) and from the others (lower bounds) apart."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insights.features import ExerciseData, SetData, best_e1rm
from insights.loading import session_for
from logbook import services
from logbook.models import Workout
from tests.factories import ExercisePayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db

TODAY = datetime(2026, 11, 16, 7, tzinfo=UTC)
LIFTS = ["back-squat", "bench-press"]

history_sets = st.lists(
    st.fixed_dictionaries(
        {
            "reps": st.integers(1, 15),
            "load_kg": st.sampled_from([40, 60, 80, 100, 102.5, 120, 140]),
            "set_type": st.sampled_from(["normal", "warmup", "failure", "dropset"]),
        },
        optional={"rpe": st.sampled_from([6, 7.5, 9, 10]), "rir": st.sampled_from([0, 1, 3])},
    ),
    min_size=1,
    max_size=8,
)
past_workouts = st.lists(
    st.tuples(
        st.integers(1, 70),  # days before today; beyond 56 is outside the window
        st.sampled_from(LIFTS),
        history_sets,
        st.booleans(),  # deleted
    ),
    max_size=6,
)


def expected_best(user, effort: bool) -> dict[str, float]:
    since = TODAY - timedelta(days=56)
    sets: dict[str, list[SetData]] = {}
    for workout in Workout.objects.alive().filter(
        user=user, started_at__gte=since, started_at__lt=TODAY
    ):
        for entry in workout.exercises.select_related("exercise"):
            sets.setdefault(entry.exercise.slug, []).extend(
                SetData(reps=s.reps, load_kg=s.load_kg, rpe=s.rpe, rir=s.rir, set_type=s.set_type)
                for s in entry.sets.all()
            )
    history = tuple(ExerciseData(key=k, sets=tuple(v)) for k, v in sets.items())
    return best_e1rm(history, effort=effort)[0]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(past=past_workouts)
def test_grouped_history_gives_the_same_best_as_every_set(past):
    user = UserFactory()
    for days, lift, sets, deleted in past:
        workout = make_workout(
            user,
            started_at=(TODAY - timedelta(days=days)).isoformat(),
            exercises=[ExercisePayload(exercise=lift, sets=sets)],
        )
        if deleted:
            services.delete_workout(workout)
    today = make_workout(
        user,
        started_at=TODAY.isoformat(),
        exercises=[ExercisePayload(exercise=lift) for lift in LIFTS],
    )
    session = session_for(today)
    assert session.best_e1rm_kg == pytest.approx(expected_best(user, effort=True))
    assert session.floor_e1rm_kg == pytest.approx(expected_best(user, effort=False))
