"""A week in numbers (insights.weekly): local ISO weeks, DST, counts, WHO minutes, load, recovery.

Plain functions over frozen dataclasses, no database. Formulas: evidence.md sections 2c and 3.
"""

import itertools
import json
import math
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from insights.weekly import (
    SessionSummary,
    WeekMetrics,
    close_hard_sessions,
    daily_loads,
    hard_day_streak,
    is_hard,
    iso_week,
    monotony_and_strain,
    session_load,
    shift_week,
    week_bounds,
    week_metrics,
    week_start,
)
from tests.docs import API_MD

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
AUCKLAND = ZoneInfo("Pacific/Auckland")  # UTC+13 in November (NZDT)
TONGATAPU = ZoneInfo("Pacific/Tongatapu")  # UTC+13 all year
HONOLULU = ZoneInfo("Pacific/Honolulu")  # UTC−10 all year

WEEK = "2026-W47"  # Monday 16 November 2026, as in API.md's example
MONDAY = date(2026, 11, 16)

_ids = itertools.count(1)


def local(day, hour=18, minute=0, zone=BERLIN) -> datetime:
    """`hour:minute` local time in `zone` on `day`: a date, or days after MONDAY (may be < 0)."""
    if isinstance(day, int):
        day = MONDAY + timedelta(days=day)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def session(
    day=0,
    hour=18,
    minute=0,
    *,
    zone=BERLIN,
    primary="general",
    qualifying=(),
    minutes=60,
    rpe=None,
    exerkines=(),
    moderate=0,
    vigorous=0,
    working_sets=0,
    hard_sets=None,
    intensity=None,
    workout_id=None,
) -> SessionSummary:
    return SessionSummary(
        workout_id=next(_ids) if workout_id is None else workout_id,
        start=local(day, hour, minute, zone),
        minutes=minutes,
        session_rpe=rpe,
        primary=primary,
        qualifying=tuple(qualifying),
        exerkines=tuple(exerkines),
        moderate_minutes=moderate,
        vigorous_minutes=vigorous,
        working_sets=working_sets,
        hard_sets_by_muscle=dict(hard_sets or {}),
        intensity=intensity,
    )


def lift(day=0, hour=18, minute=0, *, muscle="chest", hard=5, **kwargs) -> SessionSummary:
    """A heavy lifting session with `hard` hard sets for one muscle group."""
    kwargs.setdefault("primary", "heavy_resistance")
    kwargs.setdefault("working_sets", hard)
    return session(day, hour, minute, hard_sets={muscle: hard}, **kwargs)


def in_utc(s: SessionSummary) -> SessionSummary:
    """The session with its start in UTC, as Django hands it over."""
    return SessionSummary(**{**s.__dict__, "start": s.start.astimezone(UTC)})


def metrics(sessions=(), *, week=WEEK, zone=BERLIN, earlier=(), history=()) -> WeekMetrics:
    return week_metrics(week, zone, list(sessions), list(earlier), list(history))


def past_week(weeks_back: int, daily: list[float], *, zone=BERLIN) -> WeekMetrics:
    """An earlier week's metrics whose 7 daily loads are `daily` (RPE 1 × minutes)."""
    week = shift_week(WEEK, -weeks_back)
    monday = week_start(week)
    sessions = [
        session(monday + timedelta(days=i), rpe=1, minutes=load, zone=zone)
        for i, load in enumerate(daily)
        if load
    ]
    return week_metrics(week, zone, sessions, [], [])


