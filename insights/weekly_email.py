"""The weekly summary email: who is due, what it says, and sending it exactly once.

The beat task (hourly) and `manage.py send_weekly_summaries` both call `due_recipients`
and `send_weekly_email`. A `WeeklyEmail` row per user and week, claimed with an
optimistic update, decides that a summary goes out once however often the task runs.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from smtplib import SMTPServerDisconnected
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from insights import records, selectors
from insights.knowledge import DISCLAIMER, MODALITY_SLUGS, REFERENCES, science_path
from insights.models import WeeklyEmail
from insights.reports import user_zone, week_report
from insights.weekly import shift_week, week_bounds
from logbook.models import Profile

logger = logging.getLogger(__name__)

SIGNING_SALT = "myolog.weekly-email"
CLAIM_TIMEOUT = timedelta(minutes=10)  # a send that has not finished by then may be retried
SUMMARY, NUDGE = "summary", "nudge"


# --- Who is due ------------------------------------------------------------------------------


def last_completed_week(now: datetime, zone: ZoneInfo) -> str:
    year, week, _ = now.astimezone(zone).isocalendar()
    return shift_week(f"{year}-W{week:02d}", -1)


def send_moment(week: str, zone: ZoneInfo, day: int, hour: int) -> datetime:
    """When the summary of `week` is due: the chosen local weekday and hour of the next week."""
    following = week_bounds(shift_week(week, 1), zone)[0]
    local = following + timedelta(days=day - 1)
    return local.replace(hour=hour)


def is_due(profile: Profile, now: datetime) -> str | None:
    """The week whose summary this user is due, if the chosen local day and hour have passed."""
    zone = ZoneInfo(profile.time_zone)
    week = last_completed_week(now, zone)
    moment = send_moment(week, zone, profile.weekly_email_day, profile.weekly_email_hour)
    return week if now >= moment else None


@dataclass(frozen=True)
class Recipient:
    user_id: int
    week: str


def next_moment(profile: Profile, now: datetime) -> datetime:
    """When this user is next due: the send moment of the week after the one due now, or,
    if none is due yet, of the last completed week."""
    zone = ZoneInfo(profile.time_zone)
    day, hour = profile.weekly_email_day, profile.weekly_email_hour
    week = is_due(profile, now)
    if week is not None:
        return send_moment(shift_week(week, 1), zone, day, hour)
    return send_moment(last_completed_week(now, zone), zone, day, hour)


def _candidates(now: datetime):
    """Opted-in profiles whose next moment has come (or is not worked out yet): an index
    scan on next_weekly_email_at, not a scan of every profile."""
    return (
        Profile.objects.filter(weekly_email_enabled=True, user__is_active=True)
        .filter(Q(next_weekly_email_at__lte=now) | Q(next_weekly_email_at__isnull=True))
        .exclude(user__email="")
        .only(
            "pk",
            "user_id",
            "time_zone",
            "weekly_email_day",
            "weekly_email_hour",
            "next_weekly_email_at",
        )
    )


def _not_done(candidates: list[Recipient]) -> list[Recipient]:
    weeks = {r.week for r in candidates}
    done = set(
        WeeklyEmail.objects.filter(
            week__in=weeks, status__in=[WeeklyEmail.SENT, WeeklyEmail.SKIPPED]
        ).values_list("user_id", "week")
    )
    return [r for r in candidates if (r.user_id, r.week) not in done]


def due_recipients(now: datetime | None = None) -> list[Recipient]:
    """Opted-in users whose send moment has passed and who were not yet sent that week.
    Reads only; the hourly task claims them (`claim_due_recipients`)."""
    now = now or timezone.now()
    candidates = [
        Recipient(p.user_id, week) for p in _candidates(now).iterator() if (week := is_due(p, now))
    ]
    return _not_done(candidates)


def claim_due_recipients(now: datetime | None = None) -> list[Recipient]:
    """Who is due, each claimed once: an optimistic update moves the profile's
    next_weekly_email_at from the value read to the next moment, so of two runs (two
    beats, a retried task) only one queues a user's email. The WeeklyEmail row then
    decides that it is sent once."""
    now = now or timezone.now()
    claimed = []
    for profile in _candidates(now).iterator():
        week = is_due(profile, now)
        moved = Profile.objects.filter(
            pk=profile.pk, next_weekly_email_at=profile.next_weekly_email_at
        ).update(next_weekly_email_at=next_moment(profile, now))
        if moved and week is not None:
            claimed.append(Recipient(profile.user_id, week))
    return _not_done(claimed)


def recipients_for_week(week: str, username: str | None = None) -> list[Recipient]:
    """Every opted-in user, for a week chosen by hand."""
    users = (
        get_user_model()
        .objects.filter(profile__weekly_email_enabled=True, is_active=True)
        .exclude(email="")
    )
    if username:
        users = users.filter(username=username)
    return [Recipient(pk, week) for pk in users.values_list("pk", flat=True)]


# --- Sending once ----------------------------------------------------------------------------


def send_weekly_email(user_id: int, week: str) -> str:
    """Send the summary (or a nudge) once. Returns what happened; raises if SMTP failed,
    leaving the row `failed` so that a retry may claim it again."""
    user = get_user_model().objects.select_related("profile").filter(pk=user_id).first()
    if user is None:
        return "no_user"
    row, _ = WeeklyEmail.objects.get_or_create(user=user, week=week)
    if row.status in (WeeklyEmail.SENT, WeeklyEmail.SKIPPED):
        return f"already_{row.status}"
    now = timezone.now()
    claimed = (
        WeeklyEmail.objects.filter(pk=row.pk)
        .filter(
            Q(status__in=[WeeklyEmail.PENDING, WeeklyEmail.FAILED])
            | Q(status=WeeklyEmail.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
        )
        .update(status=WeeklyEmail.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )
    if not claimed:
        return "in_progress"
    message, kind = build_message(user, week)
    if message is None:
        WeeklyEmail.objects.filter(pk=row.pk).update(status=WeeklyEmail.SKIPPED, kind="")
        return "skipped"
    try:
        deliver(message)
    except Exception as exc:
        WeeklyEmail.objects.filter(pk=row.pk).update(
            status=WeeklyEmail.FAILED, error=str(exc)[:500]
        )
        raise
    WeeklyEmail.objects.filter(pk=row.pk).update(
        status=WeeklyEmail.SENT, kind=kind, sent_at=timezone.now(), error=""
    )
    return "sent"


_connection = None  # one SMTP session per worker process, reused across thousands of emails


def deliver(message: EmailMultiAlternatives) -> None:
    """Send over a kept-open connection; if the server dropped it, open a new one once."""
    global _connection
    for attempt in (1, 2):
        if _connection is None:
            _connection = get_connection()
            _connection.open()
        message.connection = _connection
        try:
            message.send()
            return
        except (SMTPServerDisconnected, ConnectionError):
            _connection = None
            if attempt == 2:
                raise
        except Exception:
            _connection = None  # a refused message leaves the session in an unknown state
            raise


# --- The message -----------------------------------------------------------------------------


def build_message(user: AbstractBaseUser, week: str) -> tuple[EmailMultiAlternatives | None, str]:
    """The summary, a nudge for a week without sessions, or None when nudges are off."""
    context = {**email_context(user, week), "records": week_records(user, week)}
    kind = SUMMARY if context["report"]["sessions"] else NUDGE
    if kind == NUDGE and not user.profile.weekly_email_nudges:
        return None, ""
    subject = (
        f"Your training week, {context['dates']}"
        if kind == SUMMARY
        else f"No sessions logged {context['dates']}"
    )
    text = render_to_string(f"email/weekly_{kind}.txt", context)
    html = render_to_string(f"email/weekly_{kind}.html", context)
    domain = settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0] or "localhost"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            # RFC 2369 and RFC 8058: one-click unsubscribe that mail clients can offer.
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same id for the same user and week lets receiving servers drop a duplicate.
            "Message-ID": f"<weekly-{user.pk}-{week}@{domain}>",
        },
    )
    message.attach_alternative(html, "text/html")
    return message, kind


def email_context(user: AbstractBaseUser, week: str, report: dict | None = None) -> dict:
    """`report` when the caller has the week's report already (the week page)."""
    report = report if report is not None else week_report(user, week)
    token = email_token(user)
    return {
        "user": user,
        "week": week,
        "report": report,
        "dates": week_dates(week),
        "site_url": settings.SITE_URL,
        "report_url": settings.SITE_URL + reverse("week", args=[week]),
        "log_url": settings.SITE_URL + "/",
        "unsubscribe_url": settings.SITE_URL + reverse("email-unsubscribe", args=[token]),
        "preferences_url": settings.SITE_URL + reverse("email-preferences", args=[token]),
        "bars": report_bars(report),
        "base": settings.SITE_URL,  # the science pages, linked from the email
        "disclaimer": DISCLAIMER,
        "who_reference": REFERENCES["R55"],
    }


