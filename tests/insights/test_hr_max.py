"""Which max heart rate a session is judged by, that the rationale says which, and that
changing it (API, settings page) reclassifies the sessions with heart rate (issue 15)."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from insights.loading import hr_max_for, tanaka
from insights.models import Insight
from logbook.models import Workout
from tests.factories import PASSWORD, UserFactory, bearer

pytestmark = pytest.mark.django_db

LAPS = [{"kind": "steady", "duration_s": 300, "avg_hr": hr} for hr in (140, 146, 150, 152)]


def _client(user):
    api = APIClient()
    api.credentials(**bearer(user))
    return api


def _post(api, capture, **body):
    payload = {"started_at": "2026-10-14T07:00:00+02:00", "activity": "run", **body}
    with capture(execute=True):
        response = api.post("/api/v1/workouts/", payload, format="json")
    assert response.status_code == 201, response.json()
    return response.json()["id"]


def _insight(api, pk):
    body = api.get(f"/api/v1/workouts/{pk}/insight/").json()
    assert body["status"] == "ready", body
    return body


def test_tanaka_is_208_minus_0_7_times_age():
    assert tanaka(40) == 180
    assert tanaka(36) == 183


def test_a_run_with_heart_rate_on_every_lap_uses_it_without_a_profile(
    django_capture_on_commit_callbacks,
):
    api = _client(UserFactory())
    pk = _post(api, django_capture_on_commit_callbacks, max_hr=186, intervals=LAPS)
    body = _insight(api, pk)
    text = " ".join(body["rationale"])
    assert "No heart rate or RPE" not in text
    assert "186 bpm, the highest in your workouts" in text
    assert body["features"]["hr_max"] == 186
    assert body["features"]["hr_max_source"] == "recorded"
    assert body["primary"] == "endurance"


def test_an_easy_runs_own_peak_does_not_make_it_look_hard(django_capture_on_commit_callbacks):
    """Judged by its own peak (145), a run at 130 bpm would be 90% of max: vigorous. A peak
    below the estimate for an adult is only a floor, so the estimate stands in."""
    api = _client(UserFactory())
    pk = _post(
        api,
        django_capture_on_commit_callbacks,
        activity="run",
        duration_s=2700,
        avg_hr=130,
        max_hr=145,
    )
    body = _insight(api, pk)
    assert body["features"]["hr_max"] == tanaka(40)
    assert body["features"]["hr_max_source"] == "assumed"
    assert "high_intensity" not in body["tags"]
    text = " ".join(body["rationale"])
    assert "vigorous" not in text
    assert "the highest heart rate in your recent workouts is lower" in text


def test_the_measured_max_wins_and_the_rationale_says_so(django_capture_on_commit_callbacks):
    user = UserFactory()
    api = _client(user)
    api.patch("/api/v1/me/", {"hr_max": 195, "birth_year": 1990}, format="json")
    pk = _post(api, django_capture_on_commit_callbacks, max_hr=176, intervals=LAPS)
    body = _insight(api, pk)
    assert body["features"]["hr_max_source"] == "measured"
    assert any("measured max of 195 bpm" in line for line in body["rationale"])


@pytest.mark.parametrize(
    ("birth_year", "peak", "expected", "source"),
    [(1990, 176, 183, "age"), (1990, 190, 190, "recorded"), (1960, 176, 176, "recorded")],
)
def test_with_a_birth_year_the_age_estimate_unless_a_higher_heart_rate_was_recorded(
    birth_year, peak, expected, source, django_capture_on_commit_callbacks
):
    # A recorded peak is a floor for the true max (science.md 2b notes).
    user = UserFactory()
    api = _client(user)
    api.patch("/api/v1/me/", {"birth_year": birth_year}, format="json")
    pk = _post(api, django_capture_on_commit_callbacks, max_hr=peak, intervals=LAPS)
    assert hr_max_for(Workout.objects.get(pk=pk)).bpm == expected
    assert _insight(api, pk)["features"]["hr_max_source"] == source


def test_the_highest_heart_rate_of_earlier_workouts_counts_and_later_ones_do_not(
    django_capture_on_commit_callbacks,
):
    api = _client(UserFactory())
    early = _post(
        api,
        django_capture_on_commit_callbacks,
        started_at="2026-09-01T07:00:00+02:00",
        duration_s=1500,
        avg_hr=170,
        max_hr=191,
    )
    pk = _post(api, django_capture_on_commit_callbacks, max_hr=160, intervals=LAPS)
    _post(
        api,
        django_capture_on_commit_callbacks,
        started_at="2026-11-01T07:00:00+02:00",
        duration_s=1500,
        max_hr=199,
    )
    assert hr_max_for(Workout.objects.get(pk=pk)).bpm == 191
    assert hr_max_for(Workout.objects.get(pk=early)).bpm == 191


def test_a_peak_only_easy_sessions_reach_is_not_taken_as_the_max(
    django_capture_on_commit_callbacks,
):
    api = _client(UserFactory())
    pk = _post(
        api,
        django_capture_on_commit_callbacks,
        activity="walk",
        duration_s=2400,
        avg_hr=105,
        max_hr=118,
    )
    body = _insight(api, pk)
    assert body["features"]["hr_max"] == tanaka(40)
    assert body["features"]["hr_max_source"] == "assumed"
    assert body["primary"] == "general"  # a walk at 58% of the assumed max is light


def test_setting_a_max_through_the_api_reclassifies_the_sessions_with_heart_rate(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    api = _client(user)
    run = _post(api, django_capture_on_commit_callbacks, max_hr=176, intervals=LAPS)
    lift = _post(
        api,
        django_capture_on_commit_callbacks,
        activity="strength",
        exercises=[{"exercise": "back-squat", "sets": [{"reps": 5, "load_kg": 100, "rpe": 8}]}],
    )
    lift_stamp = Insight.objects.get(workout_id=lift).updated_at
    with django_capture_on_commit_callbacks(execute=True):
        assert api.patch("/api/v1/me/", {"hr_max": 200}, format="json").status_code == 200
    body = _insight(api, run)
    assert body["features"]["hr_max"] == 200
    assert body["features"]["hr_max_source"] == "measured"
    assert Insight.objects.get(workout_id=lift).updated_at == lift_stamp  # no heart rate


def test_changing_the_birth_year_on_the_settings_page_reclassifies(
    django_capture_on_commit_callbacks,
):
    user = UserFactory()
    api = _client(user)
    run = _post(api, django_capture_on_commit_callbacks, max_hr=150, intervals=LAPS)
    assert _insight(api, run)["features"]["hr_max_source"] == "assumed"  # laps peak at 152
    web = Client()
    assert web.login(username=user.username, password=PASSWORD)
    form = {
        "units": "kg",
        "time_zone": "UTC",
        "birth_year": 1960,
        "weekly_email_day": 1,
        "weekly_email_hour": 8,
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert web.post("/settings/", form).status_code == 302
    body = _insight(api, run)
    assert body["features"]["hr_max"] == tanaka(2026 - 1960)  # above the laps' 152
    assert any("Tanaka" in line for line in body["rationale"])


def test_an_unchanged_save_reclassifies_nothing(django_capture_on_commit_callbacks):
    user = UserFactory()
    api = _client(user)
    api.patch("/api/v1/me/", {"hr_max": 190}, format="json")
    run = _post(api, django_capture_on_commit_callbacks, intervals=LAPS)
    stamp = Insight.objects.get(workout_id=run).updated_at
    with django_capture_on_commit_callbacks(execute=True):
        api.patch("/api/v1/me/", {"hr_max": 190, "units": "lb"}, format="json")
    assert Insight.objects.get(workout_id=run).updated_at == stamp


def test_sign_up_asks_for_max_heart_rate_or_birth_year_and_keeps_them():
    web = Client()
    page = web.get("/signup/").content.decode()
    assert 'name="hr_max"' in page
    assert 'name="birth_year"' in page
    response = web.post(
        "/signup/",
        {
            "username": "newrunner",
            "email": "new@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "units": "kg",
            "time_zone": "UTC",
            "birth_year": 1992,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile = UserFactory._meta.model.objects.get(username="newrunner").profile
    assert (profile.hr_max, profile.birth_year) == (None, 1992)
