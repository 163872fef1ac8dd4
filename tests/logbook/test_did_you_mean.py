"""Which catalog exercise a new name probably means (exercise_search.likely_meant and
selectors.did_you_mean): plurals, spacing, word order, close spellings; never a name that
only shares a word. The same cases run against the logger's copy (tests/js/search.test.mjs)."""

import json

import pytest

from logbook import selectors
from logbook.exercise_search import likely_meant
from tests.docs import ROOT
from tests.factories import ExercisePayload, make_workout

CATALOG = json.loads((ROOT / "logbook" / "data" / "exercises.json").read_text())
CASES = json.loads((ROOT / "tests" / "fixtures" / "did_you_mean_cases.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[c["typed"] for c in CASES])
def test_the_shared_cases(case):
    match = likely_meant(CATALOG, case["typed"], lambda e: (e["name"], e["aliases"]))
    assert (match.item["name"] if match else None) == case["meant"]


@pytest.mark.django_db
def test_a_name_already_known_is_not_asked_about(user):
    assert selectors.did_you_mean(user, "bench press") is None  # the catalog's, any casing
    assert selectors.did_you_mean(user, "Squats").slug == "back-squat"
    make_workout(user, exercises=[ExercisePayload(exercise="Squats")])
    assert selectors.did_you_mean(user, "squats") is None  # now the user's own
