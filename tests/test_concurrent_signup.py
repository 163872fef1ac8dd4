"""Several sign-ups of one username at the same moment make one user; the others get the
form back with a clear error, never a 500. Threads on PostgreSQL (where it raced)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db(transaction=True)

SIGNUPS = 6


def test_concurrent_signups_of_one_name_give_one_user_and_form_errors():
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent writers: PostgreSQL (CI runs the suite on it)")
    barrier = threading.Barrier(SIGNUPS)
    results: list[tuple[int, str]] = []

    def sign_up() -> None:
        client = Client(raise_request_exception=False)
        barrier.wait()
        response = client.post(
            "/signup/",
            {
                "username": "same-name",
                "email": "same@example.com",
                "password1": "a long unusual passphrase 7",
                "password2": "a long unusual passphrase 7",
                "units": "kg",
                "time_zone": "UTC",
            },
        )
        results.append((response.status_code, response.content.decode()))
        connection.close()

    threads = [threading.Thread(target=sign_up) for _ in range(SIGNUPS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    codes = sorted(code for code, _ in results)
    assert codes.count(302) == 1, codes
    assert codes.count(200) == SIGNUPS - 1, codes
    assert all("already exists" in page for code, page in results if code == 200)
    assert get_user_model().objects.filter(username="same-name").count() == 1
