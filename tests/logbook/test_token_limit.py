"""An account holds at most MAX_TOKENS tokens, so the token list, which is not paged, stays
short; past it, the API and the settings page say which limit and what to do, and write
nothing."""

import pytest
from rest_framework.test import APIClient

from logbook.models import AccessToken
from logbook.tokens import MAX_TOKENS, issue_token
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(user):
    for i in range(MAX_TOKENS):
        issue_token(user, f"device {i}")
    return user


def test_the_api_refuses_a_token_past_the_limit_naming_it(full):
    body = {"username": full.username, "password": PASSWORD, "name": "one more"}
    response = APIClient().post("/api/v1/auth/token/", body, format="json")
    assert response.status_code == 400
    assert "revoke one" in response.json()["errors"]["tokens"][0]
    assert AccessToken.objects.filter(user=full).count() == MAX_TOKENS


def test_the_settings_page_refuses_a_token_past_the_limit_and_keeps_the_name(client, full):
    client.force_login(full)
    response = client.post("/settings/tokens/", {"name": "one more", "scope": "write"})
    assert response.status_code == 200
    page = response.content.decode()
    assert f"You hold {MAX_TOKENS} tokens" in page
    assert 'value="one more"' in page
    assert AccessToken.objects.filter(user=full).count() == MAX_TOKENS


def test_revoking_one_makes_room(full):
    full.access_tokens.first().delete()
    issue_token(full, "new phone")
    assert AccessToken.objects.filter(user=full, name="new phone").exists()
    assert AccessToken.objects.filter(user=full).count() == MAX_TOKENS


def test_the_list_gives_every_own_token_newest_first(full):
    client = APIClient()
    issue_token(UserFactory(), "someone else's")
    full.access_tokens.first().delete()
    _, mine = issue_token(full, "newest")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {mine}")
    listed = client.get("/api/v1/auth/tokens/").json()
    assert len(listed) == MAX_TOKENS
    assert listed[0]["name"] == "newest"
