"""POST /api/v1/sync/workouts/: per-item upserts by (source, external_id); replays do nothing."""

import copy

import pytest
from rest_framework.throttling import ScopedRateThrottle

from logbook.models import Set, Workout
from tests.factories import SetPayload, UserFactory, WorkoutPayload, bearer, make_workout

pytestmark = pytest.mark.django_db

URL = "/api/v1/sync/workouts/"


def item(external_id: str, **overrides) -> dict:
    overrides.setdefault("started_at", "2026-10-05T07:30:00+02:00")
    return WorkoutPayload(source="watch", external_id=external_id, **overrides)


def sync(api, workouts: list):
    return api.post(URL, {"workouts": workouts}, format="json")


def test_a_batch_creates_its_workouts_and_reports_each(api, user):
    batch = [item("a-1"), item("a-2", title="Second")]
    response = sync(api, batch)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["created", "created"]
    assert [r["external_id"] for r in results] == ["a-1", "a-2"]
    assert all(r["errors"] == {} for r in results)
    stored = {w.external_id: w for w in user.workouts.all()}
    assert {r["id"] for r in results} == {w.pk for w in stored.values()}
    assert stored["a-2"].title == "Second"
    assert stored["a-1"].source == "watch"


def test_replaying_a_batch_creates_nothing_and_says_unchanged(api, user):
    batch = [item(f"r-{i}") for i in range(5)]
    first = sync(api, batch).json()["results"]
    stamps = dict(user.workouts.values_list("pk", "updated_at"))
    sets = Set.objects.count()
    again = sync(api, copy.deepcopy(batch)).json()["results"]
    assert [r["status"] for r in again] == ["unchanged"] * 5
    assert [r["id"] for r in again] == [r["id"] for r in first]
    assert user.workouts.count() == 5
    assert Set.objects.count() == sets
    assert dict(user.workouts.values_list("pk", "updated_at")) == stamps


def test_a_changed_item_is_updated_in_place(api, user):
    sync(api, [item("c-1")])
    changed = item(
        "c-1",
        title="Heavier",
        exercises=[{"exercise": "deadlift", "sets": [SetPayload(load_kg=200.0)]}],
    )
    result = sync(api, [changed]).json()["results"][0]
    assert result["status"] == "updated"
    workout = user.workouts.get()
    assert workout.pk == result["id"]
    assert workout.title == "Heavier"
    assert list(Set.objects.filter(entry__workout=workout).values_list("load_kg", flat=True)) == [
        200.0
    ]


def test_one_bad_item_does_not_sink_the_batch(api, user):
    bad_set = item("b-2", exercises=[{"exercise": "back-squat", "sets": [{"reps": -1}]}])
    no_id = WorkoutPayload(source="watch")
    no_source = {k: v for k, v in item("b-4").items() if k != "source"}
    results = sync(api, [item("b-1"), bad_set, no_id, no_source, "not an object"]).json()["results"]
    assert [r["status"] for r in results] == ["created", "error", "error", "error", "error"]
    assert "exercises.0.sets.0.reps" in results[1]["errors"]
    assert results[1]["external_id"] == "b-2"
    assert results[1]["id"] is None
    assert "external_id" in results[2]["errors"]
    assert "source" in results[3]["errors"]
    assert results[4]["external_id"] is None
    assert results[4]["errors"]
    assert list(user.workouts.values_list("external_id", flat=True)) == ["b-1"]


def test_names_that_mean_the_same_exercise_are_unchanged(api, user):
    by_alias = item("n-1", exercises=[{"exercise": "Squat (Barbell)", "sets": [SetPayload()]}])
    by_slug = item("n-1", exercises=[{"exercise": "back-squat", "sets": [SetPayload()]}])
    sync(api, [by_alias])
    assert sync(api, [by_slug]).json()["results"][0]["status"] == "unchanged"


def test_the_same_external_id_from_another_source_is_another_workout(api, user):
    sync(api, [item("x-1")])
    other = item("x-1") | {"source": "phone"}
    assert sync(api, [other]).json()["results"][0]["status"] == "created"
    assert user.workouts.count() == 2


def test_a_repeated_item_in_one_batch_is_written_once(api, user):
    results = sync(api, [item("d-1"), item("d-1"), item("d-1", title="later")]).json()["results"]
    assert [r["status"] for r in results] == ["created", "unchanged", "updated"]
    assert user.workouts.get().title == "later"


def test_a_deleted_workout_stays_deleted_when_the_same_content_comes_again(api, user):
    workout_id = sync(api, [item("del-1")]).json()["results"][0]["id"]
    assert api.delete(f"/api/v1/workouts/{workout_id}/").status_code == 204
    result = sync(api, [item("del-1")]).json()["results"][0]
    assert result == {"external_id": "del-1", "id": workout_id, "status": "unchanged", "errors": {}}
    assert Workout.objects.get(pk=workout_id).is_deleted


def test_changed_content_restores_a_deleted_workout(api, user):
    workout_id = sync(api, [item("del-2")]).json()["results"][0]["id"]
    api.delete(f"/api/v1/workouts/{workout_id}/")
    result = sync(api, [item("del-2", title="edited on the watch")]).json()["results"][0]
    assert result["status"] == "updated"
    assert result["id"] == workout_id
    assert not Workout.objects.get(pk=workout_id).is_deleted


def test_an_api_created_workout_is_recognised_by_its_external_id(api, user):
    workout = make_workout(user, source="watch", external_id="api-1")
    result = sync(api, [item("api-1")]).json()["results"][0]
    assert result["id"] == workout.pk
    assert result["status"] == "updated"
    assert user.workouts.count() == 1


