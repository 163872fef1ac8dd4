"""Ranking exercises for a typed query: pure, over any objects with a name and aliases.

Order, best first (`Tier`): the exact name or alias ("squat" is Back Squat's alias, "squats"
and "benchpress" count too), a name that starts with the query, a name with a word that
starts with each typed word, then the same two for an alias, then the query anywhere, then
names close to it for typos (rapidfuzz's Indel ratio, difflib's measure). Within a tier the
input's order is kept, so callers pass the catalog in its own order (staples first), then
the user's exercises: "squat" gives Back Squat, Front Squat, ... before "Clean" (whose alias
is "Squat Clean").

`static/js/logger/search.js` ranks the same way on the device (the logger works offline);
tests/fixtures/exercise_search_cases.json holds the cases both are tested against.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import Generic, TypeVar

from rapidfuzz.fuzz import ratio

T = TypeVar("T")

FUZZY_CUTOFF = 80  # Indel ratio in %; "sqaut" → "squat" is 80, "secret" matches nothing
FUZZY_MIN_LENGTH = 4  # shorter queries are too ambiguous to guess at


class Tier(IntEnum):
    EXACT = 0
    NAME_PREFIX = 1
    NAME_WORD = 2
    ALIAS_PREFIX = 3
    ALIAS_WORD = 4
    ANYWHERE = 5
    CLOSE = 6


@dataclass(frozen=True)
class Match(Generic[T]):
    item: T
    tier: Tier
    text: str  # the name or alias that matched
    closeness: float = 100.0  # for Tier.CLOSE: the ratio, in %


@lru_cache(maxsize=8192)  # the catalog's few thousand names and aliases, split once
def words(text: str) -> tuple[str, ...]:
    """Lower-case words without accents: "Squat (Barbell)" → ("squat", "barbell")."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return tuple(re.findall(r"[^\W_]+", plain))


def _singular(word: str) -> str:
    # "squats", "curls": a plural finds the singular.
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@dataclass(frozen=True)
class _Query:
    tokens: tuple[str, ...]
    phrases: tuple[str, ...]  # as typed, and with each word singular
    squashed: tuple[str, ...]  # the same without spaces ("benchpress")
    starts: tuple[tuple[str, str], ...]  # each token and its singular, for word starts

    @classmethod
    def of(cls, text: str) -> "_Query":
        tokens = tuple(words(text))
        phrases = tuple(dict.fromkeys([" ".join(tokens), " ".join(map(_singular, tokens))]))
        starts = tuple((t, _singular(t)) for t in tokens)
        return cls(tokens, phrases, tuple(p.replace(" ", "") for p in phrases), starts)


@lru_cache(maxsize=8192)
def _forms(text: str) -> tuple[tuple[str, ...], str, str]:
    ws = words(text)
    return ws, " ".join(ws), "".join(ws)


def _text_tier(text: str, query: _Query, *, alias: bool) -> Tier | None:
    ws, joined, squashed = _forms(text)
    if joined in query.phrases or squashed in query.squashed:
        return Tier.EXACT
    if any(joined.startswith(p) for p in query.phrases):
        return Tier.ALIAS_PREFIX if alias else Tier.NAME_PREFIX
    if all(any(w.startswith(pair) for w in ws) for pair in query.starts):
        return Tier.ALIAS_WORD if alias else Tier.NAME_WORD
    if all(t in joined for t in query.tokens) or any(s in squashed for s in query.squashed):
        return Tier.ANYWHERE
    return None


def _closeness(text: str, query: _Query) -> float:
    """The best ratio of the query to the whole text, or word by word."""
    ws = words(text)
    best = max(ratio(squashed, "".join(ws)) for squashed in query.squashed)
    if len(query.tokens) > 1 and ws:
        per_word = [max(ratio(t, w) for w in ws) for t in query.tokens]
        best = max(best, sum(per_word) / len(per_word))
    return best


