"""The pieces that make Myolog an installable app: the logger page (one shell for every
user, so it can be kept offline), the manifest, the icons, the service worker, the offline
page and the favicon."""

import json

import pytest
from django.contrib.staticfiles import finders

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_logger_needs_a_login(client):
    response = client.get("/log/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_logger_page_is_the_same_shell_for_every_user(client):
    pages = []
    for _ in range(2):
        user = UserFactory()
        client.force_login(user)
        html = client.get("/log/").content.decode()
        assert user.username not in html
        pages.append(html)
    assert pages[0] == pages[1]
    assert 'type="module"' in pages[0]
    assert 'rel="manifest"' in pages[0]
    assert "workout form" in pages[0]  # what to use without JavaScript


def test_the_manifest_names_the_app_its_start_page_and_icons_that_exist(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/log/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"].startswith("#")
    sizes = {(i["sizes"], i.get("purpose", "any")) for i in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with open(path, "rb") as f:
            assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def test_the_service_worker_is_served_at_the_root_and_lists_the_logger_files(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    body = response.content.decode()
    for asset in (
        "/static/js/logger/main.js",
        "/static/js/logger/state.js",
        "/static/css/logger.css",
    ):
        assert f'"{asset}"' in body
    assert 'const LOGGER = "/log/"' in body


def test_the_offline_page_and_the_favicon_need_no_login(client):
    offline = client.get("/offline/")
    assert offline.status_code == 200
    assert "/log/" in offline.content.decode()
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon["Content-Type"] == "image/x-icon"
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_every_page_links_the_manifest_and_the_nav_starts_the_live_logger(client):
    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert 'rel="manifest" href="/manifest.webmanifest"' in html
    assert 'href="/log/" class="nav-log"' in html
