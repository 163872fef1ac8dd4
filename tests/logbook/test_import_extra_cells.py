"""A CSV row with more cells than its header (two lines run together, an unquoted comma) keeps
what its columns hold and says what it left out, instead of dropping the rest silently; a
trailing empty cell, as spreadsheets write, says nothing. (FitNotes, which does not quote
names with commas, first joins extra cells back into the name: test_import_strong_forms.)"""

import io

import pytest

from logbook.imports.readers import READERS, ImportContext, RowError

STRONG = "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
HEVY = '"title","start_time","exercise_title","set_index","set_type","weight_kg","reps"\n'


def read(fmt: str, content: str) -> tuple[list[dict], list[RowError]]:
    items = list(READERS[fmt](io.BytesIO(content.encode()), ImportContext()))
    return (
        [i for i in items if not isinstance(i, RowError)],
        [i for i in items if isinstance(i, RowError)],
    )


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        (
            "strong_csv",
            STRONG + "2024-01-02 10:00:00,A,Squat,1,100,5"  # the newline lost
            "2024-01-03 10:00:00,B,Squat,1,105,5\n",
        ),
        ("hevy_csv", HEVY + '"A","9 Apr 2026, 17:18","Squat",0,"normal",100,5,"Bench",3\n'),
    ],
)
def test_cells_past_the_header_are_named_in_a_message(fmt, content):
    workouts, errors = read(fmt, content)
    assert len(workouts) == 1
    (error,) = [e for e in errors if "past the last column is left out" in e.message]
    assert error.row == 2
    assert not any(e.refused for e in errors)  # the row's own cells are imported


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("strong_csv", STRONG + "2024-01-02 10:00:00,A,Squat,1,100,5,\n"),
        ("hevy_csv", HEVY + '"A","9 Apr 2026, 17:18","Squat",0,"normal",100,5,,\n'),
    ],
)
def test_trailing_empty_cells_say_nothing(fmt, content):
    workouts, errors = read(fmt, content)
    assert (len(workouts), errors) == (1, [])
