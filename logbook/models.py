"""The logbook record: who trained, what, how hard. SI units, UTC times."""

from datetime import datetime, timedelta, timezone

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone as django_timezone

from logbook.timezones import validate_time_zone

User = settings.AUTH_USER_MODEL


class Units(models.TextChoices):
    KG = "kg", "Kilograms"
    LB = "lb", "Pounds"


class Profile(models.Model):
    """Per-user preferences; one per user, created with the user (see signals)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    units = models.CharField(max_length=2, choices=Units.choices, default=Units.KG)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    hr_max = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(100), MaxValueValidator(240)],
        help_text="Measured maximum heart rate (bpm), if known.",
    )
    birth_year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    weekly_email_enabled = models.BooleanField(default=True)
    weekly_email_day = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
        help_text="ISO weekday: 1 = Monday … 7 = Sunday.",
    )
    weekly_email_hour = models.PositiveSmallIntegerField(
        default=8, validators=[MinValueValidator(0), MaxValueValidator(23)]
    )
    weekly_email_nudges = models.BooleanField(
        default=True, help_text="Send a short nudge for weeks without sessions."
    )
    next_weekly_email_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the next weekly email is due, so the hourly run reads only who is due; "
        "null until the next run works it out (a new profile, or its preferences changed).",
    )

    # A change of these moves the next weekly email (services.update_profile).
    SCHEDULE_FIELDS = ("time_zone", "weekly_email_enabled", "weekly_email_day", "weekly_email_hour")

    class Meta:
        indexes = [
            models.Index(
                fields=["next_weekly_email_at"],
                condition=Q(weekly_email_enabled=True),
                name="profile_weekly_email_due",
            )
        ]

    def __str__(self) -> str:
        return f"Profile of {self.user}"


class ExerciseKind(models.TextChoices):
    RESISTANCE = "resistance"
    CARDIO = "cardio"
    MOBILITY = "mobility"


class Mechanic(models.TextChoices):
    COMPOUND = "compound"
    ISOLATION = "isolation"


class Exercise(models.Model):
    """A catalog exercise (owner is null) or a user's own custom exercise."""

    owner = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="custom_exercises"
    )
    slug = models.SlugField(max_length=120, allow_unicode=True)
    name = models.CharField(max_length=120)
    aliases = models.JSONField(default=list, blank=True)
    movement_pattern = models.CharField(max_length=32, blank=True)
    primary_muscles = models.JSONField(default=list, blank=True)
    secondary_muscles = models.JSONField(default=list, blank=True)
    mechanic = models.CharField(max_length=10, choices=Mechanic.choices, blank=True)
    equipment = models.CharField(max_length=20, blank=True)
    kind = models.CharField(
        max_length=10, choices=ExerciseKind.choices, default=ExerciseKind.RESISTANCE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"], condition=Q(owner__isnull=True), name="catalog_slug_unique"
            ),
            models.UniqueConstraint(
                fields=["owner", "slug"],
                condition=Q(owner__isnull=False),
                name="custom_slug_unique_per_owner",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_custom(self) -> bool:
        return self.owner_id is not None


class ExerciseName(models.Model):
    """Every normalized name an exercise answers to (slug, name, aliases), for lookup."""

    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="names")
    owner = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    key = models.CharField(max_length=160)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(owner__isnull=True), name="catalog_name_unique"
            ),
            models.UniqueConstraint(
                fields=["owner", "key"],
                condition=Q(owner__isnull=False),
                name="custom_name_unique_per_owner",
            ),
        ]
        indexes = [models.Index(fields=["key"])]

    def __str__(self) -> str:
        return self.key


class Activity(models.TextChoices):
    STRENGTH = "strength"
    RUN = "run"
    RIDE = "ride"
    ROW = "row"
    SWIM = "swim"
    WALK = "walk"
    HIIT = "hiit", "HIIT"
    MOBILITY = "mobility"
    OTHER = "other"


