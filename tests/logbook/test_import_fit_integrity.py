"""FIT files as devices write them: a header CRC of 0 ("not computed") is accepted, the file
CRC still guards integrity, a file cut short imports what is readable and says so, duration
is timer time, and a multisport's transitions belong to its legs."""

import io

import pytest
from garmin_fit_sdk import CrcCalculator, Decoder, Stream

from logbook.imports.readers import ImportContext, ImportFailed, RowError
from logbook.imports.readers.fit import read_fit
from tests.docs import EXPORTS

RIDE = EXPORTS / "fit" / "20747700969_ACTIVITY.fit"
EDGE = EXPORTS / "fit-fitparse" / "garmin-edge-500-activity.fit"
CUT = EXPORTS / "fit-fitparse" / "activity-unexpected-eof.fit"
MULTISPORT = EXPORTS / "fit-fitparse" / "sample_mulitple_header.fit"


def read(data: bytes) -> tuple[list[dict], list[RowError]]:
    items = list(read_fit(io.BytesIO(data), ImportContext()))
    return (
        [i for i in items if not isinstance(i, RowError)],
        [i for i in items if isinstance(i, RowError)],
    )


def test_a_header_crc_of_zero_means_not_computed():
    data = bytearray(RIDE.read_bytes())
    assert data[0] == 14
    data[12:14] = b"\x00\x00"  # as a device that skips it writes it: the file CRC covers that
    data[-2:] = CrcCalculator.calculate_crc(bytes(data), 0, len(data) - 2).to_bytes(2, "little")
    workouts, errors = read(bytes(data))
    assert len(workouts) == 1
    assert errors == []


def test_a_flipped_byte_fails_the_file_crc():
    data = bytearray(RIDE.read_bytes())
    data[len(data) // 2] ^= 0xFF
    with pytest.raises(ImportFailed, match="checksum"):
        read(bytes(data))


def test_a_file_cut_short_imports_what_is_readable_and_says_so():
    workouts, errors = read(CUT.read_bytes())
    assert len(workouts) == 1
    assert workouts[0]["duration_s"] > 0
    (error,) = errors
    assert "cut short" in error.message
    assert not error.refused


def test_duration_is_timer_time_not_elapsed():
    messages, _ = Decoder(Stream.from_byte_array(bytearray(EDGE.read_bytes()))).read()
    session = messages["session_mesgs"][0]
    assert session["total_elapsed_time"] > session["total_timer_time"]  # it was paused
    (workout,), _ = read(EDGE.read_bytes())
    assert workout["duration_s"] == round(session["total_timer_time"])


def test_multisport_transitions_belong_to_the_legs_after_them():
    messages, _ = Decoder(Stream.from_byte_array(bytearray(MULTISPORT.read_bytes()))).read()
    sports = [str(s["sport"]) for s in messages["session_mesgs"]]
    legs = [s for s in sports if s != "transition"]
    workouts, _ = read(MULTISPORT.read_bytes())
    assert [w["activity"] for w in workouts] == ["swim", "ride", "run"][: len(legs)]
    assert "other" not in [w["activity"] for w in workouts]
    assert "Transition" in workouts[1]["notes"]
