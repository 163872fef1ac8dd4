"""Send weekly summaries by hand, through the same code as the hourly beat task."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from insights import weekly_email
from insights.weekly import week_start


class Command(BaseCommand):
    help = (
        "Send the weekly summary to opted-in users: those now due (as the hourly task does), "
        "or everyone for --week. Each user gets at most one email per week."
    )

    def add_arguments(self, parser):
        parser.add_argument("--week", help="ISO week, e.g. 2026-W37 (default: whoever is due)")
        parser.add_argument("--user", help="Only this username.")
        parser.add_argument("--dry-run", action="store_true", help="List, don't send.")

    def handle(self, *args, week: str | None, user: str | None, dry_run: bool, **options):
        if week:
            try:
                week_start(week)
            except ValueError:
                raise CommandError(f"--week {week!r} is not an ISO week like 2026-W37.") from None
            recipients = weekly_email.recipients_for_week(week, user)
        else:
            recipients = weekly_email.due_recipients()
            if user:
                recipients = [r for r in recipients if _username(r.user_id) == user]
        outcomes: dict[str, int] = {}
        for r in recipients:
            if dry_run:
                self.stdout.write(f"would send {r.week} to {_username(r.user_id)}")
                continue
            try:
                outcome = weekly_email.send_weekly_email(r.user_id, r.week)
            except Exception as exc:  # one failed address must not stop the others
                outcome = "failed"
                self.stderr.write(f"{_username(r.user_id)} {r.week}: {exc}")
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items())) or "nothing to send"
        self.stdout.write(f"{len(recipients)} recipients: {summary}")


def _username(user_id: int) -> str:
    return get_user_model().objects.filter(pk=user_id).values_list("username", flat=True).first()
