from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Insights"

    def ready(self) -> None:
        from insights.tasks import enqueue_classification
        from logbook.services import workouts_saved

        workouts_saved.connect(enqueue_classification, dispatch_uid="insights_classify")
