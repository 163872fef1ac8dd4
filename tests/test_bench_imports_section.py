"""bench/imports.py keeps to its own section of bench/RESULTS.md, and its larger files are the
real exports repeated as new workouts (no figure of it is checked here: speed is measured in
bench/, never in tests)."""

import csv
import io

from bench import imports


def test_the_section_is_added_once_then_replaced_in_place(tmp_path, monkeypatch):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmarks\n\n| the main table |\n")
    monkeypatch.setattr(imports, "RESULTS", results)
    imports.write_section(imports.section([("a", "b", "c", "d", "e", "f")], quick=True))
    first = results.read_text()
    assert first.startswith("# Benchmarks\n\n| the main table |\n\n" + imports.BEGIN)
    assert "| a | b | c | d | e | f |" in first
    imports.write_section(imports.section([("g", "h", "i", "j", "k", "l")], quick=False))
    second = results.read_text()
    assert second.count(imports.BEGIN) == second.count(imports.END) == 1
    assert "| a |" not in second
    assert "| g | h |" in second
    assert imports.kept_section() in second
    assert second.startswith("# Benchmarks\n\n| the main table |")


def test_copies_of_a_real_export_are_new_workouts_with_every_row():
    one = list(csv.DictReader(io.StringIO(imports.strong_file(1).decode())))
    three = list(csv.DictReader(io.StringIO(imports.strong_file(3).decode())))
    assert len(three) == 3 * len(one)
    workouts = {(r["Date"], r["Workout Name"]) for r in one}
    assert len({(r["Date"], r["Workout Name"]) for r in three}) == 3 * len(workouts)
    assert [r["Weight"] for r in three] == [r["Weight"] for r in one] * 3
    hevy_one = list(csv.DictReader(io.StringIO(imports.hevy_file(1).decode())))
    hevy_two = list(csv.DictReader(io.StringIO(imports.hevy_file(2).decode())))
    assert len(hevy_two) == 2 * len(hevy_one)
    starts = {r["start_time"] for r in hevy_one}
    assert len({r["start_time"] for r in hevy_two}) == 2 * len(starts)
