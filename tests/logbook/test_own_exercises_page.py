"""/exercises/yours/: your own exercises with what uses them; those that imports created are
listed once for mapping to the catalog (the likely one filled in); merging asks first, then
moves every set; rename and delete answer beside the exercise. Another user's exercise is
a 404 everywhere."""

import importlib
import pkgutil

import pytest

from logbook.imports import readers
from logbook.models import Exercise, Set
from logbook.selectors import IMPORTED_SOURCES
from tests.factories import ExercisePayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def imported(user, name: str, n: int = 1) -> Exercise:
    for i in range(n):
        make_workout(
            user,
            source="strong",
            external_id=f"strong-{name}-{i}",
            exercises=[ExercisePayload(exercise=name)],
        )
    return Exercise.objects.get(owner=user, name=name)


def test_imported_unknown_exercises_are_listed_once_with_the_likely_catalog_one(signed_in, user):
    squats = imported(user, "Squats", n=4)
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman curl")])  # typed, not imported
    html = signed_in.get("/exercises/yours/").content.decode()
    section = html.split('id="imported-h"')[1].split('id="own-h"')[0]
    assert section.count(f'id="imported-{squats.pk}"') == 1
    assert "12 sets in 4 workouts" in section
    assert 'value="Back Squat"' in section
    assert "Zottman curl" not in section
    assert "Zottman curl" in html  # listed among all of them


def test_merge_asks_first_then_moves_every_set(signed_in, user):
    squats = imported(user, "Squats", n=2)
    back = Exercise.objects.get(owner=None, slug="back-squat")
    ask = signed_in.get(f"/exercises/{squats.pk}/merge/", {"into": "back squat"})
    assert ask.status_code == 200
    assert "Its 6 sets in 2 workouts move to <strong>Back Squat</strong>" in ask.content.decode()
    assert Exercise.objects.filter(pk=squats.pk).exists()  # asking changes nothing
    done = signed_in.post(f"/exercises/{squats.pk}/merge/", {"into": "Back Squat", "confirm": "1"})
    assert done.status_code == 302
    assert done["Location"] == f"/exercises/{back.pk}/"
    assert Set.objects.filter(entry__exercise=back, entry__workout__user=user).count() == 6
    assert not Exercise.objects.filter(owner=user).exists()


def test_merging_into_a_name_nobody_has_is_a_400_beside_the_exercise(signed_in, user):
    squats = imported(user, "Squats")
    response = signed_in.get(f"/exercises/{squats.pk}/merge/", {"into": "Nothing like it"})
    assert response.status_code == 400
    assert "No exercise is called “Nothing like it”" in response.content.decode()


def test_rename_and_its_refusal_keep_what_was_typed(signed_in, user):
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman curl")])
    curl = Exercise.objects.get(owner=user)
    refused = signed_in.post(f"/exercises/{curl.pk}/rename/", {"name": "Bench press"})
    assert refused.status_code == 400
    assert 'value="Bench press"' in refused.content.decode()
    assert "already has that name" in refused.content.decode()
    assert signed_in.post(f"/exercises/{curl.pk}/rename/", {"name": "Zottman"}).status_code == 302
    curl.refresh_from_db()
    assert curl.name == "Zottman"


def test_delete_says_how_many_sets_use_it_and_offers_merge(signed_in, user):
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman curl")])
    curl = Exercise.objects.get(owner=user)
    response = signed_in.post(f"/exercises/{curl.pk}/delete/")
    assert response.status_code == 400
    assert "Used by 3 sets in 1 workout: merge it into another instead." in (
        response.content.decode()
    )
    assert Exercise.objects.filter(pk=curl.pk).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/exercises/{}/"),
        ("get", "/exercises/{}/merge/?into=Back+Squat"),
        ("post", "/exercises/{}/merge/"),
        ("post", "/exercises/{}/rename/"),
        ("post", "/exercises/{}/delete/"),
    ],
)
def test_another_users_exercise_is_a_404(signed_in, method, path):
    other = UserFactory()
    make_workout(other, exercises=[ExercisePayload(exercise="Their secret lift")])
    theirs = Exercise.objects.get(owner=other)
    response = getattr(signed_in, method)(
        path.format(theirs.pk), {"into": "Back Squat", "confirm": "1", "name": "Mine now"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "Their secret lift"


def test_a_catalog_exercise_cannot_be_renamed_merged_or_deleted(signed_in):
    back = Exercise.objects.get(owner=None, slug="back-squat")
    assert signed_in.post(f"/exercises/{back.pk}/delete/").status_code == 404
    assert signed_in.post(f"/exercises/{back.pk}/rename/", {"name": "x"}).status_code == 404


def test_the_query_count_does_not_grow_with_your_exercises(
    signed_in, user, django_assert_max_num_queries
):
    for i in range(3):
        imported(user, f"Imported lift {i}")
    signed_in.get("/exercises/yours/")
    with django_assert_max_num_queries(8):
        assert signed_in.get("/exercises/yours/").status_code == 200
    for i in range(3, 25):
        imported(user, f"Imported lift {i}")
    with django_assert_max_num_queries(8):
        html = signed_in.get("/exercises/yours/").content.decode()
    assert "Imported lift 24" in html


def test_the_import_sources_are_every_readers_own():
    modules = [
        importlib.import_module(f"logbook.imports.readers.{m.name}")
        for m in pkgutil.iter_modules(readers.__path__)
    ]
    assert set(IMPORTED_SOURCES) == {m.SOURCE for m in modules if hasattr(m, "SOURCE")}
