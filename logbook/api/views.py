"""REST API v1 for the logbook. Thin: parse, call a service or selector, represent."""

from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import authenticate
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from logbook import selectors, services
from logbook.api import openapi as docs
from logbook.api.idempotency import idempotent
from logbook.api.representation import (
    exercise_to_dict,
    profile_to_dict,
    token_to_dict,
    workout_to_dict,
    workouts_to_dicts,
    written_workout_to_dict,
)
from logbook.common.errors import InvalidInput
from logbook.common.input import query_datetime
from logbook.common.pagination import paginate, paginate_changes, paginate_list
from logbook.models import ExerciseKind, TokenScope, Workout
from logbook.schema import clean_workout
from logbook.tokens import TOO_MANY_TOKENS, TooManyTokens, issue_token, revoke_token

TOKEN_NAME_MAX = 100
MAX_DAYS = 3650


class TokenCreateView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"

    @extend_schema(
        request=docs.TokenRequest,
        responses={201: docs.TokenResponse, 400: docs.Errors, 401: docs.Errors, 429: docs.Errors},
        auth=[],
        summary="Create a personal access token",
    )
    def post(self, request: Request) -> Response:
        data = request.data if isinstance(request.data, dict) else {}
        errors = {}
        for field in ("username", "password"):
            if not isinstance(data.get(field), str) or not data.get(field):
                errors[field] = ["This field is required."]
            elif "\x00" in data[field]:
                errors[field] = ["May not contain NUL characters."]
        name = data.get("name", "API token")
        if (
            not isinstance(name, str)
            or not 1 <= len(name.strip()) <= TOKEN_NAME_MAX
            or "\x00" in name
        ):
            errors["name"] = ["Expected a name of 1 to 100 characters."]
        scope = data.get("scope", TokenScope.WRITE)
        if scope not in TokenScope.values:
            errors["scope"] = [f"Expected one of: {', '.join(TokenScope.values)}."]
        days = data.get("expires_in_days")
        if days is not None and (
            not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_DAYS
        ):
            errors["expires_in_days"] = [f"Expected a whole number of days, 1 to {MAX_DAYS}."]
        if errors:
            raise InvalidInput(errors)
        # The Django request, so the lockout (logbook.lockout) counts this door with the others.
        user = authenticate(request._request, username=data["username"], password=data["password"])
        if user is None:
            return Response(
                {"errors": {"credentials": ["Wrong username or password."]}},
                status=status.HTTP_401_UNAUTHORIZED,
                headers={"WWW-Authenticate": "Bearer"},
            )
        expires_at = timezone.now() + timedelta(days=days) if days else None
        try:
            token, raw = issue_token(user, name.strip(), scope, expires_at)
        except TooManyTokens:
            raise InvalidInput({"tokens": [TOO_MANY_TOKENS]}) from None
        return Response({"token": raw, **token_to_dict(token)}, status=status.HTTP_201_CREATED)


class TokenListView(APIView):
    @extend_schema(
        responses={200: docs.TokenInfo(many=True)},
        summary="List your tokens",
        description="Every token you hold, newest first: at most 100, so the list is not paged.",
    )
    def get(self, request: Request) -> Response:
        return Response([token_to_dict(t) for t in request.user.access_tokens.all()])


@extend_schema(parameters=[docs.ID])
class TokenDetailView(APIView):
    @extend_schema(responses={204: None, 404: docs.Errors}, summary="Revoke a token")
    def delete(self, request: Request, id: int) -> Response:
        if not revoke_token(request.user, id):
            return Response({"errors": {"detail": ["Not found."]}}, status=404)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WorkoutListView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "updated_since",
                datetime,
                description="Changed after this moment (with offset); oldest change first. "
                "Pages are bounded by the newest change when paging began; keep the largest "
                "`updated_at` seen as the next `updated_since`.",
            ),
            OpenApiParameter(
                "include_deleted", bool, description="Include tombstones of deleted workouts."
            ),
            OpenApiParameter("activity", str, enum=docs.ACTIVITIES),
            docs.LIMIT,
            OpenApiParameter("cursor", str, description="From the previous page's `next`."),
        ],
        responses={200: docs.WorkoutPage, 400: docs.Errors},
        summary="List workouts, newest first",
        operation_id="workouts_list",
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        workouts = Workout.objects.filter(user=request.user)
        if not _flag(params.get("include_deleted"), "include_deleted"):
            workouts = workouts.alive()
        activity = params.get("activity")
        if activity is not None:
            if activity not in docs.ACTIVITIES:
                raise InvalidInput(
                    {"activity": [f"Expected one of: {', '.join(docs.ACTIVITIES)}."]}
                )
            workouts = workouts.filter(activity=activity)
        since = params.get("updated_since")
        if since is not None:
            workouts = workouts.filter(updated_at__gt=_parse_query_datetime(since, "updated_since"))
            return paginate_changes(request, workouts, workouts_to_dicts)
        return paginate(request, workouts, ("-started_at", "-id"), workouts_to_dicts)

    @extend_schema(
        request=docs.WorkoutIn,
        responses={
            201: docs.WorkoutOut,
            400: docs.Errors,
            409: docs.Errors,
            413: docs.Errors,
            422: docs.Errors,
        },
        parameters=[docs.IDEMPOTENCY_KEY],
        summary="Record a workout",
    )
    def post(self, request: Request) -> Response:
        def create() -> Response:
            data = clean_workout(request.data)
            workout, exercises = services.write_workout(request.user, data)
            body = written_workout_to_dict(workout, data, exercises)
            return Response(body, status=status.HTTP_201_CREATED)

        return idempotent(request, create)


