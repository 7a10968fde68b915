"""Profile fields from /auth/current (bad data too) and what the nudge asks for."""

from __future__ import annotations

import pytest

from services.humhub.parse import parse_current_user, parse_notification
from services.link_policy import judge_link
from services.profile_check import Missing, edit_url, has_picture, missing

BASE = {"id": 5, "guid": "g-5", "display_name": "Anna", "url": "https://i.example/u/anna/",
        "account": {"username": "anna", "email": "a@i.example", "contentcontainer_id": 9}}  # fmt: skip


def user(profile: object):
    return parse_current_user({**BASE, "profile": profile})


def test_filled_profile_is_read_as_plain_text() -> None:
    me = user({"title": " Wijkverpleegkundige\u202e ", "about": "Ik help met **roosters**",
               "phone_work": None, "mobile": "06 1234", "image_url": "https://i.example/uploads/profile_image/g-5.jpg"})  # fmt: skip
    assert me.title == "Wijkverpleegkundige"
    assert me.about.startswith("Ik help")
    assert me.phone == "06 1234"
    assert missing(me) == ()


@pytest.mark.parametrize("profile", [None, [], "x", {"title": 5, "about": ["a"], "image_url": 3},
                                     {"title": None, "about": None, "phone_work": {}}])  # fmt: skip
def test_bad_profile_data_counts_as_empty(profile: object) -> None:
    me = user(profile)
    assert (me.title, me.about, me.phone, me.image_url) == ("", "", "", "")
    assert missing(me) == (Missing.PICTURE, Missing.FUNCTION, Missing.ABOUT)


def test_the_default_avatar_is_no_picture() -> None:
    assert not has_picture("https://i.example/static/img/default_user.jpg?v=1")
    assert not has_picture("https://i.example/themes/HumHub/img/default_user.png")
    assert not has_picture("")
    assert has_picture("https://i.example/uploads/profile_image/g-5.jpg?m=17")


def test_edit_link_passes_the_link_policy() -> None:
    url = edit_url("https://intranet.example.org/")
    assert url == "https://intranet.example.org/user/account/edit"
    assert judge_link(url, intranet="https://intranet.example.org").allowed


def test_a_comment_source_gives_its_text() -> None:
    raw = {"id": 3, "class": "humhub\\modules\\comment\\notifications\\NewComment",
           "output": "<strong>Jan</strong> commented", "originator": None, "createdAt": None,
           "source": {"id": 8, "objectModel": "humhub\\modules\\post\\models\\Post",
                      "objectId": 4, "message": "Bedankt [Anna](mention:0000 \"u\")!"}}  # fmt: skip
    assert parse_notification(raw).comment_text == "Bedankt @Anna!"
    raw["source"] = {"id": 8, "objectModel": "x", "message": 7}
    assert parse_notification(raw).comment_text == ""
