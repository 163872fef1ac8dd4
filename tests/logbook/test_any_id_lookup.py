"""`field__any=[ids]` finds what `field__in` finds, with one parameter on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logbook.models import Set, WorkoutExercise
from tests.factories import UserFactory, make_workout

pytestmark = pytest.mark.django_db


def test_same_rows_as_in():
    user = UserFactory()
    workouts = [make_workout(user) for _ in range(3)]
    ids = [w.pk for w in workouts[:2]]
    entries = WorkoutExercise.objects.filter(workout_id__any=ids).order_by("id")
    assert list(entries) == list(WorkoutExercise.objects.filter(workout_id__in=ids).order_by("id"))
    entry_ids = [e.pk for e in entries]
    assert sorted(Set.objects.filter(entry_id__any=entry_ids).values_list("id", flat=True)) == (
        sorted(Set.objects.filter(entry_id__in=entry_ids).values_list("id", flat=True))
    )


def test_no_ids_find_nothing_without_a_query():
    with CaptureQueriesContext(connection) as queries:
        assert list(WorkoutExercise.objects.filter(workout_id__any=[])) == []
    assert queries.captured_queries == []


def test_one_array_parameter_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: other databases get IN (...)")
    sql, params = WorkoutExercise.objects.filter(workout_id__any=[1, 2, 3]).query.sql_with_params()
    assert "= ANY(%s)" in sql
    assert params == ([1, 2, 3],)
