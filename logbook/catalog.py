"""The exercise catalog: loading it from data, and turning names people type into exercises.

A name resolves, in order, to a catalog exercise whose slug, name or alias matches,
then to the user's own exercise of that name; otherwise it becomes a new custom
exercise. Names match after `name_key` normalization, so "Squat (Barbell)",
"squat barbell" and "squat-barbell" are the same name.
"""

import hashlib
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils.text import slugify

from logbook.models import Exercise, ExerciseName

CATALOG_FILE = Path(__file__).resolve().parent / "data" / "exercises.json"
CATALOG_CACHE_S = 60
_catalog: tuple[float, dict[str, Exercise]] | None = None  # (loaded at, by key)
CATALOG_FIELDS = (
    "name",
    "aliases",
    "movement_pattern",
    "primary_muscles",
    "secondary_muscles",
    "mechanic",
    "equipment",
    "kind",
)


def name_key(value: str) -> str:
    """The normalized form names are matched by."""
    key = slugify(value, allow_unicode=True)
    if not key:  # nothing but punctuation or symbols: still a distinct, stable name
        key = "x-" + hashlib.sha1(value.strip().encode()).hexdigest()[:12]
    return key[:160]


def load_catalog_entries() -> list[dict[str, Any]]:
    return json.loads(CATALOG_FILE.read_text(encoding="utf-8"))


def sync_catalog(apps: Any = None) -> int:
    """Upsert the catalog from data, by slug. Safe to run again (data migrations do)."""
    exercise_model = apps.get_model("logbook", "Exercise") if apps else Exercise
    name_model = apps.get_model("logbook", "ExerciseName") if apps else ExerciseName
    entries = load_catalog_entries()
    for entry in entries:
        exercise, _ = exercise_model.objects.update_or_create(
            owner=None,
            slug=entry["slug"],
            defaults={f: entry[f] for f in CATALOG_FIELDS},
        )
        keys = {name_key(v) for v in [entry["slug"], entry["name"], *entry["aliases"]]}
        name_model.objects.filter(exercise=exercise).exclude(key__in=keys).delete()
        existing = set(name_model.objects.filter(exercise=exercise).values_list("key", flat=True))
        name_model.objects.bulk_create(
            [name_model(exercise=exercise, owner=None, key=k) for k in sorted(keys - existing)]
        )
    forget_catalog()
    return len(entries)


def catalog_by_key() -> dict[str, Exercise]:
    """The shared catalog by name key, kept in the process so that most workouts resolve
    their names without a query. It changes only by data migrations and the admin, which
    clear this copy (`forget_catalog`); other processes reload theirs within
    CATALOG_CACHE_S. A name the copy lacks is still looked up in the database."""
    global _catalog
    now = time.monotonic()
    if _catalog is None or now - _catalog[0] > CATALOG_CACHE_S:
        rows = ExerciseName.objects.filter(owner__isnull=True).select_related("exercise")
        _catalog = (now, {row.key: row.exercise for row in rows})
    return _catalog[1]


def forget_catalog() -> None:
    global _catalog
    _catalog = None


def resolve_exercises(user: AbstractBaseUser, names: Iterable[str]) -> dict[str, Exercise]:
    """Map each given name to an exercise, creating the user's own ones as needed."""
    keys = {name: name_key(name) for name in names}
    if not keys:
        return {}
    # The catalog wins over a custom exercise of the same name.
    catalog = catalog_by_key()
    found = {key: catalog[key] for key in keys.values() if key in catalog}
    unknown = set(keys.values()) - found.keys()
    if unknown:
        rows = (
            ExerciseName.objects.filter(key__in=unknown)
            .filter(Q(owner__isnull=True) | Q(owner=user))
            .select_related("exercise")
        )
        for row in rows:
            if row.key not in found or row.owner_id is None:
                found[row.key] = row.exercise
    result = {}
    for name, key in keys.items():
        if key not in found:
            found[key] = create_custom_exercise(user, name, key)
        result[name] = found[key]
    return result


def create_custom_exercise(user: AbstractBaseUser, name: str, key: str | None = None) -> Exercise:
    key = key or name_key(name)
    exercise, created = Exercise.objects.get_or_create(
        owner=user, slug=key, defaults={"name": name.strip()[:120]}
    )
    if created:
        ExerciseName.objects.get_or_create(owner=user, key=key, defaults={"exercise": exercise})
    return exercise
