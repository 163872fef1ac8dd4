"""Each reader on small files written here, one per variant of its format, and on broken input.

Readers are plain functions over bytes: no database needed.
"""

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from garmin_fit_sdk import Encoder, Profile

from logbook.imports.detect import detect_format
from logbook.imports.readers import READERS, ImportContext, ImportFailed, RowError

BERLIN = ImportContext(time_zone=ZoneInfo("Europe/Berlin"), weight_unit="kg")
MESG = Profile["mesg_num"]


def read(fmt: str, content: str | bytes, ctx: ImportContext = BERLIN) -> tuple[list, list]:
    data = content.encode() if isinstance(content, str) else content
    items = list(READERS[fmt](io.BytesIO(data), ctx))
    return (
        [i for i in items if not isinstance(i, RowError)],
        [i for i in items if isinstance(i, RowError)],
    )


def sets_of(workout: dict) -> list[dict]:
    return [s for e in workout.get("exercises", []) for s in e["sets"]]


def strip_rows(value):
    if isinstance(value, dict):
        return {k: strip_rows(v) for k, v in value.items() if k != "_row"}
    if isinstance(value, list):
        return [strip_rows(v) for v in value]
    return value


# --- Strong ----------------------------------------------------------------------------

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE"
)
STRONG_COMMA = f"""{STRONG_HEADER}
2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",W,20,10,0,0,
2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",1,100,5,0,0,8.5
2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",Rest Timer,0,0,0,90,
2024-11-28 17:36:08,"Push",1h 5m,"Bench Press (Barbell)",D,60,12,0,0,
2024-11-28 17:36:08,"Push",1h 5m,"Plank",1,0,0,0,60,
2024-11-30 09:00:00,"Legs",35m,"Squat (Barbell)",F,140,3,0,0,10
"""


def test_strong_comma_form_uses_the_unit_given_at_upload():
    workouts, errors = read("strong_csv", STRONG_COMMA, ImportContext(ZoneInfo("UTC"), "lb"))
    assert errors == []
    push, legs = workouts
    assert push["started_at"] == "2024-11-28T17:36:08+00:00"
    assert push["external_id"] == "2024-11-28T17:36:08 Push"
    assert push["duration_s"] == 3900
    assert [s["set_type"] for s in sets_of(push)] == ["warmup", "normal", "dropset", "normal"]
    assert sets_of(push)[1] == {
        "set_type": "normal",
        "load_kg": 45.359,
        "reps": 5,
        "rpe": 8.5,
        "rest_s": 90,  # the Rest Timer row after it
        "_row": 3,
    }
    assert sets_of(push)[3]["duration_s"] == 60
    assert [e["exercise"] for e in push["exercises"]] == ["Bench Press (Barbell)", "Plank"]
    assert sets_of(legs)[0]["set_type"] == "failure"
    assert legs["duration_s"] == 2100


def test_strong_dates_without_zone_take_the_users_zone():
    workouts, _ = read("strong_csv", STRONG_COMMA)
    assert workouts[0]["started_at"] == "2024-11-28T17:36:08+01:00"


def test_strong_with_notes_columns():
    content = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        '2024-11-28 17:36:08,A,30m,Deadlift (Barbell),1,180,3,0,0,"belt on","felt strong",9\n'
        "2024-11-28 17:36:08,A,30m,Deadlift (Barbell),2,180,3,0,0,,felt strong,9.5\n"
    )
    (workout,), errors = read("strong_csv", content)
    assert errors == []
    assert workout["notes"] == "felt strong\nDeadlift (Barbell): belt on"
    assert [s["rpe"] for s in sets_of(workout)] == [9.0, 9.5]
    assert sets_of(workout)[0]["load_kg"] == 180.0


def test_strong_workout_number_form_reads_units_from_the_header():
    content = (
        '"Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order",'
        '"Weight (kg)","Reps","RPE","Distance (meters)","Seconds","Notes","Workout Notes"\n'
        '"1","2025-01-05 08:00:00","Run + lift","3600","Running","1","","","","5000","1500","",""\n'
        '"1","2025-01-05 08:00:00","Run + lift","3600","Squat (Barbell)","1","100","5","8",'
        '"","","",""\n'
    )
    (workout,), errors = read("strong_csv", content, ImportContext(ZoneInfo("UTC"), "lb"))
    assert errors == []
    assert workout["duration_s"] == 3600
    run, squat = sets_of(workout)
    assert run == {"set_type": "normal", "distance_m": 5000.0, "duration_s": 1500, "_row": 2}
    assert squat["load_kg"] == 100.0  # the header says kg, whatever was given at upload


