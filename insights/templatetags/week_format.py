"""Small formatting filters for the weekly report (email and web)."""

from django import template

register = template.Library()


@register.filter
def percent(fraction: float | None) -> str:
    return "" if fraction is None else f"{round(fraction * 100)}%"


@register.filter
def change(ratio: float | None) -> str:
    """This week against the 4-week average, as a plain percentage change (descriptive)."""
    if ratio is None:
        return ""
    delta = round((ratio - 1) * 100)
    return "about the same" if delta == 0 else f"{delta:+d}%"
