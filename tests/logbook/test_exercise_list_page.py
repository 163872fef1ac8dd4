"""/exercises/: your exercises and the catalog, ranked, with muscle and equipment filters
in the URL; each name links to its page; another user's exercises never show."""

import re

import pytest

from logbook.models import Exercise
from tests.factories import ExercisePayload, UserFactory, make_workout

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def names(html: str) -> list[str]:
    return re.findall(r'<a href="/exercises/\d+/"><strong class="wrap">([^<]+)</strong>', html)


def test_squat_shows_back_and_front_squat_first_and_links_each_name(signed_in):
    html = signed_in.get("/exercises/?q=squat").content.decode()
    assert names(html)[:2] == ["Back Squat", "Front Squat"]
    assert names(html).index("Front Squat") < names(html).index("Clean")
    back = Exercise.objects.get(owner=None, slug="back-squat")
    assert f'<a href="/exercises/{back.pk}/"><strong class="wrap">Back Squat' in html
    assert "Quads, Glutes · Barbell" in html


def test_an_alias_match_says_which_alias(signed_in):
    html = signed_in.get("/exercises/?q=rdl").content.decode()
    assert names(html)[0] == "Romanian Deadlift"
    assert "also called RDL" in html


def test_muscle_and_equipment_filters_narrow_the_list_and_stay_in_the_form(signed_in):
    html = signed_in.get("/exercises/?muscle=chest&equipment=dumbbell").content.decode()
    found = names(html)
    assert "Dumbbell Bench Press" in found
    assert "Bench Press" not in found
    assert '<option value="chest" selected>' in html
    assert '<option value="dumbbell" selected>' in html


def test_your_exercises_come_first_with_their_sessions_and_custom_ones_are_marked(signed_in, user):
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman Curl Deluxe")])
    make_workout(user)
    html = signed_in.get("/exercises/").content.decode()
    yours = html.split('id="catalog-h"')[0]
    assert names(yours) == ["Back Squat", "Zottman Curl Deluxe"] or names(yours) == [
        "Zottman Curl Deluxe",
        "Back Squat",
    ]
    assert "your own exercise" in yours
    assert "1 session, last" in yours
    assert "Back Squat" not in names(html.split('id="catalog-h"')[1])


def test_another_users_exercises_never_show(signed_in):
    make_workout(UserFactory(), exercises=[ExercisePayload(exercise="Secret Sled Thing")])
    assert "Secret Sled Thing" not in signed_in.get("/exercises/?q=secret sled").content.decode()


def test_the_catalog_is_paged_and_keeps_the_filters(signed_in):
    first = signed_in.get("/exercises/?equipment=bodyweight").content.decode()
    assert "page=2" in first
    assert "?equipment=bodyweight&page=2" in first
    second = signed_in.get("/exercises/?equipment=bodyweight&page=2").content.decode()
    assert set(names(first)).isdisjoint(names(second))


def test_the_query_count_does_not_grow_with_history(signed_in, user, django_assert_max_num_queries):
    for i in range(3):
        make_workout(user, exercises=[ExercisePayload(exercise=f"Custom Move {i}")])
    signed_in.get("/exercises/")
    with django_assert_max_num_queries(6):
        assert signed_in.get("/exercises/?q=move").status_code == 200
    for i in range(3, 30):
        make_workout(user, exercises=[ExercisePayload(exercise=f"Custom Move {i}")])
    with django_assert_max_num_queries(6):
        html = signed_in.get("/exercises/?q=move").content.decode()
    assert "Custom Move 29" in html


def test_signed_out_visitors_are_sent_to_log_in(client):
    response = client.get("/exercises/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
