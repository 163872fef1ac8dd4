"""Garmin Connect's own exports: the account export's summarizedActivities JSON (epoch
milliseconds, milliseconds, centimetres), a single activity or an activity list as its web
service gives them (seconds, metres), with strength sets where the file has them, and the
activities CSV in the account's units and number format. Expected values are computed here
from the data the test writes, not by the reader."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from logbook.imports.detect import detect_format
from logbook.imports.jobs import run_import_bytes
from logbook.models import ImportFormat, ImportMessage, Set
from logbook.services import update_profile

pytestmark = pytest.mark.django_db

BEGIN = datetime(2026, 3, 14, 6, 30, tzinfo=UTC)
MS = 1000


def exported(begin: datetime, offset_h: int, **fields) -> dict:
    ms = int(begin.timestamp() * MS)
    return {
        "beginTimestamp": ms,
        "startTimeGmt": ms,
        "startTimeLocal": ms + offset_h * 3600 * MS,
        **fields,
    }


EXPORT = [
    {
        "summarizedActivitiesExport": [
            exported(
                BEGIN,
                1,
                activityId=101,
                name="Berlin Running",
                activityType="running",
                duration=3012.5 * MS,
                elapsedDuration=3100.2 * MS,
                distance=1002345.0,
                avgHr=151.0,
                maxHr=178.0,
            ),
            exported(
                BEGIN + timedelta(days=1),
                1,
                activityId=102,
                name="Commute",
                activityType="road_biking",
                duration=1800 * MS,
                distance=1250000.0,
            ),
            exported(
                BEGIN + timedelta(days=2),
                -5,
                activityId=103,
                name="Gym",
                activityType="strength_training",
                duration=3600 * MS,
                summarizedExerciseSets=[{"category": "BENCH_PRESS", "reps": 24, "sets": 3}],
            ),
        ]
    }
]


def messages(user) -> list[str]:
    return list(ImportMessage.objects.filter(job__user=user).values_list("message", flat=True))


def test_the_account_exports_summarized_activities_import_in_their_units(user):
    data = json.dumps(EXPORT).encode()
    assert detect_format(data[:65536], "x_summarizedActivities.json") == ImportFormat.GARMIN_JSON
    status = run_import_bytes(user, data, "x_summarizedActivities.json")
    raw = EXPORT[0]["summarizedActivitiesExport"]
    assert (status["status"], status["created"]) == ("done", len(raw))
    run = user.workouts.get(external_id="101")
    assert run.started_at == BEGIN
    assert run.utc_offset_min == 60  # the watch's local clock, not the profile's zone
    assert (run.duration_s, run.elapsed_s) == (round(3012.5), round(3100.2))
    assert run.distance_m == pytest.approx(10023.45)
    assert (run.avg_hr, run.max_hr, run.activity) == (151, 178, "run")
    assert user.workouts.get(external_id="102").activity == "ride"
    gym = user.workouts.get(external_id="103")
    assert (gym.activity, gym.utc_offset_min) == ("strength", -300)
    assert any("only totals per exercise" in m for m in messages(user))
    again = run_import_bytes(user, data, "x_summarizedActivities.json")
    assert (again["created"], again["skipped"]) == (0, len(raw))


def lift(category, name, reps, grams, when):
    return {
        "setType": "ACTIVE",
        "repetitionCount": reps,
        "weight": grams,
        "duration": 40.0,
        "startTime": when,
        "exercises": [{"category": category, "name": name, "probability": 100.0}],
    }


def rest(seconds):
    return {"setType": "REST", "duration": seconds, "exercises": []}


ACTIVITY = {
    "activityId": 20474406937,
    "activityName": "Strength",
    "activityTypeDTO": {"typeKey": "strength_training"},
    "summaryDTO": {
        "startTimeGMT": "2026-03-20T17:00:00.0",
        "startTimeLocal": "2026-03-20T18:00:00.0",
        "duration": 2700.0,
        "elapsedDuration": 2800.0,
        "averageHR": 110.0,
        "maxHR": 150.0,
    },
    "exerciseSets": [
        lift("SQUAT", "BARBELL_BACK_SQUAT", 5, 100000.0, "2026-03-20T17:01:00.0"),
        rest(120.0),
        lift("SQUAT", "BARBELL_BACK_SQUAT", 5, 100000.0, "2026-03-20T17:04:00.0"),
        rest(150.0),
        {
            "setType": "ACTIVE",
            "repetitionCount": 12,
            "weight": None,
            "duration": 30.0,
            "exercises": [{"category": "UNKNOWN", "name": None, "probability": 60.0}],
        },
        lift("BENCH_PRESS", None, 8, 62500.0, "2026-03-20T17:12:00.0"),
        {"setType": "ACTIVE", "repetitionCount": 15, "duration": 30.0, "exercises": []},
    ],
}


def test_a_single_activity_with_its_exercise_sets(user):
    data = json.dumps(ACTIVITY, indent=2).encode()
    assert detect_format(data, "activity.json") == ImportFormat.GARMIN_JSON
    assert run_import_bytes(user, data, "activity.json")["created"] == 1
    workout = user.workouts.get()
    assert workout.started_at == datetime(2026, 3, 20, 17, 0, tzinfo=UTC)
    assert (workout.utc_offset_min, workout.duration_s, workout.elapsed_s) == (60, 2700, 2800)
    entries = [
        (e.exercise.name, [(s.reps, s.load_kg, s.rest_s) for s in e.sets.order_by("position")])
        for e in workout.exercises.order_by("position")
    ]
    assert entries == [
        ("Back Squat", [(5, 100.0, 120), (5, 100.0, 150)]),
        ("Unrecognised exercise", [(12, None, None), (15, None, None)]),
        ("Bench Press", [(8, 62.5, None)]),
    ]
    active = [s for s in ACTIVITY["exerciseSets"] if s["setType"] == "ACTIVE"]
    assert Set.objects.filter(entry__workout=workout).count() == len(active)


def test_an_activity_list_from_the_web_service(user):
    listed = [
        {
            "activityId": 7,
            "activityName": "Lunch Walk",
            "activityType": {"typeKey": "walking"},
            "startTimeGMT": "2026-04-01 11:00:00",
            "startTimeLocal": "2026-04-01 13:00:00",
            "duration": 1500.0,
            "distance": 2100.5,
            "averageHR": 95.0,
        },
        {
            "activityId": 8,
            "activityName": "Pool",
            "activityType": {"typeKey": "lap_swimming"},
            "startTimeGMT": "2026-04-02 06:00:00",
            "duration": 1800.0,
            "distance": 1500.0,
        },
    ]
    status = run_import_bytes(user, json.dumps(listed).encode(), "activities.json")
    assert status["created"] == len(listed)
    walk = user.workouts.get(external_id="7")
    assert (walk.activity, walk.distance_m, walk.duration_s, walk.utc_offset_min) == (
        "walk",
        2100.5,
        1500,
        120,
    )
    assert user.workouts.get(external_id="8").activity == "swim"


HEADER = (
    "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Aerobic TE,"
    "Avg Run Cadence,Max Run Cadence,Avg Pace,Best Pace,Total Ascent,Total Descent,"
    "Avg Stride Length,Training Stress Score®,Total Reps,Total Sets,Decompression,"
    "Best Lap Time,Number of Laps,Moving Time,Elapsed Time,Min Elevation,Max Elevation"
)
ROWS = [
    'Running,2025-02-06 17:06:03,false,"Wellington Running","5.48","447","00:31:24","153",'
    '"176","3.6","153","173","5:44","4:06","215","200","1.15","0.0","--","--","No",'
    '"00:02:15.3","6","00:31:08","00:32:57","-4","190"',
    'Strength Training,2025-02-07 18:00:00,false,"Strength","0.00","230","00:55:00","110",'
    '"140","1.2","--","--","--","--","--","--","--","0.0","120","10","No","--","10",'
    '"00:50:00","00:55:00","--","--"',
    'Pool Swim,2025-02-08 07:00:00,false,"Pool Swim","1,500","410","00:35:10.5","130","150",'
    '"2.5","--","--","--","--","--","--","--","0.0","--","--","No","--","30","00:33:00",'
    '"00:36:00","--","--"',
]


def garmin_csv(header=HEADER, rows=ROWS) -> bytes:
    return "\n".join([header, *rows]).encode()


def test_the_activities_csv_in_a_metric_account(user):
    data = garmin_csv()
    assert detect_format(data, "Activities.csv") == ImportFormat.GARMIN_CSV
    status = run_import_bytes(user, data, "Activities.csv")
    assert (status["status"], status["created"], status["errors"]) == ("done", len(ROWS), [])
    run, strength, swim = user.workouts.order_by("started_at")
    assert run.started_at == datetime(2025, 2, 6, 17, 6, 3, tzinfo=UTC)  # the profile's UTC
    assert (run.activity, run.distance_m, run.duration_s, run.elapsed_s) == (
        "run",
        5480.0,
        31 * 60 + 24,
        32 * 60 + 57,
    )
    assert (run.avg_hr, run.max_hr) == (153, 176)
    assert strength.activity == "strength"
    assert "10 sets, 120 reps" in strength.notes
    assert (swim.activity, swim.distance_m, swim.duration_s) == (
        "swim",
        1500.0,
        round(35 * 60 + 10.5),
    )
    again = run_import_bytes(user, data, "Activities.csv")
    assert (again["created"], again["skipped"]) == (0, len(ROWS))


def test_an_imperial_account_writes_miles_and_yards(user):
    update_profile(user, {"units": "lb"})
    run_import_bytes(user, garmin_csv(), "Activities.csv")
    run, _, swim = user.workouts.order_by("started_at")
    assert run.distance_m == pytest.approx(5.48 * 1609.344, abs=0.01)
    assert swim.distance_m == pytest.approx(1500 * 0.9144, abs=0.01)


def test_a_decimal_comma_account(user):
    rows = [
        '"Running","2026-05-12 21:33:50","false","Vilnius Running","5,81","1.411","00:33:08",'
        '"129","139","2,5"',
    ]
    header = "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Aerobic TE"
    status = run_import_bytes(user, garmin_csv(header, rows), "Activities.csv")
    assert status["created"] == 1
    assert user.workouts.get().distance_m == 5810.0


@pytest.mark.parametrize(
    ("header", "row", "activity"),
    [
        (  # a German account, as the real exports name the columns
            "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø HF,Max. HF,Aerober TE,"
            "Zeit in Bewegung,Verstrichene Zeit",
            'Radfahren,2017-04-22 13:12:32,false,"Monschau Radfahren","42.02","2,336",'
            '"03:51:46","139","181","3.3","03:40:00","04:05:10"',
            "ride",
        ),
        (  # a French one
            "Type d'activité,Date,Favori,Titre,Distance,Calories,Durée,"
            "Fréquence cardiaque moyenne,Fréquence cardiaque maximale,TE aérobie,Pas,"
            "Temps de déplacement",
            'Course à pied,2017-04-22 13:12:32,false,"Sortie du matin","42.02","407",'
            '"03:51:46","139","181","3.3","4,404","03:40:00"',
            "run",
        ),
    ],
)
def test_an_account_in_another_language(user, header, row, activity):
    data = garmin_csv(header, [row])
    assert detect_format(data, "Activities.csv") == ImportFormat.GARMIN_CSV
    status = run_import_bytes(user, data, "Activities.csv")
    assert (status["created"], status["errors"]) == (1, [])
    workout = user.workouts.get()
    assert (workout.activity, workout.distance_m, workout.duration_s) == (
        activity,
        42020.0,
        3 * 3600 + 51 * 60 + 46,
    )
    assert (workout.avg_hr, workout.max_hr) == (139, 181)


def test_a_language_not_mapped_is_read_by_garmins_column_order(user):
    header = (
        "Tipo de actividad,Fecha,Favorito,Título,Distancia,Calorías,Tiempo,FC media,FC máxima,"
        "TE aeróbico"
    )
    rows = [
        'Carrera,2024-01-01 10:00:00,false,"Carrera matutina","5.00","300","00:30:00","150",'
        '"170","3.1"',
        'Ciclismo,2024-01-02 10:00:00,true,"Ciclismo","40.50","900","01:30:00","130","160","2.9"',
    ]
    data = garmin_csv(header, rows)
    assert detect_format(data, "Activities.csv") == ImportFormat.GARMIN_CSV
    status = run_import_bytes(user, data, "Activities.csv")
    assert (status["created"], status["errors"]) == (2, [])
    run, ride = user.workouts.order_by("started_at")
    assert (run.activity, run.title, run.distance_m, run.duration_s, run.avg_hr) == (
        "run",
        "Carrera matutina",
        5000.0,
        1800,
        150,
    )
    assert (ride.activity, ride.distance_m, ride.max_hr) == ("ride", 40500.0, 160)


def test_a_csv_neither_named_nor_ordered_like_garmins_is_not_taken_for_it():
    data = b"Tipo,Fecha,Nota\nCarrera,2024-01-01 10:00:00,hola\n"
    assert detect_format(data, "x.csv") is None
