"""Is the user's intranet profile complete enough for colleagues to find and know them?

Pure Python. What counts: a real picture (HumHub shows a default image when none was uploaded:
its `image_url` then points to `default_user` under the static images), the function
(`title`: what a colleague looks for first in a directory) and the "about" text (what one
does and can help with). A phone number is nice but many care workers have none at work, so
it is never nudged for.
"""

from __future__ import annotations

from enum import StrEnum
from urllib.parse import urlsplit

from services.models import CurrentUser

# HumHub 1.18: /static/img/default_user.jpg (the theme may serve its own default_user.*)
_DEFAULT_IMAGE_NAMES = ("default_user.",)
EDIT_PATH = "/user/account/edit"  # HumHub's "Edit account" → profile form


class Missing(StrEnum):
    """A part of the profile that is empty."""

    PICTURE = "picture"
    FUNCTION = "function"
    ABOUT = "about"


def has_picture(image_url: str) -> bool:
    """Whether `image_url` is an uploaded picture, not HumHub's default one (or none)."""
    if not image_url:
        return False
    name = urlsplit(image_url).path.rsplit("/", 1)[-1]
    return not name.startswith(_DEFAULT_IMAGE_NAMES)


def missing(user: CurrentUser) -> tuple[Missing, ...]:
    """What the profile lacks, picture first ("" when complete)."""
    found = []
    if not has_picture(user.image_url):
        found.append(Missing.PICTURE)
    if not user.title:
        found.append(Missing.FUNCTION)
    if not user.about:
        found.append(Missing.ABOUT)
    return tuple(found)


def edit_url(base_url: str) -> str:
    """The intranet's profile editor (the link the nudge opens)."""
    return base_url.rstrip("/") + EDIT_PATH
