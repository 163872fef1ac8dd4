"""The pure feature functions: e1RM formulas, hard sets, volume, rests, bouts, minutes, load
and the assumptions stated when data is missing (docs/science.md 2a and 3a)."""

import pytest

from insights.features import (
    ExerciseData,
    IntervalData,
    SessionData,
    SetData,
    best_e1rm,
    compute_features,
    predicted_max_reps,
)
from logbook.strength import brzycki, epley, estimate_1rm

# --- Builders --------------------------------------------------------------------------------


def s(reps=None, kg=None, **kw):
    return SetData(reps=reps, load_kg=kg, **kw)


def lift(key, *sets, muscles=("quads",), mechanic="compound"):
    return ExerciseData(
        key=key, kind="resistance", mechanic=mechanic, primary_muscles=muscles, sets=sets
    )


def features(*exercises, e1rm=None, **kw):
    return compute_features(
        SessionData(activity="strength", exercises=exercises, best_e1rm_kg=e1rm or {}, **kw)
    )


def only_set(*sets, e1rm=100.0):
    """The one working set of a squat session with an e1RM history of `e1rm` kg."""
    (judged,) = features(lift("back-squat", *sets), e1rm={"back-squat": e1rm}).lift_sets
    return judged


def work(secs, hr=None, rpe=None):
    return IntervalData("work", secs, hr, rpe)


def rec(secs):
    return IntervalData("recovery", secs)


def steady(secs, hr=None, rpe=None):
    return IntervalData("steady", secs, hr, rpe)


# --- e1RM formulas ---------------------------------------------------------------------------


def test_epley_is_load_times_one_plus_reps_over_30():
    assert epley(100, 5) == pytest.approx(116.667, abs=1e-3)
    assert epley(100, 0) == 100


def test_brzycki_is_load_times_36_over_37_minus_reps():
    assert brzycki(100, 5) == pytest.approx(112.5)
    assert brzycki(100, 1) == pytest.approx(100)


def test_epley_and_brzycki_agree_exactly_at_10_reps_and_nowhere_near_5():
    assert epley(100, 10) == pytest.approx(brzycki(100, 10)) == pytest.approx(400 / 3)
    assert epley(100, 5) - brzycki(100, 5) > 4


def test_predicted_max_reps_inverts_epley():
    assert predicted_max_reps(0.75) == pytest.approx(10)
    assert predicted_max_reps(100 / epley(100, 6)) == pytest.approx(6)
    assert predicted_max_reps(1.0) == 0
    assert predicted_max_reps(0) == float("inf")


def test_estimate_1rm_adds_reps_in_reserve_to_the_reps():
    assert estimate_1rm(100, 5, 2) == pytest.approx(brzycki(100, 7))
    assert estimate_1rm(100, 5, 2) > estimate_1rm(100, 5, 0) == pytest.approx(brzycki(100, 5))


def test_estimate_1rm_without_rir_takes_the_set_as_to_failure():
    assert estimate_1rm(100, 5, None) == estimate_1rm(100, 5, 0)


def test_estimate_1rm_of_a_single_at_failure_is_the_load():
    assert estimate_1rm(140, 1, None) == 140
    assert estimate_1rm(140, 1, 0) == 140


def test_estimate_1rm_switches_to_epley_beyond_10_effective_reps():
    assert estimate_1rm(60, 12, None) == pytest.approx(epley(60, 12))
    assert estimate_1rm(100, 8, 3) == pytest.approx(epley(100, 11))


@pytest.mark.parametrize(("rpe", "rir"), [(10, 0), (9, 1), (8, 2), (7.5, 2.5), (7, 3), (6, 4)])
def test_rpe_converts_to_rir_as_ten_minus_rpe(rpe, rir):
    assert only_set(s(5, 80, rpe=rpe)).rir == rir


def test_logged_rir_wins_over_rpe():
    assert only_set(s(5, 80, rpe=9, rir=3)).rir == 3


def test_e1rm_uses_rpe_through_rir():
    f = features(lift("bench-press", s(5, 100, rpe=8)))
    assert f.e1rm_kg["bench-press"] == pytest.approx(estimate_1rm(100, 5, 2))


# --- e1RM per exercise -----------------------------------------------------------------------


def test_e1rm_prefers_sets_of_10_reps_or_fewer_even_when_a_high_rep_set_estimates_more():
    f = features(lift("back-squat", s(5, 100, rir=0), s(20, 70, rir=0)))
    assert epley(70, 20) > brzycki(100, 5)
    assert f.e1rm_kg["back-squat"] == pytest.approx(brzycki(100, 5))
    assert f.e1rm_low_confidence == ()


