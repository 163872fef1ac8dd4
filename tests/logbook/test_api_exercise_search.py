"""GET /api/v1/exercises/?search=: ranked best first, filtered by muscle and equipment,
paged through `next` without losing or repeating a result."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/exercises/"


def slugs(api, query: str) -> list[str]:
    return [e["slug"] for e in api.get(URL + query).json()["results"]]


def test_squat_gives_back_squat_then_front_squat_before_clean(api):
    found = slugs(api, "?search=squat&limit=500")
    assert found[:2] == ["back-squat", "front-squat"]
    assert found.index("front-squat") < found.index("clean")


@pytest.mark.parametrize("typed", ["Squats", "squat (barbell)", "BB squat", "sqaut"])
def test_plurals_aliases_and_typos_find_back_squat_first(api, typed):
    assert slugs(api, f"?search={typed}")[0] == "back-squat"


def test_muscle_and_equipment_filter_the_ranked_results(api):
    results = api.get(f"{URL}?search=press&muscle=chest&equipment=dumbbell&limit=500").json()
    assert results["results"]
    for e in results["results"]:
        assert "chest" in e["primary_muscles"]
        assert e["equipment"] == "dumbbell"


@pytest.mark.parametrize("name", ["muscle", "equipment", "kind"])
def test_an_unknown_filter_value_is_a_400_naming_it(api, name):
    response = api.get(f"{URL}?{name}=elbows")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [name]


def test_pages_of_a_ranked_search_follow_on_without_repeats(api):
    everything = slugs(api, "?search=squat&limit=500")
    paged, url = [], f"{URL}?search=squat&limit=7"
    while url:
        body = api.get(url).json()
        paged += [e["slug"] for e in body["results"]]
        url = body["next"]
    assert paged == everything
