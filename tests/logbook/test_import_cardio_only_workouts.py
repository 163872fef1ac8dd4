"""A workout from a set-logging app (Strong, Hevy, FitNotes names no sport) is strength
training unless all of it is cardio of one named sport: a FitNotes day of outdoor running
is a run, so its session is classified as endurance, not as a light lifting session."""

import pytest

from logbook.imports.jobs import run_import_bytes
from logbook.imports.readers.sport import activity_of_sets

pytestmark = pytest.mark.django_db

FITNOTES = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
    '2026-05-04,Running (Outdoor),Cardio,,,,5.8,mi,0:59:00,""\n'
    '2026-05-05,Running (Treadmill),Cardio,,,,0.25,mi,0:01:54,""\n'
    '2026-05-05,Flat Barbell Bench Press,Chest,135.0,lbs,8,,,,""\n'
    '2026-05-06,Yoga,Body,,,,0.0,m,0:10:00,""\n'
    '2026-05-07,Plank,Abs,,,,,,0:01:00,""\n'
    '2026-05-08,Running (Treadmill),Cardio,,,,1.0,mi,0:09:22,""\n'
    '2026-05-08,Rowing Machine,Cardio,,,,2000,m,0:08:00,""\n'
)


def test_fitnotes_days_of_one_sport_take_it_and_others_stay_strength(user):
    status = run_import_bytes(user, FITNOTES.encode(), "FitNotes_Export.csv")
    assert (status["created"], status["errors"]) == (5, [])
    by_day = {
        w.started_at.date().isoformat(): w.activity for w in user.workouts.order_by("started_at")
    }
    assert by_day == {
        "2026-05-04": "run",
        "2026-05-05": "strength",  # a run and a bench press
        "2026-05-06": "mobility",
        "2026-05-07": "strength",  # "Plank" names no sport
        "2026-05-08": "strength",  # two sports in a day: nothing to choose by
    }


def test_a_strong_workout_of_rowing_only_is_rowing(user):
    csv = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        '2026-05-04 07:00:00,"Erg",30m,"Rowing (Machine)",1,0,0,5000,1320,\n'
    )
    run_import_bytes(user, csv.encode(), "strong.csv")
    assert user.workouts.get().activity == "row"


def test_sets_with_reps_or_weight_make_strength_whatever_their_names():
    run = {"exercise": "Running (Treadmill)", "sets": [{"duration_s": 60, "distance_m": 400}]}
    sled = {"exercise": "Sled Push", "sets": [{"load_kg": 80, "distance_m": 20}]}
    assert activity_of_sets([run]) == "run"
    assert activity_of_sets([run, sled]) == "strength"
    assert activity_of_sets([]) == "strength"
