"""GPX tracks (Strava, Garmin Connect and most apps): each <trk> with times is a workout.

Duration is first to last timed point, distance the track's length, heart rate the
points' Garmin TrackPointExtension `hr` values. `<type>` names the activity ("running",
or Strava's numeric codes). A track is identified by its UTC start time.
"""

import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

import gpxpy
import gpxpy.gpx

from logbook.imports.readers.common import (
    ImportContext,
    ImportFailed,
    Item,
    RowError,
    aware_iso,
    duration_between,
    heart_rate,
    new_workout,
    read_text,
    utc_key,
)
from logbook.imports.readers.xmlstream import local_name

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
    text = read_text(source)
    if "<gpx" not in text[:65536]:
        raise ImportFailed("Not a GPX file: no <gpx> element.")
    try:
        document = gpxpy.parse(text)
    except Exception as error:  # gpxpy raises assorted errors on malformed files
        raise ImportFailed(f"The GPX file could not be read: {error}") from None
    ctx.report(1.0)
    for number, track in enumerate(document.tracks, start=1):
        workout = _workout(track, number, ctx)
        if workout is None:
            yield RowError(number, f"Track {number} has no start and end times; skipped.")
        else:
            yield workout


def _workout(track: gpxpy.gpx.GPXTrack, number: int, ctx: ImportContext) -> dict[str, Any] | None:
    points = [p for segment in track.segments for p in segment.points if p.time is not None]
    if not points:
        return None
    start, end = (_aware(p.time, ctx) for p in (points[0], points[-1]))
    rates = [hr for hr in (_hr(p) for p in points) if hr]
    length = track.length_3d() or track.length_2d() or 0
    kind = (track.type or "").strip().lower().replace(" ", "_")
    workout = new_workout(
        number,
        started_at=aware_iso(start, ctx.time_zone),
        title=(track.name or "GPX track").strip()[:200],
        activity=TYPES.get(kind, "other"),
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
    return workout


def _aware(moment: datetime, ctx: ImportContext) -> datetime:
    """GPX times are UTC; a file without a zone is taken as the user's local time."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ctx.time_zone)


def _hr(point: gpxpy.gpx.GPXTrackPoint) -> int | None:
    for extension in point.extensions or []:
        for element in extension.iter():
            if local_name(element.tag) == "hr":
                return heart_rate(element.text)
    return None
