"""The real exports in tests/fixtures/exports import with the counts the files themselves hold
(read here independently, with the csv module and Garmin's decoder), and only once."""

import csv
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from garmin_fit_sdk import Decoder, Stream

from logbook.models import Set, Workout, WorkoutExercise
from logbook.services import update_profile
from tests.docs import EXPORTS
from tests.factories import committing

pytestmark = pytest.mark.django_db

STRONG = EXPORTS / "strong" / "sample_strong.csv"
STRONG_LEGACY = EXPORTS / "strong" / "sample_strong_legacy.csv"
HEVY = EXPORTS / "hevy" / "sample_hevy_part.csv"
FIT_MULTISPORT = EXPORTS / "fit" / "20744294788_ACTIVITY.fit"
FIT_RIDE = EXPORTS / "fit" / "20747700969_ACTIVITY.fit"
FIT_STRENGTH = EXPORTS / "fit" / "20474406937_ACTIVITY.fit"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(api, path, **fields) -> dict:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    with committing():
        response = api.post("/api/v1/imports/", {"file": upload, **fields}, format="multipart")
    assert response.status_code == 202, response.json()
    return api.get(f"/api/v1/imports/{response.json()['id']}/").json()


def rows(path) -> list[dict]:
    with path.open(newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def sets_of(user):
    return Set.objects.filter(entry__workout__user=user)


@pytest.mark.parametrize("path", [STRONG, STRONG_LEGACY])
def test_strong_samples_import_every_workout_and_set_once(api, user, path):
    records = [r for r in rows(path) if r["Set Order"] not in ("Rest Timer", "Note")]
    workouts = {(r["Date"], r["Workout Name"]) for r in records}
    result = upload(api, path)
    assert result == {
        "status": "done",
        "progress": 1.0,
        "created": len(workouts),
        "updated": 0,
        "skipped": 0,
        "counts": {
            "rows": stages(read=len(records), imported=len(records)),
            "sets": stages(read=len(records), imported=len(records)),
            "workouts": stages(read=len(workouts), imported=len(workouts)),
        },
        "error_count": 0,
        "errors": [],
    }
    assert user.workouts.count() == len(workouts)
    assert sets_of(user).count() == len(records)
    assert sorted(sets_of(user).values_list("load_kg", flat=True)) == sorted(
        float(r["Weight"]) for r in records
    )
    assert sorted(sets_of(user).values_list("reps", flat=True)) == sorted(
        int(float(r["Reps"])) for r in records
    )
    again = upload(api, path)
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, len(workouts))
    assert again["counts"]["sets"] == stages(read=len(records), skipped=len(records))
    assert user.workouts.count() == len(workouts)
    assert sets_of(user).count() == len(records)


def stages(read: int = 0, imported: int = 0, skipped: int = 0, refused: int = 0) -> dict:
    return {"read": read, "imported": imported, "skipped": skipped, "refused": refused}


def test_strong_weights_follow_the_unit_given_at_upload(api, user):
    records = rows(STRONG_LEGACY)
    upload(api, STRONG_LEGACY, weight_unit="lb")
    assert sorted(sets_of(user).values_list("load_kg", flat=True)) == sorted(
        round(float(r["Weight"]) * 0.45359237, 3) for r in records
    )


def test_strong_without_a_unit_takes_the_profiles(api, user):
    update_profile(user, {"units": "lb"})
    upload(api, STRONG_LEGACY)
    heaviest = max(float(r["Weight"]) for r in rows(STRONG_LEGACY))
    assert max(sets_of(user).values_list("load_kg", flat=True)) == round(heaviest * 0.45359237, 3)


def test_strong_times_are_in_the_users_zone(api, user):
    update_profile(user, {"time_zone": "America/New_York"})
    upload(api, STRONG_LEGACY)
    first = user.workouts.order_by("started_at").first()
    assert first.local_started_at.isoformat() == "2024-11-28T17:36:08-05:00"


def test_strong_sample_maps_names_through_the_catalog(api, user):
    upload(api, STRONG)
    squat = WorkoutExercise.objects.filter(workout__user=user, exercise__slug="back-squat")
    assert squat.exists()  # "Squat (Barbell)" is a catalog alias
    assert not WorkoutExercise.objects.filter(
        workout__user=user, exercise__owner=user, exercise__name="Squat (Barbell)"
    ).exists()


