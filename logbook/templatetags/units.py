"""Template filters that show SI values in the user's units (profile.units: kg or lb)."""

from django import template

from logbook import units as u

register = template.Library()


@register.filter
def load(kg: float | None, units: str) -> str:
    value = u.load_to_display(kg, units)
    return "" if value is None else f"{value:g}"


@register.filter
def load_unit(units: str) -> str:
    return u.load_unit(units)


@register.filter
def distance(metres: float | None, units: str) -> str:
    value = u.distance_to_display(metres, units)
    return "" if value is None else f"{value:g} {u.distance_unit(units)}"


@register.filter
def duration(seconds: float | None) -> str:
    return u.format_duration(seconds)


LABELS = {"hiit": "HIIT", "short_rest": "Short rests", "high_volume": "High volume"}


@register.filter
def label(code: str) -> str:
    """heavy_resistance → Heavy resistance; hiit → HIIT."""
    return LABELS.get(code) or (code or "").replace("_", " ").capitalize()
