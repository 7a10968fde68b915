"""HumHub mentions and post text: encode what the user typed, read it back, validate it.

Pure Python. HumHub's richtext is Markdown with link extensions; a mention is
`[Display Name](mention:GUID "profile-url")` (BRIEF §6). The user writes plain text, so
Markdown's inline markers in it are escaped (a typed `[x](mention:…)` never becomes a mention
and `*word*` stays as typed); web addresses are left alone so they still turn into links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from services.models import Person
from services.text import strip_controls

MAX_LENGTH = 10_000  # characters the user may type; the encoded text may be longer
MAX_PREFIX = 40  # characters after "@" that still count as a name being typed

_INLINE_MARKERS = re.compile(r"([\\`*_\[\]~])")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_ESCAPED = re.compile(r"\\([\\`*_\[\]~#>+\-.!(){}|])")
MENTION = re.compile(r'\[((?:\\.|[^\[\]\\])*)\]\(mention:([^\s)"]+)(?: "[^"]*")?\)')
# An escaped character is consumed first, so "\[" can never open a mention.
_TOKENS = re.compile(r"\\.|" + MENTION.pattern, re.DOTALL)
_UNSAFE_TITLE = re.compile(r'["\s()\\]')


class TextProblem(StrEnum):
    """Why a post cannot be sent as it is (checked before anything is queued)."""

    EMPTY = "empty"
    TOO_LONG = "too_long"


def validate(text: str) -> TextProblem | None:
    """Return the problem with `text` as a post, or None when it can be sent."""
    if not text.strip():
        return TextProblem.EMPTY
    if len(text) > MAX_LENGTH:
        return TextProblem.TOO_LONG
    return None


def escape(text: str) -> str:
    """Escape Markdown's inline markers in plain text, leaving web addresses intact."""
    out: list[str] = []
    position = 0
    for url in _URL.finditer(text):
        out.append(_INLINE_MARKERS.sub(r"\\\1", text[position : url.start()]))
        out.append(url.group(0))
        position = url.end()
    out.append(_INLINE_MARKERS.sub(r"\\\1", text[position:]))
    return "".join(out)


def encode_mention(person: Person) -> str:
    """`[Display Name](mention:GUID "profile-url")`; the title is left out when unsafe."""
    name = _INLINE_MARKERS.sub(r"\\\1", " ".join(strip_controls(person.display_name).split()))
    guid = re.sub(r"[^\w-]", "", person.guid)
    url = person.url.strip()
    title = f' "{url}"' if url and not _UNSAFE_TITLE.search(url) else ""
    return f"[{name}](mention:{guid}{title})"


def compose(text: str, mentions: Sequence[Person]) -> str:
    """The message to send: `text` escaped, each "@Display Name" of `mentions` encoded.

    Names are matched longest first, so "@Jan de Boer" wins over "@Jan". A mention whose
    "@name" was deleted from the text is simply not sent.
    """
    cleaned = strip_controls(text).strip()
    people = sorted(
        {p.guid: p for p in mentions if p.display_name.strip()}.values(),
        key=lambda p: len(p.display_name),
        reverse=True,
    )
    if not people:
        return escape(cleaned)
    alternatives = "|".join(re.escape("@" + p.display_name.strip()) for p in people)
    by_name = {"@" + p.display_name.strip(): p for p in people}
    out: list[str] = []
    position = 0
    for found in re.finditer(alternatives, cleaned):
        out.append(escape(cleaned[position : found.start()]))
        out.append(encode_mention(by_name[found.group(0)]))
        position = found.end()
    out.append(escape(cleaned[position:]))
    return "".join(out)


def mentioned(message: str) -> tuple[tuple[str, str], ...]:
    """The (display name, guid) of every mention in a server message."""
    return tuple((_unescape(m.group(1)), m.group(2)) for m in _mentions(message))


def to_plain(message: str) -> str:
    """A server message as plain text: mentions become "@Name", escapes are removed."""
    position = 0
    out: list[str] = []
    for found in _mentions(message):
        out.append(_unescape(message[position : found.start()]))
        out.append("@" + _unescape(found.group(1)))
        position = found.end()
    out.append(_unescape(message[position:]))
    return strip_controls("".join(out))