def test_hevy_sample_imports_workouts_sets_types_and_supersets(api, user):
    records = rows(HEVY)
    workouts = {(r["title"], r["start_time"]) for r in records}
    result = upload(api, HEVY)
    assert (result["status"], result["created"], result["errors"]) == ("done", len(workouts), [])
    assert user.workouts.count() == len(workouts) == 50
    assert sets_of(user).count() == len(records) == 1275
    assert Counter(sets_of(user).values_list("set_type", flat=True)) == Counter(
        r["set_type"] for r in records
    )
    assert Counter(v for v in sets_of(user).values_list("rpe", flat=True) if v) == Counter(
        float(r["rpe"]) for r in records if r["rpe"]
    )
    in_supersets = sets_of(user).filter(entry__superset__isnull=False).count()
    assert in_supersets == sum(1 for r in records if r["superset_id"] != "")
    superset_groups = {
        (r["title"], r["start_time"], r["superset_id"]) for r in records if r["superset_id"]
    }
    grouped = WorkoutExercise.objects.filter(workout__user=user, superset__isnull=False)
    assert len(set(grouped.values_list("workout", "superset"))) == len(superset_groups)
    assert sum(v or 0 for v in sets_of(user).values_list("load_kg", flat=True)) == pytest.approx(
        sum(float(r["weight_kg"] or 0) for r in records)
    )
    first = user.workouts.order_by("-started_at").first()
    assert (first.title, first.duration_s) == ("Lower // Ramp // Strength // 1", 85 * 60)
    again = upload(api, HEVY)
    assert (again["created"], again["skipped"]) == (0, 50)
    assert sets_of(user).count() == 1275


def fit_messages(path) -> dict:
    messages, errors = Decoder(Stream.from_file(str(path))).read()
    assert errors == []
    return messages


def named(fit_set: dict) -> bool:
    """The watch named the set's exercise: its first category is one the FIT profile has."""
    category = fit_set.get("category")
    first = category[0] if isinstance(category, list) else category
    return first not in (None, "unknown")


@pytest.mark.parametrize("path", [FIT_MULTISPORT, FIT_RIDE, FIT_STRENGTH])
def test_fit_samples_give_a_workout_per_session_and_a_set_per_active_set(api, user, path):
    messages = fit_messages(path)
    sessions = messages["session_mesgs"]
    active = [s for s in messages.get("set_mesgs", []) if s.get("set_type") == "active"]
    result = upload(api, path)
    assert (result["status"], result["created"]) == ("done", len(sessions))
    unnamed = sum(1 for s in active if not named(s))
    strength = [n for n, s in enumerate(sessions, 1) if s["sub_sport"] == "strength_training"]
    assert [e["message"] for e in result["errors"]] == [
        f'Session {n}: the {unnamed} sets the watch did not name are together in one "'
        'Unrecognised exercise" entry.'
        for n in strength
        if unnamed > 1
    ]
    assert user.workouts.count() == len(sessions)
    assert sets_of(user).count() == len(active)
    for s in sessions:
        workout = user.workouts.get(started_at=s["start_time"])
        assert workout.avg_hr == s["avg_heart_rate"]
        assert workout.max_hr == s["max_heart_rate"]
        assert workout.duration_s == round(s["total_timer_time"])  # pauses left out
    again = upload(api, path)
    assert (again["created"], again["skipped"]) == (0, len(sessions))


def test_the_multisport_fit_is_a_ride_then_a_strength_session(api, user):
    upload(api, FIT_MULTISPORT)
    ride, strength = user.workouts.order_by("started_at")
    assert (ride.activity, ride.distance_m) == ("ride", pytest.approx(4331.59))
    assert ride.intervals.count() == 1
    assert ride.intervals.get().avg_hr == 115
    assert strength.activity == "strength"
    sets = Set.objects.filter(entry__workout=strength).order_by("entry__position", "position")
    reps = list(sets.values_list("reps", flat=True))
    active = [s for s in fit_messages(FIT_MULTISPORT)["set_mesgs"] if s.get("set_type") == "active"]
    assert not named(active[0])  # so the sets the watch did not name, together, come first
    unnamed = [s["repetitions"] for s in active if not named(s)]
    assert reps == unnamed + [s["repetitions"] for s in active if named(s)]
    slugs = set(strength.exercises.values_list("exercise__slug", flat=True))
    assert {"pull-up", "burpee", "sit-up"} <= slugs  # FIT categories met the catalog
    custom = set(
        strength.exercises.filter(exercise__owner=user).values_list("exercise__name", flat=True)
    )
    assert "Unrecognised exercise" in custom


