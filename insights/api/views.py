"""REST API v1 for insights."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from insights.api import openapi as docs
from insights.api.representation import insight_to_dict, pending
from insights.models import Insight
from insights.services import current_version
from logbook.api import openapi as logbook_docs
from logbook.models import Workout


@extend_schema(parameters=[logbook_docs.ID])
class WorkoutInsightView(APIView):
    @extend_schema(
        responses={200: docs.InsightOut, 404: logbook_docs.Errors},
        summary="What kind of session it was, and what the research says",
    )
    def get(self, request: Request, id: int) -> Response:
        workout = get_object_or_404(Workout.objects.alive(), pk=id, user=request.user)
        insight = Insight.objects.filter(workout=workout).first()
        if insight is None or not insight.is_current_for(workout, current_version()):
            return Response(pending())
        return Response(insight_to_dict(insight))
