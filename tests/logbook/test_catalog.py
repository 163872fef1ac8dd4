"""The exercise catalog seeded by migration, and name resolution through aliases."""

import csv
import re

import pytest

from logbook.catalog import load_catalog_entries, name_key, resolve_exercises, sync_catalog
from logbook.models import Exercise, ExerciseName
from tests.docs import API_MD, EXPORTS

PATTERNS = {
    "squat",
    "hinge",
    "lunge",
    "horizontal_push",
    "vertical_push",
    "horizontal_pull",
    "vertical_pull",
    "elbow_flexion",
    "elbow_extension",
    "shoulder_isolation",
    "chest_isolation",
    "knee_extension",
    "knee_flexion",
    "hip_isolation",
    "calf",
    "core",
    "carry",
    "olympic",
    "plyometric",
    "cardio",
    "mobility",
}
MUSCLES = {
    "chest",
    "lats",
    "upper_back",
    "traps",
    "lower_back",
    "front_delts",
    "side_delts",
    "rear_delts",
    "biceps",
    "triceps",
    "forearms",
    "abs",
    "obliques",
    "quads",
    "hamstrings",
    "glutes",
    "adductors",
    "abductors",
    "calves",
    "hip_flexors",
    "neck",
}


def test_the_catalog_has_at_least_150_well_formed_exercises():
    entries = load_catalog_entries()
    assert len(entries) >= 150
    for e in entries:
        assert e["movement_pattern"] in PATTERNS, e["slug"]
        assert set(e["primary_muscles"] + e["secondary_muscles"]) <= MUSCLES, e["slug"]
        assert e["mechanic"] in {"compound", "isolation"}
        assert e["kind"] in {"resistance", "cardio", "mobility"}
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", e["slug"]), e["slug"]


def test_the_catalog_covers_every_kind_of_equipment():
    equipment = {e["equipment"] for e in load_catalog_entries()}
    assert {"barbell", "dumbbell", "machine", "cable", "bodyweight", "kettlebell"} <= equipment
    patterns = {e["movement_pattern"] for e in load_catalog_entries()}
    assert {"olympic", "cardio", "mobility"} <= patterns


def test_no_two_exercises_answer_to_the_same_name():
    owners: dict[str, str] = {}
    for e in load_catalog_entries():
        for key in {name_key(n) for n in [e["slug"], e["name"], *e["aliases"]]}:
            assert owners.setdefault(key, e["slug"]) == e["slug"], key


@pytest.mark.django_db
def test_every_slug_in_api_md_is_in_the_seeded_catalog():
    slugs = set(re.findall(r'"exercise": "([a-z0-9-]+)"', API_MD.read_text(encoding="utf-8")))
    assert slugs
    assert slugs <= set(Exercise.objects.filter(owner=None).values_list("slug", flat=True))


@pytest.mark.django_db
def test_the_migration_seeded_the_catalog_and_syncing_again_changes_nothing():
    before = (Exercise.objects.count(), ExerciseName.objects.count())
    assert before[0] == len(load_catalog_entries())
    sync_catalog()
    assert (Exercise.objects.count(), ExerciseName.objects.count()) == before


def sample_names() -> set[str]:
    names = set()
    for path in (EXPORTS / "strong").glob("*.csv"):
        with path.open(newline="") as f:
            delimiter = ";" if ";" in f.readline() else ","
            f.seek(0)
            names |= {row["Exercise Name"] for row in csv.DictReader(f, delimiter=delimiter)}
    with (EXPORTS / "hevy" / "sample_hevy_part.csv").open(newline="") as f:
        names |= {row["exercise_title"] for row in csv.DictReader(f)}
    return names


@pytest.mark.django_db
def test_exercise_names_in_real_exports_map_to_the_catalog(user):
    names = sample_names()
    assert len(names) > 20
    resolved = resolve_exercises(user, names)
    unmapped = sorted(n for n, e in resolved.items() if e.is_custom)
    assert unmapped == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("Squat (Barbell)", "squat barbell"), ("Back  Squat", "back-squat"), ("Жим лёжа", "жим-лёжа")],
)
def test_names_match_after_normalization(a, b):
    assert name_key(a) == name_key(b)


def test_symbol_only_names_still_get_a_stable_key():
    assert name_key("💪") == name_key("💪") != name_key("🏃")
