"""Damaged Garmin Connect, Suunto and Polar files (cut short, bytes flipped, re-encoded)
give a clean refusal or what is readable, never an unexpected error: every reader item is a
payload the job can clean or a row error."""

import io
import json
import random

import pytest

from logbook.imports.jobs import clean_payload
from logbook.imports.readers import READERS, ImportContext, ImportFailed, RowError
from logbook.models import ImportFormat
from tests.logbook.test_import_garmin_connect import ACTIVITY, EXPORT, garmin_csv
from tests.logbook.test_import_suunto_polar import POLAR, SUUNTO_JSON, sml

SAMPLES = {
    ImportFormat.GARMIN_JSON: lambda: json.dumps(EXPORT).encode(),
    "garmin_activity": lambda: json.dumps(ACTIVITY).encode(),
    ImportFormat.GARMIN_CSV: garmin_csv,
    ImportFormat.SUUNTO_SML: sml,
    ImportFormat.SUUNTO_JSON: lambda: json.dumps(SUUNTO_JSON).encode(),
    ImportFormat.POLAR_JSON: lambda: json.dumps(POLAR).encode(),
}


def damaged(data: bytes, rng: random.Random) -> bytes:
    how = rng.randrange(3)
    if how == 0:
        return data[: rng.randrange(len(data))]
    if how == 1:
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return bytes(flipped)
    return data.decode("utf-8").encode(rng.choice(["utf-16", "latin-1", "utf-32"]))


@pytest.mark.parametrize("name", list(SAMPLES))
def test_damaged_files_are_refused_cleanly_or_read_in_part(name):
    reader = READERS[ImportFormat.GARMIN_JSON if name == "garmin_activity" else name]
    rng = random.Random(name)
    original = SAMPLES[name]()
    refusals = []
    for _ in range(150):
        data = damaged(original, rng)
        try:
            items = list(reader(io.BytesIO(data), ImportContext()))
        except ImportFailed as failure:
            refusals.append(str(failure))
            continue
        for item in items:
            if not isinstance(item, RowError):
                clean_payload(item)  # raises nothing: bad values become row errors
    assert all(refusals)  # each refusal says why
