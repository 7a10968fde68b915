"""services.jwt_claims: a JWT's `exp`, read without verifying; anything else has none."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from services.jwt_claims import expires_at, has_expired


def jwt(payload: object) -> str:
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    return f"{part(b'{}')}.{part(json.dumps(payload).encode())}.sig"


def test_reads_exp_as_utc() -> None:
    assert expires_at(jwt({"exp": 1_800_000_000})) == datetime.fromtimestamp(1_800_000_000, UTC)


def test_expired_only_when_exp_has_passed() -> None:
    now = datetime.fromtimestamp(1_800_000_000, UTC)
    assert has_expired(jwt({"exp": 1_799_999_999}), now)
    assert has_expired(jwt({"exp": 1_800_000_000}), now)
    assert not has_expired(jwt({"exp": 1_800_000_001}), now)


@pytest.mark.parametrize(
    "token",
    [
        "opaque-bearer-token",
        "a.b",
        "a..c",
        "a.!!!.c",
        jwt([1]),
        jwt({"exp": "soon"}),
        jwt({"exp": True}),
        jwt({"exp": 1e300}),
        jwt({"uid": 1}),
    ],
)
def test_no_expiry_for_anything_else(token: str) -> None:
    assert expires_at(token) is None
    assert not has_expired(token, datetime.now(UTC))
