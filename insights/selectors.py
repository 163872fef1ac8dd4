"""The reads of insights: which workouts need (re)classifying, a workout's current insight."""

from datetime import date, datetime, timedelta, tzinfo

from django.db.models import F, Q, QuerySet

from insights.models import Insight
from insights.services import current_version
from logbook.models import Workout


def workouts_needing_insight(version: str | None = None) -> QuerySet:
    """Live workouts with no insight, or one from another classifier or workout version."""
    version = version or current_version()
    return Workout.objects.alive().filter(
        Q(insight__isnull=True)
        | ~Q(insight__classifier_version=version)
        | ~Q(insight__workout_updated_at=F("updated_at"))
    )


def workouts_with_heart_rate(user) -> list[int]:
    """The user's live workouts whose classification reads their max heart rate."""
    return list(
        Workout.objects.alive()
        .filter(user=user)
        .filter(
            Q(avg_hr__isnull=False) | Q(max_hr__isnull=False) | Q(intervals__avg_hr__isnull=False)
        )
        .order_by("-started_at")
        .values_list("pk", flat=True)
        .distinct()
    )


def current_insight(workout: Workout) -> Insight | None:
    """The workout's insight if it describes this version of the workout and classifier."""
    insight = Insight.objects.filter(workout=workout).first()
    if insight is None or not insight.is_current_for(workout, current_version()):
        return None
    return insight


def month_workouts(user, month: date, zone: tzinfo) -> list[tuple[int, datetime, str, str]]:
    """(id, start, title, primary kind or "") of the user's live workouts in the calendar
    month of `month`, in the user's time zone: one query, for the history's calendar."""
    start = datetime.combine(month.replace(day=1), datetime.min.time(), zone)
    end = datetime.combine(
        (month.replace(day=28) + timedelta(days=4)).replace(day=1), datetime.min.time(), zone
    )
    rows = (
        Workout.objects.alive()
        .filter(user=user, started_at__gte=start, started_at__lt=end)
        .order_by("started_at", "id")
        .values_list("id", "started_at", "title", "activity", "insight__primary")
    )
    return [
        (pk, at.astimezone(zone), title or activity.capitalize(), primary or "")
        for pk, at, title, activity, primary in rows
    ]
