"""The CSV readers (Strong, Hevy, FitNotes, Myolog) stream the file: each workout is yielded
once its last row is read rather than all of them at the end, so a worker holds the workouts
in progress, not the file's thousands. A file whose workouts' rows are interleaved (a
spreadsheet sorted by exercise, two exports pasted together) still groups every row into
its workout, exactly as the same rows in workout order do."""

import csv
import io
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.readers import READERS, ImportContext, RowError
from logbook.imports.readers.myolog_csv import SET_COLUMNS, WORKOUT_COLUMNS, rows_for

BERLIN = ImportContext(time_zone=ZoneInfo("Europe/Berlin"), weight_unit="kg")

STRONG = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n",
    [
        '2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",1,100,5,0,0,8.5\n',
        '2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",Rest Timer,0,0,0,90,\n',
        '2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",2,100,4,0,0,9\n',
        '2024-11-28 17:36:08,"Push",1h 5m,"Plank",1,0,0,0,60,\n',
    ],
    [
        '2024-11-30 09:00:00,"Legs",35m,"Squat (Barbell)",1,140,3,0,0,10\n',
        '2024-11-30 09:00:00,"Legs",35m,"Squat (Barbell)",2,140,3,0,0,\n',
        '2024-11-30 09:00:00,"Legs",35m,"Lunge",1,20,10,0,0,\n',
    ],
)
HEVY_HEAD = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
    '"duration_seconds","rpe"\n'
)
UPPER = '"Upper","9 Apr 2026, 17:18","9 Apr 2026, 18:20","long day",'
LEGS = '"Legs","10 Apr 2026, 07:00","10 Apr 2026, 08:00","",'
HEVY = (
    HEVY_HEAD,
    [
        UPPER + '"Bench Press (Barbell)",,"",0,"normal",80,8,,,8.5\n',
        UPPER + '"Bench Press (Barbell)",,"",1,"normal",80,7,,,\n',
        UPPER + '"Bicep Curl (Dumbbell)",7,"slow",0,"failure",14,12,,,10\n',
        UPPER + '"Triceps Pressdown",7,"",0,"normal",30,15,,,\n',
    ],
    [
        LEGS + '"Squat (Barbell)",,"",0,"normal",120,5,,,\n',
        LEGS + '"Squat (Barbell)",,"",1,"normal",120,5,,,\n',
        LEGS + '"Leg Curl",3,"",0,"normal",40,12,,,\n',
    ],
)
FITNOTES = (
    "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment\n",
    [
        "2024-03-15,Flat Barbell Bench Press,Chest,100.0,5,,,,\n",
        "2024-03-15,Flat Barbell Bench Press,Chest,100.0,5,,,,paused\n",
        "2024-03-15,Overhead Press (Each Side, Dumbbells),Shoulders,20.0,8,,,,\n",
    ],
    [
        "2024-03-16,Deadlift,Back,100.0,3,,,,\n",
        "2024-03-16,Treadmill,Cardio,,,3.0,km,0:15:00,\n",
    ],
)


def myolog_rows(external_id: str, title: str, exercises: list[tuple[str, int]]) -> list[str]:
    workout = {field: None for field, _ in WORKOUT_COLUMNS.values()} | {
        "external_id": external_id,
        "source": "myolog",
        "started_at": f"2024-05-0{len(title)}T10:00:00+00:00",
        "title": title,
        "exercises": [
            {
                "exercise": name,
                "superset": None,
                "sets": [
                    {field: None for field, _ in SET_COLUMNS.values()} | {"reps": 5 + i}
                    for i in range(count)
                ],
            }
            for name, count in exercises
        ],
        "intervals": [],
    }
    lines = []
    for cells in rows_for(workout):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(cells)
        lines.append(out.getvalue())
    return lines


def myolog() -> tuple[str, list[str], list[str]]:
    from logbook.imports.readers.myolog_csv import COLUMNS

    return (
        ",".join(COLUMNS) + "\n",
        myolog_rows("a1", "Push", [("Bench Press", 2), ("Plank", 1), ("Bench Press", 2)]),
        myolog_rows("b2", "Legs", [("Squat", 3), ("Lunge", 1)]),
    )


FORMATS = {
    "strong_csv": lambda: STRONG,
    "hevy_csv": lambda: HEVY,
    "fitnotes_csv": lambda: FITNOTES,
    "myolog_csv": myolog,
}


def read(fmt: str, text: str) -> list:
    return list(READERS[fmt](io.BytesIO(text.encode()), BERLIN))


def interleaved(first: list[str], second: list[str]) -> list[str]:
    rows = []
    for i in range(max(len(first), len(second))):
        rows += first[i : i + 1] + second[i : i + 1]
    return rows


def without_rows(value):
    if isinstance(value, dict):
        return {k: without_rows(v) for k, v in value.items() if k not in ("_row", "_rows")}
    if isinstance(value, list):
        return [without_rows(v) for v in value]
    return value


@pytest.mark.parametrize("fmt", FORMATS)
def test_interleaved_workouts_group_as_the_same_rows_in_workout_order(fmt):
    header, first, second = FORMATS[fmt]()
    in_order = read(fmt, header + "".join(first + second))
    mixed = read(fmt, header + "".join(interleaved(first, second)))
    assert not [i for i in in_order + mixed if isinstance(i, RowError)]
    assert len(in_order) == 2

    def by_id(items: list) -> dict:
        return {w["external_id"]: without_rows(w) for w in items}

    assert by_id(mixed) == by_id(in_order)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_workout_is_yielded_as_soon_as_its_last_row_is_read(fmt):
    """A bad row after the first workout's rows comes after that workout, not before it:
    the first workout was not held until the end of the file."""
    header, first, second = FORMATS[fmt]()
    bad = "x" * len(header.split(",")) + "\n"  # one cell no reader can use
    items = read(fmt, header + "".join(first) + bad + "".join(second))
    kinds = ["error" if isinstance(i, RowError) else "workout" for i in items]
    assert kinds == ["workout", "error", "workout"]
    assert items[1].row == len(first) + 2


def test_a_rest_timer_row_interleaved_is_the_rest_of_its_own_workouts_previous_set():
    header, first, second = STRONG
    items = read("strong_csv", header + "".join(interleaved(first, second)))
    push = next(w for w in items if w["title"] == "Push")
    legs = next(w for w in items if w["title"] == "Legs")
    assert push["exercises"][0]["sets"][0]["rest_s"] == 90
    assert all("rest_s" not in s for e in legs["exercises"] for s in e["sets"])


class Unseekable(io.RawIOBase):
    """A stream that reads forward only (a pipe, a socket)."""

    def __init__(self, data: bytes):
        self.data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self.data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_stream_that_cannot_seek_back_is_read_the_same(fmt):
    header, first, second = FORMATS[fmt]()
    text = header + "".join(interleaved(first, second))
    streamed = list(READERS[fmt](Unseekable(text.encode()), BERLIN))
    assert without_rows(streamed) == without_rows(read(fmt, text))
