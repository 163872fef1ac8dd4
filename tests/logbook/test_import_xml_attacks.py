"""Hostile XML fails the import job cleanly, on every XML reader (Apple Health, TCX, GPX):
entity bombs (billion laughs, quadratic blow-up) and external entities (a file on the
server, a URL) are refused without expanding or fetching anything, and deep nesting is
refused as it is read. Nothing is written."""

import http.server
import threading

import pytest

from logbook.imports.jobs import run_import_bytes

pytestmark = pytest.mark.django_db

# Each reader's root element, and the element its workouts are in.
READERS = {
    "apple_health": ("HealthData", '<Workout startDate="{text}"/>'),
    "tcx": (
        "TrainingCenterDatabase",
        "<Activities><Activity><Id>{text}</Id></Activity></Activities>",
    ),
    "gpx": ("gpx", "<trk><name>{text}</name></trk>"),
}


def document(fmt: str, dtd: str, text: str) -> bytes:
    root, body = READERS[fmt]
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n{dtd}\n]>\n'
        f"<{root}>{body.format(text=text)}</{root}>"
    ).encode()


def import_failure(user, fmt: str, data: bytes) -> str:
    status = run_import_bytes(user, data, f"upload.{fmt}", format=fmt)
    assert status["status"] == "failed"
    assert user.workouts.count() == 0
    (error,) = status["errors"]
    return error["message"]


BILLION_LAUGHS = '<!ENTITY lol0 "lol">\n' + "\n".join(
    f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
)
QUADRATIC = f'<!ENTITY a "{"x" * 100_000}">'


@pytest.mark.parametrize("fmt", READERS)
def test_billion_laughs_is_refused_without_expanding(user, fmt):
    message = import_failure(user, fmt, document(fmt, BILLION_LAUGHS, "&lol9;"))
    assert "declares XML entities" in message


@pytest.mark.parametrize("fmt", READERS)
def test_quadratic_blowup_is_refused_without_expanding(user, fmt):
    message = import_failure(user, fmt, document(fmt, QUADRATIC, "&a;" * 50_000))
    assert "declares XML entities" in message


@pytest.mark.parametrize("fmt", READERS)
def test_an_external_file_entity_is_not_read(user, fmt, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("2026-05-04 07:30:00 +0200")
    dtd = f'<!ENTITY secret SYSTEM "file://{secret}">'
    message = import_failure(user, fmt, document(fmt, dtd, "&secret;"))
    assert "declares XML entities" in message
    assert "2026-05-04" not in message


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"fetched")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server():
    """A real HTTP server on loopback that records every request it gets."""
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _Recorder.requests
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("fmt", READERS)
def test_a_network_entity_is_not_fetched(user, fmt, http_server):
    url, requests = http_server
    message = import_failure(user, fmt, document(fmt, f'<!ENTITY net SYSTEM "{url}/e">', "&net;"))
    assert "declares XML entities" in message
    assert requests == []


def test_an_external_dtd_is_never_fetched(user, http_server):
    """The file is read as if it had no DOCTYPE; the DTD is not asked for."""
    url, requests = http_server
    data = (
        f'<?xml version="1.0"?>\n<!DOCTYPE HealthData SYSTEM "{url}/evil.dtd">\n<HealthData>'
        '<Workout workoutActivityType="HKWorkoutActivityTypeRunning" '
        'startDate="2026-05-04 07:30:00 +0200" endDate="2026-05-04 08:00:00 +0200"/>'
        "</HealthData>"
    ).encode()
    status = run_import_bytes(user, data, "export.xml")
    assert (status["status"], status["created"]) == ("done", 1)
    assert requests == []


@pytest.mark.parametrize("fmt", READERS)
def test_deep_nesting_is_refused_at_the_limit(user, fmt, settings):
    root, _ = READERS[fmt]
    depth = 200_000
    data = f"<{root}>{'<a>' * depth}{'</a>' * depth}</{root}>".encode()
    message = import_failure(user, fmt, data)
    assert message.startswith(f"The XML is nested more than {settings.IMPORT_MAX_XML_DEPTH} ")
    assert "IMPORT_MAX_XML_DEPTH" in message
