"""The logger at 360 px, in each of its states: no sideways scrolling, every field labelled,
every button named, one <h1>, AA contrast (the audit of test_accessibility), every target at
least 44 px; and a whole session works from the keyboard alone."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.helpers import NARROW, shot
from tests.browser.logger import open_logger, stored_sets, stored_workouts
from tests.browser.test_accessibility import AUDIT
from tests.factories import ExercisePayload, SetPayload, make_workout

SMALL_TARGETS = """() => [
  ...document.querySelectorAll('button, a, input, select, textarea, [role=button]')
].filter(el => {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') return false;
    if (el.closest('.skip') || el.classList.contains('default-submit')) return false;
    if (el.type === 'checkbox') return false;  // the label around it is the target
    // links inside sentences are text, not targets
    if (el.tagName === 'A' && el.closest('p, li') && !el.classList.contains('button')) return false;
    return box.height < 44 || box.width < 44;
  })
  .map(el => {
    const box = el.getBoundingClientRect();
    const name = (el.getAttribute('aria-label') || el.textContent || el.id).trim().slice(0, 40);
    const size = `${Math.round(box.width)}×${Math.round(box.height)}`;
    return `${el.tagName.toLowerCase()} "${name}" ${size}`;
  })"""


def check(page: Page, name: str) -> list[str]:
    problems = [f"{name}: {p}" for p in page.evaluate(AUDIT)]
    problems += [f"{name}: target under 44 px: {t}" for t in page.evaluate(SMALL_TARGETS)]
    shot(page, f"log-a11y-360px-{name}")
    return problems


def test_every_state_of_the_logger_at_360px(signed_in: Page, lifter):
    make_workout(
        lifter,
        title="Push",
        started_at=(timezone.now() - timedelta(days=1)).isoformat(),
        exercises=[
            ExercisePayload(exercise="bench-press", sets=[SetPayload(load_kg=80, reps=8)] * 2)
        ],
    )
    page = signed_in
    page.set_viewport_size(NARROW)
    open_logger(page)
    problems = check(page, "start")
    page.get_by_role("button", name=re.compile("^Repeat Push")).click()
    page.get_by_role("button", name="Set 1 done").click()
    page.get_by_role("button", name=re.compile("^Set 2: Working")).click()
    page.get_by_role("button", name="+ Intervals").click()
    page.get_by_role("button", name=re.compile("^Session details")).click()
    problems += check(page, "workout")
    for opener, name in [
        ("Plate calculator for Bench Press", "plates"),
        ("Warm-up sets for Bench Press", "warmup"),
        ("More for Bench Press", "exercise-menu"),
        (re.compile("^Best set and last time"), "history"),
        ("+ Add exercise", "add-exercise"),
        ("Logger settings", "settings"),
    ]:
        page.get_by_role("button", name=opener).click()
        expect(page.locator("#sheet")).to_be_visible()
        problems += check(page, name)
        page.keyboard.press("Escape")
        expect(page.locator("#sheet")).to_be_hidden()
    assert problems == [], "\n".join(problems)


def test_a_whole_session_with_the_keyboard_alone(signed_in: Page, lifter):
    page = signed_in
    open_logger(page)
    start = page.get_by_role("button", name="Start an empty workout")
    for _ in range(20):
        if start.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(start).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Search exercises")).to_be_focused()
    page.keyboard.type("bench press")
    page.keyboard.press("Enter")
    weight = page.get_by_label(re.compile("^Set 1 weight in"))
    expect(weight).to_be_focused()
    page.keyboard.type("60")
    page.keyboard.press("Enter")
    page.keyboard.type("10")
    page.keyboard.press("Enter")  # to effort
    page.keyboard.press("Tab")  # to the tick
    expect(page.get_by_role("button", name="Set 1 done")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name="Set 1 done")).to_have_attribute("aria-pressed", "true")
    finish = page.get_by_role("button", name="Finish workout")
    for _ in range(40):
        if finish.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(finish).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".banner.ok")).to_contain_text("Saved")
    (workout,) = stored_workouts(lifter)
    assert [(s.load_kg, s.reps) for s in stored_sets(workout)["Bench Press"]] == [(60, 10)]
