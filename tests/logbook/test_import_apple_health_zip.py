"""Apple Health's export.zip: its apple_health_export/export.xml is read, streamed out of
the archive; the routes, ECGs and clinical records beside it are not imported."""

from datetime import timedelta, timezone

import pytest

from logbook.imports.jobs import run_import_bytes
from tests import files

pytestmark = pytest.mark.django_db

BERLIN_SUMMER = timezone(timedelta(hours=2))


def test_export_zip_imports_the_workouts_of_export_xml_only(user):
    starts = [files.T0.astimezone(BERLIN_SUMMER) + timedelta(days=d) for d in range(3)]
    archive = files.zipped(
        {
            "apple_health_export/export.xml": files.health_export(starts, records=5_000),
            "apple_health_export/export_cda.xml": b"<?xml version='1.0'?><ClinicalDocument/>",
            "apple_health_export/workout-routes/route_2026-04-06_8.00am.gpx": files.gpx(files.T0),
            "apple_health_export/electrocardiograms/ecg_2026-04-06.csv": b"Name,x\n",
        }
    )
    status = run_import_bytes(user, archive, "export.zip")
    assert (status["status"], status["created"], status["error_count"]) == ("done", 3, 0)
    assert user.imports.get().format == "apple_health"
    assert sorted(w.started_at for w in user.workouts.all()) == starts
    assert set(user.workouts.values_list("source", flat=True)) == {"apple_health"}