class WorkoutQuerySet(models.QuerySet):
    def alive(self) -> "WorkoutQuerySet":
        return self.filter(deleted_at__isnull=True)

    def with_details(self) -> "WorkoutQuerySet":
        """Everything the API representation needs, in a fixed number of queries. Each
        prefetch is ordered by its foreign key first, as its index is, so the database reads
        the index rather than sorting a scan of the table (bench/PLANS.md)."""
        return self.prefetch_related(
            models.Prefetch(
                "exercises",
                queryset=WorkoutExercise.objects.select_related("exercise")
                .order_by("workout_id", "position")
                .prefetch_related(
                    models.Prefetch("sets", queryset=Set.objects.order_by("entry_id", "position"))
                ),
            ),
            models.Prefetch(
                "intervals", queryset=Interval.objects.order_by("workout_id", "position")
            ),
        )


class Workout(models.Model):
    # Indexed by the composite indexes below, which all lead with the user: a lone user_id
    # index would be the one a planner without statistics picks, then sort every workout.
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="workouts", db_index=False
    )
    started_at = models.DateTimeField()
    utc_offset_min = models.SmallIntegerField(
        default=0, help_text="The offset the start time was given in, to show it back as given."
    )
    duration_s = models.PositiveIntegerField(null=True, blank=True)
    elapsed_s = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Start to finish including pauses, where a device recorded it; "
        "duration_s is the moving (timer) time.",
    )
    title = models.CharField(max_length=200, blank=True)
    activity = models.CharField(max_length=10, choices=Activity.choices, default=Activity.OTHER)
    fasted = models.BooleanField(default=False)
    session_rpe = models.FloatField(null=True, blank=True)
    avg_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    max_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    distance_m = models.FloatField(null=True, blank=True)
    notes = models.TextField(blank=True)
    source = models.CharField(max_length=40, default="api")
    external_id = models.CharField(max_length=200, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(
        default=django_timezone.now,
        help_text="Stamped by logbook.services on every write: strictly increasing per user, "
        "in commit order (see ChangeClock), so sync clients can page by it.",
    )
    deleted_at = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(
        max_length=64,
        blank=True,
        default="",
        db_default="",  # rows inserted outside the ORM (bench, SQL) need none
        editable=False,
        help_text="Digest of the cleaned input, to tell a replayed sync from a change.",
    )
    input_digest = models.CharField(
        max_length=64,
        blank=True,
        default="",
        db_default="",
        editable=False,
        help_text="Digest of the raw sync item last written: its replay needs no validation.",
    )

    objects = WorkoutQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source", "external_id"],
                condition=Q(external_id__isnull=False),
                name="workout_external_id_unique",
            ),
        ]
        # The read paths' plans must not depend on table statistics (bench/PLANS.md): newest
        # first over live workouts (lists, history, weeks, calendar, export) and the change
        # order (incremental pull, include_deleted lists).
        indexes = [
            models.Index(
                fields=["user", "-started_at", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="workout_user_alive_started",
            ),
            models.Index(fields=["user", "updated_at", "id"], name="workout_user_updated"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_activity_display()} on {self.started_at:%Y-%m-%d}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def local_started_at(self) -> datetime:
        """The start time in the offset it was recorded with."""
        return self.started_at.astimezone(timezone(timedelta(minutes=self.utc_offset_min)))


class WorkoutExercise(models.Model):
    """One exercise within a workout, in order; `superset` groups exercises done together."""

    workout = models.ForeignKey(
        Workout, on_delete=models.CASCADE, related_name="exercises", db_index=False
    )
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    superset = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        # A workout's entries, and whether it has an exercise: an exercise's history joins
        # each of the user's workouts to its entry of that exercise by this index.
        indexes = [models.Index(fields=["workout", "exercise"], name="entry_workout_exercise")]

    def __str__(self) -> str:
        return f"{self.exercise} in {self.workout_id}"


class SetType(models.TextChoices):
    NORMAL = "normal"
    WARMUP = "warmup"
    FAILURE = "failure"
    DROPSET = "dropset"


class Set(models.Model):
    entry = models.ForeignKey(
        WorkoutExercise, on_delete=models.CASCADE, related_name="sets", db_index=False
    )
    position = models.PositiveSmallIntegerField()
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    load_kg = models.FloatField(null=True, blank=True)
    rpe = models.FloatField(null=True, blank=True)
    rir = models.FloatField(null=True, blank=True)
    rest_s = models.PositiveIntegerField(null=True, blank=True)
    tempo = models.CharField(max_length=15, blank=True)
    eccentric_emphasis = models.BooleanField(default=False)
    set_type = models.CharField(max_length=8, choices=SetType.choices, default=SetType.NORMAL)
    duration_s = models.PositiveIntegerField(null=True, blank=True)
    distance_m = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        indexes = [models.Index(fields=["entry", "position"], name="set_entry_position")]

    def __str__(self) -> str:
        return f"{self.reps or 0} × {self.load_kg or 0} kg"


class IntervalKind(models.TextChoices):
    WORK = "work"
    RECOVERY = "recovery"
    STEADY = "steady"


class Interval(models.Model):
    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="intervals")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=IntervalKind.choices)
    duration_s = models.PositiveIntegerField()
    distance_m = models.FloatField(null=True, blank=True)
    avg_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    max_hr = models.PositiveSmallIntegerField(null=True, blank=True)
    rpe = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.kind} {self.duration_s} s"


