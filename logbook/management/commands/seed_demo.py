"""Create (or refresh) the demo user with weeks of varied workouts, and print the password.

The password is kept under var/ (like the secret key), so every run prints the same one and
a second run logs nobody out: it is set only when it differs from the stored hash.
"""

import os
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from config.secret import kept_secret
from logbook.demo import HR_MAX, seed_demo_workouts
from logbook.profiles import get_profile


class Command(BaseCommand):
    help = "Create the demo user 'demo' with 8 weeks of workouts; prints its password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")
        parser.add_argument("--weeks", type=int, default=8)

    def handle(self, *args, username: str, weeks: int, **options):
        kept = settings.VAR_DIR / "demo_password"
        password = os.environ.get("DEMO_PASSWORD")
        if password:  # a chosen password is kept too, so var/demo_password is always right
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(password)
            kept.chmod(0o600)
        else:
            password = kept_secret(kept, nbytes=9)
        with transaction.atomic():
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            if not user.check_password(password):
                user.set_password(password)  # changes the session hash: only when it must
                user.save()
            profile = get_profile(user)
            if created:
                profile.time_zone = "Europe/Berlin"
                profile.hr_max = HR_MAX
                profile.birth_year = 1990
                profile.save()
        today = timezone.now().astimezone(ZoneInfo(profile.time_zone)).date()
        added = seed_demo_workouts(user, today, weeks)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo user: {username}  password: {password}  ({added} new workouts)"
            )
        )
