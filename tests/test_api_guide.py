"""docs/api.md cannot drift: its examples run against the app as written, in page order,
and agree with the served OpenAPI schema; every endpoint of the schema is on the page."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.test import Client

from tests.api_guide import (
    Exchange,
    GuideError,
    Schema,
    examples,
    match,
    match_text,
    prepare,
)
from tests.docs import API_MD
from tests.factories import PASSWORD, UserFactory, make_workout

GUIDE = API_MD.read_text(encoding="utf-8")


@pytest.fixture
def schema(client) -> Schema:
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return Schema(json.loads(response.content))


def send(client: Client, exchange: Exchange) -> None:
    path = exchange.path + (f"?{urlencode(exchange.query)}" if exchange.query else "")
    response = client.generic(
        exchange.method,
        path,
        data=exchange.body,
        content_type=exchange.content_type or "application/octet-stream",
        headers=exchange.headers,
    )
    exchange.status = response.status_code
    exchange.response_type = response.get("Content-Type", "")
    streamed = getattr(response, "streaming", False)
    exchange.response_body = b"".join(response.streaming_content) if streamed else response.content


def check(example, exchange: Exchange, schema: Schema) -> list[str]:
    """What is wrong with one example's answer, or with it against the schema."""
    if exchange.status != example.status:
        return [f"status {exchange.status}, not {example.status}: {exchange.response_body[:300]!r}"]
    problems = []
    if example.kind == "json":
        try:
            actual = exchange.response_json()
        except ValueError:
            return [f"not JSON: {exchange.response_body[:300]!r}"]
        problems += match(json.loads(example.body), actual, exchange.variables)
    elif example.kind in ("text", "csv"):
        problems += match_text(example.body, exchange.response_body.decode())
    if not _shows_errors(exchange):  # error examples send bad requests on purpose
        problems += [f"request: {p}" for p in schema.check_request(exchange)]
    problems += [f"response: {p}" for p in schema.check_response(exchange)]
    return problems


def _shows_errors(exchange: Exchange) -> bool:
    """A refusal, or a sync answer with an item refused: the request was wrong on purpose."""
    if exchange.status >= 400:
        return True
    body = exchange.response_json() if "json" in exchange.response_type else None
    results = body.get("results") if isinstance(body, dict) else None
    return any(isinstance(r, dict) and r.get("status") == "error" for r in results or [])


@pytest.mark.django_db
def test_every_example_answers_as_documented_and_fits_the_schema(
    client, schema, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path  # uploads of the import examples
    user = UserFactory()
    theirs = make_workout(UserFactory(), title="Someone else's")
    variables = {"USERNAME": user.username, "PASSWORD": PASSWORD, "THEIR_WORKOUT": theirs.pk}
    failures = []
    for example in examples(GUIDE):
        exchange = prepare(example.request, variables)
        with django_capture_on_commit_callbacks(execute=True):  # the insight task, as in prod
            send(client, exchange)
        for problem in check(example, exchange, schema):
            failures.append(f"docs/api.md line {example.request.line}: {problem}")
    assert not failures, "\n".join(failures)


def test_the_guide_has_examples_for_every_operation_of_the_schema(schema):
    shown = set()
    for example in examples(GUIDE):
        exchange = prepare(example.request, AnyVariable())
        found = schema.find(exchange.method, exchange.path)
        if found:
            shown.add((exchange.method, found[0]))
    assert schema.operations() - shown == set()


def test_every_path_of_the_schema_is_written_in_the_guide(schema):
    assert [path for path in schema.paths if f"`{path}" not in GUIDE] == []


def test_the_limits_table_states_the_settings():
    rows = dict(re.findall(r"^\| `([A-Z_]+)` \| ([\d,]+) ", GUIDE, re.MULTILINE))
    assert rows, "docs/api.md has no limits table"
    for name, value in rows.items():
        assert int(value.replace(",", "")) == getattr(django_settings, name), name
    rates = dict(re.findall(r"^\| `(THROTTLE_[A-Z]+)` \| (\d+/\w+) ", GUIDE, re.MULTILINE))
    configured = django_settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates == {f"THROTTLE_{scope.upper()}": rate for scope, rate in configured.items()}


class AnyVariable(dict):
    """Variables for reading requests without running them: any name is an id."""

    def __contains__(self, key):
        return True

    def __getitem__(self, key):
        return "1"


# --- The conventions themselves notice what they should --------------------------------------


def test_placeholders_match_by_kind_and_remember_values():
    variables = {}
    documented = {"id": "<id as $WORKOUT>", "at": "<datetime>", "sets": [{"reps": 5}, "..."]}
    actual = {"id": 7, "at": "2026-11-16T07:30:00+01:00", "sets": [{"reps": 5}, {"reps": 3}]}

    assert match(documented, {**actual, "extra": True}, variables) == []
    assert variables == {"WORKOUT": 7}
    assert match({"id": "$WORKOUT"}, {"id": 7}, variables) == []
    assert match({"id": "$WORKOUT"}, {"id": 8}, variables) == ["id: expected 7, got 8"]


def test_a_wrong_value_a_missing_key_a_wrong_kind_and_a_wrong_length_are_reported():
    problems = match(
        {"a": 1, "b": "x", "c": "<datetime>", "d": [1, 2], "e": False},
        {"a": 2, "c": "2026-11-16T07:30:00", "d": [1, 2, 3], "e": 0},
        {},
    )

    assert problems == [
        "a: expected 1, got 2",
        "b: missing",
        "c: expected <datetime>, got '2026-11-16T07:30:00'",
        "d: expected 2 items, got 3",
        "e: expected False, got 0",
    ]


def test_text_answers_match_line_by_line():
    assert match_text("a,b\nmyolog-<id>,x\n...", "a,b\r\nmyolog-12,x\r\nmore\r\n") == []
    assert match_text("a,b\n1,2", "a,b\n1,3") == ["line 2: expected '1,2', got '1,3'"]


def test_a_request_without_a_status_or_a_stray_placeholder_is_refused():
    with pytest.raises(GuideError, match="line 1"):
        examples("```http\nGET /api/v1/me/\n```\n\nno status\n")
    with pytest.raises(GuideError, match="line 3"):
        examples('text\n\n```json\n{"id": "<id>"}\n```\n')


def test_variables_in_a_query_string_are_percent_encoded_and_next_links_lose_their_host():
    variables = {"SINCE": "2026-11-16T07:30:00+01:00", "NEXT": "http://h/api/v1/w/?cursor=x"}
    request = examples(
        "```http\nGET /api/v1/workouts/?updated_since=$SINCE\n```\n→ 200 OK\n"
        "```http\nGET $NEXT\n```\n→ 200 OK\n"
    )

    first, second = (prepare(e.request, variables) for e in request)
    assert first.query == [("updated_since", "2026-11-16T07:30:00+01:00")]
    assert (second.path, second.query) == ("/api/v1/w/", [("cursor", "x")])


def test_the_schema_check_refuses_a_body_that_does_not_fit(schema):
    exchange = prepare(
        examples(
            "```http\nPOST /api/v1/workouts/\nContent-Type: application/json\n\n"
            '{"started_at": "yesterday", "exercises": [{"superset": "A"}]}\n```\n→ 201\n'
        )[0].request,
        {},
    )
    problems = schema.check_request(exchange)

    assert any(p.startswith("started_at:") for p in problems), problems
    assert any(p.startswith("exercises.0:") for p in problems), problems  # no exercise
    assert any(p.startswith("exercises.0.superset:") for p in problems), problems
