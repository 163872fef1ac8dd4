"""Browser tests: real headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright
against Django's live server. Every page a test visits is saved as a PNG under
test-artifacts/screenshots/ (git-ignored; CI keeps the folder).

Playwright's sync API keeps an asyncio loop running in the test thread from start to stop, and
Django's ORM refuses to run in a thread with a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE is
set (it is safe here: the loop never awaits Django). pytest-playwright starts Playwright once
per session; here it lives per package instead, so the loop and that variable exist only while
this folder's tests run: the rest of the suite never sees them (`check --deploy` rejects the
variable, and `asyncio.run` fails under a running loop)."""

import os
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from logbook.catalog import sync_catalog
from tests.browser.helpers import PHONE, log_in
from tests.factories import UserFactory

CHROMIUM = "/usr/bin/chromium"
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
HERE = Path(__file__).resolve().parent
ON_CI = os.environ.get("CI", "").lower() == "true"
MISSING = (
    f"Chromium is not installed at {CHROMIUM}; the browser tests need it "
    "(apt-get install -y chromium; .ci/run does this on CI)."
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            if not Path(CHROMIUM).exists() and not ON_CI:
                item.add_marker(pytest.mark.skip(reason=MISSING))


@pytest.fixture(scope="package", autouse=True)
def _chromium_present():
    """On CI a missing browser is a failure, not a quiet skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"CI=true: {MISSING}", pytrace=False)


# --- pytest-playwright's fixtures, per package (see the module docstring) ---------------------


@pytest.fixture(scope="package")
def playwright(_chromium_present, _pw_api_request_contexts):
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    pw = sync_playwright().start()
    if _pw_api_request_contexts:
        _pw_api_request_contexts.instrument(pw)
    yield pw
    pw.stop()
    if previous is None:
        os.environ.pop(ASYNC_UNSAFE, None)
    else:
        os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="package")
def browser_type(playwright, browser_name):
    return getattr(playwright, browser_name)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="package")
def launch_browser(browser_type_launch_args, browser_type):
    return lambda **options: browser_type.launch(**{**browser_type_launch_args, **options})


@pytest.fixture(scope="package")
def browser(launch_browser):
    browser = launch_browser()
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def base_url(live_server):
    """Pages are addressed by path: page.goto("/workouts/")."""
    return live_server.url


@pytest.fixture(scope="package")
def browser_context_args(base_url):
    """Every page: a 390×844 phone, in English, in London."""
    return {
        "base_url": base_url,
        "viewport": PHONE,
        "locale": "en-GB",
        "timezone_id": "Europe/London",
    }


# --- Data and users ----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _catalog(live_server):
    """`live_server` makes tests transactional, and the flush between them empties the
    exercise catalog its data migration seeded: put it back."""
    sync_catalog()


@pytest.fixture(autouse=True)
def _server_idle_before_flush(live_server):
    """The live server's request threads share the test's in-memory SQLite connection, so a
    request still being answered when the test ends (a sync the page sent as it closed) makes
    the flush between tests fail. Set up before the page, this waits, after the page has
    closed, for those threads to end (bounded: a connection a test left open gives up after
    10 s and the flush goes ahead)."""
    yield
    deadline = time.monotonic() + 10
    for thread in threading.enumerate():
        # Python names a thread after its target: "Thread-N (process_request_thread)".
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=max(0.0, deadline - time.monotonic()))


@pytest.fixture
def lifter(live_server):
    return UserFactory()


@pytest.fixture
def signed_in(page: Page, context: BrowserContext, lifter, base_url) -> Page:
    """A page whose browser is signed in as `lifter`."""
    log_in(context, lifter, base_url)
    return page
