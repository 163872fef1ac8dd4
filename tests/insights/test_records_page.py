"""The records page lists every record broken, newest first, across exercises; a workout's
page celebrates the records it broke; only the user's own sessions count."""

import pytest

from tests.factories import ExercisePayload, SetPayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db


def lift(user, day: int, exercise: str, load: float, reps: int = 5):
    return make_workout(
        user,
        started_at=f"2026-10-{day:02d}T07:30:00+00:00",
        exercises=[ExercisePayload(exercise=exercise, sets=[SetPayload(reps=reps, load_kg=load)])],
    )


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_records_are_listed_newest_first_across_exercises(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    lift(user, 2, "bench-press", 60.0)
    lift(user, 5, "back-squat", 105.0)
    lift(user, 9, "bench-press", 65.0)
    html = signed_in.get("/records/").content.decode()
    assert html.index("Bench Press") < html.index("Back Squat")  # 9 Oct before 5 Oct
    assert "Heaviest set: <strong>65 kg</strong>" in html
    assert "(was 60)" in html
    assert html.count("<li>Heaviest set") == 2  # first sessions are not records


def test_a_first_session_is_not_listed(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    html = signed_in.get("/records/").content.decode()
    assert "No records yet" in html


def test_another_users_records_never_show(signed_in, user):
    other = UserFactory()
    lift(other, 1, "back-squat", 100.0)
    lift(other, 2, "back-squat", 200.0)
    lift(user, 1, "back-squat", 100.0)
    assert "200" not in signed_in.get("/records/").content.decode()


def test_the_workout_page_celebrates_its_new_records_and_links_the_exercise(signed_in, user):
    lift(user, 1, "back-squat", 100.0)
    best = lift(user, 5, "back-squat", 102.5, reps=6)
    html = signed_in.get(f"/workouts/{best.pk}/").content.decode()
    assert "New personal records" in html
    assert "Best weight for 1–5 reps" in html
    assert "PR 1–5 reps" in html
    assert "PR reps" in html
    assert 'href="/exercises/' in html
    later = lift(user, 9, "back-squat", 90.0)
    assert "New personal records" not in signed_in.get(f"/workouts/{later.pk}/").content.decode()


def test_the_records_page_reads_the_sets_once_per_change_in_a_fixed_number_of_queries(
    signed_in, user, django_assert_num_queries
):
    for day in range(1, 20):
        lift(user, day, "back-squat", 100.0 + day)
        lift(user, day, "bench-press", 60.0 + day)
    # Session, user, profile, the change clock, the grouped sets, the workouts' starts, names.
    with django_assert_num_queries(7):
        assert signed_in.get("/records/").status_code == 200
    with django_assert_num_queries(5):  # nothing changed: the books kept under the clock
        assert signed_in.get("/records/").status_code == 200
    lift(user, 25, "back-squat", 130.0)
    with django_assert_num_queries(7):  # the save moved the clock
        assert "130 kg" in signed_in.get("/records/").content.decode()
