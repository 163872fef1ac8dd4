"""The read paths' indexes (bench/PLANS.md): the composite indexes first, then the single-column
foreign-key indexes they make redundant go, so a planner without statistics cannot pick them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("logbook", "0007_token_scope_expiry"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="set",
            index=models.Index(fields=["entry", "position"], name="set_entry_position"),
        ),
        migrations.AddIndex(
            model_name="workout",
            index=models.Index(
                condition=models.Q(("deleted_at__isnull", True)),
                fields=["user", "-started_at", "-id"],
                name="workout_user_alive_started",
            ),
        ),
        migrations.AddIndex(
            model_name="workoutexercise",
            index=models.Index(fields=["workout", "exercise"], name="entry_workout_exercise"),
        ),
        migrations.AlterField(
            model_name="set",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sets",
                to="logbook.workoutexercise",
            ),
        ),
        migrations.AlterField(
            model_name="workout",
            name="user",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="workouts",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="workoutexercise",
            name="workout",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="exercises",
                to="logbook.workout",
            ),
        ),
        migrations.RemoveIndex(
            model_name="workout",
            name="workout_user_started",
        ),
    ]