def test_e1rm_from_only_high_rep_sets_is_marked_low_confidence():
    f = features(
        lift("leg-press", s(15, 200, rir=0), s(12, 210, rir=0)), lift("back-squat", s(5, 100))
    )
    assert f.e1rm_kg["leg-press"] == pytest.approx(max(epley(200, 15), epley(210, 12)))
    assert f.e1rm_low_confidence == ("leg-press",)


def test_e1rm_skips_bodyweight_sets_and_zero_rep_attempts():
    f = features(lift("pull-up", s(8, rir=1), s(0, 20)), lift("back-squat", s(5, 100)))
    assert "pull-up" not in f.e1rm_kg


def test_a_session_without_effort_or_history_has_no_e1rm_from_its_own_sets():
    # Issue 15: sets logged without effort are never read as if taken to failure to judge
    # their own session; the formulas need reps to failure (docs/science.md 2a notes).
    f = features(lift("back-squat", s(5, 100), s(5, 100)))
    assert f.e1rm_kg == {}
    assert f.no_estimate == ("back-squat",)
    assert all(x.pct_e1rm is None and not x.heavy for x in f.lift_sets)


def test_best_e1rm_can_take_only_the_sets_with_effort_or_only_the_others():
    exercises = (lift("back-squat", s(5, 100), s(5, 90, rpe=8)),)
    assert best_e1rm(exercises, effort=True)[0] == {"back-squat": pytest.approx(108)}
    assert best_e1rm(exercises, effort=False)[0] == {"back-squat": pytest.approx(112.5)}
    assert best_e1rm(exercises)[0] == {"back-squat": pytest.approx(112.5)}


@pytest.mark.parametrize(("history", "expected"), [(150.0, 150.0), (100.0, 112.5)])
def test_e1rm_is_the_best_of_history_and_this_sessions_logged_effort(history, expected):
    f = features(lift("back-squat", s(5, 100, rpe=10)), e1rm={"back-squat": history})
    assert f.e1rm_kg["back-squat"] == pytest.approx(expected)
    assert f.lift_sets[0].pct_e1rm == pytest.approx(100 / expected)
    assert f.e1rm_source["back-squat"] == ("history" if history > 112.5 else "today")


def test_lower_bounds_from_sets_without_effort_only_make_a_load_lighter():
    # 60 kg at RPE 8 estimates 72 kg; last week's 5 × 100 kg without effort shows at least
    # 112.5 kg, so today's 60 kg is at most 53%: not heavy.
    session = SessionData(
        activity="strength",
        exercises=(lift("back-squat", s(5, 60, rpe=8)),),
        floor_e1rm_kg={"back-squat": 112.5},
    )
    (judged,) = compute_features(session).lift_sets
    assert judged.pct_e1rm == pytest.approx(60 / 112.5)
    assert not judged.heavy
    alone = SessionData(activity="strength", floor_e1rm_kg={"back-squat": 112.5})
    assert compute_features(alone).e1rm_kg == {}


def test_a_missed_attempt_caps_the_days_1rm():
    f = features(lift("back-squat", s(1, 140), s(1, 150), s(0, 157.5)))
    assert f.e1rm_kg["back-squat"] == 157.5
    assert f.e1rm_source["back-squat"] == "missed"
    assert [x.heavy for x in f.lift_sets] == [True, True]


@pytest.mark.parametrize(
    ("equipment", "movement", "kg", "light"),
    [
        ("barbell", "squat", 20, True),
        ("barbell", "squat", 22.5, False),
        ("dumbbell", "squat", 10, True),
        ("kettlebell", "hinge", 12, False),
        ("dumbbell", "shoulder_isolation", 8, False),  # no floor for isolation moves
    ],
)
def test_loads_light_for_the_lift_are_never_heavy_even_with_effort(equipment, movement, kg, light):
    exercise = ExerciseData(
        key="x",
        kind="resistance",
        mechanic="compound" if movement != "shoulder_isolation" else "isolation",
        equipment=equipment,
        movement=movement,
        sets=(s(3, kg, rpe=9.5),),
    )
    (judged,) = compute_features(SessionData(activity="strength", exercises=(exercise,))).lift_sets
    assert judged.light is light
    assert judged.heavy is not light


# --- Working sets, volume ----------------------------------------------------------------------


def test_warmups_are_counted_apart_and_left_out_of_working_sets_and_volume_load():
    f = features(
        lift(
            "back-squat",
            s(5, 20, set_type="warmup"),
            s(5, 60, set_type="warmup"),
            s(5, 100),
            s(5, 100),
            s(5, 100),
        )
    )
    assert f.warmup_sets == 2
    assert f.working_sets == 3
    assert f.volume_load_kg == 1500


