"""REST API v1 for insights."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from insights import reports, selectors
from insights.api import openapi as docs
from insights.api.representation import insight_to_dict, pending
from insights.weekly import shift_week, week_start
from logbook.common import api as logbook_docs
from logbook.common.errors import InvalidInput, error_response
from logbook.common.pagination import parse_limit
from logbook.models import Workout


@extend_schema(parameters=[logbook_docs.ID])
class WorkoutInsightView(APIView):
    @extend_schema(
        responses={200: docs.InsightOut, 404: logbook_docs.Errors},
        summary="What kind of session it was, and what the research says",
    )
    def get(self, request: Request, id: int) -> Response:
        workout = get_object_or_404(Workout.objects.alive(), pk=id, user=request.user)
        insight = selectors.current_insight(workout)
        if insight is None:
            return Response(pending())
        return Response(insight_to_dict(insight))


class WeekView(APIView):
    @extend_schema(
        parameters=[docs.WEEK],
        responses={200: docs.WeekOut, 404: logbook_docs.Errors},
        summary="One ISO week in your time zone (`current` for this week)",
        description="Computed when asked. A week that is not an ISO week, or that no workout "
        "can be in (before 1970, more than a year ahead), is a 404.",
    )
    def get(self, request: Request, week: str) -> Response:
        if week == "current":
            week = reports.current_week(request.user)
        elif reports.readable_week(request.user, week) is None:
            return error_response(
                {"week": ["No such week: expected an ISO week such as 2026-W47, or current."]},
                status.HTTP_404_NOT_FOUND,
            )
        return Response(reports.week_report(request.user, week))


class WeekListView(APIView):
    @extend_schema(
        parameters=[logbook_docs.LIMIT, docs.WEEK_CURSOR],
        responses={200: docs.WeekPage, 400: logbook_docs.Errors},
        summary="Past weeks, newest first, back to your first workout",
        operation_id="weeks_list",
    )
    def get(self, request: Request) -> Response:
        limit = min(parse_limit(request, default=12), MAX_WEEKS_PAGE)
        cursor = request.query_params.get("cursor")
        newest = (
            _valid_week(cursor, "cursor")
            if cursor is not None
            else reports.current_week(request.user)
        )
        first = reports.first_week(request.user)
        weeks = []
        week = newest
        while first is not None and len(weeks) < limit + 1 and week >= first:
            weeks.append(week)
            week = shift_week(week, -1)
        page, more = weeks[:limit], len(weeks) > limit
        computed = reports.compute_weeks(request.user, page)
        results = [
            {**computed[w][0].as_dict(), "status": "pending" if computed[w][1] else "ready"}
            for w in page
        ]
        next_url = None
        if more:
            params = request.query_params.copy()
            params["cursor"] = weeks[limit]
            next_url = request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
        return Response({"next": next_url, "results": results})


MAX_WEEKS_PAGE = 104


def _valid_week(value: str, name: str = "week") -> str:
    try:
        week_start(value)
    except ValueError:
        raise InvalidInput({name: ["Expected an ISO week such as 2026-W47, or current."]}) from None
    return value
