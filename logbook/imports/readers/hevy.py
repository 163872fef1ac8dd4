"""Hevy app CSV exports.

`title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,
set_type,weight_kg,reps,distance_km,duration_seconds,rpe`; imperial accounts write
`weight_lbs` and `distance_miles` instead. Dates follow the app language ("9 Apr 2026, 17:18",
"9 avr. 2026, 17:18", "9 de abr. de 2026, 17:18", "Apr 9, 2026, 5:18 PM") with no zone (the
user's applies). `set_index` starts at 0 in each exercise; `superset_id` groups exercises
done as a superset. A workout is identified by its start time and title, its external id.
"""

import functools
import re
from collections.abc import Iterator
from datetime import datetime
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
    duration_between,
    extra_cells,
    finish,
    load_kg,
    local_iso,
    metres,
    missing_columns,
    naive_datetime,
    new_workout,
    number,
    positive,
    stable_id,
    whole,
    workout_ends,
)

SOURCE = "hevy"
SET_TYPES = {"normal", "warmup", "failure", "dropset"}
WEIGHT_COLUMNS = {"weight_kg": "kg", "weight_lbs": "lb", "weight_lb": "lb"}
DISTANCE_COLUMNS = {"distance_km": "km", "distance_miles": "mi", "distance_meters": "m"}

