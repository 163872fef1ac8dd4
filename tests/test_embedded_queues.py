"""The embedded worker consumes every queue a task can be sent to, read from the settings and
the tasks, so a task routed to a new queue is never left waiting under `make run`."""

from celery import Celery
from kombu import Queue

from config.celery import app
from config.embedded import consumed_queues


def test_every_declared_routed_and_named_queue_is_consumed():
    other = Celery("queues-test", set_as_current=False)
    other.conf.task_queues = [Queue("classification")]
    other.conf.task_routes = {"a.*": {"queue": "imports"}, "b.send": "emails"}

    @other.task(name="c.refresh", queue="weeks")
    def refresh() -> None: ...

    assert consumed_queues(other) == ["celery", "classification", "imports", "emails", "weeks"]


def test_the_apps_routes_and_tasks_are_all_consumed():
    consumed = set(consumed_queues(app))
    routes = app.conf.task_routes or ()
    tables = [routes] if isinstance(routes, dict) else list(routes)
    routed = {
        r["queue"] if isinstance(r, dict) else r
        for table in tables
        if isinstance(table, dict)
        for r in table.values()
    }
    named = {t.queue for t in app.tasks.values() if getattr(t, "queue", None)}
    assert {app.conf.task_default_queue, *routed, *named} <= consumed
