"""Export and import from the web app on a 360 px phone and a desktop: the navigation leads
to the Import and export page, Download CSV and Download JSON save the user's workouts, a
Hevy file uploaded there shows its job's result and the rows it left out, and the downloaded
CSV imported back adds nothing."""

import json

import pytest
from playwright.sync_api import Browser, expect

from logbook.models import Workout
from tests.browser.helpers import VIEWPORTS, fits, shot, signed_in_context
from tests.factories import make_workout
from tests.logbook.test_import_api import HEVY


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_download_both_files_import_one_and_see_the_result(
    browser: Browser, base_url, lifter, name, tmp_path
):
    make_workout(lifter, title="Squat day", started_at="2026-10-06T07:00:00+00:00")
    make_workout(lifter, title="Pull day", started_at="2026-10-08T07:00:00+00:00")
    context = signed_in_context(browser, base_url, lifter, VIEWPORTS[name], accept_downloads=True)
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Import/export"
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Import and export")
        assert fits(page), "the import and export page scrolls sideways"
        shot(page, f"78-{name}-import-export")

        with page.expect_download() as csv_download:
            page.get_by_role("button", name="Download CSV").click()
        assert csv_download.value.suggested_filename.endswith(".csv")
        csv_file = tmp_path / "export.csv"
        csv_download.value.save_as(csv_file)
        text = csv_file.read_text()
        assert "Squat day" in text
        assert "Pull day" in text

        with page.expect_download() as json_download:
            page.get_by_role("button", name="Download JSON").click()
        exported = json.loads(json_download.value.path().read_text())
        assert sorted(w["title"] for w in exported["workouts"]) == ["Pull day", "Squat day"]

        hevy = tmp_path / "hevy.csv"
        hevy.write_text(HEVY)
        page.get_by_label("File", exact=True).set_input_files(hevy)
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Import of hevy.csv")
        result = page.locator("#import-progress")
        expect(result).to_contain_text("2 workouts added, 0 updated, 0 already there")
        expect(result.get_by_role("table")).to_contain_text("Row")  # the rows left out
        assert fits(page), "the import result scrolls sideways"
        shot(page, f"79-{name}-import-result")

        page.get_by_role("link", name="← Imports").click()
        page.get_by_label("File", exact=True).set_input_files(csv_file)
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.locator("#import-progress")).to_contain_text(
            "0 workouts added, 0 updated, 2 already there"
        )
        assert Workout.objects.filter(user=lifter).count() == 4
    finally:
        context.close()
