from django.urls import path

from logbook import views, views_exercises, views_export, views_help, views_log, views_routines
from logbook.imports import views as views_imports

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("help/", views_help.help_page, name="help"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/tokens/", views.token_create, name="token-create"),
    path("settings/tokens/<id:id>/revoke/", views.token_revoke, name="token-revoke"),
    path("workouts/new/", views.workout_new, name="workout-new"),
    path("workouts/<id:id>/edit/", views.workout_edit, name="workout-edit"),
    path("workouts/<id:id>/delete/", views.workout_delete, name="workout-delete"),
    path("exercises/", views_exercises.exercise_list, name="exercises"),
    path("exercises/yours/", views_exercises.own_exercises, name="own-exercises"),
    path("exercises/<id:id>/rename/", views_exercises.exercise_rename, name="exercise-rename"),
    path("exercises/<id:id>/merge/", views_exercises.exercise_merge, name="exercise-merge"),
    path("exercises/<id:id>/delete/", views_exercises.exercise_delete, name="exercise-delete"),
    path("exercises/options/", views.exercise_options, name="exercise-options"),
    path("routines/", views_routines.routine_list, name="routines"),
    path("routines/new/", views_routines.routine_new, name="routine-new"),
    path("routines/<id:id>/", views_routines.routine_detail, name="routine"),
    path("routines/<id:id>/edit/", views_routines.routine_edit, name="routine-edit"),
    path("routines/<id:id>/delete/", views_routines.routine_delete, name="routine-delete"),
    path(
        "workouts/<id:id>/routine/",
        views_routines.routine_from_workout,
        name="routine-from-workout",
    ),
    path("imports/", views_imports.imports_page, name="imports"),
    path("export/", views_export.export_download, name="export"),
    path("imports/<id:pk>/", views_imports.import_detail, name="import-detail"),
    path("imports/<id:pk>/progress/", views_imports.import_progress, name="import-progress"),
    path("imports/<id:pk>/retry/", views_imports.import_retry, name="import-retry"),
    # The live logger and the installable app around it (logbook/views_log.py).
    path("log/", views_log.log_page, name="log"),
    path("log/data/", views_log.log_data, name="log-data"),
    path("offline/", views_log.offline_page, name="offline"),
    path("sw.js", views_log.service_worker, name="service-worker"),
    path("manifest.webmanifest", views_log.manifest, name="manifest"),
    path("favicon.ico", views_log.favicon, name="favicon"),
]
