"""Every main page, the admin and the API docs (Swagger UI, served by us) load in Chromium
under the Content-Security-Policy without one violation: no inline script or style is
refused, nothing is fetched from elsewhere, and Swagger UI still draws the API."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.helpers import log_in, shot
from tests.factories import PASSWORD, make_workout

# Chromium reports each refusal as a securitypolicyviolation event and on the console.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.lineNumber}`);
});
"""


def watched(page: Page) -> list[str]:
    messages: list[str] = []
    page.on(
        "console",
        lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return messages


def violations(page: Page, console: list[str]) -> list[str]:
    return [*page.evaluate("window.__violations"), *console]


def visit(page: Page, path: str, console: list[str]) -> None:
    response = page.goto(path)
    assert response is not None
    assert response.status < 500, path
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == [], path


@pytest.fixture
def watching(context: BrowserContext, page: Page) -> list[str]:
    context.add_init_script(WATCH)
    return watched(page)


def test_the_main_pages_run_without_a_csp_violation(signed_in: Page, lifter, watching):
    workout = make_workout(lifter, started_at="2026-11-16T07:30:00+00:00")
    exercise = workout.exercises.first().exercise_id
    for path in [
        "/",
        "/workouts/",
        f"/workouts/{workout.pk}/",
        f"/workouts/{workout.pk}/edit/",
        "/workouts/new/",
        "/week/",
        "/week/2026-W47/",
        "/week/2026-W47/email/",
        "/records/",
        "/exercises/",
        f"/exercises/{exercise}/",
        "/routines/",
        "/routines/new/",
        "/imports/",
        "/settings/",
        "/help/",
        "/science/",
        "/log/",
        "/no-such-page/",
    ]:
        visit(signed_in, path, watching)
    shot(signed_in, "csp-log")


def test_the_signed_out_pages_run_without_a_csp_violation(page: Page, live_server, watching):
    for path in ["/", "/accounts/login/", "/signup/", "/accounts/password_reset/"]:
        visit(page, path, watching)


def test_the_admin_runs_without_a_csp_violation(page: Page, live_server, watching):
    get_user_model().objects.create_superuser("boss", "boss@example.com", PASSWORD)
    visit(page, "/admin/login/", watching)
    page.fill("#id_username", "boss")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#user-tools")).to_contain_text("boss")
    for path in ["/admin/", "/admin/logbook/workout/", "/admin/auth/user/1/change/"]:
        visit(page, path, watching)


def test_swagger_ui_draws_the_api_under_the_policy(
    context: BrowserContext, page: Page, lifter, base_url, watching
):
    log_in(context, lifter, base_url)
    visit(page, "/api/v1/docs/", watching)
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Myolog API")
    expect(page.locator(".opblock").first).to_be_visible()
    page.locator(".opblock-summary").first.click()
    page.wait_for_load_state("networkidle")
    assert violations(page, watching) == []
    shot(page, "csp-api-docs")
