"""A NUL character is bad input, never a 500: PostgreSQL can't hold one in text, so every
way in refuses it with a 400 naming where it was (the suite runs on PostgreSQL on CI too)."""

import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

API_QUERIES = [
    ("/api/v1/exercises/?search=squat%00", "search"),
    ("/api/v1/exercises/?kind=%00", "kind"),
    ("/api/v1/workouts/?activity=run%00", "activity"),
    ("/api/v1/workouts/?cursor=%00", "cursor"),
]
PAGE_QUERIES = [
    "/workouts/?exercise=%00",
    "/workouts/?modality=%00",
    "/workouts/new/?repeat=%00",
    "/exercises/options/?q=%00",
]


@pytest.mark.parametrize(("url", "field"), API_QUERIES)
def test_an_api_query_parameter_with_nul_is_a_400_naming_it(api, url, field):
    response = api.get(url)
    assert response.status_code == 400
    assert response.json() == {"errors": {field: ["May not contain NUL characters."]}}


@pytest.mark.parametrize("url", PAGE_QUERIES)
def test_a_page_query_with_nul_is_a_400(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 400
    assert b"NUL" in response.content


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": "lifter\x00", "password": "x"}, "username"),
        ({"username": "lifter", "password": "x\x00"}, "password"),
        ({"username": "lifter", "password": PASSWORD, "name": "phone\x00"}, "name"),
    ],
)
def test_a_token_request_with_nul_is_a_400_naming_the_field(api, user, body, field):
    body["username"] = body["username"].replace("lifter", user.username)
    response = api.post("/api/v1/auth/token/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert user.access_tokens.count() == 1  # only the `api` fixture's own
