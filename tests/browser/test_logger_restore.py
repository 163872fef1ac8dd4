"""Nothing is lost by closing the page: reopening the logger brings the workout back where it
was — values, ticked sets, the rest countdown — and leaving with a workout open asks first."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.logger import exercise, field, open_logger, phone_shot, tick
from tests.factories import ExercisePayload, SetPayload, make_workout


def test_reopening_after_closing_the_page_restores_the_draft(
    signed_in: Page, context: BrowserContext, lifter
):
    make_workout(
        lifter,
        title="Leg day",
        started_at=(timezone.now() - timedelta(days=2)).isoformat(),
        exercises=[
            ExercisePayload(
                exercise="back-squat", sets=[SetPayload(load_kg=100, reps=5, rest_s=180)] * 3
            )
        ],
    )
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name=re.compile(r"^Repeat Leg day")).click()
    tick(page, "Back Squat", 1)
    field(page, "Back Squat", 2, "weight").fill("105")
    exercise(page, "Back Squat").get_by_role("button", name="+ Add set").click()
    field(page, "Back Squat", 4, "reps").fill("8")  # typed a moment before the phone dies
    page.close()

    again = context.new_page()
    open_logger(again)
    expect(again.get_by_role("heading", level=1)).to_have_text("Leg day")
    squat = exercise(again, "Back Squat")
    expect(squat.locator(".set")).to_have_count(4)
    expect(squat.get_by_role("button", name="Set 1 done")).to_have_attribute("aria-pressed", "true")
    expect(field(again, "Back Squat", 2, "weight")).to_have_value("105")
    expect(field(again, "Back Squat", 3, "weight")).to_have_value("105")
    expect(field(again, "Back Squat", 4, "reps")).to_have_value("8")
    expect(again.locator("#rest-left")).to_have_text(
        re.compile(r"^2:[45]\d$")
    )  # still counting down
    phone_shot(again, "log-30-restored-after-closing")

    # Leaving with the workout open asks; staying keeps everything.
    asked = []

    def stay(dialog):
        asked.append(dialog.type)
        dialog.dismiss()

    again.on("dialog", stay)
    again.get_by_role("link", name="Myolog home").click()
    again.wait_for_timeout(300)
    assert asked == ["beforeunload"]
    expect(again).to_have_url(re.compile(r"/log/$"))
    expect(field(again, "Back Squat", 4, "reps")).to_have_value("8")
