"""Classify a workout and store its insight; mark insights stale when what they read changed."""

from django.conf import settings
from django.db import connection
from django.utils import timezone

from insights.classifier import Classification, classify
from insights.loading import session_for
from insights.models import Insight
from insights.thresholds import Thresholds, classifier_version, thresholds_from
from logbook.models import Workout

KEPT_ON_UPDATE = ("workout", "created_at")


def current_thresholds() -> Thresholds:
    return thresholds_from(getattr(settings, "INSIGHTS_THRESHOLDS", None))


def current_version() -> str:
    return classifier_version(current_thresholds())


def classify_and_store(workout_id: int) -> Workout | None:
    """Idempotent: running it twice, or concurrently, leaves one insight of the newest data.

    Returns the workout as read, deleted ones too (their week changed as well), or None
    when it is gone.
    """
    workout = Workout.objects.select_related("user__profile").filter(pk=workout_id).first()
    if workout is None or workout.is_deleted:
        Insight.objects.filter(workout_id=workout_id).delete()
        return workout
    thresholds = current_thresholds()
    _store(workout, classify(session_for(workout, thresholds), thresholds))
    return workout


def _store(workout: Workout, result: Classification) -> None:
    """Insert the insight, or replace the stored one unless that describes a newer version
    of the workout (a task that read older data must never win). One statement, so
    concurrent tasks need no lock, savepoint or retry: INSERT … ON CONFLICT DO UPDATE …
    WHERE, in PostgreSQL and SQLite alike."""
    now = timezone.now()
    values = {
        "workout": workout.pk,
        "classifier_version": result.version,
        "workout_updated_at": workout.updated_at,
        "primary": result.primary,
        "modalities": [{"modality": m.modality, "score": m.score} for m in result.modalities],
        "qualifying": list(result.qualifying),
        "modifiers": list(result.modifiers),
        "tags": list(result.tags),
        "rationale": list(result.rationale),
        "rationale_refs": [list(refs) for refs in result.rationale_refs],
        "features": result.summary(),
        "created_at": now,
        "updated_at": now,
    }
    fields = [Insight._meta.get_field(name) for name in values]
    quote = connection.ops.quote_name
    table = quote(Insight._meta.db_table)
    columns = {f.name: quote(f.column) for f in fields}
    replaced = [c for name, c in columns.items() if name not in KEPT_ON_UPDATE]
    stamp = columns["workout_updated_at"]
    sql = (
        f"INSERT INTO {table} ({', '.join(columns.values())}) "
        f"VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({columns['workout']}) DO UPDATE SET "
        + ", ".join(f"{c} = EXCLUDED.{c}" for c in replaced)
        + f" WHERE {table}.{stamp} <= EXCLUDED.{stamp}"
    )
    params = [f.get_db_prep_save(values[f.name], connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def mark_stale(workout_ids: list[int]) -> None:
    """Their insights no longer count as current (the API says pending) until reclassified;
    the sweep finds them even if queueing fails."""
    for start in range(0, len(workout_ids), 500):
        Insight.objects.filter(workout_id__in=workout_ids[start : start + 500]).update(
            classifier_version=""
        )
