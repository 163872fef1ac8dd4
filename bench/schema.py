"""Which tool validates a sync batch fastest: the measurement behind logbook/schema.py.

Validates the sync step's batch (500 workouts × 20 sets, bench.run.strength_payload) with
  - the hand-written rules logbook/schema.py replaced (read from git history, as they were),
  - pydantic v2: logbook.schema.clean_workout, our messages and all,
  - msgspec: the same shapes as msgspec Structs (it reports only the first bad field, so
    it would need a second validator for the error envelope; shown for its speed),
  - DRF serializers: the API's documenting serializers (logbook.api.openapi.WorkoutIn) as
    validators, as DRF would run them.
Prints medians; writes nothing. No database is needed.

    .venv/bin/python -m bench.schema
"""

import gc
import os
import statistics
import subprocess
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal

ROOT = Path(__file__).resolve().parent.parent
# The last commit with the hand-written rules (logbook/workout_input.py, renamed schema.py).
HAND_WRITTEN = ("12db2cd", "logbook/schema.py")
ROUNDS = 15


def timed(name: str, run: Callable[[], object], rounds: int = ROUNDS) -> float:
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    median = statistics.median(times) * 1000
    print(f"{name:48} median {median:7.1f} ms   fastest {min(times) * 1000:7.1f} ms", flush=True)
    return median


def hand_written() -> types.ModuleType | None:
    commit, path = HAND_WRITTEN
    shown = subprocess.run(
        ["git", "show", f"{commit}:{path}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if shown.returncode != 0:
        return None
    module = types.ModuleType("hand_written_rules")
    exec(compile(shown.stdout, "hand_written_rules", "exec"), module.__dict__)
    return module


def msgspec_shapes() -> Any:
    import msgspec

    def number(low: float, high: float, step: float | None = None) -> Any:
        return Annotated[float, msgspec.Meta(ge=low, le=high, multiple_of=step)] | None

    class SetM(msgspec.Struct):
        reps: number(0, 1000, 1) = None
        load_kg: number(0, 1000) = None
        rpe: number(1, 10, 0.5) = None
        rir: number(0, 10, 0.5) = None
        rest_s: number(0, 4 * 3600, 1) = None
        tempo: Annotated[str, msgspec.Meta(max_length=15)] | None = None
        set_type: Literal["normal", "warmup", "failure", "dropset"] | None = None
        duration_s: number(0, 86400, 1) = None
        distance_m: number(0, 1e6) = None
        eccentric_emphasis: bool | None = None
        warmup: bool | None = None

    class EntryM(msgspec.Struct):
        exercise: Annotated[str, msgspec.Meta(min_length=1, max_length=120)]
        superset: number(0, 999, 1) = None
        sets: list[SetM] | None = None

    class WorkoutM(msgspec.Struct):
        started_at: str
        duration_s: number(1, 7 * 86400, 1) = None
        title: Annotated[str, msgspec.Meta(max_length=200)] | None = None
        activity: str | None = None
        session_rpe: number(0, 10) = None
        source: Annotated[str, msgspec.Meta(min_length=1, max_length=40)] | None = None
        external_id: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] | None = None
        exercises: list[EntryM] | None = None

    return lambda item: msgspec.convert(item, WorkoutM)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from bench.run import strength_payload
    from logbook.api.openapi import WorkoutIn
    from logbook.schema import clean_workout

    items = [{**strength_payload(i), "source": "bench", "external_id": f"w{i}"} for i in range(500)]
    print(f"validating {len(items)} workouts × 20 sets ({len(items) * 20:,} sets), {ROUNDS} rounds")
    old = hand_written()
    if old is not None:
        timed("hand-written rules (before)", lambda: [old.clean_workout(x) for x in items])
    else:
        print("hand-written rules: not in this clone's history")
    timed("pydantic v2: logbook.schema.clean_workout", lambda: [clean_workout(x) for x in items])
    try:
        convert = msgspec_shapes()
    except ImportError:
        print("msgspec: not installed (uv pip install msgspec to compare)")
    else:
        timed("msgspec: convert (first error only)", lambda: [convert(x) for x in items])

    def drf() -> None:
        for item in items:
            serializer = WorkoutIn(data=item)
            assert serializer.is_valid(), serializer.errors

    timed("DRF serializers: WorkoutIn.is_valid()", drf, rounds=3)


if __name__ == "__main__":
    main()
