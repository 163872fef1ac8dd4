"""The month calendar as a pure function: weeks Monday first, workouts on their local day,
each kind said by a letter and a label, links that keep the other filters."""

from datetime import UTC, date, datetime

from insights.calendar import month_calendar


def link(**changes):
    return "?" + "&".join(f"{k}={v}" for k, v in sorted(changes.items()) if v is not None)


def test_days_fall_in_monday_first_weeks_with_each_kind_named():
    rows = [
        (1, datetime(2026, 11, 2, 7, tzinfo=UTC), "Squat day", "heavy_resistance"),
        (2, datetime(2026, 11, 2, 18, tzinfo=UTC), "Run", "endurance"),
        (3, datetime(2026, 11, 30, 7, tzinfo=UTC), "New", ""),
    ]
    cal = month_calendar(date(2026, 11, 1), rows, link)

    assert cal["title"] == "November 2026"
    assert cal["weeks"][0][0]["date"] == date(2026, 10, 26)  # a Monday, outside the month
    assert not cal["weeks"][0][0]["in_month"]
    day = next(d for w in cal["weeks"] for d in w if d["date"] == date(2026, 11, 2))
    assert [(w["letter"], w["label"]) for w in day["workouts"]] == [
        ("H", "Heavy lifting"),
        ("E", "Endurance"),
    ]
    assert day["link"] == "?from=2026-11-02&to=2026-11-02"
    last = cal["weeks"][-1][0]
    assert last["workouts"][0]["label"] == "Not classified yet"
    assert cal["count"] == 3


def test_previous_and_next_cross_the_year():
    assert month_calendar(date(2026, 1, 1), [], link)["previous"] == "?month=2025-12"
    assert month_calendar(date(2026, 12, 1), [], link)["next"] == "?month=2027-01"
