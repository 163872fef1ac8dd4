"""The records walk's one pass over a session's sets gives exactly what the rule says, set by
set: checked against the rule written plainly (every set offered to every kind it counts
for, the first of equals kept), on many random sessions."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from insights.records import (
    E1RM,
    E1RM_MAX_REPS,
    HEAVIEST,
    REP_RANGE,
    REPS,
    VOLUME,
    Session,
    SetGroup,
    record_book,
    rep_kind,
    session_bests,
)
from logbook.strength import estimate_1rm

DAY = datetime(2026, 1, 5, 7, tzinfo=UTC)


def plain_bests(session: Session) -> dict[str, tuple]:
    """The rule, set by set: (value, reps, load) of the first set that is best in each kind."""
    out: dict[str, tuple] = {}

    def offer(kind: str, value: float, reps=None, load=None) -> None:
        if value > 0 and (kind not in out or value > out[kind][0]):
            out[kind] = (value, reps, load)

    volume = 0.0
    for g in session.groups:
        volume += g.volume_kg
        offer(REPS, g.reps, g.reps, g.load_kg)
        load = g.load_kg or 0.0
        if load <= 0 or g.reps < 1:
            continue
        offer(HEAVIEST, load, g.reps, load)
        for n in range(1, min(g.reps, REP_RANGE.stop - 1) + 1):
            offer(rep_kind(n), load, g.reps, load)
        if g.reps <= E1RM_MAX_REPS:
            offer(E1RM, round(estimate_1rm(load, g.reps, g.rir), 2), g.reps, load)
    if volume > 0:
        offer(VOLUME, round(volume, 2))
    return out


loads = st.one_of(st.none(), st.sampled_from([0.0, 20.0, 60.0, 100.0, 102.5, 140.0]))
groups = st.builds(
    lambda reps, load, rir, count: SetGroup(reps, load, rir, reps * (load or 0) * count),
    st.integers(1, 15),
    loads,
    st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5])),
    st.integers(1, 4),
)
sessions = st.lists(st.lists(groups, min_size=1, max_size=8), min_size=1, max_size=12).map(
    lambda days: [
        Session(i, DAY + timedelta(days=i), tuple(gs)) for i, gs in enumerate(days, start=1)
    ]
)


@settings(max_examples=300, deadline=None)
@given(sessions)
def test_each_sessions_bests_are_the_plain_rules(days):
    for s in days:
        fast = {k: (r.value, r.reps, r.load_kg) for k, r in session_bests(s).items()}
        assert fast == plain_bests(s)


@settings(max_examples=200, deadline=None)
@given(sessions)
def test_the_book_breaks_a_record_exactly_when_a_session_beats_the_standing_one(days):
    standing: dict[str, float] = {}
    broken = []
    for s in days:
        for kind, (value, *_) in plain_bests(s).items():
            if kind in standing and value > standing[kind]:
                broken.append((s.workout_id, kind, value, standing[kind]))
            if kind not in standing or value > standing[kind]:
                standing[kind] = value
    book = record_book(days)
    assert sorted((r.workout_id, r.kind, r.value, r.previous) for r in book.broken) == sorted(
        broken
    )
    assert {k: r.value for k, r in book.current.items()} == standing
