"""bench/progress_pages.py is a section module of bench/RESULTS.md (bench/sections.py) whose
section names each page's figures beside the target, and its lifter has five years of
realistic lifting (no figure of it is checked here: speed is measured in bench/, never in
tests)."""

from datetime import UTC, datetime, timedelta

from bench import progress_pages, sections

FIGURES = {
    "workouts": 1200,
    "sets": 15000,
    "fill_s": 20.0,
    "rounds": 30,
    "pages": {"records": {"p50": 90.0, "p95": 160.0, "queries": 6}},
}


def test_it_is_a_section_module_with_its_own_markers(tmp_path):
    assert "progress_pages" in sections.present()
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmarks\n\n| the main table |\n")
    sections.write(progress_pages.NAME, progress_pages.section({"sqlite": FIGURES}, True), results)
    text = results.read_text()
    assert text.startswith("# Benchmarks\n\n| the main table |\n")
    assert "<!-- bench.progress_pages: begin -->\n## Progress pages, five years of data" in text
    assert "| page | SQLite p50 / p95 | queries | target |" in text


def test_a_page_over_the_target_is_marked_and_both_databases_are_shown():
    fast = {**FIGURES, "pages": {"records": {"p50": 50.0, "p95": 70.0, "queries": 7}}}
    text = progress_pages.section({"sqlite": FIGURES, "postgres": fast}, quick=False)
    assert "| records | 90 / 160 ms ✘ | 50 / 70 ms | 6/7 | p95 ≤ 150 ms |" in text
    assert "1,200 workouts and 15,000 sets over 5 years" in text


def test_five_years_of_a_four_day_split_ending_before_today():
    now = datetime(2026, 12, 2, 12, tzinfo=UTC)
    payloads = progress_pages.five_years(now)
    lifts = [p for p in payloads if p["activity"] == "strength"]
    starts = sorted(datetime.fromisoformat(p["started_at"]) for p in payloads)
    assert len(payloads) >= 1000
    assert starts[0] < now - timedelta(days=365 * 5 - 7)
    assert starts[-1] < now
    sets = [s for p in lifts for e in p["exercises"] for s in e["sets"]]
    assert 12 <= len(sets) / len(lifts) <= 20
    assert any(s.get("set_type") == "warmup" for s in sets)
    assert len({p["external_id"] for p in payloads}) == len(payloads)
