"""A CSV export re-saved by a spreadsheet still imports: UTF-8 with a BOM, Windows-1252,
and "Unicode text" (UTF-16 with its BOM, tab-separated)."""

import pytest

from logbook.imports.detect import detect_format
from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportFormat, Set

ROWS = [
    ["Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight", "Reps"],
    ["2024-01-01 10:00:00", "Épaules", "1h", "Développé militaire", "1", "40", "8"],
    ["2024-01-01 10:00:00", "Épaules", "1h", "Développé militaire", "2", "42.5", "6"],
]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8-sig", ","),
        ("cp1252", ";"),
        ("utf-16", "\t"),  # BOM first, little-endian here
        ("utf-16-be", "\t"),
    ],
)
def test_a_strong_export_resaved_by_a_spreadsheet(user, encoding, delimiter):
    text = "\r\n".join(delimiter.join(row) for row in ROWS) + "\r\n"
    data = ("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding)
    assert detect_format(data[:65536], "strong.csv") == ImportFormat.STRONG_CSV
    status = run_import_bytes(user, data, "strong.csv", weight_unit="kg")
    assert (status["status"], status["created"], status["errors"]) == ("done", 1, [])
    workout = user.workouts.get()
    assert workout.title == "Épaules"
    loads = Set.objects.filter(entry__workout=workout).order_by("position")
    assert [(s.load_kg, s.reps) for s in loads] == [(40.0, 8), (42.5, 6)]
