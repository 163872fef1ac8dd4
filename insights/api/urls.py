from django.urls import path

from insights.api import views

urlpatterns = [
    path("workouts/<id:id>/insight/", views.WorkoutInsightView.as_view(), name="api-insight"),
    path("weeks/", views.WeekListView.as_view(), name="api-weeks"),
    path("weeks/<str:week>/", views.WeekView.as_view(), name="api-week"),
]
