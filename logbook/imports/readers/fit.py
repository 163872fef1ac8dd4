"""Garmin FIT activity files, decoded with Garmin's own SDK (garmin-fit-sdk).

Each session is a workout (a multisport file gives one per session): its sport, start,
timer time (pauses left out) and elapsed time, distance, heart rate and the watch's RPE.
What the session summary lacks is taken from the session's laps, then its records, and a
summary that stops before the records do is extended to the last record; the job says so.
Strength sessions' `set` messages become sets (repetitions, weight, duration when untimed
by reps, the following rest), their exercise named from the FIT exercise category and
name, so "barbell_back_squat" meets the catalog's "Barbell Back Squat"; other sessions'
laps become intervals with heart rate. A session is identified by its UTC start time.
"""

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, BinaryIO

from garmin_fit_sdk import CrcCalculator, Decoder, Profile, Stream

from logbook.imports.readers.common import (
    ImportContext,
    ImportFailed,
    Item,
    RowError,
    add_set,
    aware_iso,
    finish,
    heart_rate,
    new_workout,
    positive,
    utc_key,
)

SOURCE = "fit"
FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
FIT_END = datetime(2100, 1, 1, tzinfo=UTC)
UNKNOWN_EXERCISE = "Unrecognised exercise"

SPORTS = {
    "running": "run",
    "cycling": "ride",
    "e_biking": "ride",
    "rowing": "row",
    "swimming": "swim",
    "walking": "walk",
    "hiking": "walk",
    "hiit": "hiit",
    "mobility": "mobility",
}
SUB_SPORTS = {
    "strength_training": "strength",
    "cardio_training": "hiit",
    "hiit": "hiit",
    "indoor_rowing": "row",
    "indoor_cycling": "ride",
    "treadmill": "run",
    "indoor_running": "run",
    "indoor_walking": "walk",
    "yoga": "mobility",
    "pilates": "mobility",
    "flexibility_training": "mobility",
    "breathing": "mobility",
}
LAP_KINDS = {"rest": "recovery", "recovery": "recovery", "warmup": "steady", "cooldown": "steady"}


