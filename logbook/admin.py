from django.contrib import admin

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


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "units", "time_zone", "hr_max", "weekly_email_enabled"]
    list_filter = ["units", "weekly_email_enabled", "weekly_email_day"]
    search_fields = ["user__username", "user__email", "time_zone"]
    raw_id_fields = ["user"]


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


class SetInline(admin.TabularInline):
    model = Set
    extra = 0


@admin.register(WorkoutExercise)
class WorkoutExerciseAdmin(admin.ModelAdmin):
    list_display = ["workout", "exercise", "position", "superset"]
    search_fields = ["exercise__name", "workout__title", "workout__user__username"]
    raw_id_fields = ["workout", "exercise"]
    inlines = [SetInline]


class WorkoutExerciseInline(admin.TabularInline):
    model = WorkoutExercise
    extra = 0
    raw_id_fields = ["exercise"]
    show_change_link = True


class IntervalInline(admin.TabularInline):
    model = Interval
    extra = 0


@admin.register(Workout)
class WorkoutAdmin(admin.ModelAdmin):
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
    readonly_fields = ["created_at", "updated_at"]
    inlines = [WorkoutExerciseInline, IntervalInline]


@admin.register(Set)
class SetAdmin(admin.ModelAdmin):
    list_display = ["entry", "position", "reps", "load_kg", "rpe", "rir", "set_type"]
    list_filter = ["set_type", "eccentric_emphasis"]
    search_fields = ["entry__exercise__name", "entry__workout__user__username"]
    raw_id_fields = ["entry"]


@admin.register(Interval)
class IntervalAdmin(admin.ModelAdmin):
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
