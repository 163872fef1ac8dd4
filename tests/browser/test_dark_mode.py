"""Dark mode follows the device: with prefers-color-scheme dark emulated, the progress pages
turn dark (background, cards, text, links, the charts' labels) and their text keeps WCAG AA
contrast; with light they stay light. On a 360 px phone and a desktop."""

import pytest
from playwright.sync_api import Browser, expect

from insights.services import classify_and_store
from tests.browser.helpers import VIEWPORTS, shot, signed_in_context
from tests.browser.test_accessibility import AUDIT
from tests.factories import ExercisePayload, SetPayload, make_workout

PAGES = [
    ("dashboard", "/"),
    ("history", "/workouts/"),
    ("records", "/records/"),
    ("exercise", "/exercises/{exercise}/"),
    ("routines", "/routines/"),
    ("import-export", "/imports/"),
    ("not-found", "/no/such/page/"),
]
LIGHT = {"body": "rgb(245, 247, 250)", "card": "rgb(255, 255, 255)", "ink": "rgb(31, 41, 51)"}
DARK = {"body": "rgb(18, 23, 29)", "card": "rgb(29, 36, 44)", "ink": "rgb(228, 231, 235)"}

COLOURS = """() => {
  const css = (sel, prop) => {
    const e = document.querySelector(sel);
    return e && getComputedStyle(e)[prop];
  };
  return {
    body: css('body', 'backgroundColor'),
    card: css('main .card', 'backgroundColor'),
    ink: css('h1', 'color'),
    link: css('.top nav a:not(.nav-log)', 'color'),
    chart: css('.chart svg:not([style*="none"]) text.ink', 'fill'),
  };
}"""


def lifting(user) -> int:
    workouts = [
        make_workout(
            user,
            started_at=f"2026-11-{day:02d}T07:00:00+00:00",
            exercises=[ExercisePayload(sets=[SetPayload(reps=5, load_kg=100.0 + day)])],
        )
        for day in (2, 9, 16, 23)
    ]
    for w in workouts:
        classify_and_store(w.pk)
    return workouts[-1].exercises.first().exercise_id


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_the_pages_turn_dark_with_the_device_and_stay_readable(
    browser: Browser, base_url, lifter, name
):
    exercise = lifting(lifter)
    seen = {}
    for scheme in ("light", "dark"):
        context = signed_in_context(browser, base_url, lifter, VIEWPORTS[name], color_scheme=scheme)
        page = context.new_page()
        try:
            for page_name, path in PAGES:
                page.goto(path.format(exercise=exercise))
                expect(page.locator("h1")).to_be_visible()
                seen[scheme, page_name] = page.evaluate(COLOURS)
                if scheme == "dark":
                    contrast = [p for p in page.evaluate(AUDIT) if p.startswith("contrast")]
                    assert contrast == [], f"{page_name}: {contrast}"
                shot(page, f"77-{name}-{scheme}-{page_name}")
        finally:
            context.close()

    for page_name, _ in PAGES:
        light, dark = seen["light", page_name], seen["dark", page_name]
        for key in ("body", "card", "ink"):
            assert light[key] == LIGHT[key], (page_name, key, light[key])
            assert dark[key] == DARK[key], (page_name, key, dark[key])
        assert light["link"] != dark["link"], page_name
    assert seen["dark", "exercise"]["chart"] == DARK["ink"]  # the SVG's labels follow too
    assert seen["light", "exercise"]["chart"] == LIGHT["ink"]
