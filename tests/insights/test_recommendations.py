"""What a week suggests (insights.weekly): every rule both ways, wording, and traceability.

Plain functions, no database. Rules: docs/science.md sections 2c and 3; codes: API.md "Weeks".
"""

import itertools
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from insights.weekly import (
    ADD_MESSAGES,
    RULE_BASIS,
    VARIETY_MESSAGES,
    WHO_MINIMUM,
    SessionSummary,
    WeekMetrics,
    block_of,
    shift_week,
    week_metrics,
    week_start,
)
from tests.docs import API_MD, SCIENCE_MD

ZONE = ZoneInfo("Europe/Berlin")
WEEK = "2026-W47"  # Monday 16 November 2026
MONDAY = date(2026, 11, 16)
FOUR = ("heavy_resistance", "high_volume", "hiit", "endurance")
HISTORY_CODES = {"load_spike", "high_monotony"}

_ids = itertools.count(1)


def session(
    day=0,
    hour=18,
    *,
    primary="general",
    qualifying=None,
    minutes=60,
    rpe=None,
    moderate=0,
    vigorous=0,
    working_sets=0,
    hard_sets=None,
    monday=MONDAY,
) -> SessionSummary:
    """A session at `hour`:00 local, `day` days after `monday` (may be < 0)."""
    when = monday + timedelta(days=day)
    return SessionSummary(
        workout_id=next(_ids),
        start=datetime(when.year, when.month, when.day, hour, tzinfo=ZONE),
        minutes=minutes,
        session_rpe=rpe,
        primary=primary,
        qualifying=(primary,) if qualifying is None else tuple(qualifying),
        moderate_minutes=moderate,
        vigorous_minutes=vigorous,
        working_sets=working_sets,
        hard_sets_by_muscle=dict(hard_sets or {}),
    )


def balanced(*, moderate=150, vigorous=0, drop=(), host=None) -> list[SessionSummary]:
    """A week that triggers no rule: all four modalities on Mon/Wed/Fri/Sun, 150 WHO minutes,
    lifting on 2 days, no 3 hard days in a row, no muscle group hard twice within 48 h.
    `drop` leaves modalities out; `host` = {modality: other} adds `modality` as a secondary
    qualifying modality of the `other` session."""
    host = host or {}
    plan = {
        "heavy_resistance": {"day": 0, "rpe": 8, "working_sets": 12, "hard_sets": {"legs": 6}},
        "high_volume": {"day": 2, "rpe": 7, "working_sets": 18, "hard_sets": {"chest": 9}},
        "hiit": {"day": 4, "rpe": 8, "minutes": 30, "vigorous": vigorous},
        "endurance": {"day": 6, "rpe": 4, "minutes": 90, "moderate": moderate},
    }
    sessions = []
    for modality, kwargs in plan.items():
        if modality in drop:
            continue
        extra = tuple(m for m, other in host.items() if other == modality)
        sessions.append(session(primary=modality, qualifying=(modality, *extra), **kwargs))
    return sessions


def metrics(sessions=(), *, earlier=(), history=(), now=None) -> WeekMetrics:
    return week_metrics(WEEK, ZONE, list(sessions), list(earlier), list(history), now)


def on(day: int, hour: int = 20) -> datetime:
    """A moment of this week, `day` days after its Monday, local time."""
    when = MONDAY + timedelta(days=day)
    return datetime(when.year, when.month, when.day, hour, tzinfo=ZONE)


def codes(m: WeekMetrics) -> set[str]:
    return {r.code for r in m.recommendations}


def past_week(weeks_back: int, daily: list[float]) -> WeekMetrics:
    """An earlier week's metrics with these 7 daily loads (RPE 1 × minutes)."""
    week = shift_week(WEEK, -weeks_back)
    monday = week_start(week)
    sessions = [
        session(i, rpe=1, minutes=load, monday=monday) for i, load in enumerate(daily) if load
    ]
    return week_metrics(week, ZONE, sessions, [], [])


def loads_week(daily: list[float]) -> list[SessionSummary]:
    """This week's sessions with these 7 daily loads (RPE 1 × minutes)."""
    return [session(i, rpe=1, minutes=load) for i, load in enumerate(daily) if load]


