"""Garmin Connect activity JSON: the account export's `*_summarizedActivities.json`
(`[{"summarizedActivitiesExport": [...]}]`: times in epoch milliseconds, durations in
milliseconds, distances in centimetres) and single activities or activity lists as Garmin
Connect's web service gives them (`activityId`, `startTimeGMT`, seconds and metres, with
the figures at the top or in `summaryDTO`). Which units an activity uses follows from where
it sits, not from its fields: the web service's activity list also writes `beginTimestamp`
in epoch milliseconds, beside a duration in seconds and distance in metres, and its
`elapsedDuration` in milliseconds (pe-st/garmin-connect-export's real samples show both),
so an elapsed time a thousand times the duration is read as milliseconds. Strength sets
come from `exerciseSets` or `fullExerciseSets` where the file has them (weights in grams);
the export's `summarizedExerciseSets` holds only totals per exercise, which are not sets,
and the job says so. An activity is identified by its Garmin activity id.
"""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, BinaryIO

from logbook.imports.readers.common import (
    ImportContext,
    ImportFailed,
    Item,
    RowError,
    add_set,
    aware_iso,
    finish,
    heart_rate,
    iso_moment,
    json_number,
    json_objects,
    new_workout,
    positive,
)
from logbook.imports.readers.sport import activity_named

SOURCE = "garmin"
UNKNOWN_EXERCISE = "Unrecognised exercise"


