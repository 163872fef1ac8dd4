"""What every reader shares: what it yields, and small parsers for cells, dates and units.

A reader is a plain function `read(source, ctx)` over a binary file that yields, in file
order, workouts as API-shaped payload dicts (the shape `clean_workout` takes) and
`RowError`s for rows it could not read. Payload parts carry a private "_row" key (the
row or record they came from) so a set that fails validation is reported by its row and
dropped while the rest of its workout imports; `clean_workout` ignores unknown keys.
A file that cannot be read as a whole raises `ImportFailed` and nothing is written.
"""

import codecs
import csv
import io
import itertools
import json
import math
import re
import shutil
import tempfile
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo
from typing import Any, BinaryIO
from zoneinfo import ZoneInfo

from logbook.imports.readers.sport import activity_of_sets

KG_PER_LB = 0.45359237
METRES_PER = {
    "m": 1.0,
    "meter": 1.0,
    "meters": 1.0,
    "metre": 1.0,
    "metres": 1.0,
    "km": 1000.0,
    "kms": 1000.0,
    "kilometer": 1000.0,
    "kilometers": 1000.0,
    "kilometre": 1000.0,
    "kilometres": 1000.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "feet": 0.3048,
    "yd": 0.9144,
    "yds": 0.9144,
    "yard": 0.9144,
    "yards": 0.9144,
}
WEIGHT_UNITS = {"kg": "kg", "kgs": "kg", "kilograms": "kg", "lb": "lb", "lbs": "lb", "pounds": "lb"}
HR_RANGE = (30, 250)  # as logbook.schema accepts; a sensor's 0 or 255 means "no reading"
MAX_CELL = 100_000


class ImportFailed(Exception):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass(frozen=True)
class RowError:
    """A problem with one row (or record). `refused` says the row was left out whole; a
    row whose bad value was dropped (the rest of it kept) is reported with refused=False."""

    row: int | None
    message: str
    refused: bool = True


@dataclass
class ImportContext:
    """What a reader needs besides the file: the user's zone for times written without one,
    the weight unit for files that do not say, and a callback for the share of file read."""

    time_zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    weight_unit: str = "kg"
    report: Callable[[float], None] = lambda fraction: None
    rows: int = 0  # data rows (or records) read, counted by the reader
    # Shapes refused before parsing (the settings of the same names, IMPORT_MAX_*).
    max_xml_depth: int = 100  # IMPORT_MAX_XML_DEPTH: nesting refused as it is read
    max_csv_bytes: int = 25 * 1024 * 1024  # IMPORT_MAX_BYTES, unpacked or not
    max_csv_columns: int = 500  # IMPORT_MAX_CSV_COLUMNS
    max_csv_cell: int = 131_072  # IMPORT_MAX_CSV_CELL_CHARS


Item = dict[str, Any] | RowError


class CellError(ValueError):
    """A cell that cannot be read; the message names the column."""


# --- JSON ----------------------------------------------------------------------------


def read_json(source: BinaryIO, what: str) -> Any:
    """The whole file as JSON (UTF-8, else Windows-1252); `what` names it in the refusal."""
    try:
        return json.loads(read_text(source))
    except (ValueError, RecursionError) as error:
        raise ImportFailed(f"The file is not valid JSON ({what}): {error}.") from None


def json_objects(source: BinaryIO, what: str) -> list[Any]:
    """The file's top-level values, walked the same way by every JSON reader: exports write
    one object (an activity, a move, a training session) or a list of them (Garmin Connect's
    activity list, its account export's one-item list). Each reader picks its records out of
    these and refuses the file, naming the key it looked for, when none has it."""
    document = read_json(source, what)
    return document if isinstance(document, list) else [document]


def rate_summary(
    avg: int | None, peak: int | None, samples: list[int]
) -> tuple[int | None, int | None]:
    """Average and maximum heart rate: the file's summary where it has one, else its
    samples' mean and highest (a watch that summarised nothing still recorded them)."""
    if not samples:
        return avg, peak
    return avg or heart_rate(sum(samples) / len(samples)), peak or max(samples)


