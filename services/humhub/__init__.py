"""The HumHub connector: the only package that imports httpx. No Qt, no UI text."""

from __future__ import annotations

from services.humhub.connector import HumHubConnector

__all__ = ["HumHubConnector"]
