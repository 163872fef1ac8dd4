"""Chromium's own installability check passes for the logger: manifest, icons, a service
worker that controls the page; and every page offers the same app. Checked in a persistent
(non-incognito) profile, as a phone's browser is: Chromium never installs from incognito."""

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.helpers import PHONE, log_in
from tests.browser.logger import open_logger, phone_shot, wait_offline_ready


@pytest.fixture
def profile(browser_type, browser_type_launch_args, base_url, lifter, tmp_path):
    context = browser_type.launch_persistent_context(
        str(tmp_path / "profile"), **browser_type_launch_args, viewport=PHONE, base_url=base_url
    )
    log_in(context, lifter, base_url)
    yield context
    context.close()


def installability_errors(page: Page, context: BrowserContext) -> list:
    cdp = context.new_cdp_session(page)
    return cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]


def test_chromium_finds_the_logger_installable(profile: BrowserContext):
    page = profile.pages[0] if profile.pages else profile.new_page()
    open_logger(page)
    wait_offline_ready(page)
    assert installability_errors(page, profile) == []
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert manifest["start_url"] == "/log/"
    phone_shot(page, "log-40-installable")


def test_the_dashboard_is_installable_too_and_registers_the_same_worker(profile: BrowserContext):
    page = profile.pages[0] if profile.pages else profile.new_page()
    page.goto("/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    assert installability_errors(page, profile) == []
