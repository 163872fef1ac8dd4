"""A GPS track that does not name its sport gets one from the device or app that wrote it,
its name, or its median moving speed (thresholds in logbook/imports/readers/sport.py)."""

from datetime import UTC, datetime, timedelta

import pytest

from logbook.imports.readers.sport import (
    RIDE_FROM_KMH,
    WALK_BELOW_KMH,
    Inferred,
    activity_named,
    infer_sport,
    moving_speed_kmh,
)

T0 = datetime(2026, 5, 1, 7, 0, tzinfo=UTC)


def steady(kmh: float, seconds: int, every: int = 5) -> list[tuple[datetime, float]]:
    return [(T0 + timedelta(seconds=s), kmh / 3.6 * s) for s in range(0, seconds + 1, every)]


@pytest.mark.parametrize(
    ("kmh", "activity"),
    [
        (5.0, "walk"),
        (WALK_BELOW_KMH - 0.1, "walk"),
        (WALK_BELOW_KMH, "run"),
        (11.0, "run"),
        (RIDE_FROM_KMH - 0.1, "run"),
        (RIDE_FROM_KMH, "ride"),
        (27.0, "ride"),
    ],
)
def test_speed_decides_when_nothing_else_does(kmh, activity):
    assert infer_sport("", "", kmh) == Inferred(
        activity, f"from speed (median {kmh:.1f} km/h while moving)"
    )


def test_the_message_names_the_sport_and_how():
    inferred = infer_sport("", "", 11.04)
    assert (
        inferred.message()
        == "Sport inferred as running from speed (median 11.0 km/h while moving)."
    )


def test_a_single_sport_device_beats_speed():
    inferred = infer_sport("Wahoo ELEMNT BOLT", "", 9.0)  # a slow climb is still a ride
    assert inferred.activity == "ride"
    assert inferred.how == "from its creator, 'Wahoo ELEMNT BOLT'"


def test_a_name_beats_speed_and_words_match_whole():
    assert infer_sport("StravaGPX", "Morning Run", 19.0).activity == "run"
    assert infer_sport("", "Evening Ride", 12.0).activity == "ride"
    assert infer_sport("", "Sunday hike", 8.0).activity == "walk"
    assert infer_sport("", "Brunch with friends", 4.0).activity == "walk"  # "run" in a word
    assert infer_sport("", "Brunch with friends", 4.0).how.startswith("from speed")


def test_nothing_to_go_on_is_none():
    assert infer_sport("StravaGPX", "Afternoon activity", None) is None


def test_the_median_moving_speed_leaves_stops_out():
    moving = steady(12.0, 1200)
    stopped_until = moving[-1][0] + timedelta(minutes=20)
    standing = [
        (moving[-1][0] + timedelta(seconds=s), moving[-1][1] + 0.1 * (s % 2))
        for s in range(5, 1200, 5)
    ]
    after = [
        (stopped_until + timedelta(seconds=s), moving[-1][1] + 12.0 / 3.6 * s)
        for s in range(0, 601, 5)
    ]
    assert moving_speed_kmh(moving + standing + after) == 12.0


def test_the_median_is_weighted_by_time_not_by_points():
    fast = steady(30.0, 600, every=1)  # 600 points at 30 km/h
    slow_start = fast[-1][0]
    slow = [
        (slow_start + timedelta(seconds=s), fast[-1][1] + 10.0 / 3.6 * s)
        for s in range(60, 3601, 60)
    ]  # 60 points at 10 km/h, but an hour of them
    assert moving_speed_kmh(fast + slow) == 10.0


def test_under_a_minute_of_moving_says_nothing():
    assert moving_speed_kmh(steady(10.0, 50)) is None
    assert moving_speed_kmh([]) is None


@pytest.mark.parametrize(
    ("kind", "activity"),
    [
        ("trail_running", "run"),
        ("Treadmill Running", "run"),
        ("road_biking", "ride"),
        ("INDOOR_CYCLING", "ride"),
        ("lap_swimming", "swim"),
        ("Pool Swim", "swim"),
        ("indoor_rowing", "row"),
        ("hiking", "walk"),
        ("strength_training", "strength"),
        ("STRENGTH_TRAINING", "strength"),
        ("indoor_cardio", "hiit"),
        ("YOGA", "mobility"),
        ("elliptical", None),
        ("", None),
    ],
)
def test_a_files_sport_name_maps_to_an_activity(kind, activity):
    assert activity_named(kind) == activity
