"""The exercise list on a 360 px phone and on a desktop: search "squat" (Back Squat and
Front Squat first), narrow by muscle and equipment (kept in the URL), see your own exercises
first, follow a name to its page. Each step is saved as a screenshot."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.helpers import NARROW, log_in, shot
from tests.factories import ExercisePayload, make_workout

DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [NARROW, DESKTOP], ids=["phone", "desktop"])
def test_search_filter_and_follow_an_exercise(browser: Browser, base_url, lifter, viewport):
    make_workout(lifter, exercises=[ExercisePayload(exercise="back-squat")])
    make_workout(lifter, exercises=[ExercisePayload(exercise="Squats")])
    context = browser.new_context(
        base_url=base_url, viewport=viewport, locale="en-GB", timezone_id="Europe/London"
    )
    log_in(context, lifter, base_url)
    page = context.new_page()
    name = "phone" if viewport is NARROW else "desktop"
    try:
        page.goto("/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Exercises").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Exercises")
        yours = page.locator("section", has=page.locator("#yours-h")).locator("li")
        expect(yours).to_have_count(2)
        expect(yours.filter(has_text="Squats")).to_contain_text("your own exercise")
        assert _fits(page), "the exercise list scrolls sideways"
        shot(page, f"70-{name}-exercises")

        page.get_by_label("Search").fill("squat")
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(re.compile(r"q=squat"))
        catalog = page.locator("section", has=page.locator("#catalog-h")).locator("li strong")
        expect(catalog.nth(0)).to_have_text("Front Squat")  # Back Squat is among yours
        shot(page, f"71-{name}-exercises-squat")

        page.get_by_label("Equipment").select_option("dumbbell")
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(re.compile(r"equipment=dumbbell"))
        expect(catalog.first).to_have_text("Goblet Squat")
        expect(page.get_by_label("Search")).to_have_value("squat")
        shot(page, f"72-{name}-exercises-dumbbell-squat")

        page.get_by_role("link", name="Goblet Squat").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Goblet Squat")
        expect(page.get_by_text("You haven't logged Goblet Squat yet.")).to_be_visible()
    finally:
        context.close()


def _fits(page: Page) -> bool:
    return page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1"
    )
