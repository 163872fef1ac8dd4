"""Every door writes through logbook.services, so every door has the same after-effects:
a new change stamp in commit order, a new content hash, classification queued on commit,
a tombstone on delete, and nothing left behind by a refused write."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from insights.models import Insight
from insights.services import current_version
from logbook.demo import DEMO_SOURCE, seed_demo_workouts
from logbook.models import ChangeClock, Exercise, Set, Workout
from logbook.schema import SET_COLUMNS, SetIn
from tests.factories import committing, make_workout

pytestmark = pytest.mark.django_db

CUSTOM = "Zercher Carry Of The Door Test"
# A set as the export writes it (every column), from the schema
SET_DEFAULTS = {
    name: field.default for name, field in SetIn.model_fields.items() if name in SET_COLUMNS
} | {"set_type": "normal"}


def payload(external_id: str = "door-1", **extra) -> dict:
    return {
        "started_at": "2026-11-16T07:30:00+01:00",
        "duration_s": 3600,
        "title": "Squat day",
        "source": "watch",
        "external_id": external_id,
        "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 5, "load_kg": 140, "rpe": 8}]},
            {"exercise": CUSTOM, "sets": [{"reps": 8, "load_kg": 40}]},
        ],
        **extra,
    }


def clock(user) -> int:
    row = ChangeClock.objects.filter(user=user).first()
    return row.stamp_us if row else 0


# --- The doors -----------------------------------------------------------------------------


class Api:
    def __init__(self, api, user, **_):
        self.client, self.user = api, user

    def create(self) -> int:
        return self.client.post("/api/v1/workouts/", payload(), format="json").json()["id"]

    def edit(self, workout: Workout) -> None:
        body = self.client.get(f"/api/v1/workouts/{workout.pk}/").json()
        body["title"] = "Edited"
        response = self.client.put(f"/api/v1/workouts/{workout.pk}/", body, format="json")
        assert response.status_code == 200

    def delete(self, workout: Workout) -> None:
        assert self.client.delete(f"/api/v1/workouts/{workout.pk}/").status_code == 204

    def refuse(self, workout: Workout) -> None:
        # The same (source, external_id) again: a 409, and its new custom name stays unmade.
        clash = payload(workout.external_id)
        clash["exercises"][1]["exercise"] = CUSTOM + " Two"
        assert self.client.post("/api/v1/workouts/", clash, format="json").status_code == 409


class Web:
    def __init__(self, client, user, **_):
        client.force_login(user)
        self.client, self.user = client, user

    def form(self, **extra) -> dict:
        return {
            "title": "Squat day",
            "activity": "strength",
            "started_at": "2026-11-16T07:30",
            "duration": "60",
            "ex-0-name": CUSTOM,
            "ex-0-set-0-reps": "5",
            "ex-0-set-0-load": "140",
            "ex-0-set-0-set_type": "normal",
            "action": "save",
            **extra,
        }

    def create(self) -> int:
        assert self.client.post("/workouts/new/", self.form()).status_code == 302
        return Workout.objects.get(user=self.user).pk

    def edit(self, workout: Workout) -> None:
        response = self.client.post(f"/workouts/{workout.pk}/edit/", self.form(title="Edited"))
        assert response.status_code == 302

    def delete(self, workout: Workout) -> None:
        assert self.client.post(f"/workouts/{workout.pk}/delete/").status_code == 302

    def refuse(self, workout: Workout) -> None:
        bad = self.form(**{"ex-0-name": CUSTOM + " Two", "ex-0-set-0-reps": "5000"})
        assert self.client.post(f"/workouts/{workout.pk}/edit/", bad).status_code == 200


class Sync:
    def __init__(self, api, user, **_):
        self.client, self.user = api, user

    def sync(self, *items) -> list[dict]:
        body = {"workouts": list(items)}
        return self.client.post("/api/v1/sync/workouts/", body, format="json").json()["results"]

    def create(self) -> int:
        return self.sync(payload())[0]["id"]

    def edit(self, workout: Workout) -> None:
        assert self.sync(payload(title="Edited"))[0]["status"] == "updated"

    def refuse(self, workout: Workout) -> None:
        bad = payload(title="Edited")
        bad["exercises"][1] = {"exercise": CUSTOM + " Two", "sets": [{"reps": -1}]}
        assert self.sync(bad)[0]["status"] == "error"


class Import:
    def __init__(self, api, user, settings, tmp_path, **_):
        settings.MEDIA_ROOT = tmp_path
        self.client, self.user = api, user

    def upload(self, *workouts) -> dict:
        from logbook.imports.readers.myolog_csv import COLUMNS, rows_for

        lines = [COLUMNS]
        for w in workouts:
            data = {"intervals": [], "fasted": False, "notes": "", "avg_hr": None, **w}
            data |= {
                k: data.get(k)
                for k in ("session_rpe", "max_hr", "distance_m", "activity", "elapsed_s")
            }
            for entry in data["exercises"]:
                entry.setdefault("superset", None)
                entry["sets"] = [{**SET_DEFAULTS, **s} for s in entry["sets"]]
            lines += list(rows_for(data))
        text = "\n".join(",".join("" if c is None else str(c) for c in row) for row in lines)
        upload = SimpleUploadedFile("myolog.csv", text.encode())
        with committing():
            job = self.client.post("/api/v1/imports/", {"file": upload}, format="multipart")
        return self.client.get(f"/api/v1/imports/{job.json()['id']}/").json()

    def create(self) -> int:
        assert self.upload(payload())["created"] == 1
        return Workout.objects.get(user=self.user).pk

    def edit(self, workout: Workout) -> None:
        assert self.upload(payload(title="Edited"))["updated"] == 1

    def refuse(self, workout: Workout) -> None:
        # An import leaves out a bad value (session_rpe 11) and keeps the workout; an
        # unknown activity is no value to leave out, so the workout is refused.
        bad = payload(title="Edited", activity="juggling")
        bad["exercises"][1]["exercise"] = CUSTOM + " Two"
        status = self.upload(bad)
        assert (status["status"], status["updated"]) == ("done", 0), status


class Admin:
    def __init__(self, admin_client, user, **_):
        self.client, self.user = admin_client, user

    def url(self, workout: Workout) -> str:
        return f"/admin/logbook/workout/{workout.pk}/change/"

    def form(self, workout: Workout, **change) -> dict:
        started = workout.started_at
        fields = {
            "title": workout.title,
            "activity": workout.activity,
            "duration_s": workout.duration_s,
            "session_rpe": workout.session_rpe or "",
            "notes": workout.notes,
            "source": workout.source,
            "external_id": workout.external_id or "",
            "started_at_0": started.strftime("%Y-%m-%d"),
            "started_at_1": started.strftime("%H:%M:%S"),
        }
        management = {
            f"{prefix}-{name}": value
            for prefix in ("exercises", "intervals")
            for name, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))
        }
        return {**fields, **management, **change}

    def create(self) -> int:
        return make_workout(self.user, **payload()).pk

    def edit(self, workout: Workout) -> None:
        response = self.client.post(self.url(workout), self.form(workout, title="Edited"))
        assert response.status_code == 302, response.content.decode()[:2000]

    def delete(self, workout: Workout) -> None:
        url = f"/admin/logbook/workout/{workout.pk}/delete/"
        assert self.client.post(url, {"post": "yes"}).status_code == 302

    def refuse(self, workout: Workout) -> None:
        response = self.client.post(self.url(workout), self.form(workout, session_rpe="11"))
        assert response.status_code == 200
        assert "Must be between 0 and 10." in response.content.decode()


class AdminBulk(Admin):
    def delete(self, workout: Workout) -> None:
        form = {"action": "delete_selected", "_selected_action": [workout.pk], "post": "yes"}
        assert self.client.post("/admin/logbook/workout/", form).status_code == 302


class Demo:
    def __init__(self, user, **_):
        self.user = user

    def create(self) -> int:
        from datetime import date

        assert seed_demo_workouts(self.user, date(2026, 11, 21), weeks=1) > 0
        return Workout.objects.filter(user=self.user, source=DEMO_SOURCE).latest("updated_at").pk


class Command:
    def __init__(self, **_):
        self.user = None

    def create(self) -> int:
        call_command("seed_demo", "--username", "door-demo", "--weeks", "1", stdout=io.StringIO())
        workouts = Workout.objects.filter(user__username="door-demo")
        self.user = workouts.first().user
        return workouts.latest("updated_at").pk


DOORS = {
    "api": Api,
    "web": Web,
    "sync": Sync,
    "import": Import,
    "admin": Admin,
    "admin-bulk": AdminBulk,
    "demo": Demo,
    "command": Command,
}
EDITS = ("api", "web", "sync", "import", "admin")
DELETES = ("api", "web", "admin", "admin-bulk")
REFUSALS = ("api", "web", "sync", "import", "admin")


@pytest.fixture
def door(request, api, client, admin_client, user, settings, tmp_path):
    return DOORS[request.param](
        api=api,
        client=client,
        admin_client=admin_client,
        user=user,
        settings=settings,
        tmp_path=tmp_path,
    )


def assert_written(workout: Workout, stamp_before: int, hash_before: str) -> None:
    """Stamped past every earlier change of the user (commit order), hashed anew, classified
    once the transaction committed."""
    workout.refresh_from_db()
    stamp = round(workout.updated_at.timestamp() * 1_000_000)
    assert stamp > stamp_before
    assert stamp == clock(workout.user)  # the last stamp the user's clock gave
    assert workout.content_hash
    assert workout.content_hash != hash_before
    insight = Insight.objects.get(workout=workout)
    assert insight.is_current_for(workout, current_version())


@pytest.mark.parametrize("door", list(DOORS), indirect=True)
def test_a_create_through_any_door_is_stamped_hashed_and_classified_on_commit(door, user):
    with committing():
        workout_id = door.create()
    owner = door.user or user
    assert_written(Workout.objects.get(pk=workout_id, user=owner), 0, "")


@pytest.mark.parametrize("door", EDITS, indirect=True)
def test_an_edit_through_any_door_is_stamped_hashed_and_classified_on_commit(door, user):
    with committing():
        workout = Workout.objects.get(pk=door.create())
    stamp, digest = clock(user), workout.content_hash
    with committing():
        door.edit(workout)
    assert_written(workout, stamp, digest)
    assert workout.title == "Edited"


@pytest.mark.parametrize("door", DELETES, indirect=True)
def test_a_delete_through_any_door_leaves_a_tombstone_for_sync(door, api, user):
    with committing():
        workout = Workout.objects.get(pk=door.create())
    stamp = clock(user)
    with committing():
        door.delete(workout)
    workout.refresh_from_db()
    assert workout.is_deleted
    assert round(workout.updated_at.timestamp() * 1_000_000) > stamp
    assert Set.objects.filter(entry__workout=workout).exists()  # the row stays, soft-deleted
    changes = api.get("/api/v1/workouts/?updated_since=2000-01-01T00:00:00Z&include_deleted=1")
    assert {"id": workout.pk, "deleted": True}.items() <= changes.json()["results"][-1].items()
    assert not Insight.objects.filter(workout=workout).exists()


@pytest.mark.parametrize("door", REFUSALS, indirect=True)
def test_a_refused_write_through_any_door_leaves_nothing_behind(door, user):
    with committing():
        workout = Workout.objects.get(pk=door.create())
    before = (clock(user), Workout.objects.count(), Set.objects.count(), workout.content_hash)
    custom_before = set(Exercise.objects.filter(owner=user).values_list("name", flat=True))
    with committing():
        door.refuse(workout)
    workout.refresh_from_db()
    after = (clock(user), Workout.objects.count(), Set.objects.count(), workout.content_hash)
    assert after == before
    assert workout.title == "Squat day"
    assert set(Exercise.objects.filter(owner=user).values_list("name", flat=True)) == custom_before
