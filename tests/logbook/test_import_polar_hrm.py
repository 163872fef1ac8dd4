"""Polar HRM files (Polar ProTrainer and polarpersonaltrainer.com, before Polar Flow) import
as one workout each: the start on the watch's clock in the user's zone, Length, heart rate
from [HRData], distance from [Trip] or the speed column, the sport from the speed, said.
Expected values come from the real files (tests/fixtures/exports/NOTICE.md), read here
line by line, and from their own lap summary ([IntTimes]) where they have one."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.detect import detect_format
from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportFormat
from logbook.services import update_profile
from tests.docs import EXPORTS

pytestmark = pytest.mark.django_db

RC3_RUN = EXPORTS / "polar_hrm" / "13120901.hrm"  # Polar RC3 GPS, 1 s, HR/speed/altitude
ONE_MINUTE = EXPORTS / "polar_hrm" / "13110601.hrm"  # a minute standing still (speed 0)
CS600_RIDE = EXPORTS / "polar_hrm" / "10091901.hrm"  # 5 s, HR/speed/cadence/altitude, [Trip]


def sections(path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    name = None
    for line in path.read_text(encoding="ascii").splitlines():
        if line.startswith("["):
            name = line.strip("[]")
            found[name] = []
        elif line.strip() and name:
            found[name].append(line.strip())
    return found


def params(path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections(path)["Params"])


def seconds(clock: str) -> float:
    hours, minutes, secs = clock.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(secs)


def test_a_polar_rc3_run_with_speed_samples(user):
    zone = ZoneInfo("Europe/Paris")
    update_profile(user, {"time_zone": zone.key})
    head, rows = params(RC3_RUN), [list(map(int, r.split())) for r in sections(RC3_RUN)["HRData"]]
    assert (head["SMode"][:3], head["Interval"]) == ("101", "1")  # speed, no cadence, altitude
    data = RC3_RUN.read_bytes()
    assert detect_format(data, "13120901.hrm") == ImportFormat.POLAR_HRM
    status = run_import_bytes(user, data, RC3_RUN.name)
    assert status["created"] == 1
    run = user.workouts.get()
    started = datetime.strptime(head["Date"] + head["StartTime"][:8], "%Y%m%d%H:%M:%S")
    assert run.started_at == started.replace(tzinfo=zone)
    assert run.duration_s == round(seconds(head["Length"]))
    metres = sum(speed / 10 / 3.6 for _, speed, _ in rows)  # 0.1 km/h, one a second
    assert run.distance_m == pytest.approx(metres, abs=0.1)
    rates = [hr for hr, _, _ in rows if hr]
    assert (run.avg_hr, run.max_hr) == (round(sum(rates) / len(rates)), max(rates))
    assert run.activity == "run"
    assert status["errors"][0]["message"].startswith("Sport inferred as running")
    assert run.notes == "\n".join(sections(RC3_RUN)["Note"])
    again = run_import_bytes(user, data, RC3_RUN.name)
    assert (again["created"], again["skipped"]) == (0, 1)


def test_a_ride_takes_its_trip_distance_and_agrees_with_its_lap_summary(user):
    found = sections(CS600_RIDE)
    _, _, _, avg, peak = found["IntTimes"][0].split("\t")  # the watch's own figures
    status = run_import_bytes(user, CS600_RIDE.read_bytes(), CS600_RIDE.name)
    assert status["created"] == 1
    ride = user.workouts.get()
    assert ride.distance_m == int(found["Trip"][0]) * 100  # 0.1 km
    assert (ride.avg_hr, ride.max_hr) == (int(avg), int(peak))
    assert ride.duration_s == round(seconds(params(CS600_RIDE)["Length"]))
    assert ride.activity == "ride"


def test_a_file_that_never_moved_says_nothing_of_its_sport(user):
    rows = [int(r.split()[0]) for r in sections(ONE_MINUTE)["HRData"]]
    status = run_import_bytes(user, ONE_MINUTE.read_bytes(), ONE_MINUTE.name)
    assert (status["created"], status["errors"]) == (1, [])
    workout = user.workouts.get()
    assert (workout.activity, workout.distance_m) == ("other", None)
    assert workout.max_hr == max(rows)


def test_unreadable_rows_are_left_out_and_said(user):
    text = RC3_RUN.read_text(encoding="ascii").replace("138\t55\t0", "138\tfast\t0", 1)
    status = run_import_bytes(user, text.encode(), "damaged.hrm")
    assert status["status"] == "done"
    messages = [e["message"] for e in status["errors"]]
    assert "1 rows of [HRData] are not numbers and are left out." in messages


def test_a_file_without_params_or_start_writes_nothing(user):
    no_start = b"[Params]\r\nVersion=106\r\nInterval=1\r\n[HRData]\r\n120\r\n"
    status = run_import_bytes(user, no_start, "nostart.hrm")
    assert status["errors"][0]["message"].startswith("The file has no start time")
    assert user.workouts.count() == 0


def test_a_trip_distance_that_is_not_a_number_falls_back_to_the_speed_samples(user):
    text = CS600_RIDE.read_text(encoding="ascii")
    head, _, rest = text.partition("[Trip]\n")
    status = run_import_bytes(user, f"{head}[Trip]\nfar\n{rest}".encode(), "ride.hrm")
    assert status["status"] == "done"
    speeds = [int(row.split()[1]) for row in sections(CS600_RIDE)["HRData"]]  # 0.1 km/h
    metres = sum(speed / 10 / 3.6 * 5 for speed in speeds)  # one row each 5 s
    assert user.workouts.get().distance_m == pytest.approx(metres, abs=0.1)
