"""The pages that show the logbook with what insights derive from it: home (the dashboard),
the history with each session's kind, and a workout with its insight and records.
They live here because insights depends on the logbook, never the reverse."""

from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from insights import reports, selectors
from insights.api.representation import insight_to_dict
from insights.charts import hard_sets_chart, hard_sets_rows, load_chart, modality_chart
from insights.weekly import shift_week
from insights.weekly_email import MODALITY_LABELS, report_bars
from logbook.catalog import name_key
from logbook.models import Workout, WorkoutExercise

DASHBOARD_WEEKS = 8
HISTORY_PAGE = 25


def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "logbook/landing.html")
    return dashboard(request)


def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    current = reports.current_week(user)
    weeks = [shift_week(current, -i) for i in range(DASHBOARD_WEEKS - 1, -1, -1)]
    computed = reports.compute_weeks(user, weeks)
    series = [
        {**computed[w][0].as_dict(), "status": "pending" if computed[w][1] else "ready"}
        for w in weeks
    ]
    this_week = series[-1]
    muscles = hard_sets_rows(this_week, series[-2] if len(series) > 1 else None)
    recent = _workout_rows(Workout.objects.alive().filter(user=user))[:5]
    return render(
        request,
        "logbook/dashboard.html",
        {
            "report": this_week,
            "bars": report_bars(this_week),
            "load_chart": load_chart(series),
            "modality_chart": modality_chart(series),
            "series": series,
            "muscles": muscles,
            "hard_sets_chart": hard_sets_chart(muscles, in_progress=this_week["in_progress"])
            if muscles
            else None,
            "recent": recent,
            "last_workout": recent[0] if recent else None,
        },
    )


@login_required
def history(request: HttpRequest) -> HttpResponse:
    workouts = Workout.objects.alive().filter(user=request.user)
    modality = request.GET.get("modality", "")
    exercise = request.GET.get("exercise", "").strip()
    since, until = request.GET.get("from", ""), request.GET.get("to", "")
    zone = timezone.get_current_timezone()
    if modality:
        workouts = workouts.filter(insight__primary=modality)
    if exercise:
        workouts = workouts.filter(exercises__exercise__names__key__contains=name_key(exercise))
    if _date(since):
        workouts = workouts.filter(
            started_at__gte=datetime.combine(_date(since), datetime.min.time(), zone)
        )
    if _date(until):
        workouts = workouts.filter(
            started_at__lt=datetime.combine(_date(until), datetime.max.time(), zone)
        )
    page = Paginator(_workout_rows(workouts.distinct()), HISTORY_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "logbook/history.html",
        {
            "page": page,
            "modalities": MODALITY_LABELS,
            "filters": {"modality": modality, "exercise": exercise, "from": since, "to": until},
            "query": query.urlencode(),
        },
    )


def _workout_rows(workouts):
    return (
        workouts.select_related("insight")
        .annotate(set_count=Count("exercises__sets", distinct=True))
        .prefetch_related(
            Prefetch("exercises", queryset=WorkoutExercise.objects.select_related("exercise"))
        )
        .order_by("-started_at", "-id")
    )


def _date(text: str):
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return None


@login_required
def workout_detail(request: HttpRequest, id: int) -> HttpResponse:
    workout = get_object_or_404(Workout.objects.alive().with_details(), pk=id, user=request.user)
    insight = selectors.current_insight(workout)
    celebrations = selectors.workout_celebrations(workout)
    by_exercise = {c.exercise_id: c for c in celebrations}
    for entry in workout.exercises.all():
        entry.celebration = by_exercise.get(entry.exercise_id)
    return render(
        request,
        "logbook/workout_detail.html",
        {
            "workout": workout,
            "insight": insight_to_dict(insight) if insight else None,
            "celebrations": celebrations,
        },
    )
