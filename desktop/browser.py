"""Open links in the user's browser, but only links the link policy allows."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from services.link_policy import LinkVerdict, judge_link

logger = logging.getLogger(__name__)


class Browser:
    """Opens intranet links; anything else is refused and logged by host only."""

    def __init__(self, intranet: str, *, allow_loopback_http: bool = False) -> None:
        self._intranet = intranet
        self._loopback = allow_loopback_http

    def judge(self, url: str) -> LinkVerdict:
        """Resolve and judge `url` against the intranet address."""
        return judge_link(url, intranet=self._intranet, allow_loopback_http=self._loopback)

    def open(self, url: str) -> bool:
        """Open `url` if allowed; return whether it was handed to the browser."""
        verdict = self.judge(url)
        if not verdict.allowed:
            logger.warning("Refused to open a link to host %r", verdict.shown_host)
            return False
        opened = QDesktopServices.openUrl(QUrl(verdict.url))
        if not opened:
            logger.error("The system could not open a browser for an intranet link")
        return opened
