"""POST /api/v1/imports/ and GET /api/v1/imports/{id}/: the contract, bad input, failures."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from logbook.imports import jobs, tasks
from logbook.models import ImportJob, Workout
from tests.factories import UserFactory, bearer, committing

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"
HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    "A,9 Apr 2026 17:18,,,Squat (Barbell),,,0,normal,100,5,,,8\n"
    "A,9 Apr 2026 17:18,,,Squat (Barbell),,,1,normal,100,5,,,11\n"
    "A,9 Apr 2026 17:18,,,Squat (Barbell),,,2,normal,100,five,,,\n"
    "B,10 Apr 2026 17:18,,,Deadlift (Barbell),,,0,normal,180,3,,,\n"
    "C,10 Apr 1900 17:18,,,Deadlift (Barbell),,,0,normal,180,3,,,\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post(api, content: bytes | str, name: str = "upload.csv", **fields):
    data = content.encode() if isinstance(content, str) else content
    with committing():
        return api.post(URL, {"file": SimpleUploadedFile(name, data), **fields}, format="multipart")


def status_of(api, response) -> dict:
    assert response.status_code == 202, response.json()
    return api.get(f"{URL}{response.json()['id']}/").json()


def test_an_upload_is_accepted_as_a_queued_job(api, user):
    response = post(api, HEVY)
    assert response.status_code == 202
    body = response.json()
    assert body == {"id": body["id"], "status": "queued"}
    assert ImportJob.objects.get(pk=body["id"]).user == user


def test_the_status_has_exactly_the_contracts_fields_and_the_counts(api):
    status = status_of(api, post(api, HEVY))
    assert set(status) == {
        *("status", "progress", "created", "updated", "skipped", "errors"),
        *("counts", "error_count"),
    }
    assert status["status"] == "done"
    assert status["progress"] == 1.0
    assert all(set(e) == {"row", "message"} for e in status["errors"])


def test_bad_rows_are_reported_by_row_while_good_rows_import(api, user):
    status = status_of(api, post(api, HEVY))
    assert (status["created"], status["updated"], status["skipped"]) == (2, 0, 0)
    assert [e["row"] for e in status["errors"]] == [3, 4, 6]
    assert "rpe" in status["errors"][0]["message"]
    assert "reps" in status["errors"][1]["message"]
    assert "Workout skipped" in status["errors"][2]["message"]
    squat = user.workouts.get(title="A")
    assert squat.exercises.get().sets.count() == 1


def test_a_fixed_file_imported_again_updates_the_workout(api, user):
    status_of(api, post(api, HEVY))
    fixed = HEVY.replace(",,,11\n", ",,,9\n").replace("five", "5")
    status = status_of(api, post(api, fixed))
    assert (status["created"], status["updated"], status["skipped"]) == (0, 1, 1)
    assert user.workouts.get(title="A").exercises.get().sets.count() == 3


@pytest.mark.parametrize(
    ("content", "name", "fields", "message"),
    [
        (b"\x00\x01garbage\xff" * 50, "mystery.bin", {}, "Could not tell"),
        ("just,a,csv\n1,2,3\n", "x.csv", {}, "Could not tell"),
        ("title,start_time,exercise_title\n", "x.csv", {"format": "strong_csv"}, "Strong CSV"),
        ("Date,Exercise,Reps\n", "x.csv", {}, "no workouts"),
        (HEVY, "x.csv", {"format": "fit"}, "FIT"),
        ("<TrainingCenterDatabase><Activities><Activity>", "x.tcx", {}, "XML"),
    ],
)
def test_a_malformed_file_fails_clearly_and_writes_nothing(
    api, user, content, name, fields, message
):
    status = status_of(api, post(api, content, name, **fields))
    assert status["status"] == "failed"
    assert status["created"] == 0
    assert len(status["errors"]) == 1
    assert status["errors"][0]["row"] is None
    assert message in status["errors"][0]["message"]
    assert not Workout.objects.exists()


def test_the_upload_is_deleted_after_the_job(api, media):
    status_of(api, post(api, HEVY))
    assert [p for p in media.rglob("*") if p.is_file()] == []
    assert ImportJob.objects.get().file.name == ""


def test_an_oversized_upload_is_refused_before_anything_is_stored(api, settings, media):
    settings.IMPORT_MAX_BYTES = 100
    response = post(api, HEVY)
    assert response.status_code == 413
    assert "file" in response.json()["errors"]
    assert "limit" in response.json()["errors"]["file"][0]
    assert not ImportJob.objects.exists()
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_a_file_grown_past_the_limit_fails_the_job(api, settings):
    response = post(api, HEVY, format="hevy_csv")
    job = ImportJob.objects.get(pk=response.json()["id"])
    job.status, job.errors = ImportJob.Status.QUEUED, []
    job.file.save("again.csv", SimpleUploadedFile("again.csv", HEVY.encode()))
    settings.IMPORT_MAX_BYTES = 100
    jobs.run_import(job.pk)
    job.refresh_from_db()
    assert job.status == "failed"
    assert "limit" in job.errors[0]["message"]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"format": "excel"}, "format"),
        ({"weight_unit": "stone"}, "weight_unit"),
    ],
)
def test_bad_parameters_are_400s_naming_the_field(api, fields, field):
    response = post(api, HEVY, **fields)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ImportJob.objects.exists()


def test_a_missing_or_empty_file_is_a_400(api):
    missing = api.post(URL, {"format": "hevy_csv"}, format="multipart")
    assert missing.status_code == 400
    assert "file" in missing.json()["errors"]
    empty = post(api, b"")
    assert empty.status_code == 400
    assert "file" in empty.json()["errors"]


def test_json_is_not_an_upload(api):
    assert api.post(URL, {"file": "x"}, format="json").status_code == 415


def test_format_in_the_query_string_works_too(api, user):
    with committing():
        response = api.post(
            f"{URL}?format=hevy_csv",
            {"file": SimpleUploadedFile("x.txt", HEVY.encode())},
            format="multipart",
        )
    assert status_of(api, response)["created"] == 2


def test_another_users_import_answers_404(api):
    other = UserFactory()
    job = ImportJob.objects.create(user=other, filename="theirs.csv")
    assert api.get(f"{URL}{job.pk}/").status_code == 404
    assert api.get(f"{URL}999999/").status_code == 404


def test_imports_need_a_token(client):
    assert client.post(URL).status_code == 401
    assert client.get(f"{URL}1/").status_code == 401


def test_imports_land_in_the_uploaders_account_only(api, user):
    other = UserFactory()
    status_of(api, post(api, HEVY))
    assert not Workout.objects.filter(user=other).exists()
    other_api = type(api)()
    other_api.credentials(**bearer(other))
    status = status_of(other_api, post(other_api, HEVY))
    assert status["created"] == 2  # their own copies, not "skipped"


def test_the_status_endpoint_costs_two_queries(api, django_assert_max_num_queries):
    response = post(api, HEVY)
    with django_assert_max_num_queries(2):
        api.get(f"{URL}{response.json()['id']}/")


def test_progress_rises_from_zero_to_one_while_running(api, monkeypatch):
    seen: list[tuple[str, float]] = []
    monkeypatch.setattr(jobs, "PROGRESS_EVERY_S", 0)
    original = jobs._Progress.__call__

    def spy(self, fraction):
        original(self, fraction)
        job = ImportJob.objects.get(pk=self.job_id)
        seen.append((job.status, job.progress))

    monkeypatch.setattr(jobs._Progress, "__call__", spy)
    many = (
        HEVY.splitlines()[0]
        + "\n"
        + "".join(
            f"W{i},{i + 1} Apr 2026 07:00,,,Squat (Barbell),,,0,normal,100,5,,,\n"
            for i in range(20)
        )
    )
    status = status_of(api, post(api, many))
    assert status["created"] == 20
    assert {s for s, _ in seen} == {"running"}
    values = [p for _, p in seen]
    assert values == sorted(values)
    assert 0 < values[0] < 0.5
    assert values[-1] == 1.0


def test_running_a_finished_job_again_does_nothing(api, user):
    response = post(api, HEVY)
    tasks.run_import(response.json()["id"])
    assert user.workouts.count() == 2


def test_an_unexpected_error_fails_the_job_not_the_request(api, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(jobs.services, "upsert_many", broken)
    status = status_of(api, post(api, HEVY))
    assert status["status"] == "failed"
    assert "unexpected" in status["errors"][0]["message"]


def test_a_workout_that_fails_half_way_is_not_written_at_all(api, user, monkeypatch):
    from logbook import services

    original = services._write_intervals

    def fail_on_b(pairs):
        if any(workout.title == "B" for workout, _ in pairs):
            raise services.IntegrityError("disk full")
        original(pairs)

    monkeypatch.setattr(services, "_write_intervals", fail_on_b)
    status = status_of(api, post(api, HEVY))
    assert status["created"] == 1
    assert any("Could not be saved" in e["message"] for e in status["errors"])
    assert list(user.workouts.values_list("title", flat=True)) == ["A"]
    assert not Workout.objects.filter(title="B").exists()
