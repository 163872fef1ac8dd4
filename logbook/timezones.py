"""Time zone names the app accepts: the IANA database that zoneinfo knows."""

from functools import lru_cache
from zoneinfo import available_timezones

from django.core.exceptions import ValidationError


@lru_cache(maxsize=1)
def known_time_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in known_time_zones():
        raise ValidationError(
            f"Unknown time zone {value!r}; use an IANA name such as Europe/Berlin."
        )
