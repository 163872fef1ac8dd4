"""GPX tracks (Strava, Garmin Connect and most apps): each <trk> with times is a workout.

Duration is first to last timed point, distance the track's length, heart rate the
points' Garmin TrackPointExtension `hr` values. `<type>` names the activity ("running",
or Strava's numeric codes); a track without one gets its sport from the file's creator,
its name or its speed (`sport`), and the job says so. A track is identified by its UTC
start time.
"""

import itertools
import math
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element

from gpxpy.geo import distance
from gpxpy.gpx import GPXException
from gpxpy.gpxfield import parse_time

from logbook.imports.readers.common import (
    ImportContext,
    Item,
    RowError,
    aware_iso,
    duration_between,
    heart_rate,
    new_workout,
    utc_key,
)
from logbook.imports.readers.sport import infer_sport, moving_speed_kmh
from logbook.imports.readers.xmlstream import child, child_text, local_name, stream_elements

SOURCE = "gpx"
TYPES = {
    "run": "run",
    "running": "run",
    "trail_running": "run",
    "9": "run",
    "ride": "ride",
    "cycling": "ride",
    "biking": "ride",
    "road_biking": "ride",
    "mountain_biking": "ride",
    "1": "ride",
    "walk": "walk",
    "walking": "walk",
    "hiking": "walk",
    "hike": "walk",
    "10": "walk",
    "4": "walk",
    "swim": "swim",
    "swimming": "swim",
    "open_water_swimming": "swim",
    "rowing": "row",
    "row": "row",
}


def read_gpx(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    creator = _creator(source)
    tracks = stream_elements(
        source, "gpx", "trk", "a GPX file", ctx, shrink={"trkpt": _keep_point, "rtept": _drop}
    )
    for number, track in enumerate(tracks, start=1):
        if isinstance(track, RowError):  # the file is cut short: nothing follows
            yield track
            continue
        workout = _workout(track, number, ctx, creator)
        if workout is None:
            yield RowError(number, f"Track {number} has no start and end times; skipped.")
            continue
        inferred = workout.pop("_inferred", None)
        if inferred is not None:
            yield RowError(number, f"Track {number}: {inferred.message()}", refused=False)
        yield workout


def _creator(source: BinaryIO) -> str:
    """The <gpx creator="..."> attribute, read from the file's start (then rewound)."""
    head = source.read(4096).decode("utf-8", errors="ignore")
    source.seek(0)
    match = re.search(r"<(?:\w+:)?gpx\b[^>]*?\screator\s*=\s*[\"']([^\"']{0,200})", head)
    return match.group(1) if match else ""


def _keep_point(point: Element) -> None:
    """A finished track point shrinks to the attributes a workout takes from it: where,
    when and the heart rate of Garmin's TrackPointExtension."""
    kept = {name: point.get(name) for name in ("lat", "lon")}
    kept["ele"] = child_text(point, "ele")
    kept["time"] = child_text(point, "time")
    extensions = child(point, "extensions")
    if extensions is not None:
        kept["hr"] = next((e.text for e in extensions.iter() if local_name(e.tag) == "hr"), None)
    point.clear()
    for name, value in kept.items():
        if value:
            point.set(name, value.strip())


def _drop(element: Element) -> None:
    element.clear()


def _workout(
    track: Element, number: int, ctx: ImportContext, creator: str
) -> dict[str, Any] | None:
    segments = [
        [p for p in segment if local_name(p.tag) == "trkpt"]
        for segment in track
        if local_name(segment.tag) == "trkseg"
    ]
    times = [t for t in (_time(p, ctx) for s in segments for p in s) if t is not None]
    if not times:
        return None
    start, end = times[0], times[-1]
    rates = [hr for hr in (heart_rate(p.get("hr")) for s in segments for p in s) if hr]
    length = _length(segments, with_elevation=True) or _length(segments, with_elevation=False)
    kind = child_text(track, "type").lower().replace(" ", "_")
    name = child_text(track, "name")
    activity = TYPES.get(kind)
    inferred = None
    if activity is None:
        inferred = infer_sport(creator, name, moving_speed_kmh(_progress(segments, ctx)))
        activity = inferred.activity if inferred else "other"
    workout = new_workout(
        number,
        started_at=aware_iso(start, ctx.time_zone),
        title=(name or "GPX track")[:200],
        activity=activity,
        source=SOURCE,
        external_id=utc_key(start),
        duration_s=duration_between(start, end),
        distance_m=round(length, 1) if math.isfinite(length) and length > 0 else None,
        avg_hr=heart_rate(sum(rates) / len(rates)) if rates else None,
        max_hr=heart_rate(max(rates)) if rates else None,
    )
    if not workout["duration_s"]:
        return None
    del workout["exercises"], workout["intervals"]
    if inferred is not None:
        workout["_inferred"] = inferred
    return workout


def _time(point: Element, ctx: ImportContext) -> datetime | None:
    """GPX times are UTC; a file without a zone is taken as the user's local time."""
    text = point.get("time")
    if not text:
        return None
    try:
        moment = parse_time(text)
    except (GPXException, ValueError, OverflowError):
        return None
    if moment is None:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ctx.time_zone)


def _progress(segments: list[list[Element]], ctx: ImportContext) -> list[tuple[datetime, float]]:
    """(time, metres so far) along the track's timed points; a gap between segments adds
    no distance, so it reads as a stop."""
    progress: list[tuple[datetime, float]] = []
    metres = 0.0
    for segment in segments:
        previous = None
        for point in segment:
            place, moment = _place(point), _time(point, ctx)
            if place is None or moment is None:
                continue
            if previous is not None:
                metres += distance(previous[0], previous[1], None, place[0], place[1], None) or 0
            previous = place
            progress.append((moment, metres))
    return progress


def _length(segments: list[list[Element]], *, with_elevation: bool) -> float:
    """Metres along each segment, as gpxpy measures a track (its `length_3d`/`length_2d`)."""
    total = 0.0
    for segment in segments:
        places = [place for place in map(_place, segment) if place is not None]
        for (lat1, lon1, ele1), (lat2, lon2, ele2) in itertools.pairwise(places):
            if not with_elevation:
                ele1 = ele2 = None
            total += distance(lat1, lon1, ele1, lat2, lon2, ele2) or 0
    return total


def _place(point: Element) -> tuple[float, float, float | None] | None:
    try:
        lat, lon = float(point.get("lat", "")), float(point.get("lon", ""))
    except ValueError:
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    try:
        elevation: float | None = float(point.get("ele", ""))
    except ValueError:
        elevation = None
    return lat, lon, elevation
