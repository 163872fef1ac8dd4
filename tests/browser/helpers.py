"""Helpers for the browser tests: screenshots, signing in, and a few page checks."""

import re
from pathlib import Path

from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page

PHONE = {"width": 390, "height": 844}  # every page
NARROW = {"width": 360, "height": 740}  # the narrowest phone the app supports
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": NARROW, "desktop": DESKTOP}  # parametrize over these: ids are the keys
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def shot(page: Page, name: str) -> Path:
    """Save the whole page as test-artifacts/screenshots/<name>.png. Scrolled to the end first,
    so a sticky footer (the form's save bar) is drawn where it rests, not mid-page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(context: BrowserContext, user, base_url: str) -> None:
    """Sign `user` in by handing the browser a session cookie (no login-page round trip)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}]
    )


def mark_page(page: Page) -> None:
    """Tag the current document; `same_document` tells whether a later check still sees it."""
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def signed_in_context(browser: Browser, base_url: str, user, viewport: dict, **options):
    """A fresh browser context of this size (in English, in London), signed in as `user`."""
    context = browser.new_context(
        base_url=base_url,
        viewport=viewport,
        locale="en-GB",
        timezone_id="Europe/London",
        **options,
    )
    log_in(context, user, base_url)
    return context


def fits(page: Page) -> bool:
    """The page does not scroll sideways."""
    return page.evaluate(
        "document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1"
    )
