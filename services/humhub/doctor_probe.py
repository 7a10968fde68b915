"""One plain GET for `startpunt doctor`: what answers at an address, without credentials.

The connector turns every 404 into NotFoundError and every HTML page into NotAnApiError, which
cannot tell "HumHub without its REST module" from "no HumHub at this path". The doctor needs the
raw facts: status, JSON or HTML, a redirect's host, and whether the page is HumHub's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import httpx

from services.humhub.failures import from_transport_error
from services.humhub.http import build_client, read_capped
from services.urls import origin_of

MAX_PAGE_BYTES = 512 * 1024
TIMEOUT_S = 10.0
# HumHub's pages load its own scripts and say "Powered by HumHub" at the foot.
_HUMHUB_PAGE = re.compile(rb"humhub\.(?:config|require|modules)|humhub-app|powered by humhub", re.I)


@dataclass(frozen=True, slots=True)
class PageAnswer:
    """What one GET found."""

    status: int
    is_json: bool
    is_html: bool
    is_humhub: bool  # an HTML page of HumHub's web UI (its 404 page too)
    redirect_host: str = ""


async def fetch_page(url: str, *, transport: httpx.AsyncBaseTransport | None = None) -> PageAnswer:
    """GET `url` once (no redirects, no credentials, capped read); ServiceError when it fails."""
    what = "GET " + (httpx.URL(url).path or "/")
    async with build_client(transport=transport, user_agent="Startpunt doctor", language=None) as c:
        try:
            async with c.stream("GET", url, timeout=TIMEOUT_S) as response:
                body = await read_capped(response, MAX_PAGE_BYTES, what)
        except httpx.HTTPError as exc:
            raise from_transport_error(exc, what) from exc
    status = response.status_code
    content_type = response.headers.get("content-type", "").lower()
    head = body.lstrip()[:1]
    is_html = "html" in content_type or head == b"<"
    redirect_host = ""
    if 300 <= status < 400:  # only a redirect to another host hints at a portal
        target = origin_of(response.headers.get("location", ""))[1]
        redirect_host = target if target and target != origin_of(url)[1] else ""
    return PageAnswer(
        status=status,
        is_json=not is_html and _is_json(body),
        is_html=is_html,
        is_humhub=is_html and _HUMHUB_PAGE.search(body) is not None,
        redirect_host=redirect_host,
    )


def _is_json(body: bytes) -> bool:
    try:
        json.loads(body)
    except (ValueError, RecursionError):
        return False
    return True
