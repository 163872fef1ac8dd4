"""A .gz of a supported file imports; a gzip bomb is refused before parsing; a file of a
kind Myolog does not read is named in the refusal and writes nothing."""

import gzip

import pytest

from logbook.imports.jobs import run_import_bytes
from tests.docs import EXPORTS

pytestmark = pytest.mark.django_db

STRONG = EXPORTS / "strong" / "sample_strong_legacy.csv"


def test_a_gzipped_export_imports_like_the_plain_one(user):
    status = run_import_bytes(user, gzip.compress(STRONG.read_bytes()), "strong.csv.gz")
    assert status["status"] == "done"
    assert status["created"] == 3
    assert user.workouts.count() == 3


def test_a_gzip_bomb_is_refused_before_parsing(user, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1_000_000
    bomb = gzip.compress(b"0" * 5_000_000)
    status = run_import_bytes(user, bomb, "bomb.csv.gz")
    assert status["status"] == "failed"
    assert "unpacks to more than" in status["errors"][0]["message"]
    assert user.workouts.count() == 0


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b'{"sessions": [{"id": 1, "name": "Run"}]}', "a JSON"),
        (b"%PDF-1.7\n", "a PDF"),
        (b'<?xml version="1.0"?><Workouts><Workout/></Workouts>', "an XML (<Workouts>)"),
        (
            b'<?xml version="1.0"?>\n<polar-exercise-data version="1.0">',
            "a Polar Personal Trainer XML",
        ),
        (b'{"id":9,"periodDataUuid":"0","exercises":{"9":{}}}', "a Polar Flow web session JSON"),
    ],
)
def test_an_unsupported_kind_is_named_and_writes_nothing(user, content, kind):
    status = run_import_bytes(user, content, "upload.bin")
    assert status["status"] == "failed"
    assert status["errors"][0]["message"] == (
        f"This looks like {kind} file, which Myolog doesn't import yet."
    )
    assert user.workouts.count() == 0


def test_a_text_of_bracketed_sections_is_not_called_a_json(user):
    status = run_import_bytes(user, b"[Workout]\r\nname=run\r\n", "upload.ini")
    assert status["errors"][0]["message"].startswith("Could not tell what kind of file this is.")
