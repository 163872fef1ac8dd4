"""`make run`'s demo weeks are classified on the bulk queue, as an import's are, so a lifter's
first save after the first start is not classified behind them."""

import pytest
from django.core.management import call_command

from logbook.imports import chunks
from logbook.services import workouts_saved
from tests.factories import UserFactory, make_workout

# Real commits: a write announces itself when its own transaction commits, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def _announced_as_bulk():
    seen: list[bool] = []

    def receiver(sender, workouts, **kwargs):
        seen.extend(chunks.importing() for _ in workouts)

    workouts_saved.connect(receiver, weak=False)
    return seen, receiver


def test_the_demo_seed_is_announced_as_bulk_and_a_save_after_it_is_not():
    seen, receiver = _announced_as_bulk()
    try:
        call_command("seed_demo")
        assert len(seen) >= 30
        assert all(seen)
        seen.clear()
        make_workout(UserFactory())
        assert seen == [False]
    finally:
        workouts_saved.disconnect(receiver)
