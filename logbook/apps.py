from django.apps import AppConfig


class LogbookConfig(AppConfig):
    name = "logbook"
    verbose_name = "Logbook"

    def ready(self) -> None:
        from logbook import signals  # noqa: F401
