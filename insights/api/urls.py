from django.urls import path

from insights.api import views

urlpatterns = [
    path("workouts/<id:id>/insight/", views.WorkoutInsightView.as_view(), name="api-insight"),
]
