"""Polar Flow's account export: one `training-session-….json` per session (a list of
sessions is read too, as every JSON reader walks the file: `common.json_objects`).

A session holds one or more exercises (a multisport session several), each a workout:
its start on the local clock with `timezoneOffset` in minutes, `duration` as ISO 8601
("PT3600.5S"), `distance` in metres, `sport` ("RUNNING", "STRENGTH_TRAINING"…), heart
rate (`heartRate` avg/max, or the samples'). Newer exports spell some figures
`durationMillis`, `distanceMeters`, `averageHeartRate` and `maximumHeartRate`; both are
read. An exercise of a sport Polar leaves generic gets its sport from its speed, said in
the job's messages. Polar records no strength sets. An exercise is identified by its
UTC start time.
"""

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, BinaryIO

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

SOURCE = "polar"
ISO_DURATION = re.compile(
    r"^P(?:(\d{1,4})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,7})M)?(?:(\d{1,9}(?:\.\d{1,9})?)S)?)?$",
    re.ASCII,
)


def read_polar_json(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    sessions = [
        s
        for s in json_objects(source, "Polar Flow")
        if isinstance(s, dict) and isinstance(s.get("exercises"), list)
    ]
    if not sessions:
        raise ImportFailed("Not a Polar Flow training session: it has no exercises.")
    ctx.report(1.0)
    number = 0
    for session in sessions:
        exercises = [e for e in session["exercises"] if isinstance(e, dict)] or [session]
        for exercise in exercises:
            number += 1
            ctx.rows += 1
            figures = {**session, **exercise} if len(exercises) == 1 else exercise
            yield from _exercise(session, figures, number, ctx)


def _exercise(
    session: dict[str, Any], figures: dict[str, Any], number: int, ctx: ImportContext
) -> Iterator[Item]:
    offset = next(  # the exercise's own, else its session's (both spellings seen)
        (
            minutes
            for figures_of in (figures, session)
            for key in ("timezoneOffset", "timeZoneOffset")
            if (minutes := _minutes(figures_of.get(key))) is not None
        ),
        None,
    )
    zone = timezone(timedelta(minutes=offset)) if offset is not None else ctx.time_zone
    start = iso_moment(figures.get("startTime"), zone)
    if start is None:
        yield RowError(number, f"Exercise {number} has no start time; skipped.")
        return
    samples = figures.get("samples") if isinstance(figures.get("samples"), dict) else {}
    rates = [
        bpm for bpm in (heart_rate(s.get("value")) for s in _series(samples, "heartRate")) if bpm
    ]
    hr = figures.get("heartRate") if isinstance(figures.get("heartRate"), dict) else {}
    duration = _duration(figures)
    distance = positive(json_number(figures.get("distance", figures.get("distanceMeters"))))
    sport = str(figures.get("sport") or "")
    activity, inferred = named_or_inferred(
        activity_named(sport.replace("_", " ")), _progress(samples), distance, duration
    )
    avg_hr, max_hr = rate_summary(
        heart_rate(hr.get("avg", hr.get("average", figures.get("averageHeartRate")))),
        heart_rate(hr.get("max", hr.get("maximum", figures.get("maximumHeartRate")))),
        rates,
    )
    workout = new_workout(
        number,
        started_at=aware_iso(start, zone),
        title=str(session.get("name") or sport.replace("_", " ").capitalize() or "Polar")[:200],
        activity=activity,
        source=SOURCE,
        external_id=utc_key(start),
        duration_s=round(duration) if duration and duration >= 1 else None,
        distance_m=round(distance, 1) if distance else None,
        avg_hr=avg_hr,
        max_hr=max_hr,
        notes=str(session.get("note") or session.get("notes") or "")[:10_000],
    )
    if inferred is not None:
        yield RowError(number, f"Exercise {number}: {inferred.message()}", refused=False)
    yield finish(workout)


def _duration(figures: dict[str, Any]) -> float | None:
    millis = json_number(figures.get("durationMillis"))
    if millis:
        return millis / 1000
    match = ISO_DURATION.match(str(figures.get("duration") or "").strip())
    if not match or not any(match.groups()):
        return None
    days, hours, minutes, secs = (float(g or 0) for g in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + secs


def _series(samples: dict[str, Any], name: str) -> list[dict[str, Any]]:
    values = samples.get(name)
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def _progress(samples: dict[str, Any]) -> list[tuple[datetime, float]]:
    """(time, metres so far) of the distance samples; their times share one clock, so
    the zone given them does not matter for speeds."""
    points = []
    for sample in _series(samples, "distance"):
        moment, metres = iso_moment(sample.get("dateTime"), UTC), json_number(sample.get("value"))
        if moment is not None and metres is not None:
            points.append((moment, metres))
    return points


def _minutes(value: Any) -> int | None:
    number = json_number(value)
    return int(number) if number is not None and abs(number) <= 14 * 60 else None
