from django.contrib import admin

from insights.models import Insight


@admin.register(Insight)
class InsightAdmin(admin.ModelAdmin):
    list_display = ["workout", "primary", "classifier_version", "updated_at"]
    list_filter = ["primary", "classifier_version"]
    search_fields = ["workout__title", "workout__user__username", "primary"]
    raw_id_fields = ["workout"]
    readonly_fields = ["created_at", "updated_at"]
