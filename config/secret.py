"""A per-checkout secret key for the embedded default (`make run`), kept under var/."""

import secrets
from pathlib import Path


def embedded_secret_key(path: Path) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
