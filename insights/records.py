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


def session_bests(session: Session) -> dict[str, Record]:
    """What this one session achieved, kind by kind (before comparing with the past)."""
    out: dict[str, Record] = {}

    def offer(kind: str, value: float, **extra) -> None:
        if value > 0 and (kind not in out or value > out[kind].value):
            out[kind] = Record(kind, value, session.workout_id, session.started_at, **extra)

    volume = 0.0
    for g in session.groups:
        volume += g.volume_kg
        offer(REPS, g.reps, reps=g.reps, load_kg=g.load_kg)
        load = g.load_kg or 0.0
        if load <= 0 or g.reps < 1:
            continue
        offer(HEAVIEST, load, reps=g.reps, load_kg=load)
        for n in range(1, min(g.reps, REP_RANGE.stop - 1) + 1):
            offer(rep_kind(n), load, reps=g.reps, load_kg=load)
        if g.reps <= E1RM_MAX_REPS:
            offer(E1RM, round(estimate_1rm(load, g.reps, g.rir), 2), reps=g.reps, load_kg=load)
    if volume > 0:
        offer(VOLUME, round(volume, 2))
    return out


def record_book(sessions: Iterable[Session]) -> Book:
    """Walk the sessions in time order, keeping the standing records and each one broken."""
    book = Book()
    for session in sorted(sessions, key=lambda s: (s.started_at, s.workout_id)):
        for kind, achieved in session_bests(session).items():
            standing = book.current.get(kind)
            if standing is None:
                book.current[kind] = achieved
            elif achieved.value > standing.value:
                record = Record(**{**achieved.__dict__, "previous": standing.value})
                book.current[kind] = record
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
