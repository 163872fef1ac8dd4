"""Each kind of background work has its own queue (imports, classification, week refreshes,
emails, maintenance), so a backlog of one never holds up another, and every queue a task can
be sent to is one that workers consume by default."""

import pytest

from config.celery import app

QUEUE_OF = {
    "logbook.imports.tasks.run_import": "imports",
    "insights.tasks.classify_workouts": "classification",
    "insights.tasks.sweep_unclassified": "classification",
    "insights.tasks.refresh_weekly_report": "weeks",
    "insights.tasks.warm_record_books": "weeks",
    "insights.tasks.send_weekly_email": "emails",
    "insights.tasks.send_due_weekly_emails": "emails",
    "logbook.imports.tasks.purge_imports": "maintenance",
    "logbook.tasks.purge_sessions": "maintenance",
    "logbook.tasks.purge_idempotency_records": "maintenance",
    "logbook.tasks.purge_login_failures": "maintenance",
}


def queue_of(name: str) -> str:
    return app.amqp.router.route({}, name)["queue"].name


@pytest.mark.parametrize(("task", "queue"), QUEUE_OF.items())
def test_each_kind_of_work_is_sent_to_its_queue(task, queue):
    assert queue_of(task) == queue


def test_every_task_of_the_app_has_a_queue_of_its_own_kind_that_workers_consume():
    app.loader.import_default_modules()
    declared = {q.name for q in app.conf.task_queues}
    ours = [n for n in app.tasks if n.startswith(("logbook.", "insights."))]
    assert set(QUEUE_OF) <= set(ours)
    for name in ours:
        assert queue_of(name) != app.conf.task_default_queue, f"{name} has no route"
        assert queue_of(name) in declared, name
    assert "bulk-classification" in declared  # an import's classifications, sent there
