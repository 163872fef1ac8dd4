"""Strong app CSV exports, in every header form and language the app has written.

- comma: `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds`
  with optional `Notes`, `Workout Notes` and `RPE`; the weight unit is the user's app
  setting and is not in the file (the upload's `weight_unit`, else the profile's);
- 2016: the weight column named for its unit (`kg`, `lbs`) and the distance for its
  (`km`, `mi`);
- "Workout #": units in the header, `Weight (kg)`, `Distance (meters)`, `Duration (sec)`;
- semicolon (older Android): `Weight Unit` and `Distance Unit` columns on every row, the
  later ones with `Workout Duration` last;
- the app's languages: the same columns with translated names (`Nom de l'exercice`,
  `Übungsname`…), numbers with decimal commas where the locale writes them. A header in a
  language not listed here is read by Strong's column order when its rows fit it.

Dates have no zone (the user's applies). `Set Order` is a number, W/D/F or WARM_UP/
DROP_SET/FAILURE; a "Rest Timer" row is the rest after the set before it, a "Note" row a
note on its exercise. A workout is identified by its start time and name, its external id.
A bad cell drops that value (reported by row); a row without a readable date is refused.
"""

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from logbook.imports.readers.common import (
    CellError,
    CsvFile,
    ImportContext,
    ImportFailed,
    Item,
    RowError,
    add_note,
    add_set,
    extra_cells,
    finish,
    load_kg,
    local_iso,
    metres,
    naive_datetime,
    new_workout,
    number,
    positive,
    seconds,
    shown,
    stable_id,
    weight_unit,
    whole,
    workout_ends,
)

