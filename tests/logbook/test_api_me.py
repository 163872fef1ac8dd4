"""GET and PATCH /api/v1/me/: units, time zone, heart rate and weekly email preferences."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/"


def test_the_api_example_patch_is_applied(api):
    change = {
        "time_zone": "Pacific/Auckland",
        "units": "kg",
        "hr_max": 190,
        "birth_year": 1990,
        "weekly_email": {"enabled": True, "day": 1, "hour": 8, "nudges": True},
    }
    response = api.patch(URL, change, format="json")
    assert response.status_code == 200
    body = api.get(URL).json()
    assert {k: body[k] for k in change} == change


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"time_zone": "Mars/Olympus_Mons"}, "time_zone"),
        ({"units": "stone"}, "units"),
        ({"hr_max": 400}, "hr_max"),
        ({"birth_year": 1800}, "birth_year"),
        ({"weekly_email": {"day": 8}}, "weekly_email.day"),
        ({"weekly_email": {"hour": 24}}, "weekly_email.hour"),
        ({"weekly_email": {"enabled": "yes"}}, "weekly_email.enabled"),
    ],
)
def test_bad_preferences_are_refused_and_change_nothing(api, change, field):
    before = api.get(URL).json()
    # A good field alongside the bad one: the whole change is refused.
    response = api.patch(URL, {"birth_year": 1985, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert api.get(URL).json() == before
