"""Quitting after the post dialog was used touches no closed database (no CRITICAL)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from desktop.app import _on_about_to_quit, shut_down
from desktop.composition import build, wire
from desktop.paths import Paths


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
