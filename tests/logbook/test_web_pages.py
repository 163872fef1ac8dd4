"""The web pages: dashboard, history, detail with its insight, settings and tokens, sign-up,
password reset; each only ever shows the signed-in user's own data."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from insights.services import classify_and_store
from logbook.models import AccessToken, Profile
from tests.factories import PASSWORD, ExercisePayload, SetPayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def classified(user, **payload):
    workout = make_workout(user, **payload)
    classify_and_store(workout.pk)
    return workout


@pytest.mark.parametrize("url", ["/workouts/", "/workouts/new/", "/settings/", "/week/"])
def test_pages_need_a_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_landing_page_invites_sign_up(client):
    assert "/signup/" in client.get("/").content.decode()


def test_the_dashboard_shows_the_week_charts_and_recent_workouts(browser, user):
    classified(user, title="Heavy squats", started_at=timezone.now().isoformat())
    html = browser.get("/").content.decode()
    assert "This week" in html
    assert "Heavy squats" in html
    assert html.count('<div class="chart">') == 3  # hard sets, load, kinds of training
    assert html.count('<svg class="chart-narrow"') == html.count('<svg class="chart-wide"') == 3
    assert 'role="img"' in html
    assert "Hard sets per muscle group" in html


def test_the_detail_page_shows_the_insight_with_evidence_and_references(browser, user):
    workout = classified(user)
    html = browser.get(f"/workouts/{workout.pk}/").content.decode()
    assert "Heavy resistance" in html
    assert "The popular claim:" in html
    assert re.search(r'class="ev (strong|moderate|limited|disputed|unsupported)"', html)
    assert "doi.org/10." in html
    assert "Educational, not medical advice." in html


def test_personal_records_are_flagged(browser, user):
    make_workout(
        user,
        started_at="2026-10-01T07:00:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=100)])],
    )
    better = make_workout(
        user,
        started_at="2026-10-08T07:00:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=110)])],
    )
    same = make_workout(
        user,
        started_at="2026-10-15T07:00:00+00:00",
        exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=90)])],
    )
    assert "PR heaviest" in browser.get(f"/workouts/{better.pk}/").content.decode()
    assert "PR heaviest" not in browser.get(f"/workouts/{same.pk}/").content.decode()


def test_history_filters_by_kind_exercise_and_dates(browser, user):
    lift = classified(user, title="Lift", started_at="2026-10-05T07:00:00+00:00")
    run = classified(
        user,
        title="Run",
        started_at="2026-10-20T07:00:00+00:00",
        exercises=[],
        activity="run",
        duration_s=3000,
        session_rpe=4,
    )

    def titles(query):
        html = browser.get(f"/workouts/?{query}").content.decode()
        return {t for t in (lift.title, run.title) if f"<strong>{t}</strong>" in html}

    assert titles("") == {"Lift", "Run"}
    assert titles("modality=endurance") == {"Run"}
    assert titles("exercise=squat") == {"Lift"}
    assert titles("from=2026-10-10") == {"Run"}
    assert titles("to=2026-10-10") == {"Lift"}


def test_filtering_by_exercise_keeps_each_workouts_set_count(browser, user):
    make_workout(user, title="Squat day")  # one exercise, 3 sets; the catalog knows many names
    assert "3 sets" in browser.get("/workouts/?exercise=squat").content.decode()


def test_history_and_dashboard_query_counts_do_not_grow(
    browser, user, django_assert_max_num_queries
):
    for day in range(1, 29):
        classified(user, started_at=f"2026-10-{day:02d}T07:00:00+00:00")
    browser.get("/workouts/")
    with django_assert_max_num_queries(12):
        browser.get("/workouts/")
    with django_assert_max_num_queries(14):
        browser.get("/")
    workout = user.workouts.first()
    with django_assert_max_num_queries(14):
        browser.get(f"/workouts/{workout.pk}/")


def test_changing_units_changes_what_pages_show(browser, user):
    workout = make_workout(user, exercises=[ExercisePayload(sets=[SetPayload(load_kg=100)])])
    form = {
        "units": "lb",
        "time_zone": "Europe/Berlin",
        "weekly_email_enabled": "on",
        "weekly_email_day": "1",
        "weekly_email_hour": "8",
    }
    assert browser.post("/settings/", form).status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.units, profile.time_zone, profile.weekly_email_nudges) == (
        "lb",
        "Europe/Berlin",
        False,
    )
    html = browser.get(f"/workouts/{workout.pk}/").content.decode()
    assert "Load (lb)" in html
    assert ">220.5<" in html


def test_a_token_is_shown_once_and_can_be_revoked(browser, user):
    response = browser.post("/settings/tokens/", {"name": "my watch"})
    assert response.status_code == 302  # a reload of the result can't make a second token
    html = browser.get(response["Location"]).content.decode()
    raw = re.search(r'id="new-token">(myo_[^<]+)<', html).group(1)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/v1/workouts/").status_code == 200
    assert raw not in browser.get("/settings/").content.decode()
    token = AccessToken.objects.get(user=user)
    browser.post(f"/settings/tokens/{token.pk}/revoke/")
    assert api.get("/api/v1/workouts/").status_code == 401


def test_sign_up_creates_the_account_with_chosen_preferences(client):
    response = client.post(
        "/signup/",
        {
            "username": "newlifter",
            "email": "new@example.com",
            "password1": "Sturdy-pass-42",
            "password2": "Sturdy-pass-42",
            "units": "lb",
            "time_zone": "America/Chicago",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user__username="newlifter")
    assert (profile.units, profile.time_zone, profile.weekly_email_enabled) == (
        "lb",
        "America/Chicago",
        False,
    )
    assert client.get("/").status_code == 200


def test_password_reset_sends_a_working_link(client):
    user = UserFactory()
    client.post("/accounts/password_reset/", {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/reset/\S+/", mail.outbox[0].body).group(0)
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    response = client.post(
        form_url, {"new_password1": "New-sturdy-9", "new_password2": "New-sturdy-9"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("New-sturdy-9")
    assert not user.check_password(PASSWORD)


def test_another_users_workout_pages_are_404(browser):
    theirs = make_workout(UserFactory(), title="Their secret session")
    for url in (f"/workouts/{theirs.pk}/", f"/workouts/{theirs.pk}/edit/"):
        assert browser.get(url).status_code == 404
    assert browser.post(f"/workouts/{theirs.pk}/delete/").status_code == 404
    html = browser.get(f"/workouts/new/?repeat={theirs.pk}").content.decode()
    assert "Their secret session" not in html
