"""Server text → safe plain text: strip markup, unescape entities, drop control and bidi chars.

Pure Python; owns no policy about links or formatting and never returns markup. Every function
here runs in time linear in its input, whatever its shape, and `html_to_text` and `clean_text`
cut their input to a bound before they look at it (see `MAX_MARKUP`).
"""

from __future__ import annotations

import re

from services.markup import BREAK_MARK, visible_runs

ELLIPSIS = "…"
#: How much of a server HTML fragment is read at most (characters): a 1,000-character
#: notification text never needs 8 KiB of markup, and the bound keeps the worst case small.
MAX_MARKUP = 8 * 1024
#: How much of a plain server string is read at most, per character that may be shown.
CLEAN_INPUT_FACTOR = 16
CLEAN_INPUT_MIN = 4096

# Removed: C0/C1 controls except tab and newline, lone surrogates, the BOM, and the explicit
# bidi embeddings/overrides/isolates and marks (Trojan Source, CVE-2021-42574).
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"[^\S\n]++")
_NEWLINES = re.compile(r"[^\S\n]*+\n\s*+")
_ANY_SPACE = re.compile(r"\s")


def strip_controls(text: str) -> str:
    """Remove bidi controls, C0/C1 controls (except newline), lone surrogates and BOMs.

    A tab becomes a space; everything else printable (emoji, ZWJ sequences, combining marks)
    is kept.
    """
    return _CONTROLS.sub("", text.replace("\t", " "))


def clean_text(text: str, *, max_length: int | None = None, keep_newlines: bool = False) -> str:
    """Make a plain server string (a name, a title) safe to show: no controls, tidy spaces."""
    if max_length is not None:
        text = text[: max(CLEAN_INPUT_MIN, max_length * CLEAN_INPUT_FACTOR)]
    cleaned = strip_controls(text)
    cleaned = _SPACES.sub(" ", cleaned)
    cleaned = _NEWLINES.sub("\n", cleaned) if keep_newlines else " ".join(cleaned.split())
    return truncate(cleaned.strip(), max_length)


def html_to_text(
    markup: str, *, max_length: int | None = None, max_markup: int | None = MAX_MARKUP
) -> str:
    """Turn a server HTML fragment into plain text; line breaks survive as single newlines.

    Only the first `max_markup` characters are read (None: all of it, still linear).
    """
    if max_markup is not None and len(markup) > max_markup:
        markup = markup[:max_markup]
        cut_inside = markup.rfind("<")
        if cut_inside > markup.rfind(">"):  # cut inside a tag: no stray "<" from the cut
            markup = markup[:cut_inside]
    text = _ANY_SPACE.sub(" ", "".join(visible_runs(markup)))
    text = _SPACES.sub(" ", strip_controls(text))
    lines = (line.strip() for line in text.split(BREAK_MARK))
    text = "\n".join(line for line in lines if line)
    return truncate(text, max_length)


def truncate(text: str, max_length: int | None) -> str:
    """Cut `text` to at most `max_length` characters, ending in an ellipsis when cut."""
    if max_length is None or len(text) <= max_length:
        return text
    if max_length <= 0:
        return ""
    return text[: max_length - 1].rstrip() + ELLIPSIS
