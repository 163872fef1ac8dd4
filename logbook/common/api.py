"""What every API endpoint of both apps shares: the error body's schema, the id and limit
parameters, and JSON-only content negotiation."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.negotiation import DefaultContentNegotiation

LIMIT = OpenApiParameter(
    "limit",
    {"type": "integer", "minimum": 1},
    description="Page size, 1–500 (default 50); larger values give 500.",
)
ID = OpenApiParameter("id", {"type": "integer", "minimum": 0}, OpenApiParameter.PATH)


class Errors(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages by field path, e.g. exercises.0.sets.1.reps.",
    )


class JSONOnly(DefaultContentNegotiation):
    """Always JSON: DRF would otherwise read `?format=` as a renderer choice (and 404)."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
