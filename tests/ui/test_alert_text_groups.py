"""A grouped alert's text counts everyone in the group, in the user's language (issue 7)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.alert_text import fill, render_plan
from desktop.i18n import install_translations
from services.models import AlertPlanKind, NotificationKind
from tests.unit.test_alert_policy import T0, Harness, like, note


@pytest.fixture
def language(qapp):
    def install(code: str) -> None:
        install_translations(qapp, code)

    yield install
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale("en_US"))


def _group_alert(count: int, kind: NotificationKind = NotificationKind.LIKE, title: str = "X"):
    h = Harness()
    if kind is NotificationKind.LIKE:
        items = [like(i, f"Collega {i}", title) for i in range(count, 0, -1)]
    else:
        text = f'reageerde op "{title}"' if title else "reageerde"
        items = [
            note(i, kind, who=f"Collega {i}", text=text, post_id=7) for i in range(count, 0, -1)
        ]
    plans = h.poll(items, T0 + timedelta(minutes=1))
    assert len(plans) == 1
    return render_plan(
        plans[0], entry_url=lambda nid: f"https://x/{nid}", thankable=lambda n: False
    )


@pytest.mark.parametrize(
    ("code", "body"),
    [
        ("en", "Collega 300 and 299 others like your post “Kerstborrel”."),
        ("nl", "Collega 300 en 299 anderen vinden je bericht “Kerstborrel” leuk."),
    ],
)
def test_a_like_group_of_300_names_the_newest_and_counts_the_rest(language, code, body):
    language(code)
    alert = _group_alert(300, title="Kerstborrel")
    assert alert.body == body


def test_a_group_of_two_uses_the_singular(language):
    language("en")
    assert _group_alert(2, title="Hoi").body == "Collega 2 and 1 other like your post “Hoi”."


def test_a_comment_group_without_a_title(language):
    language("nl")
    alert = _group_alert(4, NotificationKind.COMMENT, title="")
    assert alert.body == "Collega 4 en 3 anderen hebben gereageerd op je bericht."


def test_fill_puts_in_each_placeholder_once():
    assert fill("%1 likes “%2”", "Jan %2", "titel %1") == "Jan %2 likes “titel %1”"


def test_a_notification_the_server_regrouped_keeps_its_own_count(language):
    """HumHub regroups likes on one post under one id and rewrites its text: that text counts
    everyone already, so it stays the body (the title still says what the alert collects)."""
    language("en")
    h = Harness()
    h.poll([like(5, "Ahmed Yilmaz", "Receptie")])
    regrouped = replace(
        like(5, "Bram de Wit", "Receptie"),
        text='Bram de Wit en 3 anderen vinden je bericht "Receptie" leuk.',
    )
    plans = h.poll([regrouped], T0 + timedelta(minutes=1))
    assert [p.kind for p in plans] == [AlertPlanKind.GROUP]
    assert plans[0].server_counted
    alert = render_plan(plans[0], entry_url=lambda nid: "", thankable=lambda n: False)
    assert alert.title == "New likes on your post"
    assert alert.body == 'Bram de Wit en 3 anderen vinden je bericht "Receptie" leuk.'
