"""Double progression and loads from %e1RM, as plain functions (no database)."""

import pytest

from logbook.progression import (
    DoneSet,
    Target,
    double_progression,
    e1rm,
    load_from_percent,
)
from logbook.units import KG_PER_LB

RANGE = Target(sets=3, reps_min=8, reps_max=12, load_kg=60)


def sets(*reps, load=60.0, rpe=8.0, **kw):
    return [DoneSet(reps=r, load_kg=load, rpe=rpe, **kw) for r in reps]


def test_every_set_at_the_top_of_the_range_at_rpe_8_adds_the_smallest_plate():
    suggestion = double_progression(RANGE, sets(12, 12, 12))

    assert (suggestion.load_kg, suggestion.reps, suggestion.progress) == (62.5, 8, True)
    assert "Double progression" in suggestion.rule


def test_in_pounds_the_step_is_five_pounds():
    suggestion = double_progression(RANGE, sets(12, 12, 12), units="lb")

    assert round(suggestion.load_kg - 60, 3) == round(5 * KG_PER_LB, 3)


def test_one_set_short_of_the_top_keeps_the_load_and_aims_for_the_top():
    suggestion = double_progression(RANGE, sets(12, 12, 11))

    assert (suggestion.load_kg, suggestion.reps, suggestion.progress) == (60.0, 12, False)
    assert "Not every set" in suggestion.reason


def test_too_hard_keeps_the_load():
    suggestion = double_progression(RANGE, sets(12, 12, 12, rpe=9.0))

    assert not suggestion.progress
    assert "RPE 8 or less" in suggestion.reason


def test_reps_in_reserve_count_as_effort_and_failure_sets_as_none_in_reserve():
    assert double_progression(RANGE, sets(12, 12, 12, rpe=None, rir=2.0)).progress
    failure = sets(12, 12, rpe=None, rir=2.0) + sets(12, rpe=None, set_type="failure")
    assert not double_progression(RANGE, failure).progress


def test_without_effort_logged_it_asks_for_it_instead_of_guessing():
    suggestion = double_progression(RANGE, sets(12, 12, 12, rpe=None))

    assert not suggestion.progress
    assert "log RPE or RIR" in suggestion.reason


def test_fewer_sets_than_planned_is_not_a_reason_to_progress():
    assert not double_progression(RANGE, sets(12, 12)).progress


def test_warmups_and_lighter_sets_are_left_out():
    done = sets(10, load=20.0, set_type="warmup") + sets(12, 12, 12) + sets(15, load=40.0)

    assert double_progression(RANGE, done).load_kg == 62.5


def test_fixed_reps_progress_at_those_reps():
    suggestion = double_progression(Target(sets=2, reps_min=5), sets(5, 5, load=100, rpe=7.5))

    assert (suggestion.load_kg, suggestion.reps) == (102.5, 5)


def test_no_last_session_or_no_rep_target_gives_no_suggestion():
    assert double_progression(RANGE, []) is None
    assert double_progression(Target(sets=3), sets(12, 12, 12)) is None


def test_e1rm_uses_effort_adjusted_reps_and_skips_long_sets():
    assert e1rm(DoneSet(reps=5, load_kg=100, rpe=8)) == pytest.approx(100 * 36 / (37 - 7))
    assert e1rm(DoneSet(reps=15, load_kg=50, rpe=8)) is None
    assert e1rm(DoneSet(reps=5, load_kg=100)) is None  # no effort: not a maximum


def test_a_percentage_becomes_a_load_the_plates_make_rounded_down():
    done = [DoneSet(reps=5, load_kg=100, rpe=10)]  # e1RM 112.5 (Brzycki, as every page)

    assert load_from_percent(75, done) == 82.5  # 84.4 rounded down to a 2.5 kg step
    assert load_from_percent(75, []) is None
