"""The science pages in Chromium: the index, a page for every molecule, kind of session and
modifier, each with its popular claim, the research's verdicts and linked references; reached
from a workout's notes and from the week page."""

import pytest
from playwright.sync_api import Page, expect

from insights.science_pages import PAGES
from tests.browser.helpers import shot
from tests.factories import make_workout

EXERKINES = ["il-6", "igf-1", "myostatin", "irisin", "bdnf", "fgf21"]
KINDS = ["heavy-resistance", "high-volume", "hiit", "endurance", "general-activity"]


def test_the_index_lists_every_page_and_works_without_signing_in(page: Page):
    page.goto("/science/")
    expect(page.get_by_role("heading", level=1)).to_have_text("The science behind the notes")
    for slug, science_page in PAGES.items():
        expect(page.get_by_role("link", name=science_page.title, exact=True)).to_have_attribute(
            "href", f"/science/{slug}/"
        )
    shot(page, "science-index")


@pytest.mark.parametrize("slug", EXERKINES)
def test_every_molecule_has_its_claim_verdicts_sessions_and_linked_references(page: Page, slug):
    page.goto(f"/science/{slug}/")
    for heading in (
        "The popular claim",
        "What the research says, and how strongly",
        "Sessions it relates to",
        "References",
    ):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(page.locator(".ev").first).to_be_visible()  # a verdict is shown
    refs = page.locator("ol.refs li")
    assert refs.count() >= 2
    expect(page.locator("ol.refs a[href^='https://']").first).to_be_visible()
    # A citation marker jumps to its reference.
    page.locator("sup a").first.click()
    assert page.url.split("#")[1].startswith("ref-")
    shot(page, f"science-{slug}")


@pytest.mark.parametrize("slug", KINDS)
def test_every_kind_of_session_says_how_myolog_recognises_it(page: Page, slug):
    page.goto(f"/science/{slug}/")
    expect(page.get_by_role("heading", name="How Myolog recognises it")).to_be_visible()
    expect(page.get_by_role("heading", name="What kinds of session relate")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Educational, not medical advice.")
    shot(page, f"science-{slug}")


def test_endurance_il6_is_strong_only_for_long_sessions_on_its_page(page: Page):
    page.goto("/science/il-6/")
    research = page.locator(
        "section", has=page.get_by_role("heading", name="What the research says, and how strongly")
    )
    expect(research).to_contain_text("sessions of about an hour or more")
    expect(research).to_contain_text("sessions under about an hour")
    long = research.locator("p", has_text="sessions of about an hour or more")
    short = research.locator("p", has_text="sessions under about an hour")
    expect(long.locator(".ev")).to_have_text("strong")
    expect(short.locator(".ev")).to_have_text("moderate")


def test_a_workouts_note_links_to_its_molecules_page(signed_in: Page, lifter):
    workout = make_workout(lifter, title="Squat day")  # 3 × 5 at RPE 8
    page = signed_in
    page.goto(f"/workouts/{workout.pk}/")
    note = page.locator(".note", has_text="IL-6").first
    note.get_by_role("link", name="What the research says about IL-6, in full →").click()
    expect(page).to_have_url(f"{page.url.split('/science/')[0]}/science/il-6/")
    expect(page.get_by_role("heading", level=1)).to_have_text("IL-6")
    shot(page, "science-from-a-note")


def test_the_week_page_links_how_a_week_is_read(signed_in: Page, lifter):
    page = signed_in
    page.goto("/week/")
    page.get_by_role("link", name="How Myolog reads a week").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How Myolog reads a week")
    expect(page.get_by_role("heading", name="The WHO guideline")).to_be_visible()
    shot(page, "science-week")
