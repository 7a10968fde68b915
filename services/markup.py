"""A linear-time scan of server HTML into visible text runs and line breaks (no tree).

Only the HTML tokenizer's rules are followed (tags, quoted attribute values, comments,
raw-text elements, end of input inside a construct); no tree is built. Tree construction is
what makes HTML parsers slow on hostile input: 256 KiB of nested `<div>`s, or formatting tags
reopened for every paragraph, took seconds in the lexbor and html5ever based parsers and
grows quadratically, while a tokenizer visits every character a bounded number of times.

Every step starts where the previous one ended and each regular expression is anchored,
possessive or searches for a literal, so no position is scanned more than a few times: a
`<` that never closes, an unclosed comment or quote ends the scan (the HTML rule is to drop
an unfinished tag or comment at the end of the input), it is never re-scanned per character.
"""

from __future__ import annotations

import re
from html import unescape

#: A private-use character marking "line break from markup" in the scanned runs.
BREAK_MARK = "\ue000"

# Elements whose text is never shown. Raw-text ones end only at their own end tag (what is
# inside is not markup); the others hide everything up to their matching end tag.
_RAW_HIDDEN = frozenset(
    {"script", "style", "title", "iframe", "noscript", "noembed", "noframes", "xmp"}
)
_RAW_SHOWN = frozenset({"textarea"})
_HIDDEN = frozenset({"template", "head", "object"})
# Elements that end a line when rendered.
BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})

_WS = "\t\n\f\r "
# One attribute: a name, and optionally `=` and a value, quoted or unquoted (up to a space or
# `>`). An unclosed quote runs to the end of the input, so the tag never closes.
_ATTR = (
    rf"[^{_WS}/>][^{_WS}/=>]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+"
    rf"(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^{_WS}>\"'][^{_WS}>]*+)?)?"
)
# A start or end tag from its `<` to its `>`; no match means the input ends inside the tag.
_TAG = re.compile(rf"<(/?)([A-Za-z][^{_WS}/>]*+)(?>[{_WS}/]++|{_ATTR})*+>")


# Tags that change nothing in the text (`<b>`, `</span>`, `<a href=…>`: "plain") and those that
# only break a line ("flow" tags are either) are handled in bulk, by expressions that follow the
# same grammar as _TAG: a run of them back to back is one step (one break for the whole run),
# and so is text without `<` or `&` mixed with them (`<b>Jan</b> vindt <i>dit</i> leuk`).
def _tag_except(names: frozenset[str], *, name_group: bool = False) -> str:
    name = rf"([A-Za-z][^{_WS}/>]*+)" if name_group else rf"[A-Za-z][^{_WS}/>]*+"
    excluded = "|".join(sorted(names))
    return rf"<(?!/?(?i:{excluded})[{_WS}/>])/?{name}(?>[{_WS}/]++|{_ATTR})*+>"


_SPECIAL = _HIDDEN | _RAW_HIDDEN | _RAW_SHOWN
_PLAIN_TAG = re.compile(_tag_except(BREAKS | _SPECIAL))
_FLOW_TAG = re.compile(_tag_except(_SPECIAL, name_group=True))
_PLAIN_TAGS = re.compile(rf"(?:{_tag_except(BREAKS | _SPECIAL)})++")
_FLOW_TAGS = re.compile(rf"(?:{_tag_except(_SPECIAL)})++")
_INLINE_PLAIN = re.compile(rf"(?:[^<&]++|{_tag_except(BREAKS | _SPECIAL)})++")
_INLINE = re.compile(rf"(?:[^<&]++|{_tag_except(_SPECIAL)})++")
_CONSTRUCT = re.compile(r"<[A-Za-z/!?]")
_COMMENT_END = re.compile(r"--!?>")
# A numeric character reference with more significant digits than any code point has.
_LONG_NUMERIC = re.compile(r"&#(?:[xX]0*+[0-9a-fA-F]{7,}+|0*+[0-9]{8,}+);?")
_RAW_END = {
    name: re.compile(rf"</{name}[{_WS}/>]", re.IGNORECASE) for name in _RAW_HIDDEN | _RAW_SHOWN
}


