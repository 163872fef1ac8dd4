"""GET /healthz reports the database and the broker."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_on_the_embedded_default(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "eager"}


def test_healthz_reports_an_unreachable_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    from config.celery import app

    app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        body = client.get("/healthz").json()
    finally:
        app.conf.broker_url = "memory://"
    assert body["broker"] == "unavailable"
    assert body["database"] == "ok"
