"""Telling a file's format from its first bytes, so users need not say (nor name it right)."""

import codecs
import csv
import io
import itertools
import re

from logbook.imports.readers.common import delimiter_of
from logbook.imports.readers.garmin_csv import garmin_names
from logbook.imports.readers.strong import looks_like_strong
from logbook.models import ImportFormat

SNIFF_BYTES = 64 * 1024
EXTENSIONS = {
    ".fit": ImportFormat.FIT,
    ".tcx": ImportFormat.TCX,
    ".gpx": ImportFormat.GPX,
    ".sml": ImportFormat.SUUNTO_SML,
    ".hrm": ImportFormat.POLAR_HRM,
}


def detect_format(head: bytes, filename: str = "") -> str | None:
    """The format of a file starting with `head`, or None. Content decides; the file's
    extension only breaks a tie when the content says nothing."""
    if len(head) >= 12 and head[8:12] == b".FIT" and head[0] in (12, 14):
        return ImportFormat.FIT
    utf16 = head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    text = head.decode("utf-16" if utf16 else "utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if re.match(r"\[Params\]\s", text):
        return ImportFormat.POLAR_HRM
    if text.startswith("<"):
        if re.search(r"<(\w+:)?TrainingCenterDatabase[\s>]", text):
            return ImportFormat.TCX
        if re.search(r"<(\w+:)?gpx[\s>]", text):
            return ImportFormat.GPX
        if re.search(r"<(!DOCTYPE\s+)?HealthData[\s>\[]", text):
            return ImportFormat.APPLE_HEALTH
        if re.search(r"<(\w+:)?sml[\s>]", text):
            return ImportFormat.SUUNTO_SML
    elif text[:1] in ("{", "["):
        detected = _json_format(text)
        if detected:
            return detected
    else:
        detected = _csv_format(text.split("\n", 1)[0]) or _by_shape(text)
        if detected:
            return detected
    for extension, fmt in EXTENSIONS.items():
        if filename.lower().endswith(extension):
            return fmt
    return None


def _json_format(text: str) -> str | None:
    """By the keys each app's JSON starts with (the head may cut the document short)."""
    if '"summarizedActivitiesExport"' in text:
        return ImportFormat.GARMIN_JSON
    if '"DeviceLog"' in text:
        return ImportFormat.SUUNTO_JSON
    if '"exportVersion"' in text and '"exercises"' in text:
        return ImportFormat.POLAR_JSON
    if '"activityId"' in text:
        return ImportFormat.GARMIN_JSON
    return None


def _csv_format(header: str) -> str | None:
    names = {n.strip().strip('"').strip().lower() for n in re.split(r"[,;\t]", header)}
    if {"row_type", "exercise_index", "external_id"} <= names:
        return ImportFormat.MYOLOG_CSV
    if {"exercise_title", "start_time"} <= names:
        return ImportFormat.HEVY_CSV
    if {"exercise name", "set order"} <= names:
        return ImportFormat.STRONG_CSV
    if {"date", "exercise", "reps"} <= names:
        return ImportFormat.FITNOTES_CSV
    if garmin_names(list(names), []):
        return ImportFormat.GARMIN_CSV
    return None


def _by_shape(text: str) -> str | None:
    """Strong or Garmin Connect in a language whose header names differ: by their column
    order."""
    first = text.split("\n", 1)[0]
    delimiter = delimiter_of(first)
    try:
        lines = list(itertools.islice(csv.reader(io.StringIO(text), delimiter=delimiter), 21))
    except csv.Error:
        return None
    if looks_like_strong(lines):
        return ImportFormat.STRONG_CSV
    if lines and garmin_names(lines[0], lines[1:]):
        return ImportFormat.GARMIN_CSV
    return None