def empty_history(weeks=12) -> list[WeekMetrics]:
    """What insights.reports passes for a new user: 12 earlier weeks without sessions."""
    return [past_week(n, [0] * 7) for n in range(1, weeks + 1)]


def test_a_balanced_week_gets_no_recommendations():
    m = metrics(balanced())

    assert m.distinct_modalities == 4
    assert m.who_equivalent == 150
    assert m.strength_days == 2
    assert m.hard_day_streak == 1
    assert m.close_sessions == []
    assert m.recommendations == []


# --- Health first, then variety as an option (science.md 2c) -----------------------------------


@pytest.mark.parametrize("missing", ["endurance", "hiit"])
def test_a_missing_aerobic_kind_is_offered_as_an_option_once_the_health_checks_are_met(missing):
    m = metrics(balanced(drop={missing}, moderate=150, vigorous=75))

    assert codes(m) == {f"add_{missing}"}
    message = m.recommendations[0].message
    assert message == VARIETY_MESSAGES[missing]
    assert message.startswith("Optional")


@pytest.mark.parametrize("missing", ["heavy_resistance", "high_volume"])
def test_no_lifting_style_is_ever_suggested_when_the_week_has_other_lifting(missing):
    # Lifting on two days, all of it one style: no quota of the popular table's styles.
    other = next(m for m in ("heavy_resistance", "high_volume") if m != missing)
    m = metrics([*balanced(drop={missing}), session(5, 8, primary=other, working_sets=10)])

    assert codes(m) == set()


def test_no_lifting_at_all_gets_the_strengthening_days_not_a_lifting_style():
    m = metrics(balanced(drop={"heavy_resistance", "high_volume"}))

    assert codes(m) == {"strength_days"}


def test_health_comes_first_and_variety_waits_until_it_is_met():
    m = metrics(balanced(drop={"hiit"}, moderate=100))

    assert codes(m) == {"aerobic_minimum"}


def test_at_most_one_kind_is_offered_for_variety():
    m = metrics([*balanced(drop={"hiit", "endurance"}), session(6, moderate=150)])

    assert len([c for c in codes(m) if c.startswith("add_")]) <= 1


def test_an_empty_week_gets_the_minimums_not_a_list_of_everything_to_add():
    assert codes(metrics([])) == {"aerobic_minimum", "strength_days"}


# Each modality carried only as a secondary qualifying modality of another session.
HOSTS = {
    "heavy_resistance": "high_volume",
    "high_volume": "heavy_resistance",
    "hiit": "endurance",
    "endurance": "hiit",
}


@pytest.mark.parametrize("secondary", FOUR)
def test_a_modality_touched_only_as_a_secondary_qualifying_modality_counts_as_present(secondary):
    m = metrics(balanced(drop={secondary}, host={secondary: HOSTS[secondary]}, vigorous=75))

    assert m.modalities[secondary] == 0  # no session has it as primary
    assert not {c for c in codes(m) if c.startswith("add_")}


# --- aerobic_minimum ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moderate", "vigorous", "fires"),
    [
        (0, 0, True),
        (149, 0, True),
        (150, 0, False),
        (300, 0, False),
        (0, 74, True),
        (0, 75, False),  # vigorous counts double: 75 is enough
        (100, 24.5, True),
        (100, 25, False),
    ],
)
def test_aerobic_minimum_fires_below_150_who_equivalent_minutes(moderate, vigorous, fires):
    m = metrics(balanced(moderate=moderate, vigorous=vigorous))

    assert ("aerobic_minimum" in codes(m)) is fires
    assert (m.who_equivalent < WHO_MINIMUM) is fires
    assert codes(m) - {"aerobic_minimum"} == set()


def test_aerobic_minimum_says_how_many_minutes_the_week_had():
    m = metrics(balanced(moderate=100, vigorous=10))
    message = next(r.message for r in m.recommendations if r.code == "aerobic_minimum")

    assert "120 of the 150" in message
    assert "so far" not in message.lower()


# --- strength_days: real muscle-strengthening work (WHO) ----------------------------------------


def strengthening(day, sets, groups, hour=18):
    base = session(day, hour, primary="general", working_sets=sets)
    return SessionSummary(
        **{**base.__dict__, "strengthening_sets": sets, "strengthening_groups": tuple(groups)}
    )


