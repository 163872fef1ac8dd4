"""config.urls plus a bare DRF view: the floor of the stack for POST /api/v1/workouts/."""

from django.urls import path
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from config.urls import urlpatterns as app_urls


class FloorView(APIView):
    """Parses the same JSON and answers it back, without authentication or the database."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        return Response(request.data, status=status.HTTP_201_CREATED)


urlpatterns = [path("bench/floor/", FloorView.as_view()), *app_urls]
