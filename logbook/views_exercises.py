"""The exercise list (/exercises/): the user's exercises and the catalog, searched and
filtered by muscle and equipment (all in the URL), ranked as logbook.exercise_search ranks;
each name links to its page (/exercises/<id>/, insights.progress_views). And the user's own
exercises (/exercises/yours/): rename, merge into another (an imported one mapped to the
catalog once for all its sets), delete an unused one; writes through logbook.services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from logbook import selectors, services
from logbook.common.errors import InvalidInput
from logbook.models import Exercise

CATALOG_PAGE = 60


@login_required
def exercise_list(request: HttpRequest) -> HttpResponse:
    facets = selectors.exercise_facets()
    query = request.GET.get("q", "").strip()
    filters = {name: request.GET.get(name, "").strip() for name in facets}
    usage = selectors.exercise_usage(request.user)
    found = selectors.ranked_exercises(request.user, query, **filters)
    rows = [
        {"exercise": m.item, "match": m, "alias": m.text != m.item.name and bool(query)}
        for m in found
    ]
    for row in rows:
        row["sessions"], row["last"] = usage.get(row["exercise"].pk, (0, None))
    yours = [r for r in rows if r["sessions"] or r["exercise"].is_custom]
    if not query:  # most recently done first; a search keeps its ranking
        yours.sort(key=lambda r: (r["last"] is not None, r["last"]), reverse=True)
    catalog = [r for r in rows if not (r["sessions"] or r["exercise"].is_custom)]
    page = Paginator(catalog, CATALOG_PAGE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "logbook/exercises.html",
        {
            "query": query,
            "filters": filters,
            "facets": facets,
            "yours": yours,
            "page": page,
            "params": params.urlencode(),
            "filtered": bool(query or any(filters.values())),
            "has_own": any(m.item.is_custom for m in found),
        },
    )


# --- Your own exercises: rename, merge (or map an imported one to the catalog), delete ------


@login_required
def own_exercises(request: HttpRequest) -> HttpResponse:
    return _own_page(request)


def _own_page(request: HttpRequest, errors: dict | None = None, status: int = 200) -> HttpResponse:
    rows = selectors.own_exercises(request.user)
    errors = errors or {}
    for row in rows:
        row["errors"] = errors.get(row["exercise"].pk, {})
        row["suggestion"] = (
            selectors.catalog_match(row["exercise"].name) if row["imported"] else None
        )
    return render(
        request,
        "logbook/own_exercises.html",
        {
            "imported": [r for r in rows if r["imported"]],
            "rows": rows,
            "typed": request.POST if request.method == "POST" else request.GET,
            "exercise_names": selectors.exercise_names(request.user),
        },
        status=status,
    )


def _own(request: HttpRequest, id: int) -> Exercise:
    return get_object_or_404(Exercise, pk=id, owner=request.user)


@login_required
@require_POST
def exercise_rename(request: HttpRequest, id: int) -> HttpResponse:
    exercise = _own(request, id)
    old = exercise.name
    try:
        services.rename_exercise(exercise, request.POST.get("name", ""))
    except InvalidInput as invalid:
        return _own_page(request, {exercise.pk: invalid.errors}, status=400)
    messages.success(request, f"Renamed “{old}” to “{exercise.name}”.")
    return redirect("own-exercises")


@login_required
def exercise_merge(request: HttpRequest, id: int) -> HttpResponse:
    """GET asks to confirm (what moves where); POST with confirm=1 merges."""
    exercise = _own(request, id)
    params = request.POST if request.method == "POST" else request.GET
    typed = params.get("into", "").strip()
    target = selectors.chosen_exercise(request.user, typed) if typed else None
    if target is None or target.pk == exercise.pk:
        message = (
            "Choose the exercise to merge into."
            if not typed or target is not None
            else f"No exercise is called “{typed}”: pick one from the list."
        )
        return _own_page(request, {exercise.pk: {"into": [message]}}, status=400)
    if request.method == "POST" and params.get("confirm") == "1":
        moved = services.merge_exercise(exercise, target)
        messages.success(
            request, f"Merged “{exercise.name}” into {target.name}: {moved} sets moved."
        )
        return redirect("exercise", id=target.pk)
    use = next(r for r in selectors.own_exercises(request.user) if r["exercise"].pk == exercise.pk)
    return render(
        request, "logbook/exercise_merge.html", {"use": use, "exercise": exercise, "target": target}
    )


@login_required
@require_POST
def exercise_delete(request: HttpRequest, id: int) -> HttpResponse:
    exercise = _own(request, id)
    try:
        services.delete_exercise(exercise)
    except InvalidInput as invalid:
        return _own_page(request, {exercise.pk: invalid.errors}, status=400)
    messages.success(request, f"Deleted “{exercise.name}”.")
    return redirect("own-exercises")