def json_number(value: Any) -> float | None:
    """A finite JSON number (not a boolean), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def iso_moment(value: Any, zone: tzinfo) -> datetime | None:
    """An ISO 8601 date and time between 1970 and 2100; one written without an offset is
    taken in `zone`."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return None
    if not 1970 < moment.year <= 2100:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def file_size(source: BinaryIO) -> int:
    """A file's size, or 0 when it cannot tell. An archive member says it (seeking to its
    end would unpack it all)."""
    known = getattr(source, "size", None)
    if isinstance(known, int):
        return known
    try:
        position = source.tell()
        end = source.seek(0, 2)
        source.seek(position)
        return end
    except (OSError, AttributeError):
        return 0


# --- CSV -----------------------------------------------------------------------------


def read_text(source: BinaryIO, limit: int | None = None) -> str:
    """The whole file as text: UTF-8 (with or without BOM), else Windows-1252 as spreadsheet
    exports on Windows often are. A file over `limit` bytes is refused unread."""
    data = source.read() if limit is None else source.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise ImportFailed(
            f"The CSV file is over {limit / 1_048_576:.1f} MB (unpacked), the limit for CSV "
            "(IMPORT_MAX_BYTES)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\x00", "")


def delimiter_of(header: str) -> str:
    """The most frequent of comma, semicolon and tab in a header line; comma on a tie."""
    return max((",", ";", "\t"), key=header.count)


