"""Personal access tokens: named, several per user, shown once, stored hashed, revocable."""

from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from logbook.models import AccessToken
from logbook.tokens import hash_token
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/token/"


def get_token(client, user, name="my watch"):
    return client.post(
        URL, {"username": user.username, "password": PASSWORD, "name": name}, format="json"
    )


def test_the_api_example_returns_a_named_token(user):
    response = get_token(APIClient(), user)
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "my watch"
    assert body["token"]


def test_only_the_hash_is_stored(user):
    raw = get_token(APIClient(), user).json()["token"]
    stored = AccessToken.objects.get(user=user)
    assert stored.token_hash == hash_token(raw)
    assert raw not in {stored.token_hash, stored.prefix}


def test_a_token_authenticates_as_bearer_and_records_last_use(user):
    client = APIClient()
    raw = get_token(client, user).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/workouts/").status_code == 200
    assert AccessToken.objects.get(user=user).last_used_at is not None


def test_last_use_is_written_once_a_minute_not_on_every_request(user):
    client = APIClient()
    raw = get_token(client, user).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    client.get("/api/v1/me/")
    first = AccessToken.objects.get(user=user).last_used_at
    client.get("/api/v1/me/")
    assert AccessToken.objects.get(user=user).last_used_at == first
    AccessToken.objects.filter(user=user).update(last_used_at=first - timedelta(minutes=2))
    client.get("/api/v1/me/")
    assert AccessToken.objects.get(user=user).last_used_at > first


def test_a_user_holds_several_tokens_and_revoking_one_keeps_the_other(user):
    client = APIClient()
    watch = get_token(client, user, "watch").json()
    phone = get_token(client, user, "phone").json()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {phone['token']}")
    assert {t["name"] for t in client.get("/api/v1/auth/tokens/").json()} == {"watch", "phone"}
    assert client.delete(f"/api/v1/auth/tokens/{watch['id']}/").status_code == 204
    assert client.get("/api/v1/workouts/").status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {watch['token']}")
    assert client.get("/api/v1/workouts/").status_code == 401


def test_wrong_credentials_are_a_401(user):
    response = APIClient().post(URL, {"username": user.username, "password": "nope"}, format="json")
    assert response.status_code == 401
    assert "errors" in response.json()
    assert not AccessToken.objects.exists()


def test_missing_fields_are_named():
    response = APIClient().post(URL, {"name": "x"}, format="json")
    assert response.status_code == 400
    assert {"username", "password"} <= set(response.json()["errors"])


def test_an_inactive_users_token_stops_working(user):
    client = APIClient()
    raw = get_token(client, user).json()["token"]
    user.is_active = False
    user.save()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/v1/workouts/").status_code == 401


def test_a_garbage_token_is_a_401():
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert client.get("/api/v1/workouts/").status_code == 401


def test_the_token_endpoint_is_rate_limited():
    user = UserFactory()
    client = APIClient()
    statuses = [
        client.post(
            URL, {"username": user.username, "password": "guess"}, format="json"
        ).status_code
        for _ in range(40)
    ]
    assert 429 in statuses
    assert statuses[0] == 401
