"""Personal records of one exercise: pure functions over plain data, no ORM.

A lifter's records for an exercise, kept session by session in time order:
- the best weight for 1 to 10 reps: the heaviest load lifted for that many reps *or more*
  (a set of 6 × 100 kg is also a 5-rep best of 100 kg), so the table never shows a lighter
  best for fewer reps;
- the heaviest set (any reps), the best estimated 1RM (docs/science.md 2a: sets of 1 to 10
  reps, effort-adjusted when RPE or RIR is logged), the most volume (reps × load) in one
  session and the most reps in one set.
Warm-up sets never count (the selectors leave them out). A record is *broken* only when an
earlier session holds one of the same kind and this one beats it: a first time sets the
table's value but is not celebrated.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from insights.features import estimate_1rm
from logbook.units import load_to_display, load_unit

REP_RANGE = range(1, 11)
E1RM_MAX_REPS = 10  # the estimate uses sets of 10 reps or fewer (docs/science.md 2a)

# Kinds, in the order the table shows them after the rep bests.
HEAVIEST, E1RM, VOLUME, REPS = "heaviest", "e1rm", "volume", "reps"
KIND_LABELS = {
    HEAVIEST: "Heaviest set",
    E1RM: "Best estimated 1RM",
    VOLUME: "Most volume in a session",
    REPS: "Most reps in a set",
}

SHORT_LABELS = {HEAVIEST: "heaviest", E1RM: "e1RM", VOLUME: "volume", REPS: "reps"}


def rep_kind(reps: int) -> str:
    return f"rep{reps}"


def kind_label(kind: str) -> str:
    if kind.startswith("rep") and kind[3:].isdigit():
        n = int(kind[3:])
        return f"Best weight for {n} rep{'s' if n > 1 else ''}"
    return KIND_LABELS[kind]


@dataclass(frozen=True)
class SetGroup:
    """Working sets of one session with the same reps and effort: the top load among them and
    their volume. One set is a group of one; the selectors group in SQL to read fewer rows."""

    reps: int
    load_kg: float | None  # the heaviest of the group
    rir: float | None = None  # reps in reserve (from RIR, RPE or a failure set), if known
    volume_kg: float = 0.0  # reps × load summed over the group


@dataclass(frozen=True)
class Session:
    """One exercise's working sets in one workout (several entries of it are one session)."""

    workout_id: int
    started_at: datetime
    groups: tuple[SetGroup, ...]


@dataclass(frozen=True)
class Record:
    kind: str
    value: float  # kg for loads, e1RM and volume; a count for reps
    workout_id: int
    started_at: datetime
    reps: int | None = None  # of the set: the heaviest set's, the e1RM's source set
    load_kg: float | None = None  # of the set (e1RM and most reps)
    previous: float | None = None  # the record this one beat; None for a first

    @property
    def label(self) -> str:
        return kind_label(self.kind)

    @property
    def is_rep(self) -> bool:
        """A best weight for a number of reps (rep1 … rep10)."""
        return self.kind.startswith("rep") and self.kind[3:].isdigit()

    @property
    def short(self) -> str:
        """For a badge: "5 reps", "e1RM", "volume"."""
        if self.is_rep:
            n = int(self.kind[3:])
            return f"{n} rep{'s' if n > 1 else ''}"
        return SHORT_LABELS[self.kind]

    @property
    def is_load(self) -> bool:
        return self.kind != REPS


@dataclass
class Book:
    """The standing records (by kind) and every record broken, oldest first."""

    current: dict[str, Record] = field(default_factory=dict)
    broken: list[Record] = field(default_factory=list)

    def table(self) -> list[Record]:
        """The standing records in the table's order: 1 to 10 reps, then the other kinds."""
        kinds = [rep_kind(n) for n in REP_RANGE] + list(KIND_LABELS)
        return [self.current[k] for k in kinds if k in self.current]

    def broken_in(self, workout_id: int) -> list[Record]:
        return [r for r in self.broken if r.workout_id == workout_id]


REP_KINDS = tuple(rep_kind(n) for n in REP_RANGE)

# What a session achieved in one kind: (value, reps of the set, load of the set).
Best = tuple[float, int | None, float | None]


