"""Personal records as pure functions: rep bests count heavier sets of more reps, a first
session sets the table without being a record, and each record remembers what it beat."""

from datetime import UTC, datetime, timedelta

from insights.records import (
    E1RM,
    HEAVIEST,
    REPS,
    VOLUME,
    Book,
    Session,
    SetGroup,
    celebrations,
    record_book,
    rep_kind,
    session_bests,
)
from logbook.strength import estimate_1rm

DAY = datetime(2026, 1, 5, 7, tzinfo=UTC)


def session(n: int, *groups: tuple) -> Session:
    """Workout n on day n; each group is (reps, kg) or (reps, kg, rir, how many sets)."""
    sets = []
    for reps, kg, *rest in groups:
        rir, count = [*rest, None, 1][:2]
        sets.append(SetGroup(reps=reps, load_kg=kg, rir=rir, volume_kg=reps * (kg or 0) * count))
    return Session(n, DAY + timedelta(days=n), tuple(sets))


def test_a_set_of_more_reps_is_also_the_best_for_fewer():
    bests = session_bests(session(1, (6, 100.0), (3, 95.0)))
    assert [bests[rep_kind(n)].value for n in range(1, 7)] == [100.0] * 6
    assert rep_kind(7) not in bests
    assert bests[HEAVIEST].value == 100.0
    assert bests[REPS].value == 6


def test_a_set_of_more_than_ten_reps_counts_for_the_ten_rep_best_but_not_the_e1rm():
    bests = session_bests(session(1, (12, 60.0)))
    assert bests[rep_kind(10)].value == 60.0
    assert E1RM not in bests


def test_the_e1rm_uses_reps_in_reserve_when_known():
    bests = session_bests(session(1, (5, 100.0, 2.0, 1)))
    assert bests[E1RM].value == round(estimate_1rm(100.0, 5, 2.0), 2)
    assert bests[E1RM].value > round(estimate_1rm(100.0, 5, None), 2)


def test_volume_is_summed_over_the_session():
    bests = session_bests(session(1, (5, 100.0, None, 3), (8, 80.0)))
    assert bests[VOLUME].value == 5 * 100 * 3 + 8 * 80


def test_bodyweight_sets_count_only_for_reps():
    bests = session_bests(session(1, (15, None), (12, 0.0)))
    assert set(bests) == {REPS}
    assert bests[REPS].value == 15


def test_a_first_session_fills_the_table_but_breaks_nothing():
    book = record_book([session(1, (5, 100.0))])
    assert book.broken == []
    assert book.current[HEAVIEST].value == 100.0


def test_a_later_heavier_set_breaks_the_record_and_remembers_the_old_one():
    book = record_book([session(2, (5, 105.0)), session(1, (5, 100.0))])  # any order in
    kinds = {r.kind for r in book.broken}
    assert {HEAVIEST, E1RM, VOLUME, rep_kind(5), rep_kind(1)} <= kinds
    assert REPS not in kinds  # 5 reps again is not more reps
    heaviest = book.current[HEAVIEST]
    assert (heaviest.value, heaviest.previous, heaviest.workout_id) == (105.0, 100.0, 2)


def test_equalling_a_record_is_not_a_record():
    book = record_book([session(1, (5, 100.0)), session(2, (5, 100.0))])
    assert book.broken == []
    assert book.current[HEAVIEST].workout_id == 1  # the date it was first set


def test_a_first_time_at_a_rep_count_is_not_a_record():
    book = record_book([session(1, (3, 120.0)), session(2, (8, 80.0))])
    assert rep_kind(8) not in {r.kind for r in book.broken}
    assert book.current[rep_kind(8)].value == 80.0
    assert book.current[rep_kind(3)].value == 120.0  # 80 × 8 does not beat it


def test_the_table_lists_rep_bests_then_the_other_kinds():
    book = record_book([session(1, (2, 120.0), (10, 60.0))])
    kinds = [r.kind for r in book.table()]
    assert kinds == [rep_kind(n) for n in range(1, 11)] + [HEAVIEST, E1RM, VOLUME, REPS]
    values = [r.value for r in book.table()[:10]]
    assert values == sorted(values, reverse=True)  # never lighter for fewer reps


def test_celebrations_group_by_exercise_and_workout_newest_first():
    squat = record_book([session(1, (5, 100.0)), session(3, (5, 110.0))])
    bench = record_book([session(1, (5, 60.0)), session(2, (5, 62.5))])
    found = celebrations({10: squat, 20: bench}, {10: "Back Squat", 20: "Bench Press"})
    assert [(c.exercise_name, c.workout_id) for c in found] == [
        ("Back Squat", 3),
        ("Bench Press", 2),
    ]
    assert found[0].rep_span == (1, 5)
    assert {r.kind for r in found[0].others} == {HEAVIEST, E1RM, VOLUME}
    assert celebrations({10: squat, 20: bench}, {}, workout_id=2)[0].exercise_id == 20
    assert celebrations({1: Book()}, {}) == []