def read_fit(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    messages, cut = _decode(source.read())
    if cut:
        yield RowError(None, cut, refused=False)
    sessions = messages.get("session_mesgs") or []
    if not sessions and cut:
        sessions = _sessions_from_records(messages)
    if not sessions:
        raise ImportFailed("The FIT file has no sessions: it is not an activity recording.")
    offset = _local_offset(messages)
    zone = timezone(offset) if offset is not None else ctx.time_zone
    laps = messages.get("lap_mesgs") or []
    sets = messages.get("set_mesgs") or []
    records = [
        r for r in messages.get("record_mesgs") or [] if isinstance(r.get("timestamp"), datetime)
    ]
    starts = [s.get("start_time") for s in sessions]
    transition = 0.0  # a multisport's transition belongs to the leg after it
    for number, session in enumerate(sessions, start=1):
        start = session.get("start_time")
        if str(session.get("sport")) == "transition":
            transition += _float(session.get("total_elapsed_time")) or 0
            continue
        if not isinstance(start, datetime):
            yield RowError(number, f"Session {number} has no start time; skipped.")
            continue
        single = len(sessions) == 1  # then every set, lap and record is this session's
        until = next((s for s in starts[number:] if isinstance(s, datetime)), None)
        own_records = [r for r in records if single or start <= r["timestamp"] < (until or FIT_END)]
        nominal_end = start + timedelta(seconds=_session_span(session))
        own_laps = [lap for lap in laps if single or _within(_when(lap), start, nominal_end)]
        totals, note = session_totals(session, own_laps, own_records)
        if note:
            yield RowError(number, f"Session {number}: {note}", refused=False)
        end = start + timedelta(seconds=max(totals.elapsed or 0, totals.timer or 0))
        workout = new_workout(
            number,
            started_at=aware_iso(start, zone),
            title=str(session.get("sport_profile_name") or _label(session.get("sport")))[:200],
            activity=_activity(session),
            source=SOURCE,
            external_id=utc_key(start),
            duration_s=_seconds(totals.timer),  # moving (timer) time; pauses left out
            elapsed_s=_seconds(totals.elapsed),  # start to finish, pauses included
            distance_m=totals.distance,
            avg_hr=totals.avg_hr,
            max_hr=totals.max_hr,
            session_rpe=_session_rpe(session.get("workout_rpe")),
        )
        own_sets = [s for s in sets if single or _within(_when(s), start, end)]
        if any(s.get("set_type") == "active" for s in own_sets):
            unnamed = _add_sets(workout, own_sets, number)
            if unnamed > 1:
                yield RowError(
                    number,
                    f"Session {number}: the {unnamed} sets the watch did not name are together "
                    f'in one "{UNKNOWN_EXERCISE}" entry.',
                    refused=False,
                )
        else:
            workout["intervals"] = _intervals(own_laps, number)
        if transition:
            workout["notes"] = f"Transition before this leg: {round(transition)} s."
            transition = 0.0
        yield finish(workout)


def _decode(data: bytes) -> tuple[dict[str, list[dict[str, Any]]], str | None]:
    """The file's messages, and a note when it was cut short (its readable part is kept).
    A header CRC of 0 means "not computed" (FIT protocol); the file CRC checks integrity."""
    try:
        checker = Decoder(Stream.from_byte_array(bytearray(data)))
        if not checker.is_fit():
            raise ImportFailed("Not a FIT file.")
        header_size = data[0]
        data_size = int.from_bytes(data[4:8], "little")
        end = header_size + data_size
        cut = end + 2 > len(data)
        if not cut:
            header_crc = int.from_bytes(data[12:14], "little") if header_size == 14 else 0
            if header_crc and header_crc != CrcCalculator.calculate_crc(data, 0, 12):
                raise ImportFailed("The FIT file is damaged: its header checksum does not match.")
            file_crc = int.from_bytes(data[end : end + 2], "little")
            if file_crc != CrcCalculator.calculate_crc(data, 0, end):
                raise ImportFailed("The FIT file is damaged: its checksum does not match.")
        messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
            enable_crc_check=False
        )
    except ImportFailed:
        raise
    except Exception as error:  # the SDK raises bare Exceptions on malformed data
        raise ImportFailed(f"The FIT file could not be read: {error}") from None
    if errors and not cut:
        raise ImportFailed(f"The FIT file could not be read: {errors[0]}")
    note = (
        "The FIT file is cut short: what could be read up to the cut is imported." if cut else None
    )
    return messages, note


def _sessions_from_records(messages: dict) -> list[dict[str, Any]]:
    """A cut file may end before its session summary: one session from its records (their
    times, distance and heart rate fill it in, as for any summary that lacks them)."""
    times = [r.get("timestamp") for r in messages.get("record_mesgs") or []]
    times = [t for t in times if isinstance(t, datetime)]
    if len(times) < 2:
        return []
    sport = next(iter(messages.get("sport_mesgs") or []), {})
    return [
        {"start_time": times[0], "sport": sport.get("sport"), "sub_sport": sport.get("sub_sport")}
    ]


@dataclass(frozen=True)
class Totals:
    elapsed: float | None  # seconds, pauses included
    timer: float | None  # seconds of moving (timer) time
    distance: float | None  # metres
    avg_hr: int | None
    max_hr: int | None


PAUSE_S = 60  # a gap between two records longer than this is a pause (devices record every 1–10 s)
OVERRUN_S = 60  # records this far past a summary's end mean the summary stopped early


