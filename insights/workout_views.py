"""The pages that show the logbook with what insights derive from it: home (the dashboard),
the history with each session's kind, and a workout with its insight and records.
They live here because insights depends on the logbook, never the reverse."""

from collections.abc import Callable
from datetime import date, datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from insights import records, reports, selectors
from insights.api.representation import insight_to_dict
from insights.calendar import month_calendar
from insights.charts import hard_sets_chart, hard_sets_rows, load_chart, modality_chart
from insights.weekly import shift_week
from insights.weekly_email import MODALITY_LABELS, report_bars
from logbook import selectors as reads
from logbook.models import Workout, WorkoutExercise
from logbook.selectors import get_profile

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
    """Every workout, newest first, in pages; filters and the calendar's month ride in the
    query string, so a filtered view is a link. A fixed number of queries per page."""
    workouts = Workout.objects.alive().filter(user=request.user)
    modality = request.GET.get("modality", "")
    exercise = request.GET.get("exercise", "").strip()
    text = request.GET.get("q", "").strip()
    since, until = request.GET.get("from", ""), request.GET.get("to", "")
    zone = timezone.get_current_timezone()
    if modality:
        workouts = workouts.filter(insight__primary=modality)
    if exercise:
        workouts = workouts.filter(pk__in=reads.workouts_with_exercise(exercise))
    if text:
        workouts = workouts.filter(Q(title__icontains=text) | Q(notes__icontains=text))
    if _date(since):
        workouts = workouts.filter(
            started_at__gte=datetime.combine(_date(since), datetime.min.time(), zone)
        )
    if _date(until):
        workouts = workouts.filter(
            started_at__lt=datetime.combine(_date(until), datetime.max.time(), zone)
        )
    page = Paginator(_workout_rows(workouts), HISTORY_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    month = _month(request.GET.get("month", "") or since[:7], zone)
    filters = {"modality": modality, "exercise": exercise, "q": text, "from": since, "to": until}
    return render(
        request,
        "logbook/history.html",
        {
            "page": page,
            "modalities": MODALITY_LABELS,
            "filters": filters,
            "query": query.urlencode(),
            "calendar": month_calendar(
                month, selectors.month_workouts(request.user, month, zone), _link(query)
            ),
        },
    )


def _link(query) -> Callable[..., str]:
    """A history link with the current filters and `changes` (None drops a parameter)."""

    def link(**changes: str | None) -> str:
        params = query.copy()
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = value
        return f"?{params.urlencode()}"

    return link


def _month(text: str, zone) -> date:
    """The calendar's month from `YYYY-MM`; anything else (or a year no one logs in, whose
    neighbours would not be dates) is this month."""
    try:
        month = datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        month = None
    if month is None or not 1900 <= month.year <= 2200:
        month = timezone.now().astimezone(zone).date().replace(day=1)
    return month


def _workout_rows(workouts):
    return (
        workouts.select_related("insight")
        .annotate(
            set_count=reads.set_count_of(OuterRef("pk")),
            tonnage=reads.tonnage_of(OuterRef("pk")),
        )
        .prefetch_related(
            Prefetch("exercises", queryset=WorkoutExercise.objects.select_related("exercise"))
        )
        .order_by("-started_at", "-id")
    )


def _date(text: str) -> date | None:
    """A filter's date, or None for anything else (a year outside 1900-2200 too: its local
    midnight may not convert to UTC)."""
    try:
        day = datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        return None
    return day if 1900 <= day.year <= 2200 else None


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


def celebrate_saved_records(sender, request: HttpRequest, workout: Workout, **kwargs) -> None:
    """On a save from the web form, flash the records the workout broke, each exercise
    linked to its page and the lot to the records page (`logbook.views.workout_saved_on_web`)."""
    celebrations = selectors.workout_celebrations(workout)
    if not celebrations:
        return
    units = get_profile(request.user).units
    html = render_to_string(
        "insights/_records_flash.html",
        {"rows": [(c, records.phrases(c, units)) for c in celebrations]},
    )
    messages.success(request, mark_safe(html.strip()))  # the template escapes what users typed
