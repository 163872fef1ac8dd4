"""A large import sent in chunks (`/api/v1/imports/uploads/`) to gunicorn on 127.0.0.1: the
upload's time and throughput, and the web worker's peak memory while it takes the bytes
(they are streamed to disk, never held whole), against the same file sent in one
multipart request. Prints figures and writes its section of bench/RESULTS.md.

    .venv/bin/python -m bench.chunked_upload [--mb 200] [--chunk-mb 4]

The file is a .gz of random bytes (an archive, so it may be over IMPORT_MAX_BYTES); the job
its last chunk queues waits on Redis db 6, which no worker reads, and is flushed after.
"""

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import sections

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/6"
PORT = 8766
PIECE = 1024 * 1024


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM) so far."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def make_file(path: Path, megabytes: int) -> None:
    with path.open("wb") as out:
        out.write(b"\x1f\x8b\x08\x00")  # a gzip header: an archive, so over 25 MB is allowed
        for _ in range(megabytes):
            out.write(os.urandom(PIECE))


def chunked(token: str, path: Path, size: int, worker: int, peaks: list[float]) -> float:
    """The upload's seconds; `peaks` gets the worker's peak RSS after each chunk."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    auth = {"Authorization": f"Bearer {token}"}
    body = json.dumps({"filename": path.name, "size": size})
    started = time.perf_counter()
    connection.request(
        "POST", "/api/v1/imports/uploads/", body, {**auth, "Content-Type": "application/json"}
    )
    answer = json.loads(connection.getresponse().read())
    upload, chunk = answer["id"], answer["chunk_size"]
    with path.open("rb") as source:
        offset = 0
        while offset < size:
            data = source.read(chunk)
            headers = {
                **auth,
                "Content-Type": "application/octet-stream",
                "Content-Range": f"bytes {offset}-{offset + len(data) - 1}/{size}",
            }
            connection.request("PUT", f"/api/v1/imports/uploads/{upload}/", data, headers)
            response = connection.getresponse()
            reply = json.loads(response.read())
            if response.status != 200:
                raise SystemExit(f"chunk at {offset}: {response.status} {reply}")
            offset = reply["offset"]
            peaks.append(peak_rss_mb(worker))
    if not reply.get("job"):
        raise SystemExit(f"no job after the last chunk: {reply}")
    return time.perf_counter() - started


def one_request(token: str, path: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [
            *("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}"),
            *("-H", f"Authorization: Bearer {token}", "-F", f"file=@{path}"),
            f"http://127.0.0.1:{PORT}/api/v1/imports/",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    if result.stdout != "202":
        raise SystemExit(f"one-request upload: {result.stdout} {result.stderr}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--chunk-mb", type=int, default=4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="myolog-chunked-"))
    env = {
        **os.environ,
        "SECRET_KEY": "bench-only",
        "SECURE_HTTPS": "false",
        "VAR_DIR": str(work / "var"),
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "CELERY_BROKER_URL": REDIS_URL,
        "IMPORT_UPLOAD_CHUNK_BYTES": str(args.chunk_mb * 1024 * 1024),
        "IMPORT_UPLOAD_MAX_OPEN": "10",
    }
    python = sys.executable
    manage = [python, str(ROOT / "manage.py")]
    server = None
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        make_token = (
            "from django.contrib.auth.models import User; from logbook.tokens import issue_token;"
            "print(issue_token(User.objects.create_user('bench', password='x'), 'bench')[1])"
        )
        token = (
            subprocess.run(
                [*manage, "shell", "-c", make_token],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        path = work / "export.gz"
        make_file(path, args.mb)
        size = path.stat().st_size
        server = subprocess.Popen(
            [
                *(python, "-m", "gunicorn", "-c", str(ROOT / "config" / "gunicorn.py")),
                *("-w", "1", "--threads", "4", "-b", f"127.0.0.1:{PORT}", "config.wsgi"),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)
        worker = worker_pid(server.pid)
        before = peak_rss_mb(worker)
        peaks: list[float] = []
        chunked_s = chunked(token, path, size, worker, peaks)
        after_chunked = peak_rss_mb(worker)
        single_s = one_request(token, path)
        after_single = peak_rss_mb(worker)
        result = {
            "mb": size / 1_048_576,
            "chunk_mb": args.chunk_mb,
            "chunks": -(-size // (args.chunk_mb * 1024 * 1024)),
            "chunked_s": chunked_s,
            "single_s": single_s,
            "rss_start": before,
            "rss_chunked": after_chunked,
            "rss_first": peaks[0],
            "rss_before_last": peaks[-2],
            "rss_single": after_single,
        }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        subprocess.run(["redis-cli", "-n", "6", "flushdb"], capture_output=True, check=False)
        shutil.rmtree(work, ignore_errors=True)
    text = section(result)
    print(text)
    sections.write("chunked_upload", text)


def section(r: dict) -> str:
    return (
        "## Chunked uploads (bench/chunked_upload.py)\n\n"
        f"A {r['mb']:.0f} MB .gz sent to one gunicorn worker (4 threads) on 127.0.0.1, "
        "SQLite, on the shared 2-core machine; the job it queues is not run.\n\n"
        "| upload | time | throughput | worker's peak RSS after |\n"
        "| --- | --- | --- | --- |\n"
        f"| in {r['chunks']} chunks of {r['chunk_mb']} MB (`PUT /api/v1/imports/uploads/{{id}}/`) "
        f"| {r['chunked_s']:.1f} s | {r['mb'] / r['chunked_s']:.0f} MB/s "
        f"| {r['rss_chunked']:.0f} MB (from {r['rss_start']:.0f} MB at start; "
        f"{r['rss_first']:.0f} MB after the first chunk, {r['rss_before_last']:.0f} MB before "
        "the last: the first request's imports, not the bytes) |\n"
        f"| one multipart request (`POST /api/v1/imports/`) | {r['single_s']:.1f} s "
        f"| {r['mb'] / r['single_s']:.0f} MB/s | {r['rss_single']:.0f} MB |\n\n"
        "Each chunk is streamed to disk in 64 KB pieces and fsynced before its offset is "
        "counted; the last one's file is moved (not copied) into the job's place."
    )


if __name__ == "__main__":
    main()
