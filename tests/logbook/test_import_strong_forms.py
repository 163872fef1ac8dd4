"""Strong's CSV in every form the app has written: the 2016 unit-named columns, "Workout #",
per-row units, semicolons, the app's languages (names and decimal commas), every way it
writes a set order, Rest Timer and Note rows, and bad cells that drop only their value."""

import io
from zoneinfo import ZoneInfo

import pytest

from logbook.imports.detect import detect_format
from logbook.imports.readers import ImportContext, ImportFailed, RowError
from logbook.imports.readers.strong import read_strong

UTC = ImportContext(time_zone=ZoneInfo("UTC"), weight_unit="kg")


def read(content: str, ctx: ImportContext = UTC) -> tuple[list[dict], list[RowError]]:
    items = list(read_strong(io.BytesIO(content.encode()), ctx))
    return (
        [i for i in items if not isinstance(i, RowError)],
        [i for i in items if isinstance(i, RowError)],
    )


def sets_of(workout: dict) -> list[dict]:
    return [s for e in workout.get("exercises", []) for s in e["sets"]]


def test_2016_header_names_the_weight_column_kg_and_distance_km():
    content = (
        "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes,Workout Notes\n"
        "2016-03-01 18:00:00,Legs,Squat (Barbell),1,100,5,0,0,,\n"
        "2016-03-01 18:00:00,Legs,Rowing (Machine),1,0,0,2.5,600,,\n"
    )
    assert detect_format(content.encode(), "strong.csv") == "strong_csv"
    (workout,), errors = read(content, ImportContext(ZoneInfo("UTC"), "lb"))
    assert errors == []
    squat, rowing = sets_of(workout)
    assert squat["load_kg"] == 100.0  # kg, whatever the upload said
    assert (rowing["distance_m"], rowing["duration_s"]) == (2500.0, 600)


def test_2016_header_in_pounds_and_miles():
    content = (
        "Date,Workout Name,Exercise Name,Set Order,lbs,Reps,mi,Seconds\n"
        "2016-03-01 18:00:00,Legs,Squat (Barbell),1,225,5,0,0\n"
        "2016-03-01 18:00:00,Legs,Running,1,0,0,1,600\n"
    )
    (workout,), _ = read(content)
    squat, run = sets_of(workout)
    assert squat["load_kg"] == 102.058
    assert run["distance_m"] == 1609.344


def test_weight_unit_per_row_wins_over_the_header_and_the_upload():
    content = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps\n"
        "2020-01-01 10:00:00,A,Curl,1,20,kg,10\n"
        "2020-01-01 10:00:00,A,Curl,2,45,lbs,10\n"
    )
    (workout,), _ = read(content, ImportContext(ZoneInfo("UTC"), "lb"))
    assert [s["load_kg"] for s in sets_of(workout)] == [20.0, 20.412]


@pytest.mark.parametrize(
    ("order", "set_type"),
    [
        ("W", "warmup"),
        ("WARM_UP", "warmup"),
        ("warm up", "warmup"),
        ("D", "dropset"),
        ("DROP_SET", "dropset"),
        ("F", "failure"),
        ("FAILURE", "failure"),
        ("3", "normal"),
    ],
)
def test_every_set_order_strong_writes(order, set_type):
    content = (
        '"Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order",'
        '"Weight (kg)","Reps","RPE","Distance (meters)","Seconds","Notes","Workout Notes"\n'
        f'"1","2025-01-05 08:00:00","A","600","Squat","{order}","100","5","","","","",""\n'
    )
    (workout,), errors = read(content)
    assert errors == []
    assert sets_of(workout)[0]["set_type"] == set_type


def test_rest_timer_rows_are_the_rest_of_the_set_before_and_note_rows_notes():
    content = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
        "Notes,Workout Notes,RPE\n"
        "2024-11-28 17:36:08,A,30m,Squat,Note,0,0,0,0,Keep the chest up,,\n"
        "2024-11-28 17:36:08,A,30m,Squat,1,100,5,0,0,,,\n"
        "2024-11-28 17:36:08,A,30m,Squat,Rest Timer,0,0,0,120,,,\n"
        "2024-11-28 17:36:08,A,30m,Squat,2,100,5,0,0,,,\n"
        "2024-11-28 17:36:08,A,30m,Squat,REST_TIMER,0,0,0,150,,,\n"
    )
    (workout,), errors = read(content)
    assert errors == []
    assert [s.get("rest_s") for s in sets_of(workout)] == [120, 150]
    assert workout["notes"] == "Squat: Keep the chest up"


