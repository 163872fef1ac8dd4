"""A new password, through any door, revokes every personal access token and signs out the
other sessions; the user is told. A reset also ends a log-in pause on the username."""

import re

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.test import Client
from rest_framework.test import APIClient

from logbook.models import AccessToken
from logbook.tokens import issue_token
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW = "a brand new passphrase 2026"


def token_works(raw) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client.get("/api/v1/me/").status_code == 200


def test_changing_the_password_revokes_tokens_and_other_sessions():
    user = UserFactory()
    _, raw = issue_token(user, "watch")
    here, elsewhere = Client(), Client()
    here.force_login(user)
    elsewhere.force_login(user)
    assert token_works(raw)
    response = here.post(
        "/accounts/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )
    assert response.status_code == 200
    assert "tokens were revoked" in response.content.decode()
    assert not token_works(raw)
    assert not AccessToken.objects.filter(user=user).exists()
    assert here.get("/settings/").status_code == 200  # this session stays
    assert elsewhere.get("/settings/").status_code == 302  # the other is signed out


def test_a_reset_by_email_revokes_tokens_and_ends_a_pause(settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = UserFactory()
    _, raw = issue_token(user, "watch")
    for _ in range(3):
        Client().post("/accounts/login/", {"username": user.username, "password": "guess"})
    assert AccessAttempt.objects.filter(username=user.username).exists()
    Client().post("/accounts/password_reset/", {"email": user.email})
    link = re.search(r"http://\S+/reset/\S+/", mail.outbox[-1].body).group(0)
    client = Client()
    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "tokens were revoked" in response.content.decode()
    assert not token_works(raw)
    login = Client().post("/accounts/login/", {"username": user.username, "password": NEW})
    assert login.status_code == 302


def test_a_password_set_elsewhere_revokes_tokens_too():
    """The admin, `manage.py changepassword`: every door saves through set_password."""
    user = UserFactory()
    _, raw = issue_token(user, "watch")
    user.set_password(NEW)
    user.save()
    assert not token_works(raw)


def test_saving_a_user_without_a_new_password_keeps_tokens():
    user = UserFactory()
    _, raw = issue_token(user, "watch")
    user.first_name = "Ada"
    user.save()
    assert token_works(raw)
