"""The people cache: colleagues seen in notifications, searchable for @mention autocomplete.

Pure Python over `services.store.Database`. HumHub's user search needs admin rights, so the app
remembers whom it has seen. Matching ignores case and diacritics and works on any word of the
display name ("bo" finds "Jan de Boer", "ozt" finds "Öztürk").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import datetime

from services.clock import Clock, SystemClock
from services.models import Person
from services.store import Database, db_time

DEFAULT_LIMIT = 8
MAX_NAME_LENGTH = 200
MAX_WORDS = 12
_SEPARATOR = "\x1f"
# Letters that carry their "diacritic" inside the code point, so NFKD cannot strip it.
_BASE_LETTERS = str.maketrans(
    {"\u0131": "i", "\u00f8": "o", "\u0142": "l", "\u0111": "d", "\u00e6": "ae", "\u0153": "oe"}
)
# hyphen-minus, hyphen, non-breaking hyphen, apostrophes and punctuation split words
_WORD_BREAKS = str.maketrans(dict.fromkeys("-\u2010\u2011'\u2019._,()/", " "))


def fold(text: str) -> str:
    """Lower-case `text` and strip diacritics, invisible and control characters."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (
        ch
        for ch in decomposed
        if unicodedata.category(ch) not in {"Mn", "Me", "Cf", "Cc", "Co", "Cs"}
    )
    return "".join(kept).casefold().translate(_BASE_LETTERS)


def _words(text: str) -> list[str]:
    return fold(text).translate(_WORD_BREAKS).split()


def search_key(display_name: str) -> str:
    """Every word-start suffix of the folded name ("jan de boer", "de boer", "boer").

    Each suffix is preceded by a unit separator, which `fold` removes from any needle, so a
    prefix match can never straddle two suffixes.
    """
    words = _words(display_name[:MAX_NAME_LENGTH])[:MAX_WORDS]
    return "".join(_SEPARATOR + " ".join(words[i:]) for i in range(len(words)))


class PeopleStore:
    """Upserts people by guid and finds them by a name prefix, most recently seen first."""

    def __init__(self, db: Database, *, clock: Clock | None = None) -> None:
        self.db = db
        self._clock: Clock = clock or SystemClock()

    def remember(self, people: Iterable[Person], *, seen_at: datetime | None = None) -> int:
        """Insert or refresh these people (by guid); return how many rows were written."""
        stamp = db_time(seen_at or self._clock.now())
        rows = {
            p.guid: (
                p.guid,
                p.id,
                p.display_name[:MAX_NAME_LENGTH],
                search_key(p.display_name),
                p.url,
                stamp,
            )
            for p in people
            if p.guid and p.display_name.strip()
        }
        if not rows:
            return 0
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO person (guid, person_id, display_name, search_key, url, last_seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guid) DO UPDATE SET"
                " person_id = excluded.person_id, display_name = excluded.display_name,"
                " search_key = excluded.search_key, url = excluded.url,"
                " last_seen_at = max(last_seen_at, excluded.last_seen_at)",
                list(rows.values()),
            )
        return len(rows)

    def search(self, prefix: str, limit: int = DEFAULT_LIMIT) -> list[Person]:
        """People with a name word (or the whole name) starting with `prefix`."""
        needle = " ".join(_words(prefix))
        if limit <= 0:
            return []
        query = (
            "SELECT person_id, guid, display_name, url FROM person"
            " WHERE instr(search_key, ?) > 0"
            " ORDER BY last_seen_at DESC, display_name LIMIT ?"
        )
        rows = self.db.connection.execute(query, (_SEPARATOR + needle, limit)).fetchall()
        return [
            Person(id=int(r[0]), guid=str(r[1]), display_name=str(r[2]), url=str(r[3]))
            for r in rows
        ]

    def get(self, guid: str) -> Person | None:
        """One person by guid."""
        row = self.db.connection.execute(
            "SELECT person_id, guid, display_name, url FROM person WHERE guid = ?", (guid,)
        ).fetchone()
        if row is None:
            return None
        return Person(id=int(row[0]), guid=str(row[1]), display_name=str(row[2]), url=str(row[3]))
