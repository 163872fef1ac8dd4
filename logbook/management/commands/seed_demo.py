"""Create (or refresh) the demo user with weeks of varied workouts, and print the password."""

import os
import secrets
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from logbook import services
from logbook.demo import HR_MAX, seed_demo_workouts
from logbook.selectors import get_profile


class Command(BaseCommand):
    help = "Create the demo user 'demo' with 8 weeks of workouts; prints its password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")
        parser.add_argument("--weeks", type=int, default=8)

    def handle(self, *args, username: str, weeks: int, **options):
        password = os.environ.get("DEMO_PASSWORD") or secrets.token_urlsafe(9)
        with transaction.atomic():
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.com"}
            )
            user.set_password(password)
            user.save()
            if created:
                services.update_profile(
                    user, {"time_zone": "Europe/Berlin", "hr_max": HR_MAX, "birth_year": 1990}
                )
            profile = get_profile(user)
        today = timezone.now().astimezone(ZoneInfo(profile.time_zone)).date()
        added = seed_demo_workouts(user, today, weeks)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo user: {username}  password: {password}  ({added} new workouts)"
            )
        )
