"""Offline in a basement gym: the logger keeps working, survives a reload without a
connection, keeps the finished workout "waiting to upload", and sends it when the
connection is back — saved exactly once, with every set, even when an answer is lost."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from logbook.models import IdempotencyRecord
from tests.browser.helpers import log_in
from tests.browser.logger import (
    add_exercise,
    draft,
    exercise,
    field,
    open_logger,
    phone_shot,
    stored_sets,
    stored_workouts,
    tick,
    wait_offline_ready,
)
from tests.factories import ExercisePayload, SetPayload, make_workout


def history(lifter):
    return make_workout(
        lifter,
        title="Pull day",
        started_at=(timezone.now() - timedelta(days=3)).isoformat(),
        exercises=[
            ExercisePayload(exercise="deadlift", sets=[SetPayload(load_kg=140, reps=5)] * 3),
            ExercisePayload(exercise="pull-up", sets=[SetPayload(load_kg=0, reps=8)] * 2),
        ],
    )


def test_offline_mid_workout_reload_finish_then_online_saves_exactly_one_copy(
    signed_in: Page, context: BrowserContext, lifter
):
    page = signed_in
    page.on("dialog", lambda dialog: dialog.accept())  # "Leave site?" on reload
    history(lifter)
    open_logger(page)
    wait_offline_ready(page)
    page.get_by_role("button", name=re.compile(r"^Repeat Pull day")).click()
    tick(page, "Deadlift", 1)

    context.set_offline(True)
    expect(page.locator("#net")).to_have_text("Offline")
    tick(page, "Deadlift", 2)
    field(page, "Deadlift", 3, "weight").fill("145")
    tick(page, "Deadlift", 3)
    exercise(page, "Deadlift").get_by_role("button", name="+ Add set").click()
    field(page, "Deadlift", 4, "reps").fill("3")
    add_exercise(page, "plank")  # the catalog is on the phone: search works offline
    field(page, "Plank", 1, "time").fill("0:45")
    phone_shot(page, "log-10-offline-logging")

    page.reload()  # no connection: the service worker serves the logger
    expect(page.locator("#net")).to_have_text("Offline")
    expect(exercise(page, "Deadlift").locator(".set.done")).to_have_count(3)
    expect(field(page, "Deadlift", 3, "weight")).to_have_value("145")
    expect(field(page, "Plank", 1, "time")).to_have_value("0:45")
    phone_shot(page, "log-11-offline-after-reload")

    tick(page, "Deadlift", 4)
    tick(page, "Plank", 1)
    tick(page, "Pull-Up", 1)
    tick(page, "Pull-Up", 2)
    page.get_by_role("button", name="Finish workout").click()
    waiting = page.locator(".banner.wait")
    expect(waiting).to_contain_text("Waiting to upload: “Pull day”")
    expect(waiting).to_contain_text("7 sets, kept on this phone")
    phone_shot(page, "log-12-offline-waiting-to-upload")
    assert len(stored_workouts(lifter)) == 1  # only the earlier one: nothing reached the server

    context.set_offline(False)
    expect(page.locator(".banner.ok")).to_contain_text("Saved: “Pull day”", timeout=15_000)
    expect(waiting).to_have_count(0)
    phone_shot(page, "log-13-back-online-saved")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start a workout")

    saved = stored_workouts(lifter)
    assert len(saved) == 2
    sets = stored_sets(saved[-1])
    assert [(s.load_kg, s.reps) for s in sets["Deadlift"]] == [
        (140, 5),
        (140, 5),
        (145, 5),
        (145, 3),
    ]
    assert [s.duration_s for s in sets["Plank"]] == [45]
    assert len(sets["Pull-Up"]) == 2


def test_a_lost_answer_and_an_expired_key_still_save_only_once(new_context, lifter, base_url):
    # Without the service worker, so that the test can stand between the page and the server.
    context = new_context(service_workers="block")
    log_in(context, lifter, base_url)
    page = context.new_page()
    history(lifter)
    open_logger(page)
    page.get_by_role("button", name=re.compile(r"^Repeat Pull day")).click()
    for n in (1, 2, 3):
        tick(page, "Deadlift", n)
    tick(page, "Pull-Up", 1)
    tick(page, "Pull-Up", 2)
    draft_id = draft(page)["id"]

    lost = []

    def lose_the_answer(route):
        route.fetch()  # the server saves the workout…
        lost.append(route.request.headers["idempotency-key"])
        route.abort("connectionreset")  # …and the phone never hears back

    page.route("**/api/v1/workouts/", lose_the_answer)
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator(".banner.wait")).to_contain_text(
        "uploads by itself when you're back online"
    )
    assert lost == [draft_id]
    assert len(stored_workouts(lifter)) == 2  # it did arrive
    outbox_key = f"myolog:v1:{lifter.pk}:outbox"
    kept = page.evaluate("(key) => localStorage.getItem(key)", outbox_key)
    page.unroute("**/api/v1/workouts/")

    page.get_by_role("button", name="Try now").click()  # the same key: the first answer again
    expect(page.locator(".banner.ok")).to_contain_text("Saved: “Pull day”")
    assert len(stored_workouts(lifter)) == 2

    # Days later the server has forgotten the key and the phone sends the same workout again
    # (say, from a backup of its storage): a 409 naming the workout, taken as "already saved".
    IdempotencyRecord.objects.all().delete()
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [outbox_key, kept])
    page.reload()
    expect(page.locator(".banner.ok")).to_contain_text("Saved: “Pull day”")
    expect(page.locator(".banner.wait")).to_have_count(0)
    saved = stored_workouts(lifter)
    assert len(saved) == 2
    assert page.evaluate("(key) => localStorage.getItem(key)", outbox_key) == "[]"
    link = page.get_by_role("link", name="See it and its insight")
    expect(link).to_have_attribute("href", f"/workouts/{saved[-1].pk}/")


def test_signed_out_the_workout_waits_for_sign_in_then_uploads(
    signed_in: Page, context: BrowserContext, lifter, base_url
):
    page = signed_in
    history(lifter)
    open_logger(page)
    page.get_by_role("button", name=re.compile(r"^Repeat Pull day")).click()
    tick(page, "Deadlift", 1)
    context.clear_cookies()  # the session ended (expired, or signed out in another tab)
    page.get_by_role("button", name="Finish workout").click()
    expect(page.locator("#sheet")).to_contain_text("4 sets have numbers but aren't ticked.")
    page.get_by_role("button", name="Leave them out and save").click()
    waiting = page.locator(".banner.wait")
    expect(waiting).to_contain_text("You're signed out")
    login = waiting.get_by_role("link", name="Log in")
    expect(login).to_have_attribute("href", "/accounts/login/?next=/log/")
    phone_shot(page, "log-14-signed-out-waiting")
    assert len(stored_workouts(lifter)) == 1

    log_in(context, lifter, base_url)
    open_logger(page)
    expect(page.locator(".banner.ok")).to_contain_text("Saved: “Pull day”")
    saved = stored_workouts(lifter)
    assert len(saved) == 2
    assert {name: len(sets) for name, sets in stored_sets(saved[-1]).items()} == {"Deadlift": 1}
