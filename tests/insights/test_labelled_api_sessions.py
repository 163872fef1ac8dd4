"""The issue-15 labelled set, posted through the public API as the acceptance checks do.

Each session goes into a fresh account (no history) and again into an account holding the
lifter's history (tests/insights/labelled_api_sessions.py says which). Agreement must be
≥ 95% over both conditions, and no session marked `never_heavy` may read as heavy in any.
"""

from datetime import datetime, timedelta

import pytest
from django.test import TestCase
from rest_framework.test import APIClient

from tests.factories import UserFactory, bearer
from tests.insights.labelled_api_sessions import (
    FRESH,
    HEAVY,
    HISTORY,
    SESSIONS,
    STARTED_AT,
    Labelled,
)

CONDITIONS = (FRESH, HISTORY)


def _at(days_before: int) -> str:
    return (datetime.fromisoformat(STARTED_AT) - timedelta(days=days_before)).isoformat()


def _history(session: Labelled) -> list[dict]:
    pairs = session.history or tuple((days, session.body) for days in (21, 14, 7))
    return [{**body, "started_at": _at(days)} for days, body in pairs]


def _insight(session: Labelled, condition: str) -> dict:
    user = UserFactory()
    api = APIClient()
    api.credentials(**bearer(user))
    if session.profile:
        assert api.patch("/api/v1/me/", session.profile, format="json").status_code == 200
    bodies = (_history(session) if condition == HISTORY else []) + [session.body]
    for body in bodies:
        with TestCase.captureOnCommitCallbacks(execute=True):
            response = api.post("/api/v1/workouts/", body, format="json")
        assert response.status_code == 201, (session.name, response.json())
    body = api.get(f"/api/v1/workouts/{response.json()['id']}/insight/").json()
    assert body["status"] == "ready", body
    return body


def _describe(session: Labelled, condition: str, body: dict) -> str:
    scores = ", ".join(f"{m['modality']} {m['score']:.2f}" for m in body["modalities"])
    return (
        f"- {session.name} [{condition}]: labelled {session.expected(condition)}, got "
        f"{body['primary']}\n    scores: {scores}\n    rationale: {' | '.join(body['rationale'])}"
    )


_RESULTS: dict[tuple[str, str], dict] = {}


@pytest.fixture
def results(db):
    """Every session in every condition, posted once per test process; later tests of the
    module reuse the insights (plain JSON), not the rows, which each test rolls back."""
    if not _RESULTS:
        for session in SESSIONS:
            for condition in CONDITIONS:
                _RESULTS[(session.name, condition)] = _insight(session, condition)
    return _RESULTS


def test_the_set_is_large_unique_and_covers_what_the_issue_names():
    names = [s.name for s in SESSIONS]
    assert len(names) >= 30
    assert len(set(names)) == len(names)
    assert {s.label for s in SESSIONS} == {
        "heavy_resistance",
        "high_volume",
        "hiit",
        "endurance",
        "general",
    }
    assert sum(s.never_heavy for s in SESSIONS) >= 10


def test_agreement_is_at_least_95_percent_over_fresh_accounts_and_with_history(results):
    disagreements = [
        _describe(s, c, results[(s.name, c)])
        for s in SESSIONS
        for c in CONDITIONS
        if results[(s.name, c)]["primary"] != s.expected(c)
    ]
    total = len(SESSIONS) * len(CONDITIONS)
    agreement = 1 - len(disagreements) / total
    assert agreement >= 0.95, (
        f"agreement {agreement:.1%} ({total - len(disagreements)}/{total}); disagreements:\n"
        + "\n".join(disagreements)
    )


@pytest.mark.parametrize("condition", CONDITIONS)
def test_agreement_in_each_condition_is_at_least_95_percent(results, condition):
    wrong = [
        s.name for s in SESSIONS if results[(s.name, condition)]["primary"] != s.expected(condition)
    ]
    assert 1 - len(wrong) / len(SESSIONS) >= 0.95, wrong


def test_light_technique_deload_and_conditioning_sessions_are_never_heavy(results):
    heavy = [
        _describe(s, c, results[(s.name, c)])
        for s in SESSIONS
        if s.never_heavy
        for c in CONDITIONS
        if results[(s.name, c)]["primary"] == HEAVY
        or any(
            m["modality"] == HEAVY and m["score"] >= 0.5 for m in results[(s.name, c)]["modalities"]
        )
    ]
    assert not heavy, "\n".join(heavy)


def test_rationales_say_what_the_issue_asks(results):
    problems = []
    for s in SESSIONS:
        for c in CONDITIONS:
            text = " ".join(results[(s.name, c)]["rationale"])
            problems += [f"{s.name} [{c}] says {p!r}" for p in s.rationale_excludes if p in text]
            if s.rationale_includes_any and not any(p in text for p in s.rationale_includes_any):
                problems.append(f"{s.name} [{c}] names none of {s.rationale_includes_any}")
    assert not problems, "\n".join(problems)