SOURCE = "strong"
# Strong's columns by what they hold; the names each language gives them, normalised
# (case and accents folded, see `normal`).
NAMES: dict[str, tuple[str, ...]] = {
    "workout_no": ("workout #", "workout no", "entrainement #", "training #", "#"),
    "date": (
        "date",
        "datum",
        "fecha",
        "data",
        "дата",
        "日付",
        "日期",
        "날짜",
        "tarih",
        "data e ora",
    ),
    "workout_name": (
        "workout name",
        "nom de l'entrainement",
        "nom de la seance",
        "trainingsname",
        "name des trainings",
        "workout-name",
        "nombre del entrenamiento",
        "nombre de entrenamiento",
        "nome allenamento",
        "nome dell'allenamento",
        "nome do treino",
        "trainingsnaam",
        "naam training",
        "nazwa treningu",
        "название тренировки",
        "ワークアウト名",
        "训练名称",
        "운동 이름",
        "antrenman adi",
    ),
    "duration": (
        "duration",
        "workout duration",
        "workout-dauer",
        "duree",
        "dauer",
        "duracion",
        "durata",
        "duracao",
        "duur",
        "czas",
    ),
    "exercise": (
        "exercise name",
        "exercise",
        "nom de l'exercice",
        "exercice",
        "ubungsname",
        "name der ubung",
        "ubung",
        "nombre del ejercicio",
        "ejercicio",
        "nome esercizio",
        "nome dell'esercizio",
        "esercizio",
        "nome do exercicio",
        "exercicio",
        "oefeningsnaam",
        "naam oefening",
        "oefening",
        "nazwa cwiczenia",
        "название упражнения",
        "エクササイズ名",
        "练习名称",
        "운동명",
        "egzersiz adi",
    ),
    "set_order": (
        "set order",
        "ordre de la serie",
        "ordre des series",
        "satzreihenfolge",
        "reihenfolge festlegen",
        "satz",
        "reihenfolge",
        "orden de la serie",
        "orden de serie",
        "ordine della serie",
        "ordine serie",
        "ordem da serie",
        "ordem do set",
        "setvolgorde",
        "volgorde set",
        "kolejnosc serii",
        "порядок подходов",
        "порядок подхода",
        "セット順",
        "组顺序",
        "세트 순서",
        "set sirasi",
    ),
    "weight": ("weight", "poids", "gewicht", "peso", "waga", "вес", "重量", "무게", "agirlik"),
    "weight_unit": (
        "weight unit",
        "unite de poids",
        "gewichtseinheit",
        "unidad de peso",
        "unita di peso",
        "unidade de peso",
        "gewichtseenheid",
    ),
    "reps": (
        "reps",
        "reps.",
        "repetitions",
        "wiederholungen",
        "wdh",
        "wdh.",
        "wiederh.",
        "repeticiones",
        "rep",
        "ripetizioni",
        "repeticoes",
        "herhalingen",
        "herh",
        "powtorzenia",
        "повторения",
        "повт",
        "レップ",
        "回数",
        "次数",
        "반복",
        "tekrar",
    ),
    "rpe": ("rpe",),
    "distance": (
        "distance",
        "distanz",
        "entfernung",
        "strecke",
        "distancia",
        "distanza",
        "distancia percorrida",
        "afstand",
        "dystans",
        "дистанция",
        "расстояние",
        "距離",
        "距离",
        "거리",
        "mesafe",
    ),
    "distance_unit": (
        "distance unit",
        "unite de distance",
        "entfernungseinheit",
        "distanzeinheit",
        "unidad de distancia",
        "unita di distanza",
        "unidade de distancia",
        "afstandseenheid",
    ),
    "seconds": (
        "seconds",
        "secondes",
        "sekunden",
        "segundos",
        "secondi",
        "seconden",
        "sekundy",
        "секунды",
        "秒",
        "초",
        "saniye",
    ),
    "notes": ("notes", "note", "notizen", "notas", "note esercizio", "notities", "notatki"),
    "workout_notes": (
        "workout notes",
        "notes d'entrainement",
        "notes de la seance",
        "trainingsnotizen",
        "workout-notizen",
        "notas del entrenamiento",
        "notas de entrenamiento",
        "note allenamento",
        "note dell'allenamento",
        "notas do treino",
        "trainingsnotities",
        "notatki z treningu",
        "заметки к тренировке",
    ),
}
FIELD_OF = {name: field for field, names in NAMES.items() for name in names}
DISTANCE_UNITS = {"km": "km", "mi": "mi", "miles": "mi", "m": "m", "meters": "m", "metres": "m"}
# Strong's column orders, for headers in a language `NAMES` lacks.
LAYOUTS = (
    ("date", "workout_name", "duration", "exercise", "set_order", "weight", "reps", "distance",
     "seconds", "rpe"),
    ("date", "workout_name", "duration", "exercise", "set_order", "weight", "reps", "distance",
     "seconds", "notes", "workout_notes", "rpe"),
    ("date", "workout_name", "duration", "exercise", "set_order", "weight", "reps", "distance",
     "seconds", "notes", "workout_notes"),
    ("date", "workout_name", "exercise", "set_order", "weight", "reps", "distance", "seconds",
     "notes", "workout_notes"),
    ("workout_no", "date", "workout_name", "duration", "exercise", "set_order", "weight",
     "reps", "rpe", "distance", "seconds", "notes", "workout_notes"),
    ("date", "workout_name", "exercise", "set_order", "weight", "weight_unit", "reps", "rpe",
     "distance", "distance_unit", "seconds", "notes", "workout_notes"),
    ("date", "workout_name", "exercise", "set_order", "weight", "weight_unit", "reps", "rpe",
     "distance", "distance_unit", "seconds", "notes", "workout_notes", "duration"),
    ("date", "workout_name", "duration", "exercise", "set_order", "weight", "weight_unit", "reps",
     "rpe", "distance", "distance_unit", "seconds", "notes", "workout_notes"),
)  # fmt: skip
REQUIRED = ("date", "workout_name", "exercise", "set_order")
LABELS = {
    "date": "Date",
    "workout_name": "Workout Name",
    "exercise": "Exercise Name",
    "set_order": "Set Order",
    "duration": "Duration",
    "weight": "Weight",
    "reps": "Reps",
    "rpe": "RPE",
    "distance": "Distance",
    "seconds": "Seconds",
}
SET_TYPES = {
    "w": "warmup",
    "warmup": "warmup",
    "warm up": "warmup",
    "d": "dropset",
    "dropset": "dropset",
    "drop set": "dropset",
    "drop": "dropset",
    "f": "failure",
    "failure": "failure",
}
REST = {"rest timer", "rest", "timer"}
NOTE = {"note", "notes"}
# The comma form gives distance in the app's distance unit, which follows its weight unit.
DISTANCE_UNIT_FOR_WEIGHT = {"kg": "km", "lb": "mi"}
_UNIT_IN_NAME = re.compile(r"^(.*?)\s*\(([^)]*)\)$")


class Header:
    """Which column holds what, with the units a header names."""

    def __init__(self, index: dict[str, int], units: dict[str, str]):
        self.index = index
        self.units = units

    def get(self, record: list[str], field: str) -> str:
        i = self.index.get(field)
        return record[i].strip()[:100_000] if i is not None and i < len(record) else ""


