"""`make run`'s processes: gunicorn and a Celery worker, with beat inside it, on the embedded
broker.

The embedded default runs tasks the way production does, with nothing to install: a write
queues its tasks on commit and answers; the worker runs them after the response. The broker
is a folder of files under VAR_DIR/broker/ (config/embedded_broker.py). The worker consumes
every queue the settings and tasks name, classifies on start what a stopped process left
unclassified (insights.tasks.sweep_on_start), and runs beat's schedule. Ctrl-C stops both.

    CELERY_BROKER_URL=filesystem:// python -m config.embedded --bind 127.0.0.1:8000
"""

import argparse
import os
import sys
from pathlib import Path

from celery import Celery

from config.celery import READY_FILE
from config.stack import WORKER_NICE, gunicorn_command, supervise

BROKER_URL = "filesystem://localhost/"


def consumed_queues(app: Celery) -> list[str]:
    """Every queue a task can be sent to: the default one, those the settings declare or
    route to, and those tasks name themselves. One worker consumes them all."""
    app.loader.import_default_modules()  # every module with tasks (autodiscovery)
    conf = app.conf
    names = [conf.task_default_queue]
    names += [getattr(q, "name", q) for q in conf.task_queues or ()]
    routes = conf.task_routes or ()
    for table in [routes] if isinstance(routes, dict) else routes:
        if isinstance(table, dict):
            for route in table.values():
                names.append(route.get("queue") if isinstance(route, dict) else route)
    names += [getattr(task, "queue", None) for task in app.tasks.values()]
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n))


def process_commands(
    bind: str, var_dir: str, queues: list[str], python: str = sys.executable
) -> dict[str, list[str]]:
    """gunicorn (one process, four threads: SQLite has one writer at a time) and the worker,
    at a lower priority so a burst of classifications never slows a page."""
    return {
        "web": [*gunicorn_command(python, bind, workers=1), "--log-level", "warning"],
        "worker": [
            *WORKER_NICE,
            python,
            "-m",
            "celery",
            "--quiet",
            "-A",
            "config",
            "worker",
            "--beat",
            "--schedule",
            os.path.join(var_dir, "celerybeat-schedule"),
            "--queues",
            ",".join(queues),
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
            "--without-mingle",
            "--without-gossip",
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bind", default="127.0.0.1:8000")
    args = parser.parse_args(argv)
    os.environ.setdefault("CELERY_BROKER_URL", BROKER_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings

    from config.celery import app

    commands = process_commands(args.bind, str(settings.VAR_DIR), consumed_queues(app))
    # The worker first, the site once it takes tasks (config.celery.mark_worker_ready): a
    # save made as soon as the site answers is classified at once, not after the worker's
    # start-up (seconds on a busy machine).
    marker = Path(settings.VAR_DIR) / "worker.ready"
    marker.unlink(missing_ok=True)
    env = {**os.environ, READY_FILE: str(marker)}
    return supervise(dict(reversed(commands.items())), env, grace_s=15, ready={"worker": marker})


if __name__ == "__main__":
    sys.exit(main())