def session_totals(
    session: dict[str, Any], laps: list[dict[str, Any]], records: list[dict[str, Any]]
) -> tuple[Totals, str | None]:
    """A session's time, distance and heart rate: its summary's, else its laps', else its
    records' (some watches, Suunto's among them, write a summary without distance or heart
    rate, or one that stops before the recording does). The note says what was filled in."""
    summary = {
        "elapsed": _float(session.get("total_elapsed_time")),
        "timer": _float(session.get("total_timer_time")),
        "distance": positive(_float(session.get("total_distance"))),
        "avg_hr": heart_rate(session.get("avg_heart_rate")),
        "max_hr": heart_rate(session.get("max_heart_rate")),
    }
    summary = {k: v if v else None for k, v in summary.items()}
    by_laps, by_records = _lap_totals(laps), _record_totals(records)
    values: dict[str, Any] = {}
    taken: dict[str, list[str]] = {"laps": [], "records": []}
    for name, value in summary.items():
        if value is None and by_laps[name] is not None:
            value = by_laps[name]
            taken["laps"].append(name)
        if value is None and by_records[name] is not None:
            value = by_records[name]
            taken["records"].append(name)
        values[name] = value
    notes = []
    start, times = session.get("start_time"), [r["timestamp"] for r in records]
    if summary["elapsed"] and isinstance(start, datetime) and times:
        overrun = (max(times) - start).total_seconds() - summary["elapsed"]
        if overrun > OVERRUN_S:
            values["elapsed"] = summary["elapsed"] + overrun
            values["timer"] = (values["timer"] or summary["elapsed"]) + overrun
            if by_records["distance"] and by_records["distance"] > (values["distance"] or 0):
                values["distance"] = by_records["distance"]
                if "distance" not in taken["records"]:
                    taken["records"].append("distance")
            notes.append(
                f"its summary stops {_minutes(overrun)} before its records do; "
                "the time runs to the last record"
            )
    for source, names in taken.items():
        if names:
            said = _listed(sorted({WHAT[n] for n in names}, key=list(WHAT.values()).index))
            notes.append(f"{said} taken from its {source} (its summary has none)")
    totals = Totals(**values)
    return totals, "; ".join(notes) + "." if notes else None


WHAT = {
    "timer": "time",
    "elapsed": "elapsed time",
    "distance": "distance",
    "avg_hr": "heart rate",
    "max_hr": "heart rate",
}


def _lap_totals(laps: list[dict[str, Any]]) -> dict[str, Any]:
    def total(field: str) -> float | None:
        values = [_float(lap.get(field)) for lap in laps]
        return (
            sum(values) if values and all(v is not None for v in values) and any(values) else None
        )

    timed = [
        (heart_rate(lap.get("avg_heart_rate")), _float(lap.get("total_timer_time")) or 0)
        for lap in laps
    ]
    timed = [(bpm, seconds) for bpm, seconds in timed if bpm and seconds]
    maxima = [bpm for bpm in (heart_rate(lap.get("max_heart_rate")) for lap in laps) if bpm]
    weight = sum(seconds for _, seconds in timed)
    return {
        "elapsed": total("total_elapsed_time"),
        "timer": total("total_timer_time"),
        "distance": positive(total("total_distance")),
        "avg_hr": heart_rate(sum(b * s for b, s in timed) / weight) if weight else None,
        "max_hr": max(maxima) if maxima else None,
    }


def _record_totals(records: list[dict[str, Any]]) -> dict[str, Any]:
    times = [r["timestamp"] for r in records]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    distances = [d for d in (_float(r.get("distance")) for r in records) if d is not None]
    rates = [bpm for bpm in (heart_rate(r.get("heart_rate")) for r in records) if bpm]
    return {
        "elapsed": positive(sum(gaps)) if gaps else None,
        "timer": positive(sum(g for g in gaps if 0 < g <= PAUSE_S)) if gaps else None,
        "distance": positive(round(max(distances) - min(distances), 1)) if distances else None,
        "avg_hr": heart_rate(sum(rates) / len(rates)) if rates else None,
        "max_hr": max(rates) if rates else None,
    }


def _session_span(session: dict[str, Any]) -> float:
    return max(
        _float(session.get("total_elapsed_time")) or 0, _float(session.get("total_timer_time")) or 0
    )


def _seconds(value: float | None) -> int | None:
    return round(value) or None if value else None


def _minutes(seconds: float) -> str:
    return f"{round(seconds / 60)} min" if seconds >= 90 else f"{round(seconds)} s"


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _local_offset(messages: dict) -> timedelta | None:
    """The device's UTC offset, from the activity's local timestamp (to the quarter hour)."""
    for activity in messages.get("activity_mesgs") or []:
        local, moment = activity.get("local_timestamp"), activity.get("timestamp")
        if isinstance(local, int | float) and isinstance(moment, datetime):
            local_time = FIT_EPOCH + timedelta(seconds=local)
            minutes = round((local_time.replace(tzinfo=UTC) - moment).total_seconds() / 900) * 15
            if abs(minutes) <= 14 * 60:
                return timedelta(minutes=minutes)
    return None


