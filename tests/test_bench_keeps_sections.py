"""`make bench` rewrites bench/RESULTS.md but keeps the sections it did not measure."""

from bench.sections import marked, others

OLD = "\n\n".join(
    [
        "# Benchmarks\n\n| old table |",
        "## How to read it\n\nold notes",
        marked("imports", "## Import formats\n\nold rows"),
        "## Import memory\n\nwritten by bench.import_memory alone",
        marked("progress_pages", "## Progress pages\n\nits rows"),
    ]
)
NEW = "\n\n".join(
    [
        "# Benchmarks\n\n| new table |",
        "## How to read it\n\nnew notes",
        marked("imports", "## Import formats\n\nnew rows"),
    ]
)


def test_sections_the_run_did_not_write_are_kept_unchanged():
    assert others(OLD, NEW) == [
        marked("progress_pages", "## Progress pages\n\nits rows"),
        "## Import memory\n\nwritten by bench.import_memory alone",
    ]


def test_sections_the_run_wrote_are_not_kept_twice():
    assert others(NEW, NEW) == []