def utc_hours(start: datetime, end: datetime) -> float:
    """Elapsed hours between two instants (same-tzinfo aware datetimes subtract as wall time)."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600


# --- ISO weeks in the user's own zone -----------------------------------------------------------


@pytest.mark.parametrize("zone", [AUCKLAND, TONGATAPU, HONOLULU], ids=str)
def test_sunday_2330_local_is_in_that_iso_week_and_monday_0001_in_the_next(zone):
    sunday_late = local(date(2026, 11, 15), 23, 30, zone)
    monday_early = local(date(2026, 11, 16), 0, 1, zone)

    assert iso_week(sunday_late, zone) == "2026-W46"
    assert iso_week(monday_early, zone) == "2026-W47"


@pytest.mark.parametrize(
    ("own_zone", "moment", "own_week", "other_zone", "other_week"),
    [
        # Honolulu Sunday 23:30 is Monday 22:30 in Auckland.
        (HONOLULU, (date(2026, 11, 15), 23, 30), "2026-W46", AUCKLAND, "2026-W47"),
        (HONOLULU, (date(2026, 11, 15), 23, 30), "2026-W46", TONGATAPU, "2026-W47"),
        # Auckland Monday 00:30 is still Sunday 01:30 in Honolulu.
        (AUCKLAND, (date(2026, 11, 16), 0, 30), "2026-W47", HONOLULU, "2026-W46"),
    ],
    ids=["honolulu-vs-auckland", "honolulu-vs-tongatapu", "auckland-vs-honolulu"],
)
def test_the_same_instant_falls_in_different_local_weeks_for_different_users(
    own_zone, moment, own_week, other_zone, other_week
):
    instant = local(*moment, zone=own_zone)

    assert iso_week(instant, own_zone) == own_week
    assert iso_week(instant, other_zone) == other_week
    assert iso_week(instant.astimezone(UTC), own_zone) == own_week  # any representation


def test_a_session_lands_on_each_users_own_local_day_in_their_own_week():
    s = session(date(2026, 11, 15), 23, 30, zone=HONOLULU, rpe=5, minutes=60)

    honolulu = metrics([s], week="2026-W46", zone=HONOLULU)
    auckland = metrics([s], week="2026-W47", zone=AUCKLAND)

    assert honolulu.daily_loads == [0, 0, 0, 0, 0, 0, 300]  # Sunday in Honolulu
    assert auckland.daily_loads == [300, 0, 0, 0, 0, 0, 0]  # Monday 22:30 in Auckland


@pytest.mark.parametrize("zone", [AUCKLAND, TONGATAPU, HONOLULU], ids=str)
def test_a_session_just_after_local_monday_midnight_belongs_to_the_new_week(zone):
    first_minute = session(date(2026, 11, 16), 0, 1, zone=zone, rpe=2, minutes=30)
    last_minute = session(date(2026, 11, 15), 23, 59, zone=zone, rpe=2, minutes=30)

    assert metrics([first_minute], zone=zone).daily_loads[0] == 60
    assert daily_loads([last_minute], MONDAY, zone) == [0] * 7  # last week's, not Monday's
    assert daily_loads([last_minute], MONDAY - timedelta(days=7), zone)[6] == 60


@pytest.mark.parametrize(
    ("zone", "start_utc"),
    [
        (AUCKLAND, datetime(2026, 11, 15, 11, 0, tzinfo=UTC)),
        (TONGATAPU, datetime(2026, 11, 15, 11, 0, tzinfo=UTC)),
        (HONOLULU, datetime(2026, 11, 16, 10, 0, tzinfo=UTC)),
    ],
    ids=["auckland", "tongatapu", "honolulu"],
)
def test_week_bounds_run_from_local_monday_midnight_to_the_next_monday_midnight(zone, start_utc):
    start, end = week_bounds(WEEK, zone)

    assert start.astimezone(zone).replace(tzinfo=None) == datetime(2026, 11, 16, 0, 0)
    assert end.astimezone(zone).replace(tzinfo=None) == datetime(2026, 11, 23, 0, 0)
    assert start.astimezone(UTC) == start_utc
    assert utc_hours(start, end) == 168


def test_week_start_is_the_iso_monday_and_rejects_non_weeks():
    assert week_start(WEEK) == MONDAY
    assert week_start("2026-W53") == date(2026, 12, 28)  # 2026 has 53 ISO weeks
    assert shift_week("2026-W53", 1) == "2027-W01"
    for bad in ("2027-W53", "2026-47", "2026-W7", "current"):
        with pytest.raises(ValueError, match="week"):
            week_start(bad)


# --- Weeks with a DST change -------------------------------------------------------------------

# 2026: Berlin springs forward on Sunday 29 March (W13) and falls back on Sunday 25 October,
# which is in W43; New York springs forward on Sunday 8 March, which is in W10.
DST_WEEKS = [
    pytest.param(BERLIN, "2026-W13", date(2026, 3, 29), 167, id="berlin-spring-forward"),
    pytest.param(BERLIN, "2026-W43", date(2026, 10, 25), 169, id="berlin-fall-back"),
    pytest.param(NEW_YORK, "2026-W10", date(2026, 3, 8), 167, id="new-york-spring-forward"),
]


def test_the_dst_sundays_are_in_the_weeks_used_here():
    weeks = [p.values[2].isocalendar()[:2] for p in DST_WEEKS]
    assert weeks == [(2026, 13), (2026, 43), (2026, 10)]


@pytest.mark.parametrize(("zone", "week", "sunday", "hours"), DST_WEEKS)
def test_a_dst_week_is_167_or_169_hours_long(zone, week, sunday, hours):
    start, end = week_bounds(week, zone)

    assert utc_hours(start, end) == hours
    assert start.astimezone(zone).hour == 0
    assert end.astimezone(zone).hour == 0
    assert end.astimezone(zone).date() == sunday + timedelta(days=1)


@pytest.mark.parametrize("zone", [BERLIN, NEW_YORK, AUCKLAND, HONOLULU], ids=str)
def test_an_ordinary_week_is_168_hours_long(zone):
    start, end = week_bounds(WEEK, zone)
    assert utc_hours(start, end) == 168


@pytest.mark.parametrize(("zone", "week", "sunday", "hours"), DST_WEEKS)
def test_a_session_at_2330_on_the_dst_sunday_is_in_that_week(zone, week, sunday, hours):
    s = session(sunday, 23, 30, zone=zone, rpe=4, minutes=45)
    start, end = week_bounds(week, zone)

    assert iso_week(s.start, zone) == week
    assert start.astimezone(UTC) <= s.start.astimezone(UTC) < end.astimezone(UTC)
    assert metrics([s], week=week, zone=zone).daily_loads == [0, 0, 0, 0, 0, 0, 180]


@pytest.mark.parametrize(("zone", "week", "sunday", "hours"), DST_WEEKS)
@pytest.mark.parametrize(("hour", "minute"), [(0, 30), (23, 30)])
def test_daily_loads_land_on_the_right_local_day_in_a_dst_week(
    zone, week, sunday, hours, hour, minute
):
    monday = week_start(week)
    sessions = [
        session(monday + timedelta(days=i), hour, minute, zone=zone, rpe=1, minutes=10 * (i + 1))
        for i in range(7)
    ]
    # Sunday 03:30 exists on both change days (02:00–03:00 is skipped or repeated).
    sessions.append(session(sunday, 3, 30, zone=zone, rpe=1, minutes=5))

    m = metrics(sessions, week=week, zone=zone)

    assert m.daily_loads == [10, 20, 30, 40, 50, 60, 75]
    assert m.load == 285


# --- Counts, variety, exerkines ----------------------------------------------------------------


def test_sessions_are_counted_and_modalities_counted_by_primary_with_all_five_keys():
    m = metrics(
        [
            session(0, primary="heavy_resistance", qualifying=("heavy_resistance", "high_volume")),
            session(2, primary="heavy_resistance"),
            session(4, primary="hiit"),
        ]
    )

    assert m.sessions == 3
    assert m.modalities == {
        "heavy_resistance": 2,
        "high_volume": 0,  # a secondary qualifying modality is not a primary
        "hiit": 1,
        "endurance": 0,
        "general": 0,
    }


def test_an_empty_week_still_has_all_five_modality_keys():
    m = metrics([])

    assert m.sessions == 0
    assert m.modalities == dict.fromkeys(
        ["heavy_resistance", "high_volume", "hiit", "endurance", "general"], 0
    )


@pytest.mark.parametrize(
    ("sessions", "distinct", "score"),
    [
        ([], 0, 0.0),
        ([("general", ())], 0, 0.0),
        ([("endurance", ())], 1, 0.25),  # no qualifying list: the primary counts
        ([("heavy_resistance", ("heavy_resistance", "high_volume"))], 2, 0.5),
        ([("hiit", ("hiit",)), ("hiit", ("hiit",)), ("general", ())], 1, 0.25),
        ([("hiit", ("hiit", "endurance")), ("high_volume", ("high_volume",))], 3, 0.75),
        (
            [
                ("heavy_resistance", ("heavy_resistance",)),
                ("high_volume", ("high_volume",)),
                ("hiit", ("hiit",)),
                ("endurance", ("endurance",)),
            ],
            4,
            1.0,
        ),
    ],
    ids=["none", "general-only", "primary-only", "two-in-one", "repeats", "three", "all-four"],
)
def test_variety_counts_distinct_qualifying_modalities_of_the_four(sessions, distinct, score):
    m = metrics([session(i, primary=p, qualifying=q) for i, (p, q) in enumerate(sessions)])

    assert m.distinct_modalities == distinct
    assert m.variety_score == score
    assert m.as_dict()["variety"] == {"distinct_modalities": distinct, "score": score}


def test_exerkines_touched_is_the_deduplicated_union_over_sessions():
    m = metrics(
        [
            session(0, exerkines=("IL-6", "myostatin")),
            session(1, exerkines=("IL-6", "BDNF", "FGF21")),
            session(2, exerkines=("BDNF",)),
            session(3),
        ]
    )

    assert sorted(m.exerkines_touched) == ["BDNF", "FGF21", "IL-6", "myostatin"]
    assert len(m.exerkines_touched) == len(set(m.exerkines_touched))


# --- WHO minutes and muscle-strengthening days ---------------------------------------------------


def test_who_minutes_sum_moderate_and_vigorous_and_count_vigorous_double():
    m = metrics(
        [
            session(0, moderate=60),
            session(2, moderate=30, vigorous=10),
            session(4, vigorous=15),
        ]
    )

    assert (m.moderate_minutes, m.vigorous_minutes) == (90, 25)
    assert m.who_equivalent == 90 + 2 * 25
    assert m.as_dict()["minutes"] == {
        "moderate": 90,
        "vigorous": 25,
        "who_equivalent": 140,
        "strength_days": 0,
    }


@pytest.mark.parametrize(
    ("lifts", "days"),
    [
        ([], 0),
        ([(1, 7, 0)], 1),
        ([(1, 7, 0), (1, 19, 0)], 1),  # two lifting sessions on one day count once
        ([(1, 7, 0), (3, 18, 0)], 2),
        ([(1, 23, 30), (2, 0, 30)], 2),  # an hour apart, but two local days
        ([(0, 8, 0), (2, 8, 0), (4, 8, 0), (4, 20, 0)], 3),
    ],
)
def test_strength_days_are_distinct_local_days_with_working_sets(lifts, days):
    sessions = [in_utc(lift(d, h, mi, hard=4)) for d, h, mi in lifts]  # 00:30 is 23:30 UTC
    sessions.append(session(5, primary="endurance", working_sets=0, moderate=40))  # no sets

    assert metrics(sessions).strength_days == days


# --- Load: session RPE × minutes, monotony, strain, 4-week comparison ---------------------------


def test_session_load_is_session_rpe_times_minutes():
    assert session_load(session(rpe=7, minutes=60)) == (420, False)
    assert session_load(session(rpe=0, minutes=60)) == (0, False)  # rated 0 is not missing


@pytest.mark.parametrize(
    ("primary", "intensity"),
    [
        ("heavy_resistance", None),
        ("high_volume", None),
        ("hiit", None),
        ("endurance", "moderate"),
        ("endurance", None),
        ("general", None),
    ],
)
def test_without_session_rpe_the_load_is_estimated_from_the_modality(primary, intensity):
    load, estimated = session_load(session(primary=primary, intensity=intensity, minutes=40))
    double, _ = session_load(session(primary=primary, intensity=intensity, minutes=80))

    assert estimated is True
    assert 0 < load <= 10 * 40  # an assumed CR-10 rating × minutes
    assert double == 2 * load


def test_estimated_load_is_higher_for_harder_kinds_of_session():
    def estimate(**kwargs):
        return session_load(session(minutes=30, **kwargs))[0]

    assert estimate(primary="hiit") > estimate(primary="general")
    assert estimate(primary="heavy_resistance") > estimate(primary="general")
    assert estimate(primary="endurance", intensity="vigorous") > estimate(
        primary="endurance", intensity="light"
    )


@pytest.mark.parametrize(
    ("rpes", "estimated"),
    [([], False), ([5, 6], False), ([5, None], True), ([None], True)],
)
def test_week_load_is_flagged_estimated_when_any_session_lacks_session_rpe(rpes, estimated):
    m = metrics([session(i, primary="hiit", rpe=r) for i, r in enumerate(rpes)])

    assert m.load_estimated is estimated
    assert m.as_dict()["load"]["estimated"] is estimated


def test_daily_loads_sum_each_local_day_with_rest_days_as_zero():
    m = metrics(
        [
            session(0, rpe=5, minutes=60),
            session(2, 7, rpe=4, minutes=50),
            session(2, 19, rpe=2, minutes=50),
        ]
    )

    assert m.daily_loads == [300, 0, 300, 0, 0, 0, 0]
    assert m.load == 600
    assert m.as_dict()["load"]["weekly"] == 600


def test_monotony_is_mean_over_population_sd_and_strain_is_weekly_load_times_monotony():
    # 300 on four days, 0 on three: mean 1200/7, population SD 300·√12/7, monotony 4/√12.
    days = [300, 0, 300, 0, 300, 0, 300]
    m = metrics([session(i, rpe=5, minutes=60) for i, load in enumerate(days) if load])

    mu = sum(days) / 7
    population_sd = math.sqrt(sum((x - mu) ** 2 for x in days) / 7)
    sample_sd = math.sqrt(sum((x - mu) ** 2 for x in days) / 6)
    assert m.monotony == pytest.approx(mu / population_sd) == pytest.approx(4 / math.sqrt(12))
    assert m.monotony != pytest.approx(mu / sample_sd)
    assert m.strain == pytest.approx(1200 * 4 / math.sqrt(12))
    assert m.as_dict()["load"]["monotony"] == 1.15
    assert m.as_dict()["load"]["strain"] == 1386


def test_monotony_of_a_single_session_week():
    m = metrics([session(3, rpe=6, minutes=50)])

    assert m.monotony == pytest.approx(1 / math.sqrt(6))  # (L/7) / (L·√6/7)
    assert m.strain == pytest.approx(300 / math.sqrt(6))


@pytest.mark.parametrize(
    "days",
    [[0] * 7, [200] * 7],
    ids=["no-sessions", "equal-load-every-day"],
)
def test_monotony_and_strain_are_undefined_when_the_daily_loads_do_not_vary(days):
    m = metrics([session(i, rpe=4, minutes=load / 4) for i, load in enumerate(days) if load])

    assert m.daily_loads == days
    assert monotony_and_strain(days) == (None, None)
    assert (m.monotony, m.strain) == (None, None)
    assert (m.as_dict()["load"]["monotony"], m.as_dict()["load"]["strain"]) == (None, None)


def test_acwr_is_this_week_over_the_mean_of_the_previous_four_weeks():
    loads = [1000, 800, 1200, 1000]  # newest first
    history = [past_week(n, [load, 0, 0, 0, 0, 0, 0]) for n, load in enumerate(loads, 1)]
    m = metrics([session(1, rpe=5, minutes=300)], history=history)  # 1500

    assert [h.load for h in history] == [1000, 800, 1200, 1000]
    assert m.four_week_average == 1000
    assert m.load_ratio == pytest.approx(1.5)
    assert m.as_dict()["load"]["acwr"] == 1.5


def test_acwr_uses_only_the_newest_four_weeks_of_history():
    loads = [500, 500, 500, 500, 5000, 5000]  # newest first
    history = [past_week(n, [load, 0, 0, 0, 0, 0, 0]) for n, load in enumerate(loads, 1)]
    m = metrics([session(1, rpe=5, minutes=100)], history=history)  # 500

    assert m.load_ratio == pytest.approx(1.0)


@pytest.mark.parametrize("weeks", [0, 1, 2])
def test_acwr_is_none_with_fewer_than_three_trained_weeks_among_the_previous_four(weeks):
    history = [past_week(n, [1000, 0, 0, 0, 0, 0, 0]) for n in range(1, weeks + 1)]
    m = metrics([session(1, rpe=5, minutes=300)], history=history)

    assert m.load_ratio is None
    assert m.as_dict()["load"]["acwr"] is None


def test_acwr_is_none_not_a_division_by_zero_after_four_empty_weeks():
    history = [past_week(n, [0] * 7) for n in range(1, 5)]
    m = metrics([session(1, rpe=5, minutes=60)], history=history)

    assert m.load_ratio is None


# --- Same muscles trained hard less than 48 h apart ---------------------------------------------


@pytest.mark.parametrize(
    ("second", "close"),
    [
        ((1, 6, 0), True),  # 12 h
        ((1, 18, 0), True),  # 24 h
        ((2, 17, 59), True),  # 47 h 59 min
        ((2, 18, 0), False),  # 48 h exactly
        ((3, 9, 0), False),  # 63 h
    ],
)
def test_same_muscles_hard_less_than_48_hours_apart_are_found(second, close):
    first = lift(0, 18, 0, muscle="chest", hard=5)
    later = lift(*second, muscle="chest", hard=5)

    found = metrics([later, first]).close_sessions  # any order in

    assert bool(found) is close
    if close:
        assert found == [
            {
                "muscles": ["chest"],
                "workouts": [first.workout_id, later.workout_id],
                "hours_apart": round(utc_hours(first.start, later.start)),
            }
        ]


@pytest.mark.parametrize(
    ("first_sets", "second_sets", "close"),
    [
        (4, 4, True),
        (4, 3, False),
        (3, 4, False),
        (3, 3, False),
        (10, 0, False),
    ],
)
def test_only_sessions_with_at_least_four_hard_sets_for_the_muscle_count(
    first_sets, second_sets, close
):
    sessions = [lift(0, hard=first_sets), lift(1, hard=second_sets)]

    assert bool(close_hard_sessions(sessions)) is close


def test_only_the_muscle_groups_both_sessions_worked_hard_are_listed():
    first = session(0, hard_sets={"chest": 5, "back": 6, "legs": 2})
    second = session(1, hard_sets={"chest": 4, "legs": 8, "back": 3})

    assert close_hard_sessions([first, second])[0]["muscles"] == ["chest"]
    assert close_hard_sessions([first, session(1, hard_sets={"legs": 8})]) == []


def test_a_close_pair_across_the_week_start_is_found_through_earlier():
    sunday = lift(-1, 20, 0, muscle="legs", hard=6)  # last week's Sunday evening
    monday = lift(0, 18, 0, muscle="legs", hard=6)

    assert metrics([monday]).close_sessions == []
    assert metrics([monday], earlier=[sunday]).close_sessions == [
        {"muscles": ["legs"], "workouts": [sunday.workout_id, monday.workout_id], "hours_apart": 22}
    ]


def test_a_close_pair_entirely_in_the_previous_week_is_not_this_weeks():
    # Last week's Saturday + Sunday belong to last week's report, not to this one.
    saturday = lift(-2, 10, 0, muscle="back", hard=6)
    sunday = lift(-1, 10, 0, muscle="back", hard=6)
    monday = lift(0, 8, 0, muscle="back", hard=6)

    assert metrics([], earlier=[saturday, sunday]).close_sessions == []
    pairs = metrics([monday], earlier=[saturday, sunday]).close_sessions
    assert [p["workouts"] for p in pairs] == [
        [saturday.workout_id, monday.workout_id],  # 46 h
        [sunday.workout_id, monday.workout_id],  # 22 h
    ]


# Aware datetimes sharing one tzinfo subtract as wall-clock time; the 48 h are elapsed hours.
@pytest.mark.parametrize(
    ("first", "second", "close"),
    [
        # Spring forward: Fri 20:00 → Sun 20:30 is 48.5 h on the clock, 47.5 h elapsed.
        ((date(2026, 3, 27), 20, 0), (date(2026, 3, 29), 20, 30), True),
        # Fall back: Sat 20:00 → Mon 19:30 is 47.5 h on the clock, 48.5 h elapsed.
        ((date(2026, 10, 24), 20, 0), (date(2026, 10, 26), 19, 30), False),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_the_48_hours_are_elapsed_hours_across_a_dst_change(first, second, close):
    pair = [lift(*first, zone=BERLIN), lift(*second, zone=BERLIN)]

    assert bool(close_hard_sessions(pair)) is close


def test_the_48_hours_are_elapsed_hours_when_starts_are_in_utc():
    # The same spring-forward pair as stored by Django (UTC): 47.5 h elapsed, so close.
    pair = [
        lift(date(2026, 3, 27), 20, 0, zone=BERLIN),
        lift(date(2026, 3, 29), 20, 30, zone=BERLIN),
    ]
    assert close_hard_sessions([in_utc(s) for s in pair])[0]["hours_apart"] == 48  # round(47.5)


# --- Consecutive hard days ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("primary", "rpe", "hard"),
    [
        ("heavy_resistance", None, True),
        ("high_volume", None, True),
        ("hiit", None, True),
        ("hiit", 3, True),  # the kind of session is enough
        ("endurance", None, False),
        ("endurance", 6.5, False),
        ("endurance", 7, True),
        ("general", 9, True),
        ("general", None, False),
    ],
)
def test_a_session_is_hard_by_its_primary_or_a_session_rpe_of_7_or_more(primary, rpe, hard):
    assert is_hard(session(primary=primary, rpe=rpe)) is hard


@pytest.mark.parametrize(
    ("days", "streak"),
    [
        ([], 0),
        ([0], 1),
        ([0, 1, 2], 3),
        ([0, 1, 3, 4], 2),  # broken by a rest day
        ([4, 5, 6], 3),
        ([0, 0, 1], 2),  # two sessions on one day are one day
        ([0, 0, 1, 1, 2, 2], 3),
        ([0, 1, 2, 3, 4, 5, 6], 7),
    ],
)
def test_hard_day_streak_counts_consecutive_local_days_with_a_hard_session(days, streak):
    sessions = [session(d, 7 + 6 * (i % 2), primary="hiit") for i, d in enumerate(days)]

    assert hard_day_streak(sessions, BERLIN) == streak
    assert metrics(sessions).hard_day_streak == streak


def test_an_easy_day_breaks_a_streak_but_an_easy_session_on_a_hard_day_does_not():
    hard = {"primary": "heavy_resistance"}
    easy = {"primary": "endurance", "rpe": 3}

    broken = [session(0, **hard), session(1, **easy), session(2, **hard), session(3, **hard)]
    kept = [session(0, **hard), session(1, 7, **easy), session(1, 19, **hard), session(2, **hard)]

    assert metrics(broken).hard_day_streak == 2
    assert metrics(kept).hard_day_streak == 3


def test_hard_days_are_local_days():
    late = session(1, 23, 30, zone=HONOLULU, primary="hiit")  # Tuesday in Honolulu
    early = session(2, 0, 30, zone=HONOLULU, primary="hiit")  # Wednesday

    assert hard_day_streak([late, early], HONOLULU) == 2
    assert hard_day_streak([late, early], AUCKLAND) == 1  # one Wednesday in Auckland


# --- The API body -------------------------------------------------------------------------------


def _api_example() -> dict:
    text = API_MD.read_text(encoding="utf-8")
    _, sep, weeks = text.partition("\n## Weeks")
    assert sep, "docs/api.md has no Weeks section"
    block = re.search(r"```json\n(.*?)```", weeks, re.DOTALL)
    assert block, "the Weeks section of docs/api.md has no JSON example"
    body = json.loads(block.group(1))
    body.pop("status")  # added by the view, not by WeekMetrics
    return body


def _missing_keys(expected, actual, path="") -> list[str]:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [path or "<root>"]
        missing = []
        for key, value in expected.items():
            if path in (".exerkine_evidence", ".hard_sets_by_muscle"):
                continue  # keyed by the week's molecules or muscles
            if key not in actual:
                missing.append(f"{path}.{key}".lstrip("."))
            else:
                missing += _missing_keys(value, actual[key], f"{path}.{key}")
        return missing
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        if not isinstance(actual, list) or not actual:
            return [f"{path}[]"]
        return [m for item in actual for m in _missing_keys(expected[0], item, f"{path}[]")]
    return []


def test_as_dict_has_every_key_of_the_api_example():
    m = metrics(
        [
            lift(0, muscle="legs", rpe=8, moderate=0, exerkines=("IL-6", "myostatin")),
            session(2, primary="endurance", rpe=4, moderate=60, exerkines=("IL-6", "BDNF")),
        ],
        history=[past_week(n, [500, 0, 300, 0, 0, 0, 0]) for n in range(1, 5)],
    )
    body = m.as_dict()

    assert body["recommendations"], "the example needs a recommendation to check its keys"
    assert _missing_keys(_api_example(), body) == []
    assert set(body["modalities"]) == set(_api_example()["modalities"])


def test_as_dict_is_json_with_the_week_and_its_monday():
    body = metrics([session(0, rpe=5)]).as_dict()

    assert json.loads(json.dumps(body)) == body
    assert (body["week"], body["start"]) == ("2026-W47", "2026-11-16")  # as in API.md
    assert all(set(r) >= {"code", "message"} for r in body["recommendations"])


def test_the_api_example_check_notices_a_missing_key():
    body = metrics([session(0, rpe=5)]).as_dict()
    del body["load"]["acwr"]
    del body["variety"]

    assert _missing_keys(_api_example(), body) == ["variety", "load.acwr"]
