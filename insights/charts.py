"""Server-drawn SVG charts a person can read on a phone and on a desktop, with no JavaScript.

Every chart has axes with units and its values written on it (a phone has no hover); a week
still in progress is drawn hatched and labelled "so far", so it never looks like a collapse.
Each chart is drawn twice, for a narrow and a wide viewBox, and CSS shows the one that fits
(`.chart-narrow` / `.chart-wide` in app.css): text stays about 11-12 px on both, instead of
tiny on a phone and huge on a desktop. Text and grid lines carry classes (`ink`, `m`,
`grid`) so the page's colours (and a dark scheme) apply. Each carries an `aria-label`
summary, and the pages put a table of the same figures beside it.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

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
BAR = "#2f6fde"
INK, MUTED, GRID = "#1f2933", "#52606d", "#e4e7eb"
# (viewBox width, font size): the narrow one fills a 360 px phone's card, the wide one the
# 720 px column; app.css switches between them at 560 px.
SIZES = {"narrow": (300, 11), "wide": (640, 12)}
HEIGHT = 180
TOP, BOTTOM, LEFT, RIGHT = 30, 34, 40, 10


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar: a short date
    value: float
    parts: tuple[tuple[str, float], ...] = ()  # stacked (colour key, value); else one bar
    unfinished: bool = False  # the current week: hatched, "so far"
    title: str = ""  # the bar in words, for its tooltip and the summary


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[datetime, float], ...]  # oldest first
    colour: str = BAR
    dashed: bool = False


def fmt(value: float) -> str:
    """1234.5 → "1,235"; 97.5 → "97.5"; 12.0 → "12"."""
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.1f}".rstrip("0").rstrip(".")


def short(value: float) -> str:
    """For thin bars: 3675 → "3.7k", 12500 → "13k"; smaller values as `fmt`."""
    if abs(value) >= 10000:
        return f"{value / 1000:.0f}k"
    if abs(value) >= 1000:
        return f"{value / 1000:.1f}".rstrip("0").rstrip(".") + "k"
    return fmt(value)


def nice_ticks(peak: float, count: int = 4) -> list[float]:
    """0 and round steps (1, 2, 2.5 or 5 × 10ⁿ) up to at least `peak`."""
    if peak <= 0:
        return [0, 1]
    raw = peak / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    count = math.ceil(peak / step - 1e-9)
    return [round(i * step, 6) for i in range(count + 1)]


def bar_chart(bars: list[Bar], *, unit: str, summary: str) -> SafeString:
    """Bars (stacked when they have parts) with each total written above its bar."""
    return _both(lambda width, font: _bars_svg(bars, unit, summary, width, font))


def hbar_chart(rows: list[tuple[str, float, str]], *, unit: str, summary: str) -> SafeString:
    """Horizontal bars, one per (label, value, note) row, the value and note at its end."""
    return _both(lambda width, font: _hbars_svg(rows, unit, summary, width, font))


def line_chart(
    series: list[Series], *, unit: str, summary: str, start: date, end: date
) -> SafeString:
    """Lines over time; the last value of each series and the peak of the first are written."""
    return _both(lambda width, font: _lines_svg(series, unit, summary, start, end, width, font))


# --- Drawing ---------------------------------------------------------------------------------


def _both(draw: Callable[[int, int], str]) -> SafeString:
    return mark_safe(
        '<div class="chart">'
        + "".join(
            draw(*SIZES[name]).replace("<svg ", f'<svg class="chart-{name}" ', 1) for name in SIZES
        )
        + "</div>"
    )


def _svg(width: int, height: int, summary: str, body: str) -> str:
    return (
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(summary)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif">'
        f"<title>{escape(summary)}</title>"
        '<defs><pattern id="so-far" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<rect width="3" height="6" fill="{BAR}" opacity="0.55"/></pattern></defs>'
        f"{body}</svg>"
    )


def _text(
    x: float, y: float, text: str, font: float, anchor: str = "middle", fill: str = INK, **attrs
) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{font}" text-anchor="{anchor}" '
        f'fill="{fill}" class="{"m" if fill == MUTED else "ink"}"{extra}>{escape(text)}</text>'
    )


def _y_axis(ticks: list[float], unit: str, width: int, font: int, y_of) -> str:
    parts = [_text(4, font, unit, font, "start", fill=MUTED)]
    for t in ticks:
        y = y_of(t)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{width - RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID if t else "#9aa5b1"}" class="{"grid" if t else "axis"}"/>'
        )
        parts.append(_text(LEFT - 4, y + font / 3, short(t), font - 1, "end", fill=MUTED))
    return "".join(parts)


def _bars_svg(bars: list[Bar], unit: str, summary: str, width: int, font: int) -> str:
    ticks = nice_ticks(max((b.value for b in bars), default=0))
    plot_h = HEIGHT - TOP - BOTTOM

    def y_of(v: float) -> float:
        return HEIGHT - BOTTOM - plot_h * v / ticks[-1]

    slot = (width - LEFT - RIGHT) / max(len(bars), 1)
    every = max(1, math.ceil(font * 3.4 / slot))  # label every n-th bar when slots are thin
    written = short if slot < font * 3.6 else fmt
    body = [_y_axis(ticks, unit, width, font, y_of)]
    for i, bar in enumerate(bars):
        x = LEFT + i * slot + slot * 0.15
        w = slot * 0.7
        parts = bar.parts or (("", bar.value),)
        y = HEIGHT - BOTTOM
        for key, value in parts:
            if value <= 0:
                continue
            h = plot_h * value / ticks[-1]
            y -= h
            fill = "url(#so-far)" if bar.unfinished and not key else COLOURS.get(key, BAR)
            opacity = ' opacity="0.55"' if bar.unfinished and key else ""
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}"'
                f"{opacity}>"
                f"<title>{escape(bar.title or bar.label)}</title></rect>"
            )
        if bar.unfinished:
            top = y_of(bar.value) if bar.value else HEIGHT - BOTTOM - 1
            body.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{w:.1f}" '
                f'height="{HEIGHT - BOTTOM - top:.1f}" fill="none" stroke="{BAR}" '
                'stroke-dasharray="3 2"/>'
            )
        value_text = written(bar.value) + ("…" if bar.unfinished else "")
        body.append(_text(x + w / 2, y_of(bar.value) - 4, value_text, font - 1))
        if (len(bars) - 1 - i) % every == 0:  # counted from the newest, always labelled
            label = "so far" if bar.unfinished else bar.label
            body.append(_text(x + w / 2, HEIGHT - BOTTOM + font + 4, label, font - 1, fill=MUTED))
    return _svg(width, HEIGHT, summary, "".join(body))


def _hbars_svg(
    rows: list[tuple[str, float, str]], unit: str, summary: str, width: int, font: int
) -> str:
    row_h = font * 2.2
    label_w = min(width * 0.34, font * 8)
    height = int(TOP + row_h * max(len(rows), 1) + 8)
    peak = max((v for _, v, _ in rows), default=0) or 1
    room = width - label_w - RIGHT - font * 9  # leave room for the value and its note
    body = [_text(4, font, unit, font, "start", fill=MUTED)]
    for i, (label, value, note) in enumerate(rows):
        y = TOP + i * row_h
        w = max(1.5, room * value / peak)
        body.append(_text(label_w - 6, y + row_h * 0.62, label, font, "end"))
        body.append(
            f'<rect x="{label_w:.1f}" y="{y + row_h * 0.18:.1f}" width="{w:.1f}" '
            f'height="{row_h * 0.64:.1f}" fill="{BAR}" rx="2"/>'
        )
        text = fmt(value) + (f" {note}" if note else "")
        body.append(_text(label_w + w + 4, y + row_h * 0.62, text, font - 1, "start"))
    return _svg(width, height, summary, "".join(body))


def _lines_svg(
    series: list[Series], unit: str, summary: str, start: date, end: date, width: int, font: int
) -> str:
    values = [v for s in series for _, v in s.points]
    low, high = (min(values), max(values)) if values else (0, 1)
    ticks = _range_ticks(low, high)
    plot_h = HEIGHT - TOP - BOTTOM
    span_days = max((end - start).days, 1)
    plot_w = width - LEFT - RIGHT - font * 2.5  # room for the last value's label

    def y_of(v: float) -> float:
        return HEIGHT - BOTTOM - plot_h * (v - ticks[0]) / ((ticks[-1] - ticks[0]) or 1)

    def x_of(moment: datetime | date) -> float:
        day = moment.date() if isinstance(moment, datetime) else moment
        return LEFT + plot_w * (day - start).days / span_days

    body = [_y_axis(ticks, unit, width, font, y_of)]
    for tick in _date_ticks(start, end, max(2, int(plot_w // (font * 5)))):
        label = tick.strftime("%b %Y") if span_days > 400 else tick.strftime("%-d %b")
        body.append(_text(x_of(tick), HEIGHT - BOTTOM + font + 4, label, font - 1, fill=MUTED))
    legend_x = LEFT
    for s in series:
        dash = ' stroke-dasharray="5 3"' if s.dashed else ""
        body.append(
            f'<line x1="{legend_x}" y1="{TOP - 11}" x2="{legend_x + 16}" y2="{TOP - 11}" '
            f'stroke="{s.colour}" stroke-width="2"{dash}/>'
        )
        body.append(_text(legend_x + 20, TOP - 7, s.name, font - 1, "start"))
        legend_x += 28 + len(s.name) * (font - 1) * 0.55
        points = " ".join(f"{x_of(t):.1f},{y_of(v):.1f}" for t, v in s.points)
        if len(s.points) > 1:
            body.append(
                f'<polyline points="{points}" fill="none" stroke="{s.colour}" '
                f'stroke-width="2"{dash} stroke-linejoin="round"/>'
            )
        if len(s.points) <= 40:
            body.extend(
                f'<circle cx="{x_of(t):.1f}" cy="{y_of(v):.1f}" r="2.5" fill="{s.colour}">'
                f"<title>{escape(f'{s.name} {t:%d %b %Y}: {fmt(v)} {unit}')}</title></circle>"
                for t, v in s.points
            )
    labelled: list[tuple[float, float]] = []
    for k, s in enumerate(series):
        if not s.points:
            continue
        marks = [s.points[-1]]
        if k == 0:
            marks.append(max(s.points, key=lambda p: p[1]))
        for t, v in marks:
            x, y = x_of(t), y_of(v)
            if any(abs(x - a) < font * 3 and abs(y - b) < font for a, b in labelled):
                continue
            labelled.append((x, y))
            anchor = "start" if x < LEFT + plot_w * 0.8 else "end"
            x = x + 4 if anchor == "start" else min(x + font * 2.4, width - 2)
            body.append(
                _text(x, max(TOP + font, y - 5), fmt(v), font - 1, anchor, font_weight="600")
            )
    return _svg(width, HEIGHT, summary, "".join(body))


def _range_ticks(low: float, high: float) -> list[float]:
    """Round ticks covering low..high, not always from zero (an e1RM moves within a band)."""
    if high <= low:
        high, low = high + 1, max(0, low - 1)
    step = nice_ticks(high - low, 4)[1]
    first = math.floor(low / step) * step
    count = math.ceil((high - first) / step - 1e-9)
    return [round(first + i * step, 6) for i in range(count + 1)]


def _date_ticks(start: date, end: date, count: int) -> list[date]:
    """First days of months between start and end, thinned to at most `count`."""
    months = []
    y, m = start.year, start.month
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        day = date(y, m, 1)
        if day > end:
            break
        months.append(day)
    if not months:
        return [start]
    step = math.ceil(len(months) / count)
    return months[::step]


# --- The weeks (the dashboard and the week page) ----------------------------------------------


def _week_label(week: dict) -> str:
    monday = date.fromisoformat(week["start"])
    return f"{monday.day} {monday:%b}"


def load_chart(weeks: list[dict]) -> SafeString:
    """Weekly training load (session RPE × minutes), oldest to newest; this week hatched."""
    bars = [
        Bar(
            _week_label(w),
            w["load"]["weekly"],
            unfinished=w.get("in_progress", False),
            title=f"week of {_week_label(w)}: {w['load']['weekly']} load units"
            + (" so far" if w.get("in_progress") else ""),
        )
        for w in weeks
    ]
    return bar_chart(
        bars,
        unit="load units",
        summary=f"Weekly training load, last {len(weeks)} weeks: "
        + "; ".join(b.title for b in bars),
    )


def modality_chart(weeks: list[dict]) -> SafeString:
    """Sessions per week stacked by kind of training, each week's total written above it."""
    bars = []
    for w in weeks:
        counts = {m: n for m, n in w["modalities"].items() if n}
        words = ", ".join(f"{n} {LABELS[m].lower()}" for m, n in counts.items()) or "none"
        bars.append(
            Bar(
                _week_label(w),
                sum(counts.values()),
                parts=tuple(counts.items()),
                unfinished=w.get("in_progress", False),
                title=f"week of {_week_label(w)}"
                + (" (so far)" if w.get("in_progress") else "")
                + f": {words}",
            )
        )
    return bar_chart(
        bars,
        unit="sessions",
        summary=f"Sessions by kind, last {len(weeks)} weeks. " + "; ".join(b.title for b in bars),
    )


def muscle_label(muscle: str) -> str:
    """quads → Quads; upper_back → Upper back."""
    return muscle.replace("_", " ").capitalize()


def hard_sets_rows(this_week: dict, last_week: dict | None) -> list[dict]:
    """Each muscle group trained in the week or the one before, with both weeks' hard sets."""
    now = this_week.get("hard_sets_by_muscle") or {}
    before = (last_week or {}).get("hard_sets_by_muscle") or {}
    muscles = list(now) + [m for m in before if m not in now]
    return [
        {"muscle": m, "label": muscle_label(m), "sets": now.get(m, 0), "last": before.get(m, 0)}
        for m in muscles
    ]


def hard_sets_chart(rows: list[dict], *, in_progress: bool) -> SafeString:
    """Hard sets per muscle group in a week (the previous week's figure beside each bar)."""
    so_far = " so far" if in_progress else ""
    return hbar_chart(
        [(r["label"], r["sets"], f"(prev. {r['last']})") for r in rows],
        unit="hard sets",
        summary=f"Hard sets per muscle group in the week{so_far}: "
        + ", ".join(f"{r['label']} {r['sets']} (previous week {r['last']})" for r in rows),
    )