def normal(name: str) -> str:
    """ "Nom de l’Entraînement " → "nom de l'entrainement": case, accents and quotes folded."""
    name = name.strip().strip('"').strip().replace("’", "'").replace("`", "'")
    folded = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in folded if not unicodedata.combining(c)).split())


def field_of(name: str) -> tuple[str | None, str | None]:
    """A header name's field and the unit it names: "Weight (lbs)" → ("weight", "lbs"),
    the 2016 "kg" → ("weight", "kg"), "km" → ("distance", "km")."""
    text = normal(name)
    unit = None
    match = _UNIT_IN_NAME.match(text)
    if match:
        text, unit = match.group(1).strip(), match.group(2).strip()
    if text in FIELD_OF:
        return FIELD_OF[text], unit
    if weight_unit(text):
        return "weight", text
    if text in DISTANCE_UNITS and text != "m":
        return "distance", text
    return None, None


def read_header(names: list[str], sample: list[list[str]]) -> Header:
    """The columns by name, else by Strong's column order when the rows fit it."""
    index: dict[str, int] = {}
    units: dict[str, str] = {}
    for i, name in enumerate(names):
        field, unit = field_of(name)
        if field and field not in index:
            index[field] = i
            if unit:
                units[field] = unit
    if all(f in index for f in REQUIRED):
        return Header(index, units)
    layout = fitting_layout(len(names), sample)
    if layout is not None:
        return Header({f: i for i, f in enumerate(layout)}, units)
    missing = [LABELS[f] for f in REQUIRED if f not in index]
    raise ImportFailed(
        f"Not a Strong CSV: the header lacks {', '.join(missing)} (in any language Myolog "
        "knows), and its rows do not follow Strong's column order."
    )


def fitting_layout(width: int, sample: list[list[str]]) -> tuple[str, ...] | None:
    """The layout of `width` columns whose date and set-order cells read in most rows."""
    best, best_score = None, 0
    for layout in LAYOUTS:
        if len(layout) != width or not sample:
            continue
        header = Header({f: i for i, f in enumerate(layout)}, {})
        score = sum(_fits(header, record) for record in sample)
        if score > best_score:
            best, best_score = layout, score
    return best if best_score * 2 > len(sample) else None


def _fits(header: Header, record: list[str]) -> bool:
    try:
        naive_datetime(header.get(record, "date"))
        set_order(header.get(record, "set_order"))
    except CellError:
        return False
    return True


def looks_like_strong(lines: list[list[str]]) -> bool:
    """For detection: a header Strong wrote, in any language `NAMES` knows or its order."""
    if not lines:
        return False
    try:
        read_header(lines[0], lines[1:])
    except ImportFailed:
        return False
    return True


def set_order(text: str) -> str:
    """ "1" → "normal", "W"/"WARM_UP" → "warmup", "Rest Timer" → "rest", "Note" → "note"."""
    token = " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())
    if not token:
        raise CellError("Set Order: missing.")
    if token in SET_TYPES:
        return SET_TYPES[token]
    if token in REST or token.replace(" ", "") == "resttimer":
        return "rest"
    if token in NOTE:
        return "note"
    if token.isdigit() and len(token) <= 6:
        return "normal"
    raise CellError(f"Set Order: {shown(text)} is not a set number, W, D, F, Rest Timer or Note.")