def test_strong_workout_number_form_in_pounds():
    content = (
        "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (lbs),Reps\n"
        "1,2025-01-05 08:00:00,A,600,Squat (Barbell),1,225,5\n"
    )
    (workout,), _ = read("strong_csv", content)
    assert sets_of(workout)[0]["load_kg"] == 102.058


def test_strong_semicolon_form_with_units_per_row_and_decimal_commas():
    content = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes\n"
        "2023-05-01 18:00:00;Evening;Bench Press (Barbell);1;62,5;kg;8;7,5;;;;;\n"
        "2023-05-01 18:00:00;Evening;Bench Press (Barbell);2;135;lbs;6;;;;;;\n"
        "2023-05-01 18:00:00;Evening;Rowing (Machine);1;;;;;2;km;480;;\n"
    )
    (workout,), errors = read("strong_csv", content)
    assert errors == []
    first, second, row = sets_of(workout)
    assert (first["load_kg"], first["rpe"]) == (62.5, 7.5)
    assert second["load_kg"] == 61.235
    assert (row["distance_m"], row["duration_s"]) == (2000.0, 480)
    assert workout["duration_s"] is None


def test_strong_bad_rows_are_reported_and_the_rest_imports():
    content = STRONG_COMMA.replace(
        'Push",1h 5m,"Bench Press (Barbell)",1,100,5',
        'Push",1h 5m,"Bench Press (Barbell)",1,100,five',
    )
    content += "not a date,X,30m,Curl,1,10,10,0,0,\n2024-12-01 10:00:00,X,30m,Curl,Z,10,10,0,0,\n"
    workouts, errors = read("strong_csv", content)
    assert [(e.row, e.message.split(":")[0], e.refused) for e in errors] == [
        (3, "Reps", False),  # the value is dropped, the set kept
        (8, "Date", True),
        (9, "Set Order", True),
    ]
    assert [len(sets_of(w)) for w in workouts] == [4, 1]
    assert "reps" not in sets_of(workouts[0])[1]
    assert sets_of(workouts[0])[1]["load_kg"] == 100


def test_a_csv_without_strongs_columns_fails_as_a_whole():
    with pytest.raises(ImportFailed, match="Strong CSV"):
        read("strong_csv", "Date,Name\n2024-01-01,x\n")


# --- Hevy ------------------------------------------------------------------------------

HEVY_HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id",'
    '"exercise_notes","set_index","set_type","{weight}","reps","{distance}","duration_seconds","rpe"\n'
)


def hevy(rows: str, weight: str = "weight_kg", distance: str = "distance_km") -> str:
    return HEVY_HEADER.format(weight=weight, distance=distance) + rows


UPPER = '"Upper","9 Apr 2026, 17:18","9 Apr 2026, 18:20","long day",'
LEGS = '"Legs","10 Apr 2026, 07:00","10 Apr 2026, 08:00","",'


def test_hevy_kg_with_set_types_supersets_rpe_and_timed_sets():
    content = hevy(
        UPPER
        + '"Bench Press (Barbell)",,"",0,"warmup",40,10,,,\n'
        + UPPER
        + '"Bench Press (Barbell)",,"",1,"normal",80,8,,,8.5\n'
        + UPPER
        + '"Bench Press (Barbell)",,"",2,"dropset",60,12,,,\n'
        + UPPER
        + '"Bicep Curl (Dumbbell)",7,"slow",0,"failure",14,12,,,10\n'
        + UPPER
        + '"Triceps Pressdown",7,"",0,"normal",30,15,,,\n'
        + UPPER
        + '"Plank",,"",0,"normal",,,,60,\n'
        + UPPER
        + '"Running",,"",0,"normal",,,2.5,900,\n'
    )
    (workout,), errors = read("hevy_csv", content)
    assert errors == []
    assert workout["started_at"] == "2026-04-09T17:18:00+02:00"
    assert workout["duration_s"] == 62 * 60
    assert workout["notes"] == "long day\nBicep Curl (Dumbbell): slow"
    assert workout["external_id"] == "2026-04-09T17:18:00 Upper"
    entries = workout["exercises"]
    assert [e["superset"] for e in entries] == [None, 0, 0, None, None]
    assert [s["set_type"] for s in entries[0]["sets"]] == ["warmup", "normal", "dropset"]
    assert entries[0]["sets"][1]["rpe"] == 8.5
    assert entries[3]["sets"][0] == {"set_type": "normal", "duration_s": 60, "_row": 7}
    assert entries[4]["sets"][0]["distance_m"] == 2500.0


