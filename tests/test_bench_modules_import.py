"""The bench scripts stay importable (they run only under `make bench`, never in the suite)."""

import importlib

import pytest

MODULES = [
    "bench.run",
    "bench.plans",
    "bench.peer_wger",
    "bench.embedded",
    "bench.scale",
    "bench.sync_ab",
    "bench.schema",
    "bench.import_formats",
    "bench.progress_pages",
    "bench.chunked_upload",
]


@pytest.mark.parametrize("name", MODULES)
def test_bench_module_imports(name):
    module = importlib.import_module(name)
    assert callable(module.main)


def test_make_bench_finds_every_section_module():
    from bench import sections

    assert set(sections.present()) == set(sections.SECTION_MODULES)
