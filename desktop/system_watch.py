"""Watch the machine: resume from sleep (heartbeat) and the network coming back.

Qt has no sleep/resume signal; a heartbeat compares wall and monotonic clocks
(services.resume.ResumeDetector). Reachability comes from QNetworkInformation when the
platform has a backend; flapping is debounced so a VPN going up and down causes no storm.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from services.clock import Clock
from services.resume import NetworkDebounce, ResumeDetector

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation

logger = logging.getLogger(__name__)

HEARTBEAT = timedelta(seconds=30)


class SystemWatch(QObject):
    """Calls `on_resume` after a suspend and `on_network_back` once the network is stable."""

    def __init__(
        self,
        clock: Clock,
        *,
        on_resume: Callable[[], None],
        on_network_back: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_resume = on_resume
        self._on_network_back = on_network_back
        self._resume = ResumeDetector(clock, HEARTBEAT)
        self._debounce = NetworkDebounce(clock)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(int(HEARTBEAT.total_seconds() * 1000))
        self._heartbeat.timeout.connect(self._beat)
        self._network_timer = QTimer(self)
        self._network_timer.setSingleShot(True)
        self._network_timer.timeout.connect(self._network_due)

    def start(self) -> None:
        """Start the heartbeat and listen to reachability changes if the OS reports them."""
        from PySide6.QtNetwork import QNetworkInformation  # QtNetwork: off the start-up path

        self._heartbeat.start()
        if QNetworkInformation.loadDefaultBackend():
            info = QNetworkInformation.instance()
            if info is not None:
                info.reachabilityChanged.connect(self._on_reachability)
                logger.info("Network information backend: %s", info.backendName())
                return
        logger.info("No network information backend; relying on polling")

    def _beat(self) -> None:
        if self._resume.tick():
            logger.info("Resumed from sleep")
            self._on_resume()

    def _on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        online = reachability in (
            QNetworkInformation.Reachability.Online,
            QNetworkInformation.Reachability.Site,
            QNetworkInformation.Reachability.Unknown,
        )
        due = self._debounce.update(online)
        if due is not None:
            self._network_timer.start(int(due.total_seconds() * 1000))

    def _network_due(self) -> None:
        if self._debounce.check():
            logger.info("Network back")
            self._on_network_back()
        else:
            due = self._debounce.due_in()
            if due is not None:
                self._network_timer.start(int(due.total_seconds() * 1000))
