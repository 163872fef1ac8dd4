"""Celery tasks: thin wrappers that load, call and store (see insights.services)."""

import logging
from smtplib import SMTPException

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import OperationalError
from kombu.exceptions import KombuError

from insights import reports, selectors, services, weekly_email
from logbook.common.after_response import after_response
from logbook.imports import chunks

logger = logging.getLogger(__name__)

# What publishing raises when the broker cannot be reached. Nothing broader: a task that
# crashes while running eagerly (tests, the embedded default) must not pass unnoticed.
BROKER_ERRORS = (KombuError, OSError)

SWEEP_BATCH = 500
CLASSIFY_BATCH = 25
REFRESH_DELAY_S = 2
BULK_QUEUE = "bulk-classification"


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def classify_workouts(workout_ids: list[int]) -> None:
    """Idempotent per workout, so a redelivered or retried batch only repeats work. Each
    week and user a batch touched is scheduled once (a batch is mostly one user's import)."""
    weeks: dict[tuple[int, str], None] = {}
    for workout_id in workout_ids:
        workout = services.classify_and_store(workout_id)
        if workout is not None:
            weeks[workout.user_id, reports.weeks_of(workout)] = None
    for user_id, week in weeks:
        schedule_week_refresh(user_id, week)
    for user_id in dict.fromkeys(user_id for user_id, _ in weeks):
        schedule_records_warm(user_id)


def queue_classification(workout_ids: list[int], bulk: bool | None = None) -> None:
    """A few tasks for a batch (publishing one costs about a millisecond), enough of them
    that every worker process shares it. An import's go to a queue of their own, which
    workers take from in turn with the others: thousands queued by one big file never make
    another user's saved workout wait behind them."""
    bulk = chunks.importing() if bulk is None else bulk
    for start in range(0, len(workout_ids), CLASSIFY_BATCH):
        batch = workout_ids[start : start + CLASSIFY_BATCH]
        if bulk:
            classify_workouts.apply_async((batch,), queue=BULK_QUEUE)
        else:
            classify_workouts.delay(batch)


def schedule_week_refresh(user_id: int, week: str) -> None:
    """One refresh per user and week until it has run: the first change schedules it a
    moment later and marks it pending; every later change, however long the refresh waits
    in a backlog, finds it pending, until the refresh starts and clears the mark. A mark
    outlives a refresh the broker lost by at most `refresh_pending_s()`."""
    added = cache.add(_refresh_key(user_id, week), 1, timeout=refresh_pending_s())
    # None: the cache could not be reached (an outage it ignores); refresh rather than skip.
    if added is not False:
        refresh_weekly_report.apply_async((user_id, week), countdown=REFRESH_DELAY_S)


def refresh_pending_s() -> float:
    """As long as a queued task can wait to be redelivered and run (the broker's visibility
    timeout and the task's own limit)."""
    return settings.CELERY_VISIBILITY_TIMEOUT + settings.CELERY_TASK_TIME_LIMIT


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def refresh_weekly_report(user_id: int, week: str) -> None:
    # Cleared before computing, so a change stored from now on schedules a new refresh.
    cache.delete(_refresh_key(user_id, week))
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        reports.refresh_week(user, week)


def _refresh_key(user_id: int, week: str) -> str:
    return f"week-refresh:{user_id}:{week}"


def schedule_records_warm(user_id: int) -> None:
    """Works out the records page's books in the background after a change, so the first
    view after a save reads them from the cache instead of every set (about 0.1–0.2 s for
    five years); only for users who open their records page (`selectors.reads_records`).
    Pending until it has run, as a week's refresh: a burst of changes (an import's
    thousands of classifications) warms once per run, not once per workout."""
    if not selectors.reads_records(user_id):
        return
    added = cache.add(_warm_key(user_id), 1, timeout=refresh_pending_s())
    if added is not False:
        warm_record_books.apply_async((user_id,), countdown=REFRESH_DELAY_S)


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def warm_record_books(user_id: int) -> None:
    cache.delete(_warm_key(user_id))  # a change from now on warms again
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        selectors.all_record_books(user)


def _warm_key(user_id: int) -> str:
    return f"records-warm:{user_id}"


@shared_task(acks_late=True)
def sweep_unclassified(limit: int = SWEEP_BATCH) -> int:
    """Classify what a missed task or a classifier version bump left without a current insight."""
    ids = list(
        selectors.workouts_needing_insight()
        .order_by("-updated_at")
        .values_list("pk", flat=True)[:limit]
    )
    queue_classification(ids)
    if ids:
        logger.info("sweep queued %d workouts for classification", len(ids))
    return len(ids)


@worker_ready.connect
def sweep_on_start(sender=None, **kwargs) -> None:
    """A process stopped between a write's response and its task (Ctrl-C under `make run`, a
    killed worker) left workouts unclassified: a starting worker finds them at once rather
    than at beat's next sweep."""
    sweep_unclassified.delay()


def enqueue_classification(sender, workouts, **kwargs) -> None:
    """On commit of workout writes, published once the response is sent (the client need not
    wait for the broker). If the broker is down the saves stand; the sweep catches up."""
    ids = [w.pk for w in workouts]
    bulk = chunks.importing()  # now: the import's context is gone after the response
    after_response(lambda: _queue_or_log(ids, bulk))


def _queue_or_log(ids: list[int], bulk: bool) -> None:
    try:
        queue_classification(ids, bulk)
    except BROKER_ERRORS:  # the broker is down: none may fail the request
        logger.warning("could not queue classification of workouts %s", ids, exc_info=True)


def reclassify_after_heart_rate_change(sender, user, **kwargs) -> None:
    """A new max heart rate or birth year changes how hard every session with heart rate
    was: mark their insights stale and classify them again in the background."""
    ids = selectors.workouts_with_heart_rate(user)
    services.mark_stale(ids)
    try:
        queue_classification(ids)
    except Exception:  # the sweep reclassifies what could not be queued
        logger.warning("could not queue reclassification for user %s", user.pk, exc_info=True)


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
    due = weekly_email.claim_due_recipients()
    for recipient in due:
        send_weekly_email.delay(recipient.user_id, recipient.week)
    return len(due)
