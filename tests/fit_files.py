"""Small FIT files written in a test, with Garmin's own encoder (garmin-fit-sdk), for what
no licensed real file shows: a summary that lacks values, strength sets of every kind."""

from datetime import UTC, datetime, timedelta
from typing import Any

from garmin_fit_sdk import Encoder, Profile

START = datetime(2026, 5, 1, 7, 0, tzinfo=UTC)


def fit_file(*messages: tuple[str, dict[str, Any]]) -> bytes:
    """A FIT activity file of ("session", {...})-style messages, after a file_id."""
    encoder = Encoder()
    numbers = Profile["mesg_num"]
    header = {"type": "activity", "manufacturer": "development", "time_created": START}
    for name, fields in (("file_id", header), *messages):
        encoder.write_mesg({"mesg_num": numbers[name.upper()], **fields})
    return encoder.close()


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)
