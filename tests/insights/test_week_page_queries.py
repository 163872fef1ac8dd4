"""The week page reads its week and the one before in one pass: its query count does not
grow with the sessions in either week."""

import pytest

from insights.services import classify_and_store
from tests.factories import make_workout

pytestmark = pytest.mark.django_db


def test_the_week_page_costs_the_same_queries_for_one_session_or_many(
    client, user, django_assert_num_queries
):
    client.force_login(user)
    classify_and_store(make_workout(user, started_at="2026-11-17T07:00:00+00:00").pk)
    client.get("/week/2026-W47/")
    with django_assert_num_queries(4):  # the two weeks' sessions in one read
        assert client.get("/week/2026-W47/").status_code == 200
    for day in range(9, 23):  # the week before and the week itself
        classify_and_store(make_workout(user, started_at=f"2026-11-{day:02d}T18:00:00+00:00").pk)
    with django_assert_num_queries(4):
        assert client.get("/week/2026-W47/").status_code == 200
