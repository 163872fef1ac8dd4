"""A FIT strength session reads as a lifter logged it: consecutive sets of one exercise are
one entry, the sets the watch could not name are one entry (not a card between every two
named ones), and each exercise category the catalog lacks is one exercise of the user's own."""

import io
import itertools

import pytest
from garmin_fit_sdk import Decoder, Stream

from logbook.imports.jobs import run_import_bytes
from logbook.imports.readers import ImportContext, RowError
from logbook.imports.readers.fit import read_fit
from logbook.models import Exercise, Set
from tests.docs import EXPORTS
from tests.fit_files import START, at, fit_file

STRENGTH = EXPORTS / "fit" / "20474406937_ACTIVITY.fit"  # a real session, many sets unnamed


def lifted(seconds: float, category, subtype=None, reps: int = 8, weight: float = 60.0):
    fields = {"timestamp": at(seconds), "start_time": at(seconds), "set_type": "active"}
    fields |= {"repetitions": reps, "weight": weight, "duration": 30.0, "category": [category]}
    if subtype is not None:
        fields["category_subtype"] = [subtype]
    return ("set", fields)


def rest(seconds: float, duration: float):
    return (
        "set",
        {
            "timestamp": at(seconds),
            "start_time": at(seconds),
            "set_type": "rest",
            "duration": duration,
        },
    )


SESSION = (
    "session",
    {
        "timestamp": at(3600),
        "start_time": START,
        "total_elapsed_time": 3600.0,
        "total_timer_time": 3600.0,
        "sport": "training",
        "sub_sport": "strength_training",
    },
)


def strength_file() -> bytes:
    """Back squat ×3 with rests, an unnamed set, bench ×2, another unnamed set, two plyo
    sets (a category the catalog has no exercise for) and a category newer than the SDK."""
    return fit_file(
        lifted(0, "squat", 6, reps=5, weight=100),
        rest(30, 120),
        lifted(150, "squat", 6, reps=5, weight=100),
        rest(180, 150),
        lifted(330, "squat", 6, reps=4, weight=100),
        lifted(400, "unknown", reps=12, weight=0),
        lifted(500, "bench_press", 1, reps=8, weight=70),
        lifted(600, "bench_press", 1, reps=7, weight=70),
        lifted(700, "unknown", reps=10, weight=0),
        lifted(800, "plyo", reps=10, weight=0),
        lifted(900, "plyo", reps=10, weight=0),
        lifted(1000, 200, reps=6, weight=20),
        SESSION,
    )


def read(data: bytes) -> tuple[dict, list[RowError]]:
    items = list(read_fit(io.BytesIO(data), ImportContext()))
    (workout,) = [i for i in items if not isinstance(i, RowError)]
    return workout, [i for i in items if isinstance(i, RowError)]


def test_consecutive_sets_of_one_exercise_are_one_entry_with_their_rests():
    workout, _ = read(strength_file())
    entries = [
        (e["exercise"], [(s.get("reps"), s.get("rest_s")) for s in e["sets"]])
        for e in workout["exercises"]
    ]
    assert entries == [
        ("Barbell Back Squat", [(5, 120), (5, 150), (4, None)]),
        ("Unrecognised exercise", [(12, None), (10, None)]),
        ("Barbell Bench Press", [(8, None), (7, None)]),
        ("Plyo", [(10, None), (10, None)]),
        ("FIT exercise category 200", [(6, None)]),
    ]


def test_the_job_says_where_the_unnamed_sets_went():
    _, notes = read(strength_file())
    assert [(n.message, n.refused) for n in notes] == [
        (
            'Session 1: the 2 sets the watch did not name are together in one "Unrecognised '
            'exercise" entry.',
            False,
        )
    ]


def test_a_real_session_has_one_unrecognised_entry_and_no_two_neighbours_alike():
    messages, _ = Decoder(Stream.from_file(str(STRENGTH))).read()
    active = [s for s in messages["set_mesgs"] if s.get("set_type") == "active"]
    unnamed = [s for s in active if (s.get("category") or ["unknown"])[0] == "unknown"]
    workout, _ = read(STRENGTH.read_bytes())
    names = [e["exercise"] for e in workout["exercises"]]
    assert names.count("Unrecognised exercise") == 1
    gathered = workout["exercises"][names.index("Unrecognised exercise")]
    assert [s["reps"] for s in gathered["sets"]] == [s["repetitions"] for s in unnamed]
    assert all(a != b for a, b in itertools.pairwise(names))
    assert sum(len(e["sets"]) for e in workout["exercises"]) == len(active)


@pytest.mark.django_db
def test_each_category_the_catalog_lacks_is_one_exercise_of_the_users_own(user):
    data = strength_file()
    assert run_import_bytes(user, data, "strength.fit")["created"] == 1
    own = Exercise.objects.filter(owner=user)
    assert sorted(own.values_list("name", flat=True)) == [
        "FIT exercise category 200",
        "Plyo",
        "Unrecognised exercise",
    ]
    workout = user.workouts.get()
    assert workout.exercises.count() == 5
    assert Set.objects.filter(entry__workout=workout).count() == 10
    squat = workout.exercises.get(position=0)
    assert squat.exercise.owner is None  # the catalog's back squat, not a copy