def test_french_app_header_with_decimal_commas():
    content = (
        "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,"
        "Distance,Secondes,Notes,Notes d'entraînement,RPE\n"
        '2024-05-02 07:10:00,Haut du corps,45m,Développé couché,1,"62,5",8,0,0,,"bien","7,5"\n'
        "2024-05-02 07:10:00,Haut du corps,45m,Développé couché,2,60,8,0,0,,bien,8\n"
    )
    assert detect_format(content.encode(), "strong.csv") == "strong_csv"
    (workout,), errors = read(content)
    assert errors == []
    assert workout["title"] == "Haut du corps"
    assert workout["duration_s"] == 45 * 60
    assert workout["notes"] == "bien"
    first, second = sets_of(workout)
    assert (first["load_kg"], first["reps"], first["rpe"]) == (62.5, 8, 7.5)
    assert second["load_kg"] == 60.0


def test_german_semicolon_form():
    content = (
        "Datum;Trainingsname;Übungsname;Satzreihenfolge;Gewicht;Gewichtseinheit;"
        "Wiederholungen;RPE;Distanz;Entfernungseinheit;Sekunden;Notizen;Trainingsnotizen\n"
        "2023-05-01 18:00:00;Abend;Kniebeuge;1;102,5;kg;5;8,5;;;;;\n"
    )
    assert detect_format(content.encode(), "x.csv") == "strong_csv"
    (workout,), errors = read(content)
    assert errors == []
    assert (sets_of(workout)[0]["load_kg"], sets_of(workout)[0]["rpe"]) == (102.5, 8.5)


def test_a_language_not_listed_is_read_by_strongs_column_order():
    content = (
        "日付,ワークアウト名前,時間,種目,順番,重さ,回,距離,秒,メモ,ワークアウトメモ,RPE\n"
        "2024-05-02 07:10:00,朝,1h 5m,スクワット,1,100,5,0,0,,,\n"
        "2024-05-02 07:10:00,朝,1h 5m,スクワット,W,40,10,0,0,,,\n"
    )
    assert detect_format(content.encode(), "x.csv") == "strong_csv"
    (workout,), errors = read(content)
    assert errors == []
    assert workout["duration_s"] == 3900
    assert [(s["set_type"], s["load_kg"]) for s in sets_of(workout)] == [
        ("normal", 100.0),
        ("warmup", 40.0),
    ]


def test_later_android_semicolon_form_keeps_its_workout_duration():
    content = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
        "2022-09-10 08:00:00;Push;Bench Press (Barbell);1;80;kg;5;;;;;;;1h 2m\n"
        "2022-09-10 08:00:00;Push;Running;1;;;;;3,5;km;1200;;;1h 2m\n"
    )
    assert detect_format(content.encode(), "x.csv") == "strong_csv"
    (workout,), errors = read(content)
    assert errors == []
    assert workout["duration_s"] == 3720
    bench, run = sets_of(workout)
    assert bench["load_kg"] == 80.0
    assert (run["distance_m"], run["duration_s"]) == (3500.0, 1200)


def test_a_14_column_semicolon_file_in_an_unlisted_language_is_read_by_its_order():
    content = (
        "Tarihi;Adı;Egzersiz;Sıra;Ağırlık;Birim;Tekrarı;RPE;Mesafe;Birimi;Saniye;Not;Notlar;Süre\n"
        "2022-09-10 08:00:00;Push;Bench;1;80;kg;5;;;;;;;45m\n"
    )
    assert detect_format(content.encode(), "x.csv") == "strong_csv"
    (workout,), errors = read(content)
    assert errors == []
    assert workout["duration_s"] == 2700
    assert sets_of(workout)[0]["load_kg"] == 80.0


