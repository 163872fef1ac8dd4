"""Tidying your own exercises on a 360 px phone and on a desktop: an imported "Squats" is
listed once with Back Squat filled in, mapping it asks first and then moves every set to
Back Squat's page; a typed one is renamed. Each step is saved as a screenshot."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from logbook.models import Exercise
from tests.browser.helpers import NARROW, log_in, shot
from tests.factories import ExercisePayload, make_workout

DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["phone", "desktop"])
def test_map_an_imported_exercise_and_rename_a_typed_one(
    browser: Browser, base_url, lifter, viewport
):
    for i in range(2):
        make_workout(
            lifter,
            source="strong",
            external_id=f"strong-{i}",
            started_at=f"2026-10-0{i + 1}T07:30:00+01:00",
            exercises=[ExercisePayload(exercise="Squats")],
        )
    make_workout(lifter, exercises=[ExercisePayload(exercise="Zottman curl")])
    context = browser.new_context(
        base_url=base_url, viewport=viewport, locale="en-GB", timezone_id="Europe/London"
    )
    log_in(context, lifter, base_url)
    page = context.new_page()
    name = "phone" if viewport is NARROW else "desktop"
    try:
        page.goto("/exercises/")
        page.get_by_role("link", name=re.compile("^Rename, merge or delete")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your own exercises")
        imported = page.locator("section", has=page.locator("#imported-h")).locator("li")
        expect(imported).to_have_count(1)
        expect(imported).to_contain_text("6 sets in 2 workouts")
        expect(imported.get_by_label("Map to")).to_have_value("Back Squat")
        assert _fits(page), "the page scrolls sideways"
        shot(page, f"75-{name}-own-exercises")

        imported.get_by_role("button", name="Map…").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Merge “Squats” into Back Squat?")
        expect(page.locator("main")).to_contain_text("Its 6 sets in 2 workouts move to")
        shot(page, f"76-{name}-merge-confirm")

        page.get_by_role("button", name="Merge into Back Squat").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Back Squat")
        expect(page.locator(".messages")).to_contain_text("6 sets moved")
        expect(page.locator("ul.sessions > li")).to_have_count(2)
        shot(page, f"77-{name}-merged-into-back-squat")
        assert not Exercise.objects.filter(owner=lifter, name="Squats").exists()

        page.goto("/exercises/yours/")
        row = page.locator("li", has_text="Zottman curl")
        row.get_by_text("Rename, merge or delete").click()
        row.get_by_label("New name").fill("Zottman curl (dumbbell)")
        row.get_by_role("button", name="Rename").click()
        expect(page.locator(".messages")).to_contain_text("Renamed “Zottman curl”")
        expect(page.locator("section", has=page.locator("#imported-h"))).to_have_count(0)
        shot(page, f"78-{name}-renamed")
    finally:
        context.close()


def _fits(page: Page) -> bool:
    return page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1"
    )
