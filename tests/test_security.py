"""Security: production settings pass `check --deploy`, headers are set, every form is
CSRF-protected (the log-in lockout: test_lockout.py), and a database outage is a clean 503."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import Client

from logbook.api import views
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[1]


def test_production_settings_pass_check_deploy():
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "EMBEDDED", "SECURE_HTTPS")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="x" * 60 + "-production-like-secret-key",
        ALLOWED_HOSTS="myolog.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_pages_carry_security_headers(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_every_post_form_in_the_templates_carries_a_csrf_token():
    exempt = {"insights/unsubscribe.html"}  # RFC 8058 one-click; the signed link is the proof
    for path in (ROOT / "templates").rglob("*.html"):
        name = str(path.relative_to(ROOT / "templates"))
        for form in re.findall(
            r"<form[^>]*method=\"post\".*?</form>", path.read_text(), re.S | re.I
        ):
            if name not in exempt:
                assert "csrf_token" in form, f"{name}: a POST form without {{% csrf_token %}}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/workouts/new/", "/settings/", "/settings/tokens/"])
def test_posts_without_a_csrf_token_are_refused(url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    assert client.post(url, {"action": "save"}).status_code == 403


@pytest.mark.django_db
def test_signup_and_login_refuse_a_missing_csrf_token():
    client = Client(enforce_csrf_checks=True)
    assert client.post("/signup/", {"username": "x"}).status_code == 403
    assert client.post("/accounts/login/", {"username": "x", "password": "y"}).status_code == 403


@pytest.mark.django_db
def test_a_lost_database_is_a_503_json_under_the_api(api, monkeypatch):
    def gone(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(views.WorkoutListView, "get", gone)
    api.raise_request_exception = False
    response = api.get("/api/v1/workouts/")
    assert response.status_code == 503
    assert "unavailable" in response.json()["errors"]["detail"][0]
    assert response["Retry-After"] == "5"
    assert "Traceback" not in response.content.decode()