def test_german_app_names_as_the_app_writes_them():
    content = (
        "Datum;Workout-Name;Name der Übung;Reihenfolge festlegen;Gewicht;Wiederh.;RPE;"
        "Entfernung;Sekunden;Notizen;Workout-Notizen;Workout-Dauer\n"
        "2023-05-01 18:00:00;Abend;Kniebeuge;1;102.5;5;8;0;0;tief;gut;1h 10m\n"
    )
    (workout,), errors = read(content)
    assert errors == []
    (squat,) = sets_of(workout)
    assert (squat["load_kg"], squat["reps"], squat["rpe"]) == (102.5, 5, 8.0)
    assert (workout["duration_s"], workout["notes"]) == (4200, "gut\nKniebeuge: tief")


def test_ios_unit_columns_in_an_unlisted_language_are_read_by_their_order():
    content = (
        "Tarih,Ad,Süre,Egzersiz,Sıra,Ağırlık,Birim,Tekrar,RPE,Mesafe,Birimi,Saniye,Not,Notlar\n"
        "2023-05-01 18:00:00,Push,50m,Bench,1,135,lbs,5,8,0,mi,0,,\n"
    )
    (workout,), errors = read(content)
    assert errors == []
    (bench,) = sets_of(workout)
    assert (bench["load_kg"], bench["reps"], workout["duration_s"]) == (61.235, 5, 3000)


def test_a_missing_column_is_named():
    with pytest.raises(ImportFailed, match="Set Order"):
        read("Date,Workout Name,Exercise Name,Weight\n2024-01-01 10:00:00,A,B,10\n")


@pytest.mark.parametrize(
    "date", ["0001-01-01 10:00:00", "9999-12-31 23:59:59", "2024-02-30 10:00:00"]
)
def test_a_date_out_of_range_is_a_row_error(date):
    content = (
        "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n"
        f"{date},A,Curl,1,20,10\n"
        "2024-01-01 10:00:00,A,Curl,1,20,10\n"
    )
    workouts, errors = read(content)
    assert len(workouts) == 1
    assert [(e.row, e.refused) for e in errors] == [(2, True)]
    assert "Date" in errors[0].message


def test_a_bad_value_drops_only_that_value():
    huge = "9" * 5000
    content = (
        "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
        f"2024-11-28 17:36:08,A,{huge},Squat,1,heavy,5,0,{huge}:00:00,8\n"
    )
    (workout,), errors = read(content)
    assert "duration_s" not in workout
    assert sets_of(workout)[0] == {"set_type": "normal", "reps": 5, "rpe": 8.0, "_row": 2}
    (error,) = errors
    assert not error.refused
    assert "Weight" in error.message
    assert "Duration" in error.message
    assert len(error.message) < 600  # the 5,000 digits are not repeated


def test_hevy_notes_keep_their_line_breaks():
    from logbook.imports.readers.hevy import read_hevy

    content = (
        "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
        "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
        '"A","9 Apr 2026, 17:18","9 Apr 2026, 18:20","line one\\nline two","Squat",,'
        '"cue one\\ncue two",0,normal,100,5,,,\n'
    )
    (workout,) = list(read_hevy(io.BytesIO(content.encode()), UTC))
    assert workout["notes"] == "line one\nline two\nSquat: cue one\ncue two"


def test_fitnotes_names_with_unquoted_commas_are_read_by_the_column_layout():
    from logbook.imports.readers.fitnotes import read_fitnotes

    content = (
        "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
        "2024-03-15,Overhead Press (Each Side, Dumbbells),Shoulders,12.5,kgs,10,,,\n"
        "2024-03-15,Curl,Arms,10,kgs,12,,,\n"
    )
    items = list(read_fitnotes(io.BytesIO(content.encode()), UTC))
    assert not [i for i in items if isinstance(i, RowError)]
    (workout,) = items
    press, curl = workout["exercises"]
    assert press["exercise"] == "Overhead Press (Each Side, Dumbbells)"
    assert (press["sets"][0]["load_kg"], press["sets"][0]["reps"]) == (12.5, 10)
    assert curl["sets"][0]["reps"] == 12
