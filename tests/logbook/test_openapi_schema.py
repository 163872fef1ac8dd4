"""The OpenAPI schema is served, documents API.md's endpoints and agrees with the rules."""

import pytest
import yaml

from logbook.schema import SetIn, WorkoutIn, rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_lists_the_api_md_paths(schema):
    assert {
        "/api/v1/auth/token/",
        "/api/v1/workouts/",
        "/api/v1/workouts/{id}/",
        "/api/v1/exercises/",
        "/api/v1/me/",
    } <= set(schema["paths"])


def test_numeric_bounds_in_the_schema_match_the_validation_rules(schema):
    components = schema["components"]["schemas"]
    for component, model in (("SetInRequest", SetIn), ("WorkoutInRequest", WorkoutIn)):
        properties = components[component]["properties"]
        for name, rule in rules(model).items():
            if rule.kind in ("int", "float") and rule.sent:
                assert properties[name]["minimum"] == rule.minimum, name
                assert properties[name]["maximum"] == rule.maximum, name


def test_the_workout_request_requires_started_at(schema):
    assert schema["components"]["schemas"]["WorkoutInRequest"]["required"] == ["started_at"]


def test_bearer_auth_is_documented(schema):
    assert schema["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_swagger_ui_is_served_without_a_cdn(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    assert b"cdn.jsdelivr" not in response.content


def test_the_schema_generates_without_warnings():
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", "/dev/null")


def test_unknown_api_paths_and_huge_ids_answer_json_404s(api):
    for url in ("/api/v1/nothing-here/", "/api/v1/workouts/-1/", f"/api/v1/workouts/{2**70}/"):
        for method in ("get", "put", "delete"):
            response = getattr(api, method)(url)
            assert response.status_code == 404, (method, url)
            assert response.json() == {"errors": {"detail": ["Not found."]}}