class Routine(models.Model):
    """A plan to start the live logger from: exercises with their targets (sets, reps or a
    rep range, load or a percentage of e1RM, RPE, rest). Its shape is schema.RoutineIn."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="routines")
    name = models.CharField(max_length=120)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at", "-id"], name="routine_user_new")]

    def __str__(self) -> str:
        return self.name


class RoutineExercise(models.Model):
    """One exercise of a routine, in order, with its targets."""

    routine = models.ForeignKey(Routine, on_delete=models.CASCADE, related_name="exercises")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    superset = models.PositiveSmallIntegerField(null=True, blank=True)
    sets = models.PositiveSmallIntegerField(default=3)
    reps_min = models.PositiveSmallIntegerField(null=True, blank=True)
    reps_max = models.PositiveSmallIntegerField(null=True, blank=True)
    load_kg = models.FloatField(null=True, blank=True)
    percent_1rm = models.FloatField(null=True, blank=True)
    rpe = models.FloatField(null=True, blank=True)
    rest_s = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.exercise} in routine {self.routine_id}"


class ChangeClock(models.Model):
    """The last change stamp given to a user's workouts.

    Every workout write locks this row until it commits and stamps `updated_at` past the
    previous stamp, so a user's stamps increase in commit order: a sync client that has
    seen stamp T has seen every change stamped before T.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True, related_name="+")
    stamp_us = models.BigIntegerField(help_text="The last stamp, in microseconds since 1970.")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.stamp_us}"


class ImportFormat(models.TextChoices):
    STRONG_CSV = "strong_csv", "Strong CSV"
    HEVY_CSV = "hevy_csv", "Hevy CSV"
    FITNOTES_CSV = "fitnotes_csv", "FitNotes CSV"
    FIT = "fit", "Garmin FIT"
    TCX = "tcx", "TCX"
    GPX = "gpx", "GPX"
    APPLE_HEALTH = "apple_health", "Apple Health export.xml"
    MYOLOG_CSV = "myolog_csv", "Myolog CSV export"
    GARMIN_JSON = "garmin_json", "Garmin Connect JSON"
    GARMIN_CSV = "garmin_csv", "Garmin Connect CSV"
    SUUNTO_SML = "suunto_sml", "Suunto SML"
    SUUNTO_JSON = "suunto_json", "Suunto JSON"
    POLAR_JSON = "polar_json", "Polar Flow JSON"
    POLAR_HRM = "polar_hrm", "Polar HRM"


