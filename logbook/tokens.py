"""Personal access tokens: several per user, named, shown once, stored as SHA-256."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
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


def authenticate_token(raw: str) -> AccessToken | None:
    token = AccessToken.objects.select_related("user").filter(token_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def revoke_token(user: AbstractBaseUser, token_id: int) -> bool:
    deleted, _ = AccessToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0
