"""Every strange input is a 400 (or the form's own error) naming the field, never a 500:
lone surrogates and NUL, Unicode digits ("²", "٢٠٢٦"), numbers of thousands of digits,
datetimes the database cannot hold, weeks outside what can be computed, forged cursors
and charsets other than UTF-8. Nothing is written."""

import base64
import io
import json
from wsgiref.util import setup_testing_defaults

import pytest

from insights.models import WeeklyReport
from insights.weekly_email import email_token
from logbook.common.input import UNENCODABLE
from logbook.models import Profile, Workout
from tests.factories import PASSWORD, WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db

MANY_DIGITS = "9" * 5000


def cursor(*items) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(items)).encode()).decode().rstrip("=")


def raw_post(api, path: str, body: dict, method: str = "POST"):
    return api.generic(method, path, json.dumps(body), content_type="application/json")


@pytest.mark.parametrize(
    ("path", "method", "body", "field"),
    [
        ("/api/v1/workouts/", "POST", {**WorkoutPayload(), "notes": "a\ud800"}, "notes"),
        ("/api/v1/me/", "PATCH", {"time_zone": "Europe/\udc00"}, "time_zone"),
        ("/api/v1/auth/token/", "POST", {"username": "\ud800", "password": "x"}, "username"),
        ("/api/v1/auth/token/", "POST", {"username": "a", "password": "\ud800"}, "password"),
        (
            "/api/v1/auth/token/",
            "POST",
            {"username": "a", "password": "b", "name": "\ud800"},
            "name",
        ),
    ],
)
def test_a_lone_surrogate_is_a_400_naming_the_field(api, path, method, body, field):
    response = raw_post(api, path, body, method)
    assert response.status_code == 400
    assert response.json()["errors"][field] == [UNENCODABLE]
    assert not Workout.objects.exists()


def test_a_nul_in_a_key_is_a_400(api):
    response = raw_post(api, "/api/v1/me/", {"time\x00zone": "UTC"}, "PATCH")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "limit=²",
        "limit=٢",
        f"limit={MANY_DIGITS}",
        "updated_since=0001-01-01T00:00:00%2B01:00",
        "updated_since=9999-12-31T23:59:00-14:00",
        "updated_since=٢٠٢٦-01-01T00:00:00%2B00:00",
        f"cursor={cursor('s', 'not a date', 1)}",  # a text value for the date ordering
        f"cursor={cursor('dt', '2026-01-01T00:00:00+00:00', 2**70)}",  # an id past bigint
        f"cursor={cursor('dt', '0001-01-01T00:00:00+05:00', 1)}",
        "cursor=" + cursor("s", "a\x00b", 1),
        f"updated_since=2026-01-01T00:00:00Z&cursor={cursor('dt', '2026-01-01T00:00:00+00:00', 1)}",
    ],
)
def test_strange_list_parameters_are_a_400_naming_them(api, user, query):
    make_workout(user)
    response = api.get(f"/api/v1/workouts/?{query}")
    assert response.status_code == 400
    name = query.split("=")[0] if "cursor" not in query else "cursor"
    assert name in response.json()["errors"]


def test_an_offset_beyond_what_postgresql_holds_is_read_in_utc(api, user):
    """+20:00 is a valid ISO 8601 offset; PostgreSQL's timestamptz refuses it as given."""
    make_workout(user)
    response = api.get("/api/v1/workouts/?updated_since=2020-01-01T00:00:00%2B20:00")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_a_forged_cursor_for_the_exercise_list_is_a_400(api):
    response = api.get(f"/api/v1/exercises/?cursor={cursor('dt', '2026-01-01T00:00:00Z', 1)}")
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52", "02026-W47", "٢٠٢٦-W47", "2026-W٤٧"])
def test_weeks_that_cannot_be_computed_or_are_spelled_otherwise_are_a_404(api, user, week):
    response = api.get(f"/api/v1/weeks/{week}/")
    assert response.status_code == 404
    assert "week" in response.json()["errors"]
    assert not WeeklyReport.objects.exists()


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52", "02026-W47", "٢٠٢٦-W47"])
def test_a_week_cursor_that_cannot_be_computed_is_a_400(api, user, week):
    make_workout(user)
    response = api.get(f"/api/v1/weeks/?cursor={week}")
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "٢٠٢٦-W47"])
def test_the_week_page_answers_404_for_such_weeks(client, user, week):
    client.force_login(user)
    assert client.get(f"/week/{week}/").status_code == 404


@pytest.mark.parametrize(("day", "hour"), [("²", "8"), ("1", "²"), (MANY_DIGITS, "8")])
def test_email_preferences_with_strange_numbers_are_refused_on_the_form(client, user, day, hour):
    url = f"/email/preferences/{email_token(user)}/"
    response = client.post(url, {"enabled": "on", "day": day, "hour": hour})
    assert response.status_code == 200
    assert "weekly_email." in response.content.decode()
    profile = Profile.objects.get(user=user)
    assert (profile.weekly_email_day, profile.weekly_email_hour) != (2, 8)


@pytest.mark.parametrize(
    "field", ["duration", "ex-0-set-0-rest", "ex-0-set-0-reps", "ex-0-set-0-load"]
)
@pytest.mark.parametrize("value", [MANY_DIGITS, "²", f"{MANY_DIGITS}:00"])
def test_the_web_form_refuses_strange_numbers_beside_the_field(client, user, field, value):
    client.force_login(user)
    form = {
        "title": "Squat day",
        "activity": "strength",
        "started_at": "2026-11-16T07:30",
        "duration": "60",
        "ex-0-name": "back-squat",
        "ex-0-set-0-reps": "5",
        "ex-0-set-0-load": "140",
        "ex-0-set-0-rest": "180",
        "action": "save",
        field: value,
    }
    response = client.post("/workouts/new/", form)
    assert response.status_code == 200
    assert not Workout.objects.exists()


def test_a_strange_repeat_parameter_is_ignored(client, user):
    client.force_login(user)
    assert client.get("/workouts/new/?repeat=²").status_code == 200


def wsgi(path: str, content_type: str, method: str = "GET", body: bytes = b"") -> tuple:
    from config.wsgi import application

    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "SERVER_NAME": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1",
    }
    setup_testing_defaults(environ)
    statuses = []
    content = b"".join(application(environ, lambda status, headers: statuses.append(status)))
    return statuses[0], content


@pytest.mark.parametrize("charset", ["hex", "zlib", "rot13", "utf-16", "ibm500", "latin-1"])
@pytest.mark.parametrize("path", ["/api/v1/workouts/", "/accounts/login/"])
def test_a_charset_other_than_utf8_is_a_400_naming_it(charset, path):
    body = f"username=a&password={PASSWORD}".encode()
    status, content = wsgi(
        path, f"application/x-www-form-urlencoded; charset={charset}", "POST", body
    )
    assert status.startswith("400")
    if path.startswith("/api/"):
        assert json.loads(content) == {
            "errors": {"charset": ["Send text as UTF-8 (Content-Type charset=utf-8)."]}
        }
    else:
        assert b"charset" in content


def test_utf8_in_any_spelling_passes(user):
    status, _ = wsgi("/accounts/login/", "text/plain; charset=UTF-8")
    assert status.startswith("200")
