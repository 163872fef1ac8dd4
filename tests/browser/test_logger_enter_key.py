"""Enter never removes or discards anything: in the live logger it moves on to the next
field (from a set's last field to "+ Add set"); in the old form it saves with every set."""

import re

from playwright.sync_api import Page, expect

from logbook.models import Workout
from tests.browser.logger import add_exercise, draft, exercise, field, open_logger, phone_shot

SNAPSHOT = """() => {
  const d = window.myologLogger.draft;
  return {
    exercises: d.exercises.map(e => [
      e.name, e.sets.length, e.sets.map(s => [s.load, s.reps, s.duration, s.distance, s.tempo]),
    ]),
    intervals: d.intervals.length, title: d.title, notes: d.notes,
  };
}"""


def test_enter_in_every_kind_of_field_of_the_logger_removes_nothing(signed_in: Page):
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()
    search = page.get_by_label("Search exercises")
    search.fill("back squat")
    search.press("Enter")  # Enter in the search picks the best match
    field(page, "Back Squat", 1, "weight").fill("100")
    field(page, "Back Squat", 1, "reps").fill("5")
    exercise(page, "Back Squat").get_by_role("button", name="+ Add set").click()
    add_exercise(page, "farmers carry", "Farmer")
    add_exercise(page, "plank")
    page.get_by_role("button", name="+ Intervals").click()
    page.get_by_role("button", name=re.compile("^Session details")).click()
    page.get_by_label("Title").fill("Enter test")
    before = page.evaluate(SNAPSHOT)
    assert [e[1] for e in before["exercises"]] == [2, 1, 1]

    squat = exercise(page, "Back Squat")
    squat.get_by_role("button", name=re.compile("^Set 1: Working")).click()  # its options
    carry_name = next(e[0] for e in before["exercises"] if e[0].startswith("Farmer"))
    fields = [
        field(page, "Back Squat", 1, "weight"),
        field(page, "Back Squat", 1, "reps"),
        field(page, "Back Squat", 1, "rpe"),
        squat.get_by_label("Tempo"),
        squat.get_by_label("Rest after"),
        squat.get_by_label(re.compile("^Time")),
        field(page, "Back Squat", 2, "reps"),
        field(page, carry_name, 1, "distance"),
        field(page, "Plank", 1, "time"),
        page.get_by_label("Interval 1 time (m:ss)"),
        page.get_by_label(re.compile("^Interval 1 distance")),
        page.get_by_label("Interval 1 kind"),
        page.get_by_label("Interval 1 average heart rate (bpm)"),
        page.get_by_label("Title", exact=True),
        page.get_by_label("Average heart rate (bpm)", exact=True),
        page.get_by_label("Session effort (0–10)"),
        page.get_by_label("Started"),
    ]
    for f in fields:
        f.focus()
        page.keyboard.press("Enter")
        assert page.evaluate(SNAPSHOT) == before, f"Enter in {f} changed the workout"
    phone_shot(page, "log-20-after-enter-everywhere")

    # Enter moves on: weight → reps → effort → … and from the last set's last field to "+ Add set".
    field(page, "Back Squat", 2, "weight").focus()
    page.keyboard.press("Enter")
    expect(field(page, "Back Squat", 2, "reps")).to_be_focused()
    page.keyboard.press("Enter")
    expect(field(page, "Back Squat", 2, "rpe")).to_be_focused()
    page.keyboard.press("Enter")
    expect(squat.get_by_role("button", name="+ Add set")).to_be_focused()
    page.keyboard.press("Enter")  # on the button, Enter does what it says: one more set
    expect(field(page, "Back Squat", 3, "weight")).to_be_focused()
    assert len(draft(page)["exercises"][0]["sets"]) == 3


def test_enter_in_the_old_form_saves_every_set_instead_of_removing_one(signed_in: Page, lifter):
    page = signed_in
    page.goto("/workouts/new/")
    page.get_by_label("Title").fill("Form day")
    page.locator("#ex-0-name").fill("Back Squat")
    page.get_by_label("Set 1 reps").fill("5")
    page.get_by_label("Set 1 load in kg").fill("100")
    add = page.get_by_role("button", name="+ Add set")
    add.click()
    expect(page.get_by_label("Set 2 reps")).to_have_value("5")
    add.click()
    expect(page.get_by_label("Set 3 reps")).to_have_value("5")
    page.get_by_label("Set 3 reps").fill("4")
    page.get_by_label("Set 3 reps").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Form day")
    workout = Workout.objects.get(user=lifter)
    assert [s.reps for e in workout.exercises.all() for s in e.sets.all()] == [5, 5, 4]