def test_hevy_pounds_and_miles():
    content = hevy(
        LEGS
        + '"Squat (Barbell)",,"",0,"normal",225,5,,,\n'
        + LEGS
        + '"Walking",,"",0,"normal",,,1.5,1200,\n',
        weight="weight_lbs",
        distance="distance_miles",
    )
    (workout,), _ = read("hevy_csv", content)
    squat, walk = sets_of(workout)
    assert squat["load_kg"] == 102.058
    assert walk["distance_m"] == 2414.016


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("9 Apr 2026, 17:18", "2026-04-09T17:18:00"),
        ("9 avr. 2026, 17:18", "2026-04-09T17:18:00"),
        ("9 de abr. de 2026, 17:18", "2026-04-09T17:18:00"),
        ("15 Sept 2025, 07:48", "2025-09-15T07:48:00"),
        ("3 März 2025, 19:05", "2025-03-03T19:05:00"),
        ("Apr 9, 2026, 5:18 PM", "2026-04-09T17:18:00"),
        ("2026-04-09 17:18:00", "2026-04-09T17:18:00"),
    ],
)
def test_hevy_dates_in_the_apps_languages(written, expected):
    content = hevy(f'"A","{written}","","","Squat (Barbell)",,"",0,"normal",100,5,,,\n')
    (workout,), errors = read("hevy_csv", content, ImportContext(ZoneInfo("UTC")))
    assert errors == []
    assert workout["started_at"] == expected + "+00:00"


def test_hevy_a_restarted_set_index_starts_a_new_entry():
    content = hevy(
        '"A","9 Apr 2026, 17:18","","","Squat (Barbell)",,"",0,"normal",100,5,,,\n'
        '"A","9 Apr 2026, 17:18","","","Squat (Barbell)",,"",1,"normal",100,5,,,\n'
        '"A","9 Apr 2026, 17:18","","","Squat (Barbell)",,"",0,"normal",60,10,,,\n'
    )
    (workout,), _ = read("hevy_csv", content)
    assert [len(e["sets"]) for e in workout["exercises"]] == [2, 1]


def test_hevy_weight_in_both_units_reads_whichever_is_filled():
    content = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
        "set_index,set_type,weight_kg,weight_lbs,reps,distance_km,distance_miles,"
        "duration_seconds,rpe\n"
        '"A","9 Apr 2026, 17:18","","","Squat",,"",0,"normal",100,,5,,,,\n'
        '"A","9 Apr 2026, 17:18","","","Squat",,"",1,"normal",,225,5,,,,\n'
        '"A","9 Apr 2026, 17:18","","","Run",,"",0,"normal",,,,,2,600,\n'
    )
    (workout,), errors = read("hevy_csv", content)
    assert errors == []
    first, second, run = sets_of(workout)
    assert (first["load_kg"], second["load_kg"]) == (100.0, 102.058)
    assert run["distance_m"] == 3218.688


def test_hevy_bad_rows_are_reported_by_row():
    content = hevy(
        '"A","9 Apr 2026, 17:18","","","Squat (Barbell)",,"",0,"heavy",100,5,,,\n'
        '"A","yesterday","","","Squat (Barbell)",,"",1,"normal",100,5,,,\n'
        '"A","9 Apr 2026, 17:18","","","Squat (Barbell)",,"",2,"normal",100,5,,,\n'
    )
    (workout,), errors = read("hevy_csv", content)
    assert [e.row for e in errors] == [2, 3]
    assert "set_type" in errors[0].message
    assert len(sets_of(workout)) == 1


# --- FitNotes --------------------------------------------------------------------------


