"""Polar's HRM files: what Polar ProTrainer, WebLink and polarpersonaltrainer.com saved of
the watches before Polar Flow. One file is one workout, an INI-like text of sections:

- `[Params]`: the start on the watch's clock (`Date=YYYYMMDD`, `StartTime=HH:MM:SS.s`, no
  zone: it is taken in the user's), `Length`, the recording `Interval` in seconds (238: the
  rows are R-R intervals in milliseconds) and `SMode`, whose digits say which columns follow
  the heart rate in `[HRData]` (speed in 0.1 km/h, cadence, altitude, power, power balance)
  and, eighth, whether the units are US (0.1 mph, feet);
- `[Trip]` (files of version 1.06): first the distance in 0.1 km (or mile);
- `[Note]`: the user's note, kept as the notes.

Distance falls back to the speed samples, summed; the sport, which the file does not name,
comes from the note's words or the speed (`sport`), and the job says so. A workout is
identified by its start time.
"""

import math
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import BinaryIO

from logbook.imports.readers.common import (
    ImportContext,
    ImportFailed,
    Item,
    RowError,
    finish,
    heart_rate,
    local_iso,
    new_workout,
    positive,
    rate_summary,
    read_text,
)
from logbook.imports.readers.sport import activity_named, named_or_inferred

SOURCE = "polar"
RR_INTERVALS = 238  # `Interval` of a file whose rows are R-R intervals, not samples
COLUMNS = ("speed", "cadence", "altitude", "power")  # after the heart rate, by SMode digit
METRES_PER_MILE = 1609.344
CLOCK = re.compile(r"^(\d{1,3}):(\d{2}):(\d{2}(?:\.\d{1,3})?)$", re.ASCII)


def read_polar_hrm(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    sections = _sections(read_text(source))  # small: the job bounds what is read whole
    if "params" not in sections:
        raise ImportFailed("Not a Polar HRM file: it has no [Params] section.")
    ctx.report(1.0)
    ctx.rows += 1
    params = {
        key.strip().lower(): value.strip()
        for key, _, value in (line.partition("=") for line in sections["params"])
    }
    start = _start(params.get("date", ""), params.get("starttime", ""))
    if start is None:
        yield RowError(1, "The file has no start time ([Params] Date and StartTime); skipped.")
        return
    smode = params.get("smode", "")
    us = smode[7:8] == "1"
    columns = ["hr", *(name for i, name in enumerate(COLUMNS) if smode[i : i + 1] == "1")]
    if "1" in smode[4:6]:
        columns.append("balance")  # power balance and pedalling index share a column
    rows, unread = _rows(sections.get("hrdata", []), len(columns))
    interval = _number(params.get("interval"))
    rates, points = _samples(rows, columns, interval, start, us)
    duration = _clock(params.get("length", "")) or (
        len(rows) * interval if interval and interval != RR_INTERVALS else None
    )
    trip = _number((sections.get("trip") or [""])[0])  # its first line: 0.1 km (or mile)
    distance = positive(trip / 10 * (METRES_PER_MILE if us else 1000) if trip else None)
    if distance is None and points:
        distance = positive(points[-1][1])
    note = "\n".join(sections.get("note", [])).strip()
    activity, inferred = named_or_inferred(activity_named(note), points, distance, duration)
    avg_hr, max_hr = rate_summary(None, None, rates)
    workout = new_workout(
        1,
        started_at=local_iso(start, ctx.time_zone),
        title=(note.splitlines()[0] if note else "Polar HRM")[:200],
        activity=activity,
        source=SOURCE,
        external_id=start.isoformat(),  # the watch's clock, whatever the profile's zone
        duration_s=round(duration) if duration and duration >= 1 else None,
        distance_m=round(distance, 1) if distance else None,
        avg_hr=avg_hr,
        max_hr=max_hr,
        notes=note[:10_000],
    )
    if unread:
        message = f"{unread} rows of [HRData] are not numbers and are left out."
        yield RowError(1, message, refused=False)
    if inferred is not None:
        yield RowError(1, inferred.message(), refused=False)
    yield finish(workout)


def _sections(text: str) -> dict[str, list[str]]:
    """Each `[Section]`'s non-empty lines, by its name in lower case."""
    sections: dict[str, list[str]] = {}
    lines: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            lines = sections.setdefault(line[1:-1].strip().lower(), [])
        elif line and lines is not None:
            lines.append(line)
    return sections


def _rows(lines: list[str], width: int) -> tuple[list[list[float]], int]:
    """The [HRData] rows as numbers, and how many could not be read."""
    rows, unread = [], 0
    for line in lines:
        cells = line.split()
        try:
            values = [float(cell) for cell in cells[:width]]
        except ValueError:
            values = []
        if values and all(math.isfinite(v) for v in values):
            rows.append(values)
        else:
            unread += 1
    return rows, unread


def _samples(
    rows: list[list[float]], columns: list[str], interval: float | None, start: datetime, us: bool
) -> tuple[list[int], list[tuple[datetime, float]]]:
    """Heart rates (bpm) and (time, metres so far) from the speed column."""
    rates: list[int] = []
    points: list[tuple[datetime, float]] = []
    if interval == RR_INTERVALS:
        rates = [bpm for bpm in (heart_rate(60_000 / r[0]) for r in rows if r[0] > 0) if bpm]
        return rates, points
    speed = columns.index("speed") if "speed" in columns else None
    metres, step = 0.0, interval or 0
    for n, row in enumerate(rows):
        if bpm := heart_rate(row[0]):
            rates.append(bpm)
        if speed is not None and step and len(row) > speed:
            kmh = row[speed] / 10 * (METRES_PER_MILE / 1000 if us else 1)
            metres += max(kmh, 0) / 3.6 * step
            points.append((start + timedelta(seconds=(n + 1) * step), metres))
    return rates, points


def _start(day: str, clock: str) -> datetime | None:
    try:
        date = datetime.strptime(day.strip(), "%Y%m%d")
    except ValueError:
        return None
    seconds = _clock(clock)
    if seconds is None:
        return None
    return date + timedelta(seconds=int(seconds))


def _clock(text: str) -> float | None:
    """Seconds of "1:07:34.9"."""
    match = CLOCK.match(text.strip())
    if not match:
        return None
    hours, minutes, secs = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + float(secs)


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").strip())
    except ValueError:
        return None
    return value if abs(value) < 1e9 else None
