from django.contrib import admin

from insights.models import Insight, WeeklyEmail, WeeklyReport


@admin.register(Insight)
class InsightAdmin(admin.ModelAdmin):
    list_display = ["workout", "primary", "classifier_version", "updated_at"]
    list_filter = ["primary", "classifier_version"]
    search_fields = ["workout__title", "workout__user__username", "primary"]
    raw_id_fields = ["workout"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(WeeklyReport)
class WeeklyReportAdmin(admin.ModelAdmin):
    list_display = ["week", "user", "pending", "computed_at"]
    list_filter = ["pending"]
    search_fields = ["week", "user__username"]
    raw_id_fields = ["user"]


@admin.register(WeeklyEmail)
class WeeklyEmailAdmin(admin.ModelAdmin):
    list_display = ["week", "user", "status", "kind", "attempts", "sent_at"]
    list_filter = ["status", "kind"]
    search_fields = ["week", "user__username", "user__email"]
    raw_id_fields = ["user"]
