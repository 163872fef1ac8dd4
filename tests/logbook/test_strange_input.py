"""Every strange input is a 400 (or the form's own error) naming the field, never a 500:
lone surrogates and NUL, Unicode digits ("²", "٢٠٢٦"), numbers of thousands of digits,
datetimes the database cannot hold, weeks outside what can be computed, forged cursors
and charsets other than UTF-8. Nothing is written."""

import base64
import io
import json
from wsgiref.util import setup_testing_defaults

import pytest
from django.contrib.auth import get_user_model

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


@pytest.mark.parametrize("path", ["workouts", "exercises", "routines", "weeks"])
@pytest.mark.parametrize("value", ["²", "٢", "١٢", "12\u0663", MANY_DIGITS, "%2012"])
def test_every_integer_query_parameter_takes_ascii_digits_only(api, user, path, value):
    make_workout(user)
    response = api.get(f"/api/v1/{path}/?limit={value}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["limit"]


@pytest.mark.parametrize(
    "field", ["title", "notes", "source", "external_id", "exercises.0.exercise"]
)
def test_a_lone_surrogate_in_any_text_field_of_a_new_workout_is_a_400_naming_it(api, field):
    body = {**WorkoutPayload(), "notes": "n", "source": "watch", "external_id": "w-1"}
    if field.startswith("exercises"):
        body["exercises"][0]["exercise"] = "back-squat\udfff"
    else:
        body[field] = "Leg day \ud800"
    response = raw_post(api, "/api/v1/workouts/", body)
    assert response.status_code == 400
    assert response.json()["errors"][field] == [UNENCODABLE]
    assert not Workout.objects.exists()


OVERFLOWING = ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00Z"]


@pytest.mark.parametrize("started_at", OVERFLOWING)
def test_started_at_at_the_ends_of_the_calendar_is_a_400_naming_it(api, started_at):
    response = raw_post(api, "/api/v1/workouts/", {**WorkoutPayload(), "started_at": started_at})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["started_at"]
    synced = raw_post(
        api,
        "/api/v1/sync/workouts/",
        {
            "workouts": [
                {**WorkoutPayload(), "started_at": started_at, "source": "w", "external_id": "1"}
            ]
        },
    )
    assert synced.status_code == 200
    assert list(synced.json()["results"][0]["errors"]) == ["started_at"]
    assert not Workout.objects.exists()


def with_number(body: dict, key: str, literal: str) -> str:
    """`body` as JSON with `key` set to a number literal json.dumps could not write."""
    return json.dumps({**body, key: "HERE"}).replace('"HERE"', literal)


@pytest.mark.parametrize(
    ("literal", "message"),
    [
        (MANY_DIGITS, "A number of more than 40 digits."),
        ("-" + MANY_DIGITS, "A number of more than 40 digits."),
        ("1e400", "A number too large to hold."),
        (MANY_DIGITS + ".5", "A number too large to hold."),
    ],
)
@pytest.mark.parametrize(
    ("path", "method", "body", "key", "field"),
    [
        ("/api/v1/workouts/", "POST", WorkoutPayload(), "duration_s", "duration_s"),
        ("/api/v1/me/", "PATCH", {}, "hr_max", "hr_max"),
        (
            "/api/v1/auth/token/",
            "POST",
            {"username": "a", "password": "b"},
            "expires_in_days",
            "expires_in_days",
        ),
    ],
)
def test_a_number_that_cannot_be_held_is_a_400_naming_the_field(
    api, path, method, body, key, field, literal, message
):
    raw = with_number(dict(body), key, literal)
    response = api.generic(method, path, raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"errors": {field: [message]}}
    assert not Workout.objects.exists()


def test_a_sync_batch_with_a_number_that_cannot_be_held_writes_nothing(api):
    items = [{**WorkoutPayload(), "source": "w", "external_id": str(i)} for i in range(3)]
    raw = json.dumps({"workouts": items}).replace(
        '"duration_s": 3600', f'"duration_s": {MANY_DIGITS}', 1
    )
    response = api.generic("POST", "/api/v1/sync/workouts/", raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "errors": {"workouts.0.duration_s": ["A number of more than 40 digits."]}
    }
    assert not Workout.objects.exists()


def test_a_tempo_in_other_digits_is_a_400_naming_it(api):
    body = WorkoutPayload()
    body["exercises"][0]["sets"][0]["tempo"] = "٣-1-1-0"
    response = raw_post(api, "/api/v1/workouts/", body)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["exercises.0.sets.0.tempo"]


# Form bodies percent-encode text as UTF-8 bytes; a lone surrogate's bytes (ED A0 80) are not
# UTF-8, so Django reads them as U+FFFD: the form's own error, never an encoding crash.
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/accounts/login/", "username=%ED%A0%80&password=%ED%A0%80"),
        ("/signup/", "username=a%ED%A0%80&email=a%40example.com&password1=%ED%A0%80&password2=x"),
    ],
)
def test_a_lone_surrogate_on_the_log_in_and_sign_up_forms_is_a_form_error(client, user, path, body):
    response = client.post(path, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.count() == 1


@pytest.mark.parametrize("rows", ["²", MANY_DIGITS, "٣"])
def test_the_routine_form_takes_its_row_count_in_ascii_digits_only(client, user, rows):
    client.force_login(user)
    response = client.post("/routines/new/", {"name": "Legs", "rows": rows})
    assert response.status_code == 200
    assert not user.routines.exists()
