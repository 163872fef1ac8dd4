"""The live logger's exercise search filters by muscle and equipment, as /exercises/ does:
with nothing typed it lists the catalog's matches; typing ranks within them."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.logger import exercise, open_logger, phone_shot

pytestmark = pytest.mark.browser


def test_filters_narrow_the_search(signed_in: Page):
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()  # opens the search
    sheet = page.locator("#sheet")
    sheet.get_by_label("Muscle").select_option("chest")
    sheet.get_by_label("Equipment").select_option("dumbbell")
    expect(sheet.locator(".hint")).to_have_text("In the catalog:")
    picks = sheet.locator(".pick-list button.pick")
    expect(picks.first).to_contain_text("dumbbell")
    assert all("dumbbell" in t for t in picks.all_inner_texts())
    page.get_by_label("Search exercises").fill("bench")
    expect(picks.first).to_contain_text("Dumbbell Bench Press")
    assert all("barbell" not in t for t in picks.all_inner_texts())
    phone_shot(page, "log-81-picker-filters")
    picks.first.click()
    expect(exercise(page, "Dumbbell Bench Press")).to_be_visible()
