from django.apps import AppConfig


class LogbookConfig(AppConfig):
    name = "logbook"
    verbose_name = "Logbook"

    def ready(self) -> None:
        from django.db.models import ForeignKey

        from logbook import signals  # noqa: F401
        from logbook.common.lookups import AnyId

        ForeignKey.register_lookup(AnyId)