def _activity(session: dict) -> str:
    return SUB_SPORTS.get(str(session.get("sub_sport"))) or SPORTS.get(
        str(session.get("sport")), "other"
    )


def _label(value: Any) -> str:
    return str(value or "Activity").replace("_", " ").capitalize()


def _session_rpe(value: Any) -> float | None:
    """Garmin stores the perceived effort as 0–100; the API's session RPE is 0–10."""
    number = _float(value)
    return number / 10 if number is not None and 0 < number <= 100 else None


def _float(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None


def _when(message: dict) -> Any:
    return message.get("start_time") or message.get("timestamp")


def _within(moment: Any, start: datetime, end: datetime) -> bool:
    return isinstance(moment, datetime) and start <= moment <= end


def _add_sets(workout: dict[str, Any], sets: list[dict], session: int) -> int:
    """Consecutive sets of one exercise form one entry. The sets the watch could not name
    all go to one "Unrecognised exercise" entry, where the first of them was, instead of an
    entry between every two named ones (so named sets either side of one join up).
    Returns how many sets went there."""
    previous = None
    unnamed = 0
    timed = all(isinstance(_when(s), datetime) for s in sets)
    for message in sorted(sets, key=_when) if timed else sets:
        duration = _float(message.get("duration"))
        if message.get("set_type") == "rest":
            if previous is not None and duration:
                previous["rest_s"] = round(duration)
            continue
        reps = message.get("repetitions")
        weight = positive(_float(message.get("weight")))
        values = {
            "reps": reps if isinstance(reps, int) and 0 <= reps <= 1000 else None,
            "load_kg": round(weight, 3) if weight and weight <= 1000 else None,
        }
        if values["reps"] is None and duration:
            values["duration_s"] = round(duration)
        if values["reps"] is None and values["load_kg"] is None and "duration_s" not in values:
            previous = None
            continue
        name = exercise_name(message)
        gathered = next(
            (e for e in workout["exercises"] if e["exercise"] == UNKNOWN_EXERCISE), None
        )
        if name == UNKNOWN_EXERCISE and gathered is not None:
            kept = {k: v for k, v in values.items() if v is not None}
            gathered["sets"].append(kept | {"_row": session})
            previous = gathered["sets"][-1]
        else:
            add_set(workout, name, values, session)
            previous = workout["exercises"][-1]["sets"][-1]
        unnamed += name == UNKNOWN_EXERCISE
    return unnamed


def exercise_name(message: dict) -> str:
    """ "squat" + subtype 6 → "Barbell Back Squat"; the category alone when no subtype; a
    category newer than the SDK's profile (a number) is named by its number, so each one is
    one exercise of the user's own. A set the watch could not name (category "unknown", or
    none) is an "Unrecognised exercise"."""
    category = _first(message.get("category"))
    if isinstance(category, int) and not isinstance(category, bool):
        return f"FIT exercise category {category}"
    if not isinstance(category, str) or category == "unknown":
        return UNKNOWN_EXERCISE
    subtype = _first(message.get("category_subtype"))
    names = Profile["types"].get(f"{category}_exercise_name", {})
    name = names.get(subtype) if isinstance(subtype, int) else None
    return (name or category).replace("_", " ").title()


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list | tuple) and value else value


def _intervals(laps: list[dict], session: int) -> list[dict[str, Any]]:
    kinds = [LAP_KINDS.get(str(lap.get("intensity")), "active") for lap in laps]
    structured = "recovery" in kinds  # active laps are "work" only between recoveries
    intervals = []
    for lap, kind in zip(laps, kinds, strict=True):
        elapsed = _float(lap.get("total_elapsed_time")) or _float(lap.get("total_timer_time"))
        if not elapsed or elapsed < 1:
            continue
        if kind == "active":
            kind = "work" if structured else "steady"
        intervals.append(
            {
                "kind": kind,
                "duration_s": round(elapsed),
                "distance_m": positive(_float(lap.get("total_distance"))),
                "avg_hr": heart_rate(lap.get("avg_heart_rate")),
                "max_hr": heart_rate(lap.get("max_heart_rate")),
                "_row": session,
            }
        )
    return intervals