@extend_schema(parameters=[docs.ID])
class WorkoutDetailView(APIView):
    def _get(self, request: Request, id: int) -> Workout:
        return get_object_or_404(Workout.objects.alive(), pk=id, user=request.user)

    @extend_schema(responses={200: docs.WorkoutOut, 404: docs.Errors}, summary="One workout")
    def get(self, request: Request, id: int) -> Response:
        return Response(_fresh(self._get(request, id)))

    @extend_schema(
        request=docs.WorkoutIn,
        responses={200: docs.WorkoutOut, 400: docs.Errors, 404: docs.Errors, 409: docs.Errors},
        summary="Replace a workout, its exercises, sets and intervals",
    )
    def put(self, request: Request, id: int) -> Response:
        workout = self._get(request, id)
        data = clean_workout(request.data, default_source=workout.source)
        workout, exercises = services.write_workout(request.user, data, workout)
        return Response(written_workout_to_dict(workout, data, exercises))

    @extend_schema(
        request=docs.WorkoutPatch,
        responses={200: docs.WorkoutOut, 400: docs.Errors, 404: docs.Errors, 409: docs.Errors},
        summary="Change some fields; `exercises` or `intervals`, when given, replace the old ones",
    )
    def patch(self, request: Request, id: int) -> Response:
        workout = self._get(request, id)
        if not isinstance(request.data, dict):
            raise InvalidInput({"non_field_errors": ["Expected a JSON object."]})
        merged = {**workout_to_dict(_fresh_obj(workout)), **request.data}
        services.update_workout(
            workout,
            clean_workout(merged, default_source=workout.source),
            replace_exercises="exercises" in request.data,
            replace_intervals="intervals" in request.data,
        )
        return Response(_fresh(workout))

    @extend_schema(responses={204: None, 404: docs.Errors}, summary="Delete (leaves a tombstone)")
    def delete(self, request: Request, id: int) -> Response:
        services.delete_workout(self._get(request, id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ExerciseListView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "search",
                str,
                description="Matches names, slugs and aliases, best first: exact, then "
                "prefix, word start, anywhere, then close spellings.",
            ),
            OpenApiParameter("kind", str, enum=ExerciseKind.values),
            OpenApiParameter("muscle", str, description="A primary muscle, e.g. quads."),
            OpenApiParameter("equipment", str, description="e.g. barbell, dumbbell."),
            docs.LIMIT,
            OpenApiParameter("cursor", str),
        ],
        responses={200: docs.ExercisePage, 400: docs.Errors},
        summary="The exercise catalog and your own exercises",
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        facets = {"kind": ExerciseKind.values, **selectors.exercise_facets()}
        filters = {name: params.get(name, "") for name in facets}
        for name, allowed in facets.items():
            if name in params and filters[name] not in allowed:  # "kind=" too: not a kind
                raise InvalidInput({name: [f"Expected one of: {', '.join(allowed)}."]})
        found = selectors.ranked_exercises(request.user, params.get("search", ""), **filters)
        return paginate_list(
            request, [m.item for m in found], lambda rows: [exercise_to_dict(e) for e in rows]
        )


class MeView(APIView):
    @extend_schema(responses={200: docs.Me}, summary="Your profile and preferences")
    def get(self, request: Request) -> Response:
        return Response(profile_to_dict(request.user))

    @extend_schema(
        request=docs.Me, responses={200: docs.Me, 400: docs.Errors}, summary="Change preferences"
    )
    def patch(self, request: Request) -> Response:
        services.update_profile(request.user, request.data)
        return Response(profile_to_dict(request.user))


def _fresh_obj(workout: Workout) -> Workout:
    return Workout.objects.with_details().get(pk=workout.pk)


def _fresh(workout: Workout) -> dict[str, Any]:
    return workout_to_dict(_fresh_obj(workout))


def _parse_query_datetime(value: str, name: str) -> datetime:
    try:
        return query_datetime(value)
    except ValueError as problem:
        raise InvalidInput({name: [str(problem)]}) from None


def _flag(value: str | None, name: str) -> bool:
    if value is None or value == "":
        return False
    lowered = value.lower()
    if lowered in ("1", "true", "yes"):
        return True
    if lowered in ("0", "false", "no"):
        return False
    raise InvalidInput({name: ["Expected 1 or 0."]})