def read_csv(
    source: BinaryIO, ctx: ImportContext | None = None
) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and one pass over the records (see `CsvFile`)."""
    table = CsvFile(source, ctx)
    return table.header, table.records()


class CsvFile:
    """A CSV file read as a stream: the header (names stripped) and, as often as a reader
    needs to pass over them, the records numbered as a spreadsheet shows them (the header is
    row 1). Nothing holds the file's text or rows, so a 25 MB export is not 400 MB of lists.
    The delimiter (comma, semicolon or tab) is taken from the header; the text is UTF-8
    (with or without BOM), UTF-16 with its BOM (a spreadsheet's "Unicode text"), else
    Windows-1252 as spreadsheet exports on Windows often are.

    Sizes and shapes no export has are refused before the csv module builds them: a file
    over `ctx.max_csv_bytes`, a header or a row of more than `ctx.max_csv_columns` cells,
    a cell longer than `ctx.max_csv_cell` characters."""

    def __init__(self, source: BinaryIO, ctx: ImportContext | None = None):
        self.limits = ctx or ImportContext()
        self.source = _rewindable(source)
        self.start = self.source.tell()
        self.encoding = self._encoding()
        lines = self._lines()
        first_line = next(lines, "")
        self.delimiter = delimiter_of(first_line)
        columns = first_line.count(self.delimiter) + 1
        if columns > self.limits.max_csv_columns:
            raise ImportFailed(
                _too_many_columns("The header", columns, self.limits.max_csv_columns)
            )
        csv.field_size_limit(self.limits.max_csv_cell)
        reader = csv.reader(itertools.chain([first_line], lines), delimiter=self.delimiter)
        try:
            header = next(reader, None)
        except csv.Error as error:
            message = _csv_problem(error, self.limits)
            raise ImportFailed(f"The header row could not be read as CSV: {message}.") from None
        if not header or not any(h.strip() for h in header):
            raise ImportFailed("The file is empty or has no header row.")
        self.header = [h.strip().strip('"').strip() for h in header]

    def _encoding(self) -> str:
        """UTF-16 when it starts with its BOM, UTF-8 when every byte decodes as such (checked
        in one pass over the bytes, which also refuses a file over the size limit), else
        Windows-1252."""
        limit = self.limits.max_csv_bytes
        self.source.seek(self.start)
        utf16 = self.source.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        decoder = codecs.getincrementaldecoder("utf-8")()
        utf8, total = not utf16, 0
        self.source.seek(self.start)
        while chunk := self.source.read(1 << 20):
            total += len(chunk)
            if total > limit:
                raise ImportFailed(
                    f"The CSV file is over {limit / 1_048_576:.1f} MB (unpacked), the limit for "
                    "CSV (IMPORT_MAX_BYTES)."
                )
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
        if utf16:
            return "utf-16"
        return "utf-8-sig" if utf8 else "cp1252"

    def _lines(self) -> Iterator[str]:
        """The text's lines from the start, NUL characters dropped (no export means them)."""
        self.source.seek(self.start)
        raw = io.BufferedReader(_Unclosed(self.source), 1 << 16)
        text = io.TextIOWrapper(raw, encoding=self.encoding, errors="replace", newline="")
        for line in text:
            yield line.replace("\x00", "") if "\x00" in line else line

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """One pass over the data rows (blank ones skipped), from the first."""
        limits = self.limits
        reader = csv.reader(self._lines(), delimiter=self.delimiter)
        row = 1
        try:
            next(reader, None)  # the header
            for record in reader:
                row += 1
                if len(record) > limits.max_csv_columns:
                    raise ImportFailed(
                        _too_many_columns(f"Row {row}", len(record), limits.max_csv_columns)
                    )
                if any(cell.strip() for cell in record):
                    yield row, record
        except csv.Error as error:
            message = _csv_problem(error, limits)
            raise ImportFailed(f"Row {row + 1} could not be read as CSV: {message}.") from None


class _Unclosed(io.RawIOBase):
    """A binary file as a text wrapper reads it, left open when the wrapper is dropped (the
    reader passes over the file more than once)."""

    def __init__(self, source: BinaryIO):
        self.source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.source.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _rewindable(source: BinaryIO) -> BinaryIO:
    """The file itself when it can seek back, else a temporary copy that can."""
    try:
        if source.seekable():
            source.tell()
            return source
    except (OSError, AttributeError, ValueError):
        pass
    copy = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    shutil.copyfileobj(source, copy)
    copy.seek(0)
    return copy  # type: ignore[return-value]


def workout_ends(
    records: Iterable[tuple[int, list[str]]], key: Callable[[list[str]], Hashable | None]
) -> dict[int, Hashable]:
    """A first, cheap pass for readers that group rows into workouts: for each workout key
    (as `key` reads it from a record; None for a row it cannot read), the row it last
    appears on. A reader yields a workout once that row is read, holding only the workouts
    in progress, and a file whose workouts' rows are interleaved still groups right."""
    last: dict[Hashable, int] = {}
    for row, record in records:
        found = key(record)
        if found is not None:
            last[found] = row
    return {row: found for found, row in last.items()}


def extra_cells(row: int, record: list[str], width: int) -> RowError | None:
    """A record with cells past the header's columns (an unquoted comma in a name, two lines
    run together): those cells are left out, and the row says so rather than losing them
    silently."""
    extra = [cell for cell in record[width:] if cell.strip()]
    if not extra:
        return None
    return RowError(
        row,
        f"The row has {len(record)} cells, the header {width} columns: "
        f"{shown(','.join(extra))} past the last column is left out.",
        refused=False,
    )


def _too_many_columns(what: str, count: int, limit: int) -> str:
    return f"{what} has {count:,} cells; the limit is {limit:,} (IMPORT_MAX_CSV_COLUMNS)."


def _csv_problem(error: csv.Error, limits: ImportContext) -> str:
    if "field larger than field limit" in str(error):
        return (
            f"a cell is longer than {limits.max_csv_cell:,} characters, the limit "
            "(IMPORT_MAX_CSV_CELL_CHARS)"
        )
    return str(error)


class Columns:
    """Cells of a record by header name, matched case-insensitively."""

    def __init__(self, header: list[str]):
        self.index: dict[str, int] = {}
        for i, name in enumerate(header):
            self.index.setdefault(name.lower(), i)

    def has(self, *names: str) -> bool:
        return all(n.lower() in self.index for n in names)

    def find(self, *names: str) -> str | None:
        """The first of `names` present in the header."""
        return next((n for n in names if n.lower() in self.index), None)

    def filled(self, record: list[str], names: tuple[str, ...]) -> str | None:
        """The first of `names` filled in `record`, else the first in the header: an app
        that writes a value in two units may leave either blank."""
        present = [n for n in names if n.lower() in self.index]
        return next((n for n in present if self.get(record, n)), present[0] if present else None)

    def get(self, record: list[str], name: str | None) -> str:
        if name is None:
            return ""
        i = self.index.get(name.lower())
        if i is None or i >= len(record):
            return ""
        return record[i].strip()[:MAX_CELL]

    def with_unit(self, base: str) -> tuple[str | None, str | None]:
        """A column like "Weight (kg)" or "Distance (meters)": its name and its unit."""
        pattern = re.compile(rf"^{re.escape(base)}\s*(?:\((\w+)\))?$", re.IGNORECASE)
        for name in self.index:
            match = pattern.match(name)
            if match:
                return name, (match.group(1) or "").lower() or None
        return None, None


def missing_columns(columns: Columns, required: tuple[str, ...], what: str) -> None:
    missing = [n for n in required if not columns.has(n)]
    if missing:
        raise ImportFailed(f"Not a {what}: the header lacks {', '.join(missing)}.")


# --- cells ---------------------------------------------------------------------------


def number(text: str, column: str, *, decimal_comma: bool = False) -> float | None:
    """A number cell; blank is None. "62,5" reads as 62.5 in semicolon files. ASCII only,
    as the durations: no app writes Arabic-Indic or full-width digits."""
    text = text.strip()
    if not text:
        return None
    if decimal_comma or ("," in text and "." not in text):
        text = text.replace(",", ".")
    # ASCII only: float() also takes "١٢" and "１２", and "1_000", "inf" and "nan".
    if not text.isascii() or "_" in text:
        raise CellError(f"{column}: {shown(text)} is not a number.")
    try:
        value = float(text)
    except ValueError:
        raise CellError(f"{column}: {shown(text)} is not a number.") from None
    if not math.isfinite(value):  # "nan", "inf", "1e999"
        raise CellError(f"{column}: {shown(text)} is not a number.")
    return value


def shown(text: str, limit: int = 40) -> str:
    """A cell as a message quotes it: a 20 MB cell is not repeated in full."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def whole(value: float | None, column: str) -> int | None:
    if value is None:
        return None
    if value != int(value):
        raise CellError(f"{column}: {value:g} is not a whole number.")
    return int(value)


def positive(value: float | None) -> float | None:
    """Exports write 0 for "not recorded" in distance and time columns."""
    return value if value else None


def load_kg(value: float | None, unit: str) -> float | None:
    if value is None:
        return None
    return round(value * KG_PER_LB, 3) if unit == "lb" else value


def weight_unit(text: str | None) -> str | None:
    return WEIGHT_UNITS.get((text or "").strip().lower().rstrip("."))


def metres(value: float | None, unit: str | None, column: str = "Distance") -> float | None:
    if value is None:
        return None
    factor = METRES_PER.get((unit or "").strip().lower())
    if factor is None:
        raise CellError(f"{column}: unknown distance unit {unit!r}.")
    return round(value * factor, 3)


def heart_rate(value: Any) -> int | None:
    """A plausible heart rate in bpm, else None (sensor dropouts are not errors)."""
    try:
        bpm = round(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return bpm if HR_RANGE[0] <= bpm <= HR_RANGE[1] else None


# Digit counts are bounded: int() of thousands of digits is slow (and refused past 4,300).
# ASCII only: Python's \d (and int(), float()) also take "١:٠٥" or "²", no app writes them.
_CLOCK = re.compile(r"^(?:(\d{1,7}):)?(\d{1,2}):(\d{1,2}(?:\.\d{1,6})?)$", re.ASCII)
_SPELLED = re.compile(
    r"^(?:(\d{1,7})\s*h)?\s*(?:(\d{1,7})\s*m(?:in)?)?\s*(?:(\d{1,7})\s*s)?$",
    re.IGNORECASE | re.ASCII,
)


def seconds(text: str, column: str) -> int | None:
    """A duration: "1:02:05", "02:05", "1h 5m", "35m", "45s" or plain seconds; 0 is None."""
    text = text.strip()
    if not text:
        return None
    match = _CLOCK.match(text)
    if match:
        hours, minutes, secs = match.groups()
        total = int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)
        return round(total) or None
    match = _SPELLED.match(text)
    if match and any(match.groups()):
        hours, minutes, secs = (int(g or 0) for g in match.groups())
        return hours * 3600 + minutes * 60 + secs or None
    value = number(text, column) if text.isascii() else None
    if value is None or value < 0:
        raise CellError(f"{column}: {shown(text)} is not a duration.")
    return round(value) or None


# --- times ---------------------------------------------------------------------------

_NAIVE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S.%f",
)


YEARS = (1970, 2100)  # a file's dates outside these are typos or placeholders


def naive_datetime(text: str, column: str = "Date") -> datetime:
    """A date and time written without a zone, as Strong and FitNotes write them."""
    text = text.strip()
    for fmt in _NAIVE_FORMATS:
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        return plausible(moment, column, text)
    raise CellError(f"{column}: {shown(text)} is not a date and time like 2024-11-28 17:36:08.")


def plausible(moment: datetime, column: str, text: str = "") -> datetime:
    """A date within YEARS, else a CellError (year 1 or 9999 would overflow a zone shift)."""
    if not YEARS[0] <= moment.year <= YEARS[1]:
        shown = text or moment.isoformat()
        raise CellError(f"{column}: {shown!r} is not between {YEARS[0]} and {YEARS[1]}.")
    return moment


def local_iso(naive: datetime, zone: ZoneInfo) -> str:
    """A wall-clock time in the user's zone, as the API wants it: ISO 8601 with the offset."""
    return naive.replace(tzinfo=zone).isoformat()


def aware_iso(moment: datetime, zone: ZoneInfo) -> str:
    """An instant shown in the user's zone (for files that store UTC)."""
    return moment.astimezone(zone).isoformat()


def utc_key(moment: datetime) -> str:
    """A stable external id from an instant: its UTC time to the second."""
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def duration_between(start: datetime, end: datetime | None) -> int | None:
    if end is None:
        return None
    span = (end - start).total_seconds()
    return round(span) if 0 < span <= timedelta(days=7).total_seconds() else None


# --- building payloads ---------------------------------------------------------------


def new_workout(row: int, **fields: Any) -> dict[str, Any]:
    return {"_row": row, "exercises": [], "intervals": [], **fields}


def add_set(
    workout: dict[str, Any],
    exercise: str,
    values: dict[str, Any],
    row: int,
    *,
    superset: int | None = None,
    new_entry: bool = False,
    gather: bool = False,
) -> dict[str, Any]:
    """Append a set and return it; consecutive sets of one exercise (and superset) form one
    entry. With `gather` the set joins the workout's entry of that exercise wherever it is
    (the sets a device could not name, kept in one entry rather than one between every two
    named ones)."""
    entries = workout["exercises"]
    last = entries[-1] if entries else None
    if gather:
        last = next((e for e in entries if e["exercise"] == exercise), last)
    if (
        new_entry
        or last is None
        or last["exercise"] != exercise
        or last.get("superset") != superset
    ):
        last = {"exercise": exercise, "superset": superset, "sets": [], "_row": row}
        entries.append(last)
    kept = {k: v for k, v in values.items() if v is not None} | {"_row": row}
    last["sets"].append(kept)
    return kept


def add_note(workout: dict[str, Any], note: str) -> None:
    """Append a line to the workout's notes once (exports repeat notes on every set row)."""
    note = note.strip()
    if not note:
        return
    lines = workout.setdefault("_notes", [])
    if note not in lines:
        lines.append(note)


def finish(workout: dict[str, Any]) -> dict[str, Any]:
    """Fold collected note lines into `notes`, within its 10,000 characters; a workout
    whose file names no activity takes the one its sets show (`sport.activity_of_sets`)."""
    if workout.get("activity") is None:
        workout["activity"] = activity_of_sets(workout["exercises"])
    lines = workout.pop("_notes", [])
    if lines:
        notes = "\n".join([workout.get("notes") or "", *lines]).strip()
        workout["notes"] = notes[:10_000]
    if not workout["exercises"]:
        del workout["exercises"]
    if not workout["intervals"]:
        del workout["intervals"]
    return workout


def stable_id(*parts: str) -> str:
    """An external id from the file's own identifying values, within 200 characters."""
    return " ".join(p.strip() for p in parts if p and p.strip())[:200]
