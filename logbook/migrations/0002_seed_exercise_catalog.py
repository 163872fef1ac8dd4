"""Seed the exercise catalog from logbook/data/exercises.json (upsert by slug)."""

from django.db import migrations


def seed(apps, schema_editor):
    from logbook.catalog import sync_catalog

    sync_catalog(apps)


class Migration(migrations.Migration):
    dependencies = [("logbook", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
