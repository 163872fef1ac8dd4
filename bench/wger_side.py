"""Run by bench/peer_wger.py with wger's own Python (bench/.wger-venv), never with Myolog's.

    python bench/wger_side.py settings DIR   writes DIR/wger_bench_settings.py, DIR/api_urls.py
    python bench/wger_side.py setup N GROWN  with DIR on the path and the settings module set:
        creates N users and one with GROWN prior sessions × 20 sets, prints JSON

wger's REST API only (its router, no web pages), SQLite, DEBUG off, token authentication.
"""

import json
import sys
from datetime import date, timedelta
from pathlib import Path

SETTINGS = """from wger.settings_global import *  # noqa: F403

DEBUG = False
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "{dir}/wger.sqlite3"}}}}
SECRET_KEY = "bench-{key}"
ALLOWED_HOSTS = ["127.0.0.1"]
SITE_URL = "http://127.0.0.1"
MEDIA_ROOT = "{dir}/media"
ROOT_URLCONF = "api_urls"
REST_FRAMEWORK = {{
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_AUTHENTICATION_CLASSES": ("rest_framework.authentication.TokenAuthentication",),
}}
RECAPTCHA_PUBLIC_KEY = RECAPTCHA_PRIVATE_KEY = "bench"
SILENCED_SYSTEM_CHECKS = ["captcha.recaptcha_test_key_error"]
"""

URLS = """from django.urls import include, path
from wger.urls import router

urlpatterns = [path("api/v2/", include(router.urls))]
"""

FIXTURES = [
    "languages",
    "licenses",
    "days_of_week",
    "setting_repetition_units",
    "setting_weight_units",
    "equipment",
    "muscles",
    "categories",
]
EXERCISES = 6
SETS = 20


def write_settings(folder: Path) -> None:
    import secrets

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wger_bench_settings.py").write_text(
        SETTINGS.format(dir=folder, key=secrets.token_hex(20))
    )
    (folder / "api_urls.py").write_text(URLS)


def setup(users: int, grown: int) -> dict:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token
    from wger.core.models import License
    from wger.exercises.models import ExerciseBase, ExerciseCategory
    from wger.manager.models import Workout, WorkoutLog, WorkoutSession

    call_command("migrate", verbosity=0)
    call_command("loaddata", *FIXTURES, verbosity=0)
    category, licence = ExerciseCategory.objects.first(), License.objects.first()
    bases = [ExerciseBase.objects.create(category=category, license=licence) for _ in range(6)]

    def user(name: str) -> dict:
        u = User.objects.create_user(name, f"{name}@example.com", None)
        workout = Workout.objects.create(user=u, name="Bench routine")
        return {"token": Token.objects.create(user=u).key, "workout": workout.pk, "id": u.pk}

    made = {f"wger_{k}": user(f"wger_{k}") for k in range(users)}
    made["grown"] = user("wger_grown")
    owner = User.objects.get(pk=made["grown"]["id"])
    workout = Workout.objects.get(pk=made["grown"]["workout"])
    first = date.today() - timedelta(days=grown)
    days = [first + timedelta(days=i) for i in range(grown)]
    WorkoutSession.objects.bulk_create(
        [WorkoutSession(user=owner, workout=workout, date=d, impression="2") for d in days],
        batch_size=1000,
    )
    WorkoutLog.objects.bulk_create(
        [
            WorkoutLog(
                user=owner,
                workout=workout,
                exercise_base=bases[(i + s // 5) % EXERCISES],
                reps=5,
                weight=100 + 2.5 * (s % 5),
                date=d,
            )
            for i, d in enumerate(days)
            for s in range(SETS)
        ],
        batch_size=5000,
    )
    made["exercises"] = [b.pk for b in bases]
    return made


if __name__ == "__main__":
    if sys.argv[1] == "settings":
        write_settings(Path(sys.argv[2]))
    else:
        print(json.dumps(setup(int(sys.argv[2]), int(sys.argv[3]))))
