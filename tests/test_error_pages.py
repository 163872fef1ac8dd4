"""Styled error pages a person can leave: the 404 has the site's navigation, the 500 is
rendered without the database (it shows when the database is what failed)."""

import pytest
from django.db import connection
from django.test import Client, RequestFactory

from config.errors import server_error


@pytest.mark.django_db
def test_a_missing_page_is_a_styled_404_with_the_navigation(user):
    client = Client()
    client.force_login(user)
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert 'href="/workouts/"' in page
    assert "app.css" in page


@pytest.mark.django_db
def test_the_api_404_stays_json():
    response = Client().get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["errors"]["detail"] == ["Not found."]


def test_the_500_page_needs_no_database():
    request = RequestFactory().get("/workouts/")
    with connection.execute_wrapper(_refuse):
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            response = server_error(request)

    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page
    assert 'href="/"' in page
    assert "app.css" in page


def _refuse(*args):
    raise AssertionError("the 500 page queried the database")
