"""Strong app CSV exports, in the three header forms the app has written.

- comma: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds`
  with optional `Notes`, `Workout Notes` and `RPE`; the weight unit is the user's app
  setting and is not in the file (the upload's `weight_unit`, else the profile's);
- "Workout #": units in the header, `Weight (kg)`, `Distance (meters)`, `Duration (sec)`;
- semicolon (older Android): `Weight Unit` and `Distance Unit` columns on every row.

Dates have no zone (the user's applies). `Set Order` is a number, or W/D/F for warm-up,
drop and failure sets; "Rest Timer" and "Note" rows are not sets. A workout is identified
by its start time and name, which is its external id.
"""

import contextlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from logbook.imports.readers.common import (
    CellError,
    Columns,
    ImportContext,
    Item,
    RowError,
    add_note,
    add_set,
    finish,
    load_kg,
    local_iso,
    metres,
    missing_columns,
    naive_datetime,
    new_workout,
    number,
    positive,
    read_csv,
    seconds,
    stable_id,
    weight_unit,
    whole,
)

SOURCE = "strong"
SET_ORDER_TYPES = {"w": "warmup", "d": "dropset", "f": "failure"}
NOT_SETS = {"rest timer", "note", "notes"}
# The comma form gives distance in the app's distance unit, which follows its weight unit.
DISTANCE_UNIT_FOR_WEIGHT = {"kg": "km", "lb": "mi"}


def read_strong(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    header, records = read_csv(source)
    cols = Columns(header)
    missing_columns(cols, ("Date", "Workout Name", "Exercise Name", "Set Order"), "Strong CSV")
    weight_col, header_weight_unit = cols.with_unit("Weight")
    distance_col, header_distance_unit = cols.with_unit("Distance")
    duration_col = cols.find("Duration", "Duration (sec)")
    decimal_comma = cols.has("Weight Unit")  # the semicolon form writes 62,5
    fixed_weight_unit = weight_unit(header_weight_unit) or ctx.weight_unit

    workouts: dict[tuple[str, str], dict[str, Any]] = {}
    for row, record in records:
        try:
            date_text = cols.get(record, "Date")
            name = cols.get(record, "Workout Name")
            started = naive_datetime(date_text)
            order = cols.get(record, "Set Order").lower()
            if order in NOT_SETS:
                continue
            exercise = cols.get(record, "Exercise Name")
            if not exercise:
                raise CellError("Exercise Name: missing.")
            unit = weight_unit(cols.get(record, "Weight Unit")) or fixed_weight_unit
            values = _set_values(cols, record, order, weight_col, unit, decimal_comma)
            values["distance_m"] = _distance(
                cols, record, distance_col, header_distance_unit, unit, decimal_comma
            )
        except CellError as error:
            yield RowError(row, str(error))
            continue
        key = (started.isoformat(), name)
        workout = workouts.get(key)
        if workout is None:
            workout = workouts[key] = new_workout(
                row,
                started_at=local_iso(started, ctx.time_zone),
                title=name[:200],
                source=SOURCE,
                external_id=stable_id(started.isoformat(), name),
                activity="strength",
            )
            _workout_fields(workout, cols, record, duration_col)
        add_set(workout, exercise[:120], values, row)
        note = cols.get(record, "Notes")
        if note:
            add_note(workout, f"{exercise}: {note}")
    for workout in workouts.values():
        yield finish(workout)


def _set_values(
    cols: Columns,
    record: list[str],
    order: str,
    weight_col: str | None,
    unit: str,
    decimal_comma: bool,
) -> dict[str, Any]:
    if order in SET_ORDER_TYPES:
        set_type = SET_ORDER_TYPES[order]
    elif order:
        whole(number(order, "Set Order"), "Set Order")
        set_type = "normal"
    else:
        raise CellError("Set Order: missing.")
    return {
        "set_type": set_type,
        "load_kg": load_kg(
            number(cols.get(record, weight_col), "Weight", decimal_comma=decimal_comma), unit
        ),
        "reps": whole(
            number(cols.get(record, "Reps"), "Reps", decimal_comma=decimal_comma), "Reps"
        ),
        "rpe": positive(number(cols.get(record, "RPE"), "RPE", decimal_comma=decimal_comma)),
        "duration_s": seconds(cols.get(record, "Seconds"), "Seconds"),
    }


def _distance(
    cols: Columns,
    record: list[str],
    column: str | None,
    header_unit: str | None,
    weight: str,
    decimal_comma: bool,
) -> float | None:
    value = positive(number(cols.get(record, column), "Distance", decimal_comma=decimal_comma))
    unit = cols.get(record, "Distance Unit") or header_unit or DISTANCE_UNIT_FOR_WEIGHT[weight]
    return metres(value, unit)


def _workout_fields(
    workout: dict[str, Any], cols: Columns, record: list[str], duration_col: str | None
) -> None:
    """Workout-level cells repeat on every row; a bad one is not worth losing the sets for."""
    with contextlib.suppress(CellError):
        workout["duration_s"] = seconds(cols.get(record, duration_col), "Duration")
    workout["notes"] = cols.get(record, "Workout Notes")[:10_000]
