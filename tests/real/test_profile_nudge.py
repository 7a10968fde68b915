"""The profile nudge on the real HumHub: a kit user (no picture uploaded) is found incomplete,
HumHub's default picture is recognised as none, and the editor link exists and may open."""

from __future__ import annotations

import asyncio

import httpx

from services.humhub.connector import HumHubConnector
from services.link_policy import judge_link
from services.profile_check import Missing, edit_url, has_picture, missing
from tests.real.server import RealHumHub


def test_a_kit_users_profile_is_incomplete_and_the_editor_link_is_real(
    real_humhub: RealHumHub,
) -> None:
    raw = real_humhub.current("alice")["profile"]
    assert raw["image_url"]  # HumHub always sends a picture: its default one when none

    async def main():
        connector = HumHubConnector(real_humhub.base_url, token=real_humhub.tokens["alice"])
        try:
            return await connector.current_user()
        finally:
            await connector.aclose()

    me = asyncio.run(main())
    assert me.image_url
    assert not has_picture(me.image_url)
    assert Missing.PICTURE in missing(me)
    assert Missing.FUNCTION in missing(me)  # the kit leaves the title empty (null)

    link = edit_url(real_humhub.base_url)
    # The kit serves loopback http (allowed as in the demo); an https intranet's link passes too.
    assert judge_link(link, intranet=real_humhub.base_url, allow_loopback_http=True).allowed
    https_link = edit_url("https://intranet.example.org")
    assert judge_link(https_link, intranet="https://intranet.example.org").allowed
    # Without a browser session the editor sends one to the login page (it exists: no 404).
    page = httpx.get(link, follow_redirects=False, timeout=20)
    assert page.status_code in (302, 303), page.status_code
    assert "login" in page.headers["location"]
