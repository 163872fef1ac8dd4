"""An interval session logged on a phone: work and recovery rows with times, heart rate and
RPE, "Repeat last pair" to fill the rest, and the insight calls it high-intensity intervals."""

from playwright.sync_api import Page, expect

from logbook.models import Workout
from tests.browser.helpers import mark_page, same_document, shot


def test_log_work_and_recovery_intervals_and_see_a_hiit_insight(signed_in: Page, lifter):
    page = signed_in
    page.goto("/workouts/new/")
    page.get_by_label("Title").fill("Track intervals")
    page.get_by_label("Activity").select_option("hiit")
    page.get_by_label("Duration").fill("20")
    page.get_by_label("Session effort").select_option("9")
    mark_page(page)
    page.get_by_role("button", name="Remove exercise").click()
    expect(page.get_by_role("group", name="Exercise 1")).to_have_count(0)

    page.get_by_role("button", name="+ Work").click()
    page.get_by_label("Interval 1 time").fill("0:30")
    page.get_by_label("Interval 1 heart rate").fill("176")
    page.get_by_label("Interval 1 RPE").fill("9")
    page.get_by_role("button", name="+ Recovery").click()
    expect(page.get_by_label("Interval 2 kind")).to_have_value("recovery")
    page.get_by_label("Interval 2 time").fill("1:30")
    page.get_by_label("Interval 2 heart rate").fill("128")
    page.get_by_label("Interval 2 RPE").fill("3")

    repeat = page.get_by_role("button", name="Repeat last pair")
    for pairs in (2, 3, 4, 5):
        repeat.click()
        expect(page.get_by_label(f"Interval {2 * pairs} kind")).to_have_value("recovery")
    expect(page.get_by_label("Interval 9 time")).to_have_value("0:30")
    expect(page.get_by_label("Interval 10 heart rate")).to_have_value("128")
    assert same_document(page), "adding intervals reloaded the page instead of swapping the form"
    expect(page.get_by_label("Activity")).to_have_value("hiit")
    shot(page, "07-workout-form-intervals")

    page.get_by_role("button", name="Save workout").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Track intervals")
    intervals = page.locator("section", has=page.get_by_role("heading", name="Intervals"))
    expect(intervals.locator("tbody tr")).to_have_count(10)
    expect(intervals.locator("tbody tr").first).to_contain_text("Work")
    expect(intervals.locator("tbody tr").nth(1)).to_contain_text("Recovery")
    card = page.locator("section", has=page.get_by_role("heading", name="What kind of session"))
    expect(card.locator(".badge.hiit").first).to_be_visible()
    expect(card.locator(".ev").first).to_be_visible()
    workout = Workout.objects.get(user=lifter)
    assert workout.insight.primary == "hiit"
    assert workout.intervals.count() == 10
    shot(page, "08-workout-detail-intervals")
