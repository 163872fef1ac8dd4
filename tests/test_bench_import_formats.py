"""bench/import_formats.py keeps to its own section of bench/RESULTS.md, and its larger files
are the real exports repeated as new workouts (no figure of it is checked here: speed is
measured in bench/, never in tests)."""

import csv
import io

from bench import import_formats, sections


def test_the_section_goes_between_its_markers_and_replaces_the_last(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmarks\n\n| the main table |\n")
    for row in (("a", "b", "c", "d", "e", "f"), ("g", "h", "i", "j", "k", "l")):
        sections.write("import_formats", import_formats.section([row], quick=False), results)
    text = results.read_text()
    begin, end = sections.markers("import_formats")
    assert text.count(begin) == text.count(end) == 1
    assert text.startswith("# Benchmarks\n\n| the main table |\n\n" + begin + "\n## Import formats")
    assert "| g | h | i | j | k | l |" in text
    assert "| a |" not in text


def test_copies_of_a_real_export_are_new_workouts_with_every_row():
    one = list(csv.DictReader(io.StringIO(import_formats.strong_file(1).decode())))
    three = list(csv.DictReader(io.StringIO(import_formats.strong_file(3).decode())))
    assert len(three) == 3 * len(one)
    workouts = {(r["Date"], r["Workout Name"]) for r in one}
    assert len({(r["Date"], r["Workout Name"]) for r in three}) == 3 * len(workouts)
    assert [r["Weight"] for r in three] == [r["Weight"] for r in one] * 3
    hevy_one = list(csv.DictReader(io.StringIO(import_formats.hevy_file(1).decode())))
    hevy_two = list(csv.DictReader(io.StringIO(import_formats.hevy_file(2).decode())))
    assert len(hevy_two) == 2 * len(hevy_one)
    starts = {r["start_time"] for r in hevy_one}
    assert len({r["start_time"] for r in hevy_two}) == 2 * len(starts)
