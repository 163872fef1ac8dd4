"""The admin is usable for every model: lists with search and filters, change pages."""

import pytest
from django.contrib import admin

from insights.models import WeeklyEmail
from insights.reports import refresh_week
from insights.services import classify_and_store
from logbook.models import IdempotencyRecord, ImportJob
from logbook.tokens import issue_token
from tests.factories import make_workout

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model",
    [m for m in admin.site._registry if m._meta.app_label in ("logbook", "insights")],
    ids=lambda m: m.__name__,
)
def test_every_model_has_a_working_changelist_and_change_page(admin_client, admin_user, model):
    workout = make_workout(
        admin_user,
        exercises=[{"exercise": "My Lift", "sets": [{"reps": 5}]}],
        intervals=[{"kind": "work", "duration_s": 30}],
    )
    classify_and_store(workout.pk)
    refresh_week(admin_user, "2026-W40")
    WeeklyEmail.objects.create(user=admin_user, week="2026-W40")
    issue_token(admin_user, "watch")
    IdempotencyRecord.objects.create(
        user=admin_user, key="k", request_hash="h", status_code=201, response_body={}
    )
    ImportJob.objects.create(user=admin_user, filename="strong.csv")
    opts = model._meta
    changelist = f"/admin/{opts.app_label}/{opts.model_name}/"
    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "lift"}).status_code == 200
    obj = model.objects.first()
    assert obj is not None
    assert admin_client.get(f"{changelist}{obj.pk}/change/").status_code == 200
