"""Every Celery task the app registers ends before the broker would hand it to a second
worker: a soft limit (the task is told to stop and can fail cleanly) below a hard limit (the
worker kills it) below the broker's visibility timeout, whether the task sets its own limits
or takes the settings' defaults."""

from config.celery import app


def our_tasks() -> dict:
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_the_app_registers_its_tasks():
    names = set(our_tasks())
    assert {
        "logbook.imports.tasks.run_import",
        "insights.tasks.classify_workouts",
        "insights.tasks.refresh_weekly_report",
        "insights.tasks.send_weekly_email",
    } <= names


def test_every_task_has_a_soft_and_a_hard_limit_below_the_visibility_timeout(settings):
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get(
        "visibility_timeout", settings.CELERY_VISIBILITY_TIMEOUT
    )
    for name, task in our_tasks().items():
        soft = task.soft_time_limit or app.conf.task_soft_time_limit
        hard = task.time_limit or app.conf.task_time_limit
        assert soft, f"{name} has no soft time limit"
        assert hard, f"{name} has no hard time limit"
        assert soft < hard < visibility, f"{name}: soft {soft}, hard {hard}, of {visibility}"