def rank(
    items: Iterable[T],
    query: str,
    texts: Callable[[T], tuple[str, Sequence[str]]],
    *,
    close: bool = True,
) -> list[Match[T]]:
    """The items matching `query`, best first; `texts(item)` gives its name and aliases.
    Nothing typed matches everything, in the given order. `close=False` leaves out the
    close spellings (the costly part)."""
    parsed = _Query.of(query)
    matches, unmatched = _tiered(list(items), parsed, texts)
    if close and parsed.tokens and len(parsed.squashed[0]) >= FUZZY_MIN_LENGTH:
        near = []
        for position, item in unmatched:
            name, aliases = texts(item)
            score, text = max((_closeness(t, parsed), t) for t in [name, *aliases])
            if score >= FUZZY_CUTOFF:
                near.append((-score, position, Match(item, Tier.CLOSE, text, score)))
        matches += [m for *_, m in sorted(near, key=lambda c: c[:2])]
    return matches


def _tiered(
    items: list[T], parsed: _Query, texts: Callable[[T], tuple[str, Sequence[str]]]
) -> tuple[list[Match[T]], list[tuple[int, T]]]:
    """The items matching in a tier above CLOSE, best first, and the others by position."""
    if not parsed.tokens:
        return [Match(item, Tier.EXACT, texts(item)[0]) for item in items], []
    found: list[tuple[int, Match[T]]] = []
    unmatched: list[tuple[int, T]] = []
    for position, item in enumerate(items):
        name, aliases = texts(item)
        best: tuple[Tier, str] | None = None
        for text, alias in [(name, False), *((a, True) for a in aliases)]:
            tier = _text_tier(text, parsed, alias=alias)
            if tier is not None and (best is None or tier < best[0]):
                best = (tier, text)
        if best is None:
            unmatched.append((position, item))
        else:
            found.append((position, Match(item, best[0], best[1])))
    found.sort(key=lambda pair: (pair[1].tier, pair[0]))
    return [m for _, m in found], unmatched


SAME_WORDS = (Tier.NAME_PREFIX, Tier.NAME_WORD, Tier.ALIAS_PREFIX, Tier.ALIAS_WORD)


def likely_meant(
    items: Iterable[T], typed: str, texts: Callable[[T], tuple[str, Sequence[str]]]
) -> Match[T] | None:
    """The item a name that is not one of theirs probably means, to ask "did you mean ...?":
    the same name but for plural, spacing or punctuation ("Squats", "Benchpress"), the same
    words in another order or shortened ("press bench", "leg press machine"), or a close
    spelling of the whole name ("Romainan deadlift"). None for a name that only shares a
    word or two with one ("Squat Jump Weighted" is not Jump Squat)."""
    typed_words = words(typed)
    items = list(items)
    for match in rank(items, typed, texts, close=False):
        if match.tier == Tier.EXACT:
            return match
        if match.tier in SAME_WORDS and len(words(match.text)) == len(typed_words):
            return match
    if not typed_words or len("".join(typed_words)) < FUZZY_MIN_LENGTH:
        return None
    # A close spelling: only texts with as many words can be one (and most are not).
    best: tuple[float, int, Match[T]] | None = None
    for position, item in enumerate(items):
        name, aliases = texts(item)
        for text in [name, *aliases]:
            ws = words(text)
            if _word_for_word(typed_words, ws):
                score = ratio("".join(typed_words), "".join(ws))
                if best is None or (-score, position) < (-best[0], best[1]):
                    best = (score, position, Match(item, Tier.CLOSE, text, score))
    return best[2] if best else None


def _word_for_word(typed: Sequence[str], text: Sequence[str]) -> bool:
    """As many words, each typed one close to one of the text's ("romainan" ~ "romanian")."""
    return len(typed) == len(text) and all(
        max(ratio(t, w) for w in text) >= FUZZY_CUTOFF for t in typed
    )
