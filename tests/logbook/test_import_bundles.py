"""Zips as apps ship them (tests/fixtures/make_synthetic.py's BUNDLES, made of the real and
synthetic fixtures): Strava's bulk export and Apple Health's export.zip import with the
counts their members hold, read here with zipfile, gzip, ElementTree, csv and Garmin's
decoder rather than the importer; a second upload adds nothing."""

import csv
import gzip
import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile

import pytest
from garmin_fit_sdk import Decoder, Stream

from logbook.imports.jobs import run_import_bytes
from tests.fixtures.make_synthetic import BUNDLES

pytestmark = pytest.mark.django_db


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}


def unpacked(name: str, data: bytes) -> tuple[str, bytes]:
    if name.endswith(".gz"):
        return name.removesuffix(".gz"), gzip.decompress(data)
    return name, data


def workouts_in(name: str, data: bytes) -> int:
    """How many workouts a member holds, by its own structure."""
    if name.endswith(".fit"):
        messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
        assert errors == []
        return len(messages["session_mesgs"])
    tags = [e.tag.rsplit("}", 1)[-1] for e in ET.fromstring(data).iter()]
    return tags.count("Activity" if name.endswith(".tcx") else "trk")


def test_strava_bulk_export(user):
    data = BUNDLES["strava_export.zip"]()
    files = members(data)
    (index_name,) = [n for n in files if posixpath.basename(n) == "activities.csv"]
    rows = list(csv.DictReader(io.StringIO(files[index_name].decode())))
    root = posixpath.dirname(index_name)
    activities = dict(
        unpacked(name, body)
        for name, body in files.items()
        if name.startswith(f"{root}/activities/")
    )
    expected = sum(workouts_in(name, body) for name, body in activities.items())
    result = run_import_bytes(user, data, "export_12345.zip")
    assert (result["status"], result["created"]) == ("done", expected)
    assert user.workouts.count() == expected == len([r for r in rows if r["Filename"]])
    titles = sorted(user.workouts.values_list("title", flat=True))
    assert titles == sorted(r["Activity Name"] for r in rows if r["Filename"])
    kinds = {"Run": "run", "Swim": "swim"}  # Strava's types, as the rows name them
    assert dict(user.workouts.values_list("title", "activity")) == {
        r["Activity Name"]: kinds[r["Activity Type"]] for r in rows if r["Filename"]
    }
    without = [r for r in rows if not r["Filename"]]
    assert any(f"{len(without):,} activit" in e["message"] for e in result["errors"])
    again = run_import_bytes(user, data, "export_12345.zip")
    assert (again["created"], again["skipped"]) == (0, expected)


def test_apple_health_export_zip_reads_export_xml_only(user):
    data = BUNDLES["apple_health_export.zip"]()
    files = members(data)
    export = files["apple_health_export/export.xml"]
    expected = sum(1 for e in ET.fromstring(export).iter() if e.tag == "Workout")
    result = run_import_bytes(user, data, "export.zip")
    assert (result["status"], result["created"], result["error_count"]) == ("done", expected, 0)
    assert user.workouts.count() == expected
    assert set(user.workouts.values_list("source", flat=True)) == {"apple_health"}
    again = run_import_bytes(user, data, "export.zip")
    assert (again["created"], again["skipped"]) == (0, expected)


def test_an_export_mangled_by_a_text_editor_is_refused_cleanly(user):
    """Read as UTF-8 (bad bytes replaced) and saved as Windows-1252: every offset in the
    zip's directory is wrong, and zipfile answers reading activities.csv with a ValueError
    ("negative seek value"). Found by the corruption sweep (case 17:zip:4)."""
    data = BUNDLES["strava_export.zip"]()
    mangled = data.decode("utf-8", errors="replace").encode("cp1252", errors="replace")
    result = run_import_bytes(user, mangled, "export_12345.zip")
    assert result["status"] in ("done", "failed")
    assert result["errors"]
    assert not any("unexpected error" in e["message"] for e in result["errors"])
