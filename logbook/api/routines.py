"""Routines over the API: `/api/v1/routines/` (list, create), `/api/v1/routines/{id}/`
(read, replace, change, delete) and `/api/v1/routines/{id}/plan/` (what the next session
starts from, with the progression suggestion). Thin: parse, call services or selectors."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logbook import selectors, services
from logbook.api import openapi as docs
from logbook.api.representation import routine_to_dict
from logbook.common.errors import InvalidInput
from logbook.common.pagination import paginate
from logbook.models import Routine
from logbook.schema import clean_routine


def _routine(request: Request, id: int) -> Routine:
    return get_object_or_404(selectors.user_routines(request.user), pk=id)


def _fresh(request: Request, routine: Routine) -> dict:
    return routine_to_dict(_routine(request, routine.pk))


class RoutineListView(APIView):
    @extend_schema(
        parameters=[docs.LIMIT],
        responses={200: docs.RoutinePage, 400: docs.Errors},
        summary="List your routines, newest first",
        operation_id="routines_list",
    )
    def get(self, request: Request) -> Response:
        routines = selectors.user_routines(request.user)
        return paginate(
            request,
            routines,
            ("-created_at", "-id"),
            lambda rows: [routine_to_dict(r) for r in rows],
        )

    @extend_schema(
        request=docs.RoutineIn,
        responses={201: docs.RoutineOut, 400: docs.Errors},
        summary="Make a routine",
    )
    def post(self, request: Request) -> Response:
        routine = services.save_routine(request.user, clean_routine(request.data))
        return Response(_fresh(request, routine), status=status.HTTP_201_CREATED)


@extend_schema(parameters=[docs.ID])
class RoutineDetailView(APIView):
    @extend_schema(responses={200: docs.RoutineOut, 404: docs.Errors}, summary="One routine")
    def get(self, request: Request, id: int) -> Response:
        return Response(routine_to_dict(_routine(request, id)))

    @extend_schema(
        request=docs.RoutineIn,
        responses={200: docs.RoutineOut, 400: docs.Errors, 404: docs.Errors},
        summary="Replace a routine and its exercises",
    )
    def put(self, request: Request, id: int) -> Response:
        routine = _routine(request, id)
        services.save_routine(request.user, clean_routine(request.data), routine)
        return Response(_fresh(request, routine))

    @extend_schema(
        request=docs.RoutinePatch,
        responses={200: docs.RoutineOut, 400: docs.Errors, 404: docs.Errors},
        summary="Change some fields; `exercises`, when given, replace the old ones",
    )
    def patch(self, request: Request, id: int) -> Response:
        routine = _routine(request, id)
        if not isinstance(request.data, dict):
            raise InvalidInput({"non_field_errors": ["Expected a JSON object."]})
        merged = {**routine_to_dict(routine), **request.data}
        services.save_routine(request.user, clean_routine(merged), routine)
        return Response(_fresh(request, routine))

    @extend_schema(responses={204: None, 404: docs.Errors}, summary="Delete a routine")
    def delete(self, request: Request, id: int) -> Response:
        services.delete_routine(_routine(request, id))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(parameters=[docs.ID])
class RoutinePlanView(APIView):
    @extend_schema(
        responses={200: docs.RoutinePlan, 404: docs.Errors},
        summary="What the next session of a routine starts from, with a suggestion",
    )
    def get(self, request: Request, id: int) -> Response:
        routine = _routine(request, id)
        return Response(selectors.routine_plans(request.user, [routine])[0])