def read_strong(source: BinaryIO, ctx: ImportContext) -> Iterator[Item]:
    table = CsvFile(source, ctx)
    names = table.header
    sample = [record for _, record in itertools.islice(table.records(), 20)]
    header = read_header(names, sample)
    decimal_comma = "weight_unit" in header.index  # the semicolon form writes 62,5

    def key_of(record: list[str]) -> tuple[str, str] | None:
        try:
            started = _started(header.get(record, "date"))
        except CellError:
            return None
        return started.isoformat(), header.get(record, "workout_name")

    ends = workout_ends(table.records(), key_of)
    workouts: dict[tuple[str, str], dict[str, Any]] = {}
    ending = None  # the key whose last row was the row before
    for row, record in table.records():
        if ending in workouts:
            yield finish(workouts.pop(ending))
        ending = ends.get(row)
        ctx.rows += 1
        if overflow := extra_cells(row, record, len(names)):
            yield overflow
        try:
            started = _started(header.get(record, "date"))
            kind = set_order(header.get(record, "set_order"))
            exercise = header.get(record, "exercise")
            if not exercise:
                raise CellError("Exercise Name: missing.")
        except CellError as error:
            yield RowError(row, f"{error} The row is left out.")
            continue
        name = header.get(record, "workout_name")
        key = (started.isoformat(), name)
        workout = workouts.get(key)
        problems: list[str] = []
        if workout is None:
            workout = workouts[key] = new_workout(
                row,
                started_at=local_iso(started, ctx.time_zone),
                title=name[:200],
                source=SOURCE,
                external_id=stable_id(started.isoformat(), name),
                activity=None,  # the sets tell (`finish`)
            )
            _workout_fields(workout, header, record, problems)
        cells = _Cells(header, record, decimal_comma, problems)
        if kind == "rest":
            _rest(workout, cells, row, problems)
        elif kind == "note":
            workout.setdefault("_rows", []).append(row)
            add_note(workout, _note(exercise, header.get(record, "notes")))
        else:
            add_set(workout, exercise[:120], _set_values(cells, header, ctx, kind), row)
            note = header.get(record, "notes")
            if note:
                add_note(workout, _note(exercise, note))
        if problems:
            yield RowError(row, " ".join(problems), refused=False)
    for workout in workouts.values():
        yield finish(workout)


@functools.lru_cache(maxsize=256)  # every set row repeats its workout's date
def _started(text: str) -> datetime:
    return naive_datetime(text)


class _Cells:
    """A record's cells read one by one: a bad one is dropped and said, the rest kept."""

    def __init__(self, header: Header, record: list[str], decimal_comma: bool, problems: list):
        self.header = header
        self.record = record
        self.decimal_comma = decimal_comma
        self.problems = problems

    def read(self, field: str, parse: Any) -> Any:
        text = self.header.get(self.record, field)
        try:
            return parse(text, LABELS.get(field, field))
        except CellError as error:
            self.problems.append(f"{error} The value is left out.")
            return None

    def number(self, field: str) -> float | None:
        return self.read(
            field, lambda text, label: number(text, label, decimal_comma=self.decimal_comma)
        )


def _set_values(cells: _Cells, header: Header, ctx: ImportContext, kind: str) -> dict[str, Any]:
    record = cells.record
    unit = (
        weight_unit(header.get(record, "weight_unit"))
        or weight_unit(header.units.get("weight"))
        or ctx.weight_unit
    )
    values: dict[str, Any] = {
        "set_type": kind,
        "load_kg": load_kg(cells.number("weight"), unit),
        "reps": cells.read(
            "reps",
            lambda text, label: whole(
                number(text, label, decimal_comma=cells.decimal_comma), label
            ),
        ),
        "rpe": positive(cells.number("rpe")),
        "duration_s": cells.read("seconds", seconds),
    }
    distance = positive(cells.number("distance"))
    distance_unit = (
        header.get(record, "distance_unit")
        or header.units.get("distance")
        or DISTANCE_UNIT_FOR_WEIGHT[unit]
    )
    try:
        unit_name = DISTANCE_UNITS.get(distance_unit.lower(), distance_unit)
        values["distance_m"] = metres(distance, unit_name)
    except CellError as error:
        cells.problems.append(f"{error} The value is left out.")
    return values


def _rest(workout: dict[str, Any], cells: _Cells, row: int, problems: list[str]) -> None:
    """A Rest Timer row: its seconds are the rest after the set before it."""
    workout.setdefault("_rows", []).append(row)
    rest = cells.read("seconds", seconds)
    entries = workout["exercises"]
    if rest is None:
        return
    if not entries or not entries[-1]["sets"]:
        problems.append("Rest Timer before any set of its workout; left out.")
        return
    entries[-1]["sets"][-1]["rest_s"] = rest


def _note(exercise: str, note: str) -> str:
    return f"{exercise}: {note}" if note else ""


def _workout_fields(
    workout: dict[str, Any], header: Header, record: list[str], problems: list[str]
) -> None:
    """Workout-level cells repeat on every row: read from the first; a bad one is dropped
    (and said) without losing the sets."""
    try:  # "35m", "1h 5m", or seconds in the "Workout #" form's "Duration (sec)"
        workout["duration_s"] = seconds(header.get(record, "duration"), "Duration")
    except CellError as error:
        problems.append(f"{error} The workout's duration is left out.")
    notes = header.get(record, "workout_notes")
    if notes:
        workout["notes"] = notes[:10_000]
