"""A page per exercise: its records table, charts with units, every session newest first,
in the user's units and time zone; only the user's own sets, in a fixed number of queries."""

import pytest

from logbook.models import Exercise, Profile
from tests.factories import ExercisePayload, SetPayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db


def squat(user, day: int, load: float, reps: int = 5, sets: int = 3, **extra):
    return make_workout(
        user,
        started_at=f"2026-10-{day:02d}T07:30:00+01:00",
        exercises=[
            ExercisePayload(sets=[SetPayload(reps=reps, load_kg=load) for _ in range(sets)])
        ],
        **extra,
    )


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def back_squat() -> Exercise:
    return Exercise.objects.get(slug="back-squat", owner__isnull=True)


def test_the_page_shows_the_records_with_their_dates_and_every_session(signed_in, user):
    squat(user, 1, 100.0)
    best = squat(user, 8, 110.0, title="Heavy day")
    squat(user, 15, 90.0, reps=8)
    html = signed_in.get(f"/exercises/{back_squat().pk}/").content.decode()
    assert "<h1" in html
    assert "Back Squat" in html
    assert "Best weight for" in html
    assert ">5 reps<" in html
    assert ">8 reps<" in html
    table = html[html.index("records-table") : html.index("</table>", html.index("records-table"))]
    assert "110 kg" in table
    assert "8 Oct 2026" in table
    assert f'href="/workouts/{best.pk}/"' in table
    sessions = html[html.index('id="sessions-h"') :]
    assert sessions.index("Thu 15 Oct 2026") < sessions.index("Thu 8 Oct 2026")  # newest first
    assert "PR heaviest" in sessions
    assert '<svg class="chart-narrow"' in html
    assert '<svg class="chart-wide"' in html


def test_loads_are_shown_in_pounds_for_a_user_who_lifts_in_pounds(signed_in, user):
    Profile.objects.filter(user=user).update(units="lb")
    squat(user, 1, 100.0)
    html = signed_in.get(f"/exercises/{back_squat().pk}/").content.decode()
    assert "220.5 lb" in html
    assert "100 kg" not in html


def test_dates_follow_the_users_time_zone(signed_in, user):
    Profile.objects.filter(user=user).update(time_zone="Pacific/Auckland")
    squat(user, 1, 100.0)  # 06:30 UTC on 1 Oct is 19:30 on 1 Oct in Auckland
    make_workout(user, started_at="2026-10-03T23:30:00+00:00")  # 4 Oct in Auckland
    html = signed_in.get(f"/exercises/{back_squat().pk}/").content.decode()
    assert "Sun 4 Oct 2026" in html


def test_another_users_sets_never_show(signed_in, user):
    squat(user, 1, 100.0)
    squat(UserFactory(), 2, 250.0)
    html = signed_in.get(f"/exercises/{back_squat().pk}/").content.decode()
    assert "250" not in html


def test_another_users_custom_exercise_is_not_found(signed_in):
    other = UserFactory()
    make_workout(other, exercises=[ExercisePayload(exercise="Zercher Walk Thing")])
    custom = Exercise.objects.get(owner=other)
    assert signed_in.get(f"/exercises/{custom.pk}/").status_code == 404
    assert signed_in.get("/exercises/999999/").status_code == 404


def test_an_exercise_never_logged_says_so(signed_in):
    html = signed_in.get(f"/exercises/{back_squat().pk}/").content.decode()
    assert "haven't logged Back Squat yet" in html


def test_the_page_needs_a_login(client):
    response = client.get(f"/exercises/{back_squat().pk}/")
    assert response.status_code == 302


def test_sessions_are_paged(signed_in, user):
    for day in range(1, 26):
        squat(user, day, 100.0 + day)
    first = signed_in.get(f"/exercises/{back_squat().pk}/").content.decode()
    assert "Page 1 of 2" in first
    second = signed_in.get(f"/exercises/{back_squat().pk}/?page=2").content.decode()
    assert "Fri 2 Oct 2026" in second
    assert "Sun 25 Oct 2026" not in second


def test_the_query_count_does_not_grow_with_sessions(
    signed_in, user, django_assert_max_num_queries
):
    for day in range(1, 29):
        squat(user, day, 100.0 + day, sets=5)
    with django_assert_max_num_queries(10):
        assert signed_in.get(f"/exercises/{back_squat().pk}/?range=all").status_code == 200
