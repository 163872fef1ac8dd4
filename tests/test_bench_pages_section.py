"""bench/pages.py keeps to its own section of bench/RESULTS.md (bench/run.py's rewrite keeps
it), and its lifter has five years of realistic lifting (no figure of it is checked here:
speed is measured in bench/, never in tests)."""

from datetime import UTC, datetime, timedelta

from bench import pages

FIGURES = {
    "workouts": 1200,
    "sets": 15000,
    "fill_s": 20.0,
    "rounds": 30,
    "pages": {"records": {"p50": 90.0, "p95": 160.0, "queries": 6}},
}


def test_the_section_is_added_once_then_replaced_in_place(tmp_path, monkeypatch):
    results = tmp_path / "RESULTS.md"
    monkeypatch.setattr(pages, "RESULTS", results)
    other = "<!-- other: begin -->\n## Other\n<!-- other: end -->\n"
    main = "# Benchmarks\n\n| the main table |\n\n" + other
    first = pages.with_section(main, pages.section({"sqlite": FIGURES}, quick=True))
    assert first.startswith(main.rstrip("\n"))
    assert "| records | 90 / 160 ms ✘ | 6 | p95 ≤ 150 ms |" in first
    results.write_text(first)
    again = {**FIGURES, "pages": {"records": {"p50": 50.0, "p95": 70.0, "queries": 6}}}
    second = pages.with_section(first, pages.section({"sqlite": again}, quick=False))
    assert second.count(pages.BEGIN) == second.count(pages.END) == 1
    assert "90 / 160" not in second
    assert "| records | 50 / 70 ms | 6 |" in second
    assert "<!-- other: end -->" in second
    # bench/run.py rewrites the file from its own lines: the section it holds is kept.
    results.write_text(second)
    rewritten = pages.with_section("# Benchmarks\n\n| a new main table |\n")
    assert rewritten.startswith("# Benchmarks\n\n| a new main table |")
    assert "| records | 50 / 70 ms | 6 |" in rewritten


def test_five_years_of_a_four_day_split_ending_before_today():
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    payloads = pages.five_years(now)
    lifts = [p for p in payloads if p["activity"] == "strength"]
    starts = sorted(datetime.fromisoformat(p["started_at"]) for p in payloads)
    assert len(payloads) >= 1000
    assert starts[0] < now - timedelta(days=365 * 5 - 7)
    assert starts[-1] < now
    sets = [s for p in lifts for e in p["exercises"] for s in e["sets"]]
    assert 12 <= len(sets) / len(lifts) <= 20
    assert any(s.get("set_type") == "warmup" for s in sets)
    assert len({p["external_id"] for p in payloads}) == len(payloads)
