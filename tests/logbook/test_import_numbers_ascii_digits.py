"""Weights, reps and every other number in an import file are read in ASCII digits only, as
the durations are: `float()` also takes Arabic-Indic ("١٢"), full-width ("１２") digits,
"1_000", "inf" and "nan", which no app writes; such a cell is a row error naming its column,
never a number."""

import io
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.readers import ImportContext, RowError
from logbook.imports.readers.common import CellError, number
from logbook.imports.readers.hevy import read_hevy
from logbook.imports.readers.strong import read_strong

ODD_NUMBERS = ["١٢", "١٢.٥", "１２", "12٫5", "²", "1_000", "inf", "nan", "-infinity", "1e999"]


@pytest.mark.parametrize("text", ODD_NUMBERS)
def test_a_number_in_other_digits_is_not_a_number_and_names_its_column(text):
    with pytest.raises(CellError, match=r"^Weight: .* is not a number\."):
        number(text, "Weight")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12.0),
        ("62,5", 62.5),
        ("-3.5", -3.5),
        ("+4", 4.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e3", 1000.0),
        (" 7 ", 7.0),
    ],
)
def test_ascii_numbers_still_read(text, expected):
    assert number(text, "Weight") == expected


def test_a_strong_weight_in_other_digits_keeps_the_set_and_says_which_cell():
    content = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
        "2026-04-09 18:00:00,Push,Bench Press (Barbell),1,١٠٠,5,0,0\n"
        "2026-04-09 18:00:00,Push,Bench Press (Barbell),2,100,5,0,0\n"
    )
    ctx = ImportContext(time_zone=ZoneInfo("UTC"), weight_unit="kg")
    items = list(read_strong(io.BytesIO(content.encode()), ctx))
    (workout,) = [i for i in items if not isinstance(i, RowError)]
    errors = [i for i in items if isinstance(i, RowError)]
    assert [s.get("load_kg") for e in workout["exercises"] for s in e["sets"]] == [None, 100]
    assert [(e.row, e.message.startswith("Weight: '١٠٠' is not a number.")) for e in errors] == [
        (2, True)
    ]


def test_a_hevy_row_with_reps_in_other_digits_is_refused_naming_reps():
    content = (
        '"title","start_time","end_time","description","exercise_title","superset_id",'
        '"exercise_notes","set_index","set_type","weight_kg","reps","distance_km",'
        '"duration_seconds","rpe"\n'
        '"Upper","9 Apr 2026, 17:18","9 Apr 2026, 18:20","",Curl,,"",0,normal,14,١٢,,,\n'
        '"Upper","9 Apr 2026, 17:18","9 Apr 2026, 18:20","",Curl,,"",1,normal,14,12,,,\n'
    )
    ctx = ImportContext(time_zone=ZoneInfo("UTC"), weight_unit="kg")
    items = list(read_hevy(io.BytesIO(content.encode()), ctx))
    errors = [i for i in items if isinstance(i, RowError)]
    assert [(e.row, e.message) for e in errors] == [(2, "reps: '١٢' is not a number.")]
