"""Weeks of plausible training for the demo user: heavy lifting, hypertrophy work,
intervals, easy runs and long rides, with progression, missed days and heart rate."""

import random
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser

from logbook import services
from logbook.imports.chunks import bulk_writes
from logbook.models import Workout
from logbook.schema import clean_workout

DEMO_SOURCE = "demo"
HR_MAX = 188


def _sets(reps: int, load: float, count: int, rpe: float, rest: int, **extra) -> list[dict]:
    return [
        {
            "reps": reps,
            "load_kg": load,
            "rpe": min(10.0, rpe + 0.5 * (i == count - 1)),
            "rest_s": rest,
            **extra,
        }
        for i in range(count)
    ]


def _warmups(top: float) -> list[dict]:
    return [
        {"reps": 5, "load_kg": round(top * 0.5 / 2.5) * 2.5, "set_type": "warmup", "rest_s": 60},
        {"reps": 3, "load_kg": round(top * 0.7 / 2.5) * 2.5, "set_type": "warmup", "rest_s": 90},
    ]


def heavy_lower(week: int, rng: random.Random) -> dict:
    squat = 120 + 2.5 * week
    return {
        "title": "Heavy lower",
        "activity": "strength",
        "duration_s": rng.randint(55, 70) * 60,
        "session_rpe": 8,
        "exercises": [
            {"exercise": "back-squat", "sets": _warmups(squat) + _sets(5, squat, 5, 8, 200)},
            {"exercise": "romanian-deadlift", "sets": _sets(6, 100 + 2.5 * week, 3, 7.5, 150)},
            {"exercise": "Standing Calf Raise (Machine)", "sets": _sets(10, 80, 3, 8, 90)},
        ],
    }


def heavy_upper(week: int, rng: random.Random) -> dict:
    bench = 90 + 1.25 * week
    return {
        "title": "Heavy upper",
        "activity": "strength",
        "duration_s": rng.randint(50, 65) * 60,
        "session_rpe": 8,
        "exercises": [
            {"exercise": "bench-press", "sets": _warmups(bench) + _sets(3, bench, 5, 8.5, 210)},
            {"exercise": "overhead-press", "sets": _sets(5, 55 + week, 4, 8, 180)},
            {"exercise": "pull-up", "sets": _sets(6, 10, 4, 8, 150)},
        ],
    }


def hypertrophy(week: int, rng: random.Random) -> dict:
    return {
        "title": "Upper hypertrophy",
        "activity": "strength",
        "duration_s": rng.randint(60, 75) * 60,
        "session_rpe": 7.5,
        "exercises": [
            {"exercise": "dumbbell-bench-press", "sets": _sets(10, 32 + week // 2 * 2, 4, 8, 90)},
            {"exercise": "barbell-row", "sets": _sets(10, 70 + 2.5 * (week // 2), 4, 8, 90)},
            {
                "exercise": "Lateral Raise (Dumbbell)",
                "superset": 1,
                "sets": _sets(15, 10, 4, 8.5, 45, tempo="3-0-1-0"),
            },
            {"exercise": "Bicep Curl (Dumbbell)", "superset": 1, "sets": _sets(12, 14, 4, 8.5, 60)},
            {"exercise": "Triceps Pushdown (Cable)", "sets": _sets(12, 35, 3, 8, 60)},
        ],
    }


def intervals(week: int, rng: random.Random) -> dict:
    if week % 2:
        work = [{"kind": "work", "duration_s": 240, "avg_hr": rng.randint(166, 174), "rpe": 8.5}]
        rest = [{"kind": "recovery", "duration_s": 180, "avg_hr": rng.randint(125, 135), "rpe": 3}]
        title, bouts, activity = "4×4 min intervals", 4, "run"
    else:
        work = [{"kind": "work", "duration_s": 60, "avg_hr": rng.randint(168, 176), "rpe": 9}]
        rest = [{"kind": "recovery", "duration_s": 60, "avg_hr": rng.randint(130, 140), "rpe": 3}]
        title, bouts, activity = "10×1 min bike intervals", 10, "hiit"
    warm = [{"kind": "steady", "duration_s": 600, "avg_hr": 130, "rpe": 3}]
    blocks = (
        warm
        + (work + rest) * bouts
        + [{"kind": "steady", "duration_s": 300, "avg_hr": 125, "rpe": 2}]
    )
    total = sum(b["duration_s"] for b in blocks)
    return {
        "title": title,
        "activity": activity,
        "duration_s": total,
        "session_rpe": 8,
        "avg_hr": 150,
        "max_hr": 180,
        "intervals": blocks,
    }


def easy_run(week: int, rng: random.Random) -> dict:
    minutes = rng.randint(35, 55)
    return {
        "title": "Easy run",
        "activity": "run",
        "duration_s": minutes * 60,
        "distance_m": round(minutes * 60 / 345 * 1000, -1),
        "session_rpe": 3,
        "avg_hr": rng.randint(128, 138),
        "max_hr": rng.randint(145, 152),
        "fasted": rng.random() < 0.3,
    }


def long_ride(week: int, rng: random.Random) -> dict:
    minutes = rng.randint(80, 120)
    return {
        "title": "Long ride",
        "activity": "ride",
        "duration_s": minutes * 60,
        "distance_m": round(minutes * 460, -2),
        "session_rpe": 5,
        "avg_hr": rng.randint(132, 142),
        "max_hr": rng.randint(160, 168),
    }


WEEK_PLAN = [  # (ISO weekday, session, local start time)
    (1, heavy_lower, time(7, 0)),
    (2, easy_run, time(6, 30)),
    (3, hypertrophy, time(18, 0)),
    (4, intervals, time(18, 30)),
    (5, heavy_upper, time(7, 0)),
    (6, long_ride, time(9, 0)),
]


def demo_payloads(today: date, weeks: int, time_zone: str, seed: int = 7) -> Iterator[dict]:
    """Workout payloads for `weeks` weeks up to yesterday, as a tracker would send them."""
    rng = random.Random(seed)
    zone = ZoneInfo(time_zone)
    monday = today - timedelta(days=today.isoweekday() - 1)
    for week in range(weeks):
        week_start = monday - timedelta(weeks=weeks - 1 - week)
        for weekday, make, start in WEEK_PLAN:
            day = week_start + timedelta(days=weekday - 1)
            if day >= today:
                break
            rng_day = random.Random(f"{seed}-{week_start}-{weekday}")
            if rng_day.random() < 0.12:  # life happens: a missed session now and then
                continue
            started = datetime.combine(day, start, zone) + timedelta(minutes=rng.randint(-20, 20))
            payload = make(week, rng)
            payload["started_at"] = started.isoformat()
            payload["source"] = DEMO_SOURCE
            payload["external_id"] = f"{day.isoformat()}-{make.__name__}"
            yield payload


def seed_demo_workouts(user: AbstractBaseUser, today: date, weeks: int = 8) -> int:
    """Record the demo weeks through the one write path; existing ones are left alone."""
    existing = set(
        Workout.objects.filter(user=user, source=DEMO_SOURCE).values_list("external_id", flat=True)
    )
    created = 0
    with bulk_writes():  # their classifications wait on the bulk queue (imports.chunks)
        for payload in demo_payloads(today, weeks, user.profile.time_zone):
            if payload["external_id"] in existing:
                continue
            services.create_workout(user, clean_workout(payload))
            created += 1
    return created
