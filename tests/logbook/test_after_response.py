"""A request's `after_response` work runs once its response is closed (sent), and at once
outside a request: a create's Celery publish no longer holds up its answer."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from insights.models import Insight
from logbook.common.after_response import AfterResponseMiddleware, after_response
from tests.factories import UserFactory, WorkoutPayload, bearer

# Closing a response sends request_finished, whose handler looks at the connections.
pytestmark = pytest.mark.django_db


def test_outside_a_request_work_runs_at_once():
    done = []
    after_response(lambda: done.append(1))
    assert done == [1]


def test_in_a_request_work_waits_for_the_response_to_be_closed():
    done = []

    def view(request):
        after_response(lambda: done.append("first"))
        after_response(lambda: done.append("second"))
        return HttpResponse("answer")

    response = AfterResponseMiddleware(view)(RequestFactory().get("/"))
    assert response.content == b"answer"
    assert done == []
    response.close()
    assert done == ["first", "second"]


def test_a_failure_is_raised_after_the_rest_has_run():
    done = []

    def fail():
        raise RuntimeError("broken")

    def view(request):
        after_response(fail)
        after_response(lambda: done.append("still run"))
        return HttpResponse()

    response = AfterResponseMiddleware(view)(RequestFactory().get("/"))
    with pytest.raises(RuntimeError, match="broken"):
        response.close()
    assert done == ["still run"]


@pytest.mark.django_db(transaction=True)  # real commits: the write announces itself
def test_a_create_through_the_api_is_classified_once_its_answer_is_sent(client):
    """The test client closes the response before returning, as a server does after writing
    it: the (eager) classification has run by then."""
    user = UserFactory()
    reply = client.post(
        "/api/v1/workouts/", WorkoutPayload(), content_type="application/json", **bearer(user)
    )
    assert reply.status_code == 201
    assert Insight.objects.filter(workout_id=reply.json()["id"]).exists()
