"""Checks of raw input that every door shares, before any rule or the database sees it:
text the database can store, whole numbers written in ASCII digits of a sane length, JSON
nested no deeper than a fixed limit, and datetimes the database holds.

Each answers in plain words (for the `{"errors": {field: [...]}}` envelope) instead of
letting a codec, `int()` or the database raise deep inside a request.
"""

import math
import re
from datetime import UTC, datetime

NUL = "May not contain NUL characters."
UNENCODABLE = "Contains characters that are not valid Unicode text (such as a lone surrogate)."

# Ids, limits, days, hours, durations: nothing a person types needs more digits than this,
# and `int()` of thousands of digits is refused by Python (or slow) rather than answered.
MAX_DIGITS = 18
_WHOLE = re.compile(rf"[0-9]{{1,{MAX_DIGITS}}}")

# PostgreSQL's timestamptz holds offsets up to ±15:59; datetimes are stored in UTC, so any
# offset Python accepts is fine once converted, as long as the instant is in range.
EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
LATEST = datetime(9999, 12, 30, tzinfo=UTC)


def text_problem(value: str) -> str | None:
    """Why `value` cannot be stored as text (NUL, unencodable), or None."""
    if "\x00" in value:
        return NUL
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return UNENCODABLE
    return None


def storable(value: object) -> bool:
    return isinstance(value, str) and text_problem(value) is None


def printable(value: str) -> str:
    """`value` safe to put in a response: unencodable characters become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


_SURROGATE = re.compile("[\ud800-\udfff]")  # always lone: json decodes a pair into one


def whole_number(text: str) -> int | None:
    """A whole number written in ASCII digits (at most MAX_DIGITS), or None. `str.isdigit`
    also takes "²" and "٢٠٢٦", which `int()` then refuses or reads as another number."""
    return int(text) if _WHOLE.fullmatch(text) else None


# --- JSON nesting -------------------------------------------------------------------------------

_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = re.compile(rb"[^\[\]{}]++")
_INNERMOST = re.compile(rb"\[\]|\{\}")


def json_too_deep(body: bytes, limit: int) -> bool:
    """True if the JSON text nests arrays and objects deeper than `limit`, found without
    parsing (the stdlib parser recurses once per level and would hit Python's recursion
    limit). Strings are dropped, then matched brackets peeled one level per pass, each pass
    first looking for a run of openers longer than the levels left (the usual attack)."""
    brackets = _NOT_BRACKET.sub(b"", _STRING.sub(b"", body))
    for peeled_levels in range(limit):
        if not brackets:
            return False
        if re.search(rb"[\[{]{%d}" % (limit - peeled_levels + 1), brackets):
            return True  # that many openers in a row: too deep, whatever follows
        peeled = _INNERMOST.sub(b"", brackets)
        if peeled == brackets:
            # Unbalanced (invalid JSON): the parser may still recurse once per opener first.
            openers = brackets.count(b"[") + brackets.count(b"{")
            return openers > limit - peeled_levels
        brackets = peeled
    return bool(brackets)


# --- JSON numbers ------------------------------------------------------------------------------

# No field holds a number of more digits than this; Python refuses `int()` of more than 4,300
# (and takes quadratic time below that), so longer ones never reach `int()`.
JSON_MAX_DIGITS = 40
TOO_MANY_DIGITS = f"A number of more than {JSON_MAX_DIGITS} digits."
OUT_OF_RANGE = "A number too large to hold."


class Unreadable:
    """Stands in, while parsing, for a JSON number that cannot be held; `text_problems`
    then names its field, so it never reaches a rule or the database."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


# Only a number of more than JSON_MAX_DIGITS digits, or with an exponent of three digits or
# more, parses to an Unreadable (a float past 1.8e308 needs one or the other); a string that
# looks so only costs the walk.
_MAY_BE_UNREADABLE = re.compile(rf"\d{{{JSON_MAX_DIGITS + 1}}}|[eE][+-]?\d{{3}}")


def may_be_unreadable(text: str) -> bool:
    """False when no number in this JSON text can parse to an `Unreadable`: a sync body of
    500 workouts then needs no walk of every value (`text_problems` with `text` off)."""
    return _MAY_BE_UNREADABLE.search(text) is not None


def json_int(text: str) -> int | Unreadable:
    if len(text.lstrip("-")) > JSON_MAX_DIGITS:
        return Unreadable(TOO_MANY_DIGITS)
    return int(text)


def json_float(text: str) -> float | Unreadable:
    value = float(text)  # any length: float() has no digit limit and is linear
    return value if math.isfinite(value) else Unreadable(OUT_OF_RANGE)


# --- Datetimes -------------------------------------------------------------------------------


def in_database_range(value: datetime) -> bool:
    """Whether an aware datetime is an instant the database can hold (and Python can convert
    to UTC: year 1 with a positive offset, or 9999 with a negative one, overflows)."""
    try:
        moment = value.astimezone(UTC)
    except OverflowError:
        return False
    return EARLIEST <= moment <= LATEST


_SPACE_FOR_PLUS = re.compile(r" (\d{2}:?\d{2})$")


def query_datetime(value: str) -> datetime:
    """A query parameter's ISO 8601 datetime with an offset, in UTC (PostgreSQL refuses
    offsets beyond ±15:59). ValueError, in words for the user, otherwise."""
    # An unencoded "+01:00" in a query string arrives as " 01:00".
    value = _SPACE_FOR_PLUS.sub(r"+\1", value.strip())
    try:
        parsed = datetime.fromisoformat(value) if value.isascii() else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError("Not an ISO 8601 datetime with an offset.")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ValueError("Give a UTC offset, e.g. 2026-11-16T07:30:00+01:00 or …Z.")
    if not in_database_range(parsed):
        raise ValueError("Must be between the years 1 and 9999.")
    return parsed.astimezone(UTC)


def text_problems(data: object, path: str = "", text: bool = True) -> dict[str, list[str]]:
    """Every number of parsed JSON that cannot be held (`Unreadable`), and unless `text` is
    off every string (keys too) that cannot be stored, by dotted path."""
    found: dict[str, list[str]] = {}
    stack = [(path, data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, Unreadable):
            found.setdefault(where or "body", []).append(value.problem)
        elif isinstance(value, str) and text:
            problem = text_problem(value)
            if problem:
                found.setdefault(where or "body", []).append(problem)
        elif isinstance(value, dict):
            for key, item in value.items():
                problem = text_problem(key) if text else None
                if problem:
                    found.setdefault(where or "body", []).append(f"A key: {problem}")
                    continue
                stack.append((f"{where}.{key}" if where else key, item))
        elif isinstance(value, list):
            stack.extend((f"{where}.{i}" if where else str(i), v) for i, v in enumerate(value))
    return found