def test_warmup_sets_do_not_set_the_sessions_e1rm():
    f = features(lift("back-squat", s(1, 150, set_type="warmup"), s(5, 100, rir=4)))
    assert f.e1rm_kg["back-squat"] == pytest.approx(estimate_1rm(100, 5, 4))


def test_volume_load_is_reps_times_load_over_all_working_sets():
    f = features(
        lift("back-squat", s(5, 100), s(3, 110)),
        lift("leg-extension", s(12, 50, rpe=5), muscles=("quads",), mechanic="isolation"),
        lift("pull-up", s(8)),
    )
    assert f.volume_load_kg == pytest.approx(5 * 100 + 3 * 110 + 12 * 50)


def test_empty_rows_and_missed_attempts_are_not_working_sets():
    f = features(lift("back-squat", s(5, 100), s(0, 160), s()))
    assert f.working_sets == 1


# --- Hard sets -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("logged", "hard"),
    [({"rir": 3}, True), ({"rir": 4}, False), ({"rpe": 7}, True), ({"rpe": 6.5}, False)],
    ids=["RIR 3", "RIR 4", "RPE 7", "RPE 6.5"],
)
def test_a_set_is_hard_at_rir_3_or_rpe_7(logged, hard):
    assert only_set(s(8, 50, **logged)).hard is hard


@pytest.mark.parametrize(
    ("reps", "kg", "hard"),
    [
        (10, 60, True),  # 60% e1RM: ~20 reps possible, 10 is half
        (9, 60, False),
        (20, 59, False),  # under 60% e1RM, however many reps
        (4, 80, True),  # 80%: ~7.5 possible, 4 is over half
        (3, 80, True),  # at the heavy line a set is a working set by its load alone
        (3, 79, False),
    ],
)
def test_without_effort_logged_hard_is_60_percent_e1rm_and_half_the_possible_reps(reps, kg, hard):
    judged = only_set(s(reps, kg))
    assert judged.rir is None
    assert judged.hard is hard


@pytest.mark.parametrize("set_type", ["failure", "dropset"])
def test_failure_and_drop_sets_count_as_rir_0_and_hard(set_type):
    judged = only_set(s(12, 40, set_type=set_type))
    assert judged.rir == 0
    assert judged.hard


def test_hard_sets_are_counted_per_primary_muscle():
    f = features(
        lift("bench-press", s(8, 80, rir=2), s(8, 80, rir=2), s(8, 80, rir=5), muscles=("chest",)),
        lift("dip", s(10, rir=1), s(10, rir=1), muscles=("chest", "triceps")),
    )
    assert f.hard_sets_by_muscle == {"chest": 4, "triceps": 2}


# --- Rests and mechanics ---------------------------------------------------------------------


def test_median_rest_of_the_logged_rests():
    f = features(lift("back-squat", s(5, 100, rest_s=60), s(5, 100, rest_s=180), s(5, 100)))
    assert f.median_rest_s == 120
    assert f.rests_logged == 2


@pytest.mark.parametrize("rests", [(), (90,)], ids=["none logged", "one logged"])
def test_median_rest_is_none_with_fewer_than_two_logged(rests):
    sets = [s(5, 100, rest_s=r) for r in rests] + [s(5, 100)] * 2
    assert features(lift("back-squat", *sets)).median_rest_s is None


def test_compound_share_is_the_share_of_working_sets_from_compound_lifts():
    f = features(
        lift("back-squat", s(5, 100), s(5, 100), s(5, 100)),
        lift("leg-curl", s(10, 40), mechanic="isolation"),
    )
    assert f.compound_share == 0.75


def test_compound_share_is_none_without_lifts():
    assert compute_features(SessionData(activity="run", duration_s=1800)).compound_share is None


# --- Bouts and continuous time ---------------------------------------------------------------


def test_work_bouts_recovery_and_steady_parts_are_kept_apart():
    f = compute_features(
        SessionData(
            activity="run",
            intervals=(steady(600), *(work(60, rpe=8), rec(60)) * 4, work(300, rpe=6)),
        )
    )
    assert [b.duration_s for b in f.bouts] == [60] * 4
    assert f.interval_minutes == 8
    assert f.continuous_minutes == 15  # 10 steady + the 5 min work bout


def test_a_work_bout_over_4_minutes_is_continuous_time_with_its_heart_rate():
    f = compute_features(
        SessionData(activity="run", hr_max=200, intervals=(work(1200, hr=170), rec(120)))
    )
    assert f.bouts == ()
    assert f.continuous_minutes == 20  # a two-minute rest after it is no aerobic time
    assert f.continuous_hr_frac == pytest.approx(170 / 200)


