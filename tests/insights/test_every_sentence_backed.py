"""No user-visible sentence without its backing (issue 15): rationales, notes, weekly
suggestions, the science pages, the week page, a workout's page, both emails, the
progress pages (an exercise's page, records, a routine's progression suggestion), the
exercise list, your own exercises (and a merge's question) and the import page.

Every sentence carries a basis: reference keys of docs/science.md section 4 (never one marked
✘), a claim of its section 1 (C…), or one of its sections (§2b …) whose rule, often a
convention, the sentence states. In HTML, each paragraph and list item of the insight, week and
science content says so in `data-basis` (or `data-plain` for figures, labels and links); a new
sentence without either fails here.
"""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from rest_framework.test import APIClient

from insights import weekly_email
from insights.classifier import classify
from insights.knowledge import NEVER_SHOW, REFERENCES
from insights.science_pages import PAGES
from logbook.models import Exercise
from tests.docs import SCIENCE_MD
from tests.factories import PASSWORD, ExercisePayload, UserFactory, bearer, make_workout
from tests.insights.labelled_api_sessions import SESSIONS
from tests.insights.test_labelled_sessions import LABELLED
from tests.logbook.test_import_api import HEVY

SECTIONS = {
    "§caveats": "### Caveats that apply to every note",
    "§1": "## 1. Claims",
    "§2": "## 2. Classification thresholds",
    "§2a": "### 2a.",
    "§2b": "### 2b.",
    "§2c": "### 2c.",
    "§2d": "### 2d.",
    "§3": "## 3. Load and recovery metrics",
    "§3c": "### 3c.",
}


def _marks() -> dict[str, str]:
    text = SCIENCE_MD.read_text(encoding="utf-8")
    _, _, section = text.partition("\n## 4. References")
    return dict(re.findall(r"^- (R\d+) (\S+)", section, re.MULTILINE))


MARKS = _marks()
TEXT = SCIENCE_MD.read_text(encoding="utf-8")
CLAIMS = {int(n) for n in re.findall(r"^\*\*Claim (\d+)\.", TEXT, re.MULTILINE)}


def valid_key(key: str) -> bool:
    if key.startswith("R"):
        return key in MARKS and "✘" not in MARKS[key] and key in REFERENCES
    if key.startswith("C"):
        return key[1:].isdigit() and int(key[1:]) in CLAIMS
    return key in SECTIONS and SECTIONS[key] in TEXT


def test_the_key_check_knows_good_from_bad():
    assert valid_key("R55")
    assert valid_key("§2b")
    assert valid_key("C16")
    assert not valid_key("R41")  # ✘/◐ in section 4
    assert not valid_key("R92")  # ✘
    assert not valid_key("§9z")
    assert not valid_key("C99")


# --- Rationales --------------------------------------------------------------------------------


# Rationales state numbers of the session (%1RM, minutes); the never-show rules about numbers
# are for what a molecule did, so only the others apply to them.
WORDING_PATTERNS = [p for p in NEVER_SHOW if not re.search(r"\\d|fold|times", p)]


def _all_classifications():
    return [(name, classify(session)) for name, _, session in LABELLED]


@pytest.mark.parametrize(("name", "result"), _all_classifications(), ids=lambda x: str(x)[:40])
def test_every_rationale_line_is_backed_and_says_nothing_the_evidence_forbids(name, result):
    assert len(result.rationale_refs) == len(result.rationale)
    for line, keys in zip(result.rationale, result.rationale_refs, strict=True):
        assert keys, f"{name}: no basis for {line!r}"
        bad = [k for k in keys if not valid_key(k)]
        assert not bad, f"{name}: {bad} back {line!r}"
        for pattern in WORDING_PATTERNS:
            assert not re.search(pattern, line, re.IGNORECASE), (pattern, line)


# --- HTML: every paragraph and list item says what backs it ------------------------------------


