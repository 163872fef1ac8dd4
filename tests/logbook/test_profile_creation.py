"""Every user has a Profile, however the user was made."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from logbook.models import Profile

pytestmark = pytest.mark.django_db


def test_a_user_created_in_code_gets_a_profile_with_defaults():
    user = get_user_model().objects.create_user("ada", password="pw-123456789")
    profile = Profile.objects.get(user=user)
    assert (profile.units, profile.time_zone, profile.weekly_email_enabled) == ("kg", "UTC", True)
    assert (profile.weekly_email_day, profile.weekly_email_hour) == (1, 8)


def test_createsuperuser_noinput_works_and_gets_a_profile(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-password")
    call_command("createsuperuser", "--noinput", "--username", "boss", "--email", "b@example.com")
    user = get_user_model().objects.get(username="boss")
    assert user.is_superuser
    assert user.check_password("a-long-admin-password")
    assert Profile.objects.filter(user=user).exists()


def test_a_user_added_in_the_admin_gets_a_profile(admin_client):
    response = admin_client.post(
        "/admin/auth/user/add/",
        {
            "username": "newbie",
            "password1": "Sturdy-Pass-123",
            "password2": "Sturdy-Pass-123",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    assert Profile.objects.filter(user__username="newbie").exists()