@pytest.mark.parametrize(("column", "load"), [("Weight (kg)", 100.0), ("Weight (lbs)", 45.359)])
def test_fitnotes_one_workout_per_day_in_either_unit(column, load):
    content = (
        f"Date,Exercise,Category,{column},Reps,Distance,Distance Unit,Time,Comment\n"
        "2024-03-15,Flat Barbell Bench Press,Chest,100.0,5,,,,\n"
        "2024-03-15,Flat Barbell Bench Press,Chest,100.0,5,,,,paused\n"
        "2024-03-15,Treadmill,Cardio,,,3.0,km,0:15:00,\n"
        "2024-03-16,Deadlift,Back,100.0,3,,,,\n"
    )
    first, second = read("fitnotes_csv", content)[0]
    assert first["started_at"] == "2024-03-15T12:00:00+01:00"
    assert first["external_id"] == "2024-03-15"
    bench1, _, run = sets_of(first)
    assert bench1 == {"load_kg": load, "reps": 5, "_row": 2}
    assert run == {"distance_m": 3000.0, "duration_s": 900, "_row": 4}
    assert first["notes"] == "Flat Barbell Bench Press: paused"
    assert len(sets_of(second)) == 1


def test_fitnotes_weight_unit_column():
    content = (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
        "2024-06-01,Squat,Legs,225,lbs,5,,,\n"
        "2024-06-01,Squat,Legs,100,kgs,5,,,\n"
    )
    (workout,), _ = read("fitnotes_csv", content)
    assert [s["load_kg"] for s in sets_of(workout)] == [102.058, 100.0]


def test_fitnotes_2_ios_weight_in_both_units_either_blank_and_notes_column():
    content = (
        "Date,Exercise,Category,Weight (kg),Weight (lbs),Reps,Distance,Distance Unit,Time,"
        "Notes,Kind\n"
        "2021-05-20,Barbell Squat,Legs,40.00,88.18,8,,,,,wr\n"
        "2021-05-20,Barbell Squat,Legs,,225,5,,,,deep,wr\n"
        "2021-05-20,Run,Cardio,,,,2,km,0:10:00,,d\n"
    )
    assert detect_format(content.encode(), "FitNotes_Export.csv") == "fitnotes_csv"
    (workout,), errors = read("fitnotes_csv", content, ImportContext(ZoneInfo("UTC"), "kg"))
    assert errors == []
    kg_set, lb_set, run = sets_of(workout)
    assert (kg_set["load_kg"], lb_set["load_kg"], lb_set["reps"]) == (40.0, 102.058, 5)
    assert (run["distance_m"], run["duration_s"]) == (2000.0, 600)
    assert workout["notes"] == "Barbell Squat: deep"


# --- FIT -------------------------------------------------------------------------------

T0 = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


def fit_file(*messages: dict, local_offset_h: int | None = 1) -> bytes:
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": MESG["FILE_ID"],
            "type": "activity",
            "manufacturer": "garmin",
            "serial_number": 42,
            "time_created": T0,
        }
    )
    for message in messages:
        encoder.write_mesg(message)
    if local_offset_h is not None:
        epoch = datetime(1989, 12, 31, tzinfo=UTC)
        local = T0 + timedelta(hours=local_offset_h) - epoch
        encoder.write_mesg(
            {
                "mesg_num": MESG["ACTIVITY"],
                "timestamp": T0,
                "local_timestamp": int(local.total_seconds()),
                "num_sessions": 1,
            }
        )
    return encoder.close()


def session(start: datetime, seconds: float, sport: str, sub_sport: str, **fields) -> dict:
    return {
        "mesg_num": MESG["SESSION"],
        "start_time": start,
        "timestamp": start + timedelta(seconds=seconds),
        "total_elapsed_time": seconds,
        "total_timer_time": seconds,
        "sport": sport,
        "sub_sport": sub_sport,
        **fields,
    }


def lap(start: datetime, seconds: float, intensity: str, hr: int) -> dict:
    return {
        "mesg_num": MESG["LAP"],
        "start_time": start,
        "timestamp": start + timedelta(seconds=seconds),
        "total_elapsed_time": seconds,
        "total_timer_time": seconds,
        "total_distance": seconds * 4.0,
        "intensity": intensity,
        "avg_heart_rate": hr,
        "max_heart_rate": hr + 10,
    }


def fit_set(start: datetime, kind: str, seconds: float, **fields) -> dict:
    return {
        "mesg_num": MESG["SET"],
        "start_time": start,
        "timestamp": start,
        "duration": seconds,
        "set_type": kind,
        **fields,
    }


