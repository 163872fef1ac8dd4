"""Durations and clocks in import files are read in ASCII digits only: Python's `\\d`,
`int()` and `float()` also take Arabic-Indic ("١:٠٥:٠٠"), superscript ("²") or full-width
digits, which no app writes; such a cell is that value's row error, never a duration."""

import io
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.readers import ImportContext, RowError
from logbook.imports.readers.common import CellError, seconds
from logbook.imports.readers.strong import read_strong

ODD_DIGITS = ["١:٠٥:٠٠", "٠٥:٠٠", "1:0٥", "１:05", "²", "1²:00", "٣٥m", "1h ٥m", "٤٥s", "１２０"]


@pytest.mark.parametrize("text", ODD_DIGITS)
def test_a_duration_in_other_digits_is_not_a_duration(text):
    with pytest.raises(CellError, match="is not a duration"):
        seconds(text, "Duration")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1:05:00", 3900), ("05:00", 300), ("1h 5m", 3900), ("35m", 2100), ("45s", 45), ("120", 120)],
)
def test_ascii_durations_still_read(text, expected):
    assert seconds(text, "Duration") == expected


def test_a_strong_set_timed_in_other_digits_keeps_its_workout_and_says_which_cell():
    content = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds\n"
        "2026-04-09 18:00:00,Row,Rowing (Machine),1,0,0,2000,٦٠٠\n"
        "2026-04-09 18:00:00,Row,Rowing (Machine),2,0,0,2000,600\n"
    )
    ctx = ImportContext(time_zone=ZoneInfo("UTC"), weight_unit="kg")
    items = list(read_strong(io.BytesIO(content.encode()), ctx))
    workouts = [i for i in items if not isinstance(i, RowError)]
    errors = [i for i in items if isinstance(i, RowError)]
    assert len(workouts) == 1
    durations = [s.get("duration_s") for e in workouts[0]["exercises"] for s in e["sets"]]
    assert durations == [None, 600]
    assert [(e.row, "is not a duration" in e.message) for e in errors] == [(2, True)]