# Month names as the app's languages abbreviate them; matched by prefix.
MONTHS = {
    1: ("january", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "jän"),
    2: ("february", "februar", "février", "febrero", "febbraio", "fevereiro", "februari"),
    3: ("march", "märz", "maerz", "mars", "marzo", "março", "maart", "mrt"),
    4: ("april", "avril", "abril", "aprile"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei"),
    6: ("june", "juni", "juin", "junio", "giugno", "junho"),
    7: ("july", "juli", "juillet", "julio", "luglio", "julho"),
    8: ("august", "août", "aout", "agosto", "augustus"),
    9: ("september", "septembre", "septiembre", "settembre", "setembro"),
    10: ("october", "oktober", "octobre", "octubre", "ottobre", "outubro"),
    11: ("november", "novembre", "noviembre", "novembro"),
    12: ("december", "dezember", "décembre", "diciembre", "dicembre", "dezembro"),
}
_DAY_FIRST = re.compile(
    r"^([0-9]{1,2})\.?\s+(?:de\s+)?([^\W\d_]+)\.?\s+(?:de\s+)?([0-9]{4}),?\s+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*([ap]\.?m\.?)?$",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    r"^([^\W\d_]+)\.?\s+([0-9]{1,2}),?\s+([0-9]{4}),?\s+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?\s*([ap]\.?m\.?)?$",
    re.IGNORECASE,
)


def read_hevy(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    table = CsvFile(source, ctx)
    header = table.header
    cols = Columns(header)
    missing_columns(cols, ("title", "start_time", "exercise_title"), "Hevy CSV")

    def key_of(record: list[str]) -> tuple[str, str] | None:
        try:
            started = hevy_datetime(cols.get(record, "start_time"), "start_time")
        except CellError:
            return None
        return started.isoformat(), cols.get(record, "title")

    ends = workout_ends(table.records(), key_of)
    workouts: dict[tuple[str, str], dict[str, Any]] = {}
    last_index: dict[int, int] = {}  # per workout (by id()), the previous set_index
    supersets: dict[int, dict[int, int]] = {}  # per workout, Hevy's ids as 0, 1, 2…
    ending = None  # the key whose last row was the row before
    for row, record in table.records():
        if ending in workouts:
            done = workouts.pop(ending)
            last_index.pop(id(done), None)
            supersets.pop(id(done), None)
            yield finish(done)
        ending = ends.get(row)
        if overflow := extra_cells(row, record, len(header)):
            yield overflow
        try:
            title = cols.get(record, "title")
            started = hevy_datetime(cols.get(record, "start_time"), "start_time")
            exercise = cols.get(record, "exercise_title")
            if not exercise:
                raise CellError("exercise_title: missing.")
            index = whole(number(cols.get(record, "set_index"), "set_index"), "set_index")
            superset = whole(number(cols.get(record, "superset_id"), "superset_id"), "superset_id")
            values = _set_values(cols, record)
        except CellError as error:
            yield RowError(row, str(error))
            continue
        key = (started.isoformat(), title)
        workout = workouts.get(key)
        if workout is None:
            workout = workouts[key] = new_workout(
                row,
                started_at=local_iso(started, ctx.time_zone),
                title=title[:200],
                notes=line_breaks(cols.get(record, "description"))[:10_000],
                source=SOURCE,
                external_id=stable_id(started.isoformat(), title),
                activity=None,  # the sets tell (`finish`)
            )
            try:
                end = hevy_datetime(cols.get(record, "end_time"), "end_time")
            except CellError:
                end = None
            if duration := duration_between(started, end):
                workout["duration_s"] = duration
        # set_index restarting means the same exercise was done again as a new entry.
        previous = last_index.get(id(workout))
        entries = workout["exercises"]
        repeated = (
            entries
            and entries[-1]["exercise"] == exercise[:120]
            and index is not None
            and previous is not None
            and index <= previous
        )
        if superset is not None:
            numbering = supersets.setdefault(id(workout), {})
            superset = numbering.setdefault(superset, len(numbering))
        add_set(workout, exercise[:120], values, row, superset=superset, new_entry=bool(repeated))
        last_index[id(workout)] = index if index is not None else -1
        note = line_breaks(cols.get(record, "exercise_notes"))
        if note:
            add_note(workout, f"{exercise}: {note}")
    for workout in workouts.values():
        yield finish(workout)


def line_breaks(text: str) -> str:
    """Hevy writes a note's line breaks as a literal backslash-n."""
    return text.replace("\\r\\n", "\n").replace("\\n", "\n")


def _set_values(cols: Columns, record: list[str]) -> dict[str, Any]:
    set_type = cols.get(record, "set_type").lower() or "normal"
    if set_type not in SET_TYPES:
        raise CellError(f"set_type: {set_type!r} is not one of {', '.join(sorted(SET_TYPES))}.")
    weight_col = cols.filled(record, tuple(WEIGHT_COLUMNS))
    distance_col = cols.filled(record, tuple(DISTANCE_COLUMNS))
    weight = number(cols.get(record, weight_col), weight_col or "weight")
    distance = positive(number(cols.get(record, distance_col), distance_col or "distance"))
    return {
        "set_type": set_type,
        "load_kg": load_kg(weight, WEIGHT_COLUMNS.get(weight_col or "", "kg")),
        "reps": whole(number(cols.get(record, "reps"), "reps"), "reps"),
        "distance_m": metres(distance, DISTANCE_COLUMNS.get(distance_col or "", "km")),
        "duration_s": _duration(cols.get(record, "duration_seconds")),
        "rpe": positive(number(cols.get(record, "rpe"), "rpe")),
    }


def _duration(text: str) -> int | None:
    value = positive(number(text, "duration_seconds"))
    return round(value) if value else None


@functools.lru_cache(maxsize=256)  # every set row repeats its workout's dates
def hevy_datetime(text: str, column: str) -> datetime:
    """A Hevy date in any of the app's languages, or ISO; naive (no zone in the file)."""
    text = " ".join(text.split())
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year, hour, minute, second, meridiem = match.groups()
    else:
        match = _MONTH_FIRST.match(text)
        if match is None:
            return naive_datetime(text, column)
        month, day, year, hour, minute, second, meridiem = match.groups()
    month_number = _month(month)
    if month_number is None:
        raise CellError(f"{column}: unknown month in {text!r}.")
    hour_number = int(hour)
    if meridiem:
        am = meridiem.lower().startswith("a")
        if not 1 <= hour_number <= 12:
            raise CellError(f"{column}: {text!r} is not a time.")
        hour_number = hour_number % 12 + (0 if am else 12)
    try:
        return datetime(
            int(year), month_number, int(day), hour_number, int(minute), int(second or 0)
        )
    except ValueError:
        raise CellError(f"{column}: {text!r} is not a date.") from None


def _month(name: str) -> int | None:
    token = name.lower().rstrip(".")
    if len(token) < 3:
        return None
    found = {
        number
        for number, names in MONTHS.items()
        for candidate in names
        if candidate.startswith(token) or (token.startswith(candidate) and len(candidate) >= 3)
    }
    return found.pop() if len(found) == 1 else None
