"""A batch that creates many workouts (a first sync, an import) leaves PostgreSQL's planner
statistics of the workout tables fresh, so the reads that follow get their indexed plans even
on a database never analysed (autovacuum off or late); a small batch costs no ANALYZE."""

import pytest
from django.db import connection

from logbook import services
from logbook.schema import clean_workout
from tests.factories import SetPayload, UserFactory, WorkoutPayload

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="statistics of PostgreSQL"),
]


def items(count: int, tag: str) -> list:
    return [
        clean_workout(
            WorkoutPayload(
                source="t",
                external_id=f"{tag}-{i}",
                started_at=f"2026-10-{i % 28 + 1:02d}T07:30:00+01:00",
                exercises=[{"exercise": "back-squat", "sets": [SetPayload(reps=5)] * 3}],
            )
        )
        for i in range(count)
    ]


def estimated_sets() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'logbook_set'")
        return cursor.fetchone()[0]


def analyse_sets_now() -> float:
    """ANALYZE writes pg_class outside the transaction, so an earlier test's estimate outlives
    its rollback; start from the estimate of what this test's database holds now."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE logbook_set")
    return estimated_sets()


def test_a_large_batch_refreshes_the_statistics_of_what_it_wrote():
    user = UserFactory()
    before = analyse_sets_now()
    list(services.upsert_many(user, items(services.ANALYZE_AFTER - 1, "small")))
    assert estimated_sets() == before  # a small batch costs no ANALYZE

    list(services.upsert_many(user, items(services.ANALYZE_AFTER, "large")))
    assert estimated_sets() >= 3 * (2 * services.ANALYZE_AFTER - 1)
