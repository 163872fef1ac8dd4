"""The Content-Security-Policy (django-csp) allows no inline script or style on any page:
inline elements carry the request's nonce, the weekly report's style attributes (shared
with the email) become a nonced stylesheet, and Swagger UI's start-up script is a file.
tests/browser/test_csp_violations.py loads the pages in Chromium and sees no violation."""

import re

import pytest

from logbook.common.styles import styles_as_sheet
from tests.factories import make_workout

pytestmark = pytest.mark.django_db

PAGES = ["/", "/workouts/", "/week/", "/records/", "/settings/", "/log/", "/routines/"]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.mark.parametrize("path", [*PAGES, "/api/v1/docs/", "/accounts/login/", "/signup/"])
def test_no_page_allows_inline_scripts_or_styles(client, user, path):
    client.force_login(user)
    make_workout(user)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert policy["script-src"].startswith("'self'")
    assert policy["style-src"].startswith("'self'")
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"


@pytest.mark.parametrize("path", [*PAGES, "/api/v1/docs/", "/accounts/login/"])
def test_every_inline_script_and_style_carries_the_nonce_of_its_response(client, user, path):
    client.force_login(user)
    make_workout(user)
    response = client.get(path, follow=True)
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    inline = re.findall(r"<(script|style)(?![^>]*\ssrc=)([^>]*)>", html)
    for tag, attributes in inline:
        assert nonce, f"{path}: <{tag}{attributes}> but no nonce in the policy"
        assert f'nonce="{nonce[1]}"' in attributes, f"{path}: <{tag}{attributes}>"
    assert not re.search(r"<[a-z][^>]*\sstyle=", html), f"{path}: a style attribute"
    assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html), f"{path}: an inline event handler"


def test_the_week_page_keeps_the_reports_styles_as_a_nonced_sheet(client, user):
    make_workout(user, started_at="2026-11-16T07:30:00+00:00")
    client.force_login(user)
    response = client.get("/week/2026-W47/")
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])[1]
    sheet = re.search(rf'<style nonce="{re.escape(nonce)}">(.*?)</style>', html, re.S)[1]
    assert "font-size:28px !important;" in sheet
    assert html.count("data-style=") > 20


def test_the_email_preview_keeps_its_styles_in_a_nonced_sheet(client, user):
    make_workout(user, started_at="2026-11-16T07:30:00+00:00")
    client.force_login(user)
    response = client.get("/week/2026-W47/email/")
    html = response.content.decode()
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert re.search(r'<style nonce="[^"]+">\[data-style=', html)
    assert not re.search(r"<[a-z][^>]*\sstyle=", html)


def test_the_api_docs_start_swagger_ui_from_a_script_file(client, user):
    client.force_login(user)
    page = client.get("/api/v1/docs/").content.decode()
    assert '<script src="/api/v1/docs/?script="></script>' in page
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


def test_style_attributes_become_rules_keyed_by_their_content():
    sheet, body = styles_as_sheet(
        '<p style="margin:0;color:#123">a</p><b style="margin:0;color:#123">b</b>'
        '<i style="x:&quot;&lt;/style&gt;&quot;">c</i>',
        "N0NCE",
    )
    keys = re.findall(r'data-style="(\w+)"', body)
    assert keys[0] == keys[1] != keys[2]
    assert sheet.startswith('<style nonce="N0NCE">')
    assert f'[data-style="{keys[0]}"]{{margin:0 !important;color:#123 !important;}}' in sheet
    assert "</style" not in sheet.removesuffix("</style>")
    assert "style=" not in body.replace("data-style=", "")


def test_text_without_style_attributes_is_left_alone():
    assert styles_as_sheet("<p>plain</p>", "N") == ("", "<p>plain</p>")
