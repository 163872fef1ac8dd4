"""The user guide at /help/: public, every section there, every link on it leads somewhere,
and the main navigation points to it."""

from html.parser import HTMLParser
from itertools import pairwise

import pytest
from django.urls import Resolver404, resolve

pytestmark = pytest.mark.django_db

SECTIONS = [
    "Logging a session",
    "Supersets",
    "RPE vs RIR",
    "Set types",
    "Tempo and slow lowering",
    "Timed and distance sets",
    "Intervals",
    "Session RPE and training load",
    "Training fasted",
    "What the insight means",
    "What the week means",
    "Where this comes from",
    "Importing",
    "Exporting",
    "Tokens for trackers",
]


class Page(HTMLParser):
    """The headings (level, text), element ids, link targets and nav links of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.nav_hrefs: list[str] = []
        self._heading: int | None = None
        self._text: list[str] = []
        self._navs: list[bool] = []  # open <nav> elements: is each the main one?
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "nav":
            self._navs.append(attrs.get("aria-label") == "Main")
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
            if any(self._navs):
                self.nav_hrefs.append(attrs["href"])
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading, self._text = int(tag[1]), []

    def handle_endtag(self, tag):
        if tag == "nav" and self._navs:
            self._navs.pop()
        if tag in ("h1", "h2", "h3", "h4") and self._heading:
            self.headings.append((self._heading, " ".join("".join(self._text).split())))
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._text.append(data)


@pytest.fixture(params=["logged out", "logged in"])
def visitor(request, client, user):
    if request.param == "logged in":
        client.force_login(user)
    return client


def help_page(client) -> Page:
    response = client.get("/help/")
    assert response.status_code == 200
    return Page(response.content.decode())


def test_the_guide_answers_logged_out_and_logged_in(visitor):
    response = visitor.get("/help/")
    assert response.status_code == 200
    assert "Educational, not medical advice." in response.content.decode()


def test_the_guide_has_every_section_heading_under_one_h1_in_order(visitor):
    page = help_page(visitor)
    texts = [text for _, text in page.headings]
    for section in SECTIONS:
        assert section in texts, section
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in pairwise(levels)), page.headings


def test_the_table_of_contents_links_every_section(visitor):
    page = help_page(visitor)
    anchors = {href[1:] for href in page.hrefs if href.startswith("#")}
    assert len(anchors) >= len(SECTIONS)
    assert anchors <= page.ids, anchors - page.ids


def test_every_internal_link_on_the_guide_resolves(visitor):
    page = help_page(visitor)
    paths = {href for href in page.hrefs if href.startswith("/")}
    assert {"/workouts/new/", "/imports/", "/settings/", "/api/v1/docs/"} <= paths
    for path in sorted(paths):
        assert visitor.get(path).status_code in (200, 302), path
    assert all(href.startswith(("/", "#")) for href in page.hrefs), page.hrefs


def test_the_export_links_are_there_once_logged_in(client, user):
    client.force_login(user)
    hrefs = help_page(client).hrefs
    assert "/export/?format=json" in hrefs
    assert "/export/?format=csv" in hrefs


def test_logging_live_is_mentioned_only_when_the_live_logger_exists(client):
    try:
        resolve("/log/")
        live = True
    except Resolver404:
        live = False
    page = help_page(client)
    assert ("Logging live" in [text for _, text in page.headings]) is live
    assert ("/log/" in page.hrefs) is live


def test_the_main_navigation_links_to_the_guide(visitor):
    response = visitor.get("/")
    assert response.status_code == 200
    assert "/help/" in Page(response.content.decode()).nav_hrefs
