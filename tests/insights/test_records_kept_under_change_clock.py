"""The records page's books are kept in the cache under the user's change clock. Every door
that changes what a record is made of moves the clock (an import, a save, a delete, and on
/exercises/yours/ a rename or a merge), so the page never shows what a change left behind: after
each, it is exactly what it is once the cache is emptied."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from logbook.models import Exercise
from logbook.selectors import change_stamp
from tests.factories import ExercisePayload, SetPayload, committing, make_workout

pytestmark = pytest.mark.django_db

# Two sessions of an exercise no catalog knows, the second heavier: one record on import.
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    "A,2 Oct 2026 17:18,,,Zercher Hold Thing,,,0,normal,100,5,,,\n"
    "B,9 Oct 2026 17:18,,,Zercher Hold Thing,,,0,normal,110,5,,,\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def lift(user, day: int, exercise: str, load: float):
    return make_workout(
        user,
        started_at=f"2026-10-{day:02d}T07:30:00+00:00",
        exercises=[ExercisePayload(exercise=exercise, sets=[SetPayload(reps=5, load_kg=load)])],
    )


def records_page(client) -> str:
    response = client.get("/records/")
    assert response.status_code == 200
    html = response.content.decode()
    return html.split("<h1>Records</h1>", 1)[1].split("</section>", 1)[0]  # the records only


def assert_follows(client, user, before: int | None) -> str:
    """The page after a change: the clock moved, and the page is what a cold cache gives."""
    assert change_stamp(user) != before
    kept = records_page(client)
    cache.clear()
    assert kept == records_page(client)
    return kept


def test_an_import_moves_the_clock_and_its_records_show(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    before = change_stamp(user)
    assert "Zercher" not in records_page(signed_in)  # kept under the clock before the import
    with committing():
        signed_in.post("/imports/", {"file": SimpleUploadedFile("h.csv", HEVY.encode())})
    page = assert_follows(signed_in, user, before)
    assert "Zercher Hold Thing" in page
    assert "Heaviest set: <strong>110 kg</strong>" in page


def test_a_rename_on_your_exercises_page_moves_the_clock(signed_in, user):
    lift(user, 1, "Squats", 100.0)
    lift(user, 2, "Squats", 105.0)
    squats = Exercise.objects.get(owner=user, name="Squats")
    before = change_stamp(user)
    assert "Squats" in records_page(signed_in)
    assert signed_in.post(f"/exercises/{squats.pk}/rename/", {"name": "Low bar"}).status_code == 302
    page = assert_follows(signed_in, user, before)
    assert "Low bar" in page
    assert "Squats" not in page


def test_a_merge_moves_the_clock_and_the_records_with_the_sets(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    lift(user, 3, "Squats", 120.0)
    lift(user, 5, "Squats", 125.0)
    squats = Exercise.objects.get(owner=user, name="Squats")
    before = change_stamp(user)
    assert "Squats" in records_page(signed_in)
    merge = {"into": "Back Squat", "confirm": "1"}
    assert signed_in.post(f"/exercises/{squats.pk}/merge/", merge).status_code == 302
    page = assert_follows(signed_in, user, before)
    assert "Squats" not in page
    assert "(was 100)" in page  # 120 kg on the 3rd now beats the back squat's 100 kg


def test_deleting_an_unused_exercise_changes_no_record(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    lift(user, 2, "back-squat", 105.0)
    gone = lift(user, 3, "Zottman curl", 20.0)
    signed_in.post(f"/workouts/{gone.pk}/delete/")
    before = records_page(signed_in)
    curl = Exercise.objects.get(owner=user, name="Zottman curl")
    assert signed_in.post(f"/exercises/{curl.pk}/delete/").status_code == 302
    assert not Exercise.objects.filter(pk=curl.pk).exists()
    assert records_page(signed_in) == before


def test_a_save_and_a_delete_on_the_web_move_the_clock(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    before = change_stamp(user)
    assert "No records yet" in records_page(signed_in)
    best = lift(user, 4, "back-squat", 110.0)
    page = assert_follows(signed_in, user, before)
    assert "Heaviest set: <strong>110 kg</strong>" in page
    before = change_stamp(user)
    assert signed_in.post(f"/workouts/{best.pk}/delete/").status_code == 302
    assert "No records yet" in assert_follows(signed_in, user, before)


def test_a_sync_moves_the_clock(api, client, user):
    client.force_login(user)
    lift(user, 1, "back-squat", 100.0)
    before = change_stamp(user)
    records_page(client)
    item = {
        "source": "watch",
        "external_id": "w-1",
        "started_at": "2026-10-06T07:30:00+00:00",
        "activity": "strength",
        "exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "load_kg": 115.0}]}],
    }
    synced = api.post("/api/v1/sync/workouts/", {"workouts": [item]}, format="json")
    assert synced.status_code == 200
    assert "Heaviest set: <strong>115 kg</strong>" in assert_follows(client, user, before)
