"""Server text → safe plain text: strip markup, unescape entities, drop control and bidi chars.

Pure Python (html.parser); owns no policy about links or formatting and never returns markup.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

ELLIPSIS = "…"

# Explicit bidi embeddings/overrides/isolates (Trojan Source, CVE-2021-42574) and the marks.
_BIDI = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"]
)
# Elements whose text is never shown (scripts, styles, embedded documents).
_HIDDEN = frozenset(
    {"script", "style", "template", "title", "head", "iframe", "object", "noscript"}
)
# Elements that end a line when rendered.
_BREAKS = frozenset(
    {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
)
_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_ANY_SPACE = re.compile(r"\s")


def strip_controls(text: str) -> str:
    """Remove bidi controls, C0/C1 controls (except newline), lone surrogates and BOMs.

    A tab becomes a space; everything else printable (emoji, ZWJ sequences, combining marks)
    is kept.
    """
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif ch in _BIDI or ch == "\ufeff" or unicodedata.category(ch) in ("Cc", "Cs"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def clean_text(text: str, *, max_length: int | None = None, keep_newlines: bool = False) -> str:
    """Make a plain server string (a name, a title) safe to show: no controls, tidy spaces."""
    cleaned = strip_controls(text)
    cleaned = _SPACES.sub(" ", cleaned)
    cleaned = _NEWLINES.sub("\n", cleaned) if keep_newlines else " ".join(cleaned.split())
    return truncate(cleaned.strip(), max_length)


def html_to_text(markup: str, *, max_length: int | None = None) -> str:
    """Turn a server HTML fragment into plain text; line breaks survive as single newlines."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = strip_controls("".join(parser.parts))
    text = _SPACES.sub(" ", text)
    lines = (line.strip() for line in text.split(_BREAK_MARK))
    text = "\n".join(line for line in lines if line)
    return truncate(text, max_length)


def truncate(text: str, max_length: int | None) -> str:
    """Cut `text` to at most `max_length` characters, ending in an ellipsis when cut."""
    if max_length is None or len(text) <= max_length:
        return text
    if max_length <= 0:
        return ""
    return text[: max_length - 1].rstrip() + ELLIPSIS


# A private-use marker for "line break from markup"; source newlines are plain whitespace.
_BREAK_MARK = "\ue000"


class _TextExtractor(HTMLParser):
    """Collects character data outside hidden elements; entities are already decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden_depth += 1
        elif tag in _BREAKS:
            self.parts.append(_BREAK_MARK)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(_BREAK_MARK)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BREAKS:
            self.parts.append(_BREAK_MARK)

    def handle_data(self, data: str) -> None:
        if self._hidden_depth == 0:
            self.parts.append(_ANY_SPACE.sub(" ", data.replace(_BREAK_MARK, "")))
