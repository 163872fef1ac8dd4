"""Bad input is named beside its field, in plain words with limits in the lifter's unit, all
at once — found by the logger before sending or refused by the server — and the workout is
kept to be fixed."""

import json
import re

from playwright.sync_api import Page, expect

from logbook.models import Profile
from tests.browser.logger import (
    add_exercise,
    draft,
    exercise,
    field,
    open_logger,
    phone_shot,
    stored_workouts,
    tick,
)


def test_every_bad_field_is_named_at_once_in_pounds_before_anything_is_sent(
    signed_in: Page, lifter
):
    Profile.objects.filter(user=lifter).update(units="lb")
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()
    page.get_by_label("Search exercises").fill("deadlift")
    page.get_by_label("Search exercises").press("Enter")
    field(page, "Deadlift", 1, "weight").fill("2300")
    field(page, "Deadlift", 1, "reps").fill("5.5")
    tick(page, "Deadlift", 1)
    page.get_by_role("button", name=re.compile("^Session details")).click()
    page.get_by_label("Average heart rate (bpm)", exact=True).fill("300")
    page.get_by_role("button", name="Finish workout").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("3 things to fix before saving")
    weight = field(page, "Deadlift", 1, "weight")
    expect(weight).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{weight.get_attribute('id')}-error")).to_have_text(
        "Weight must be at most 2,204 lb."
    )
    expect(exercise(page, "Deadlift")).to_contain_text("Reps must be a whole number.")
    expect(page.locator("#w-avgHr-error")).to_have_text(
        "Average heart rate must be at most 250 bpm."
    )
    expect(weight).to_be_focused()  # the first one, ready to fix
    phone_shot(page, "log-50-errors-in-pounds")
    assert stored_workouts(lifter) == []

    weight.fill("405")
    field(page, "Deadlift", 1, "reps").fill("5")
    page.get_by_label("Average heart rate (bpm)", exact=True).fill("130")
    expect(alert).to_have_count(0)  # each error goes as its field is fixed
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator(".banner.ok")).to_contain_text("Saved")
    (workout,) = stored_workouts(lifter)
    assert workout.exercises.get().sets.get().load_kg == 183.705


def test_a_server_refusal_shows_beside_its_field_and_keeps_the_workout(signed_in: Page, lifter):
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()
    name = "Very " * 30 + "long lift"  # the server allows 120 characters
    page.get_by_label("Search exercises").fill(name)
    page.get_by_role("button", name=re.compile("^Create")).click()
    field(page, name.strip(), 1, "weight").fill("40")
    field(page, name.strip(), 1, "reps").fill("10")
    tick(page, name.strip(), 1)
    add_exercise(page, "bench press", "Bench Press")
    field(page, "Bench Press", 1, "weight").fill("60")
    field(page, "Bench Press", 1, "reps").fill("8")
    tick(page, "Bench Press", 1)

    # The contract's example refusal, for the third set of the first exercise: it lands there.
    exercise(page, "Bench Press").get_by_role("button", name="+ Add set").click()
    tick(page, "Bench Press", 2)
    page.route(
        "**/api/v1/workouts/",
        lambda route: route.fulfill(
            status=400,
            content_type="application/json",
            body=json.dumps(
                {
                    "errors": {
                        "exercises.1.sets.1.reps": ["Must be between 0 and 1000."],
                        "exercises.0.exercise": ["At most 120 characters."],
                    }
                }
            ),
        ),
    )
    page.get_by_role("button", name="Finish workout").click()
    expect(page.get_by_role("alert")).to_contain_text("2 things to fix")
    expect(exercise(page, "Bench Press")).to_contain_text("Reps must be between 0 and 1,000.")
    expect(page.locator(".exercise").first).to_contain_text("Exercise: At most 120 characters.")
    phone_shot(page, "log-51-server-refusal")
    kept = draft(page)
    assert [len(e["sets"]) for e in kept["exercises"]] == [1, 2]
    page.unroute("**/api/v1/workouts/")

    # The real server refuses the long name too; the workout stays, nothing is written.
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator(".exercise").first).to_contain_text("Exercise: At most 120 characters.")
    assert stored_workouts(lifter) == []
    assert draft(page) is not None
