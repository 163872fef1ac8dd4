"""Garmin Connect's activities CSV (Activities → Export CSV): one row per activity.

The file gives times on the local clock, distances in the account's units without
naming them (kilometres or miles; pool swims in metres or yards) and numbers as the
account's language writes them (`5.81` or `5,81`, `1,024` or `1.024`): the weight unit
chosen at upload (else the profile's) says metric or imperial, and the file's own decimal
marks say which separator is which. `--` is "no value". The CSV lists no single sets:
a strength activity's totals go to its notes. An activity is identified by its start
time and type. The account's language names the columns (`Aktivitätstyp`, `Type
d'activité`…): the German and French names real exports use are read as the English, and
in other languages the first columns by their order, the same in every language's export.
"""

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from logbook.imports.readers.common import (
    CellError,
    Columns,
    ImportContext,
    Item,
    RowError,
    add_note,
    finish,
    heart_rate,
    local_iso,
    metres,
    missing_columns,
    naive_datetime,
    new_workout,
    read_csv,
    seconds,
    stable_id,
)
from logbook.imports.readers.sport import activity_named

SOURCE = "garmin_csv"
REQUIRED = ("Activity Type", "Date")
# The columns read here as German and French accounts' exports name them.
LOCAL_NAMES = {
    "aktivitätstyp": "Activity Type",
    "datum": "Date",
    "titel": "Title",
    "distanz": "Distance",
    "zeit": "Time",
    "ø hf": "Avg HR",
    "ø herzfrequenz": "Avg HR",
    "max. hf": "Max HR",
    "maximale herzfrequenz": "Max HR",
    "aerober te": "Aerobic TE",
    "zeit in bewegung": "Moving Time",
    "verstrichene zeit": "Elapsed Time",
    "type d'activité": "Activity Type",
    "titre": "Title",
    "durée": "Time",
    "fréquence cardiaque moyenne": "Avg HR",
    "fréquence cardiaque maximale": "Max HR",
    "te aérobie": "Aerobic TE",
    "temps de déplacement": "Moving Time",
    "temps écoulé": "Elapsed Time",
}
# Garmin's first columns, in this order in the exports of every language seen.
ORDER = (
    "Activity Type", "Date", "Favorite", "Title", "Distance", "Calories", "Time", "Avg HR",
    "Max HR",
)  # fmt: skip
US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$", re.ASCII)


def read_garmin_csv(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    header, records = read_csv(source, ctx)
    rows = list(records)
    names = garmin_names(header, [record for _, record in rows[:20]])
    columns = Columns(names or header)
    missing_columns(columns, REQUIRED, "Garmin Connect activities CSV")
    ctx.report(1.0)
    comma = decimal_comma(columns, [record for _, record in rows])
    imperial = ctx.weight_unit == "lb"
    for row, record in rows:
        ctx.rows += 1
        try:
            yield _workout(columns, record, row, ctx, comma=comma, imperial=imperial)
        except CellError as error:
            yield RowError(row, f"Row {row}: {error}")


def garmin_names(header: list[str], sample: list[list[str]]) -> list[str] | None:
    """The header with the columns read here named in English, by name or else by Garmin's
    order when most `sample` rows fit it; None when it is not Garmin's."""
    names = [LOCAL_NAMES.get(name.strip().lower(), name) for name in header]
    if {"activity type", "date", "title"} <= {n.lower() for n in names}:
        return names
    fitting = sum(_in_order(record) for record in sample)
    if len(header) >= len(ORDER) and fitting * 2 > len(sample) > 0:
        return [*ORDER, *header[len(ORDER) :]]
    return None


def _in_order(record: list[str]) -> bool:
    """A date second and the Favorite flag third, as Garmin writes them."""
    if len(record) < len(ORDER) or record[2].strip().strip('"').lower() not in ("true", "false"):
        return False
    try:
        _date(record[1].strip().strip('"'))
    except CellError:
        return False
    return True


def decimal_comma(columns: Columns, records: list[list[str]]) -> bool:
    """Whether the file writes decimals with a comma: Aerobic TE (always one decimal) says
    so when present, else any distance written like 5,81."""
    for name, pattern in (("Aerobic TE", r"^\d+,\d$"), ("Distance", r"^\d+,\d{1,2}$")):
        if columns.has(name):
            cells = [columns.get(record, name) for record in records]
            if any(re.match(pattern, cell) for cell in cells):
                return True
            if any(re.match(r"^\d+\.\d+$", cell) for cell in cells):
                return False
    return False


def _workout(
    columns: Columns,
    record: list[str],
    row: int,
    ctx: ImportContext,
    *,
    comma: bool,
    imperial: bool,
) -> dict[str, Any]:
    kind = columns.get(record, "Activity Type")
    start = _date(columns.get(record, "Date"))
    swim = "swim" in kind.lower()
    unit = ("yd" if imperial else "m") if swim else ("mi" if imperial else "km")
    distance = _number(columns.get(record, "Distance"), "Distance", comma)
    timer = _time(columns, record, "Time", "Activity Time")
    moving = _time(columns, record, "Moving Time")
    workout = new_workout(
        row,
        started_at=local_iso(start, ctx.time_zone),
        title=(columns.get(record, "Title") or kind or "Garmin activity")[:200],
        activity=activity_named(kind) or "other",
        source=SOURCE,
        external_id=stable_id(start.isoformat(), kind),
        duration_s=timer or moving,
        elapsed_s=_time(columns, record, "Elapsed Time"),
        distance_m=metres(distance, unit) if distance else None,
        avg_hr=heart_rate(_number(columns.get(record, "Avg HR"), "Avg HR", comma)),
        max_hr=heart_rate(_number(columns.get(record, "Max HR"), "Max HR", comma)),
    )
    reps = _number(columns.get(record, "Total Reps"), "Total Reps", comma)
    sets = _number(columns.get(record, "Total Sets"), "Total Sets", comma)
    if reps or sets:
        told = [f"{sets:g} sets" if sets else "", f"{reps:g} reps" if reps else ""]
        add_note(workout, f"Garmin: {', '.join(t for t in told if t)} in all (no single sets).")
    if not workout["duration_s"]:
        raise CellError("Time: the activity has no duration.")
    return finish(workout)


def _date(text: str):
    """ "2025-02-06 17:06:03", or the US form "7/4/2020 15:36" older exports wrote."""
    match = US_DATE.match(text.strip())
    if match:
        month, day, year, hour, minute, second = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d} {int(hour):02d}:{minute}:{second or '00'}"
    return naive_datetime(text, "Date")


def _number(text: str, column: str, comma: bool) -> float | None:
    text = text.strip().strip('"')
    if text in ("", "--"):
        return None
    thousands, decimal = (".", ",") if comma else (",", ".")
    cleaned = text.replace(thousands, "").replace(decimal, ".")
    try:
        value = float(cleaned)
    except ValueError:
        raise CellError(f"{column}: {text!r} is not a number.") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise CellError(f"{column}: {text!r} is not a number.")
    return value


def _time(columns: Columns, record: list[str], *names: str) -> int | None:
    name = columns.find(*names)
    text = columns.get(record, name).strip('"') if name else ""
    if text in ("", "--"):
        return None
    return seconds(text, name or names[0])
