"""Classify a workout and store its insight; find workouts whose insight is missing or stale."""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet

from insights.classifier import Classification, classify
from insights.loading import session_for
from insights.models import Insight
from insights.thresholds import Thresholds, classifier_version, thresholds_from
from logbook.models import Workout

logger = logging.getLogger(__name__)


def current_thresholds() -> Thresholds:
    return thresholds_from(getattr(settings, "INSIGHTS_THRESHOLDS", None))


def current_version() -> str:
    return classifier_version(current_thresholds())


def classify_and_store(workout_id: int) -> Insight | None:
    """Idempotent: running it twice, or concurrently, leaves one insight of the newest data."""
    workout = Workout.objects.select_related("user__profile").filter(pk=workout_id).first()
    if workout is None or workout.is_deleted:
        Insight.objects.filter(workout_id=workout_id).delete()
        return None
    thresholds = current_thresholds()
    result = classify(session_for(workout, thresholds), thresholds)
    return _store(workout, result)


def _store(workout: Workout, result: Classification) -> Insight | None:
    values = {
        "classifier_version": result.version,
        "workout_updated_at": workout.updated_at,
        "primary": result.primary,
        "modalities": [{"modality": m.modality, "score": m.score} for m in result.modalities],
        "qualifying": list(result.qualifying),
        "modifiers": list(result.modifiers),
        "tags": list(result.tags),
        "rationale": list(result.rationale),
        "features": result.summary(),
    }
    # Never let a task that read an older version of the workout overwrite a newer insight.
    stored = Insight.objects.filter(
        workout=workout, workout_updated_at__lte=workout.updated_at
    ).update(**values)
    if not stored:
        try:
            with transaction.atomic():
                Insight.objects.create(workout=workout, **values)
        except IntegrityError:
            logger.info("insight for workout %s written concurrently; kept the newest", workout.pk)
    return Insight.objects.filter(workout=workout).first()


def workouts_needing_insight(version: str | None = None) -> QuerySet:
    """Live workouts with no insight, or one from another classifier or workout version."""
    version = version or current_version()
    return Workout.objects.alive().filter(
        Q(insight__isnull=True)
        | ~Q(insight__classifier_version=version)
        | ~Q(insight__workout_updated_at=F("updated_at"))
    )
