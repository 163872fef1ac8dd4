"""Sync skips the walk for unreadable numbers only when none can be in the body: every number
that parses to an `Unreadable` is caught by `may_be_unreadable`."""

import json

import pytest

from logbook.common.input import (
    JSON_MAX_DIGITS,
    Unreadable,
    json_float,
    json_int,
    may_be_unreadable,
)

NUMBERS = [
    "5",
    "-12.5",
    "1e308",
    "2e308",
    "1e-400",
    "1E+0400",
    "9" * JSON_MAX_DIGITS,
    "9" * (JSON_MAX_DIGITS + 1),
    "-" + "9" * (JSON_MAX_DIGITS + 1),
    "1" + "0" * 320 + ".5",
    "0." + "0" * 50 + "1",
]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_unreadable_number_is_flagged(number):
    text = f'{{"workouts": [{{"load_kg": {number}}}]}}'
    value = json.loads(text, parse_int=json_int, parse_float=json_float)["workouts"][0]["load_kg"]
    if isinstance(value, Unreadable):
        assert may_be_unreadable(text)


def test_an_ordinary_batch_is_not_flagged():
    text = json.dumps({"workouts": [{"load_kg": 102.5, "reps": 5, "rpe": 8}] * 100})
    assert not may_be_unreadable(text)
