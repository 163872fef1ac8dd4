"""The live logger asks "did you mean Back Squat?" before a typed name becomes the lifter's
own exercise; choosing it adds the catalog exercise, "no" still creates the typed one."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.logger import exercise, open_logger, phone_shot

pytestmark = pytest.mark.browser


def test_a_near_catalog_name_asks_before_creating_one(signed_in: Page):
    page = signed_in
    open_logger(page)
    page.get_by_role("button", name="Start an empty workout").click()  # opens the search
    page.get_by_label("Search exercises").fill("Romainan deadlift")
    sheet = page.locator("#sheet")
    expect(sheet.locator(".did-you-mean")).to_have_text("Did you mean Romanian Deadlift?")
    expect(sheet.get_by_role("button", name="No, create “Romainan deadlift”")).to_be_visible()
    phone_shot(page, "log-80-did-you-mean")
    sheet.locator(".did-you-mean").get_by_role("button", name="Romanian Deadlift").click()
    expect(exercise(page, "Romanian Deadlift")).to_be_visible()

    page.get_by_role("button", name="+ Add exercise").click()
    page.get_by_label("Search exercises").fill("Zottman curl")
    expect(sheet.locator(".did-you-mean")).to_have_count(0)  # close to nothing: no question
    sheet.get_by_role("button", name="Create “Zottman curl” as your own exercise").click()
    expect(exercise(page, "Zottman curl")).to_be_visible()
