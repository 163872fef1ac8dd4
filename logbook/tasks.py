"""Periodic housekeeping of the logbook (celery beat, config/settings.py): thin tasks that
call the services."""

from celery import shared_task

from logbook import lockout, services


@shared_task(acks_late=True)
def purge_idempotency_records() -> int:
    return services.purge_idempotency_records()


@shared_task(acks_late=True)
def purge_sessions() -> None:
    services.purge_sessions()


@shared_task(acks_late=True)
def purge_login_failures() -> int:
    return lockout.purge_login_failures()
