from django.urls import path

from insights import progress_views, views, workout_views

urlpatterns = [
    path("", workout_views.home, name="home"),
    path("workouts/", workout_views.history, name="history"),
    path("workouts/<id:id>/", workout_views.workout_detail, name="workout"),
    path("exercises/<id:id>/", progress_views.exercise_page, name="exercise"),
    path("records/", progress_views.records_page, name="records"),
    path("science/", views.science_index, name="science"),
    path("science/<slug:slug>/", views.science_page, name="science-page"),
    path("week/", views.week, name="week-current"),
    path("week/<str:week>/", views.week, name="week"),
    path("week/<str:week>/email/", views.week_email_preview, name="week-email-preview"),
    path("email/unsubscribe/<str:token>/", views.unsubscribe, name="email-unsubscribe"),
    path("email/preferences/<str:token>/", views.preferences, name="email-preferences"),
]