class ImportJob(models.Model):
    """One uploaded file and the Celery job that imports it.

    The file lives in default storage (MEDIA_ROOT unless configured otherwise), so a
    worker on another machine sharing that storage can read it; it is deleted after the job.
    """

    class Status(models.TextChoices):
        QUEUED = "queued"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="imports")
    file = models.FileField(upload_to="imports/%Y/%m/", max_length=255, blank=True)
    filename = models.CharField(max_length=255, help_text="The name it was uploaded with.")
    size = models.PositiveBigIntegerField(default=0)
    format = models.CharField(
        max_length=20, choices=ImportFormat.choices, blank=True, help_text="Given or detected."
    )
    weight_unit = models.CharField(max_length=2, choices=Units.choices, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0, help_text="Already imported, unchanged.")
    errors = models.JSONField(
        default=list, blank=True, help_text="The first messages; all are in ImportMessage."
    )
    error_count = models.PositiveIntegerField(default=0)
    counts = models.JSONField(
        default=dict, blank=True, help_text="Rows, sets and workouts read/imported/skipped/refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The job runs in numbered steps (logbook/imports/chunks.py): 0 reads the file, each
    # next one writes a chunk from `resume`; the watchdog looks at `heartbeat_at`.
    step = models.PositiveIntegerField(default=0)
    resume = models.JSONField(default=dict, blank=True, help_text="Where the next chunk starts.")
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Re-queued by the watchdog.")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["status", "heartbeat_at"],
                name="import_job_unfinished",
                condition=models.Q(status__in=["queued", "running"]),
            )
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ImportUpload(models.Model):
    """A file arriving in chunks (`/api/v1/imports/uploads/`, the import page with
    JavaScript), so a dropped connection loses one chunk, not the upload. The bytes received
    so far are in default storage under imports/uploads/; the last chunk turns them into an
    ImportJob through the same service as a one-request upload."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="import_uploads")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(help_text="The whole file's bytes, given at the start.")
    received = models.PositiveBigIntegerField(default=0, help_text="Bytes stored so far.")
    format = models.CharField(max_length=20, choices=ImportFormat.choices, blank=True)
    weight_unit = models.CharField(max_length=2, choices=Units.choices, blank=True)
    job = models.OneToOneField(
        ImportJob, null=True, blank=True, on_delete=models.CASCADE, related_name="upload"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(
        default=django_timezone.now, help_text="When the last chunk arrived."
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["updated_at"], name="import_upload_updated")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.received} of {self.size} bytes)"


class ImportMessage(models.Model):
    """One thing an import did not take, by row: every one is kept (the job's `errors`
    holds only the first), and `GET /api/v1/imports/{id}/messages/` pages them."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="messages")
    row = models.PositiveIntegerField(null=True, blank=True)
    message = models.TextField()
    refused = models.BooleanField(default=True, help_text="The row was left out whole.")

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["job", "id"], name="import_message_job_id")]

    def __str__(self) -> str:
        return f"row {self.row}: {self.message[:60]}"


class TokenScope(models.TextChoices):
    WRITE = "write", "Read and write"
    READ = "read", "Read only"


class AccessToken(models.Model):
    """A personal access token. Only its SHA-256 is stored; the token is shown once. A
    read-only token may only read (GET, HEAD, OPTIONS); an expired one is refused."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, help_text="The first characters, to recognise it.")
    token_hash = models.CharField(max_length=64, unique=True)
    scope = models.CharField(max_length=5, choices=TokenScope.choices, default=TokenScope.WRITE)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text="Refused from this moment on; empty: never expires."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class IdempotencyRecord(models.Model):
    """The first response to a POST carrying an Idempotency-Key, replayed for 24 h."""

    KEEP_FOR = timedelta(hours=24)  # then purged (logbook.tasks)

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response_body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique")
        ]

    def __str__(self) -> str:
        return self.key
