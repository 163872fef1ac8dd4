"""Apple Health `export.xml`: its <Workout> elements, streamed (exports run to gigabytes of
<Record>s, which are skipped and freed as they pass).

A workout's type, start (with the offset the phone wrote), duration, distance and heart
rate (its <WorkoutStatistics>, written by iOS 16 and later; older exports carry heart
rate only as separate records, which are not matched up). A workout is identified by its
start time and type.
"""

import math
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO
from xml.etree.ElementTree import Element

from logbook.imports.readers.common import (
    METRES_PER,
    ImportContext,
    Item,
    RowError,
    duration_between,
    heart_rate,
    new_workout,
    stable_id,
)
from logbook.imports.readers.xmlstream import local_name, stream_elements

SOURCE = "apple_health"
TYPE_PREFIX = "HKWorkoutActivityType"
ACTIVITIES = {
    "Running": "run",
    "Walking": "walk",
    "Hiking": "walk",
    "Cycling": "ride",
    "HandCycling": "ride",
    "Rowing": "row",
    "Swimming": "swim",
    "TraditionalStrengthTraining": "strength",
    "FunctionalStrengthTraining": "strength",
    "CoreTraining": "strength",
    "HighIntensityIntervalTraining": "hiit",
    "CrossTraining": "hiit",
    "MixedCardio": "hiit",
    "Yoga": "mobility",
    "Pilates": "mobility",
    "Flexibility": "mobility",
    "MindAndBody": "mobility",
    "Cooldown": "mobility",
    "PreparationAndRecovery": "mobility",
}
SECONDS_PER = {"s": 1, "sec": 1, "min": 60, "h": 3600, "hr": 3600}
DISTANCE_TYPES = (
    "HKQuantityTypeIdentifierDistanceWalkingRunning",
    "HKQuantityTypeIdentifierDistanceCycling",
    "HKQuantityTypeIdentifierDistanceSwimming",
    "HKQuantityTypeIdentifierDistanceRowing",
    "HKQuantityTypeIdentifierDistanceWheelchair",
)
HEART_RATE = "HKQuantityTypeIdentifierHeartRate"


def read_apple_health(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    elements = stream_elements(source, "HealthData", "Workout", "an Apple Health export", ctx)
    for number, element in enumerate(elements, start=1):
        if isinstance(element, RowError):  # the file is cut short: nothing follows
            yield element
            continue
        try:
            yield _workout(element, number)
        except ValueError as error:
            yield RowError(number, f"Workout {number}: {error}; skipped.")


def _workout(element: Element, number: int) -> dict[str, Any]:
    kind = (element.get("workoutActivityType") or "").removeprefix(TYPE_PREFIX)
    start = _time(element.get("startDate"))
    end = _time(element.get("endDate")) if element.get("endDate") else None
    duration = _amount(element.get("duration"), element.get("durationUnit") or "min", SECONDS_PER)
    distance = _amount(element.get("totalDistance"), element.get("totalDistanceUnit"), METRES_PER)
    avg_hr = max_hr = None
    for statistics in element:
        if local_name(statistics.tag) != "WorkoutStatistics":
            continue
        kind_of = statistics.get("type")
        if kind_of == HEART_RATE:
            avg_hr = heart_rate(statistics.get("average"))
            max_hr = heart_rate(statistics.get("maximum"))
        elif kind_of in DISTANCE_TYPES and not distance:
            distance = _amount(statistics.get("sum"), statistics.get("unit"), METRES_PER)
    workout = new_workout(
        number,
        started_at=start.isoformat(),
        title=_title(kind)[:200],
        activity=ACTIVITIES.get(kind, "other"),
        source=SOURCE,
        external_id=stable_id(start.isoformat(), kind),
        duration_s=round(duration) if duration else duration_between(start, end),
        distance_m=round(distance, 1) if distance else None,
        avg_hr=avg_hr,
        max_hr=max_hr,
    )
    del workout["exercises"], workout["intervals"]
    return workout


def _time(text: str | None) -> datetime:
    """Apple writes "2026-04-09 17:18:00 +0200"."""
    try:
        return datetime.strptime((text or "").strip(), "%Y-%m-%d %H:%M:%S %z")
    except ValueError:
        raise ValueError(f"{text!r} is not a date like 2026-04-09 17:18:00 +0200") from None


def _amount(text: str | None, unit: str | None, factors: dict[str, float]) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    factor = factors.get((unit or "").strip().lower())
    if factor is None or not math.isfinite(value) or value <= 0:
        return None
    return value * factor


def _title(kind: str) -> str:
    """ "TraditionalStrengthTraining" → "Traditional strength training"."""
    words = "".join(f" {c}" if c.isupper() else c for c in kind).split()
    return " ".join(words).capitalize() or "Workout"
