"""Package data (translations, icons), read through importlib.resources. Imports no Qt."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def path(name: str) -> Path:
    """The filesystem path of a resource, e.g. `path("i18n")`."""
    return Path(str(files(__name__).joinpath(name)))
