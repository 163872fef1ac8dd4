"""The admin is one more door: workouts and profiles change through logbook.services (a
new change stamp and content hash, classification queued, a tombstone on delete), never
by writing rows directly. Entries, sets and intervals are shown, not edited, here."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from logbook import services
from logbook.api.representation import workout_to_dict
from logbook.common.errors import InvalidInput
from logbook.forms import add_profile_errors
from logbook.models import (
    AccessToken,
    Exercise,
    ExerciseName,
    IdempotencyRecord,
    ImportJob,
    Interval,
    Profile,
    Set,
    Workout,
    WorkoutExercise,
)
from logbook.schema import (
    PROFILE_FORM_FIELDS,
    WORKOUT_FIELDS,
    clean_profile,
    clean_workout,
    profile_change,
)


class ReadOnlyInline:
    """Rows of a workout are written whole by the service; here they are only shown."""

    can_delete = False
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProfileForm(forms.ModelForm):
    """The profile's one set of rules (schema.ProfileIn) judges an admin's change too."""

    class Meta:
        model = Profile
        fields = ["user", *PROFILE_FORM_FIELDS]

    def clean(self) -> dict:
        data = super().clean()
        try:
            clean_profile(profile_change(data))
        except InvalidInput as invalid:
            add_profile_errors(self, invalid.errors)
        return data

    def _post_clean(self) -> None:
        """The schema's rules, not the model's validators."""


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    form = ProfileForm
    list_display = ["user", "units", "time_zone", "hr_max", "weekly_email_enabled"]
    list_filter = ["units", "weekly_email_enabled", "weekly_email_day"]
    search_fields = ["user__username", "user__email", "time_zone"]
    raw_id_fields = ["user"]

    def save_model(self, request: HttpRequest, obj: Profile, form: Any, change: bool) -> None:
        if not change:
            obj.save()  # the user's row; its preferences then go through the service
        services.update_profile(obj.user, profile_change(form.cleaned_data))


class ExerciseNameInline(admin.TabularInline):
    model = ExerciseName
    extra = 0
    fields = ["key", "owner"]
    raw_id_fields = ["owner"]


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "movement_pattern", "mechanic", "equipment", "owner"]
    list_filter = [
        "kind",
        "mechanic",
        "equipment",
        "movement_pattern",
        ("owner", admin.EmptyFieldListFilter),
    ]
    search_fields = ["name", "slug", "names__key"]
    raw_id_fields = ["owner"]
    inlines = [ExerciseNameInline]


class SetInline(ReadOnlyInline, admin.TabularInline):
    model = Set


@admin.register(WorkoutExercise)
class WorkoutExerciseAdmin(ReadOnlyAdmin):
    list_display = ["workout", "exercise", "position", "superset"]
    search_fields = ["exercise__name", "workout__title", "workout__user__username"]
    raw_id_fields = ["workout", "exercise"]
    inlines = [SetInline]


class WorkoutExerciseInline(ReadOnlyInline, admin.TabularInline):
    model = WorkoutExercise
    raw_id_fields = ["exercise"]
    show_change_link = True


class IntervalInline(ReadOnlyInline, admin.TabularInline):
    model = Interval


class WorkoutForm(forms.ModelForm):
    """The workout's fields, judged by the schema as every door's are; the entries, sets
    and intervals stay as stored."""

    class Meta:
        model = Workout
        fields = ["user", *(f for f in WORKOUT_FIELDS if f != "started_at"), "started_at"]

    def clean(self) -> dict:
        data = super().clean()
        body = workout_to_dict(self.instance) if self.instance.pk else {}
        change = {  # only what was changed: the rest stays exactly as stored
            f: data[f].isoformat() if f == "started_at" and data.get(f) else data.get(f)
            for f in WORKOUT_FIELDS
            if f in self.changed_data
        }
        if not body and not change.get("duration_s"):
            self.add_error("duration_s", "A workout made here needs its duration.")
            return data
        try:
            self.workout = clean_workout({**body, **change}, default_source="admin")
        except InvalidInput as invalid:
            for path, messages in invalid.errors.items():
                for message in messages:
                    self.add_error(path if path in self.fields else None, message)
        return data

    def _post_clean(self) -> None:
        """The schema's rules, not the model's validators."""


@admin.register(Workout)
class WorkoutAdmin(admin.ModelAdmin):
    form = WorkoutForm
    list_display = [
        "__str__",
        "user",
        "started_at",
        "activity",
        "duration_s",
        "source",
        "deleted_at",
    ]
    list_filter = ["activity", "source", "fasted", ("deleted_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "notes", "external_id", "user__username"]
    date_hierarchy = "started_at"
    raw_id_fields = ["user"]
    readonly_fields = ["created_at", "updated_at", "deleted_at"]
    inlines = [WorkoutExerciseInline, IntervalInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Workout | None = None) -> list:
        return [*self.readonly_fields, "user"] if obj is not None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Workout, form: Any, change: bool) -> None:
        if change:
            services.update_workout(Workout.objects.get(pk=obj.pk), form.workout)
        else:
            created = services.create_workout(form.cleaned_data["user"], form.workout)
            obj.pk = created.pk

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The inlines are read-only: the service wrote the workout's rows."""
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple:
        """A delete is soft (a tombstone): nothing cascades, so no further permission."""
        return [str(obj) for obj in objs], {Workout._meta.verbose_name_plural: len(objs)}, set(), []

    def delete_model(self, request: HttpRequest, obj: Workout) -> None:
        services.delete_workout(obj)  # a tombstone, so syncing clients learn of it

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for workout in queryset.filter(deleted_at__isnull=True):
            services.delete_workout(workout)


@admin.register(Set)
class SetAdmin(ReadOnlyAdmin):
    list_display = ["entry", "position", "reps", "load_kg", "rpe", "rir", "set_type"]
    list_filter = ["set_type", "eccentric_emphasis"]
    search_fields = ["entry__exercise__name", "entry__workout__user__username"]
    raw_id_fields = ["entry"]


@admin.register(Interval)
class IntervalAdmin(ReadOnlyAdmin):
    list_display = ["workout", "position", "kind", "duration_s", "avg_hr", "rpe"]
    list_filter = ["kind"]
    search_fields = ["workout__title", "workout__user__username"]
    raw_id_fields = ["workout"]


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["prefix", "token_hash", "created_at", "last_used_at"]
    raw_id_fields = ["user"]


@admin.register(IdempotencyRecord)
class IdempotencyRecordAdmin(admin.ModelAdmin):
    list_display = ["key", "user", "status_code", "created_at"]
    search_fields = ["key", "user__username"]
    readonly_fields = ["request_hash", "status_code", "response_body", "created_at"]
    raw_id_fields = ["user"]


@admin.register(ExerciseName)
class ExerciseNameAdmin(admin.ModelAdmin):
    list_display = ["key", "exercise", "owner"]
    search_fields = ["key", "exercise__name"]
    raw_id_fields = ["exercise", "owner"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = [
        "filename",
        "user",
        "format",
        "status",
        "created",
        "updated",
        "skipped",
        "created_at",
    ]
    list_filter = ["status", "format"]
    search_fields = ["filename", "user__username"]
    readonly_fields = ["created_at", "finished_at", "errors"]
    raw_id_fields = ["user"]