def week_records(user: AbstractBaseUser, week: str) -> list[dict]:
    """The records the week's workouts broke, in words in the user's units, with links: for
    the email only (it walks every earlier session of the week's exercises; the week page,
    which shares `email_context`, does not need it)."""
    start, end = week_bounds(week, user_zone(user))
    units = user.profile.units
    return [
        {
            "exercise": c.exercise_name,
            "exercise_url": settings.SITE_URL + reverse("exercise", args=[c.exercise_id]),
            "workout_url": settings.SITE_URL + reverse("workout", args=[c.workout_id]),
            "started_at": c.started_at.astimezone(start.tzinfo),
            "lines": records.phrases(c, units),
        }
        for c in selectors.celebrations_between(user, start, end)
    ]


def week_dates(week: str) -> str:
    start = week_bounds(week, ZoneInfo("UTC"))[0].date()
    end = start + timedelta(days=6)
    if start.month == end.month:
        return f"{start.day}–{end.day} {end:%b %Y}"
    return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"


MODALITY_LABELS = {
    "heavy_resistance": "Heavy lifting",
    "high_volume": "High-volume lifting",
    "hiit": "Intervals (HIIT)",
    "endurance": "Endurance",
    "general": "General activity",
}
DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def report_bars(report: dict) -> dict:
    """Widths (percent) for the inline bar charts that stand in for images in email."""
    counts = report["modalities"]
    most = max(counts.values()) or 1
    daily = report["load"]["daily"]
    peak = max(daily) or 1
    who = report["minutes"]["who_equivalent"]
    return {
        "modalities": [
            {
                "label": MODALITY_LABELS[m],
                "count": n,
                "width": round(100 * n / most),
                "path": science_path(MODALITY_SLUGS[m]),
            }
            for m, n in counts.items()
        ],
        "days": [
            {"label": day, "load": load, "height": max(2, round(56 * load / peak))}
            for day, load in zip(DAY_NAMES, daily, strict=True)
        ],
        "who_width": min(100, round(100 * who / 150)),
        "who_met": who >= 150,
    }


# --- Signed links ----------------------------------------------------------------------------


def email_token(user: AbstractBaseUser) -> str:
    """A link token for unsubscribing and preferences; signed, so it needs no login."""
    return signing.dumps(user.pk, salt=SIGNING_SALT)


def user_from_token(token: str) -> AbstractBaseUser | None:
    try:
        user_id = signing.loads(token, salt=SIGNING_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.select_related("profile").filter(pk=user_id).first()
