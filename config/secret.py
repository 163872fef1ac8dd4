"""Secrets the embedded default (`make run`) generates once and keeps under var/, so a
demo needs no set-up and a second run keeps sessions and passwords working."""

import secrets
from pathlib import Path


def kept_secret(path: Path, nbytes: int = 50) -> str:
    """The secret stored at `path`, made (readable by the owner only) on first use."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(nbytes)
    path.write_text(value)
    path.chmod(0o600)
    return value
