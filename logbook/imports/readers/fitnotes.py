"""FitNotes CSV exports, Android and FitNotes 2 (iOS).

`Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time,Comment`, with the
weight column named for the app's unit (`Weight (kgs)`, `Weight (lbs)`…) or a plain
`Weight` beside a `Weight Unit` column. FitNotes 2 (iOS) writes
`Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,Notes,Kind`:
the weight in both units, either of which may be blank, and `Notes` for `Comment`.
FitNotes records the day but no time of day and no workout name: one workout per day,
started at noon in the user's zone, identified by its date. `Time` is a set's duration
(H:MM:SS); `Comment` is a note on the set.
"""

import functools
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any, BinaryIO

from logbook.imports.readers.common import (
    CellError,
    Columns,
    CsvFile,
    ImportContext,
    Item,
    RowError,
    add_note,
    add_set,
    extra_cells,
    finish,
    load_kg,
    local_iso,
    metres,
    missing_columns,
    new_workout,
    number,
    positive,
    seconds,
    weight_unit,
    whole,
    workout_ends,
)

SOURCE = "fitnotes"
NOON = time(12, 0)


def read_fitnotes(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    table = CsvFile(source, ctx)
    header = table.header
    cols = Columns(header)
    missing_columns(cols, ("Date", "Exercise", "Reps"), "FitNotes CSV")
    weights = weight_columns(cols)
    note_col = cols.find(*NOTE_COLUMNS)

    # Joining unquoted commas back moves no cell before the first text column.
    date_first = cols.index["date"] < min(
        (cols.index[n.lower()] for n in TEXT_COLUMNS if n.lower() in cols.index), default=0
    )

    def key_of(record: list[str]) -> date | None:
        try:  # as the pass below reads it
            if not date_first:
                record = fit_layout(cols, len(header), record)
            return _date(cols.get(record, "Date"))
        except CellError:
            return None

    ends = workout_ends(table.records(), key_of)
    workouts: dict[date, dict[str, Any]] = {}
    ending = None  # the day whose last row was the row before
    for row, raw in table.records():
        if ending in workouts:
            yield finish(workouts.pop(ending))
        ending = ends.get(row)
        record = fit_layout(cols, len(header), raw)
        if overflow := extra_cells(row, record, len(header)):
            yield overflow
        try:
            day = _date(cols.get(record, "Date"))
            exercise = cols.get(record, "Exercise")
            if not exercise:
                raise CellError("Exercise: missing.")
            weight_col = cols.filled(record, tuple(weights))
            unit = (
                weight_unit(cols.get(record, "Weight Unit"))
                or weight_unit(weights.get(weight_col))
                or ctx.weight_unit
            )
            distance = positive(number(cols.get(record, "Distance"), "Distance"))
            values = {
                "load_kg": load_kg(number(cols.get(record, weight_col), "Weight"), unit),
                "reps": whole(number(cols.get(record, "Reps"), "Reps"), "Reps"),
                "distance_m": metres(distance, cols.get(record, "Distance Unit") or "km"),
                "duration_s": seconds(cols.get(record, "Time"), "Time"),
            }
        except CellError as error:
            yield RowError(row, str(error))
            continue
        if (
            values["reps"] == 0
            and values["load_kg"] in (0, None)
            and (values["distance_m"] or values["duration_s"])
        ):
            values["reps"] = values["load_kg"] = None  # a cardio row: reps/weight are blanks
        workout = workouts.get(day)
        if workout is None:
            workout = workouts[day] = new_workout(
                row,
                started_at=local_iso(datetime.combine(day, NOON), ctx.time_zone),
                title="FitNotes",
                source=SOURCE,
                external_id=day.isoformat(),
                activity=None,  # the sets tell (`finish`)
            )
        add_set(workout, exercise[:120], values, row)
        comment = cols.get(record, note_col)
        if comment:
            add_note(workout, f"{exercise}: {comment}")
    for workout in workouts.values():
        yield finish(workout)


NOTE_COLUMNS = ("Comment", "Comments", "Notes")
TEXT_COLUMNS = ("Exercise", "Category", *NOTE_COLUMNS)
TYPED = ("Reps", "Distance", "Time")
_WEIGHT = re.compile(r"^weight\s*(?:\((\w+)\))?$")


def weight_columns(cols: Columns) -> dict[str, str | None]:
    """The weight columns with the unit each names: one, or FitNotes 2's kg and lbs."""
    return {name: m.group(1) for name in cols.index if (m := _WEIGHT.match(name))}


def fit_layout(cols: Columns, width: int, record: list[str]) -> list[str]:
    """FitNotes does not quote names with commas ("Overhead Press (Each Side, Dumbbells)"):
    a record longer than the header has its extra cells joined back into the text column
    (exercise, category or comment) that leaves every number column a number."""
    extra = len(record) - width
    if extra <= 0:
        return record
    for name in TEXT_COLUMNS:
        i = cols.index.get(name.lower())
        if i is None:
            continue
        candidate = [*record[:i], ",".join(record[i : i + extra + 1]), *record[i + extra + 1 :]]
        if _numbers_fit(cols, candidate):
            return candidate
    return record


def _numbers_fit(cols: Columns, record: list[str]) -> bool:
    try:
        _date(cols.get(record, "Date"))
        for name in weight_columns(cols):
            number(cols.get(record, name), "Weight")
        for name in TYPED:
            column = cols.find(name) or cols.with_unit(name)[0]
            text = cols.get(record, column)
            seconds(text, name) if name == "Time" else number(text, name)
        unit = cols.get(record, "Weight Unit")
        return not unit or weight_unit(unit) is not None
    except CellError:
        return False


@functools.lru_cache(maxsize=256)  # every set row of a day repeats its date
def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise CellError(f"Date: {text!r} is not a date like 2024-03-15.") from None