def read_garmin_json(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    activities = _activities(json_objects(source, "Garmin Connect"))
    if activities is None:
        raise ImportFailed(
            "Not a Garmin Connect activity file: it has neither summarizedActivitiesExport "
            "nor an activityId."
        )
    ctx.report(1.0)
    for number, (raw, exported) in enumerate(activities, start=1):
        ctx.rows += 1
        if not isinstance(raw, dict):
            yield RowError(number, f"Activity {number} is not an object; skipped.")
            continue
        try:
            workout, notes = _workout(raw, number, ctx, exported=exported)
        except ValueError as error:
            yield RowError(number, f"Activity {number}: {error}; skipped.")
            continue
        for note in notes:
            yield RowError(number, f"Activity {number}: {note}", refused=False)
        yield finish(workout)


def _activities(objects: list[Any]) -> list[tuple[Any, bool]] | None:
    """Each activity with whether it is in the account export's units (milliseconds and
    centimetres) rather than the web service's (seconds and metres)."""
    found: list[tuple[Any, bool]] = []
    recognised = False
    for item in objects:
        if isinstance(item, dict) and "summarizedActivitiesExport" in item:
            recognised = True
            listed = item["summarizedActivitiesExport"]
            found.extend((a, True) for a in (listed if isinstance(listed, list) else []))
        elif isinstance(item, dict) and "activityId" in item:
            recognised = True
            found.append((item, False))
    return found if recognised else None


def _workout(
    raw: dict[str, Any], number: int, ctx: ImportContext, *, exported: bool
) -> tuple[dict, list[str]]:
    summary = raw.get("summaryDTO") if isinstance(raw.get("summaryDTO"), dict) else {}
    figures = {**raw, **summary}
    start, offset = _start(figures, exported)
    zone = timezone(offset) if offset is not None else ctx.time_zone
    per_second = 1000 if exported else 1  # the export counts milliseconds and centimetres
    duration = json_number(figures.get("duration"))
    elapsed = json_number(figures.get("elapsedDuration"))
    if not exported and duration and elapsed and elapsed > 100 * duration:
        elapsed /= 1000  # the activity list's elapsedDuration is in milliseconds
    distance = json_number(figures.get("distance"))
    kind = _type_key(raw)
    activity_id = raw.get("activityId")
    if activity_id in (None, ""):
        raise ValueError("it has no activityId")
    workout = new_workout(
        number,
        started_at=aware_iso(start, zone),
        title=str(raw.get("activityName") or raw.get("name") or _label(kind))[:200],
        activity=activity_named(kind) or "other",
        source=SOURCE,
        external_id=str(activity_id)[:200],
        duration_s=_whole_seconds(duration, per_second),
        elapsed_s=_whole_seconds(elapsed, per_second),
        distance_m=positive(round(distance / (100 if exported else 1), 2)) if distance else None,
        avg_hr=heart_rate(figures.get("avgHr") or figures.get("averageHR")),
        max_hr=heart_rate(figures.get("maxHr") or figures.get("maxHR")),
        notes=str(raw.get("description") or "")[:10_000],
    )
    notes = []
    sets = raw.get("exerciseSets") or raw.get("fullExerciseSets")
    if isinstance(sets, list) and sets:
        unnamed = add_exercise_sets(workout, sets, number)
        if unnamed > 1:
            notes.append(
                f'the {unnamed} sets Garmin did not name are together in one "{UNKNOWN_EXERCISE}"'
                " entry."
            )
        if workout["exercises"] and workout["activity"] == "other":
            workout["activity"] = "strength"
    elif raw.get("summarizedExerciseSets"):
        notes.append(
            "the file holds only totals per exercise (summarizedExerciseSets), not each set; "
            "no sets are imported. Garmin's FIT file of the activity has them."
        )
    return workout, notes


def add_exercise_sets(workout: dict[str, Any], sets: list[Any], row: int) -> int:
    """Garmin's sets (ACTIVE, each followed by its REST) as entries; returns how many
    sets had no exercise name (gathered in one entry, as for FIT files)."""
    previous = None
    unnamed = 0
    for raw in sets:
        if not isinstance(raw, dict):
            continue
        duration = json_number(raw.get("duration"))
        if str(raw.get("setType", "")).upper() == "REST":
            if previous is not None and duration:
                previous["rest_s"] = round(duration)
            continue
        reps = raw.get("repetitionCount")
        grams = json_number(raw.get("weight"))
        values = {
            "reps": reps if isinstance(reps, int) and 0 <= reps <= 1000 else None,
            "load_kg": round(grams / 1000, 3) if grams and 0 < grams <= 1_000_000 else None,
        }
        if values["reps"] is None and duration:
            values["duration_s"] = round(duration)
        if all(v is None for v in values.values()):
            previous = None
            continue
        name = _exercise_name(raw.get("exercises"))
        unnamed += name == UNKNOWN_EXERCISE
        previous = add_set(workout, name, values, row, gather=name == UNKNOWN_EXERCISE)
    return unnamed


def _exercise_name(candidates: Any) -> str:
    """The likeliest of Garmin's candidates: "BARBELL_BENCH_PRESS" → "Barbell Bench Press"."""
    if not isinstance(candidates, list):
        return UNKNOWN_EXERCISE
    ranked = [c for c in candidates if isinstance(c, dict)]
    ranked.sort(key=lambda c: -(json_number(c.get("probability")) or 0))
    for candidate in ranked:
        category = str(candidate.get("category") or "").upper()
        if category and category != "UNKNOWN":
            name = candidate.get("name") or category
            return str(name).replace("_", " ").title()[:120]
    return UNKNOWN_EXERCISE


def _start(figures: dict[str, Any], exported: bool) -> tuple[datetime, timedelta | None]:
    """The UTC start, and the device's offset from its local start (to the quarter hour)."""
    if exported:
        utc = _from_ms(figures.get("beginTimestamp") or figures.get("startTimeGmt"))
        local = _from_ms(figures.get("startTimeLocal"))
    else:
        # the web service writes both without a zone: one is UTC, the other the local clock
        utc = iso_moment(figures.get("startTimeGMT") or figures.get("startTimeGmt"), UTC)
        local = iso_moment(figures.get("startTimeLocal"), UTC)
    if utc is None:
        raise ValueError("it has no start time")
    if local is None:
        return utc, None
    minutes = round((local - utc).total_seconds() / 900) * 15
    return utc, timedelta(minutes=minutes) if abs(minutes) <= 14 * 60 else None


def _from_ms(value: Any) -> datetime | None:
    number = json_number(value)
    if number is None:
        return None
    try:
        moment = datetime.fromtimestamp(number / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if 1970 < moment.year <= 2100 else None


def _type_key(raw: dict[str, Any]) -> str:
    for field in ("activityType", "activityTypeDTO"):
        value = raw.get(field)
        if isinstance(value, dict):
            value = value.get("typeKey")
        if isinstance(value, str) and value:
            return value
    return str(raw.get("sportType") or "")


def _label(kind: str) -> str:
    return (kind or "activity").replace("_", " ").capitalize()


def _whole_seconds(value: float | None, per_second: int) -> int | None:
    if not value or value <= 0:
        return None
    seconds = round(value / per_second)
    return seconds if 0 < seconds <= 7 * 24 * 3600 else None
