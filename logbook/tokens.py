"""Personal access tokens: several per user, named, shown once, stored as SHA-256, each
read-and-write or read-only, optionally expiring; all revoked when the password changes."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.utils import timezone

from logbook.models import AccessToken, TokenScope

TOKEN_PREFIX = "myo_"
# Writing last_used_at on every request would turn each read into a write.
LAST_USED_PRECISION = timedelta(minutes=1)
# One per device is plenty; the bound keeps the token list (not paged) small.
MAX_TOKENS = 100
TOO_MANY_TOKENS = (
    f"You hold {MAX_TOKENS} tokens, the most one account can: revoke one you no longer use, "
    "then create this one."
)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@dataclass(frozen=True)
class Grant:
    """What a request's token allows (DRF's `request.auth`)."""

    token_id: int
    read_only: bool


class TokenExpired(Exception):
    """The token exists but its `expires_at` has passed."""


class TooManyTokens(Exception):
    """The user already holds MAX_TOKENS tokens."""


def issue_token(
    user: AbstractBaseUser,
    name: str,
    scope: str = TokenScope.WRITE,
    expires_at: datetime | None = None,
) -> tuple[AccessToken, str]:
    """Create a token; the raw value is returned once and never stored."""
    if AccessToken.objects.filter(user=user).count() >= MAX_TOKENS:
        raise TooManyTokens
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user,
        name=name,
        prefix=raw[: len(TOKEN_PREFIX) + 4],
        token_hash=hash_token(raw),
        scope=scope,
        expires_at=expires_at,
    )
    return token, raw


def authenticate_token(raw: str) -> tuple[AbstractBaseUser, Grant] | None:
    """The active user a live token belongs to, and what the token allows; an expired
    token raises TokenExpired.

    Every API request runs this, so it is one plain query read into a User (`raw`): the
    ORM's select_related took three times the CPU to compile (bench/).
    """
    user_model = get_user_model()
    quote = connection.ops.quote_name
    users, user_id = quote(user_model._meta.db_table), quote(user_model._meta.pk.column)
    sql = (
        "SELECT u.*, t.id AS token_id, t.last_used_at AS token_last_used_at, "
        "t.scope AS token_scope, t.expires_at AS token_expires_at "
        f"FROM {users} u JOIN {quote(AccessToken._meta.db_table)} t ON t.user_id = u.{user_id} "
        "WHERE t.token_hash = %s"
    )
    user = next(iter(user_model.objects.raw(sql, [hash_token(raw)])), None)
    if user is None or not user.is_active:
        return None
    now = timezone.now()
    expires = _aware(user.token_expires_at)
    if expires is not None and expires <= now:
        raise TokenExpired
    last_used = _aware(user.token_last_used_at)
    if last_used is None or now - last_used > LAST_USED_PRECISION:
        AccessToken.objects.filter(pk=user.token_id).update(last_used_at=now)
    return user, Grant(user.token_id, read_only=user.token_scope == TokenScope.READ)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and timezone.is_naive(moment):  # SQLite's
        return timezone.make_aware(moment, UTC)
    return moment


def revoke_token(user: AbstractBaseUser, token_id: int) -> bool:
    deleted, _ = AccessToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0


def revoke_all_tokens(user: AbstractBaseUser) -> int:
    deleted, _ = AccessToken.objects.filter(user=user).delete()
    return deleted


class RevokeAccessOnPasswordChange:
    """Listed in AUTH_PASSWORD_VALIDATORS for Django's `password_changed` hook, which runs
    whenever a new password is saved, through any door: the settings page, a reset by
    email, the admin, `manage.py changepassword`. A new password revokes every personal
    access token (other sessions end by themselves: their hash of the old password no
    longer matches) and ends a log-in pause on the username, since the owner proved
    themselves. It validates nothing."""

    def validate(self, password: str, user: AbstractBaseUser | None = None) -> None:
        return None

    def password_changed(self, password: str, user: AbstractBaseUser | None = None) -> None:
        if user is None or user.pk is None:
            return
        revoke_all_tokens(user)
        AccessAttempt.objects.filter(username=user.get_username()).delete()

    def get_help_text(self) -> str:
        return (
            "A new password revokes all your personal access tokens and signs out your "
            "other sessions."
        )
