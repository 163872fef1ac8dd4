"""Incremental pull: paging `?updated_since=` while others write misses nothing, shows nothing
twice, and the next pull from the largest `updated_at` seen catches up."""

from datetime import datetime

import pytest

from logbook import services
from logbook.models import Workout
from logbook.schema import clean_workout
from tests.factories import WorkoutPayload, make_workout

pytestmark = pytest.mark.django_db

START = "2000-01-01T00:00:00Z"


def pull(api, since: str, limit: int = 4, between_pages=None) -> list[dict]:
    """One paging pass, oldest change first; `between_pages(n)` runs after page n."""
    url = f"/api/v1/workouts/?updated_since={since}&include_deleted=1&limit={limit}"
    seen, pages = [], 0
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.json()
        body = response.json()
        seen += body["results"]
        pages += 1
        url = body["next"]
        if url and between_pages:
            between_pages(pages)
    return seen


def newest(records: list[dict], since: str) -> str:
    stamps = [datetime.fromisoformat(r["updated_at"]) for r in records]
    return max(stamps).isoformat().replace("+00:00", "Z") if stamps else since


def apply(replica: dict[int, dict], records: list[dict]) -> None:
    for record in records:
        if record.get("deleted"):
            replica.pop(record["id"], None)
        else:
            replica[record["id"]] = record


def services_input(**overrides):
    return clean_workout(WorkoutPayload(**overrides))


def server_state(user) -> dict[int, str]:
    return dict(Workout.objects.filter(user=user).alive().values_list("pk", "title"))


def test_writes_between_pages_are_neither_missed_nor_shown_twice(api, user):
    workouts = [make_workout(user, title=f"w{i}") for i in range(12)]

    def others_write(page: int) -> None:
        if page == 1:
            make_workout(user, title="created while paging")
            first = Workout.objects.get(pk=workouts[0].pk)  # already seen on page 1
            services.update_workout(first, services_input(title="w0 renamed"))
            later = Workout.objects.get(pk=workouts[8].pk)  # not seen yet
            services.update_workout(later, services_input(title="w8 renamed"))
            services.delete_workout(Workout.objects.get(pk=workouts[9].pk))
        if page == 2:
            make_workout(user, title="created later still")

    first_pass = pull(api, START, between_pages=others_write)
    ids = [r["id"] for r in first_pass]
    assert len(ids) == len(set(ids)), "a workout was shown twice in one pass"
    untouched = {w.pk for i, w in enumerate(workouts) if i not in (0, 8, 9)}
    assert untouched <= set(ids)

    replica: dict[int, dict] = {}
    apply(replica, first_pass)
    since = newest(first_pass, START)
    catch_up = pull(api, since)
    apply(replica, catch_up)
    assert {pk: r["title"] for pk, r in replica.items()} == server_state(user)
    assert pull(api, newest(catch_up, since)) == []


def test_ties_on_updated_at_page_by_id(api, user):
    workouts = [make_workout(user) for _ in range(7)]
    Workout.objects.filter(user=user).update(updated_at="2026-06-01T00:00:00Z")
    seen = [r["id"] for r in pull(api, START, limit=2)]
    assert seen == sorted(w.pk for w in workouts)


def test_a_pass_ends_at_the_change_it_started_from(api, user):
    for _ in range(3):
        make_workout(user)
    response = api.get(f"/api/v1/workouts/?updated_since={START}&limit=2").json()
    late = make_workout(user)
    rest = api.get(response["next"]).json()
    assert rest["next"] is None
    assert late.pk not in [r["id"] for r in response["results"] + rest["results"]]
    since = newest(response["results"] + rest["results"], START)
    assert [r["id"] for r in pull(api, since)] == [late.pk]


def test_tombstones_come_in_change_order(api, user):
    kept, gone = make_workout(user, external_id="k"), make_workout(user, external_id="g")
    services.delete_workout(gone)
    records = pull(api, START)
    assert [r["id"] for r in records] == [kept.pk, gone.pk]
    assert records[1] | {"deleted": True, "external_id": "g"} == records[1]


@pytest.mark.parametrize("cursor", ["garbage", "W10=", "WyJkdCIsICIyMDI2LTAxLTAxIiwgMV0"])
def test_a_bad_cursor_is_a_400(api, user, cursor):
    make_workout(user)
    response = api.get(f"/api/v1/workouts/?updated_since={START}&cursor={cursor}")
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


def test_an_empty_account_has_one_empty_page(api):
    assert api.get(f"/api/v1/workouts/?updated_since={START}").json() == {
        "next": None,
        "results": [],
    }