@pytest.mark.parametrize(
    ("lifts", "days"),
    [
        ([], 0),
        ([(0, 1, ("legs",))], 0),  # one set is not a strengthening day
        ([(0, 6, ("arms",)), (3, 6, ("arms",))], 0),  # one muscle group only
        ([(0, 3, ("legs", "hips")), (3, 3, ("legs", "hips"))], 0),  # under 4 sets
        ([(0, 4, ("legs", "hips")), (3, 4, ("chest", "arms"))], 2),
        ([(0, 2, ("legs",)), (0, 2, ("back",))], 1),  # two sessions of one day add up
    ],
)
def test_a_strength_day_needs_four_working_sets_over_two_major_muscle_groups(lifts, days):
    m = metrics([strengthening(d, n, g, hour=7 + 10 * i) for i, (d, n, g) in enumerate(lifts)])

    assert m.strength_days == days
    assert ("strength_days" in codes(m)) is (days < 2)


def test_the_strength_days_message_says_what_counts():
    m = metrics([strengthening(0, 1, ("legs",))])
    message = next(r.message for r in m.recommendations if r.code == "strength_days")

    assert "0 days" in message
    assert "at least 4 working sets" in message


# --- rest_day -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hard_days", "fires"),
    [
        ([0, 1, 2], True),
        ([4, 5, 6], True),
        ([0, 1, 2, 3, 4], True),
        ([0, 1], False),
        ([0, 1, 3, 4], False),
        ([0, 0, 1, 1], False),  # four hard sessions, but on two days
        ([0, 2, 4, 6], False),
    ],
)
def test_rest_day_fires_after_three_hard_days_in_a_row(hard_days, fires):
    m = metrics([session(d, 7 + 10 * (i % 2), primary="hiit") for i, d in enumerate(hard_days)])

    assert ("rest_day" in codes(m)) is fires


@pytest.mark.parametrize(("rpe", "fires"), [(7, True), (6, False), (None, False)])
def test_rest_day_counts_easy_kinds_of_session_rated_7_or_more_as_hard(rpe, fires):
    m = metrics([session(d, primary="endurance", rpe=rpe) for d in (1, 2, 3)])

    assert ("rest_day" in codes(m)) is fires


@pytest.mark.parametrize(
    ("second_day", "second_hour", "fires"),
    [
        (1, 17, True),  # 23 h
        (2, 17, True),  # 47 h
        (2, 18, False),  # 48 h
        (3, 18, False),  # 72 h
    ],
)
def test_rest_day_fires_for_the_same_muscles_trained_hard_less_than_48_hours_apart(
    second_day, second_hour, fires
):
    first = session(0, 18, primary="high_volume", working_sets=10, hard_sets={"chest": 5})
    second = session(
        second_day, second_hour, primary="high_volume", working_sets=10, hard_sets={"chest": 5}
    )

    m = metrics([first, second])

    assert m.hard_day_streak < 3  # so only the 48 h rule can fire it
    assert ("rest_day" in codes(m)) is fires


def test_rest_day_fires_for_a_close_pair_across_the_week_start():
    sunday = session(-1, 20, primary="heavy_resistance", working_sets=8, hard_sets={"legs": 6})
    monday = session(0, 18, primary="heavy_resistance", working_sets=8, hard_sets={"legs": 6})

    assert "rest_day" not in codes(metrics([monday]))
    assert "rest_day" in codes(metrics([monday], earlier=[sunday]))


def test_rest_day_does_not_fire_for_different_muscles_or_under_four_hard_sets():
    legs = session(0, 18, primary="heavy_resistance", hard_sets={"legs": 6})
    chest = session(1, 18, primary="heavy_resistance", hard_sets={"chest": 6})
    few = session(1, 18, primary="heavy_resistance", hard_sets={"legs": 3})

    assert "rest_day" not in codes(metrics([legs, chest]))
    assert "rest_day" not in codes(metrics([legs, few]))


def test_rest_day_does_not_fire_for_a_close_pair_entirely_in_the_previous_week():
    saturday = session(-2, 10, primary="heavy_resistance", hard_sets={"back": 6})
    sunday = session(-1, 10, primary="heavy_resistance", hard_sets={"back": 6})

    assert "rest_day" not in codes(metrics([], earlier=[saturday, sunday]))


# --- load_spike ---------------------------------------------------------------------------------


