"""The README's quick-start block works as pasted: `make run` serves the demo, and the block,
run verbatim by bash, gets a token, logs a workout, reads its insight and the week, imports a
Strong export and exports everything. Only where `make run` listens and which password it
made come from the environment, through the two defaults the block itself declares."""

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.smtp import free_port

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
MARKER = "<!-- quick-start:"
# What the test run itself sets, which a person running `make run` would not have.
OUR_SETTINGS = ("DJANGO_SETTINGS_MODULE", "DEMO_PASSWORD", "ALLOWED_HOSTS", "SECRET_KEY")


def quick_start_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    _, found, after = readme.partition(MARKER)
    assert found, "README.md has no quick-start marker"
    block = re.search(r"```sh\n(.*?)```", after, re.DOTALL)
    assert block, "no ```sh block after the quick-start marker"
    return block.group(1)


def get_json(url: str, token: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=10) as reply:
        return json.load(reply)


@pytest.fixture
def make_run(tmp_path):
    """`make run` on a free port with its state in a directory of this test."""
    port = free_port()
    var = tmp_path / "var"
    log = (tmp_path / "make-run.log").open("w")
    env = {k: v for k, v in os.environ.items() if k not in OUR_SETTINGS}
    process = subprocess.Popen(
        ["make", "run", "HOST=127.0.0.1", f"PORT={port}", f"VAR_DIR={var}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, (tmp_path / "make-run.log").read_text()
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "make run did not serve within 180 s"
            time.sleep(0.5)
        yield base, (var / "demo_password").read_text().strip(), tmp_path / "make-run.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def test_the_quick_start_block_runs_as_pasted_against_make_run(make_run):
    base, password, log = make_run
    export = ROOT / "myolog-export.csv"
    try:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", quick_start_block()],
            cwd=ROOT,
            env={**os.environ, "MYOLOG": base, "PASSWORD": password},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr + result.stdout
        out = result.stdout
        assert '"status": "ready"' in out  # the insight, made by the worker make run starts
        assert '"primary": "heavy_resistance"' in out
        assert re.search(r'"week": "\d{4}-W\d\d"', out)
        assert '"recommendations"' in out
        header = export.read_text(encoding="utf-8").splitlines()[0]
        assert "row_type" in header
    finally:
        export.unlink(missing_ok=True)

    # The import the block started finishes whole (under make run it may still be running).
    insight, week, job = printed_json(out)[:3]
    assert insight["disclaimer"]
    assert week["sessions"] >= 1
    job_id = re.search(r"Import job (\d+)", out).group(1)
    token = json.loads(_token_request(base, password))["token"]
    deadline = time.monotonic() + 60
    while job["status"] not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.5)
        job = get_json(f"{base}/api/v1/imports/{job_id}/", token)
    assert job["status"] == "done", job
    assert job["created"] > 0, job
    assert job["errors"] == [], job
    assert "Traceback" not in log.read_text()


def printed_json(out: str) -> list[dict]:
    """The JSON documents `python3 -m json.tool` printed, in order."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while (at := out.find("{", at)) != -1:
        document, end = decoder.raw_decode(out, at)
        found.append(document)
        at = end
    return found


def _token_request(base: str, password: str) -> str:
    body = json.dumps({"username": "demo", "password": password, "name": "check"}).encode()
    request = urllib.request.Request(
        f"{base}/api/v1/auth/token/", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        return reply.read().decode()
