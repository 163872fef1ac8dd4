"""Recompute insights: the stale ones by default, or all; queued, or here and now."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from insights import selectors, services
from insights.tasks import queue_classification
from logbook.models import Workout


class Command(BaseCommand):
    help = "Reclassify workouts whose insight is missing or stale (or --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every live workout.")
        parser.add_argument("--user", help="Only this username's workouts.")
        parser.add_argument(
            "--sync", action="store_true", help="Run here instead of queueing tasks."
        )

    def handle(self, *args, all: bool, user: str | None, sync: bool, **options):
        workouts = Workout.objects.alive() if all else selectors.workouts_needing_insight()
        if user:
            owner = get_user_model().objects.filter(username=user).first()
            if owner is None:
                raise CommandError(f"No user {user!r}.")
            workouts = workouts.filter(user=owner)
        ids = list(workouts.values_list("pk", flat=True))
        if sync:
            for workout_id in ids:
                services.classify_and_store(workout_id)
        else:
            queue_classification(ids)
        verb = "Reclassified" if sync else "Queued"
        self.stdout.write(f"{verb} {len(ids)} workouts.")
