"""A batch of classifications (an import's 25 workouts) schedules each user's week refresh
and records warm once, not once per workout: the cache is asked once per user and week."""

import pytest
from django.core.cache import cache

from insights import selectors, tasks
from insights.models import Insight
from tests.factories import make_workout

pytestmark = pytest.mark.django_db


def test_a_batch_of_one_week_asks_the_cache_once_per_user_and_week(user, monkeypatch):
    workouts = [
        make_workout(user, started_at=f"2026-10-0{day}T07:30:00+00:00") for day in (5, 6, 7)
    ]
    selectors.note_records_reader(user)
    asked = []
    for name in ("get", "add"):
        real = getattr(cache, name)
        monkeypatch.setattr(
            cache, name, lambda key, *a, _real=real, **k: asked.append(key) or _real(key, *a, **k)
        )
    tasks.classify_workouts.run([w.pk for w in workouts])
    assert Insight.objects.filter(workout__in=workouts).count() == 3
    assert sorted(k.split(":")[0] for k in asked if not k.startswith("record-books")) == [
        "records-reader",
        "records-warm",
        "week-refresh",
    ]