def weeks_of_load(*loads: float) -> list[WeekMetrics]:
    """Earlier weeks, newest first, each with its load on a Monday (0 = no sessions)."""
    return [past_week(n, [load, 0, 0, 0, 0, 0, 0]) for n, load in enumerate(loads, 1)]


@pytest.mark.parametrize(
    ("history", "load", "fires"),
    [
        (weeks_of_load(1000, 1000, 1000, 1000), 1300, True),  # +30%
        (weeks_of_load(1000, 1000, 1000, 1000), 2500, True),
        (weeks_of_load(1200, 800, 1100, 900), 1300, True),  # their average is 1000
        (weeks_of_load(1000, 1000, 1000, 1000), 1290, False),  # +29%
        (weeks_of_load(1000, 1000, 1000, 1000), 800, False),
        (weeks_of_load(1000, 1000, 1000), 1300, True),  # 3 trained weeks are enough
        (weeks_of_load(1000, 1000, 1000, 0), 1300, True),  # 3 of the 4 had sessions
        (weeks_of_load(1000, 1000, 0, 0), 3000, False),  # only 2 of the 4
        (weeks_of_load(1000), 5760, False),  # one trained week: "+476%" is never said
        (weeks_of_load(1000, 1000, 1000, 1000, 5000), 1300, True),  # the newest 4 count
    ],
    ids=[
        "plus-30",
        "plus-150",
        "uneven-history",
        "plus-29",
        "lighter",
        "three-weeks",
        "three-of-four-trained",
        "two-of-four-trained",
        "one-week",
        "five-weeks",
    ],
)
def test_load_spike_needs_three_trained_weeks_of_four_and_30_percent_above_them(
    history, load, fires
):
    m = metrics(loads_week([load / 2, 0, 0, load / 2, 0, 0, 0]), history=history)

    assert ("load_spike" in codes(m)) is fires


def test_load_spike_names_the_jump_kindly_in_plain_numbers():
    history = weeks_of_load(1000, 1000, 1000, 1000)
    m = metrics(loads_week([700, 0, 0, 700, 0, 0, 0]), history=history)
    message = next(r.message for r in m.recommendations if r.code == "load_spike")

    assert "40% above your average of the previous four weeks" in message
    assert "marked jump" in message
    assert "gradually" in message


# --- high_monotony ------------------------------------------------------------------------------

# Four ordinary weeks: strains 260, 367, 462, 390 (90th percentile 440.4); monotony median 0.87.
ORDINARY = [
    [100, 0, 100, 0, 100, 0, 0],
    [200, 0, 0, 150, 0, 100, 0],
    [100, 100, 0, 100, 0, 0, 100],
    [150, 0, 150, 0, 0, 150, 0],
]
UNIFORM_HEAVY = [100, 100, 100, 100, 100, 100, 0]  # monotony 2.45, strain 1470
UNIFORM_LIGHT = [20, 20, 20, 20, 20, 20, 0]  # monotony 2.45, strain 294
ONE_BIG_DAY = [3000, 0, 0, 0, 0, 0, 0]  # monotony 0.41, strain 1225


def ordinary_history(weeks=4) -> list[WeekMetrics]:
    return [past_week(n, ORDINARY[(n - 1) % 4]) for n in range(1, weeks + 1)]


@pytest.mark.parametrize(
    ("this_week", "history", "fires"),
    [
        (UNIFORM_HEAVY, ordinary_history(4), True),
        (UNIFORM_HEAVY, ordinary_history(8), True),
        (UNIFORM_HEAVY, ordinary_history(4) + empty_history(8), True),  # empty weeks don't count
        (UNIFORM_HEAVY, ordinary_history(3), False),  # not enough history
        (UNIFORM_HEAVY, ordinary_history(3) + empty_history(9), False),
        (UNIFORM_HEAVY, [], False),  # a new user
        (UNIFORM_LIGHT, ordinary_history(4), False),  # uniform, but strain ordinary for them
        (ONE_BIG_DAY, ordinary_history(4), False),  # high strain, monotony below their median
    ],
    ids=[
        "fires",
        "eight-weeks",
        "padded-with-empty-weeks",
        "three-weeks",
        "three-weeks-padded",
        "new-user",
        "ordinary-strain",
        "not-monotonous",
    ],
)
def test_high_monotony_compares_strain_and_monotony_with_the_users_own_history(
    this_week, history, fires
):
    m = metrics(loads_week(this_week), history=history)

    assert ("high_monotony" in codes(m)) is fires


