"""Server HTML of any shape becomes plain text in linear time (issue 7; RELIABILITY rows 12,
20 and 22: the UI never freezes, markup is never rich text, controls are stripped).

`html.parser` re-scanned unfinished constructs: `"<a" * n` took 1.2 s at 20 KiB and minutes at
400 KiB. These inputs are the worst shapes we could build; a 4 MiB body (the connector's
cap) must convert in well under a second, with the default input bound and without it.
The shapes are the ones `make bench` measures (benchmarks/text_conversion.py).
"""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.text_conversion import WORST, measure, report_lines
from services.text import MAX_MARKUP, html_to_text

MIB = 1024 * 1024


def _seconds(markup: str, **kwargs: object) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        html_to_text(markup, max_length=1000, **kwargs)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("shape", sorted(WORST))
def test_worst_case_4_mib_converts_fast_with_the_input_bound(shape: str) -> None:
    markup = WORST[shape](4 * MIB)
    # The bound is applied before anything is parsed: the cost is that of MAX_MARKUP.
    assert _seconds(markup) < 0.25, shape


@pytest.mark.parametrize("shape", sorted(WORST))
def test_worst_case_grows_linearly_without_the_bound(shape: str) -> None:
    small = _seconds(WORST[shape](256 * 1024), max_markup=None)
    large = _seconds(WORST[shape](1 * MIB), max_markup=None)
    # 4x the input: linear is ~4x, quadratic 16x; a floor absorbs timer noise on tiny times.
    assert large < 10 * max(small, 0.002), (shape, small, large)
    assert large < 5.0, shape


def test_unfinished_constructs_are_dropped_at_the_end_of_input() -> None:
    assert html_to_text("Hoi <a" * 3) == "Hoi"
    assert html_to_text("Hoi <!-- nooit dicht") == "Hoi"
    assert html_to_text('Hoi <a title="nooit dicht>rest') == "Hoi"
    assert html_to_text("Hoi <script>alert(1)") == "Hoi"
    assert html_to_text("a < b en c <3") == "a < b en c <3"
    assert html_to_text("x </ y") == "x"  # `</` + space opens a bogus comment
    assert html_to_text("x</>y<!---->z<!-->w<?php q ?>v") == "xyzwv"


def test_quoted_attribute_values_may_hold_markup() -> None:
    assert html_to_text("<a title=\"<b>>&amp;\" data-x='>'>Jan</a>") == "Jan"
    assert html_to_text('<img alt="a>b">zichtbaar') == "zichtbaar"


def test_raw_text_and_hidden_elements() -> None:
    assert html_to_text("a<script>x</p><b>y</SCRIPT >b") == "ab"
    assert html_to_text("a<textarea><b>x</b> &amp;</textarea>b") == "a<b>x</b> &b"
    assert html_to_text("a<template><p>x</p><template>y</template>z</template>b") == "ab"
    assert html_to_text("a<head/>b") == "ab"


def test_numeric_references_out_of_range_become_the_replacement_character() -> None:
    assert html_to_text("&#65;&#x41;&#0000065;&#99999999999;&#xFFFFFFFFF;") == "AAA\ufffd\ufffd"


def test_the_bound_keeps_the_start_of_the_text() -> None:
    text = html_to_text("<b>Jan</b> vindt het leuk" + "<i>" * MAX_MARKUP + "verborgen")
    assert text == "Jan vindt het leuk"


_HIDES = ("script", "style", "template", "title", "head", "iframe", "object")
_BREAKS = ("br", "p", "div", "li", "tr", "h1", "blockquote")


class _Reference(HTMLParser):
    """The previous implementation (html.parser): the oracle for well-formed input."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDES:
            self.hidden += 1
        elif tag in _BREAKS and not self.hidden:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS and not self.hidden:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDES:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS and not self.hidden:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _reference(markup: str) -> str:
    parser = _Reference()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


TAGS = st.sampled_from(
    ["<strong>", "</strong>", "<br>", "<br/>", "<p>", "</p>", '<a href="javascript:x()">', "</a>",
     "<img src=x onerror=alert(1)>", '<span style="color:red">', "</span>", "<em>", "</em>",
     "<div class='a > b'>", "</div>", "<!-- opmerking -->", "<script>var a = '<b>';</script>",
     "<li>", "<title>t</title>", "&amp;", "&lt;", "&eacute;", "&#128077;", "&nbsp;"]
)  # fmt: skip
PLAIN = st.text(alphabet=st.characters(categories=["L", "N", "Zs"], exclude_characters="<>&"))


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(st.one_of(TAGS, PLAIN), max_size=20))
def test_same_text_as_html_parser_on_well_formed_markup(parts: list[str]) -> None:
    markup = "".join(parts)
    assert html_to_text(markup) == _reference(markup)


def test_the_benchmark_reports_the_worst_case_of_a_4_mib_body() -> None:
    res = measure(runs=1, shapes=["lt_a", "tags"])
    assert res["body_bytes"] == 4 * MIB
    assert set(res["shapes"]) == {"lt_a", "tags"}
    worst = res["worst"]
    assert worst["bounded_ms"]["shape"] in ("lt_a", "tags")
    assert 0 < worst["page_longest_step_ms"]["value"] <= worst["page_total_ms"]["value"]
    lines = report_lines(res)
    assert "4 MiB" in lines[0]
    assert len(lines) == 6
