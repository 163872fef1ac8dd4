"""The process keeps a copy of the shared catalog: catalog names resolve without a query, a
catalog change made here shows at once, one made elsewhere within CATALOG_CACHE_S, and the
user's own exercises are always read from the database."""

import pytest

from logbook import catalog
from logbook.catalog import resolve_exercises
from logbook.models import Exercise, ExerciseName
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_catalog_names_resolve_without_a_query_once_loaded(user, django_assert_num_queries):
    resolve_exercises(user, ["back-squat"])  # loads the copy
    with django_assert_num_queries(0):
        found = resolve_exercises(user, ["Squat (Barbell)", "deadlift", "Bench Press"])
    assert found["Squat (Barbell)"].slug == "back-squat"
    assert {e.owner_id for e in found.values()} == {None}


def test_own_exercises_are_read_from_the_database_every_time(user):
    resolve_exercises(user, ["back-squat"])
    mine = resolve_exercises(user, ["Sled Push Deluxe"])["Sled Push Deluxe"]
    assert mine.owner == user
    assert resolve_exercises(user, ["sled push  DELUXE"])["sled push  DELUXE"] == mine
    other = UserFactory()
    theirs = resolve_exercises(other, ["Sled Push Deluxe"])["Sled Push Deluxe"]
    assert theirs.owner == other


def test_an_alias_saved_in_this_process_resolves_at_once(user):
    squat = Exercise.objects.get(owner=None, slug="back-squat")
    resolve_exercises(user, ["back-squat"])
    ExerciseName.objects.create(exercise=squat, owner=None, key="the-big-one")
    assert resolve_exercises(user, ["The Big One"])["The Big One"] == squat


def test_a_renamed_catalog_exercise_shows_its_new_name_at_once(user):
    resolve_exercises(user, ["back-squat"])
    squat = Exercise.objects.get(owner=None, slug="back-squat")
    squat.name = "Back Squat (high bar)"
    squat.save()
    assert resolve_exercises(user, ["back-squat"])["back-squat"].name == "Back Squat (high bar)"


def test_a_name_missing_from_the_copy_is_still_found_in_the_database(user):
    squat = Exercise.objects.get(owner=None, slug="back-squat")
    resolve_exercises(user, ["back-squat"])
    # another process's edit: no signal reaches this one
    ExerciseName.objects.bulk_create([ExerciseName(exercise=squat, owner=None, key="atg-squat")])
    assert resolve_exercises(user, ["ATG squat"])["ATG squat"] == squat


def test_a_change_made_elsewhere_shows_after_the_copy_expires(user, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(catalog.time, "monotonic", lambda: clock[0])
    resolve_exercises(user, ["back-squat"])
    # another process's edit (update() sends no signal, as none crosses processes)
    Exercise.objects.filter(owner=None, slug="back-squat").update(name="Back Squat (high bar)")
    assert resolve_exercises(user, ["back-squat"])["back-squat"].name == "Back Squat"

    clock[0] += catalog.CATALOG_CACHE_S + 1
    assert resolve_exercises(user, ["back-squat"])["back-squat"].name == "Back Squat (high bar)"