def visible_runs(markup: str) -> list[str]:
    """The visible text of `markup` in order (entities decoded), with BREAK_MARK for breaks.

    Runs are not yet tidied: whitespace, control and bidi characters are left to the caller.
    """
    markup = markup.replace(BREAK_MARK, "")
    runs: list[str] = []
    hidden = 0  # open `template`/`head`/`object` elements
    pos, end = 0, len(markup)
    while pos < end:
        if hidden == 0 and (inline := _INLINE.match(markup, pos)) is not None:
            plain = _INLINE_PLAIN.match(markup, pos, inline.end())
            if plain is not None and plain.end() == inline.end():  # no breaks: no callback
                runs.append(_PLAIN_TAG.sub("", inline.group()))
            else:
                runs.append(_FLOW_TAG.sub(_break_or_nothing, inline.group()))
            pos = inline.end()
            if pos >= end:
                break
        found = _CONSTRUCT.search(markup, pos)  # a `<` that is not followed by one is text
        lt = end if found is None else found.start()
        if lt > pos and hidden == 0:
            runs.append(decode_entities(markup[pos:lt]))
        if found is None:
            break
        if markup[lt + 1] in "!?" or not _is_letter(
            markup, lt + 2 if markup[lt + 1] == "/" else lt + 1
        ):
            pos = _after_other(markup, lt, runs, hidden == 0)
        elif (flow := _FLOW_TAGS.match(markup, lt)) is not None:
            pos = flow.end()
            plain = _PLAIN_TAGS.match(markup, lt, pos)
            if hidden == 0 and (plain is None or plain.end() < pos):
                runs.append(BREAK_MARK)  # the run holds a line-breaking tag
        else:
            tag = _TAG.match(markup, lt)
            if tag is None:
                break  # the input ends inside a tag: the HTML rule drops it
            pos, hidden = _after_tag(markup, tag, runs, hidden)
        if pos < 0:  # the input ends inside a comment or a raw-text element
            break
    return runs


def _break_or_nothing(tag: re.Match[str]) -> str:
    return BREAK_MARK if tag.group(1).lower() in BREAKS else ""


def decode_entities(text: str) -> str:
    """`html.unescape`, except that a numeric reference too long for any code point becomes
    U+FFFD (the HTML rule) instead of a ValueError and a quadratic int() conversion."""
    if "&" not in text:
        return text
    if "&#" in text:
        text = _LONG_NUMERIC.sub("\ufffd", text)
    return unescape(text).replace(BREAK_MARK, "")


def _is_letter(markup: str, index: int) -> bool:
    ch = markup[index : index + 1]
    return ch.isascii() and ch.isalpha()


def _after_tag(markup: str, tag: re.Match[str], runs: list[str], hidden: int) -> tuple[int, int]:
    """Where text goes on after `tag`, and the new count of open hiding elements."""
    closing, name, pos = tag.group(1) == "/", tag.group(2).lower(), tag.end()
    if name in _HIDDEN:
        if closing:
            return pos, max(0, hidden - 1)
        return pos, hidden if markup[pos - 2 : pos] == "/>" else hidden + 1  # `<head/>`: none
    if hidden:
        return pos, hidden
    if name in BREAKS:
        runs.append(BREAK_MARK)
    elif not closing and name in _RAW_END:
        return _skip_raw_text(markup, name, pos, runs), hidden
    return pos, hidden


def _after_other(markup: str, lt: int, runs: list[str], visible: bool) -> int:
    """Consume a comment, doctype or stray `<` at `lt`; -1 when the input ends in a comment."""
    if markup.startswith("<!--", lt):
        comment_end = _COMMENT_END.search(markup, lt + 2)  # `<!-->` and `<!--->` end at once
        return -1 if comment_end is None else comment_end.end()
    nxt = markup[lt + 1 : lt + 2]
    if nxt in ("!", "?") or (nxt == "/" and lt + 2 < len(markup)):
        # A doctype, processing instruction or `</…` without a name: a bogus comment to `>`.
        gt = markup.find(">", lt + 2)
        return -1 if gt < 0 else gt + 1
    if visible:
        runs.append("<")
    return lt + 1


def _skip_raw_text(markup: str, name: str, pos: int, runs: list[str]) -> int:
    """After a raw-text start tag (`<script>`, `<textarea>` …), jump past its end tag."""
    found = _RAW_END[name].search(markup, pos)
    stop = len(markup) if found is None else found.start()
    if name in _RAW_SHOWN and stop > pos:
        runs.append(decode_entities(markup[pos:stop]))
    if found is None:
        return -1
    match = _TAG.match(markup, stop)
    return -1 if match is None else match.end()
