"""A whole strength session logged live on a phone, as a Strong or Hevy user would: repeat
last week's workout, tick each set, let the rest countdown run (the actual rest lands on
each set), change a weight, use every kind of field, finish — the server holds it all."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.logger import (
    add_exercise,
    draft,
    exercise,
    field,
    open_logger,
    phone_shot,
    sets_of,
    stored_sets,
    stored_workouts,
    tick,
)
from tests.factories import ExercisePayload, SetPayload, make_workout


def last_week(lifter):
    started = (timezone.now() - timedelta(days=7)).isoformat()
    return make_workout(
        lifter,
        title="Squat day",
        started_at=started,
        exercises=[
            ExercisePayload(
                exercise="back-squat", sets=[SetPayload(load_kg=100, reps=5, rpe=8, rest_s=180)] * 3
            ),
            ExercisePayload(
                exercise="bench-press", sets=[SetPayload(load_kg=80, reps=8, rpe=8, rest_s=120)] * 2
            ),
        ],
    )


def test_a_whole_session_live_with_rest_recorded_on_every_set(signed_in: Page, lifter):
    page = signed_in
    last_week(lifter)
    page.clock.install()
    open_logger(page)
    page.clock.pause_at(timezone.now() + timedelta(seconds=2))  # time moves only when told
    expect(page.get_by_role("heading", level=1)).to_have_text("Start a workout")
    phone_shot(page, "log-01-start")

    page.get_by_role("button", name=re.compile(r"^Repeat Squat day")).click()
    squat = exercise(page, "Back Squat")
    expect(squat.locator(".set")).to_have_count(3)
    # Every set prefilled, the first too, with last time's set beside it.
    expect(field(page, "Back Squat", 1, "weight")).to_have_value("100")
    expect(field(page, "Back Squat", 1, "reps")).to_have_value("5")
    expect(squat.get_by_role("button", name=re.compile("^Use last time's set 1"))).to_have_text(
        "100×5"
    )
    phone_shot(page, "log-02-repeat-prefilled")

    tick(page, "Back Squat", 1)
    rest = page.locator("#restbar")
    expect(rest).to_be_visible()
    expect(page.locator("#rest-left")).to_have_text("3:00")  # last time's rest, per exercise
    page.clock.run_for(30_000)
    expect(page.locator("#rest-left")).to_have_text("2:30")
    expect(rest).to_contain_text("Next: Back Squat · 100 kg × 5")
    phone_shot(page, "log-03-resting")
    page.get_by_role("button", name="15 seconds more rest").click()
    expect(page.locator("#rest-left")).to_have_text("2:45")
    page.get_by_role("button", name="15 seconds less rest").click()
    page.clock.run_for(120_000)  # 2:30 after the tick
    tick(page, "Back Squat", 2)

    field(page, "Back Squat", 3, "weight").fill("102.5")
    page.clock.run_for(200_000)
    tick(page, "Back Squat", 3)
    page.clock.run_for(60_000)
    page.get_by_role("button", name="Skip the rest").click()
    expect(rest).to_be_hidden()
    assert [s["restS"] for s in sets_of(draft(page), "Back Squat")] == [150, 200, 60]

    # Bench: a tempo and slow lowering in the set's options, then one more set.
    bench = exercise(page, "Bench Press")
    bench.get_by_role("button", name=re.compile("^Set 1: Working")).click()
    bench.get_by_label("Tempo").fill("3-1-1-0")
    bench.get_by_label("Slow lowering (eccentric emphasis)").check()
    phone_shot(page, "log-04-set-options")
    tick(page, "Bench Press", 1)
    page.clock.run_for(90_000)
    tick(page, "Bench Press", 2)
    bench.get_by_role("button", name="+ Add set").click()
    expect(field(page, "Bench Press", 3, "weight")).to_be_focused()
    expect(field(page, "Bench Press", 3, "weight")).to_have_value("80")
    field(page, "Bench Press", 3, "reps").fill("6")
    field(page, "Bench Press", 3, "rpe").select_option("9.5")
    page.clock.run_for(95_000)
    tick(page, "Bench Press", 3)

    # A new exercise comes with one set row; supersets are linked exercises.
    add_exercise(page, "barbell row", "Barbell Row")
    row = exercise(page, "Barbell Row")
    expect(row.locator(".set")).to_have_count(1)
    expect(field(page, "Barbell Row", 1, "weight")).to_be_focused()
    field(page, "Barbell Row", 1, "weight").fill("60")
    field(page, "Barbell Row", 1, "reps").fill("10")
    page.get_by_role("button", name="More for Bench Press").click()
    page.get_by_role("button", name="Superset with Barbell Row").click()
    expect(page.locator(".superset")).to_contain_text("Superset A")
    page.clock.run_for(40_000)
    tick(page, "Barbell Row", 1)

    # A timed set, a note on an exercise, the session's details.
    add_exercise(page, "plank")
    field(page, "Plank", 1, "time").fill("1:15")
    page.clock.run_for(60_000)
    tick(page, "Plank", 1)
    page.get_by_role("button", name="More for Back Squat").click()
    page.get_by_role("button", name="Add a note").click()
    page.get_by_label("Note on Back Squat").fill("belt from set 2")
    page.get_by_role("button", name=re.compile("^Session details")).click()
    page.get_by_label("Session effort (0–10)").select_option("8")
    page.get_by_label("Trained fasted").check()
    page.get_by_label("Notes").fill("Knees felt good.")
    page.get_by_label("Average heart rate (bpm)").fill("118")
    phone_shot(page, "log-05-before-finish")

    page.clock.run_for(30_000)
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator(".banner.ok")).to_contain_text("Saved: “Squat day”")
    phone_shot(page, "log-06-saved")

    saved = stored_workouts(lifter)
    assert len(saved) == 2  # last week's and today's
    workout = saved[-1]
    assert workout.source == "web"
    assert workout.external_id.startswith("log-")
    sets = stored_sets(workout)
    assert [(s.load_kg, s.reps, s.rest_s) for s in sets["Back Squat"]] == [
        (100, 5, 150),
        (100, 5, 200),
        (102.5, 5, 60),
    ]
    bench_sets = sets["Bench Press"]
    assert (bench_sets[0].tempo, bench_sets[0].eccentric_emphasis) == ("3-1-1-0", True)
    assert [(s.reps, s.rpe) for s in bench_sets] == [(8, 8), (8, 8), (6, 9.5)]
    assert [s.rest_s for s in bench_sets] == [90, 95, 40]  # the last one until the superset's row
    entries = {e.exercise.name: e for e in workout.exercises.all()}
    assert entries["Bench Press"].superset == entries["Barbell Row"].superset is not None
    assert entries["Back Squat"].superset is None
    assert sets["Plank"][0].duration_s == 75
    assert (workout.session_rpe, workout.fasted, workout.avg_hr) == (8, True, 118)
    assert workout.notes == "Knees felt good.\n\nBack Squat: belt from set 2"
    assert 725 <= workout.duration_s <= 735  # the clock's 12:05 and a few seconds of taps

    page.get_by_role("link", name="See it and its insight").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Squat day")
