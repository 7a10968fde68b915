"""NotificationListModel and its kind filter: order, read state, thanks, filters, Qt's rules."""

from __future__ import annotations

from dataclasses import replace

import pytest

from PySide6.QtCore import Qt

from services.models import NotificationKind
from tests.ui.samples import NOW, mixed, note
from ui.notification_model import (
    KindFilter,
    NotificationFilterModel,
    NotificationListModel,
    NotificationRole,
    filter_accepts,
)


def _model(items=None, unread=()):
    model = NotificationListModel(clock=lambda: NOW)
    model.set_notifications(mixed() if items is None else items, set(unread))
    return model


def _ids(model) -> list[int]:
    return [model.index(row, 0).data(NotificationRole.ID) for row in range(model.rowCount())]


def test_notification_model_passes_qt_model_tester(qtmodeltester):
    model = _model(unread={1, 2})
    qtmodeltester.check(model)
    model.set_notifications([], set())
    qtmodeltester.check(model)


def test_notification_model_filter_passes_qt_model_tester(qtmodeltester):
    proxy = NotificationFilterModel()
    proxy.setSourceModel(_model(unread={1}))
    proxy.set_choice(KindFilter.LIKES)
    qtmodeltester.check(proxy)


def test_notification_model_is_newest_first_and_drops_duplicates(qapp):
    items = [*mixed(), note(2, NotificationKind.COMMENT, minutes_ago=5)]
    undated = replace(note(9), created_at=None)
    model = _model([*items, undated])
    assert _ids(model) == [4, 2, 1, 3, 5, 6, 9]  # no date: last


def test_notification_model_marks_unread(qapp):
    model = _model(unread={2, 3, 77})  # 77 is not shown, so it is not counted
    unread = [model.index(r, 0).data(NotificationRole.UNREAD) for r in range(model.rowCount())]
    assert unread == [False, True, False, True, False, False]
    assert model.unread_count() == 2
    model.mark_read(2)
    assert model.unread_count() == 1
    model.mark_all_read()
    assert model.unread_count() == 0


def test_notification_model_speaks_the_row_for_screen_readers(qapp):
    model = _model(unread={4})
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Unread: Jan de Boer: Jan de Boer vindt je bericht 4 leuk. (1 minute(s) ago)"
    assert model.index(5, 0).data(NotificationRole.NAME) == "Intranet"  # no originator


def test_notification_model_thanks_only_likes_and_comments(qapp):
    model = _model()
    thankable = {
        model.index(r, 0).data(NotificationRole.KIND): model.index(r, 0).data(
            NotificationRole.THANKABLE
        )
        for r in range(model.rowCount())
    }
    assert thankable == {
        "like": True,
        "comment": True,
        "mention": False,
        "poll": False,
        "follow": False,
        "space_membership": False,
    }
    model.set_can_thank(False)
    assert not any(model.index(r, 0).data(NotificationRole.THANKABLE) for r in range(6))


def test_notification_model_remembers_thanks_across_updates(qtbot):
    model = _model()
    with qtbot.waitSignal(model.dataChanged):
        model.mark_thanked(2)
    model.set_notifications(mixed(), set())
    assert model.index(model.row_of(2), 0).data(NotificationRole.THANKED) is True
    model.set_notifications([note(1)], set())
    model.set_notifications(mixed(), set())
    assert (
        model.index(model.row_of(2), 0).data(NotificationRole.THANKED) is False
    )  # gone = forgotten


def test_notification_model_refreshes_relative_times(qtbot):
    now = [NOW]
    model = NotificationListModel(clock=lambda: now[0])
    model.set_notifications([note(1, minutes_ago=2)], set())
    assert model.index(0, 0).data(NotificationRole.TIME) == "2 minute(s) ago"
    now[0] = NOW.replace(hour=12)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.refresh_times()
    assert NotificationRole.TIME in changed.args[2]
    assert model.index(0, 0).data(NotificationRole.TIME) == "2 hour(s) ago"


@pytest.mark.parametrize(
    ("choice", "ids"),
    [
        (KindFilter.ALL, [4, 2, 1, 3, 5, 6]),
        (KindFilter.LIKES, [1]),
        (KindFilter.COMMENTS, [2]),
        (KindFilter.MENTIONS, [3]),
        (KindFilter.POLLS, [4]),
        (KindFilter.OTHER, [5, 6]),
    ],
)
def test_notification_model_filters_by_kind(qapp, choice, ids):
    proxy = NotificationFilterModel()
    proxy.setSourceModel(_model())
    proxy.set_choice(choice)
    assert _ids(proxy) == ids


def test_notification_model_other_covers_every_remaining_kind():
    named = {
        NotificationKind.LIKE,
        NotificationKind.COMMENT,
        NotificationKind.MENTION,
        NotificationKind.POLL,
    }
    for kind in NotificationKind:
        assert filter_accepts(KindFilter.OTHER, kind) is (kind not in named)
        assert sum(filter_accepts(c, kind) for c in KindFilter if c is not KindFilter.ALL) == 1
