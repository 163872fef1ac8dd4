"""What the app derived from a workout, stored so pages and the API read it cheaply."""

from django.conf import settings
from django.db import models

from logbook.models import Workout


class Insight(models.Model):
    """The classification of one workout, for one version of the workout and the classifier.

    It is current while `classifier_version` is the running classifier's and
    `workout_updated_at` equals the workout's `updated_at`; otherwise it is recomputed.
    """

    workout = models.OneToOneField(Workout, on_delete=models.CASCADE, related_name="insight")
    classifier_version = models.CharField(max_length=40)
    workout_updated_at = models.DateTimeField()
    primary = models.CharField(max_length=20)
    modalities = models.JSONField(default=list)  # [{"modality": ..., "score": ...}], ranked
    qualifying = models.JSONField(default=list)  # modalities meeting their threshold, ranked
    modifiers = models.JSONField(default=list)
    tags = models.JSONField(default=list)
    rationale = models.JSONField(default=list)
    # Per rationale line, its basis: docs/science.md section 4 keys (R…) and sections (§2b).
    rationale_refs = models.JSONField(default=list)
    features = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["classifier_version"])]

    def __str__(self) -> str:
        return f"{self.primary} ({self.classifier_version}) for workout {self.workout_id}"

    def is_current_for(self, workout: Workout, version: str) -> bool:
        return self.classifier_version == version and self.workout_updated_at == workout.updated_at


class WeeklyReport(models.Model):
    """A user's ISO week (in their time zone), as computed by insights.weekly."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_reports"
    )
    week = models.CharField(max_length=8)  # "2026-W47"
    start = models.DateField()
    data = models.JSONField(default=dict)
    pending = models.BooleanField(default=False, help_text="Some sessions not yet classified.")
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start"]
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="weekly_report_once")]

    def __str__(self) -> str:
        return f"{self.week} of {self.user}"


class WeeklyEmail(models.Model):
    """One row per user and week: the database decides that the summary goes out once."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    STATUSES = [(s, s) for s in (PENDING, SENDING, SENT, FAILED, SKIPPED)]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="weekly_emails"
    )
    week = models.CharField(max_length=8)
    status = models.CharField(max_length=8, choices=STATUSES, default=PENDING)
    kind = models.CharField(max_length=8, blank=True, help_text="summary or nudge")
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-week"]
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="weekly_email_once")]

    def __str__(self) -> str:
        return f"{self.week} to {self.user}: {self.status}"
