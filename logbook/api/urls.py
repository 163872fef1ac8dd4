from django.urls import path

from logbook.api import export, routines, sync, views
from logbook.imports import api as imports
from logbook.imports import upload_api

urlpatterns = [
    path("auth/token/", views.TokenCreateView.as_view(), name="api-token"),
    path("auth/tokens/", views.TokenListView.as_view(), name="api-tokens"),
    path("auth/tokens/<id:id>/", views.TokenDetailView.as_view(), name="api-token-detail"),
    path("workouts/", views.WorkoutListView.as_view(), name="api-workouts"),
    path("workouts/<id:id>/", views.WorkoutDetailView.as_view(), name="api-workout"),
    path("exercises/", views.ExerciseListView.as_view(), name="api-exercises"),
    path("routines/", routines.RoutineListView.as_view(), name="api-routines"),
    path("routines/<id:id>/", routines.RoutineDetailView.as_view(), name="api-routine"),
    path("routines/<id:id>/plan/", routines.RoutinePlanView.as_view(), name="api-routine-plan"),
    path("me/", views.MeView.as_view(), name="api-me"),
    path("sync/workouts/", sync.SyncWorkoutsView.as_view(), name="api-sync-workouts"),
    path("imports/", imports.ImportCreateView.as_view(), name="api-imports"),
    path("imports/uploads/", upload_api.UploadCreateView.as_view(), name="api-import-uploads"),
    path(
        "imports/uploads/<id:id>/",
        upload_api.UploadDetailView.as_view(),
        name="api-import-upload",
    ),
    path("imports/<id:id>/", imports.ImportDetailView.as_view(), name="api-import"),
    path("imports/<id:id>/retry/", imports.ImportRetryView.as_view(), name="api-import-retry"),
    path(
        "imports/<id:id>/messages/",
        imports.ImportMessagesView.as_view(),
        name="api-import-messages",
    ),
    path("export/", export.ExportView.as_view(), name="api-export"),
]
