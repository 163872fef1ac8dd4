"""The Celery app. Without a configured broker, tasks run eagerly in-process."""

import os
from pathlib import Path

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("myolog")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.autodiscover_tasks(["logbook.imports"])

# `make run` (config.embedded) starts the site once its worker takes tasks: the worker
# touches this file then.
READY_FILE = "MYOLOG_WORKER_READY_FILE"


@worker_ready.connect
def mark_worker_ready(sender=None, **kwargs) -> None:
    path = os.environ.get(READY_FILE)
    if path:
        Path(path).touch()
