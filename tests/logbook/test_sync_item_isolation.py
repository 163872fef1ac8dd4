"""A sync item that cannot be stored is that item's error, never the batch's 500: text a
database cannot hold (a lone surrogate, a NUL in the identity), or a refusal that only the
database or its driver makes. The other items are written; nothing of the bad one is."""

import json

import pytest

from logbook import services
from logbook.models import Set, Workout
from tests.factories import WorkoutPayload

pytestmark = pytest.mark.django_db

URL = "/api/v1/sync/workouts/"
UNENCODABLE = "Contains characters that are not valid Unicode text (such as a lone surrogate)."


def item(external_id: str, **overrides) -> dict:
    return {**WorkoutPayload(**overrides), "source": "watch", "external_id": external_id}


def sync_raw(api, workouts: list):
    """The body as a client's JSON encoder writes it: a lone surrogate as its \\u escape."""
    body = json.dumps({"workouts": workouts})
    return api.generic("POST", URL, body, content_type="application/json")


def test_a_lone_surrogate_in_one_title_fails_that_item_only(api, user):
    batch = [item(f"s-{i}") for i in range(150)]
    batch[119]["title"] = "Leg day \ud800"
    response = sync_raw(api, batch)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results].count("created") == 149
    assert results[119] == {
        "external_id": "s-119",
        "id": None,
        "status": "error",
        "errors": {"title": [UNENCODABLE]},
    }
    assert not Workout.objects.filter(external_id="s-119").exists()
    assert user.workouts.count() == 149
    # a replay answers the same way and creates nothing
    again = sync_raw(api, batch).json()["results"]
    assert [r["status"] for r in again].count("unchanged") == 149
    assert again[119]["status"] == "error"
    assert user.workouts.count() == 149


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("external_id", "abc\x00def", "May not contain NUL characters."),
        ("external_id", "abc\udfff", UNENCODABLE),
        ("source", "wa\x00tch", "May not contain NUL characters."),
        ("source", "\ud83d", UNENCODABLE),
    ],
)
def test_an_identity_that_cannot_be_stored_is_that_items_error(api, user, field, value, message):
    bad = {**item("fine-2"), field: value}
    response = sync_raw(api, [item("fine-1"), bad, item("fine-3")])
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["created", "error", "created"]
    assert results[1]["errors"] == {field: [message]}
    assert results[1]["id"] is None
    assert sorted(user.workouts.values_list("external_id", flat=True)) == ["fine-1", "fine-3"]


def test_the_echoed_id_of_an_unencodable_item_is_readable_json(api):
    response = sync_raw(api, [item("id-\ud800")])
    assert response.status_code == 200
    assert response.json()["results"][0]["external_id"] == "id-\ufffd"


def test_a_refusal_only_the_database_makes_is_that_items_error(api, user, monkeypatch):
    """Whatever slips past the rules but not the database (here an interval write that
    raises as a driver does for a value it cannot encode) fails its own item, inside its
    own transaction: its workout, entries and sets are rolled back."""
    real = services._write_intervals

    def refuse_one(pairs):
        if any(workout.external_id == "db-2" for workout, _ in pairs):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(pairs)

    monkeypatch.setattr(services, "_write_intervals", refuse_one)
    response = sync_raw(api, [item(f"db-{i}") for i in range(4)])
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["created", "created", "error", "created"]
    assert results[2]["errors"] == {"non_field_errors": ["Could not be saved; try again."]}
    assert sorted(user.workouts.values_list("external_id", flat=True)) == ["db-0", "db-1", "db-3"]
    assert Set.objects.filter(entry__workout__user=user).count() == 3 * 3
