"""What lifters expect beside the sets: the plate calculator for their bar and plates (kg or
lb), a warm-up ramp for the first working set, last time's and the best set one tap away,
timed and distance sets, intervals with pace, RPE or RIR, undo instead of "are you sure",
and a rest alarm that vibrates, sounds and notifies when the app is in the background."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from logbook.models import Profile
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


def squat_history(lifter):
    make_workout(
        lifter,
        title="Old PR",
        started_at=(timezone.now() - timedelta(days=30)).isoformat(),
        exercises=[
            ExercisePayload(exercise="back-squat", sets=[SetPayload(load_kg=140, reps=2, rpe=9.5)])
        ],
    )
    make_workout(
        lifter,
        title="Legs",
        started_at=(timezone.now() - timedelta(days=3)).isoformat(),
        exercises=[
            ExercisePayload(
                exercise="back-squat",
                sets=[
                    SetPayload(load_kg=120, reps=5, rpe=8),
                    SetPayload(load_kg=110, reps=8, rpe=8),
                ],
            )
        ],
    )


def test_plates_warm_up_previous_and_best(signed_in: Page, lifter):
    squat_history(lifter)
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()
    page.get_by_label("Search exercises").fill("back squat")
    page.get_by_label("Search exercises").press("Enter")
    squat = exercise(page, "Back Squat")
    expect(field(page, "Back Squat", 1, "weight")).to_have_value("120")  # last time's first set

    page.get_by_role("button", name="Plate calculator for Back Squat").click()
    sheet = page.locator("#sheet")
    expect(sheet.get_by_label("Target (kg)")).to_have_value("120")
    expect(sheet.get_by_role("status")).to_contain_text("Each side: 2 × 25 kg")
    sheet.get_by_label("Target (kg)").fill("101")
    expect(sheet).to_contain_text("100 kg is as close as your plates get (1 kg short)")
    sheet.get_by_label("Target (kg)").fill("142.5")
    expect(sheet.get_by_role("status")).to_contain_text("Each side: 2 × 25 + 10 + 1.25 kg")
    phone_shot(page, "log-70-plate-calculator")
    sheet.get_by_label("25", exact=True).uncheck()  # this gym has no 25s
    expect(sheet.get_by_role("status")).to_contain_text("Each side: 3 × 20 + 1.25 kg")
    sheet.get_by_label("25", exact=True).check()
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Warm-up sets for Back Squat").click()
    expect(sheet.get_by_label("First working set (kg)")).to_have_value("120")
    expect(sheet.locator("ol.ramp li")).to_have_text(
        ["20 kg × 10", "47.5 kg × 5", "70 kg × 3", "95 kg × 2"]
    )
    phone_shot(page, "log-71-warm-up-ramp")
    sheet.get_by_role("button", name="Add 4 warm-up sets").click()
    expect(squat.locator(".setno")).to_have_text(["W", "W", "W", "W", "1"])

    # Last time's set beside this one, one tap to take it; the best set one tap away.
    squat.get_by_role("button", name="+ Add set").click()
    field(page, "Back Squat", 2, "weight").fill("100")
    squat.get_by_role("button", name=re.compile("^Use last time's set 2")).click()
    expect(field(page, "Back Squat", 2, "weight")).to_have_value("110")
    expect(field(page, "Back Squat", 2, "reps")).to_have_value("8")
    squat.get_by_role("button", name=re.compile("^Best set and last time")).click()
    expect(sheet).to_contain_text("140 kg × 2 · RPE 9.5")
    expect(sheet).to_contain_text("120 kg × 5 · RPE 8")
    phone_shot(page, "log-72-best-and-last")
    sheet.get_by_role("button", name="Put the best set in the next set").click()
    expect(field(page, "Back Squat", "warm-up 1", "weight")).to_have_value("140")


def test_timed_distance_sets_and_intervals_with_pace_in_miles(signed_in: Page, lifter):
    Profile.objects.filter(user=lifter).update(units="lb")
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()
    page.get_by_label("Search exercises").fill("farmers carry")
    page.locator("#sheet").get_by_role("button", name=re.compile("^Farmer")).first.click()
    carry = page.locator(".exercise").first
    carry_name = carry.get_by_role("heading").inner_text()
    expect(carry.locator(".set-row.head")).to_contain_text("yd")
    field(page, carry_name, 1, "weight").fill("70")
    field(page, carry_name, 1, "distance").fill("40")
    tick(page, carry_name, 1)
    add_exercise(page, "plank")
    field(page, "Plank", 1, "time").fill("1:30")
    tick(page, "Plank", 1)
    page.get_by_role("button", name="+ Intervals").click()
    page.get_by_label("Interval 1 time (m:ss)").fill("8:00")
    page.get_by_label("Interval 1 distance in mi").fill("1")
    page.get_by_label("Interval 1 average heart rate (bpm)").fill("165")
    expect(page.locator(".intervals")).to_contain_text("Pace 8:00 /mi")
    page.get_by_role("button", name="+ Recovery").click()
    page.get_by_label("Interval 2 time (m:ss)").fill("2:00")
    page.get_by_role("button", name="Repeat last two").click()
    expect(page.locator(".interval")).to_have_count(4)
    phone_shot(page, "log-73-timed-distance-intervals")
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator(".banner.ok")).to_contain_text("Saved")
    (workout,) = stored_workouts(lifter)
    sets = stored_sets(workout)
    carried = sets[carry_name][0]
    assert (round(carried.load_kg, 2), round(carried.distance_m, 2)) == (31.75, 36.58)
    assert sets["Plank"][0].duration_s == 90
    intervals = list(workout.intervals.all())
    assert [(i.kind, i.duration_s) for i in intervals] == [
        ("work", 480),
        ("recovery", 120),
        ("work", 480),
        ("recovery", 120),
    ]
    assert round(intervals[0].distance_m) == 1609
    assert intervals[0].avg_hr == 165


def test_effort_as_reps_in_reserve_and_set_types(signed_in: Page, lifter):
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()
    page.get_by_label("Search exercises").fill("bench press")
    page.get_by_label("Search exercises").press("Enter")
    page.get_by_role("button", name="Logger settings").click()
    page.get_by_label("Effort as").select_option("rir")
    page.keyboard.press("Escape")
    field(page, "Bench Press", 1, "weight").fill("60")
    field(page, "Bench Press", 1, "reps").fill("12")
    exercise(page, "Bench Press").get_by_label("Set 1 reps in reserve").select_option("2")
    exercise(page, "Bench Press").get_by_role("button", name=re.compile("^Set 1: Working")).click()
    exercise(page, "Bench Press").get_by_label("Set type").select_option("dropset")
    expect(exercise(page, "Bench Press").locator(".setno")).to_have_text(["D"])
    tick(page, "Bench Press", "D")
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator(".banner.ok")).to_contain_text("Saved")
    (workout,) = stored_workouts(lifter)
    s = stored_sets(workout)["Bench Press"][0]
    assert (s.rir, s.rpe, s.set_type) == (2, None, "dropset")


def test_removing_offers_undo_and_discarding_asks(signed_in: Page, lifter):
    squat_history(lifter)
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name=re.compile("^Repeat Legs")).click()
    squat = exercise(page, "Back Squat")
    squat.get_by_role("button", name=re.compile("^Set 2: Working")).click()
    squat.get_by_role("button", name="Remove set 2").click()
    expect(squat.locator(".set")).to_have_count(1)
    expect(page.locator(".toast")).to_contain_text("Set removed.")
    phone_shot(page, "log-74-undo")
    page.get_by_role("button", name="Undo").click()
    expect(squat.locator(".set")).to_have_count(2)
    expect(field(page, "Back Squat", 2, "weight")).to_have_value("110")

    page.get_by_role("button", name="More for Back Squat").click()
    page.get_by_role("button", name="Remove Back Squat").click()
    expect(page.locator(".exercise")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(squat.locator(".set")).to_have_count(2)

    page.get_by_role("button", name="Discard workout").click()
    expect(page.locator("#sheet")).to_contain_text("Discard this workout?")
    phone_shot(page, "log-75-discard-asks")
    page.get_by_role("button", name="Keep logging").click()
    expect(squat).to_be_visible()
    page.get_by_role("button", name="Discard workout").click()
    page.locator("#sheet").get_by_role("button", name="Discard workout").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start a workout")
    page.get_by_role("button", name="Undo").click()
    expect(squat.locator(".set")).to_have_count(2)


ALERTS = """
  window.__alerts = {vibrate: [], notifications: [], tones: 0};
  navigator.vibrate = (pattern) => { window.__alerts.vibrate.push(pattern); return true; };
  const tone = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    window.__alerts.tones += 1;
    return tone.call(this);
  };
  ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
    window.__alerts.notifications.push([title, options.body]); return Promise.resolve();
  };
  Object.defineProperty(document, "hidden", {get: () => Boolean(window.__hidden)});
