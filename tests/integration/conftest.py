"""Real services for the integration tests: PostgreSQL and Redis on 127.0.0.1, SMTP in-process.

On CI (CI=true) a missing service fails the run; elsewhere the tests skip with the reason.
A fresh database (migrated once by `manage.py migrate`) and a Redis database number serve
the session; each test starts the production processes it needs through `stack` and they
are always stopped, their output kept under test-artifacts/integration/<test>/.
"""

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from tests.integration.support import (
    ARTIFACTS,
    HOST,
    ROOT,
    PostgresCluster,
    RedisServer,
    Stack,
    pg_bindir,
    redis_client,
    sql,
    unavailable,
)
from tests.smtp import Inbox, start_smtp

POSTGRES = f"postgres://postgres@{HOST}:5432"
REDIS = f"redis://{HOST}:6379"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def services() -> None:
    try:
        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
    except Exception as error:
        unavailable(f"PostgreSQL is not reachable at {HOST}:5432 ({error})")
    try:
        redis_client(f"{REDIS}/0").ping()
    except Exception as error:
        unavailable(f"Redis is not reachable at {HOST}:6379 ({error})")


@dataclass(frozen=True)
class Database:
    name: str
    url: str  # DATABASE_URL for the processes
    dump: Path | None  # the freshly migrated database, for throwaway clusters


@pytest.fixture(scope="session")
def database(services, tmp_path_factory) -> Database:
    """A fresh database, migrated in a child process the way a deployment does it."""
    name = f"myolog_it_{secrets.token_hex(4)}"
    url = f"{POSTGRES}/{name}"
    sql(f"{POSTGRES}/postgres", f'CREATE DATABASE "{name}"')
    try:
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        log = ARTIFACTS / (f"session-migrate-{worker}.log" if worker else "session-migrate.log")
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("w") as out:
            result = subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput"],
                cwd=ROOT,
                env=Stack.production_env(DATABASE_URL=url),
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=180,
                check=False,
            )
        assert result.returncode == 0, f"migrate failed, see {log}"
        dump = None
        pg_dump = pg_bindir() / "pg_dump"
        if pg_dump.exists():
            dump = tmp_path_factory.mktemp("dump") / "migrated.sql"
            subprocess.run(
                [str(pg_dump), "--no-owner", "-f", str(dump), url], check=True, timeout=60
            )
        yield Database(name, url, dump)
    finally:
        sql(f"{POSTGRES}/postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


CLAIM = "myolog-integration-tests:claimed-by"


@pytest.fixture(scope="session")
def redis_url(services) -> str:
    """A Redis database number of its own (one of 8-15 that no other test session has
    claimed, so parallel sessions and xdist workers do not flush each other's), flushed
    at the start and the end."""
    owner = secrets.token_hex(8)
    for number in range(15, 7, -1):
        url = f"{REDIS}/{number}"
        if redis_client(url).set(CLAIM, owner, nx=True, ex=1800):
            break
    else:
        pytest.fail("Redis databases 8-15 are all claimed by other integration sessions")
    flush(url)
    yield url
    flush(url, keep_claim=False)


def flush(url: str, keep_claim: bool = True) -> None:
    """Empty the database, keeping our claim on it until the session ends."""
    client = redis_client(url)
    owner = client.get(CLAIM)
    client.flushdb()
    if keep_claim and owner:
        client.set(CLAIM, owner, ex=1800)


@pytest.fixture
def artifacts(request) -> Path:
    directory = ARTIFACTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    return directory


@pytest.fixture
def inbox() -> Inbox:
    """An SMTP server (aiosmtpd) in this process; the children send to it."""
    controller, inbox = start_smtp()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def stack(request, database, redis_url, inbox, artifacts) -> Stack:
    """Starts the production processes on demand (start_web, start_worker, start_beat) and
    always stops them. Processes use the session database, broker and the test's inbox."""
    flush(redis_url)
    env = Stack.production_env(
        DATABASE_URL=database.url,
        CELERY_BROKER_URL=redis_url,
        EMAIL_URL=f"smtp://{HOST}:{inbox.port}",
    )
    stack = Stack(artifacts, env)
    try:
        yield stack
    finally:
        stack.stop_all()
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            print(stack.tails())
        flush(redis_url)


@pytest.fixture
def throwaway_redis(artifacts) -> RedisServer:
    if shutil.which("redis-server") is None:
        unavailable("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(artifacts)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def throwaway_postgres(database, artifacts) -> PostgresCluster:
    """A cluster of our own holding a copy of the migrated database as `myolog`."""
    if not (pg_bindir() / "pg_ctl").exists() or database.dump is None:
        unavailable("PostgreSQL server binaries (initdb, pg_ctl, pg_dump) are not installed")
    directory = Path(tempfile.mkdtemp(prefix="myolog-it-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = PostgresCluster(directory)
    try:
        cluster.init()
        cluster.start()
        sql(cluster.url(), "CREATE DATABASE myolog")
        subprocess.run(
            [
                str(pg_bindir() / "psql"),
                *("-q", "-v", "ON_ERROR_STOP=1", "-f", str(database.dump)),
                cluster.url("myolog"),
            ],
            check=True,
            timeout=60,
            capture_output=True,
        )
        yield cluster
    finally:
        if cluster.running():
            with contextlib.suppress(subprocess.SubprocessError):
                cluster.stop("immediate")
        if cluster.log.exists():
            shutil.copy(cluster.log, artifacts / "postgres.log")
        shutil.rmtree(directory, ignore_errors=True)
