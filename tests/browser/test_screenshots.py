"""The pages the flows in the other files don't pass through, each used for what it is for and
saved as a screenshot: logging in, history and its filters, tokens, password change and
reset by email, and the signed email links (preferences, unsubscribe, a broken link)."""

import re

from playwright.sync_api import Page, expect

from insights.weekly_email import email_token
from logbook.models import Profile
from tests.browser.helpers import shot
from tests.factories import PASSWORD, UserFactory, make_workout


def test_log_in_then_history_filters_tokens_and_password_change(page: Page, lifter):
    make_workout(lifter, title="Squat day", started_at="2026-10-05T07:30:00+01:00")
    make_workout(
        lifter,
        title="Easy run",
        activity="run",
        duration_s=1800,
        session_rpe=4.0,
        started_at="2026-10-07T18:00:00+01:00",
        exercises=[],
    )

    page.goto("/workouts/")  # signed out: sent to the login page, then back
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    shot(page, "20-login")
    page.get_by_label("Username").fill(lifter.username)
    page.get_by_label("Password").fill("not it")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("password")
    expect(page.get_by_label("Username")).to_have_value(lifter.username)  # kept for the retry
    shot(page, "21-login-error")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("History")
    rows = page.locator("main ul.list > li")
    expect(rows).to_have_count(2)
    shot(page, "22-history")
    page.get_by_label("Exercise").fill("squat")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Squat day")
    expect(page).to_have_url(re.compile(r"exercise=squat"))
    shot(page, "23-history-filtered")

    page.get_by_role("link", name="Settings").click()
    page.get_by_label("Token name").fill("my watch")
    page.get_by_role("button", name="Create token").click()
    token = page.locator("#new-token")
    expect(token).to_have_text(re.compile(r"\S{20,}"))
    shot(page, "24-settings-token-created")
    page.goto("/settings/")  # shown once
    expect(page.locator("#new-token")).to_have_count(0)
    page.get_by_role("button", name="Revoke my watch").click()
    expect(page.get_by_role("status")).to_contain_text("Token revoked")

    page.get_by_role("link", name="Change password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change password")
    shot(page, "25-password-change")
    page.get_by_role("button", name=re.compile(f"Log out {lifter.username}")).click()
    expect(page.get_by_role("link", name="Sign up")).to_be_visible()


def test_password_reset_by_email_lets_the_user_choose_a_new_password(page: Page, mailoutbox):
    user = UserFactory(email="forgetful@example.com")
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    shot(page, "26-password-reset")
    page.get_by_label("Email").fill(user.email)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    shot(page, "27-password-reset-sent")

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/reset/\S+/", mailoutbox[0].body).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    shot(page, "28-password-reset-choose")
    page.get_by_label("New password").fill("brand new passphrase 7")
    page.get_by_label("Again").fill("brand new passphrase 7")
    page.get_by_role("button", name="Set password").click()
    expect(page.locator("h1")).to_be_visible()
    shot(page, "29-password-reset-complete")
    user.refresh_from_db()
    assert user.check_password("brand new passphrase 7")


def test_signed_email_links_change_preferences_and_unsubscribe_without_logging_in(
    page: Page, lifter
):
    token = email_token(lifter)
    page.goto(f"/email/preferences/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Weekly summary email")
    page.get_by_label("Day").select_option(label="Friday")
    page.get_by_label(re.compile(r"^Hour")).select_option(label="18:00")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("Saved")
    shot(page, "30-email-preferences-saved")
    profile = Profile.objects.get(user=lifter)
    assert (profile.weekly_email_day, profile.weekly_email_hour) == (5, 18)

    page.goto(f"/email/unsubscribe/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop the weekly summary?")
    shot(page, "31-unsubscribe-ask")
    assert Profile.objects.get(user=lifter).weekly_email_enabled is True  # a GET only asks
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're unsubscribed")
    shot(page, "32-unsubscribed")
    assert Profile.objects.get(user=lifter).weekly_email_enabled is False

    page.goto(f"/email/unsubscribe/{token[:-3]}xyz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link isn't valid")
    shot(page, "33-email-link-invalid")