def test_the_fit_ride_has_its_laps_as_intervals_with_heart_rate(api, user):
    upload(api, FIT_RIDE)
    laps = fit_messages(FIT_RIDE)["lap_mesgs"]
    ride = user.workouts.get()
    assert list(ride.intervals.values_list("duration_s", "avg_hr", "max_hr")) == [
        (round(lap["total_elapsed_time"]), lap["avg_heart_rate"], lap["max_heart_rate"])
        for lap in laps
    ]
    assert ride.session_rpe == 2.0  # the watch's 20/100


def test_samples_are_detected_without_a_format(api, user):
    for path in (STRONG_LEGACY, HEVY, FIT_RIDE):
        assert upload(api, path)["status"] == "done"
    assert set(Workout.objects.filter(user=user).values_list("source", flat=True)) == {
        "strong",
        "hevy",
        "fit",
    }


DEVICES = EXPORTS / "fit-fitparse"
SPORTS = {"running": "run", "cycling": "ride", "walking": "walk"}


@pytest.mark.parametrize(
    "name",
    [
        "activity-small-fenix2-run.fit",
        "garmin-edge-500-activity.fit",
        "garmin-edge-820-bike.fit",
        "garmin-fenix-5-bike.fit",
        "garmin-fenix-5-run.fit",
        "garmin-fenix-5-walk.fit",
    ],
)
def test_fit_files_of_garmin_watches_and_bike_computers(api, user, name):
    messages = fit_messages(DEVICES / name)
    (session,) = messages["session_mesgs"]
    result = upload(api, DEVICES / name)
    assert (result["status"], result["created"]) == ("done", 1)
    workout = user.workouts.get()
    assert workout.started_at == session["start_time"]
    assert workout.activity == SPORTS[session["sport"]]
    assert workout.duration_s == round(session["total_timer_time"])
    assert workout.elapsed_s == round(session["total_elapsed_time"])
    assert workout.distance_m == pytest.approx(session["total_distance"], abs=0.01)
    if "avg_heart_rate" in session:
        assert result["errors"] == []
        assert workout.avg_hr == session["avg_heart_rate"]
    else:  # the fenix 2's summary has none: the records' mean, and the job says so
        rates = [r["heart_rate"] for r in messages["record_mesgs"] if r.get("heart_rate")]
        assert workout.avg_hr == round(sum(rates) / len(rates))
        (note,) = result["errors"]
        assert "heart rate taken from its records" in note["message"]


POOL_SWIM = EXPORTS / "tcx" / "pool_swim-activity_1.tcx"


def test_a_garmin_connect_tcx_of_a_pool_swim(api, user):
    root = ET.fromstring(POOL_SWIM.read_bytes())
    laps = [e for e in root.iter() if e.tag.endswith("}Lap")]
    seconds = sum(float(e.text) for lap in laps for e in lap if e.tag.endswith("TotalTimeSeconds"))
    metres = sum(float(e.text) for lap in laps for e in lap if e.tag.endswith("}DistanceMeters"))
    result = upload(api, POOL_SWIM)
    assert (result["status"], result["created"]) == ("done", 1)
    swim = user.workouts.get()
    assert swim.started_at.isoformat() == "2022-08-26T16:35:13+00:00"
    assert (swim.duration_s, swim.distance_m) == (round(seconds), metres)
    assert swim.intervals.count() == len(laps)
    assert (swim.avg_hr, swim.max_hr) == (None, None)  # the file has no heart rate
    again = upload(api, POOL_SWIM)
    assert (again["created"], again["skipped"]) == (0, 1)
