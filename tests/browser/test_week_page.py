"""The week page after a lift and a run: the sessions, the WHO minutes with their bar, the
kinds-of-training and daily-load bars; and the email preview renders the same week."""

from django.utils import timezone
from playwright.sync_api import Page, expect

from insights import reports
from insights.weekly import week_bounds
from insights.weekly_email import email_context
from tests.browser.helpers import shot
from tests.factories import make_workout


def this_week_moments(user, count: int) -> list[str]:
    """Moments inside the user's current week and before now."""
    start, _ = week_bounds(reports.current_week(user), reports.user_zone(user))
    now = timezone.now()
    return [(start + (now - start) * (i + 1) / (count + 1)).isoformat() for i in range(count)]


def test_the_week_shows_sessions_who_minutes_and_bars_and_the_email_preview(
    signed_in: Page, lifter
):
    lift, run = this_week_moments(lifter, 2)
    make_workout(lifter, started_at=lift, title="Squat day")
    make_workout(
        lifter,
        started_at=run,
        title="Tempo run",
        activity="run",
        duration_s=40 * 60,
        session_rpe=7.0,
        avg_hr=160,
        distance_m=8000,
        exercises=[],
    )
    report = email_context(lifter, reports.current_week(lifter))["report"]
    who = report["minutes"]["who_equivalent"]
    assert who > 0, "the run should count toward the WHO minutes"

    page = signed_in
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("This week")
    recent = page.locator("section", has=page.get_by_role("heading", name="Recent workouts"))
    expect(recent.locator("a.row")).to_have_count(2)  # two workouts (their exercises link too)
    expect(recent.get_by_role("link", name="All workouts")).to_be_visible()
    expect(recent.locator("a.row").first).to_contain_text("Tempo run")
    shot(page, "09-dashboard-with-sessions")

    page.get_by_role("link", name="Week", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("This week")
    body = page.locator("main .week-report")
    expect(body).to_contain_text("2 sessions")
    expect(body).to_contain_text(f"{who} of 150 aerobic minutes")
    # Bars: one per kind of training trained this week, the WHO bar, and seven daily bars.
    kinds = page.locator("main .card h2", has_text="Kinds of training").locator("xpath=..")
    expect(kinds.locator("td[width]")).to_have_count(
        sum(1 for n in report["modalities"].values() if n)
    )
    who_bar = page.locator("main .card h2", has_text="Toward the WHO guideline").locator("xpath=..")
    bar_width = who_bar.locator("td[width]").get_attribute("width")
    assert bar_width == f"{min(100, round(100 * who / 150))}%"
    load = page.locator("main .card h2", has_text="Training load").locator("xpath=..")
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        expect(load.get_by_text(day, exact=True)).to_be_visible()
    shot(page, "10-week")

    page.get_by_role("link", name="Preview this week's email").click()
    expect(page.get_by_text("2 sessions")).to_be_visible()
    expect(page.get_by_text(f"{who} of 150 aerobic minutes", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Unsubscribe")).to_be_visible()
    shot(page, "11-week-email-preview")

    page.go_back()
    page.get_by_role("link", name="← Previous week").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Week ")
    expect(page.locator("main .week-report")).to_contain_text("0 sessions")
    shot(page, "12-week-previous")
