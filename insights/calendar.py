"""The history's month calendar: weeks Monday to Sunday, each day with its workouts marked
by kind. The kind is said in a letter and a label as well as a colour (never colour
alone). Pure: rows in, a grid of plain dicts out (tests/insights/test_calendar.py)."""

from calendar import Calendar
from collections.abc import Callable
from datetime import date, datetime

from insights.weekly_email import MODALITY_LABELS

LETTERS = {
    "heavy_resistance": "H",
    "high_volume": "V",
    "hiit": "I",
    "endurance": "E",
    "general": "G",
}
UNCLASSIFIED = ("pending", "·", "Not classified yet")


def month_calendar(
    month: date,
    rows: list[tuple[int, datetime, str, str]],
    link: Callable[..., str],
) -> dict:
    """`rows` are (id, local start, title, kind) of the month's workouts; `link(**params)`
    makes a history link with the current filters changed (None drops one)."""
    by_day: dict[date, list[dict]] = {}
    for pk, started_at, title, kind in rows:
        letter = LETTERS.get(kind, UNCLASSIFIED[1])
        label = MODALITY_LABELS.get(kind, UNCLASSIFIED[2])
        by_day.setdefault(started_at.date(), []).append(
            {
                "id": pk,
                "title": title,
                "kind": kind or UNCLASSIFIED[0],
                "letter": letter,
                "label": label,
            }
        )
    weeks = []
    for week in Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(
            [
                {
                    "date": day,
                    "in_month": day.month == month.month,
                    "workouts": by_day.get(day, []),
                    "link": link(**{"from": day.isoformat(), "to": day.isoformat(), "page": None}),
                }
                for day in week
            ]
        )
    previous = (month.replace(day=1) - _DAY).replace(day=1)
    following = (month.replace(day=28) + 4 * _DAY).replace(day=1)
    return {
        "month": month,
        "title": f"{month:%B %Y}",
        "weeks": weeks,
        "count": len(rows),
        "previous": link(month=f"{previous:%Y-%m}", page=None),
        "next": link(month=f"{following:%Y-%m}", page=None),
        "legend": [(code, LETTERS[code], label) for code, label in MODALITY_LABELS.items()],
    }


_DAY = date(2000, 1, 2) - date(2000, 1, 1)
