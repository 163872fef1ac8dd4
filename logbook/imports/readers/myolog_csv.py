"""Myolog's own CSV: what `GET /api/v1/export/?format=csv` writes and the import reads back.

One row per set or interval, the workout's fields repeated on each (spreadsheet-friendly),
SI units. `row_type` says what a row is: `set`, `interval`, `exercise` (an exercise
logged with no sets) or `workout` (a workout with neither exercises nor intervals).
`exercise_index` keeps repeated exercises apart. Lossless: every field of the JSON export,
so a file re-imports into an empty account as the same workouts, and into the same
account as nothing new (workouts keep their source and external_id).
"""

from collections.abc import Iterator
from typing import Any, BinaryIO

from logbook.imports.readers.common import (
    MAX_CELL,
    CellError,
    Columns,
    CsvFile,
    ImportContext,
    Item,
    RowError,
    extra_cells,
    missing_columns,
    new_workout,
    number,
    whole,
    workout_ends,
)
from logbook.schema import IntervalIn, SetIn, WorkoutIn, csv_columns

# column: (payload field, kind), from the schema's shapes
IDENTITY = ("started_at", "utc_offset_min", "source", "external_id")
WORKOUT_COLUMNS = csv_columns(WorkoutIn, exclude=IDENTITY)
SET_COLUMNS = csv_columns(SetIn)
INTERVAL_COLUMNS = csv_columns(IntervalIn)
COLUMNS = [
    "external_id",
    "source",
    "started_at",
    *WORKOUT_COLUMNS,
    "row_type",
    "exercise_index",
    "exercise",
    "superset",
    *SET_COLUMNS,
    *(column for column in INTERVAL_COLUMNS if column not in SET_COLUMNS),
]
ROW_TYPES = ("set", "interval", "exercise", "workout")


def rows_for(workout: dict[str, Any]) -> Iterator[list[str]]:
    """CSV rows for one workout in the export's JSON shape."""
    base = {
        "external_id": workout["external_id"],
        "source": workout["source"],
        "started_at": workout["started_at"],
        **{column: workout[field] for column, (field, _) in WORKOUT_COLUMNS.items()},
    }
    emitted = False
    for index, entry in enumerate(workout["exercises"]):
        entry_cells = base | {
            "exercise_index": index,
            "exercise": entry["exercise"],
            "superset": entry["superset"],
        }
        if not entry["sets"]:
            yield _line(entry_cells | {"row_type": "exercise"})
        for s in entry["sets"]:
            cells = {column: s[field] for column, (field, _) in SET_COLUMNS.items()}
            yield _line(entry_cells | cells | {"row_type": "set"})
        emitted = True
    for interval in workout["intervals"]:
        cells = {column: interval[field] for column, (field, _) in INTERVAL_COLUMNS.items()}
        yield _line(base | cells | {"row_type": "interval"})
        emitted = True
    if not emitted:
        yield _line(base | {"row_type": "workout"})


def _line(cells: dict[str, Any]) -> list[str]:
    return [_cell(cells.get(column)) for column in COLUMNS]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralise(value)
    return str(value)  # numbers stay numbers, a negative one too


# A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV
# injection"); a leading apostrophe makes it text. Text that already begins with
# apostrophes before one of them gets one more, so the reader's undoing is exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A text cell as the export writes it: never a formula."""
    if text.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def restore(text: str) -> str:
    """What `neutralise` was given: the reader undoes it, so export -> import is lossless."""
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def read_myolog_csv(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    table = CsvFile(source, ctx)
    header = table.header
    cols = Columns(header)
    missing_columns(cols, ("external_id", "source", "started_at", "row_type"), "Myolog CSV export")

    def key_of(raw_record: list[str]) -> tuple[str, str]:
        """(source, external_id) as the pass below reads them, restoring only those cells."""
        picked = [restore(raw_record[i]) if i < len(raw_record) else "" for i in key_cells]
        return picked[0].strip()[:MAX_CELL], picked[1].strip()[:MAX_CELL]

    key_cells = (cols.index["source"], cols.index["external_id"])

    ends = workout_ends(table.records(), key_of)
    workouts: dict[tuple[str, str], dict[str, Any]] = {}
    entries: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}  # per workout, by index
    ending = None  # the key whose last row was the row before
    for row, raw_record in table.records():
        if ending in workouts:
            entries.pop(ending, None)
            yield workouts.pop(ending)
        ending = ends.get(row)
        record = [restore(cell) for cell in raw_record]
        if overflow := extra_cells(row, record, len(header)):
            yield overflow
        try:
            row_type = cols.get(record, "row_type")
            if row_type not in ROW_TYPES:
                raise CellError(f"row_type: expected one of {', '.join(ROW_TYPES)}.")
            key = (cols.get(record, "source"), cols.get(record, "external_id"))
            workout = workouts.get(key)
            if workout is None:
                workout = new_workout(
                    row,
                    started_at=cols.get(record, "started_at"),
                    source=key[0],
                    external_id=key[1],
                    **_values(cols, record, WORKOUT_COLUMNS),
                )
            if row_type in ("set", "exercise"):
                index = whole(
                    number(cols.get(record, "exercise_index"), "exercise_index"), "exercise_index"
                )
                known = entries.get(key, {})
                entry = known.get(index or 0)
                if entry is None:
                    entry = {
                        "exercise": cols.get(record, "exercise"),
                        "superset": whole(
                            number(cols.get(record, "superset"), "superset"), "superset"
                        ),
                        "sets": [],
                        "_row": row,
                    }
                if row_type == "set":
                    entry["sets"].append(_values(cols, record, SET_COLUMNS) | {"_row": row})
                if (index or 0) not in known:
                    entries.setdefault(key, known)[index or 0] = entry
                    workout["exercises"].append(entry)
            elif row_type == "interval":
                interval = _values(cols, record, INTERVAL_COLUMNS) | {"_row": row}
                workout["intervals"].append(interval)
        except CellError as error:
            yield RowError(row, str(error))
            continue
        workouts.setdefault(key, workout)
    yield from workouts.values()


def _values(cols: Columns, record: list[str], spec: dict[str, tuple[str, str]]) -> dict:
    values: dict[str, Any] = {}
    for column, (field, kind) in spec.items():
        text = cols.get(record, column)
        if text == "":
            values[field] = None
        elif kind == "text":
            values[field] = text
        elif kind == "bool":
            if text.lower() not in ("true", "false"):
                raise CellError(f"{column}: expected true or false.")
            values[field] = text.lower() == "true"
        elif kind == "int":
            values[field] = whole(number(text, column), column)
        else:
            values[field] = number(text, column)
    return values
