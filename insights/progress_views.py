"""The progress pages: one per exercise (its sessions, charts and records table) and the
records page across exercises. Records are worked out on read from grouped sets
(`selectors.exercise_sessions`, one query), never stored in the database; the records page's
books are kept in the cache under the user's change clock."""

from datetime import date, datetime, timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from insights import records, reports, selectors
from insights.charts import Bar, Series, bar_chart, fmt, line_chart
from insights.weekly import iso_week, shift_week, week_bounds
from logbook.models import Exercise
from logbook.selectors import get_profile
from logbook.units import load_to_display, load_unit

SESSIONS_PAGE = 20
RECORDS_PAGE = 50
VOLUME_WEEKS = 12
RANGES = {"1y": 365, "all": None}


@login_required
def exercise_page(request: HttpRequest, id: int) -> HttpResponse:
    exercise = selectors.viewable_exercise(request.user, id)
    if exercise is None:
        raise Http404("No such exercise")
    units = get_profile(request.user).units
    sessions = selectors.exercise_sessions(request.user, [exercise.pk]).get(exercise.pk, [])
    book = records.record_book(sessions)
    chosen = request.GET.get("range", "1y")
    chosen = chosen if chosen in RANGES else "1y"
    page = Paginator(selectors.exercise_entries(request.user, exercise), SESSIONS_PAGE).get_page(
        request.GET.get("page")
    )
    broken = _session_records(book)
    for entry in page.object_list:
        entry.records = broken.get(entry.workout_id, [])
    return render(
        request,
        "insights/exercise.html",
        {
            "exercise": exercise,
            "page": page,
            "table": book.table(),
            "ranges": [("1y", "Last 12 months"), ("all", "All time")],
            "range": chosen,
            **_exercise_charts(request.user, sessions, units, RANGES[chosen]),
        },
    )


def _session_records(book: records.Book) -> dict[int, list[records.Record]]:
    by_workout: dict[int, list[records.Record]] = {}
    for r in book.broken:
        by_workout.setdefault(r.workout_id, []).append(r)
    return by_workout


def _exercise_charts(user, sessions: list[records.Session], units: str, days: int | None) -> dict:
    """The e1RM and heaviest-set lines over the chosen range, weekly volume over 12 weeks,
    and the table of the same figures by month."""
    zone = reports.user_zone(user)
    today = timezone.now().astimezone(zone).date()
    unit = load_unit(units)
    bests = [(s, records.session_bests(s)) for s in sessions]
    first = sessions[0].started_at.astimezone(zone).date() if sessions else today
    start = max(first, today - timedelta(days=days)) if days else first
    start = min(start, today - timedelta(days=28))
    shown = [(s, b) for s, b in bests if s.started_at.astimezone(zone).date() >= start]

    def line(kind: str) -> tuple[tuple[datetime, float], ...]:
        return tuple(
            (s.started_at.astimezone(zone), load_to_display(b[kind].value, units))
            for s, b in shown
            if kind in b
        )

    e1rm, heaviest = line(records.E1RM), line(records.HEAVIEST)
    lines = None
    if e1rm or heaviest:
        summary = _line_summary(e1rm, heaviest, unit)
        lines = line_chart(
            [
                Series("Estimated 1RM", e1rm),
                Series("Heaviest set", heaviest, colour="#c2410c", dashed=True),
            ],
            unit=unit,
            summary=summary,
            start=start,
            end=today,
        )
    volume = _weekly_volume(sessions, zone, units)
    months = _by_month(shown, zone, units)
    return {
        "progress_chart": lines,
        "volume_chart": bar_chart(
            volume,
            unit=unit,
            summary="Weekly volume (reps × load), last 12 weeks: "
            + ", ".join(b.title for b in volume),
        )
        if any(b.value for b in volume)
        else None,
        "volume_weeks": volume,
        "months": months,
        "unit": unit,
    }


def _line_summary(e1rm, heaviest, unit: str) -> str:
    parts = []
    for name, points in (("Estimated 1RM", e1rm), ("heaviest set", heaviest)):
        if points:
            peak = max(points, key=lambda p: p[1])
            parts.append(
                f"{name}: latest {fmt(points[-1][1])} {unit} on {points[-1][0]:%d %b %Y}, "
                f"best {fmt(peak[1])} {unit} on {peak[0]:%d %b %Y}"
            )
    return "; ".join(parts)


def _weekly_volume(sessions: list[records.Session], zone, units: str) -> list[Bar]:
    now = timezone.now()
    current = iso_week(now, zone)
    weeks = [shift_week(current, -i) for i in range(VOLUME_WEEKS - 1, -1, -1)]
    oldest = week_bounds(weeks[0], zone)[0]
    totals = dict.fromkeys(weeks, 0.0)
    for s in sessions:
        if s.started_at >= oldest:
            week = iso_week(s.started_at, zone)
            if week in totals:
                totals[week] += sum(g.volume_kg for g in s.groups)
    unit = load_unit(units)
    bars = []
    for week in weeks:
        monday = week_bounds(week, zone)[0].date()
        value = round(load_to_display(totals[week], units) or 0)
        unfinished = week == current
        bars.append(
            Bar(
                label=f"{monday.day} {monday:%b}",
                value=value,
                unfinished=unfinished,
                title=f"week of {monday.day} {monday:%b}: {fmt(value)} {unit}"
                + (" so far" if unfinished else ""),
            )
        )
    return bars


def _by_month(shown, zone, units: str) -> list[dict]:
    """Best e1RM, heaviest set and total volume per month, newest first: the charts in words."""
    months: dict[date, dict] = {}
    for s, b in shown:
        month = s.started_at.astimezone(zone).date().replace(day=1)
        row = months.setdefault(
            month, {"month": month, "e1rm": 0.0, "heaviest": 0.0, "volume": 0.0, "sessions": 0}
        )
        row["sessions"] += 1
        for kind in (records.E1RM, records.HEAVIEST):
            if kind in b:
                row[kind] = max(row[kind], b[kind].value)
        row["volume"] += sum(g.volume_kg for g in s.groups)
    return [
        {**row, **{k: load_to_display(row[k], units) for k in ("e1rm", "heaviest", "volume")}}
        for _, row in sorted(months.items(), reverse=True)
    ]


@login_required
def records_page(request: HttpRequest) -> HttpResponse:
    """Every record broken, newest first, across the user's exercises (the books are kept
    under the user's change clock: `selectors.all_record_books`)."""
    books = selectors.all_record_books(request.user)
    selectors.note_records_reader(request.user)
    names = dict(Exercise.objects.filter(pk__in=list(books)).values_list("pk", "name"))
    page = Paginator(records.celebrations(books, names), RECORDS_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "insights/records.html", {"page": page})
