"""A mistyped address on a 360 px phone and a desktop: a styled 404 page with the site's
navigation and ways back, signed in or not."""

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.helpers import VIEWPORTS, fits, shot, signed_in_context


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_a_missing_page_is_styled_with_the_navigation_and_a_way_home(
    browser: Browser, base_url, lifter, name
):
    context = signed_in_context(browser, base_url, lifter, VIEWPORTS[name])
    page = context.new_page()
    try:
        response = page.goto("/no/such/page/")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(page.get_by_role("navigation", name="Main")).to_contain_text("History")
        card = page.locator("main section.card")
        assert card.evaluate("e => getComputedStyle(e).borderRadius") == "10px"  # app.css
        assert fits(page), "the 404 page scrolls sideways"
        shot(page, f"76-{name}-not-found")
        card.get_by_role("link", name="History").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("History")

        page.goto(f"/workouts/{10**9}/")  # somebody's (or nobody's) workout: the same page
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        card.get_by_role("link", name="Home").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("This week")
    finally:
        context.close()


def test_a_signed_out_visitor_gets_the_page_with_log_in(browser: Browser, base_url):
    context = browser.new_context(base_url=base_url, viewport=VIEWPORTS["phone"])
    page = context.new_page()
    try:
        assert page.goto("/nothing-here/").status == 404
        expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        expect(page.get_by_role("navigation", name="Main")).to_contain_text("Log in")
        shot(page, "76-phone-not-found-signed-out")
    finally:
        context.close()
