"""The web workout form on a 360 px phone: "Squats" is asked about before it becomes an
exercise of your own; "Yes, use Back Squat" saves the workout with everything else as typed."""

import pytest
from playwright.sync_api import Page, expect

from logbook.models import Exercise, Workout
from tests.browser.helpers import NARROW, shot

pytestmark = pytest.mark.browser


def test_squats_asks_and_yes_saves_back_squat(signed_in: Page, lifter):
    page = signed_in
    page.set_viewport_size(NARROW)
    page.goto("/workouts/new/")
    page.get_by_label("Title").fill("Leg day")
    page.locator("#ex-0-name").fill("Squats")
    page.get_by_label("Set 1 reps").fill("5")
    page.get_by_label("Set 1 load in kg").fill("100")
    page.get_by_role("button", name="Save workout").last.click()
    expect(page.locator(".field-error")).to_have_text("Did you mean Back Squat?")
    expect(page.get_by_label("Title")).to_have_value("Leg day")
    expect(page.get_by_label("Set 1 load in kg")).to_have_value("100")
    assert not Workout.objects.filter(user=lifter).exists()
    shot(page, "79-phone-workout-form-did-you-mean")

    page.get_by_role("button", name="Yes, use Back Squat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Leg day")
    expect(page.locator("main h2").get_by_role("link", name="Back Squat")).to_be_visible()
    assert not Exercise.objects.filter(owner=lifter).exists()
