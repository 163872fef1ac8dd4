"""CSV shapes no export has are refused before the csv module builds them, with a message
naming the limit, and nothing is written: a header or a row of millions of cells, a cell of
20 MB."""

import pytest

from logbook.imports.jobs import run_import_bytes

pytestmark = pytest.mark.django_db

STRONG_HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds"
ROW = '2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",1,100,5,0,0\n'
CSV_FORMATS = ["strong_csv", "hevy_csv", "fitnotes_csv", "myolog_csv"]


def failure(user, data: bytes, filename: str = "upload.csv", fmt: str | None = None) -> str:
    status = run_import_bytes(user, data, filename, format=fmt)
    assert status["status"] == "failed"
    assert user.workouts.count() == 0
    (error,) = status["errors"]
    return error["message"]


def test_a_header_of_two_million_columns_is_refused(user):
    data = (STRONG_HEADER + "," * 2_000_000 + "\n" + ROW).encode()
    message = failure(user, data)
    assert message == "The header has 2,000,009 cells; the limit is 500 (IMPORT_MAX_CSV_COLUMNS)."


@pytest.mark.parametrize("fmt", CSV_FORMATS)
def test_every_csv_reader_refuses_two_million_empty_columns(user, fmt):
    message = failure(user, b"," * 2_000_000 + b"\n", fmt=fmt)
    assert "IMPORT_MAX_CSV_COLUMNS" in message


def test_a_row_of_too_many_cells_is_refused_by_its_row(user, settings):
    settings.IMPORT_MAX_CSV_COLUMNS = 50
    data = (STRONG_HEADER + "\n" + ROW + ROW.rstrip("\n") + ",x" * 100 + "\n").encode()
    message = failure(user, data)
    assert message == "Row 3 has 109 cells; the limit is 50 (IMPORT_MAX_CSV_COLUMNS)."


@pytest.mark.parametrize("quoted", [True, False])
def test_a_twenty_megabyte_cell_is_refused(user, quoted):
    cell = "x" * 20_000_000
    cell = f'"{cell}"' if quoted else cell
    data = f"{STRONG_HEADER}\n{ROW}2024-11-29 10:00:00,{cell},1h,Squat,1,100,5,0,0\n".encode()
    message = failure(user, data)
    assert message == (
        "Row 3 could not be read as CSV: a cell is longer than 131,072 characters, "
        "the limit (IMPORT_MAX_CSV_CELL_CHARS)."
    )


def test_within_the_limits_the_same_file_imports(user, settings):
    settings.IMPORT_MAX_CSV_COLUMNS = 9
    status = run_import_bytes(user, (STRONG_HEADER + "\n" + ROW).encode(), "strong.csv")
    assert (status["status"], status["created"]) == ("done", 1)