def test_the_high_monotony_examples_are_what_their_names_say():
    history = ordinary_history(4)
    heavy, light, big = (
        metrics(loads_week(d)) for d in (UNIFORM_HEAVY, UNIFORM_LIGHT, ONE_BIG_DAY)
    )
    strains = sorted(h.strain for h in history)
    monotonies = sorted(h.monotony for h in history)
    p90 = strains[2] + 0.7 * (strains[3] - strains[2])
    monotony_median = (monotonies[1] + monotonies[2]) / 2

    assert heavy.strain > p90
    assert heavy.monotony > monotony_median
    assert light.strain < p90 < big.strain
    assert light.monotony > monotony_median > big.monotony


# --- A brand-new user ---------------------------------------------------------------------------


@pytest.mark.parametrize("history", [[], empty_history(12)], ids=["no-history", "empty-weeks"])
def test_a_brand_new_user_with_one_ordinary_week_gets_no_history_based_advice(history):
    m = metrics(balanced(), history=history)

    assert m.history_weeks == 0
    assert m.load_ratio is None
    assert not codes(m) & HISTORY_CODES
    assert m.recommendations == []


@pytest.mark.parametrize("history", [[], empty_history(12)], ids=["no-history", "empty-weeks"])
def test_a_brand_new_users_heavy_uniform_first_week_gets_no_history_based_advice(history):
    m = metrics(loads_week([300, 300, 300, 300, 300, 300, 0]), history=history)

    assert not codes(m) & HISTORY_CODES


# --- Codes, wording, evidence -------------------------------------------------------------------


def _api_codes() -> set[str]:
    text = API_MD.read_text(encoding="utf-8")
    found = re.search(r"recommendations\[\]\.code` ∈ `([^`]*)`", text)
    assert found, "API.md lists no recommendation codes"
    listed = {c.strip() for c in found.group(1).split("|")}
    return {c for c in listed if c and c != "..."}


def _section_4_references() -> dict[str, str]:
    """{"R1": "✔", "R41": "✘/◐", ...}: each reference key of science.md section 4 and its mark."""
    text = SCIENCE_MD.read_text(encoding="utf-8")
    _, sep, section = text.partition("\n## 4. References")
    assert sep, "docs/science.md has no section 4"
    return dict(re.findall(r"^- (R\d+) (\S+)", section, re.MULTILINE))


def _every_rule_firing() -> list[WeekMetrics]:
    """Weeks that between them fire every rule the module has."""
    close = [
        session(0, 18, primary="high_volume", hard_sets={"chest": 5}),
        session(1, 18, primary="high_volume", hard_sets={"chest": 5}),
    ]
    meet = SessionSummary(**{**balanced()[0].__dict__, "block": "meet"})
    return [
        metrics([]),
        metrics(balanced(moderate=149.4)),
        metrics(balanced(drop={"hiit"}, vigorous=75)),
        metrics(balanced(drop={"endurance"}, vigorous=75)),
        metrics([session(d, primary="hiit", vigorous=20) for d in (0, 1, 2)]),
        metrics(close),
        metrics([session(0, primary="general", working_sets=5)]),
        metrics(loads_week([1000, 0, 0, 1000, 0, 0, 0]), history=weeks_of_load(*[1000] * 4)),
        metrics(loads_week(UNIFORM_HEAVY), history=ordinary_history(4)),
        metrics([meet]),
    ]


def test_the_api_lists_the_codes():
    assert _api_codes() == {
        "add_heavy_resistance",
        "add_high_volume",
        "add_hiit",
        "add_endurance",
        "aerobic_minimum",
        "strength_days",
        "rest_day",
        "load_spike",
        "high_monotony",
        "deliberate_block",
    }


def test_every_rule_can_fire_and_every_code_is_an_api_code_with_a_basis():
    fired = {code for m in _every_rule_firing() for code in codes(m)}

    assert fired == set(RULE_BASIS)
    assert fired <= _api_codes()
    for m in _every_rule_firing():
        assert all(r.as_dict()["references"] for r in m.recommendations)


PLAIN = re.compile(r"\b(injur\w*|risk\w*|danger\w*)", re.IGNORECASE)


