"""Sections of bench/RESULTS.md that a bench module of its own measures and writes.

A section module (listed in SECTION_MODULES) has

    measure(quick: bool) -> object        runs its measurements (bounded, 127.0.0.1 only)
    section(result, quick: bool) -> str   its Markdown, from what measure returned

`make bench` (bench/run.py) runs each module that exists as a step of the same name and
writes its section between the module's markers; a section whose step did not run (or
failed) is kept as the previous RESULTS.md had it, so one step's run never loses another's.
A module may also write its own section when run alone (`write(name, text)`).
"""

import importlib
from pathlib import Path
from types import ModuleType

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
# In the order they appear in RESULTS.md; a module not (yet) in the tree is skipped.
SECTION_MODULES = ("embedded", "plans", "peer_wger", "scale", "progress_pages")


def markers(name: str) -> tuple[str, str]:
    return f"<!-- bench.{name}: begin -->", f"<!-- bench.{name}: end -->"


def present() -> dict[str, ModuleType]:
    """The section modules in the tree that have both functions."""
    found = {}
    for name in SECTION_MODULES:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"bench.{name}":
                raise
            continue
        if hasattr(module, "measure") and hasattr(module, "section"):
            found[name] = module
    return found


def marked(name: str, text: str) -> str:
    begin, end = markers(name)
    return f"{begin}\n{text.strip()}\n{end}"


def kept(name: str, results: Path = RESULTS) -> str:
    """The section as RESULTS.md has it now (markers included), or a line saying none yet."""
    begin, end = markers(name)
    old = results.read_text() if results.exists() else ""
    if begin in old and end in old:
        return begin + old.split(begin, 1)[1].split(end, 1)[0] + end
    return marked(name, f"_bench.{name} has not run yet: `python -m bench.run --only {name}`._")


def write(name: str, text: str, results: Path = RESULTS) -> None:
    """Replaces (or appends) this module's section in RESULTS.md, leaving the rest."""
    old = results.read_text() if results.exists() else "# Benchmarks\n"
    begin, end = markers(name)
    new = marked(name, text)
    if begin in old and end in old:
        head, rest = old.split(begin, 1)
        old = head + new + rest.split(end, 1)[1]
    else:
        old = old.rstrip("\n") + "\n\n" + new + "\n"
    results.write_text(old)


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
