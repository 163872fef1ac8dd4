"""SI in the database and the API; the user's units only at display and form input."""

from logbook.common.input import whole_number

KG_PER_LB = 0.45359237
M_PER_MILE = 1609.344


def load_to_display(kg: float | None, units: str) -> float | None:
    if kg is None:
        return None
    value = kg / KG_PER_LB if units == "lb" else kg
    return round(value, 1)


def load_from_input(value: float, units: str) -> float:
    return round(value * KG_PER_LB, 3) if units == "lb" else value


def distance_to_display(metres: float | None, units: str) -> float | None:
    if metres is None:
        return None
    return round(metres / M_PER_MILE, 2) if units == "lb" else round(metres / 1000, 2)


def distance_from_input(value: float, units: str) -> float:
    return value * M_PER_MILE if units == "lb" else value * 1000


def load_unit(units: str) -> str:
    return "lb" if units == "lb" else "kg"


def distance_unit(units: str) -> str:
    return "mi" if units == "lb" else "km"


def format_duration(seconds: float | None) -> str:
    """3725 → "1:02:05", 95 → "1:35"."""
    if seconds is None:
        return ""
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def parse_duration(text: str) -> int | None:
    """ "1:02:05", "45:00", "45" (minutes) or "90s" → seconds; None if it isn't one."""
    text = text.strip().lower()
    if not text:
        return None
    if text.endswith("s") and whole_number(text[:-1]) is not None:
        return whole_number(text[:-1])
    parts = text.split(":")
    numbers = [whole_number(p) for p in parts]
    if None in numbers or len(parts) > 3:
        return None
    if len(numbers) == 1:
        return numbers[0] * 60
    if len(numbers) == 2:
        return numbers[0] * 60 + numbers[1]
    return numbers[0] * 3600 + numbers[1] * 60 + numbers[2]
