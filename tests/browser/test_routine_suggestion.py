"""A routine's progression suggestion on a 360 px phone and a desktop: after a session with
every set at the top of the rep range at RPE 8 or less, the routine's page suggests more
weight with its rule, and "Start with the suggestions" opens the logger with that weight."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from logbook import services
from logbook.schema import clean_routine
from tests.browser.helpers import VIEWPORTS, fits, shot, signed_in_context
from tests.browser.logger import field
from tests.factories import ExercisePayload, SetPayload, make_workout


@pytest.mark.parametrize("name", list(VIEWPORTS))
def test_the_routine_suggests_more_weight_and_the_logger_takes_it(
    browser: Browser, base_url, lifter, name
):
    routine = services.save_routine(
        lifter,
        clean_routine(
            {
                "name": "Lower A",
                "exercises": [{"exercise": "back-squat", "sets": 3, "reps_min": 5, "reps_max": 8}],
            }
        ),
    )
    make_workout(
        lifter,
        title="Lower A",
        started_at=(timezone.now() - timedelta(days=2)).isoformat(),
        exercises=[
            ExercisePayload(
                exercise="back-squat",
                sets=[SetPayload(reps=8, load_kg=100.0, rpe=7.0) for _ in range(3)],
            )
        ],
    )
    context = signed_in_context(browser, base_url, lifter, VIEWPORTS[name])
    page = context.new_page()
    try:
        page.goto(f"/routines/{routine.pk}/")
        suggestion = page.locator(".note.suggestion")
        expect(suggestion).to_contain_text("Suggestion: add weight")
        expect(suggestion).to_contain_text("Rule:")
        text = suggestion.inner_text()
        load = re.search(r"add weight: ([\d.]+) kg × (\d+)", text)
        assert load, text
        assert float(load.group(1)) > 100
        assert fits(page), "the routine page scrolls sideways"
        shot(page, f"76-{name}-routine-suggestion")

        page.get_by_role("link", name="Start with the suggestions").click()
        expect(page).to_have_url(re.compile(r"/log/\?routine=\d+&suggested=1"))
        expect(field(page, "Back Squat", 1, "weight")).to_have_value(load.group(1))
        expect(field(page, "Back Squat", 1, "reps")).to_have_value(load.group(2))
        shot(page, f"77-{name}-logger-with-the-suggestion")
    finally:
        context.close()
