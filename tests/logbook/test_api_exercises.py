"""GET /api/v1/exercises/: the catalog and your own, searchable."""

import pytest

from tests.factories import ExercisePayload, make_workout

pytestmark = pytest.mark.django_db

URL = "/api/v1/exercises/"


def test_search_matches_names_and_aliases(api):
    by_name = [e["slug"] for e in api.get(f"{URL}?search=squat&limit=500").json()["results"]]
    assert "back-squat" in by_name
    by_alias = [e["slug"] for e in api.get(f"{URL}?search=Squat (Barbell)").json()["results"]]
    assert "back-squat" in by_alias


def test_your_custom_exercises_are_listed_and_marked(api, user):
    make_workout(user, exercises=[ExercisePayload(exercise="Banded Monster Walk Deluxe")])
    results = api.get(f"{URL}?search=monster walk deluxe").json()["results"]
    assert [(e["name"], e["custom"]) for e in results] == [("Banded Monster Walk Deluxe", True)]


def test_the_kind_filter_and_its_validation(api):
    cardio = api.get(f"{URL}?kind=cardio&limit=500").json()["results"]
    assert cardio
    assert {e["kind"] for e in cardio} == {"cardio"}
    assert "kind" in api.get(f"{URL}?kind=yoga").json()["errors"]


def test_entries_carry_the_catalog_fields(api):
    squat = next(
        e
        for e in api.get(f"{URL}?search=back-squat").json()["results"]
        if e["slug"] == "back-squat"
    )
    assert squat["mechanic"] == "compound"
    assert "quads" in squat["primary_muscles"]
    assert squat["equipment"] == "barbell"