"""


def test_the_rest_alarm_vibrates_sounds_and_notifies_in_the_background(
    signed_in: Page, context: BrowserContext, lifter, base_url
):
    squat_history(lifter)
    context.grant_permissions(["notifications"], origin=base_url)
    page = signed_in
    page.add_init_script(ALERTS)
    page.clock.install()
    open_logger(page)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.clock.pause_at(timezone.now() + timedelta(seconds=2))
    page.get_by_role("button", name="Logger settings").click()
    page.get_by_label("Show a notification when the app is in the background").check()
    expect(
        page.get_by_label("Show a notification when the app is in the background")
    ).to_be_checked()
    page.keyboard.press("Escape")
    page.get_by_role("button", name=re.compile("^Repeat Legs")).click()
    tick(page, "Back Squat", 1)
    page.evaluate("window.__hidden = true")
    page.clock.run_for(181_000)
    page.wait_for_function("() => window.__alerts.notifications.length > 0")
    alerts = page.evaluate("window.__alerts")
    assert alerts["vibrate"] == [[250, 120, 250]]
    assert alerts["tones"] == 3
    assert alerts["notifications"] == [["Rest is over", "Next: Back Squat · 110 kg × 8"]]
    page.evaluate("window.__hidden = false")
    expect(page.locator("#restbar")).to_contain_text("Rest over")
    expect(page.locator("#rest-left")).to_have_text(re.compile(r"^\+0:0\d$"))
    phone_shot(page, "log-76-rest-over")
    assert sets_of(draft(page), "Back Squat")[0]["done"] is True
