"""Helpers for the live logger's browser tests: opening it, finding sets, reading the draft
the page keeps, and what the server holds."""

import re

from playwright.sync_api import Locator, Page, expect

from logbook.models import Workout
from tests.browser.helpers import SCREENSHOTS

LOG = "/log/"


def open_logger(page: Page, path: str = LOG) -> None:
    """Open the logger and wait until it has the user's data (from the server or the device)."""
    page.goto(path)
    page.wait_for_function("() => window.myologLogger && window.myologLogger.user !== null")


def wait_offline_ready(page: Page) -> None:
    """The service worker controls the page and keeps the logger: it works offline now."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_function("async () => Boolean(await caches.match('/log/'))")


def exercise(page: Page, name: str) -> Locator:
    return page.get_by_role("region", name=name, exact=True)


def tick(page: Page, name: str, n: int | str) -> None:
    button = exercise(page, name).get_by_role("button", name=f"Set {n} done", exact=True)
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


def field(page: Page, name: str, n: int | str, what: str) -> Locator:
    labels = {
        "weight": f"Set {n} weight in",
        "reps": f"Set {n} reps$",
        "rpe": f"Set {n} RPE",
        "time": f"Set {n} time",
        "distance": f"Set {n} distance",
    }
    text = labels[what]
    pattern = "^" + re.escape(text.rstrip("$")) + ("$" if text.endswith("$") else "")
    return exercise(page, name).get_by_label(re.compile(pattern))


def draft(page: Page) -> dict:
    return page.evaluate("JSON.parse(JSON.stringify(window.myologLogger.draft))")


def sets_of(draft_: dict, name: str) -> list[dict]:
    return next(e for e in draft_["exercises"] if e["name"] == name)["sets"]


def add_exercise(page: Page, query: str, pick: str | None = None) -> None:
    page.get_by_role("button", name="+ Add exercise").click()
    search = page.get_by_label("Search exercises")
    search.fill(query)
    if pick:
        page.locator("#sheet").get_by_role(
            "button", name=re.compile("^" + re.escape(pick))
        ).first.click()
    else:
        search.press("Enter")
    expect(page.locator("#sheet")).not_to_be_visible()


def stored_workouts(user) -> list[Workout]:
    return list(Workout.objects.alive().with_details().filter(user=user).order_by("id"))


def stored_sets(workout: Workout) -> dict[str, list]:
    return {e.exercise.name: list(e.sets.all()) for e in workout.exercises.all()}


def phone_shot(page: Page, name: str) -> None:
    """The screen as the lifter sees it (the viewport, where it is scrolled to), saved as
    test-artifacts/screenshots/<name>.png; the logger's bars are sticky and fixed, so a
    whole-page picture would draw them in the middle."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
