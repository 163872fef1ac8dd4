"""The API's orjson renderer writes the same bodies DRF's JSONRenderer did."""

import json
from datetime import UTC, date, datetime, time
from decimal import Decimal
from uuid import UUID

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from logbook.common.renderers import FastJSONRenderer

BODIES = [
    {"next": None, "results": []},
    {"a": 1, "b": 2.5, "c": -0.0, "d": True, "e": None, "f": "ünïcode ✓", "g": [1, [2, {}]]},
    {"when": datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC), "day": date(2026, 1, 2)},
    {"at": time(7, 30, 0, 123456), "id": UUID(int=7), "amount": Decimal("1.25")},
    {"lazy": gettext_lazy("Not found.")},
    {"separators": "\u2028 and \u2029 stay escaped"},
    {"huge": 2**70},  # past orjson's 64 bits: DRF's renderer writes it
    {1: "a non-string key"},
]


@pytest.mark.parametrize("body", BODIES)
def test_body_equals_drfs(body):
    ours = FastJSONRenderer().render(body)
    assert json.loads(ours) == json.loads(JSONRenderer().render(body))
    assert ours == JSONRenderer().render(body)


def test_indent_asked_for_is_given():
    body = {"a": [1, 2]}
    assert FastJSONRenderer().render(body, "application/json; indent=2") == (
        JSONRenderer().render(body, "application/json; indent=2")
    )


def test_a_value_neither_can_write_fails_as_before():
    with pytest.raises(TypeError):
        FastJSONRenderer().render({"x": object()})