def test_fit_run_laps_become_intervals_with_heart_rate():
    data = fit_file(
        lap(T0, 240, "active", 170),
        lap(T0 + timedelta(seconds=240), 120, "rest", 140),
        lap(T0 + timedelta(seconds=360), 240, "active", 175),
        session(
            T0,
            600,
            "running",
            "generic",
            total_distance=2400.0,
            avg_heart_rate=160,
            max_heart_rate=185,
        ),
    )
    (workout,), errors = read("fit", data)
    assert errors == []
    assert workout["activity"] == "run"
    assert workout["started_at"] == "2026-03-02T08:00:00+01:00"  # the device's offset
    assert workout["external_id"] == "2026-03-02T07:00:00Z"
    assert (workout["duration_s"], workout["distance_m"]) == (600, 2400.0)
    assert (workout["avg_hr"], workout["max_hr"]) == (160, 185)
    assert [(i["kind"], i["duration_s"], i["avg_hr"]) for i in workout["intervals"]] == [
        ("work", 240, 170),
        ("recovery", 120, 140),
        ("work", 240, 175),
    ]


def test_fit_strength_sets_with_reps_weight_category_and_rest():
    data = fit_file(
        fit_set(
            T0, "active", 30, repetitions=5, weight=100.0, category=["squat"], category_subtype=[6]
        ),
        fit_set(T0 + timedelta(seconds=30), "rest", 120),
        fit_set(
            T0 + timedelta(seconds=150),
            "active",
            30,
            repetitions=5,
            weight=100.0,
            category=["squat"],
            category_subtype=[6],
        ),
        fit_set(T0 + timedelta(seconds=180), "rest", 90),
        fit_set(
            T0 + timedelta(seconds=270), "active", 40, repetitions=8, weight=20.0, category=["curl"]
        ),
        fit_set(T0 + timedelta(seconds=310), "active", 45, category=["plank"]),
        session(T0, 900, "training", "strength_training", avg_heart_rate=110),
        local_offset_h=None,
    )
    (workout,), _ = read("fit", data)
    assert workout["activity"] == "strength"
    assert workout["started_at"] == "2026-03-02T08:00:00+01:00"  # no device offset: the user's zone
    assert [e["exercise"] for e in workout["exercises"]] == ["Barbell Back Squat", "Curl", "Plank"]
    squat = workout["exercises"][0]["sets"]
    assert [(s["reps"], s["load_kg"], s.get("rest_s")) for s in squat] == [
        (5, 100.0, 120),
        (5, 100.0, 90),
    ]
    assert workout["exercises"][2]["sets"] == [{"duration_s": 45, "_row": 1}]
    assert "intervals" not in workout


def test_a_multisport_fit_gives_one_workout_per_session():
    ride_end = T0 + timedelta(minutes=10)
    data = fit_file(
        lap(T0, 600, "active", 120),
        session(T0, 600, "cycling", "indoor_cycling"),
        fit_set(
            ride_end + timedelta(seconds=60),
            "active",
            30,
            repetitions=10,
            weight=50.0,
            category=["bench_press"],
        ),
        session(ride_end + timedelta(seconds=60), 1800, "training", "strength_training"),
    )
    ride, lift = read("fit", data)[0]
    assert (ride["activity"], len(ride["intervals"])) == ("ride", 1)
    assert (lift["activity"], len(sets_of(lift))) == ("strength", 1)
    assert ride["external_id"] != lift["external_id"]


@pytest.mark.parametrize(
    "data",
    [b"", b"not a fit file at all", b"\x0e\x20" + b"\x00" * 30],
)
def test_non_fit_bytes_fail_as_a_whole(data):
    with pytest.raises(ImportFailed):
        read("fit", data)


def test_a_truncated_fit_says_it_was_cut_short():
    data = fit_file(session(T0, 600, "running", "generic"))
    (workout,), errors = read("fit", data[:-20])
    assert workout["duration_s"] == 600
    assert [e.message for e in errors] == [
        "The FIT file is cut short: what could be read up to the cut is imported."
    ]


def test_a_fit_without_sessions_fails():
    with pytest.raises(ImportFailed, match="no sessions"):
        read("fit", fit_file())


# --- TCX -------------------------------------------------------------------------------

