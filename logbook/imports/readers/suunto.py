"""Suunto's own files: `.sml` (XML, written by Suunto's desktop tools and Movescount) and
the JSON that the Suunto app exports (`{"DeviceLog": {"Header": ..., "Samples": [...]}}`).

Both hold one move as a header (start on the local clock, `Duration` in seconds,
`Distance` in metres, heart rate in SI units: beats per second) and samples (time,
distance, heart rate). What the header lacks is taken from the samples; a move without a
named activity gets its sport from Suunto's activity number, else from its speed (`sport`),
and the job says so. A header time written without an offset (the .sml's) is placed by the
samples' UTC times, less their seconds since the start, which give the watch's offset.
Without them, or when a sample's "UTC" is the header's own clock with no "Z" (as in the
real Ambit3 pool swim in the test fixtures, which says nothing of an offset), it is taken
in the user's zone. XML goes through defusedxml (`xmlstream`). A move is identified by its
start time.
"""

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element

from logbook.imports.readers.common import (
    ImportContext,
    ImportFailed,
    Item,
    RowError,
    aware_iso,
    finish,
    heart_rate,
    iso_moment,
    json_number,
    json_objects,
    new_workout,
    positive,
    rate_summary,
    utc_key,
)
from logbook.imports.readers.sport import activity_named, named_or_inferred
from logbook.imports.readers.xmlstream import local_name, stream_elements

SOURCE = "suunto"
# Suunto's numeric activity types (`ActivityType`, the ids of the SUUNTO_ACTIVITY_TYPE table
# in Suunto's Apps Developer Manual of 2015, which Movescount, SuuntoLink and the Suunto app
# share) that are one of our activities; the others (1 "not specified", 2 multisport, team
# sports...) go by speed.
ACTIVITY_TYPES = {
    3: "run",  # running
    82: "run",  # trail running
    93: "run",  # treadmill
    4: "ride",  # cycling
    5: "ride",  # mountain biking
    17: "ride",  # indoor cycling
    6: "swim",  # pool swimming
    83: "swim",  # open water swimming
    11: "walk",  # trekking
    12: "walk",  # walking
    84: "walk",  # Nordic walking
    15: "row",  # rowing
    71: "row",  # indoor rowing
    23: "strength",  # weight training
    87: "strength",  # kettlebell
    90: "strength",  # cross fit (cross training)
    18: "hiit",  # circuit training
    10: "mobility",  # yoga and Pilates
    79: "mobility",  # stretching
}
OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")  # a time written with its offset


