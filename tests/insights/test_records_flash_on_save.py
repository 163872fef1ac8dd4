"""Saving a workout in the web form that breaks records says so at once: the flash names
each record in the user's units and links the exercise and the records page."""

import pytest

from logbook.models import Profile
from tests.factories import ExercisePayload, SetPayload, make_workout

pytestmark = pytest.mark.django_db

NEW = "/workouts/new/"


@pytest.fixture(autouse=True)
def _signed_in(client, user):
    client.force_login(user)


def squat_form(load: str, reps: str = "5") -> dict:
    return {
        "title": "Squat day",
        "activity": "strength",
        "started_at": "2026-11-16T07:30",
        "duration": "60",
        "ex-0-name": "back-squat",
        "ex-0-set-0-reps": reps,
        "ex-0-set-0-load": load,
        "ex-0-set-0-set_type": "normal",
        "action": "save",
    }


def earlier_squat(user, load_kg: float = 100.0):
    make_workout(
        user,
        started_at="2026-11-09T07:30:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=load_kg, rpe=None)])],
    )


def test_a_save_that_breaks_records_flashes_them_with_links(client, user):
    earlier_squat(user)
    response = client.post(NEW, squat_form("110", reps="6"), follow=True)
    html = response.content.decode()
    assert "Workout saved." in html
    assert "<strong>New personal records!</strong>" in html
    assert "Best weight for 1–5 reps: 110 kg (6 × 110, was 100)" in html
    assert "Most reps in a set: 6 (was 5)" in html
    start = html.index('class="messages"')
    flash = html[start : html.index("</ul>", start)]
    assert '<a href="/exercises/' in flash
    assert '<a href="/records/">All your records</a>' in flash


def test_the_flash_shows_once(client, user):
    earlier_squat(user)
    workout_page = client.post(NEW, squat_form("110")).url
    assert "New personal records!" in client.get(workout_page).content.decode()
    assert "New personal records!" not in client.get(workout_page).content.decode()


def test_no_record_no_flash_and_a_first_session_is_not_a_record(client, user):
    html = client.post(NEW, squat_form("100"), follow=True).content.decode()
    assert "Workout saved." in html
    assert "New personal records!" not in html
    html = client.post(NEW, squat_form("90"), follow=True).content.decode()
    assert "New personal records!" not in html


def test_the_flash_is_in_the_users_units(client, user):
    Profile.objects.filter(user=user).update(units="lb")
    earlier_squat(user, load_kg=100.0)  # 220.5 lb
    html = client.post(NEW, squat_form("235"), follow=True).content.decode()
    assert "Best weight for 1–5 reps: 235 lb (5 × 235, was 220.5)" in html


def test_an_edit_that_breaks_a_record_flashes_it_too(client, user):
    earlier_squat(user)
    later = make_workout(
        user,
        started_at="2026-11-16T07:30:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=90.0, rpe=None)])],
    )
    html = client.post(f"/workouts/{later.pk}/edit/", squat_form("105"), follow=True)
    assert "Heaviest set: 105 kg (was 100)" in html.content.decode()


def test_an_exercise_name_is_escaped_in_the_flash(client, user):
    name = "<i>Odd</i> lift"
    make_workout(
        user,
        started_at="2026-11-09T07:30:00+00:00",
        exercises=[ExercisePayload(exercise=name, sets=[SetPayload(load_kg=50.0, rpe=None)])],
    )
    form = {**squat_form("60"), "ex-0-name": name}
    html = client.post(NEW, form, follow=True).content.decode()
    assert "New personal records!" in html
    assert "&lt;i&gt;Odd&lt;/i&gt; lift</a>:" in html
    assert "<i>Odd" not in html
