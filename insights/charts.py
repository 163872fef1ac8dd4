"""Small server-drawn SVG charts: no JavaScript, fine on a phone, labelled for screen readers."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = {
    "heavy_resistance": "#1f4fa8",
    "high_volume": "#4f8de8",
    "hiit": "#c2410c",
    "endurance": "#1f7a4d",
    "general": "#9aa5b1",
}
LABELS = {
    "heavy_resistance": "Heavy lifting",
    "high_volume": "High-volume lifting",
    "hiit": "Intervals",
    "endurance": "Endurance",
    "general": "General",
}
WIDTH, HEIGHT, BOTTOM = 320, 140, 20


def load_chart(weeks: list[dict]) -> SafeString:
    """Weekly training load (sRPE × minutes) as bars, oldest to newest."""
    peak = max((w["load"]["weekly"] for w in weeks), default=0) or 1
    slot = WIDTH / max(len(weeks), 1)
    bars = []
    for i, week in enumerate(weeks):
        value = week["load"]["weekly"]
        height = (HEIGHT - BOTTOM - 10) * value / peak
        x = i * slot + slot * 0.15
        y = HEIGHT - BOTTOM - height
        label = f"{week['week']}: load {value}"
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
            f'fill="#2f6fde" rx="2"><title>{escape(label)}</title></rect>'
            f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - 5}" font-size="10" text-anchor="middle" '
            f'fill="#52606d">{escape(week["week"][-3:])}</text>'
        )
    summary = ", ".join(f"{w['week']} {w['load']['weekly']}" for w in weeks)
    return _svg("Weekly training load, last 8 weeks: " + summary, "".join(bars))


def modality_chart(weeks: list[dict]) -> SafeString:
    """Sessions per week stacked by kind of training."""
    peak = max((sum(w["modalities"].values()) for w in weeks), default=0) or 1
    slot = WIDTH / max(len(weeks), 1)
    parts = []
    for i, week in enumerate(weeks):
        x = i * slot + slot * 0.15
        y = HEIGHT - BOTTOM
        for modality, count in week["modalities"].items():
            if not count:
                continue
            height = (HEIGHT - BOTTOM - 10) * count / peak
            y -= height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{height:.1f}" '
                f'fill="{COLOURS[modality]}"><title>{escape(week["week"])}: {count} '
                f"{escape(LABELS[modality])}</title></rect>"
            )
        parts.append(
            f'<text x="{x + slot * 0.35:.1f}" y="{HEIGHT - 5}" font-size="10" text-anchor="middle" '
            f'fill="#52606d">{escape(week["week"][-3:])}</text>'
        )
    summary = "; ".join(
        f"{w['week']}: "
        + ", ".join(f"{n} {LABELS[m].lower()}" for m, n in w["modalities"].items() if n)
        for w in weeks
    )
    return _svg("Sessions by kind, last 8 weeks. " + summary, "".join(parts))


def _svg(label: str, body: str) -> SafeString:
    return mark_safe(
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg">{body}'
        f'<line x1="0" y1="{HEIGHT - BOTTOM}" x2="{WIDTH}" y2="{HEIGHT - BOTTOM}" '
        'stroke="#cbd2d9"/></svg>'
    )
