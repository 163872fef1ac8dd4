"""The import page sends a big file in chunks with a progress bar readable on a 360 px
phone: a chunk whose request is cut is sent again, a lost connection waits to be back, and
after a reload the same file resumes where the server's bytes end; each ends on the job's
page with every workout imported once. The chunk size is lowered so a small file takes
several chunks."""

import pytest
from playwright.sync_api import Browser, Route, expect

from logbook.models import ImportJob, ImportUpload, Workout
from tests.browser.helpers import NARROW, fits, shot, signed_in_context

WORKOUTS = 24
CHUNK = 200
HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
)


def hevy(workouts: int) -> str:
    """One squat set a day, a workout each."""
    rows = [
        f"Day {day},{day} Apr 2026 17:18,,,Squat (Barbell),,,0,normal,100,5,,,8\n"
        for day in range(1, workouts + 1)
    ]
    return HEADER + "".join(rows)


@pytest.fixture(autouse=True)
def small_chunks(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IMPORT_UPLOAD_CHUNK_BYTES = CHUNK


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "hevy-export.csv"
    path.write_text(hevy(WORKOUTS))
    return path


def cut_chunks(page, drop) -> list[str]:
    """Every chunk request's Content-Range, in order; `drop(n)` says whether the n-th (from 1)
    loses its connection."""
    sent: list[str] = []

    def chunk(route: Route):
        if route.request.method == "PUT":
            sent.append(route.request.headers["content-range"])
            if drop(len(sent)):
                return route.abort("internetdisconnected")
        return route.continue_()

    page.route("**/api/v1/imports/uploads/*/", chunk)
    return sent


def remembered(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('myolog-upload:'))")


def test_a_cut_chunk_and_a_lost_connection_do_not_stop_the_upload(
    browser: Browser, base_url, lifter, export
):
    size = export.stat().st_size
    chunks = -(-size // CHUNK)
    assert chunks >= 5
    context = signed_in_context(browser, base_url, lifter, NARROW)
    page = context.new_page()
    sent = cut_chunks(page, lambda n: n == 3)  # the connection drops during the third
    try:
        page.goto("/imports/")
        page.get_by_label("File", exact=True).set_input_files(export)
        page.get_by_role("button", name="Import", exact=True).click()
        note = page.locator("[data-upload-note]")
        expect(note).to_contain_text("Trying again")
        context.set_offline(True)
        expect(note).to_contain_text("You are offline")
        progress = page.locator("#upload-progress")
        expect(progress).to_be_visible()
        expect(progress).to_contain_text(f" of {size / 1024:.1f} KB (")
        assert fits(page), "the upload's progress scrolls sideways on a 360 px phone"
        shot(page, "80-phone-upload-offline")
        context.set_offline(False)

        expect(page.get_by_role("heading", level=1)).to_have_text("Import of hevy-export.csv")
        expect(page.locator("#import-progress")).to_contain_text(f"{WORKOUTS} workouts added")
        assert remembered(page) == []
    finally:
        context.close()
    assert len(sent) == chunks + 1  # the cut one again, no other twice
    assert sent[3] == sent[2]
    assert ImportJob.objects.filter(user=lifter).count() == 1
    assert Workout.objects.filter(user=lifter).count() == WORKOUTS


def test_after_a_reload_the_same_file_resumes_where_it_stopped(
    browser: Browser, base_url, lifter, export
):
    context = signed_in_context(browser, base_url, lifter, NARROW)
    page = context.new_page()
    cut = {"on": True}
    sent = cut_chunks(page, lambda n: cut["on"] and n > 2)  # gone after two, until the reload
    try:
        page.goto("/imports/")
        page.get_by_label("File", exact=True).set_input_files(export)
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.locator("[data-upload-note]")).to_contain_text("Trying again")
        page.reload()
        page.get_by_label("File", exact=True).set_input_files(export)
        offer = page.locator("#upload-resume")
        expect(offer).to_contain_text("stopped at")
        expect(offer).to_contain_text(f"({100 * 2 * CHUNK // export.stat().st_size}%)")
        shot(page, "81-phone-upload-resume")
        cut["on"] = False
        resumed_from = len(sent)
        page.get_by_role("button", name="Import", exact=True).click()
        expect(page.locator("#import-progress")).to_contain_text(f"{WORKOUTS} workouts added")
    finally:
        context.close()
    assert sent[resumed_from].startswith(f"bytes {2 * CHUNK}-")
    assert ImportJob.objects.filter(user=lifter).count() == 1
    assert ImportUpload.objects.filter(user=lifter).count() == 1
    assert Workout.objects.filter(user=lifter).count() == WORKOUTS
