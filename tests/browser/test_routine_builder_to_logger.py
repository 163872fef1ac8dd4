"""Routines on a 360 px phone and a desktop: build one in the form (an exercise with target
sets, a rep range, load, RPE and rest), read its plan, and start the live logger from it with
the planned sets filled in; the list starts it too."""

import re

import pytest
from playwright.sync_api import Browser, expect

from logbook.models import Routine
from tests.browser.helpers import VIEWPORTS, fits, shot, signed_in_context
from tests.browser.logger import exercise, field


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_build_a_routine_and_start_the_logger_from_it(browser: Browser, base_url, lifter, name):
    context = signed_in_context(browser, base_url, lifter, VIEWPORTS[name])
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Routines").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Routines")
        page.get_by_role("link", name="New routine").click()

        page.get_by_label("Name").fill("Lower A")
        page.locator("#ex-0-exercise").fill("Back Squat")
        page.locator("#ex-0-sets").fill("3")
        page.locator("#ex-0-reps_min").fill("5")
        page.locator("#ex-0-reps_max").fill("8")
        page.locator("#ex-0-load").fill("100")
        page.locator("#ex-0-rpe").fill("8")
        page.locator("#ex-0-rest").fill("180")
        assert fits(page), "the routine builder scrolls sideways"
        shot(page, f"72-{name}-routine-builder")
        page.locator(".sticky-save").get_by_role("button", name="Save routine").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Lower A")
        expect(page.locator(".messages")).to_contain_text("Routine saved.")
        plan = page.locator("main section.card", has_text="Back Squat")
        expect(plan).to_contain_text("Target: 3 sets × 5–8 reps at 100 kg, RPE 8, rest 3:00")
        expect(plan).to_contain_text("Not done yet.")
        assert fits(page), "the routine page scrolls sideways"
        shot(page, f"73-{name}-routine-detail")
        routine = Routine.objects.get(user=lifter, name="Lower A")

        page.get_by_role("link", name="Start as planned").click()
        expect(page).to_have_url(re.compile(r"/log/"))
        squat = exercise(page, "Back Squat")
        expect(squat).to_be_visible()
        expect(squat.get_by_role("button", name=re.compile(r"^Set \d+ done$"))).to_have_count(3)
        expect(field(page, "Back Squat", 1, "weight")).to_have_value("100")
        expect(field(page, "Back Squat", 3, "reps")).to_have_value("8")  # aims at the top
        shot(page, f"74-{name}-logger-from-routine")

        page.goto("/routines/")
        expect(page.get_by_role("link", name="Start Lower A")).to_have_attribute(
            "href", f"/log/?routine={routine.pk}"
        )
        shot(page, f"75-{name}-routines-list")
    finally:
        context.close()
