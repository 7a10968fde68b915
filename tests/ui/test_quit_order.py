"""Quitting after the post dialog was used touches no closed database (no CRITICAL)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import _on_about_to_quit, shut_down
from desktop.composition import build, wire
from desktop.leadership import NUDGE_URL
from desktop.paths import Paths
from services.models import Capabilities, CommentApi


@pytest.mark.parametrize("typed_after_open", [False, True])
def test_quit_after_the_post_dialog_logs_no_error(qtbot, tmp_path, caplog, typed_after_open):
    paths = Paths.resolve(tmp_path / "profile")
    paths.ensure()
    parts = build(paths, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)

    async def go() -> None:
        quit_event = asyncio.Event()
        wire(parts, quit_event)
        dialog = parts.posting.open_dialog("Dank je @Jan!")
        qtbot.addWidget(dialog)
        if typed_after_open:
            dialog.editor.insertPlainText(" en de rest")  # the autosave timer is running
        await shut_down(parts)
        # Qt's aboutToQuit comes after the loop ended: it must not save into a closed store.
        _on_about_to_quit(parts)

    with caplog.at_level(logging.WARNING):
        asyncio.run(go())
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert bad == [], [r.getMessage() for r in bad]
    assert "closed database" not in caplog.text


def test_quitting_closes_the_feature_windows(qtbot, tmp_path, caplog):
    """A new start after the wizard builds new parts: the old windows must not stay behind."""
    paths = Paths.resolve(tmp_path / "profile")
    paths.ensure()
    parts = build(paths, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)

    async def go() -> list[QWidget]:
        wire(parts, asyncio.Event())
        assert parts.polls is not None
        assert parts.community is not None
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        parts.polls.show_polls()
        parts.community.show_week()
        parts.controller.window_opens[NUDGE_URL]()
        windows = [
            w for w in QApplication.topLevelWidgets() if w.isVisible() and id(w) not in before
        ]
        assert len(windows) == 3
        await shut_down(parts)
        return windows

    with caplog.at_level(logging.WARNING):
        windows = asyncio.run(go())
    assert [w for w in windows if w.isVisible()] == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_what_the_first_poll_starts_while_quitting_stays_stopped(qtbot, tmp_path, caplog):
    """Quit during the first poll: its end (or the capabilities) must not start new checks."""
    paths = Paths.resolve(tmp_path / "profile")
    paths.ensure()
    parts = build(paths, "http://127.0.0.1:9", "t0ken", poll_interval=None, demo=False)

    async def go() -> None:
        wire(parts, asyncio.Event())
        await shut_down(parts)
        parts.controller.first_poll_done.emit()
        parts.controller.capabilities_learned.emit(Capabilities(True, CommentApi.V1_18, True))
        assert parts.leadership is not None
        assert parts.polls is not None
        assert parts.leadership._task is None
        assert parts.polls._loop is None

    with caplog.at_level(logging.WARNING):
        asyncio.run(go())
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
