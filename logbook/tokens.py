"""Personal access tokens: several per user, named, shown once, stored as SHA-256."""

import hashlib
import secrets
from datetime import UTC, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.utils import timezone

from logbook.models import AccessToken

TOKEN_PREFIX = "myo_"
# Writing last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(user: AbstractBaseUser, name: str) -> tuple[AccessToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user, name=name, prefix=raw[: len(TOKEN_PREFIX) + 4], token_hash=hash_token(raw)
    )
    return token, raw


def authenticate_token(raw: str) -> tuple[AbstractBaseUser, int] | None:
    """The active user a live token belongs to, and the token's id.

    Every API request runs this, so it is one plain query read into a User (`raw`): the
    ORM's select_related took three times the CPU to compile (bench/).
    """
    user_model = get_user_model()
    quote = connection.ops.quote_name
    users, user_id = quote(user_model._meta.db_table), quote(user_model._meta.pk.column)
    sql = (
        "SELECT u.*, t.id AS token_id, t.last_used_at AS token_last_used_at "
        f"FROM {users} u JOIN {quote(AccessToken._meta.db_table)} t ON t.user_id = u.{user_id} "
        "WHERE t.token_hash = %s"
    )
    user = next(iter(user_model.objects.raw(sql, [hash_token(raw)])), None)
    if user is None or not user.is_active:
        return None
    last_used = user.token_last_used_at
    if last_used is not None and timezone.is_naive(last_used):  # SQLite's
        last_used = timezone.make_aware(last_used, UTC)
    now = timezone.now()
    if last_used is None or now - last_used > LAST_USED_PRECISION:
        AccessToken.objects.filter(pk=user.token_id).update(last_used_at=now)
    return user, user.token_id


def revoke_token(user: AbstractBaseUser, token_id: int) -> bool:
    deleted, _ = AccessToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0