TCX = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities>
    <Activity Sport="Running">
      <Id>2026-05-01T06:00:00Z</Id>
      <Lap StartTime="2026-05-01T06:00:00Z">
        <TotalTimeSeconds>300</TotalTimeSeconds><DistanceMeters>1200</DistanceMeters>
        <AverageHeartRateBpm><Value>165</Value></AverageHeartRateBpm>
        <MaximumHeartRateBpm><Value>178</Value></MaximumHeartRateBpm>
        <Intensity>Active</Intensity>
      </Lap>
      <Lap StartTime="2026-05-01T06:05:00Z">
        <TotalTimeSeconds>100</TotalTimeSeconds><DistanceMeters>200</DistanceMeters>
        <Intensity>Resting</Intensity>
        <Track>
          <Trackpoint><Time>2026-05-01T06:05:10Z</Time><HeartRateBpm><Value>140</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>2026-05-01T06:05:50Z</Time><HeartRateBpm><Value>130</Value></HeartRateBpm></Trackpoint>
        </Track>
      </Lap>
      <Notes>track session</Notes>
    </Activity>
    <Activity Sport="Biking"><Id>2026-05-02T06:00:00Z</Id>
      <Lap StartTime="2026-05-02T06:00:00Z"><TotalTimeSeconds>3600</TotalTimeSeconds>
        <DistanceMeters>30000</DistanceMeters><Intensity>Active</Intensity></Lap>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"""


def test_tcx_activities_with_laps_distance_and_heart_rate():
    (run, ride), errors = read("tcx", TCX)
    assert errors == []
    assert run["started_at"] == "2026-05-01T08:00:00+02:00"
    assert (run["activity"], run["duration_s"], run["distance_m"]) == ("run", 400, 1400.0)
    assert (run["avg_hr"], run["max_hr"]) == (158, 178)  # 165 over 300 s, 135 over 100 s
    assert [(i["kind"], i["avg_hr"], i["max_hr"]) for i in run["intervals"]] == [
        ("work", 165, 178),
        ("recovery", 135, 140),
    ]
    assert run["notes"] == "track session"
    assert (ride["activity"], ride["intervals"][0]["kind"]) == ("ride", "steady")


@pytest.mark.parametrize("content", ["<gpx></gpx>", "", "<a><b></a>", TCX[:150]])
def test_broken_tcx_fails_as_a_whole(content):
    with pytest.raises(ImportFailed):
        read("tcx", content)


# --- GPX -------------------------------------------------------------------------------

GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
  xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
  <trk><name>Morning Run</name><type>running</type><trkseg>
    <trkpt lat="52.5200" lon="13.4050"><time>2026-05-03T05:00:00Z</time>
      <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
    <trkpt lat="52.5300" lon="13.4050"><time>2026-05-03T05:05:00Z</time>
      <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>150</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
    <trkpt lat="52.5400" lon="13.4050"><time>2026-05-03T05:10:00Z</time>
      <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>165</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>
  </trkseg></trk>
  <trk><name>Planned</name><trkseg><trkpt lat="1" lon="1"/></trkseg></trk>
</gpx>
"""


def test_gpx_tracks_give_duration_distance_and_heart_rate():
    (run,), errors = read("gpx", GPX)
    assert run["started_at"] == "2026-05-03T07:00:00+02:00"
    assert (run["activity"], run["title"], run["duration_s"]) == ("run", "Morning Run", 600)
    assert 2200 < run["distance_m"] < 2250
    assert (run["avg_hr"], run["max_hr"]) == (145, 165)
    assert [(e.row, "no start" in e.message) for e in errors] == [(2, True)]


def test_gpx_cut_before_its_first_track_fails_as_a_whole():
    with pytest.raises(ImportFailed):
        read("gpx", GPX[:190])


def test_gpx_cut_before_any_whole_point_skips_the_track_and_says_it_was_cut():
    workouts, errors = read("gpx", GPX[:400])
    assert workouts == []
    assert [(e.row, e.refused) for e in errors] == [(1, True), (None, False)]
    assert "cut short" in errors[1].message


# --- Apple Health ----------------------------------------------------------------------

HEALTH = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
<!ATTLIST HealthData locale CDATA #REQUIRED>
]>
<HealthData locale="en_DE">
 <ExportDate value="2026-05-10 10:00:00 +0200"/>
 <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-01-01"/>
 {records}
 <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30.5" durationUnit="min"
  totalDistance="5.2" totalDistanceUnit="km" sourceName="Watch"
  startDate="2026-05-04 07:30:00 +0200" endDate="2026-05-04 08:00:30 +0200">
  <MetadataEntry key="HKIndoorWorkout" value="0"/>
  <WorkoutStatistics type="HKQuantityTypeIdentifierHeartRate"
   startDate="2026-05-04 07:30:00 +0200" endDate="2026-05-04 08:00:30 +0200"
   average="152.4" minimum="90" maximum="181" unit="count/min"/>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="45"
  durationUnit="min" sourceName="Watch"
  startDate="2026-05-05 18:00:00 +0200" endDate="2026-05-05 18:45:00 +0200"/>
 <Workout workoutActivityType="HKWorkoutActivityTypeCycling" sourceName="Watch"
  startDate="2026-05-06 18:00:00 +0200" endDate="2026-05-06 19:00:00 +0200">
  <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceCycling" sum="20" unit="mi"/>
 </Workout>
 <Workout workoutActivityType="HKWorkoutActivityTypeYoga" startDate="last week"/>
 <ActivitySummary dateComponents="2026-05-04" activeEnergyBurned="500"/>
