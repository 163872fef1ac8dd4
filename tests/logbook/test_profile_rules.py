"""One set of rules for the profile, whichever door changes it: the API and the settings
page refuse the same values with the same words (schema.ProfileIn)."""

import pytest

from logbook.models import Profile

pytestmark = pytest.mark.django_db

SETTINGS = {
    "units": "kg",
    "time_zone": "UTC",
    "weekly_email_enabled": "on",
    "weekly_email_day": "1",
    "weekly_email_hour": "8",
}


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize(("field", "value"), [("birth_year", 2099), ("hr_max", 90)])
def test_the_api_and_the_settings_page_refuse_the_same_value_alike(
    api, browser, user, field, value
):
    response = api.patch("/api/v1/me/", {field: value}, format="json")
    assert response.status_code == 400
    message = response.json()["errors"][field][0]

    page = browser.post("/settings/", {**SETTINGS, field: str(value)})
    assert page.status_code == 200
    assert message in page.content.decode()
    assert getattr(Profile.objects.get(user=user), field) is None


def test_a_valid_birth_year_is_stored_through_either_door(api, browser, user):
    assert api.patch("/api/v1/me/", {"birth_year": 1990}, format="json").status_code == 200
    assert browser.post("/settings/", {**SETTINGS, "birth_year": "1985"}).status_code == 302
    assert Profile.objects.get(user=user).birth_year == 1985


def test_the_admin_refuses_what_the_api_refuses(admin_client, user):
    form = {
        "user": user.pk,
        "units": "kg",
        "time_zone": "UTC",
        "birth_year": "2099",
        "weekly_email_enabled": "on",
        "weekly_email_day": "1",
        "weekly_email_hour": "8",
    }
    url = f"/admin/logbook/profile/{user.profile.pk}/change/"
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "Expected a whole number from 1900 to" in response.content.decode()
    assert Profile.objects.get(user=user).birth_year is None
    assert admin_client.post(url, {**form, "birth_year": "1990"}).status_code == 302
    assert Profile.objects.get(user=user).birth_year == 1990
