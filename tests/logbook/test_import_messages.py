"""Nothing an import leaves out is silent: every message is kept and paged, the job counts
rows, sets and workouts, and a bad workout value (an absurd duration) drops only itself."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from logbook.models import ImportMessage, Set
from tests.factories import UserFactory, bearer, committing

pytestmark = pytest.mark.django_db

URL = "/api/v1/imports/"
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def imported(api, content: str) -> dict:
    upload = SimpleUploadedFile("strong.csv", content.encode())
    with committing():
        response = api.post(URL, {"file": upload}, format="multipart")
    assert response.status_code == 202, response.json()
    status = api.get(f"{URL}{response.json()['id']}/").json()
    status["id"] = response.json()["id"]
    return status


def test_every_refusal_is_listed_and_paged_past_a_thousand(api, user):
    good = "2024-11-28 17:36:08,A,30m,Squat,1,100,5,0,0,\n"
    bad = "".join(f"2024-11-28 17:36:08,A,30m,Squat,X{i},100,5,0,0,\n" for i in range(1500))
    status = imported(api, HEADER + good + bad)
    assert status["error_count"] == 1500
    assert len(status["errors"]) == 1000
    rows, url, pages = [], f"{URL}{status['id']}/messages/?limit=400", 0
    while url:
        page = api.get(url).json()
        rows += [m["row"] for m in page["results"]]
        assert all(m["refused"] for m in page["results"])
        url, pages = page["next"], pages + 1
    assert rows == list(range(3, 1503))
    assert pages == 4
    assert status["counts"]["rows"] == {
        "read": 1501,
        "imported": 1,
        "skipped": 0,
        "refused": 1500,
    }
    assert status["counts"]["sets"]["refused"] == 1500


def test_messages_are_the_owners_only(api, user):
    status = imported(api, HEADER + "2024-11-28 17:36:08,A,30m,Squat,X,100,5,0,0,\n")
    other = APIClient()
    other.credentials(**bearer(UserFactory()))
    assert other.get(f"{URL}{status['id']}/messages/").status_code == 404
    assert api.get(f"{URL}{status['id']}/messages/").status_code == 200


def test_an_absurd_duration_drops_only_the_duration(api, user):
    content = HEADER + "".join(
        f"2024-11-28 17:36:08,Timer left on,360h 5m,Squat,{i},100,5,0,0,\n" for i in (1, 2, 3)
    )
    status = imported(api, content)
    assert status["created"] == 1
    workout = user.workouts.get()
    assert workout.duration_s is None
    assert Set.objects.filter(entry__workout=workout).count() == 3
    (message,) = ImportMessage.objects.filter(job_id=status["id"])
    assert "duration_s" in message.message
    assert not message.refused
    assert status["counts"]["workouts"]["imported"] == 1
    assert status["counts"]["sets"] == {"read": 3, "imported": 3, "skipped": 0, "refused": 0}


def test_a_set_the_schema_refuses_is_counted_and_its_workout_kept(api, user):
    content = HEADER + (
        "2024-11-28 17:36:08,A,30m,Squat,1,100,5,0,0,\n"
        "2024-11-28 17:36:08,A,30m,Squat,2,5000,5,0,0,\n"  # 5 t: the schema's bound
    )
    status = imported(api, content)
    assert status["counts"]["sets"] == {"read": 2, "imported": 1, "skipped": 0, "refused": 1}
    assert status["counts"]["rows"]["refused"] == 1
    assert [e["row"] for e in status["errors"]] == [3]
