"""The exercise list (/exercises/): the user's exercises and the catalog, searched and
filtered by muscle and equipment (all in the URL), ranked as logbook.exercise_search ranks;
each name links to its page (/exercises/<id>/, insights.progress_views)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from logbook import selectors

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
        },
    )