def test_continuous_heart_rate_weighs_long_work_bouts_with_the_steady_parts():
    f = compute_features(
        SessionData(
            activity="run",
            hr_max=200,
            intervals=(steady(600, hr=130), work(1200, hr=170), steady(600, hr=130)),
        )
    )
    assert f.continuous_minutes == 40
    assert f.continuous_hr_frac == pytest.approx((1200 * 0.65 + 1200 * 0.85) / 2400)


def test_easy_stretches_and_rests_break_a_block_and_hard_bouts_end_it():
    f = compute_features(
        SessionData(
            activity="run",
            hr_max=200,
            intervals=(
                steady(600, hr=140),
                steady(600, hr=100),  # a 10 min walk at 50%: breaks the block
                steady(600, hr=140),
                rec(300),  # a 5 min rest: breaks it
                steady(600, hr=140),
                work(60, hr=190),  # a hard bout: ends it
                rec(60),
                steady(600, hr=140),
            ),
        )
    )
    assert [round(b.minutes) for b in f.blocks] == [10, 10, 10, 10]
    assert f.continuous_minutes == 40


def test_continuous_rpe_counts_long_work_bouts():
    f = compute_features(
        SessionData(
            activity="swim", intervals=(steady(480, rpe=3), *(work(400, rpe=7), rec(20)) * 5)
        )
    )
    assert f.continuous_rpe >= 5


def test_plain_cardio_is_continuous_for_its_duration_less_any_lifting():
    f = compute_features(SessionData(activity="run", duration_s=2700, avg_hr=150, hr_max=200))
    assert f.continuous_minutes == 45
    assert f.continuous_hr_frac == pytest.approx(0.75)


# --- Minutes and session load ----------------------------------------------------------------


def test_session_minutes_come_from_the_logged_duration():
    f = features(lift("back-squat", s(5, 100)), duration_s=3600)
    assert f.session_minutes == 60
    assert not any("duration" in a for a in f.assumptions)


def test_session_minutes_are_estimated_from_sets_and_intervals_without_a_duration():
    f = features(
        lift(
            "back-squat",
            s(5, 60, set_type="warmup"),
            s(5, 100, rest_s=90),
            s(5, 100, rest_s=90),
            s(5, 100),
        ),
        intervals=(work(60, rpe=8), rec(60)),
    )
    # 5 reps × 4 s per set, plus its rest (120 s assumed when not logged), 1.5 min per
    # warm-up, and 2 min of intervals
    assert f.resistance_minutes == pytest.approx((2 * (20 + 90) + (20 + 120)) / 60 + 1.5)
    assert f.session_minutes == pytest.approx(7.5 + 2)
    assert any("No duration logged" in a for a in f.assumptions)


def test_srpe_load_is_session_rpe_times_minutes():
    f = compute_features(SessionData(activity="run", duration_s=3600, session_rpe=7))
    assert f.srpe_load == pytest.approx(420)


def test_srpe_load_is_none_without_a_session_rpe():
    assert compute_features(SessionData(activity="run", duration_s=3600)).srpe_load is None


# --- Assumptions -----------------------------------------------------------------------------


def test_no_assumptions_when_everything_is_logged():
    f = features(
        lift("back-squat", s(5, 100, rpe=8, rest_s=180), s(5, 100, rpe=8.5, rest_s=180)),
        intervals=(work(60, hr=170), rec(60)),
        duration_s=3600,
        hr_max=190,
    )
    assert f.assumptions == ()


def test_missing_rpe_and_rir_is_stated():
    f = features(lift("back-squat", s(5, 100)), e1rm={"back-squat": 130}, duration_s=3600)
    assert len(f.assumptions) == 1
    assert "No RPE or RIR logged" in f.assumptions[0]


def test_missing_heart_rate_and_rpe_on_intervals_is_stated_and_names_session_rpe_if_used():
    bouts = (work(60), rec(60)) * 4
    plain = compute_features(SessionData(activity="run", duration_s=1200, intervals=bouts))
    with_srpe = compute_features(
        SessionData(activity="run", duration_s=1200, intervals=bouts, session_rpe=8)
    )
    assert any(a.startswith("No heart rate or RPE") for a in plain.assumptions)
    assert any("(session RPE)" in a for a in with_srpe.assumptions)
    assert all(b.hard for b in plain.bouts)


def test_an_estimated_hrmax_says_where_it_comes_from():
    from insights.classifier import classify

    lines = classify(
        SessionData(activity="run", duration_s=1800, avg_hr=150, hr_max=180, hr_max_source="age")
    ).rationale
    assert any("Tanaka" in line for line in lines)
    recorded = classify(
        SessionData(
            activity="run", duration_s=1800, avg_hr=150, hr_max=176, hr_max_source="recorded"
        )
    ).rationale
    assert any("highest in your workouts" in line for line in recorded)