def normalise(message: str) -> str:
    """The form two messages are compared in to recognise a post already on the server."""
    plain = unicodedata.normalize("NFC", to_plain(message.replace("\r\n", "\n")))
    return " ".join(plain.split())


def mention_prefix(text: str, cursor: int) -> tuple[int, str] | None:
    """The "@name" being typed just before `cursor`: (position of "@", the name so far).

    The "@" must start the text or follow a space or an opening bracket; the name may hold
    spaces ("@Jan de") but no newline and no second "@".
    """
    start = text.rfind("@", 0, cursor)
    if start < 0:
        return None
    prefix = text[start + 1 : cursor]
    if start > 0 and not (text[start - 1].isspace() or text[start - 1] in "([{\"'"):
        return None
    if len(prefix) > MAX_PREFIX or "\n" in prefix or (prefix[:1].isspace()):
        return None
    return start, prefix


@dataclass(frozen=True, slots=True)
class NameResolution:
    """What typed "@Name"s mean: the text with full names, the people, what stays open."""

    text: str  # "@Jan" that was clear is written out: "@Jan Bakker"
    people: tuple[Person, ...]
    ambiguous: tuple[str, ...] = ()  # "@Jan" when several colleagues are called Jan
    unknown: tuple[str, ...] = ()  # "@Xyz" that fits nobody in the people cache

    @property
    def open(self) -> tuple[str, ...]:
        """The names to ask the user about."""
        return self.ambiguous + self.unknown


_TRAILING = ".,;:!?)"


def _same(a: str, b: str) -> bool:
    def folded(text: str) -> str:
        kept = (c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        return " ".join("".join(kept).casefold().split())

    return folded(a) == folded(b)


def resolve_names(
    text: str,
    search: Callable[[str], Sequence[Person]],
    *,
    known: Sequence[Person] = (),
    max_words: int = 4,
) -> NameResolution:
    """Resolve every "@Name" of typed or forwarded text against the people cache.

    A full display name ("@Jan Bakker") or a first name only one colleague has ("@Jan")
    becomes a mention (a first name is written out in full, so `compose` encodes it); a
    name several people have is ambiguous, one nobody has is unknown. "@Name"s of `known`
    (picked in the dialog) stay as they are.
    """
    people = {p.guid: p for p in known}
    out: list[str] = []
    position = 0
    ambiguous: list[str] = []
    unknown: list[str] = []
    for at in re.finditer(r"(?:^|(?<=[\s(\[{\"']))@", text):
        if at.start() < position:
            continue
        rest = text[at.end() :]
        if any(rest.startswith(p.display_name) for p in known if p.display_name):
            continue
        words = rest.split("\n", 1)[0].split()[:max_words]
        if not words:
            continue
        first = words[0].rstrip(_TRAILING)
        match: Person | None = None
        for count in range(len(words), 0, -1):
            name = " ".join(words[:count]).rstrip(_TRAILING)
            exact = [p for p in search(name) if _same(p.display_name, name)]
            if len(exact) == 1:
                match = exact[0]
                break
        if match is not None:
            people.setdefault(match.guid, match)
            continue
        by_first = [
            p
            for p in search(first)
            if p.display_name.split() and _same(p.display_name.split()[0], first)
        ]
        if len(by_first) == 1 and first:
            match = by_first[0]
            people.setdefault(match.guid, match)
            out.append(text[position : at.end()] + match.display_name)
            position = at.end() + len(first)
        elif by_first:
            ambiguous.append("@" + first)
        elif first:
            unknown.append("@" + first)
    out.append(text[position:])
    return NameResolution(
        "".join(out),
        tuple(people.values()),
        tuple(dict.fromkeys(ambiguous)),
        tuple(dict.fromkeys(unknown)),
    )


def _mentions(message: str) -> list[re.Match[str]]:
    return [m for m in _TOKENS.finditer(message) if m.group(2) is not None]


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)
