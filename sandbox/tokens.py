"""JWT bearer tokens (HS512, like HumHub's REST module) for the sandbox users."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def issue(secret: bytes, *, uid: int, email: str, issuer: str, ttl: int = 0) -> tuple[str, int]:
    """Sign a token for ``uid``; returns ``(token, expired_at)`` with 0 meaning "never"."""
    now = int(time.time())
    payload: dict[str, Any] = {"iss": issuer, "iat": now, "nbf": now, "uid": uid, "email": email}
    expired_at = now + ttl if ttl > 0 else 0
    if expired_at:
        payload["exp"] = expired_at
    header = _b64(json.dumps({"typ": "JWT", "alg": "HS512"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    signature = hmac.new(secret, f"{header}.{body}".encode(), hashlib.sha512).digest()
    return f"{header}.{body}.{_b64(signature)}", expired_at


def verify(secret: bytes, token: str) -> int | None:
    """The user id of a valid, unexpired token, else ``None``."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    expected = hmac.new(secret, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha512).digest()
    try:
        if not hmac.compare_digest(expected, _unb64(parts[2])):
            return None
        payload = json.loads(_unb64(parts[1]))
    except ValueError:
        return None
    if not isinstance(payload, dict):
        return None
    exp = payload.get("exp")
    if isinstance(exp, int) and exp < time.time():
        return None
    uid = payload.get("uid")
    return uid if isinstance(uid, int) else None