def read_suunto_sml(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    logs = stream_elements(
        source, "sml", "DeviceLog", "a Suunto SML file", ctx, shrink={"Sample": _keep_sample}
    )
    for number, log in enumerate(logs, start=1):
        if isinstance(log, RowError):  # the file is cut short: nothing follows
            yield log
            continue
        header = next((c for c in log if local_name(c.tag) == "Header"), None)
        samples = [dict(e.attrib) for e in log.iter() if local_name(e.tag) == "Sample" and e.attrib]
        yield from _move(_as_dict(header) if header is not None else {}, samples, number, ctx)


def read_suunto_json(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    found = False
    for number, item in enumerate(json_objects(source, "Suunto"), start=1):
        log = item.get("DeviceLog") if isinstance(item, dict) else None
        if not isinstance(log, dict):
            continue
        found = True
        samples = [s for s in log.get("Samples") or [] if isinstance(s, dict)]
        header = log.get("Header") if isinstance(log.get("Header"), dict) else {}
        yield from _move(header, samples, number, ctx)
    if not found:
        raise ImportFailed("Not a Suunto JSON file: it has no DeviceLog.")
    ctx.report(1.0)


def _keep_sample(sample: Element) -> None:
    """A finished sample shrinks to its time, distance and heart rate."""
    kept = {name: _text(sample, name) for name in ("UTC", "TimeISO8601", "Time", "Distance", "HR")}
    sample.clear()
    for name, value in kept.items():
        if value:
            sample.set(name, value)


def _move(
    header: dict[str, Any], samples: list[dict[str, Any]], number: int, ctx: ImportContext
) -> Iterator[Item]:
    ctx.rows += 1
    start = _start(header.get("DateTime"), samples, ctx)
    if start is None:
        yield RowError(number, f"Move {number} has no start time (Header/DateTime); skipped.")
        return
    points = _progress(samples, start)
    rates = [bpm for bpm in (_bpm(s.get("HR")) for s in samples) if bpm]
    hr = header.get("HR")
    hr = hr[0] if isinstance(hr, list) and hr else hr
    hr = hr if isinstance(hr, dict) else {}
    duration = _number(header.get("Duration"))
    if not duration and len(points) > 1:
        duration = (points[-1][0] - points[0][0]).total_seconds()
    distance = positive(_number(header.get("Distance")))
    if distance is None and points:
        distance = positive(max(d for _, d in points))
    activity, inferred = named_or_inferred(
        activity_named(str(header.get("Activity") or ""))
        or ACTIVITY_TYPES.get(_whole(header.get("ActivityType"))),
        points,
        distance,
        duration,
    )
    avg_hr, max_hr = rate_summary(_bpm(hr.get("Avg")), _bpm(hr.get("Max")), rates)
    workout = new_workout(
        number,
        started_at=aware_iso(start, start.tzinfo),  # its own offset, else the user's zone
        title=str(header.get("Activity") or "Suunto move")[:200],
        activity=activity,
        source=SOURCE,
        external_id=utc_key(start),
        duration_s=round(duration) if duration and duration >= 1 else None,
        distance_m=round(distance, 1) if distance else None,
        avg_hr=avg_hr,
        max_hr=max_hr,
        notes=str(header.get("Notes") or "")[:10_000],
    )
    if inferred is not None:
        yield RowError(number, f"Move {number}: {inferred.message()}", refused=False)
    yield finish(workout)


def _start(written: Any, samples: list[dict[str, Any]], ctx: ImportContext) -> datetime | None:
    """The move's start: the header's time with its own offset, else its local clock at the
    offset its samples' UTC times show (to the quarter hour), else in the user's zone."""
    if not isinstance(written, str) or OFFSET.search(written.strip()):
        return iso_moment(written, ctx.time_zone)  # none, or with its own offset
    local = iso_moment(written, UTC)
    if local is None:
        return None
    for sample in samples:
        written_utc = str(sample.get("UTC") or "").strip()
        moment, seconds = iso_moment(written_utc, UTC), _number(sample.get("Time"))
        if moment is None or seconds is None:
            continue
        began = moment - timedelta(seconds=seconds)
        minutes = round((local - began).total_seconds() / 900) * 15
        if minutes == 0 and not OFFSET.search(written_utc):
            break  # "UTC" that is the header's own clock, with no Z, says nothing
        if abs(minutes) <= 14 * 60:
            return local.replace(tzinfo=timezone(timedelta(minutes=minutes)))
        break
    return local.replace(tzinfo=ctx.time_zone)


def _as_dict(element: Element) -> dict[str, Any]:
    """An XML header as a dict: text leaves as strings, nested elements as dicts."""
    out: dict[str, Any] = {}
    for node in element:
        out[local_name(node.tag)] = _as_dict(node) if len(node) else (node.text or "").strip()
    return out


def _text(element: Element, name: str) -> str:
    node = next((c for c in element if local_name(c.tag) == name), None)
    return (node.text or "").strip() if node is not None else ""


def _progress(samples: list[dict[str, Any]], start: datetime) -> list[tuple[datetime, float]]:
    """(time, metres so far) of the samples that have both; a sample's time is its
    UTC/TimeISO8601 stamp, else seconds since the start."""
    points = []
    for sample in samples:
        metres = _number(sample.get("Distance"))
        moment = iso_moment(sample.get("UTC") or sample.get("TimeISO8601"), UTC)
        if moment is None:
            offset = _number(sample.get("Time"))
            moment = start + timedelta(seconds=offset) if offset is not None else None
        if metres is not None and moment is not None:
            points.append((moment, metres))
    return points


def _bpm(value: Any) -> int | None:
    """Heart rate as Suunto stores it, in beats per second (2.5 = 150 bpm); a value that
    is already in beats per minute is taken as it is."""
    number = _number(value)
    if number is None or number <= 0:
        return None
    return heart_rate(number * 60 if number < 5 else number)


def _number(value: Any) -> float | None:
    """A number from JSON, or from XML text."""
    if isinstance(value, str):
        text = value.strip()
        return float(text) if re.fullmatch(r"-?\d{1,12}(\.\d{1,12})?", text) else None
    return json_number(value)


def _whole(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and number == int(number) else None
