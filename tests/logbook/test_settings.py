"""Settings come from the environment with safe defaults."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_ENV = (
    "SECRET_KEY",
    "DEBUG",
    "EMBEDDED",
    "CELERY_BROKER_URL",
    "REDIS_URL",
    "DATABASE_URL",
    "EMAIL_URL",
    "ALLOWED_HOSTS",
    "RUN_HOST",
)


def run_settings(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    clean = {  # the settings under test come only from `env`
        k: v for k, v in os.environ.items() if k not in (*SETTINGS_ENV,)
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_missing_secret_key_is_an_error_when_debug_is_off():
    result = run_settings({}, "print(settings.DEBUG)")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_make_runs_embedded_mode_needs_no_secret_key_and_keeps_the_one_it_made():
    first = run_settings({"EMBEDDED": "1"}, "print(settings.DEBUG, settings.SECRET_KEY)")
    second = run_settings({"EMBEDDED": "1"}, "print(settings.DEBUG, settings.SECRET_KEY)")
    assert first.returncode == 0, first.stderr
    debug, key = first.stdout.split()
    assert debug == "False"
    assert len(key) > 40
    assert second.stdout == first.stdout


def test_debug_is_off_unless_set_and_tasks_are_eager_without_a_broker():
    result = run_settings(
        {"SECRET_KEY": "x"},
        "print(settings.DEBUG, settings.CELERY_TASK_ALWAYS_EAGER, "
        "settings.DATABASES['default']['ENGINE'])",
    )
    assert result.stdout.split() == ["False", "True", "django.db.backends.sqlite3"]


def test_a_broker_url_turns_eager_mode_off_and_email_url_configures_smtp():
    result = run_settings(
        {
            "SECRET_KEY": "x",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
            "EMAIL_URL": "smtp://127.0.0.1:2525",
        },
        "print(settings.CELERY_TASK_ALWAYS_EAGER, settings.EMAIL_BACKEND, settings.EMAIL_PORT)",
    )
    assert result.stdout.split() == ["False", "django.core.mail.backends.smtp.EmailBackend", "2525"]


def test_make_run_hosts_follow_its_address_so_a_phone_on_the_network_is_served():
    show = "print(','.join(settings.ALLOWED_HOSTS))"
    everywhere = run_settings({"EMBEDDED": "1", "RUN_HOST": "0.0.0.0"}, show)
    assert everywhere.stdout.strip() == "*", everywhere.stderr
    one_address = run_settings({"EMBEDDED": "1", "RUN_HOST": "192.168.1.20"}, show)
    assert "192.168.1.20" in one_address.stdout.strip().split(",")
    assert "localhost" in one_address.stdout.strip().split(",")
    chosen = run_settings(
        {"EMBEDDED": "1", "RUN_HOST": "0.0.0.0", "ALLOWED_HOSTS": "myolog.lan"}, show
    )
    assert chosen.stdout.strip() == "myolog.lan"
    production = run_settings({"SECRET_KEY": "x", "RUN_HOST": "0.0.0.0"}, show)
    assert "*" not in production.stdout
