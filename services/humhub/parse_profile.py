"""The profile fields of `/auth/current` and a comment source's text: never crash, plain text.

HumHub sends every profile field as a flat key → value object (custom fields included) and
null for an empty one; anything that is not a string counts as empty.
"""

from __future__ import annotations

from services.humhub.wire import JsonObject, get_str, opt_object
from services.mentions import to_plain
from services.text import clean_text

MAX_FIELD = 2000  # `about` is free text; only whether it is filled matters much
MAX_COMMENT = 500


def _field(profile: JsonObject | None, key: str) -> str:
    return clean_text(get_str(profile, key) or "", max_length=MAX_FIELD).strip()


def profile_fields(profile: JsonObject | None) -> dict[str, str]:
    """`title`, `about` and `phone` (work phone, else mobile) as plain text, "" when empty."""
    return {
        "title": _field(profile, "title"),
        "about": _field(profile, "about"),
        "phone": _field(profile, "phone_work") or _field(profile, "mobile"),
    }


def comment_text(source: object) -> str:
    """The message of a Comment source as plain text ("" for any other source)."""
    obj = opt_object(source)
    if obj is None or not ("objectModel" in obj or "contentId" in obj):
        return ""
    message = get_str(obj, "message") or ""
    return clean_text(to_plain(message[: MAX_COMMENT * 4]), max_length=MAX_COMMENT).strip()
