from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from insights.tasks import enqueue_classification, reclassify_after_heart_rate_change
        from insights.workout_views import celebrate_saved_records
        from logbook.services import heart_rate_profile_changed, workouts_saved
        from logbook.views import workout_saved_on_web

        workouts_saved.connect(enqueue_classification, dispatch_uid="insights_classify")
        heart_rate_profile_changed.connect(
            reclassify_after_heart_rate_change, dispatch_uid="insights_heart_rate"
        )
        workout_saved_on_web.connect(celebrate_saved_records, dispatch_uid="insights_flash")
