"""Weekly reports: load a user's sessions and compute the weeks (insights.weekly).

Reads compute a week when asked (`week_report`, `compute_weeks`) and never write; only the
refresh task stores a `WeeklyReport` row (`refresh_week`).
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from insights.knowledge import notes_for
from insights.models import Insight, WeeklyReport
from insights.services import current_version
from insights.weekly import (
    SessionSummary,
    WeekMetrics,
    block_of,
    group_by_week,
    iso_week,
    shift_week,
    week_bounds,
    week_metrics,
)
from logbook.models import Workout
from logbook.selectors import get_profile

HISTORY_WEEKS = 12  # how far back "your own history" looks for comparisons: convention


def user_zone(user: AbstractBaseUser) -> ZoneInfo:
    return ZoneInfo(get_profile(user).time_zone)


def current_week(user: AbstractBaseUser) -> str:
    return iso_week(timezone.now(), user_zone(user))


def compute_weeks(user: AbstractBaseUser, weeks: list[str]) -> dict[str, tuple[WeekMetrics, bool]]:
    """Metrics for each week, with whether any of its sessions still awaits classification.
    One query for all the sessions the weeks and their history need."""
    if not weeks:
        return {}
    zone = user_zone(user)
    oldest = min(weeks, key=lambda w: week_bounds(w, zone)[0])
    newest = max(weeks, key=lambda w: week_bounds(w, zone)[0])
    since = week_bounds(shift_week(oldest, -HISTORY_WEEKS), zone)[0] - timedelta(days=2)
    until = week_bounds(newest, zone)[1]
    summaries, pending_ids = _summaries(user, since, until)
    by_week = group_by_week(summaries, zone)
    now = timezone.now()
    results = {}
    for week in weeks:
        start, _ = week_bounds(week, zone)
        history = [
            _plain_metrics(shift_week(week, -i), zone, by_week) for i in range(1, HISTORY_WEEKS + 1)
        ]
        earlier = [s for s in summaries if start - timedelta(days=2) <= s.start < start]
        metrics = week_metrics(week, zone, by_week.get(week, []), earlier, history, now)
        pending = any(s.workout_id in pending_ids for s in by_week.get(week, []))
        results[week] = (metrics, pending)
    return results


def first_week(user: AbstractBaseUser) -> str | None:
    first = Workout.objects.alive().filter(user=user).order_by("started_at").first()
    return iso_week(first.started_at, user_zone(user)) if first else None


def readable_week(user: AbstractBaseUser, week: str) -> str | None:
    """`week` if it is an ISO week a workout of the user could be in (1970 to a year from
    now, in their zone, as a workout's start may be); None for anything else."""
    zone = user_zone(user)
    try:
        start, _ = week_bounds(week, zone)
    except ValueError:
        return None
    latest = iso_week(timezone.now() + timedelta(days=366), zone)
    if (start.year < 1970 and week != "1970-W01") or week > latest:
        return None
    return week


def week_report(user: AbstractBaseUser, week: str) -> dict:
    """A week as the API and the pages show it, computed on read: nothing is stored."""
    return week_reports(user, [week])[week]


def week_reports(user: AbstractBaseUser, weeks: list[str]) -> dict[str, dict]:
    """Several weeks as `week_report` gives each, from one read of their sessions."""
    return {
        week: {**metrics.as_dict(), "status": "pending" if pending else "ready"}
        for week, (metrics, pending) in compute_weeks(user, weeks).items()
    }


def refresh_week(user: AbstractBaseUser, week: str) -> WeeklyReport:
    """Store the week (the refresh task's job; reads use `week_report`)."""
    metrics, pending = compute_weeks(user, [week])[week]
    report, _ = WeeklyReport.objects.update_or_create(
        user=user,
        week=week,
        defaults={"start": metrics.start, "data": metrics.as_dict(), "pending": pending},
    )
    return report


def weeks_of(workout: Workout) -> str:
    return iso_week(workout.started_at, user_zone(workout.user))


def _plain_metrics(week: str, zone: ZoneInfo, by_week: dict) -> WeekMetrics:
    return week_metrics(week, zone, by_week.get(week, []), [], [])


def _summaries(
    user: AbstractBaseUser, since: datetime, until: datetime
) -> tuple[list[SessionSummary], set[int]]:
    workouts = (
        Workout.objects.alive()
        .filter(user=user, started_at__gte=since, started_at__lt=until)
        .select_related("insight")
        .order_by("started_at")
    )
    version = current_version()
    summaries, pending = [], set()
    for w in workouts:
        insight = _insight_of(w)
        if insight is None or not insight.is_current_for(w, version):
            pending.add(w.pk)
        summaries.append(_summary(w, insight))
    return summaries, pending


def _insight_of(workout: Workout) -> Insight | None:
    try:
        return workout.insight
    except Insight.DoesNotExist:
        return None


def _summary(w: Workout, insight: Insight | None) -> SessionSummary:
    features = insight.features if insight else {}
    primary = insight.primary if insight else "general"
    qualifying = tuple(insight.qualifying) if insight else ()
    minutes = w.duration_s / 60 if w.duration_s else features.get("session_minutes", 0) or 0
    notes = notes_for(qualifying or (primary,), long="long" in (insight.tags if insight else ()))
    return SessionSummary(
        workout_id=w.pk,
        start=w.started_at,
        minutes=minutes,
        session_rpe=w.session_rpe,
        primary=primary,
        qualifying=qualifying,
        exerkines=tuple(n.exerkine for n in notes),
        exerkine_levels={n.exerkine: n.evidence for n in notes},
        moderate_minutes=features.get("moderate_minutes", 0),
        vigorous_minutes=features.get("vigorous_minutes", 0),
        working_sets=features.get("working_sets", 0),
        hard_sets_by_muscle=features.get("hard_sets_by_muscle", {}),
        intensity=features.get("continuous_intensity"),
        strengthening_sets=features.get("strengthening_sets"),
        strengthening_groups=tuple(features["strengthening_groups"])
        if "strengthening_groups" in features
        else None,
        block=block_of(w.title, w.notes),
    )
