"""Joins the poll controller to the notification panel's Polls block.

The open polls have one place: the panel. Opening the panel loads them again, a Vote button
opens the vote dialog, and the tray's "Polls" opens the panel at its Polls block.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect

from desktop.panel_host import PanelHost
from desktop.poll_controller import PollController


def wire_panel_polls(polls: PollController, panel: PanelHost, anchor: Callable[[], QRect]) -> None:
    """Connect both ways; `anchor` is where the tray icon is (the panel opens next to it)."""
    polls.list_requested.connect(lambda: panel.show_polls(anchor()))
    polls.available_changed.connect(panel.set_polls_available)
    polls.polls_changed.connect(panel.set_polls)
    panel.refresh_requested.connect(polls.refresh_open)
    panel.vote_requested.connect(polls.open_vote)
