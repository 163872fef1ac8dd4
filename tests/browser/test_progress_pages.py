"""The progress pages a lifter checks every week, on a 360 px phone and on a desktop: log in
through the login form, open a workout from the dashboard, see its new records, follow the
exercise name to its page (records table, charts, every session), then the records page and
the dashboard's hard sets per muscle group. Each step is saved as a screenshot."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from insights.services import classify_and_store
from tests.browser.helpers import VIEWPORTS, fits, shot
from tests.factories import PASSWORD, ExercisePayload, SetPayload, make_workout


def training_history(user, weeks: int = 10) -> None:
    """Two lifting sessions a week for `weeks` weeks, the squat creeping up, and today's
    session a new best."""
    now = timezone.now()
    for i in range(weeks * 2):
        days_ago = (weeks * 2 - i) * 3.5
        squat = 100 + 2.5 * (i // 2)
        make_workout(
            user,
            title="Lower" if i % 2 else "Upper and squats",
            started_at=(now - timedelta(days=days_ago)).isoformat(),
            exercises=[
                ExercisePayload(
                    exercise="back-squat",
                    sets=[SetPayload(reps=5, load_kg=squat, rpe=8.0) for _ in range(3)],
                ),
                ExercisePayload(
                    exercise="bench-press",
                    sets=[SetPayload(reps=8, load_kg=60.0 + i, rpe=None) for _ in range(3)],
                ),
            ],
        )
    today = make_workout(
        user,
        title="Heavy squat day",
        started_at=(now - timedelta(minutes=90)).isoformat(),
        exercises=[
            ExercisePayload(
                exercise="back-squat",
                sets=[
                    SetPayload(reps=3, load_kg=140.0, rpe=9.0),
                    SetPayload(reps=5, load_kg=125.0),
                ],
            )
        ],
    )
    for w in user.workouts.all():
        classify_and_store(w.pk)
    return today


def log_in_with_the_form(page: Page, user) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("This week")


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_a_lifter_follows_a_new_record_to_the_exercise_and_the_records(
    browser: Browser, base_url, lifter, name
):
    training_history(lifter)
    context = browser.new_context(
        base_url=base_url, viewport=VIEWPORTS[name], locale="en-GB", timezone_id="Europe/London"
    )
    page = context.new_page()
    try:
        log_in_with_the_form(page, lifter)
        hard_sets = page.locator("section.hard-sets")
        expect(hard_sets.locator("svg:visible")).to_have_count(1)  # one drawing per width
        expect(hard_sets).to_contain_text("Quads")
        expect(page.locator("section", has_text="Training load, 8 weeks")).to_contain_text("so far")
        assert fits(page), "the dashboard scrolls sideways"
        shot(page, f"60-{name}-dashboard-charts")

        page.locator("ul.list a.row", has_text="Heavy squat day").click()
        celebrate = page.locator("section.celebrate")
        expect(celebrate).to_contain_text("New personal records")
        expect(celebrate).to_contain_text("Heaviest set: 140 kg")
        shot(page, f"61-{name}-workout-new-records")

        page.locator("main h2").get_by_role("link", name="Back Squat").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Back Squat")
        records = page.locator("table.records-table")
        expect(records.get_by_role("row", name="Heaviest set")).to_contain_text("140 kg")
        expect(records.get_by_role("row", name=re.compile(r"^5 reps"))).to_contain_text("125 kg")
        expect(page.locator("#progress-h + nav + .chart svg:visible")).to_have_count(1)
        sessions = page.locator("ul.sessions > li")
        expect(sessions).to_have_count(20)  # a page of 20, newest first
        expect(sessions.first).to_contain_text("Heavy squat day")
        expect(page.get_by_role("navigation", name="Pages")).to_contain_text("Page 1 of 2")
        assert fits(page), "the exercise page scrolls sideways"
        shot(page, f"62-{name}-exercise-page")

        page.get_by_role("link", name="All time").click()
        expect(page).to_have_url(re.compile(r"range=all"))
        page.get_by_text("The figures by month").click()
        expect(page.locator("details[open] table")).to_be_visible()
        shot(page, f"63-{name}-exercise-all-time")

        page.get_by_role("link", name="← Records").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Records")
        first = page.locator("ul.records-list > li").first
        expect(first).to_contain_text("Back Squat")
        expect(first).to_contain_text("140 kg")
        assert fits(page), "the records page scrolls sideways"
        shot(page, f"64-{name}-records")
    finally:
        context.close()
