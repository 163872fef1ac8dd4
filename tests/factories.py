"""Factories for users and for workout payloads as clients send them."""

import factory
from django.contrib.auth import get_user_model
from django.test import TestCase

from logbook import services
from logbook.schema import clean_workout
from logbook.tokens import issue_token

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"lifter{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password(PASSWORD)


class SetPayload(factory.DictFactory):
    reps = 5
    load_kg = 100.0
    rpe = 8.0
    rest_s = 180


class ExercisePayload(factory.DictFactory):
    exercise = "back-squat"
    superset = None
    sets = factory.LazyFunction(lambda: [SetPayload() for _ in range(3)])


class IntervalPayload(factory.DictFactory):
    kind = "work"
    duration_s = 60
    avg_hr = 170
    rpe = 9.0


class WorkoutPayload(factory.DictFactory):
    started_at = factory.Sequence(lambda n: f"2026-10-{1 + n % 28:02d}T07:30:00+01:00")
    duration_s = 3600
    title = "Squat day"
    activity = "strength"
    session_rpe = 8.0
    exercises = factory.LazyFunction(lambda: [ExercisePayload()])


def committing():
    """Run what the code under test defers until commit (transaction.on_commit): a test's
    own transaction never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def make_workout(user, **overrides):
    """A workout recorded through the one write path."""
    return services.create_workout(user, clean_workout(WorkoutPayload(**overrides)))


def bearer(user, name: str = "tests") -> dict[str, str]:
    _, raw = issue_token(user, name)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
