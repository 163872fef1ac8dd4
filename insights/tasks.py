"""Celery tasks: thin wrappers that load, call and store (see insights.services)."""

import logging
from smtplib import SMTPException

from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import OperationalError

from insights import reports, services, weekly_email

logger = logging.getLogger(__name__)

SWEEP_BATCH = 500
REFRESH_DELAY_S = 2


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def classify_workout(workout_id: int) -> None:
    workout = services.classify_and_store(workout_id)
    if workout is not None:
        schedule_week_refresh(workout.user_id, reports.weeks_of(workout))


def schedule_week_refresh(user_id: int, week: str) -> None:
    """One refresh per user and week for a burst of changes (a sync of 500 workouts): the
    first change schedules it a moment later, the rest find it already pending."""
    if cache.add(_refresh_key(user_id, week), 1, timeout=REFRESH_DELAY_S * 10):
        refresh_weekly_report.apply_async((user_id, week), countdown=REFRESH_DELAY_S)


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def refresh_weekly_report(user_id: int, week: str) -> None:
    # Cleared before computing, so a change stored from now on schedules a new refresh.
    cache.delete(_refresh_key(user_id, week))
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        reports.refresh_week(user, week)


def _refresh_key(user_id: int, week: str) -> str:
    return f"week-refresh:{user_id}:{week}"


@shared_task(acks_late=True)
def sweep_unclassified(limit: int = SWEEP_BATCH) -> int:
    """Classify what a missed task or a classifier version bump left without a current insight."""
    ids = list(
        services.workouts_needing_insight()
        .order_by("-updated_at")
        .values_list("pk", flat=True)[:limit]
    )
    for workout_id in ids:
        classify_workout.delay(workout_id)
    if ids:
        logger.info("sweep queued %d workouts for classification", len(ids))
    return len(ids)


def enqueue_classification(sender, workout, **kwargs) -> None:
    """On commit of a workout write. If the broker is down the save stands; the sweep catches up."""
    try:
        classify_workout.delay(workout.pk)
    except Exception:  # kombu raises various connection errors; none may fail the request
        logger.warning("could not queue classification of workout %s", workout.pk, exc_info=True)


@shared_task(
    acks_late=True,
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    max_retries=6,
)
def send_weekly_email(user_id: int, week: str) -> str:
    return weekly_email.send_weekly_email(user_id, week)


@shared_task(acks_late=True)
def send_due_weekly_emails() -> int:
    """Hourly: queue a send for everyone whose chosen local day and hour has passed."""
    due = weekly_email.due_recipients()
    for recipient in due:
        send_weekly_email.delay(recipient.user_id, recipient.week)
    return len(due)
