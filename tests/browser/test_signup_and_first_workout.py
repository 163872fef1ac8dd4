"""A new lifter signs up on a phone and logs a strength session: the exercise is found by
typing, "+ Add set" adds a row in place (htmx) with the last numbers copied, and saving shows
the sets and the insight card."""

from playwright.sync_api import Page, expect

from logbook.models import Profile
from tests.browser.helpers import mark_page, same_document, shot


def test_sign_up_then_log_a_strength_session_and_see_its_insight(page: Page):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Log every set")
    shot(page, "01-landing")

    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    # The browser's own zone is preselected by app.js (the context runs in Europe/London).
    expect(page.get_by_label("Time zone")).to_have_value("Europe/London")
    page.get_by_label("Username").fill("newlifter")
    page.get_by_label("Email", exact=True).fill("newlifter@example.com")
    page.get_by_label("Units").select_option("kg")
    page.get_by_label("Time zone").select_option("Europe/Berlin")
    page.get_by_label("Password", exact=True).fill("a long passphrase 42")
    page.get_by_label("Password confirmation").fill("a long passphrase 42")
    shot(page, "02-signup-filled")
    page.get_by_role("button", name="Sign up").click()

    # The dashboard, signed in, with the welcome message.
    expect(page).to_have_url("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("This week")
    expect(page.get_by_role("status")).to_contain_text("Welcome to Myolog")
    profile = Profile.objects.get(user__username="newlifter")
    assert (profile.units, profile.time_zone) == ("kg", "Europe/Berlin")
    shot(page, "03-dashboard-empty")

    page.get_by_role("link", name="Log a workout").click()
    expect(page.get_by_role("heading", name="Log a workout")).to_be_visible()
    shot(page, "04-workout-form-new")
    page.get_by_label("Title").fill("Squat day")
    page.get_by_label("Duration").fill("45")
    page.get_by_label("Session effort").select_option("8")

    # Search as you type: the suggestions narrow to what was typed.
    name = page.locator("#ex-0-name")
    name.press_sequentially("back sq", delay=20)
    options = page.locator("#exercise-names option")
    expect(options.first).to_have_attribute("value", "Back Squat")
    assert options.count() < 10
    name.fill("Back Squat")  # what choosing the suggestion does

    page.get_by_label("Set 1 reps").fill("5")
    page.get_by_label("Set 1 load in kg").fill("100")
    page.locator("#ex-0-set-0-rpe").select_option("8")

    mark_page(page)
    add_set = page.get_by_role("button", name="+ Add set")
    add_set.click()
    expect(page.get_by_label("Set 2 reps")).to_have_value("5")
    add_set.click()
    expect(page.get_by_label("Set 3 reps")).to_have_value("5")
    expect(page.get_by_label("Set 3 load in kg")).to_have_value("100")
    expect(page.locator("#ex-0-set-2-rpe")).to_have_value("8")
    assert same_document(page), "adding a set reloaded the whole page instead of swapping rows"
    expect(page.get_by_label("Title")).to_have_value("Squat day")  # nothing else was lost
    shot(page, "05-workout-form-with-sets")

    page.get_by_role("button", name="Save workout").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Squat day")
    expect(page.get_by_role("status")).to_contain_text("Workout saved")
    sets = page.locator("section", has=page.get_by_role("heading", name="Back Squat"))
    expect(sets.locator("tbody tr")).to_have_count(3)
    expect(sets.locator("tbody tr").first).to_contain_text("100")

    card = page.locator("section", has=page.get_by_role("heading", name="What kind of session"))
    expect(card.locator(".badge").first).to_be_visible()
    expect(card.locator(".badge").first).not_to_be_empty()
    expect(card.locator(".ev").first).to_be_visible()
    references = card.locator("details").first
    expect(references.locator("li").first).to_be_hidden()
    references.locator("summary").click()
    expect(references).to_have_attribute("open", "")
    expect(references.locator("li").first).to_be_visible()
    expect(card).to_contain_text("not medical advice")
    shot(page, "06-workout-detail-strength")
