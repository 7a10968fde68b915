"""Dutch notification texts (the demo user's language is nl), rendered like HumHub's ``output``.

Names are wrapped in ``<strong>``; everything that comes from users is HTML-escaped.
"""

from __future__ import annotations

import re
from html import escape

NEW_LIKE = "humhub\\modules\\like\\notifications\\NewLike"
MENTIONED = "humhub\\modules\\user\\notifications\\Mentioned"
NEW_COMMENT = "humhub\\modules\\comment\\notifications\\NewComment"
CONTENT_CREATED = "humhub\\modules\\content\\notifications\\ContentCreated"

_LINK = re.compile(r"\[([^\]]*)\]\((?:mention|file-guid|emoji):[^)]*\)")
_MARKUP = re.compile(r"\*\*|__|~~|`|^[ \t]*(?:#+|>)[ \t]*", re.MULTILINE)
_SPACES = re.compile(r"\s+")
PREVIEW_LENGTH = 40


def preview(message: str, limit: int = PREVIEW_LENGTH) -> str:
    """Plain one-line preview of richtext: mentions become names, markup is dropped."""
    text = _LINK.sub(r"\1", message)
    text = _SPACES.sub(" ", _MARKUP.sub("", text)).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _names(names: list[str]) -> tuple[str, bool]:
    """Grouped names, newest first: "A", "A en B", "A en 3 anderen"; and whether plural."""
    strong = [f"<strong>{escape(n)}</strong>" for n in names]
    if len(strong) == 1:
        return strong[0], False
    if len(strong) == 2:
        return f"{strong[0]} en {strong[1]}", True
    return f"{strong[0]} en {len(strong) - 1} anderen", True


def _thing(kind: str, title: str) -> str:
    noun = "peiling" if kind == "poll" else "bericht"
    return f'{noun} "{escape(title)}"'


def like_output(names: list[str], kind: str, title: str) -> str:
    who, plural = _names(names)
    verb = "vinden" if plural else "vindt"
    return f"{who} {verb} je {_thing(kind, title)} leuk."


def comment_output(names: list[str], kind: str, title: str, *, own: bool) -> str:
    who, plural = _names(names)
    verb = "hebben" if plural else "heeft"
    whose = "je" if own else "het"
    return f"{who} {verb} gereageerd op {whose} {_thing(kind, title)}."


def mention_output(name: str, kind: str, title: str, *, in_comment: bool) -> str:
    who = f"<strong>{escape(name)}</strong>"
    if in_comment:
        return f"{who} heeft je genoemd in een reactie op {_thing(kind, title)}."
    return f"{who} heeft je genoemd in {_thing(kind, title)}."


def created_output(name: str, kind: str, title: str, container: str) -> str:
    who = f"<strong>{escape(name)}</strong>"
    where = f"<strong>{escape(container)}</strong>"
    if kind == "poll":
        return f'{who} heeft een nieuwe peiling "{escape(title)}" gemaakt in {where}.'
    return f'{who} heeft een nieuw bericht "{escape(title)}" geplaatst in {where}.'
