"""The history a lifter scans, on a 360 px phone and a desktop: the month calendar marks each
workout by its kind's letter and its days link to their workouts, the text search finds a
note, the filters stay in the URL, and the calendar steps between months."""

import re

import pytest
from playwright.sync_api import Browser, expect

from insights.services import classify_and_store
from tests.browser.helpers import VIEWPORTS, fits, shot, signed_in_context
from tests.factories import make_workout


def october(user) -> None:
    make_workout(user, title="Heavy squats", started_at="2026-10-06T12:00:00+00:00")
    make_workout(
        user,
        title="Knee-friendly legs",
        notes="Left knee a bit sore, went lighter",
        started_at="2026-10-14T12:00:00+00:00",
    )
    make_workout(
        user,
        title="Easy run",
        activity="run",
        exercises=[],
        duration_s=2400,
        session_rpe=4,
        started_at="2026-10-21T12:00:00+00:00",
    )
    make_workout(user, title="September squats", started_at="2026-09-15T12:00:00+00:00")
    for w in user.workouts.all():
        classify_and_store(w.pk)


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_the_calendar_and_search_find_a_workout(browser: Browser, base_url, lifter, name):
    october(lifter)
    context = signed_in_context(browser, base_url, lifter, VIEWPORTS[name])
    page = context.new_page()
    rows = page.locator("main ul.list a.row")
    try:
        page.goto("/workouts/?month=2026-10")
        calendar = page.locator("section.calendar")
        expect(calendar.get_by_role("heading", level=2)).to_have_text("October 2026")
        expect(calendar.locator("caption")).to_contain_text("3 workouts in October 2026")
        expect(calendar.locator("a.day")).to_have_count(3)
        expect(calendar.locator("a.day .mark")).to_have_count(3)
        expect(calendar.locator("ul.legend")).to_contain_text("Not classified yet")
        assert fits(page), "the history scrolls sideways"
        for badge in page.locator("main ul.list a.row .badge").all():  # whole, inside the card
            assert badge.evaluate("e => e.scrollWidth <= e.clientWidth"), badge.inner_text()
        shot(page, f"70-{name}-history-calendar")

        calendar.get_by_role("link", name=re.compile(r"^Wed 14 Oct: Knee-friendly legs")).click()
        expect(page).to_have_url(re.compile(r"from=2026-10-14.*to=2026-10-14"))
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("Knee-friendly legs")

        page.get_by_role("link", name="Clear").click()
        page.get_by_label("Search titles and notes").fill("knee")
        page.get_by_role("button", name="Filter").click()
        expect(page).to_have_url(re.compile(r"q=knee"))
        expect(page.get_by_label("Search titles and notes")).to_have_value("knee")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("Knee-friendly legs")
        expect(rows.first).to_contain_text("lifted")  # the workout's tonnage
        shot(page, f"71-{name}-history-search")

        page.get_by_label("Search titles and notes").fill("nothing like this")
        page.get_by_role("button", name="Filter").click()
        expect(page.locator("main ul.list")).to_contain_text("No workouts yet.")

        page.goto("/workouts/?month=2026-10")
        page.get_by_role("link", name="Previous month").click()
        expect(page.locator("section.calendar h2")).to_have_text("September 2026")
        expect(page.locator("section.calendar a.day")).to_have_count(1)
        assert fits(page)
    finally:
        context.close()
