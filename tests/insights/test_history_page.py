"""The history a lifter scans: text search over titles and notes, tonnage in the user's
unit, a month calendar with kinds in words, filters that stay in the URL, and a fixed
number of queries per page however long the history."""

import pytest
from django.test import Client

from insights.services import classify_and_store
from tests.factories import ExercisePayload, SetPayload, UserFactory, make_workout


@pytest.fixture
def browser(user):
    client = Client()
    client.force_login(user)
    return client


def titles(browser, query):
    html = browser.get(f"/workouts/?{query}").content.decode()
    return {t for t in ("Squat day", "Easy run", "Pull day") if f">{t}</strong>" in html}


@pytest.mark.django_db
def test_text_search_finds_words_in_titles_and_notes_whatever_the_case(browser, user):
    make_workout(user, title="Squat day", notes="Left knee grumbled")
    make_workout(user, title="Easy run", exercises=[], duration_s=1800, activity="run")
    make_workout(user, title="Pull day", notes="")

    assert titles(browser, "q=KNEE") == {"Squat day"}
    assert titles(browser, "q=day") == {"Squat day", "Pull day"}
    assert titles(browser, "q=run&exercise=squat") == set()
    assert titles(browser, "q=nothing-like-this") == set()


@pytest.mark.django_db
def test_each_workout_shows_its_working_tonnage_and_time_in_the_users_unit(browser, user):
    sets = [SetPayload(reps=5, load_kg=100), SetPayload(reps=5, load_kg=100)]
    warmup = SetPayload(reps=10, load_kg=20, set_type="warmup")
    make_workout(user, duration_s=3000, exercises=[ExercisePayload(sets=[warmup, *sets])])

    assert "1000 kg lifted" in browser.get("/workouts/").content.decode()
    user.profile.units = "lb"
    user.profile.save()
    page = browser.get("/workouts/").content.decode()
    assert "2204.6 lb lifted" in page
    assert "50:00" in page or "50 min" in page


@pytest.mark.django_db
def test_the_calendar_marks_each_day_by_kind_in_words_and_links_to_that_day(browser, user):
    workout = make_workout(user, title="Squat day", started_at="2026-10-05T07:00:00+00:00")
    classify_and_store(workout.pk)

    page = browser.get("/workouts/?month=2026-10&q=squat").content.decode()

    assert "October 2026" in page
    assert "1 workout in October 2026" in page
    assert "Mon 5 Oct: Squat day (" in page
    assert "from=2026-10-05&amp;to=2026-10-05" in page
    assert "q=squat" in page.split("Previous month")[0].rsplit("href", 1)[-1]
    assert "Not classified yet" in page  # the legend names every mark


@pytest.mark.django_db
def test_filters_stay_in_the_pager_links(browser, user):
    for day in range(1, 28):
        make_workout(user, title="Pull day", started_at=f"2026-10-{day:02d}T07:00:00+00:00")

    page = browser.get("/workouts/?q=pull").content.decode()

    assert "q=pull&page=2" in page


@pytest.mark.django_db
def test_other_users_workouts_are_in_neither_the_list_nor_the_calendar(browser):
    make_workout(UserFactory(), title="Squat day", started_at="2026-10-05T07:00:00+00:00")

    page = browser.get("/workouts/?month=2026-10").content.decode()
    assert "Squat day" not in page
    assert "0 workouts in October 2026" in page


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 30])
def test_history_queries_do_not_grow_with_workouts(
    browser, user, count, django_assert_max_num_queries
):
    for n in range(count):
        make_workout(user, started_at=f"2026-10-{1 + n % 28:02d}T07:{n:02d}:00+00:00")
    browser.get("/workouts/?month=2026-10")
    with django_assert_max_num_queries(9):
        response = browser.get("/workouts/?month=2026-10&q=squat&exercise=squat")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "month=0001-01",
        "month=9999-12",
        "month=2026-13",
        "from=0001-01-01",
        "to=9999-12-31",
        "page=x",
    ],
)
def test_odd_months_and_dates_show_a_page_never_an_error(browser, user, query):
    user.profile.time_zone = "Asia/Tokyo"
    user.profile.save()
    assert browser.get(f"/workouts/?{query}").status_code == 200


@pytest.mark.django_db
def test_a_from_date_opens_the_calendar_on_its_month(browser):
    assert "March 2025" in browser.get("/workouts/?from=2025-03-04").content.decode()
