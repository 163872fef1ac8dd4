"""`make run` starts its site only once the worker takes tasks (config.stack.supervise's
`ready`), so the first save after start is classified at once."""

import signal
import sys

from config.stack import supervise


def test_the_next_process_starts_after_the_first_is_ready(tmp_path):
    marker, seen = tmp_path / "ready", tmp_path / "seen"
    first = f"import pathlib, time; time.sleep(0.5); pathlib.Path({str(marker)!r}).touch(); "
    first += "time.sleep(30)"
    second = f"import pathlib; pathlib.Path({str(seen)!r}).write_text("
    second += f"str(pathlib.Path({str(marker)!r}).exists()))"
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        supervise(
            {"worker": [sys.executable, "-c", first], "web": [sys.executable, "-c", second]},
            {},
            grace_s=5,
            ready={"worker": marker},
        )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    assert seen.read_text() == "True"  # the web process found the worker ready
