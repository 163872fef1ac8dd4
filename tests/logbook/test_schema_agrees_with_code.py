"""Where the fuzz suite (tests/integration/test_fuzz.py) found the OpenAPI schema and the
code disagreeing, each now says what the other does, as API.md has it."""

import io
import json

import pytest
import yaml

from logbook.models import ImportJob, Workout
from tests.factories import WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def components(client):
    return yaml.safe_load(client.get("/api/v1/schema/").content)["components"]["schemas"]


def test_a_numeric_external_id_is_documented_and_taken_as_text(api, components):
    documented = components["WorkoutInRequest"]["properties"]["external_id"]["anyOf"]
    assert {branch["type"] for branch in documented} == {"string", "integer"}
    response = api.post("/api/v1/workouts/", {**WorkoutPayload(), "external_id": 42}, format="json")
    assert response.status_code == 201
    assert response.json()["external_id"] == "42"


def test_null_lists_are_documented_and_taken_as_none(api, components):
    workout = components["WorkoutInRequest"]["properties"]
    assert workout["exercises"]["nullable"] is workout["intervals"]["nullable"] is True
    assert components["ExerciseEntryInRequest"]["properties"]["sets"]["nullable"] is True
    body = {**WorkoutPayload(), "intervals": None, "exercises": None}
    response = api.generic("POST", "/api/v1/workouts/", json.dumps(body), "application/json")
    assert response.status_code == 201
    assert response.json()["exercises"] == response.json()["intervals"] == []


def test_any_sync_item_is_valid_in_the_schema_as_it_is_that_items_own_error(api, components):
    items = components["SyncRequestRequest"]["properties"]["workouts"]["items"]
    assert items == {"anyOf": [{"$ref": "#/components/schemas/WorkoutInRequest"}, {}]}
    response = api.post("/api/v1/sync/workouts/", {"workouts": [5, {"title": "x"}]}, format="json")
    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == ["error", "error"]
    assert not Workout.objects.exists()


@pytest.mark.parametrize("query", ["kind=", "kind=%20cardio"])
def test_an_empty_or_padded_exercise_kind_is_a_400_as_the_enum_says(api, query):
    response = api.get(f"/api/v1/exercises/?{query}")
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


@pytest.mark.parametrize("cursor", ["", "2026-W54", "٢٠٢٦-W47"])
def test_an_empty_or_impossible_week_cursor_is_a_400_as_its_pattern_says(api, user, cursor):
    make_workout(user)
    response = api.get(f"/api/v1/weeks/?cursor={cursor}")
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


@pytest.mark.parametrize("name", ["format", "weight_unit"])
def test_an_empty_import_format_or_unit_is_a_400_as_the_enum_says(api, name):
    upload = io.BytesIO(b"Date,Exercise Name\n")
    upload.name = "strong.csv"
    response = api.post("/api/v1/imports/", {"file": upload, name: ""}, format="multipart")
    assert response.status_code == 400
    assert name in response.json()["errors"]
    assert not ImportJob.objects.exists()
