"""The bench scripts stay importable (they run only under `make bench`, never in the suite)."""

import importlib

import pytest

MODULES = [
    "bench.run",
    "bench.plans",
    "bench.sync_ab",
    "bench.schema",
    "bench.imports",
    "bench.pages",
]


@pytest.mark.parametrize("name", MODULES)
def test_bench_module_imports(name):
    module = importlib.import_module(name)
    assert callable(module.main)
