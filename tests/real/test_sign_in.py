"""Signing in against the real HumHub through the connector (POST /auth/login)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from services.errors import AuthError
from services.humhub.connector import HumHubConnector
from tests.real.server import RealHumHub


def test_sign_in_gives_a_jwt_that_the_server_knows_as_that_user(real_humhub: RealHumHub) -> None:
    async def main():
        connector = HumHubConnector(real_humhub.base_url)
        try:
            result = await connector.sign_in("alice", real_humhub.passwords["alice"])
            return result, await connector.current_user()
        finally:
            await connector.aclose()

    result, me = asyncio.run(main())
    assert me.username == "alice"
    assert me.person.display_name == "Alice Anders"
    assert me.person.guid == real_humhub.guid("alice")
    assert result.expires_at is None  # the kit's JWTs do not expire
    # the token is a real one: the server (not only the connector) accepts it
    answer = httpx.get(
        f"{real_humhub.api_url}/auth/current",
        headers={"Authorization": f"Bearer {result.token}"},
        timeout=30,
    )
    assert answer.status_code == 200
    assert answer.json()["account"]["username"] == "alice"


def test_a_wrong_password_is_an_auth_error_with_the_servers_400(real_humhub: RealHumHub) -> None:
    # one failed attempt (HumHub delays logins after three), counted from zero, and reset after
    real_humhub.reset_login_failures("carol")

    async def main():
        connector = HumHubConnector(real_humhub.base_url)
        try:
            await connector.sign_in("carol", "not her password")
        finally:
            await connector.aclose()

    with pytest.raises(AuthError) as caught:
        asyncio.run(main())
    assert caught.value.status == 400
    assert "Wrong username or password" in caught.value.server_message
    real_humhub.reset_login_failures("carol")
