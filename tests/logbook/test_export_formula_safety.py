"""A CSV export is safe to open in a spreadsheet: text cells that would run as formulas
(OWASP: =, +, -, @, tab, carriage return) are neutralised with a leading apostrophe, while
the JSON export and the CSV round trip stay exact."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from logbook.imports.readers.myolog_csv import COLUMNS, neutralise, restore
from tests.factories import UserFactory, bearer, committing, make_workout

pytestmark = pytest.mark.django_db

HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "\tTab",
    "\rCR",
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(**bearer(user))
    return client


def export(client, fmt):
    response = client.get(f"/api/v1/export/?format={fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def hostile_history(user):
    for n, text in enumerate(HOSTILE):
        make_workout(
            user,
            started_at=f"2026-10-{n + 1:02d}T07:30:00+00:00",
            title=text,
            notes=f"'{text}",  # already apostrophed: must come back as it was
            external_id=f"x{n}",
            exercises=[{"exercise": f"{text} lift", "sets": [{"reps": 5, "load_kg": 60}]}],
        )


def test_no_exported_text_cell_begins_like_a_formula():
    user = UserFactory()
    hostile_history(user)
    rows = list(csv.reader(io.StringIO(export(client_for(user), "csv"), newline="")))
    assert rows[0] == COLUMNS
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    titles = {row[COLUMNS.index("title")] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in titles
    assert "'-2+3+cmd|' /C calc'!A0" in titles


def test_the_json_export_is_untouched():
    user = UserFactory()
    hostile_history(user)
    workouts = json.loads(export(client_for(user), "json"))["workouts"]
    stored = user.workouts.values_list("title", flat=True)  # as the schema keeps them
    assert sorted(w["title"] for w in workouts) == sorted(stored)
    assert "=cmd|' /C calc'!A0" in stored


def test_the_csv_round_trip_is_exact():
    user = UserFactory()
    hostile_history(user)
    original = export(client_for(user), "json")
    newcomer = client_for(UserFactory())
    upload = SimpleUploadedFile("myolog.csv", export(client_for(user), "csv").encode())
    with committing():
        response = newcomer.post("/api/v1/imports/", {"file": upload}, format="multipart")
    job = newcomer.get(f"/api/v1/imports/{response.json()['id']}/").json()
    assert (job["status"], job["created"], job["errors"]) == ("done", len(HOSTILE), [])
    assert export(newcomer, "json") == original


@pytest.mark.parametrize(
    "text", [*HOSTILE, "'=x", "''+y", "'Twas", "plain", "", "'", "2026-10-01T07:30:00+00:00"]
)
def test_restore_undoes_neutralise(text):
    assert restore(neutralise(text)) == text


def test_numbers_are_not_touched():
    assert neutralise("5") == "5"
    assert neutralise("-5") == "'-5"  # text that looks negative is text; numbers never get here
