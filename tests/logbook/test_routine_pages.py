"""The routine pages: build one in a plain form (errors beside their fields, nothing saved),
a typo asks "did you mean", save a workout as a routine, see the next session's suggestion,
and only ever your own routines."""

import pytest
from django.test import Client

from logbook import services
from logbook.models import Exercise, Routine
from logbook.schema import clean_routine
from tests.factories import UserFactory, make_workout


@pytest.fixture
def browser(user):
    client = Client()
    client.force_login(user)
    return client


def form(**rows):
    data = {"name": "Push", "notes": "", "rows": "2", "action": "save"}
    data.update(rows)
    return data


@pytest.mark.django_db
def test_a_routine_is_built_in_the_form_in_the_users_units(browser, user):
    user.profile.units = "lb"
    user.profile.save()
    response = browser.post(
        "/routines/new/",
        form(
            **{
                "ex-0-exercise": "Bench Press",
                "ex-0-sets": "3",
                "ex-0-reps_min": "8",
                "ex-0-reps_max": "12",
                "ex-0-load": "135",
                "ex-0-rpe": "8",
                "ex-0-rest": "120",
                "ex-1-exercise": "",
                "ex-1-sets": "3",
            }
        ),
    )

    routine = Routine.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == f"/routines/{routine.pk}/"
    item = routine.exercises.get()
    assert (item.exercise.slug, item.sets, item.reps_min, item.reps_max) == (
        "bench-press",
        3,
        8,
        12,
    )
    assert round(item.load_kg, 2) == 61.23
    page = browser.get(f"/routines/{routine.pk}/edit/").content.decode()
    assert 'value="135"' in page


@pytest.mark.django_db
def test_bad_targets_are_shown_beside_their_inputs_and_nothing_is_saved(browser, user):
    response = browser.post(
        "/routines/new/",
        form(
            **{
                "ex-0-exercise": "",
                "ex-0-sets": "3",
                "ex-1-exercise": "back-squat",
                "ex-1-sets": "30",
                "ex-1-reps_min": "8",
                "ex-1-reps_max": "5",
                "ex-1-load": "heavy",
            }
        ),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Must be between 1 and 20." in page
    assert "Must be at least reps_min." in page
    assert "Expected a number." in page
    assert not Routine.objects.exists()


@pytest.mark.django_db
def test_a_typo_of_a_catalog_name_asks_before_making_a_custom_exercise(browser, user):
    typo = form(**{"ex-0-exercise": "Squats", "ex-0-sets": "3", "ex-0-reps_min": "5"})
    page = browser.post("/routines/new/", typo).content.decode()

    assert "Did you mean Back Squat?" in page
    assert not Routine.objects.exists()
    assert not Exercise.objects.filter(owner=user).exists()

    kept = browser.post("/routines/new/", {**typo, "ex-0-keep": "1"})
    assert kept.status_code == 302
    assert Exercise.objects.get(owner=user).name == "Squats"


@pytest.mark.django_db
def test_add_an_exercise_keeps_what_was_typed_and_saves_nothing(browser, user):
    page = browser.post(
        "/routines/new/", form(**{"ex-0-exercise": "Deadlift", "action": "add"})
    ).content.decode()

    assert 'name="ex-2-exercise"' in page
    assert 'value="Deadlift"' in page
    assert not Routine.objects.exists()


@pytest.mark.django_db
def test_a_workout_saved_as_a_routine_keeps_its_working_sets_as_targets(browser, user):
    sets = [
        {"reps": 5, "load_kg": 60, "set_type": "warmup"},
        {"reps": 10, "load_kg": 100, "rpe": 8, "rest_s": 120},
        {"reps": 8, "load_kg": 100, "rpe": 9, "rest_s": 150},
    ]
    workout = make_workout(user, exercises=[{"exercise": "deadlift", "sets": sets}])

    response = browser.post(f"/workouts/{workout.pk}/routine/")

    routine = Routine.objects.get(user=user)
    assert response["Location"] == f"/routines/{routine.pk}/edit/"
    item = routine.exercises.get()
    assert (item.sets, item.reps_min, item.reps_max, item.load_kg, item.rpe, item.rest_s) == (
        2,
        8,
        10,
        100.0,
        9.0,
        150,
    )


@pytest.mark.django_db
def test_the_routine_page_shows_the_suggestion_with_its_rule_and_both_starts(browser, user):
    sets = [{"reps": 12, "load_kg": 60, "rpe": 7.5} for _ in range(3)]
    make_workout(user, exercises=[{"exercise": "bench-press", "sets": sets}])
    routine = services.save_routine(
        user,
        clean_routine(
            {
                "name": "Push",
                "exercises": [
                    {
                        "exercise": "bench-press",
                        "sets": 3,
                        "reps_min": 8,
                        "reps_max": 12,
                        "load_kg": 60,
                    }
                ],
            }
        ),
    )

    page = browser.get(f"/routines/{routine.pk}/").content.decode()

    assert "62.5 kg × 8" in page
    assert "Rule: Double progression" in page
    assert f"/log/?routine={routine.pk}&amp;suggested=1" in page
    assert f'/log/?routine={routine.pk}"' in page


@pytest.mark.django_db
def test_someone_elses_routine_is_not_found_and_not_listed(browser):
    theirs = services.save_routine(
        UserFactory(), clean_routine({"name": "Secret", "exercises": [{"exercise": "deadlift"}]})
    )

    for url in ("", "edit/"):
        assert browser.get(f"/routines/{theirs.pk}/{url}").status_code == 404
    assert browser.post(f"/routines/{theirs.pk}/delete/").status_code == 404
    assert "Secret" not in browser.get("/routines/").content.decode()
    assert Routine.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_the_routine_list_costs_the_same_for_many_routines(
    browser, user, django_assert_max_num_queries
):
    for n in range(20):
        services.save_routine(
            user, clean_routine({"name": f"R{n}", "exercises": [{"exercise": "deadlift"}]})
        )
    with django_assert_max_num_queries(6):
        page = browser.get("/routines/")
    assert page.content.decode().count('aria-label="Start R') == 20
