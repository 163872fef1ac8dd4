"""Logging in the browser: the form works without JavaScript, saves through the write path,
in the user's units, and shows the rules' errors beside the right fields."""

import pytest

from logbook.models import Profile, Set, Workout
from tests.factories import ExercisePayload, SetPayload, make_workout

pytestmark = pytest.mark.django_db

NEW = "/workouts/new/"


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def strength_form(**extra) -> dict:
    return {
        "title": "Squat day",
        "activity": "strength",
        "started_at": "2026-11-16T07:30",
        "duration": "60",
        "session_rpe": "8",
        "ex-0-name": "back-squat",
        "ex-0-superset": "",
        "ex-0-set-0-reps": "5",
        "ex-0-set-0-load": "140",
        "ex-0-set-0-rpe": "8.5",
        "ex-0-set-0-set_type": "normal",
        "ex-0-set-0-tempo": "3-1-1-0",
        "ex-0-set-0-rest": "180",
        "action": "save",
        **extra,
    }


def test_the_new_workout_page_starts_with_an_exercise_and_a_set(browser):
    html = browser.get(NEW).content.decode()
    assert 'name="ex-0-name"' in html
    assert 'name="ex-0-set-0-reps"' in html
    assert 'name="started_at"' in html


def test_add_set_without_javascript_rerenders_the_whole_page_with_the_last_set_copied(browser):
    response = browser.post(NEW, strength_form(action="add-set-0"))
    html = response.content.decode()
    assert "<html" in html
    assert 'name="ex-0-set-1-reps" value="5"' in html
    assert 'name="ex-0-set-1-load" value="140"' in html
    assert not Workout.objects.exists()


def test_with_htmx_only_the_form_comes_back(browser):
    response = browser.post(NEW, strength_form(action="add-exercise"), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert html.strip().startswith('<div id="workout-form">')
    assert 'name="ex-1-name"' in html


def test_a_new_set_is_prefilled_with_last_times_numbers(browser, user):
    make_workout(
        user,
        exercises=[ExercisePayload(exercise="deadlift", sets=[SetPayload(reps=3, load_kg=180)])],
    )
    form = {
        "started_at": "2026-11-16T07:30",
        "activity": "strength",
        "ex-0-name": "Deadlift",
        "action": "add-set-0",
    }
    html = browser.post(NEW, form, HTTP_HX_REQUEST="true").content.decode()
    assert 'name="ex-0-set-0-reps" value="3"' in html
    assert 'name="ex-0-set-0-load" value="180"' in html


def test_saving_writes_the_workout_in_si_units_and_shows_it(browser, user):
    Profile.objects.filter(user=user).update(units="lb", time_zone="Europe/Berlin")
    response = browser.post(NEW, strength_form(**{"ex-0-set-0-load": "300"}))
    workout = Workout.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == f"/workouts/{workout.pk}/"
    s = Set.objects.get(entry__workout=workout)
    assert s.load_kg == pytest.approx(300 * 0.45359237, abs=0.001)
    assert (s.reps, s.rpe, s.rest_s, s.tempo, s.eccentric_emphasis) == (
        5,
        8.5,
        180,
        "3-1-1-0",
        True,
    )
    assert workout.started_at.isoformat() == "2026-11-16T06:30:00+00:00"
    assert (workout.duration_s, workout.session_rpe, workout.source) == (3600, 8, "web")
    page = browser.get(response["Location"]).content.decode()
    assert "Load (lb)" in page
    assert ">300<" in page


def test_intervals_are_logged_too(browser, user):
    form = {
        "started_at": "2026-11-18T18:00",
        "activity": "run",
        "duration": "30",
        "iv-0-kind": "work",
        "iv-0-duration": "1:00",
        "iv-0-avg_hr": "172",
        "iv-0-rpe": "9",
        "iv-1-kind": "recovery",
        "iv-1-duration": "90",
        "action": "save",
    }
    assert browser.post(NEW, form).status_code == 302
    workout = Workout.objects.get(user=user)
    assert [(i.kind, i.duration_s, i.avg_hr) for i in workout.intervals.all()] == [
        ("work", 60, 172),
        ("recovery", 90, None),
    ]


def test_bad_values_are_shown_beside_their_fields_and_nothing_is_written(browser):
    response = browser.post(
        NEW, strength_form(**{"ex-0-set-0-reps": "5000", "ex-0-set-0-load": "heavy"})
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a number." in html
    assert not Workout.objects.exists()
    response = browser.post(NEW, strength_form(**{"ex-0-set-0-reps": "5000"}))
    assert "Must be between 0 and 1000." in response.content.decode()
    assert not Workout.objects.exists()


def test_editing_replaces_the_sets(browser, user):
    workout = make_workout(user)
    response = browser.post(
        f"/workouts/{workout.pk}/edit/", strength_form(**{"ex-0-set-0-reps": "3"})
    )
    assert response.status_code == 302
    assert [s.reps for s in Set.objects.filter(entry__workout=workout)] == [3]


def test_repeat_prefills_a_previous_workout_with_a_new_start(browser, user):
    workout = make_workout(user, title="Leg day")
    html = browser.get(f"{NEW}?repeat={workout.pk}").content.decode()
    assert 'value="Leg day"' in html
    assert 'name="ex-0-set-2-reps" value="5"' in html


def test_delete_leaves_a_tombstone(browser, user):
    workout = make_workout(user)
    assert browser.post(f"/workouts/{workout.pk}/delete/").status_code == 302
    assert Workout.objects.get(pk=workout.pk).is_deleted


def test_exercise_suggestions_search_names_and_aliases(browser):
    html = browser.get("/exercises/options/", {"ex-0-name": "RDL"}).content.decode()
    assert 'value="Romanian Deadlift"' in html


def test_saving_an_untouched_load_in_pounds_keeps_the_stored_kilograms(browser, user):
    Profile.objects.filter(user=user).update(units="lb")
    workout = make_workout(user, exercises=[ExercisePayload(sets=[SetPayload(load_kg=100)])])
    html = browser.get(f"/workouts/{workout.pk}/edit/").content.decode()
    assert 'name="ex-0-set-0-load" value="220.5"' in html
    form = strength_form(**{"ex-0-set-0-load": "220.5", "ex-0-set-0-load_kg": "100"})
    browser.post(f"/workouts/{workout.pk}/edit/", form)
    assert Set.objects.get(entry__workout=workout).load_kg == 100
    browser.post(f"/workouts/{workout.pk}/edit/", strength_form(**{"ex-0-set-0-load": "225"}))
    assert Set.objects.get(entry__workout=workout).load_kg == pytest.approx(102.058, abs=0.001)