def test_sync_is_per_user(api, user):
    other = UserFactory()
    theirs = make_workout(other, source="watch", external_id="shared", title="theirs")
    result = sync(api, [item("shared", title="mine")]).json()["results"][0]
    assert result["status"] == "created"
    assert result["id"] != theirs.pk
    theirs.refresh_from_db()
    assert theirs.title == "theirs"
    assert user.workouts.get().title == "mine"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"workouts": [{}] * 501}, "workouts"),
        ({"workouts": "nope"}, "workouts"),
        ({}, "workouts"),
        ([], "non_field_errors"),
    ],
)
def test_a_bad_batch_is_a_400_naming_the_field(api, user, body, field):
    response = api.post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not user.workouts.exists()


def test_500_workouts_is_the_most_accepted(api, user):
    batch = [item(f"m-{i}", exercises=[]) for i in range(500)]
    response = sync(api, batch)
    assert response.status_code == 200
    assert len(response.json()["results"]) == 500
    assert user.workouts.count() == 500


def test_a_batch_larger_than_a_single_workout_body_is_accepted(api, user, settings):
    settings.API_MAX_BODY_BYTES = 2_000
    batch = [item(f"big-{i}") for i in range(20)]
    assert sync(api, batch).status_code == 200
    settings.SYNC_MAX_BODY_BYTES = 2_000
    assert sync(api, batch).status_code == 413


def test_sync_needs_a_token(client):
    response = client.post(URL, {"workouts": []}, content_type="application/json")
    assert response.status_code == 401


def test_sync_is_throttled_per_user(api, monkeypatch):
    rates = {**ScopedRateThrottle.THROTTLE_RATES, "sync": "2/min"}
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)
    assert [sync(api, []).status_code for _ in range(3)] == [200, 200, 429]
    api.credentials(**bearer(UserFactory()))
    assert sync(api, []).status_code == 200


def test_the_schema_documents_sync_imports_and_export(client):
    import yaml

    schema = yaml.safe_load(client.get("/api/v1/schema/").content)
    assert {
        "/api/v1/sync/workouts/",
        "/api/v1/imports/",
        "/api/v1/imports/{id}/",
        "/api/v1/export/",
    } <= set(schema["paths"])
    status = schema["components"]["schemas"]["ImportStatus"]
    assert set(status["properties"]) == {
        "status",
        "progress",
        "created",
        "updated",
        "skipped",
        "errors",
        "counts",
        "error_count",
    }


def test_a_workout_edited_elsewhere_is_overwritten_by_the_next_sync(api, user):
    workout_id = sync(api, [item("e-1")]).json()["results"][0]["id"]
    api.patch(f"/api/v1/workouts/{workout_id}/", {"title": "edited on the web"}, format="json")
    result = sync(api, [item("e-1")]).json()["results"][0]
    assert (result["id"], result["status"]) == (workout_id, "updated")
    assert Workout.objects.get(pk=workout_id).title == "Squat day"


def test_a_replay_of_the_same_bytes_skips_validation(api, user, monkeypatch):
    batch = [item(f"v-{i}") for i in range(3)]
    sync(api, batch)

    def no_validation(*args, **kwargs):
        raise AssertionError("validated again")

    monkeypatch.setattr("logbook.services.clean_workout", no_validation)
    results = sync(api, batch).json()["results"]
    assert [r["status"] for r in results] == ["unchanged"] * 3


def test_a_mixed_batch_reports_each_item_in_order(api, user):
    sync(api, [item("old-changed"), item("old-same")])
    batch = [
        item("new-1"),
        item("old-changed", title="changed"),
        item("new-2"),
        item("new-1", title="new-1 again, changed"),
        item("old-same"),
        {"source": "watch"},
        item("new-3"),
    ]
    results = sync(api, batch).json()["results"]
    assert [(r["external_id"], r["status"]) for r in results] == [
        ("new-1", "created"),
        ("old-changed", "updated"),
        ("new-2", "created"),
        ("new-1", "updated"),
        ("old-same", "unchanged"),
        (None, "error"),
        ("new-3", "created"),
    ]
    assert user.workouts.get(external_id="new-1").title == "new-1 again, changed"
    assert user.workouts.count() == 5


def test_more_new_workouts_than_one_insert_chunk(api, user):
    from logbook.services import BULK_CHUNK

    batch = [item(f"c-{i}", exercises=[]) for i in range(BULK_CHUNK * 2 + 3)]
    results = sync(api, batch).json()["results"]
    assert [r["external_id"] for r in results] == [f"c-{i}" for i in range(len(batch))]
    assert {r["status"] for r in results} == {"created"}
    assert len({r["id"] for r in results}) == len(batch)
    stamps = list(user.workouts.order_by("id").values_list("updated_at", flat=True))
    assert stamps == sorted(set(stamps))  # one distinct stamp per workout, in order


def test_a_failing_insert_falls_back_to_one_transaction_per_item(api, user, monkeypatch):
    from logbook import services

    original = services._write_intervals

    def fail_for_bad(pairs):
        if any(w.title == "bad" for w, _ in pairs):
            raise services.IntegrityError("constraint")
        original(pairs)

    monkeypatch.setattr(services, "_write_intervals", fail_for_bad)
    results = sync(api, [item("f-1"), item("f-2", title="bad"), item("f-3")]).json()["results"]
    assert [r["status"] for r in results] == ["created", "error", "created"]
    assert sorted(user.workouts.values_list("external_id", flat=True)) == ["f-1", "f-3"]
