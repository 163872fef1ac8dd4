"""With JavaScript off, the logging form still works: "+ Add set" is a full-page round trip that
copies the last set, and saving records the workout."""

from playwright.sync_api import Page, expect

from logbook.models import Workout
from tests.browser.helpers import log_in, mark_page, same_document, shot


def test_add_a_set_and_save_a_workout_with_javascript_disabled(new_context, lifter, base_url):
    context = new_context(java_script_enabled=False)
    log_in(context, lifter, base_url)
    page: Page = context.new_page()

    page.goto("/workouts/new/")
    assert page.evaluate("typeof window.htmx") == "undefined"  # the page's scripts never ran
    page.get_by_label("Title").fill("No-JS bench")
    page.locator("#ex-0-name").fill("Bench Press")
    page.get_by_label("Set 1 reps").fill("8")
    page.get_by_label("Set 1 load in kg").fill("60")
    page.get_by_label("Set 1 effort").select_option("7")

    mark_page(page)
    with page.expect_navigation():
        page.get_by_role("button", name="+ Add set").click()
    assert not same_document(page), "without JavaScript, adding a set is a full-page round trip"
    expect(page.get_by_label("Set 2 reps")).to_have_value("8")
    expect(page.get_by_label("Set 2 load in kg")).to_have_value("60")
    expect(page.get_by_label("Title")).to_have_value("No-JS bench")
    page.get_by_label("Set 2 reps").fill("6")
    shot(page, "16-workout-form-no-javascript")

    with page.expect_navigation():
        page.get_by_role("button", name="Save workout").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("No-JS bench")
    expect(page.locator("table.sets tbody tr")).to_have_count(2)
    workout = Workout.objects.get(user=lifter)
    reps = [s.reps for e in workout.exercises.all() for s in e.sets.all()]
    assert reps == [8, 6]
    assert workout.source == "web"