</HealthData>
"""
RECORD = (
    '<Record type="HKQuantityTypeIdentifierHeartRate" sourceName="Watch" unit="count/min" '
    'startDate="2026-05-04 07:31:00 +0200" endDate="2026-05-04 07:31:00 +0200" value="150"/>\n'
)


def test_apple_health_workouts_are_read_and_records_skipped():
    (run, lift, ride), errors = read("apple_health", HEALTH.format(records=RECORD * 3))
    assert run["started_at"] == "2026-05-04T07:30:00+02:00"
    assert (run["activity"], run["duration_s"], run["distance_m"]) == ("run", 1830, 5200.0)
    assert (run["avg_hr"], run["max_hr"]) == (152, 181)
    assert run["external_id"] == "2026-05-04T07:30:00+02:00 Running"
    assert (lift["activity"], lift["duration_s"], lift["title"]) == (
        "strength",
        2700,
        "Traditional strength training",
    )
    assert (ride["duration_s"], ride["distance_m"]) == (3600, 32186.9)
    assert [e.row for e in errors] == [4]


def test_apple_health_streams_a_large_export():
    ctx_reports: list[float] = []
    ctx = ImportContext(ZoneInfo("UTC"), "kg", report=ctx_reports.append)
    workouts, _ = read("apple_health", HEALTH.format(records=RECORD * 50_000), ctx)
    assert len(workouts) == 3
    assert ctx_reports
    assert ctx_reports[-1] <= 1.0
    assert ctx_reports == sorted(ctx_reports)


def test_not_an_apple_health_export_fails():
    with pytest.raises(ImportFailed, match="Apple Health"):
        read("apple_health", TCX)


# --- detection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "name", "fmt"),
    [
        (STRONG_COMMA, "x.csv", "strong_csv"),
        ("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps\n", "", "strong_csv"),
        ('"Workout #","Date","Workout Name","Exercise Name","Set Order"\n', "", "strong_csv"),
        (hevy(""), "workouts.txt", "hevy_csv"),
        (
            "Date,Exercise,Category,Weight (kg),Reps,Distance,Distance Unit,Time\n",
            "",
            "fitnotes_csv",
        ),
        (TCX, "a.xml", "tcx"),
        (GPX, "a.xml", "gpx"),
        ("\ufeff" + HEALTH, "export.xml", "apple_health"),
        ("external_id,source,started_at,title,row_type,exercise_index\n", "", "myolog_csv"),
        ("hello world", "ride.gpx", "gpx"),
        ("hello world", "ride.csv", None),
    ],
)
def test_the_format_is_told_by_content(head, name, fmt):
    assert detect_format(head.encode(), name) == fmt


def test_fit_is_told_by_its_header():
    assert detect_format(fit_file(session(T0, 60, "running", "generic")), "upload.bin") == "fit"


def test_readers_drop_private_row_markers_nowhere_but_payload_keys():
    (workout,), _ = read(
        "strong_csv", STRONG_COMMA.splitlines()[0] + "\n" + STRONG_COMMA.splitlines()[2] + "\n"
    )
    assert strip_rows(workout)["exercises"][0]["sets"] == [
        {"set_type": "normal", "load_kg": 100.0, "reps": 5, "rpe": 8.5}
    ]


def test_fit_sets_without_start_times_belong_to_the_only_session():
    untimed = {"mesg_num": MESG["SET"], "set_type": "active", "repetitions": 8, "weight": 60.0}
    data = fit_file(untimed, untimed, session(T0, 600, "training", "strength_training"))
    (workout,), _ = read("fit", data)
    assert [(s["reps"], s["load_kg"]) for s in sets_of(workout)] == [(8, 60.0), (8, 60.0)]
