"""services/text.py: server HTML and strings become safe plain text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.text import ELLIPSIS, clean_text, html_to_text, strip_controls, truncate

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        (
            '<strong>Jan</strong> vindt je bericht "Hallo" leuk.',
            'Jan vindt je bericht "Hallo" leuk.',
        ),
        ("Jan &amp; Piet &lt;3 &#128077; &eacute;", "Jan & Piet <3 👍 é"),
        ("a<script>alert(1)</script>b<style>p{}</style>c", "abc"),
        ('<img src="http://tracker/x.png" onerror="x()">Hoi', "Hoi"),
        ("regel 1<br>regel 2<br/><p>alinea</p>", "regel 1\nregel 2\nalinea"),
        ("  veel \n\t  witruimte  ", "veel witruimte"),
        ("<!-- verborgen -->zichtbaar", "zichtbaar"),
        ("rechts\u202enaar\u2066links\u2069", "rechtsnaarlinks"),
        ("nul\x00byte\x07bel", "nulbytebel"),
        ("", ""),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_html_to_text_truncates_with_ellipsis() -> None:
    assert html_to_text("<b>abcdefghij</b>", max_length=5) == "abcd" + ELLIPSIS
    assert html_to_text("abc", max_length=5) == "abc"


def test_truncate_edges() -> None:
    assert truncate("abc", 0) == ""
    assert truncate("abc", None) == "abc"
    assert len(truncate("x" * 100, 10)) == 10


def test_clean_text_keeps_emoji_and_zwj_sequences() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert clean_text(f" {family}  e\u0301 ") == f"{family} e\u0301"


def test_clean_text_newlines() -> None:
    assert clean_text("a \n\n  b", keep_newlines=True) == "a\nb"
    assert clean_text("a \n\n  b") == "a b"


def test_strip_controls_keeps_newline_and_turns_tab_into_space() -> None:
    assert strip_controls("a\tb\nc\r\ufeff\ud800") == "a b\nc"


TAGS = st.sampled_from(
    ["<strong>", "</strong>", "<br>", "<br/>", "<p>", "</p>", '<a href="javascript:x()">', "</a>",
     "<img src=x onerror=alert(1)>", '<span style="color:red">', "</span>", "<em>", "</em>"]
)  # fmt: skip
PLAIN = st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=20)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(TAGS, PLAIN), max_size=15), limit=st.none() | st.integers(1, 40))
def test_html_to_text_leaves_no_tags_and_no_controls(parts: list[str], limit: int | None) -> None:
    text = html_to_text("".join(parts), max_length=limit)
    assert "<" not in text
    assert ">" not in text
    assert not any(ch in text for ch in BIDI)
    assert all(ch == "\n" or ch.isprintable() or ch.isspace() or ord(ch) > 0x7F for ch in text)
    assert limit is None or len(text) <= limit


@settings(max_examples=300, deadline=None)
@given(raw=st.text(), limit=st.none() | st.integers(0, 50))
def test_any_text_comes_out_without_bidi_or_control_chars(raw: str, limit: int | None) -> None:
    for text in (html_to_text(raw, max_length=limit), clean_text(raw, max_length=limit)):
        assert not any(ch in text for ch in BIDI)
        assert not any(ord(ch) < 0x20 and ch != "\n" for ch in text)
        assert not any(0x7F <= ord(ch) <= 0x9F for ch in text)
        assert limit is None or len(text) <= limit
        assert text == text.strip()
