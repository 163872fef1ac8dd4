"""The fuzz suite: schemathesis with every check, the stateful phase (links between
operations) included, a fixed seed, against the production stack (gunicorn, PostgreSQL,
Redis, a Celery worker). It must find 0 responses >= 500, 0 disagreements between the
OpenAPI schema and the code, and nothing written by any refused request (fuzz_hooks.py).

On CI (CI=true) the run makes at least 10,000 requests in about five minutes; elsewhere
fewer (FUZZ_EXAMPLES sets the examples per operation and phase). Every request is logged
under test-artifacts/integration/<test>/fuzz-requests.jsonl."""

import collections
import http.client
import json
import os
import subprocess
import sys

import pytest

from tests.integration.support import HOST, PASSWORD, ROOT, on_ci

pytestmark = pytest.mark.integration

SEED = "20261202"
CI_EXAMPLES, LOCAL_EXAMPLES = 300, 12
MIN_REQUESTS = 10_000  # on CI
HOOKS = "tests.integration.fuzz_hooks"
CONFIG = ROOT / "tests" / "integration" / "schemathesis.toml"


def start(stack, **env):
    """gunicorn and a worker; throttles high enough that the logic behind them is reached."""
    web = stack.start_web(wait=False, THROTTLE_SYNC="100000/min", THROTTLE_TOKEN="100000/min")
    stack.start_worker()
    stack.wait_healthy(web)
    return web


def test_the_fuzzer_finds_no_server_error_disagreement_or_stray_write(stack, database, artifacts):
    start(stack)
    stack.manage(
        "createsuperuser",
        "--noinput",
        DJANGO_SUPERUSER_USERNAME="fuzz",
        DJANGO_SUPERUSER_EMAIL="fuzz@example.com",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    token = stack.http.token_for("fuzz")
    log = artifacts / "fuzz-requests.jsonl"
    examples = os.environ.get("FUZZ_EXAMPLES") or (CI_EXAMPLES if on_ci() else LOCAL_EXAMPLES)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(CONFIG),
            "run",
            f"{stack.url}/api/v1/schema/",
            "--header",
            f"Authorization: Bearer {token}",
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing,stateful",
            "--max-examples",
            str(examples),
            "--seed",
            SEED,
            "--workers",
            "1",
            "--no-color",
            "--continue-on-failure",
            # Revoking tokens would revoke the one the run uses.
            "--exclude-path-regex",
            "auth/tokens/",
            "--request-timeout",
            "30",
            "--report",
            "junit",
            "--report-dir",
            str(artifacts),
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "SCHEMATHESIS_HOOKS": HOOKS,
            "FUZZ_DATABASE_URL": database.url,
            "FUZZ_LOG": str(log),
        },
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    # The run's wrong passwords pause log-ins from 127.0.0.1; the stack's database is shared
    # with the integration tests that follow, whose log-ins must not meet that pause.
    stack.manage("axes_reset")
    (artifacts / "schemathesis.txt").write_text(result.stdout + result.stderr)
    report = result.stdout[-12000:] + result.stderr[-3000:]
    requests = [json.loads(line) for line in log.read_text().splitlines()]
    statuses = collections.Counter(r["status"] for r in requests)
    print(f"{len(requests)} requests, by status: {dict(sorted(statuses.items()))}")
    assert [r for r in requests if r["status"] >= 500] == [], report
    assert [r for r in requests if r.get("wrote")] == [], report
    assert result.returncode == 0, report
    if on_ci():
        assert len(requests) >= MIN_REQUESTS, f"only {len(requests)} requests"


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Big": "a" * 100_000},  # one header far past gunicorn's 8,190 bytes
        {f"X-Many-{i}": "1" for i in range(200)},  # past gunicorn's 100 headers
    ],
)
def test_oversized_headers_are_refused_with_a_431(stack, headers):
    web = stack.start_web()
    connection = http.client.HTTPConnection(HOST, stack.web_port, timeout=10)
    connection.putrequest("GET", "/api/v1/workouts/")
    for name, value in headers.items():
        connection.putheader(name, value)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    assert status == 431  # Request Header Fields Too Large
    assert stack.http.get("/healthz").status == 200
    assert web.alive()
