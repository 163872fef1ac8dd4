"""The search's ranking (logbook.exercise_search), pure and fast: prefix and alias matches
first, then word starts, then anywhere, then close spellings. The same cases run against
the logger's copy in tests/js/search.test.mjs."""

import json

import pytest

from logbook.exercise_search import Tier, rank
from tests.docs import ROOT

CATALOG = json.loads((ROOT / "logbook" / "data" / "exercises.json").read_text())
CASES = json.loads((ROOT / "tests" / "fixtures" / "exercise_search_cases.json").read_text())


def names(query: str, items=CATALOG) -> list[str]:
    return [m.item["name"] for m in rank(items, query, lambda e: (e["name"], e["aliases"]))]


@pytest.mark.parametrize("case", CASES, ids=[c["query"] for c in CASES])
def test_the_shared_cases(case):
    found = names(case["query"])
    assert found[: len(case["first"])] == case["first"]
    for better, worse in case.get("before", []):
        assert found.index(better) < found.index(worse)
    if "count" in case:
        assert len(found) == case["count"]


def test_squat_lists_the_squats_by_name_before_exercises_with_squat_only_in_an_alias():
    found = names("squat")
    by_name = [n for n in found if "squat" in n.lower()]
    assert found[: len(by_name)] == by_name
    assert "Clean" in found[len(by_name) :]


def test_each_match_says_which_name_or_alias_matched_and_how():
    squat = rank(CATALOG, "bb squat", lambda e: (e["name"], e["aliases"]))[0]
    assert (squat.item["slug"], squat.tier, squat.text) == ("back-squat", Tier.EXACT, "BB Squat")
    typo = rank(CATALOG, "sqaut", lambda e: (e["name"], e["aliases"]))[0]
    assert typo.tier == Tier.CLOSE
    assert 80 <= typo.closeness < 100


def test_among_equal_matches_the_given_order_is_kept():
    items = [{"name": "Zeta Row", "aliases": []}, {"name": "Alpha Row", "aliases": []}]
    assert names("row", items) == ["Zeta Row", "Alpha Row"]


def test_nothing_typed_keeps_everything_in_order():
    assert names("  ") == [e["name"] for e in CATALOG]


def test_accents_and_punctuation_do_not_matter():
    items = [{"name": "Développé couché", "aliases": []}]
    assert names("developpe", items) == ["Développé couché"]
    assert names("DÉVELOPPÉ-COUCHÉ", items) == ["Développé couché"]
