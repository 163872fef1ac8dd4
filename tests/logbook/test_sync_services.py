"""The write path's sync helpers: upsert, batch look-up, content digest, change stamps."""

from datetime import timedelta

import pytest
from django.utils import timezone

from logbook import selectors, services
from logbook.catalog import resolve_exercises
from logbook.common.errors import InvalidInput
from logbook.models import ChangeClock, Workout
from logbook.schema import clean_workout
from tests.factories import UserFactory, WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db


def data(**overrides):
    payload = WorkoutPayload(started_at="2026-10-05T07:30:00+02:00", source="s", **overrides)
    return clean_workout(payload)


def test_upsert_creates_then_finds_it_unchanged_then_updates(user):
    workout, status = services.upsert_workout(user, data(external_id="u-1"))
    assert status == "created"
    again, status = services.upsert_workout(user, data(external_id="u-1"))
    assert (again.pk, status) == (workout.pk, "unchanged")
    changed, status = services.upsert_workout(user, data(external_id="u-1", title="other"))
    assert (changed.pk, status) == (workout.pk, "updated")


def test_upsert_needs_an_external_id(user):
    with pytest.raises(InvalidInput) as raised:
        services.upsert_workout(user, data())
    assert "external_id" in raised.value.errors


def test_the_digest_ignores_identity_and_how_exercises_are_named(user):
    catalog = resolve_exercises(user, ["back-squat", "Squat (Barbell)"])
    one = data(external_id="a", exercises=[{"exercise": "back-squat", "sets": [{"reps": 5}]}])
    two = data(external_id="b", exercises=[{"exercise": "Squat (Barbell)", "sets": [{"reps": 5}]}])
    assert services.content_hash(one, catalog) == services.content_hash(two, catalog)
    three = data(external_id="a", exercises=[{"exercise": "back-squat", "sets": [{"reps": 6}]}])
    assert services.content_hash(one, catalog) != services.content_hash(three, catalog)


def test_every_write_path_stores_the_digest(user):
    workout = make_workout(user)
    assert len(workout.content_hash) == 64


def test_find_synced_finds_a_batch_and_derived_ids(user):
    named = make_workout(user, source="s", external_id="e-1")
    unnamed = make_workout(user, source="s")
    other_source = make_workout(user, source="t")
    found = selectors.find_synced(
        user,
        [
            ("s", "e-1"),
            ("s", f"myolog-{unnamed.pk}"),
            ("s", f"myolog-{other_source.pk}"),
            ("s", "missing"),
        ],
    )
    assert found == {("s", "e-1"): named, ("s", f"myolog-{unnamed.pk}"): unnamed}


def test_find_synced_never_finds_another_users_workout(user):
    theirs = make_workout(UserFactory(), source="s", external_id="e-1")
    assert selectors.find_synced(user, [("s", "e-1"), ("s", f"myolog-{theirs.pk}")]) == {}


def test_re_syncing_an_export_of_a_workout_without_external_id_finds_it(user):
    workout = make_workout(user, source="web", started_at="2026-10-05T07:30:00+02:00")
    payload = WorkoutPayload(
        started_at="2026-10-05T07:30:00+02:00", source="web", external_id=f"myolog-{workout.pk}"
    )
    again, status = services.upsert_workout(user, clean_workout(payload))
    assert (again.pk, status) == (workout.pk, "unchanged")
    assert Workout.objects.get(pk=workout.pk).external_id is None


def test_stamps_strictly_increase_per_user_even_if_the_clock_goes_back(user, monkeypatch):
    first = make_workout(user)
    clock = ChangeClock.objects.get(user=user)
    future = timezone.now() + timedelta(hours=1)
    ChangeClock.objects.filter(pk=clock.pk).update(
        stamp_us=(future - services._EPOCH) // services._MICROSECOND
    )
    second = make_workout(user)
    third = make_workout(user)
    assert first.updated_at < future < second.updated_at < third.updated_at
    assert third.updated_at - second.updated_at == timedelta(microseconds=1)


def test_a_delete_is_a_change_with_a_newer_stamp(user):
    workout = make_workout(user)
    before = workout.updated_at
    services.delete_workout(workout)
    assert Workout.objects.get(pk=workout.pk).updated_at > before


def test_each_user_has_their_own_clock(user):
    make_workout(user)
    make_workout(UserFactory())
    assert ChangeClock.objects.count() == 2


def test_upsert_many_reports_an_item_without_external_id_as_an_error(user):
    results = list(services.upsert_many(user, [data(external_id="ok"), data()]))
    assert [status for _, status, _ in results] == ["created", "error"]
    assert "external_id" in results[1][2]
    assert list(Workout.objects.values_list("external_id", flat=True)) == ["ok"]
