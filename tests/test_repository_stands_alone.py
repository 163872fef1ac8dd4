"""A plain clone has nothing beside it: no tracked file reads or links the team's reference
folder outside the repository, and the documents and test data the tests use are inside."""

import subprocess
from pathlib import Path

from tests.docs import API_MD, EXPORTS, ROOT, SCIENCE_MD

OUTSIDE = ".." + "/shared"  # spelt in two parts so this file does not match itself


def tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    return [ROOT / name.decode() for name in names if name]


def test_no_tracked_file_mentions_the_folder_beside_the_checkout():
    offenders = []
    for path in tracked_text_files():
        if not path.is_file():
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        if OUTSIDE in text or "MYOLOG_" + "SHARED" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_documents_and_test_data_the_tests_read_are_in_the_repository():
    for path in (API_MD, SCIENCE_MD, EXPORTS / "NOTICE.md", ROOT / "LICENSE"):
        assert path.is_file(), path
        assert ROOT in path.resolve().parents
    assert not (ROOT / "tests" / "shared.py").exists()


EXPORT_SUFFIXES = (".csv", ".fit", ".json", ".tcx", ".gpx", ".sml", ".xml", ".hrm")


def test_every_fixture_export_is_named_in_the_notice_with_its_licence():
    notice = (EXPORTS / "NOTICE.md").read_text(encoding="utf-8")
    for path in EXPORTS.rglob("*"):
        if path.is_file() and path.suffix in EXPORT_SUFFIXES:
            folder, name = path.parent.name, path.name
            assert f"{folder}/{name}" in notice or f"{folder}/*{path.suffix}" in notice, path
            licences = [*path.parent.glob("LICENSE*"), *EXPORTS.glob("LICENSE*")]
            assert any(licence.name in notice for licence in licences), path
    assert "MIT" in notice