def test_every_message_is_non_empty_and_plain():
    messages = [r.message for m in _every_rule_firing() for r in m.recommendations]
    messages += list(ADD_MESSAGES.values())

    assert len(messages) >= len(RULE_BASIS)
    for message in messages:
        assert message.strip(), "empty message"
        assert not PLAIN.search(message), message


def test_the_plain_wording_check_catches_alarming_words():
    for bad in ("Injury risk ahead", "a risky week", "DANGER zone", "injuries"):
        assert PLAIN.search(bad)
    assert not PLAIN.search("a brisk walk counts")


def test_every_rule_basis_cites_references_that_exist_in_science_md_section_4():
    references = _section_4_references()

    assert len(references) > 50  # the parser found the list
    for code, keys in RULE_BASIS.items():
        assert keys, f"{code} rests on nothing"
        assert set(keys) <= set(references), f"{code}: {set(keys) - set(references)}"


def test_no_rule_rests_on_an_unverified_reference():
    references = _section_4_references()

    assert references["R92"] == "✘"  # the mark parser reads unverified ones
    for code, keys in RULE_BASIS.items():
        assert all("✘" not in references[k] for k in keys), code


# --- A week in progress is compared to date, never judged as if over ---------------------------


def test_a_week_in_progress_is_marked_and_says_so_far():
    m = metrics([session(0, primary="endurance", moderate=30)], now=on(2))

    assert (m.in_progress, m.days_elapsed) == (True, 3)
    assert m.as_dict()["in_progress"] is True
    messages = {r.code: r.message for r in m.recommendations}
    assert messages["aerobic_minimum"].startswith("So far 30 of the 150")
    assert "4 days of the week to go" in messages["aerobic_minimum"]
    assert "so far" in messages["strength_days"]


def test_a_week_in_progress_gets_no_variety_options_and_no_monotony():
    m = metrics(balanced(drop={"hiit"}, vigorous=75), now=on(5))

    assert not {c for c in codes(m) if c.startswith("add_")}
    assert (m.monotony, m.strain) == (None, None)


def test_a_week_in_progress_is_compared_with_the_same_days_of_earlier_weeks():
    # Wednesday: 300 so far, against earlier weeks that had 300 by Wednesday and 1000 in all.
    history = [past_week(n, [100, 100, 100, 700, 0, 0, 0]) for n in range(1, 5)]
    m = metrics(loads_week([100, 100, 100, 0, 0, 0, 0]), history=history, now=on(2))

    assert m.load_ratio == pytest.approx(1.0)  # not "−70%"
    assert m.to_date_average == pytest.approx(300)
    assert m.as_dict()["load"]["compared"] == "to_date"
    assert "load_spike" not in codes(m)


def test_a_week_in_progress_names_a_jump_only_once_it_is_already_over_a_full_week():
    history = weeks_of_load(1000, 1000, 1000, 1000)
    early = metrics(loads_week([1200, 0, 0, 0, 0, 0, 0]), history=history, now=on(0))
    over = metrics(loads_week([700, 700, 0, 0, 0, 0, 0]), history=history, now=on(1))

    assert "load_spike" not in codes(early)  # +20% of a full week on Monday: no verdict
    message = next(r.message for r in over.recommendations if r.code == "load_spike")
    assert "so far is already 40% above a usual full week" in message


def test_a_finished_week_is_not_in_progress():
    m = metrics(balanced(), now=on(9))

    assert (m.in_progress, m.days_elapsed) == (False, 7)


# --- A deliberate block gets nothing that contradicts it -----------------------------------------


@pytest.mark.parametrize("block", ["meet", "deload", "race", "taper"])
def test_a_block_week_gets_no_suggestion_to_add_training(block):
    sessions = [SessionSummary(**{**balanced()[0].__dict__, "block": block})]
    m = metrics(sessions)

    assert codes(m) == {"deliberate_block"}
    assert block in m.recommendations[0].message
    assert m.as_dict()["block"] == block


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("Meet day", "meet"),
        ("Powerlifting competition", "meet"),
        ("Deload week", "deload"),
        ("Spring 10K race", "race"),
        ("Taper run", "taper"),
        ("Race pace intervals", ""),
        ("Comp squat", ""),
        ("Easy run", ""),
    ],
)
def test_blocks_are_read_from_what_the_user_called_the_session(text, block):
    assert block_of(text) == block