def _bests(session: Session) -> dict[str, Best]:
    """What this one session achieved, kind by kind, in the order REPS, HEAVIEST, 1 to 10
    reps, E1RM, VOLUME. Of equal sets, the first counts. One pass over the groups: the walk
    of five years of sessions for the records page is mostly this."""
    volume = 0.0
    most: Best | None = None
    heaviest: Best | None = None
    e1rm: Best | None = None
    by_cap: list[tuple[float, int, int] | None] = [None] * (REP_RANGE.stop)
    for index, g in enumerate(session.groups):
        volume += g.volume_kg
        if g.reps > 0 and (most is None or g.reps > most[0]):
            most = (g.reps, g.reps, g.load_kg)
        load = g.load_kg or 0.0
        if load <= 0 or g.reps < 1:
            continue
        if heaviest is None or load > heaviest[0]:
            heaviest = (load, g.reps, load)
        cap = min(g.reps, REP_RANGE.stop - 1)  # a set of 12 is also a best for 1 to 10
        if by_cap[cap] is None or load > by_cap[cap][0]:
            by_cap[cap] = (load, g.reps, index)
        if g.reps <= E1RM_MAX_REPS:
            value = round(estimate_1rm(load, g.reps, g.rir), 2)
            if value > 0 and (e1rm is None or value > e1rm[0]):
                e1rm = (value, g.reps, load)
    out: dict[str, Best] = {}
    if most is not None:
        out[REPS] = most
    if heaviest is not None:
        out[HEAVIEST] = heaviest
    # The best for n reps is the heaviest set of n or more reps (the first, of equals).
    rep_bests: list[tuple[str, Best]] = []
    running: tuple[float, int, int] | None = None
    for n in range(REP_RANGE.stop - 1, 0, -1):
        c = by_cap[n]
        if c is not None and (
            running is None or c[0] > running[0] or (c[0] == running[0] and c[2] < running[2])
        ):
            running = c
        if running is not None:
            rep_bests.append((REP_KINDS[n - 1], (running[0], running[1], running[0])))
    out.update(reversed(rep_bests))
    if e1rm is not None:
        out[E1RM] = e1rm
    if volume > 0:
        out[VOLUME] = (round(volume, 2), None, None)
    return out


def session_bests(session: Session) -> dict[str, Record]:
    """What this one session achieved, kind by kind (before comparing with the past)."""
    return {
        kind: Record(kind, value, session.workout_id, session.started_at, reps, load)
        for kind, (value, reps, load) in _bests(session).items()
    }


def record_book(sessions: Iterable[Session]) -> Book:
    """Walk the sessions in time order, keeping the standing records and each one broken.
    A Record is made only for a first or a better value, not for every session's bests."""
    book = Book()
    current = book.current
    for session in sorted(sessions, key=lambda s: (s.started_at, s.workout_id)):
        for kind, (value, reps, load) in _bests(session).items():
            standing = current.get(kind)
            if standing is None:
                current[kind] = Record(
                    kind, value, session.workout_id, session.started_at, reps, load
                )
            elif value > standing.value:
                record = Record(
                    kind,
                    value,
                    session.workout_id,
                    session.started_at,
                    reps,
                    load,
                    previous=standing.value,
                )
                current[kind] = record
                book.broken.append(record)
    return book


@dataclass(frozen=True)
class Celebration:
    """The records one exercise broke in one workout, for the page, the list and the email."""

    exercise_id: int
    exercise_name: str
    workout_id: int
    started_at: datetime
    records: tuple[Record, ...]

    @property
    def rep_span(self) -> tuple[int, int] | None:
        """The rep counts whose best this session raised, lowest and highest."""
        reps = [int(r.kind[3:]) for r in self.records if r.is_rep]
        return (min(reps), max(reps)) if reps else None

    @property
    def others(self) -> tuple[Record, ...]:
        return tuple(r for r in self.records if not r.is_rep)

    @property
    def top_rep_record(self) -> Record | None:
        reps = [r for r in self.records if r.is_rep]
        return max(reps, key=lambda r: r.value) if reps else None


def celebrations(
    books: dict[int, Book], names: dict[int, str], workout_id: int | None = None
) -> list[Celebration]:
    """Records broken, grouped by exercise and workout, newest first (optionally of one
    workout only)."""
    grouped: dict[tuple[int, int], list[Record]] = {}
    for exercise_id, book in books.items():
        for r in book.broken:
            if workout_id is None or r.workout_id == workout_id:
                grouped.setdefault((exercise_id, r.workout_id), []).append(r)
    out = [
        Celebration(ex, names.get(ex, ""), wid, recs[0].started_at, tuple(recs))
        for (ex, wid), recs in grouped.items()
    ]
    out.sort(key=lambda c: c.exercise_name)
    out.sort(key=lambda c: (c.started_at, c.workout_id), reverse=True)  # stable: names A-Z
    return out


def phrases(celebration: Celebration, units: str) -> list[str]:
    """The records of a celebration in words, in the user's units, as the workout page shows
    them: for the flash on save and the weekly email."""

    def load(kg: float | None) -> str:
        value = load_to_display(kg, units)
        return "" if value is None else f"{value:g}"

    unit = load_unit(units)
    out = []
    top, span = celebration.top_rep_record, celebration.rep_span
    if top is not None and span is not None:
        reps = f"{span[0]} rep{'s' if span[0] > 1 else ''}"
        if span[0] != span[1]:
            reps = f"{span[0]}–{span[1]} reps"
        was = f", was {load(top.previous)}" if top.previous is not None else ""
        out.append(
            f"Best weight for {reps}: {load(top.value)} {unit} "
            f"({top.reps} × {load(top.load_kg)}{was})"
        )
    for r in celebration.others:
        value = f"{load(r.value)} {unit}" if r.is_load else f"{r.value:g}"
        was = ""
        if r.previous is not None:
            was = f" (was {load(r.previous) if r.is_load else f'{r.previous:g}'})"
        out.append(f"{r.label}: {value}{was}")
    return out
