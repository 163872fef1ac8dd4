"""Reading and changing a user's preferences (units, time zone, heart rate, weekly email)."""

from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.dispatch import Signal

from logbook.models import Profile, Units
from logbook.timezones import known_time_zones
from logbook.workout_input import InvalidInput

# Sent on commit with `user` when the max heart rate or the birth year changed, so that what
# depends on them (the insights of workouts with heart rate) can follow, in the background.
heart_rate_profile_changed = Signal()
HEART_RATE_FIELDS = ("hr_max", "birth_year")


def announce_heart_rate_change(user: AbstractBaseUser, changed: Any) -> None:
    """Send `heart_rate_profile_changed` after commit if any of `changed` is a heart-rate field."""
    if set(changed) & set(HEART_RATE_FIELDS):
        transaction.on_commit(lambda: heart_rate_profile_changed.send(sender=Profile, user=user))


def get_profile(user: AbstractBaseUser) -> Profile:
    """The user's profile; made here if a user somehow lacks one (e.g. raw fixtures)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def profile_to_dict(user: AbstractBaseUser) -> dict[str, Any]:
    p = get_profile(user)
    return {
        "username": user.get_username(),
        "email": user.email,
        "units": p.units,
        "time_zone": p.time_zone,
        "hr_max": p.hr_max,
        "birth_year": p.birth_year,
        "weekly_email": {
            "enabled": p.weekly_email_enabled,
            "day": p.weekly_email_day,
            "hour": p.weekly_email_hour,
            "nudges": p.weekly_email_nudges,
        },
    }


def update_profile(user: AbstractBaseUser, data: Any) -> Profile:
    """Apply the given fields; reject the whole change if any field is bad."""
    if not isinstance(data, dict):
        raise InvalidInput({"non_field_errors": ["Expected a JSON object."]})
    errors: dict[str, list[str]] = {}
    changes: dict[str, Any] = {}
    if "units" in data:
        if data["units"] not in Units.values:
            errors["units"] = ["Expected kg or lb."]
        changes["units"] = data["units"]
    if "time_zone" in data:
        if not isinstance(data["time_zone"], str) or data["time_zone"] not in known_time_zones():
            errors["time_zone"] = ["Unknown time zone; use an IANA name such as Europe/Berlin."]
        changes["time_zone"] = data["time_zone"]
    _int_field(data, "hr_max", "hr_max", 100, 240, changes, errors)
    _int_field(data, "birth_year", "birth_year", 1900, date.today().year, changes, errors)
    if "weekly_email" in data:
        email = data["weekly_email"]
        if not isinstance(email, dict):
            errors["weekly_email"] = ["Expected an object."]
        else:
            _bool_field(email, "enabled", "weekly_email_enabled", changes, errors)
            _bool_field(email, "nudges", "weekly_email_nudges", changes, errors)
            _int_field(email, "day", "weekly_email_day", 1, 7, changes, errors, nullable=False)
            _int_field(email, "hour", "weekly_email_hour", 0, 23, changes, errors, nullable=False)
    if errors:
        raise InvalidInput(errors)
    profile = get_profile(user)
    changed = [field for field, value in changes.items() if getattr(profile, field) != value]
    for field, value in changes.items():
        setattr(profile, field, value)
    if changes:
        profile.save(update_fields=list(changes))
    announce_heart_rate_change(user, changed)
    return profile


def _int_field(data, key, field, low, high, changes, errors, nullable=True) -> None:
    if key not in data:
        return
    value = data[key]
    path = key if field == key else f"weekly_email.{key}"
    if value is None and nullable:
        changes[field] = None
    elif isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors[path] = [f"Expected a whole number from {low} to {high}."]
    else:
        changes[field] = value


def _bool_field(data, key, field, changes, errors) -> None:
    if key not in data:
        return
    if not isinstance(data[key], bool):
        errors[f"weekly_email.{key}"] = ["Expected true or false."]
    else:
        changes[field] = data[key]
