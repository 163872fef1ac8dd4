"""Garmin Training Center XML (TCX): each <Activity> is a workout, its laps intervals.

Duration and distance are the laps' sums, heart rate the laps' (time-weighted) averages
and maxima, or the trackpoints' when laps omit them. A lap marked Resting is a recovery
interval; other laps are work between recoveries, else steady. An activity whose Sport is
"Other" gets one from its creator (a bike computer) or its speed (`sport`), and the job
says so. An activity is identified by its <Id>, the start time.
"""

import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element

from logbook.imports.readers.common import (
    ImportContext,
    Item,
    RowError,
    aware_iso,
    finish,
    heart_rate,
    new_workout,
    utc_key,
)
from logbook.imports.readers.sport import infer_sport, moving_speed_kmh
from logbook.imports.readers.xmlstream import child_text, local_name, stream_elements

SOURCE = "tcx"
SPORTS = {"running": "run", "biking": "ride", "cycling": "ride", "walking": "walk"}


def read_tcx(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    activities = stream_elements(
        source,
        "TrainingCenterDatabase",
        "Activity",
        "a TCX file",
        ctx,
        shrink={"Trackpoint": _keep_point},
    )
    for number, activity in enumerate(activities, start=1):
        if isinstance(activity, RowError):  # the file is cut short: nothing follows
            yield activity
            continue
        try:
            workout = _workout(activity, number, ctx)
        except ValueError as error:
            yield RowError(number, f"Activity {number}: {error}; skipped.")
            continue
        inferred = workout.pop("_inferred", None)
        if inferred is not None:
            yield RowError(number, f"Activity {number}: {inferred.message()}", refused=False)
        yield workout


def _workout(activity: Element, number: int, ctx: ImportContext) -> dict[str, Any]:
    laps = [e for e in activity if local_name(e.tag) == "Lap"]
    start = _time(child_text(activity, "Id") or (laps[0].get("StartTime") if laps else ""))
    intervals = [_lap(lap, number) for lap in laps]
    intervals = [i for i in intervals if i["duration_s"] >= 1]
    kinds = {i["kind"] for i in intervals}
    for interval in intervals:
        if interval["kind"] == "active":
            interval["kind"] = "work" if "recovery" in kinds else "steady"
    total = sum(i["duration_s"] for i in intervals)
    distance = sum(i["distance_m"] or 0 for i in intervals)
    timed = [i for i in intervals if i["avg_hr"]]
    avg_hr = (
        round(
            sum(i["avg_hr"] * i["duration_s"] for i in timed) / sum(i["duration_s"] for i in timed)
        )
        if timed
        else None
    )
    maxima = [i["max_hr"] for i in intervals if i["max_hr"]]
    sport = SPORTS.get((activity.get("Sport") or "").lower())
    inferred = None
    if sport is None:  # "Other", as Polar and others write for what TCX has no word for
        speed = moving_speed_kmh(_progress(laps))
        inferred = infer_sport(child_text(activity, "Creator", "Name"), "", speed)
        sport = inferred.activity if inferred else "other"
    workout = new_workout(
        number,
        started_at=aware_iso(start, ctx.time_zone),
        title=(activity.get("Sport") or "Activity")[:200],
        activity=sport,
        source=SOURCE,
        external_id=utc_key(start),
        duration_s=total or None,
        distance_m=round(distance, 3) or None,
        avg_hr=heart_rate(avg_hr),
        max_hr=heart_rate(max(maxima)) if maxima else None,
        notes=child_text(activity, "Notes")[:10_000],
    )
    workout["intervals"] = intervals
    if inferred is not None:
        workout["_inferred"] = inferred
    return finish(workout)


def _lap(lap: Element, number: int) -> dict[str, Any]:
    points = [hr for hr in _trackpoint_rates(lap) if hr]
    avg = heart_rate(child_text(lap, "AverageHeartRateBpm", "Value"))
    peak = heart_rate(child_text(lap, "MaximumHeartRateBpm", "Value"))
    if avg is None and points:
        avg = round(sum(points) / len(points))
    if peak is None and points:
        peak = max(points)
    resting = child_text(lap, "Intensity").lower() == "resting"
    return {
        "kind": "recovery" if resting else "active",
        "duration_s": round(_float(child_text(lap, "TotalTimeSeconds")) or 0),
        "distance_m": _float(child_text(lap, "DistanceMeters")) or None,
        "avg_hr": avg,
        "max_hr": peak,
        "_row": number,
    }


def _keep_point(trackpoint: Element) -> None:
    """A finished track point shrinks to what a workout takes from it: its heart rate, and
    its time and distance so far (for the speed of an activity without a sport)."""
    kept = {
        "hr": child_text(trackpoint, "HeartRateBpm", "Value"),
        "time": child_text(trackpoint, "Time"),
        "distance": child_text(trackpoint, "DistanceMeters"),
    }
    trackpoint.clear()
    for name, value in kept.items():
        if value:
            trackpoint.set(name, value)


def _progress(laps: list[Element]) -> list[tuple[datetime, float]]:
    """(time, metres so far) of the track points that have both, in file order."""
    progress = []
    for lap in laps:
        for point in lap.iter():
            if local_name(point.tag) != "Trackpoint":
                continue
            metres = _float(point.get("distance") or "")
            try:
                moment = _time(point.get("time") or "")
            except ValueError:
                continue
            if metres is not None:
                progress.append((moment, metres))
    return progress


def _trackpoint_rates(lap: Element) -> Iterator[int | None]:
    for element in lap.iter():
        if local_name(element.tag) == "Trackpoint":
            yield heart_rate(element.get("hr"))


def _time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not a start time") from None
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None
