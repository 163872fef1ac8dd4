"""The import pages: upload a file, watch its job's progress, read the result. The upload
page is also where the export buttons are (`logbook.views_export` streams the files).

The same service as the API (`logbook.imports.services`) checks, stores and queues the upload.
The job page polls a small fragment every second with htmx; without JavaScript a
<meta refresh> reloads it until the job is done.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from logbook.common.errors import InvalidInput
from logbook.imports import services
from logbook.models import ImportFormat, ImportJob

RECENT = 10


class ImportForm(forms.Form):
    file = forms.FileField(label="File")
    format = forms.ChoiceField(
        label="Format",
        choices=[("", "Detect from the file"), *ImportFormat.choices],
        required=False,
    )
    weight_unit = forms.ChoiceField(
        label="Weights in the file are in",
        choices=[("", "My unit setting"), ("kg", "kilograms"), ("lb", "pounds")],
        required=False,
        help_text="Only for files that do not say, such as Strong's CSV.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def imports_page(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if form.is_bound and form.is_valid():
        try:
            job = services.start_import(
                request.user,
                form.cleaned_data["file"],
                format=form.cleaned_data["format"],
                weight_unit=form.cleaned_data["weight_unit"],
            )
        except services.NotQueued as not_queued:  # the job page says so, with Retry
            return redirect("import-detail", pk=not_queued.job.pk)
        except InvalidInput as invalid:
            for field, messages in invalid.errors.items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, message)
        else:
            return redirect("import-detail", pk=job.pk)
    return render(request, "logbook/imports/index.html", imports_context(request, form))


def imports_context(
    request: HttpRequest, form: ImportForm | None = None, export_errors: list[str] = ()
) -> dict:
    """The import and export page: the upload form, the last imports, the export buttons."""
    return {
        "form": form or ImportForm(),
        "recent": ImportJob.objects.filter(user=request.user)[:RECENT],
        "export_errors": export_errors,
    }


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    return render(request, "logbook/imports/detail.html", _job_context(job))


@login_required
def import_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The fragment the job page polls."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    return render(request, "logbook/imports/_progress.html", _job_context(job))


@login_required
@require_http_methods(["POST"])
def import_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """The failed job's Retry button: queued again, or the page says why not."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    try:
        services.retry(job)
    except InvalidInput as refused:
        messages.error(request, " ".join(m for ms in refused.errors.values() for m in ms))
    return redirect("import-detail", pk=job.pk)


def _job_context(job: ImportJob) -> dict:
    return {"job": job, "retryable": services.retryable(job)}
