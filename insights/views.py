"""Web pages of insights: the weekly report (the email's twin), its email preview, the
science pages, and the signed-link pages for unsubscribing and email preferences."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from insights import reports, weekly_email
from insights.charts import hard_sets_chart, hard_sets_rows
from insights.knowledge import DISCLAIMER
from insights.science_pages import INDEX_GROUPS, PAGES
from insights.weekly import shift_week
from logbook.common.errors import InvalidInput
from logbook.common.input import whole_number
from logbook.common.styles import styles_as_sheet
from logbook.services import update_profile


def _week_or_404(user, week: str) -> str:
    if reports.readable_week(user, week) is None:
        raise Http404("No such week")
    return week


@login_required
def week(request: HttpRequest, week: str = "") -> HttpResponse:
    current = reports.current_week(request.user)
    week = _week_or_404(request.user, week) if week else current
    previous = shift_week(week, -1)
    both = reports.week_reports(request.user, [week, previous])
    context = weekly_email.email_context(request.user, week, both[week])
    muscles = hard_sets_rows(both[week], both[previous])
    in_progress = context["report"]["in_progress"]
    context.update(
        muscles=muscles,
        in_progress=in_progress,
        hard_sets_chart=hard_sets_chart(muscles, in_progress=in_progress) if muscles else None,
        base="",
        previous=previous,
        next=shift_week(week, 1) if week < current else None,
        is_current=week == current,
    )
    return render(request, "insights/week.html", context)


def science_index(request: HttpRequest) -> HttpResponse:
    """What the research says about every molecule and kind of session: public, no login."""
    return render(request, "science/index.html", {"groups": INDEX_GROUPS, "disclaimer": DISCLAIMER})


def science_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = PAGES.get(slug)
    if page is None:
        raise Http404("No such page")
    references = page.references()
    numbers = {ref.key: i for i, ref in enumerate(references, 1)}
    return render(
        request,
        "science/page.html",
        {
            "page": page,
            "references": references,
            "numbers": numbers,
            "disclaimer": DISCLAIMER,
        },
    )


@login_required
def week_email_preview(request: HttpRequest, week: str) -> HttpResponse:
    """The email as it would be sent, for the signed-in user."""
    message, _ = weekly_email.build_message(request.user, _week_or_404(request.user, week))
    if message is None:
        return HttpResponse("No email would be sent for this week (no sessions, nudges off).")
    sheet, html = styles_as_sheet(message.alternatives[0][0], request.csp_nonce)
    return HttpResponse(html.replace("</head>", f"{sheet}</head>", 1))


@csrf_exempt  # RFC 8058 one-click POSTs come from mail clients, with the signed link as proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = weekly_email.user_from_token(token)
    if user is None:
        return render(request, "insights/link_invalid.html", status=404)
    if request.method == "POST":
        update_profile(user, {"weekly_email": {"enabled": False}})
        return render(request, "insights/unsubscribed.html", {"token": token})
    # A GET only asks: link scanners must not unsubscribe anyone.
    return render(request, "insights/unsubscribe.html", {"token": token, "subject": user})


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    user = weekly_email.user_from_token(token)
    if user is None:
        return render(request, "insights/link_invalid.html", status=404)
    errors = {}
    if request.method == "POST":
        change = {
            "weekly_email": {
                "enabled": request.POST.get("enabled") == "on",
                "nudges": request.POST.get("nudges") == "on",
                "day": _int(request.POST.get("day")),
                "hour": _int(request.POST.get("hour")),
            }
        }
        try:
            update_profile(user, change)
        except InvalidInput as exc:
            errors = exc.errors
        else:
            return redirect(f"{request.path}?saved=1")
    return render(
        request,
        "insights/email_preferences.html",
        {
            "profile": user.profile,
            "errors": errors,
            "saved": request.GET.get("saved") == "1",
            "days": list(
                enumerate(
                    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                    start=1,
                )
            ),
            "hours": range(24),
        },
    )


def _int(value: str | None) -> int | str | None:
    """A typed number as a number; anything else as given, for the rules to refuse."""
    number = whole_number(value) if value else None
    return value if number is None else number
