"""After a save the worker works out the records page's books under the new change clock, so
the first view after a save reads them from the cache, not every set; only for users who open
their records page, and a burst of saves warms once while a warm is pending."""

import pytest
from django.core.cache import cache

from insights import selectors, tasks
from tests.factories import ExercisePayload, SetPayload, committing, make_workout

pytestmark = pytest.mark.django_db


def lift(user, day: int, load: float):
    return make_workout(
        user,
        started_at=f"2026-10-{day:02d}T07:30:00+00:00",
        exercises=[ExercisePayload(exercise="back-squat", sets=[SetPayload(reps=5, load_kg=load)])],
    )


def test_the_first_view_after_a_save_reads_no_set(client, user, django_assert_num_queries):
    client.force_login(user)
    lift(user, 1, 100.0)
    client.get("/records/")
    with committing():  # the save's classification runs, then the warm (eager tasks)
        lift(user, 4, 110.0)
    with django_assert_num_queries(5):  # as a view with nothing changed: no set is read
        page = client.get("/records/").content.decode()
    assert "Heaviest set: <strong>110 kg</strong>" in page


def test_no_warm_for_a_user_who_never_opens_their_records(user, monkeypatch):
    sent = []
    monkeypatch.setattr(tasks.warm_record_books, "apply_async", lambda *a, **k: sent.append(a))
    with committing():
        lift(user, 4, 110.0)
    assert sent == []


def test_a_warm_pending_takes_no_second_one(user, monkeypatch):
    sent = []
    monkeypatch.setattr(tasks.warm_record_books, "apply_async", lambda *a, **k: sent.append(a))
    selectors.note_records_reader(user)
    cache.delete(tasks._warm_key(user.pk))
    for _ in range(3):
        tasks.schedule_records_warm(user.pk)
    assert sent == [((user.pk,),)]
    tasks.warm_record_books.run(user.pk)  # it clears the mark as it starts
    tasks.schedule_records_warm(user.pk)
    assert len(sent) == 2
