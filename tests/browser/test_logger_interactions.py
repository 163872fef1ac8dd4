"""How much it takes to log a repeat of a 4-exercise, 16-set session, counted by driving the
logger with nothing but counted taps and typed fields (issue 14's figure; written to
test-artifacts/logger-interactions.json and printed). Target: one tap per set plus start
and finish when nothing changed."""

import json
import re
from datetime import timedelta
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import SCREENSHOTS
from tests.browser.logger import exercise, open_logger, phone_shot, stored_sets, stored_workouts
from tests.factories import ExercisePayload, SetPayload, make_workout

EXERCISES = {"back-squat": 100, "bench-press": 80, "barbell-row": 70, "overhead-press": 50}
NAMES = ["Back Squat", "Bench Press", "Barbell Row", "Overhead Press"]
RESULTS = Path(SCREENSHOTS).parent / "logger-interactions.json"


class Counted:
    """Every interaction goes through here: a tap is a click, a typed field is a fill."""

    def __init__(self) -> None:
        self.taps = 0
        self.typed = 0

    def tap(self, target: Locator) -> None:
        self.taps += 1
        target.click()

    def type(self, target: Locator, text: str) -> None:
        self.typed += 1
        target.fill(text)


def last_session(lifter):
    make_workout(
        lifter,
        title="Full body",
        started_at=(timezone.now() - timedelta(days=3)).isoformat(),
        exercises=[
            ExercisePayload(
                exercise=slug, sets=[SetPayload(load_kg=load, reps=5, rpe=8, rest_s=120)] * 4
            )
            for slug, load in EXERCISES.items()
        ],
    )


def log_repeat(page: Page, counted: Counted, heavier_by: float = 0) -> None:
    open_logger(page)
    page.clock.pause_at(timezone.now() + timedelta(seconds=2))  # time moves only when told
    counted.tap(page.get_by_role("button", name=re.compile("^Repeat Full body")))
    for name, load in zip(NAMES, EXERCISES.values(), strict=True):
        card = exercise(page, name)
        if heavier_by:
            counted.type(
                card.get_by_label(re.compile("^Set 1 weight in")), f"{load + heavier_by:g}"
            )
        for n in range(1, 5):
            counted.tap(card.get_by_role("button", name=f"Set {n} done", exact=True))
            page.clock.run_for(90_000)
    counted.tap(page.get_by_role("button", name="Finish workout"))
    expect(page.locator(".banner.ok")).to_contain_text("Saved")


def record(key: str, counted: Counted) -> None:
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[key] = {"taps": counted.taps, "typed_fields": counted.typed, "sets": 16}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\n{key}: {counted.taps} taps, {counted.typed} typed fields for 16 sets")


def test_a_repeat_where_nothing_changed_is_one_tap_a_set_plus_start_and_finish(
    signed_in: Page, lifter
):
    last_session(lifter)
    page = signed_in
    page.clock.install()
    counted = Counted()
    log_repeat(page, counted)
    record("repeat_unchanged", counted)
    phone_shot(page, "log-60-repeat-unchanged-saved")
    assert (counted.taps, counted.typed) == (16 + 2, 0)
    sets = stored_sets(stored_workouts(lifter)[-1])
    assert [[s.load_kg for s in sets[n]] for n in NAMES] == [
        [load] * 4 for load in EXERCISES.values()
    ]
    assert all(s.rest_s == 90 for n in NAMES for s in sets[n][:3])


def test_a_repeat_with_every_load_up_2_5_kg_types_one_field_an_exercise(signed_in: Page, lifter):
    last_session(lifter)
    page = signed_in
    page.clock.install()
    counted = Counted()
    log_repeat(page, counted, heavier_by=2.5)
    record("repeat_plus_2_5_kg", counted)
    assert (counted.taps, counted.typed) == (16 + 2, 4)
    sets = stored_sets(stored_workouts(lifter)[-1])
    assert [[s.load_kg for s in sets[n]] for n in NAMES] == [
        [load + 2.5] * 4 for load in EXERCISES.values()
    ]
