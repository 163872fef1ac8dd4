"""An Apple Health export.zip is imported in memory bounded by its workouts, not its size:
export.xml is streamed out of the archive and each finished record freed. (The 1 GB run,
with the worker's peak RSS, is bench/import_memory.py.)"""

import tracemalloc
from datetime import timedelta, timezone

import pytest

from logbook.imports.jobs import run_import_bytes
from tests import files

pytestmark = pytest.mark.django_db


def test_a_large_export_zip_imports_in_a_fraction_of_its_size(user):
    starts = [
        files.T0.astimezone(timezone(timedelta(hours=2))) + timedelta(days=d) for d in range(5)
    ]
    export = files.health_export(starts, records=200_000)
    archive = files.zipped({"apple_health_export/export.xml": export})
    assert len(export) > 30_000_000
    del export
    tracemalloc.start()
    try:
        status = run_import_bytes(user, archive, "export.zip")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (status["status"], status["created"]) == ("done", 5)
    assert peak < 10_000_000  # bytes of Python objects at most, for 30 MB of XML