class Collector(HTMLParser):
    """Text of each <p>/<li> inside the scope, with the data-basis / data-plain in force."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, scope: tuple[str, str, str]):
        super().__init__()
        self.scope = scope  # (tag, attribute, value) of the content to check
        self.stack: list[tuple[str, dict]] = []
        self.depth_in_scope = None
        self.items: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        tag_name, attr, value = self.scope
        if (
            self.depth_in_scope is None
            and tag == tag_name
            and value in (attrs.get(attr) or "").split()
        ):
            self.depth_in_scope = len(self.stack)
        self.stack.append((tag, attrs))
        if self.depth_in_scope is not None and tag in ("p", "li"):
            self.items.append({"text": "", "basis": self._basis(), "depth": len(self.stack)})

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if self.depth_in_scope is not None and len(self.stack) == self.depth_in_scope:
                self.depth_in_scope = None
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.depth_in_scope is None:
            return
        if self.items and any(t in ("p", "li") for t, _ in self.stack[self.depth_in_scope :]):
            self.items[-1]["text"] += data

    def _basis(self):
        for _, attrs in reversed(self.stack):
            if "data-plain" in attrs:
                return "plain"
            if "data-basis" in attrs:
                return attrs["data-basis"] or ""
        return None


def unbacked(html: str, scope: tuple[str, str, str]) -> list[str]:
    collector = Collector(scope)
    collector.feed(html)
    assert collector.items, f"nothing found in {scope}: the scope is wrong"
    problems = []
    for item in collector.items:
        text = " ".join(item["text"].split())
        if not re.search(r"[A-Za-z]{3}", text):
            continue
        basis = item["basis"]
        if basis == "plain":
            continue
        if not basis:
            problems.append(f"no basis: {text!r}")
            continue
        bad = [k for k in basis.split() if not valid_key(k)]
        if bad:
            problems.append(f"{bad} back {text!r}")
    return problems


def test_the_html_check_catches_a_sentence_without_backing():
    html = '<div class="x"><p data-basis="R55">Fine.</p><p>An unbacked claim here.</p></div>'
    assert unbacked(html, ("div", "class", "x")) == ["no basis: 'An unbacked claim here.'"]
    html = '<div class="x"><p data-basis="R41">A claim on an unverified source.</p></div>'
    assert unbacked(html, ("div", "class", "x"))


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_every_paragraph_of_every_science_page_is_backed(client, slug):
    response = client.get(f"/science/{slug}/")
    assert response.status_code == 200
    assert unbacked(response.content.decode(), ("article", "class", "science")) == []


def test_the_science_index_lists_every_page(client):
    html = client.get("/science/").content.decode()
    for page in PAGES.values():
        assert f'href="{page.path}"' in html


@pytest.fixture
def lifter(db, django_capture_on_commit_callbacks):
    """A user with a week of varied sessions (from the labelled set), classified."""
    user = UserFactory()
    api = APIClient()
    api.credentials(**bearer(user))
    api.patch("/api/v1/me/", {"hr_max": 190}, format="json")
    ids = []
    picked = [
        s
        for s in SESSIONS
        if s.name
        in {
            "first_session_heavy_with_rpe",
            "amrap_light_thrusters_burpees",
            "race_10k_hr",
            "first_session_5x5_100kg_no_effort",
            "swim_threshold_4x400",
        }
    ]
    for day, session in enumerate(picked):
        body = {**session.body, "started_at": f"2026-11-{16 + day}T07:30:00+01:00"}
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post("/api/v1/workouts/", body, format="json")
        assert response.status_code == 201, response.json()
        ids.append(response.json()["id"])
    return user, ids


def _web(user) -> Client:
    web = Client()
    assert web.login(username=user.username, password=PASSWORD)
    return web


def test_every_sentence_of_a_workouts_insight_is_backed(lifter):
    user, ids = lifter
    web = _web(user)
    for pk in ids:
        html = web.get(f"/workouts/{pk}/").content.decode()
        assert unbacked(html, ("section", "aria-labelledby", "insight-h")) == [], pk
        assert "/science/" in html  # every note links to its page


def test_every_sentence_of_the_week_page_is_backed(lifter):
    user, _ = lifter
    html = _web(user).get("/week/2026-W47/").content.decode()
    assert unbacked(html, ("section", "class", "week-report")) == []
    assert 'href="/science/week/"' in html
    assert 'href="/science/il-6/"' in html


def test_the_signals_line_shows_a_verdict_for_every_molecule(lifter):
    user, _ = lifter
    html = _web(user).get("/week/2026-W47/").content.decode()
    line = re.search(r"What research says about the signals[^<]*(?:<[^>]+>[^<]*)*?</p>", html)
    assert line, "no signals line"
    text = re.sub(r"<[^>]+>", "", line.group(0))
    for name in re.findall(r">([A-Za-z0-9-]+)</a>", line.group(0)):
        assert re.search(
            rf"{re.escape(name)} \((strong|moderate|limited|disputed|unsupported)\)", text
        )


@pytest.mark.parametrize("kind", ["summary", "nudge"])
def test_every_email_carries_the_disclaimer_and_backs_its_sentences(lifter, kind, settings):
    user, _ = lifter
    user.email = "lifter@example.com"
    user.save()
    week = "2026-W47" if kind == "summary" else "2026-W40"
    message, sent_kind = weekly_email.build_message(user, week)
    assert sent_kind == kind
    text = message.body
    html = message.alternatives[0][0]
    assert "Educational, not medical advice." in text
    assert "Educational, not medical advice." in html
    assert unbacked(html, ("body", "style", "margin:0;padding:0;background:#f5f7fa;")) == []
    # Text: each WHO sentence and each suggestion names its source.
    for line in text.splitlines():
        if "WHO" in line or (line.startswith("- ") and "minutes" in line):
            assert re.search(r"\[[^\]]+\]", line), line
    assert settings.SITE_URL + "/science/week/" in text


def test_the_week_in_the_email_links_the_science_pages_absolutely(lifter, settings):
    user, _ = lifter
    user.email = "lifter@example.com"
    user.save()
    message, _ = weekly_email.build_message(user, "2026-W47")
    html = message.alternatives[0][0]
    assert f'href="{settings.SITE_URL}/science/il-6/"' in html
    assert 'href="/science/' not in html  # a relative link would not work in a mail client


def test_the_dashboard_signals_line_has_verdicts(lifter, monkeypatch):
    user, _ = lifter
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 11, 20, 12, tzinfo=UTC))
    html = _web(user).get("/").content.decode()
    assert "of 4 kinds" not in html
    assert "Signals your sessions relate to" not in html


def test_every_sentence_of_an_exercise_page_and_the_records_is_backed(lifter):
    user, _ = lifter
    web = _web(user)
    html = web.get("/records/").content.decode()
    assert unbacked(html, ("main", "id", "main")) == []
    exercise_links = sorted(set(re.findall(r'href="(/exercises/[^/"]+/)"', html)))
    assert exercise_links, "the lifter has records"
    for path in exercise_links:
        page = web.get(path).content.decode()
        assert unbacked(page, ("main", "id", "main")) == [], path


def test_every_sentence_of_a_routines_progression_suggestion_is_backed(lifter):
    user, _ = lifter
    api = APIClient()
    api.credentials(**bearer(user))
    done = {
        "started_at": "2026-11-23T07:30:00+01:00",
        "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 8, "load_kg": 100, "rpe": 7}] * 3}
        ],
    }
    assert api.post("/api/v1/workouts/", done, format="json").status_code == 201
    routine = {
        "name": "Lower A",
        "exercises": [{"exercise": "back-squat", "sets": 3, "reps_min": 5, "reps_max": 8}],
    }
    response = api.post("/api/v1/routines/", routine, format="json")
    assert response.status_code == 201, response.json()
    html = _web(user).get(f"/routines/{response.json()['id']}/").content.decode()
    assert "Suggestion:" in html
    assert unbacked(html, ("main", "id", "main")) == []


def test_the_exercise_pages_and_the_import_page_carry_no_unbacked_sentence(
    lifter, settings, tmp_path
):
    """Their text is names, catalog labels, counts and how-to (marked plain): a sentence of
    training advice added there must say what backs it, as everywhere."""
    user, _ = lifter
    settings.MEDIA_ROOT = tmp_path
    web = _web(user)
    make_workout(user, exercises=[ExercisePayload(exercise="Zottman curl")])
    make_workout(
        user, source="strong", external_id="s-1", exercises=[ExercisePayload(exercise="Squats")]
    )
    upload = SimpleUploadedFile("hevy.csv", HEVY.encode())
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert web.post("/imports/", {"file": upload}).status_code == 302
    squats = Exercise.objects.get(owner=user, name="Squats")
    pages = [
        "/exercises/",
        "/exercises/?q=squat&muscle=quads&equipment=barbell",
        "/exercises/?q=zzzz",
        "/exercises/yours/",
        f"/exercises/{squats.pk}/merge/?into=Back+Squat",
        "/imports/",
    ]
    for path in pages:
        response = web.get(path)
        assert response.status_code == 200, path
        assert unbacked(response.content.decode(), ("main", "id", "main")) == [], path
