"""The sandbox's shared state: the database, the public base URL, the emulated API version.

Every other module (routes, pages, simulation) gets at the data through one :class:`World`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from sandbox.db import Database, Row

POST_MODEL = "humhub\\modules\\post\\models\\Post"
POLL_MODEL = "humhub\\modules\\polls\\models\\Poll"
COMMENT_MODEL = "humhub\\modules\\comment\\models\\Comment"
USER_CLASS = "humhub\\modules\\user\\models\\User"
SPACE_CLASS = "humhub\\modules\\space\\models\\Space"

API_VERSIONS = ("1.18", "1.19")
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo"  # noqa: S105 - the public demo account of a local sandbox


@dataclass
class World:
    """Database plus the facts every shape and route needs."""

    db: Database
    base_url: str
    api_version: str = "1.18"
    listeners: list[Callable[[str, int], None]] = field(default_factory=list)
    # Switches an admin flips on a real server (`POST /_sandbox/switch`): the REST API module
    # enabled, and password sign-in (JWT login) allowed in its settings.
    rest_api: bool = True
    password_login: bool = True
    # HumHub's login throttling: username → (failed attempts, monotonic time of next try).
    login_failures: dict[str, tuple[int, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.api_version not in API_VERSIONS:
            msg = f"api_version must be one of {API_VERSIONS}, not {self.api_version!r}"
            raise ValueError(msg)
        secret = self.db.meta("jwt_key")
        if secret is None:
            secret = secrets.token_hex(32)
            self.db.set_meta("jwt_key", secret)
        self.jwt_key = bytes.fromhex(secret)

    # -- events (the simulation listens to what users do through the API) --------------
    def emit(self, event: str, ident: int) -> None:
        for listener in list(self.listeners):
            listener(event, ident)

    # -- lookups -------------------------------------------------------------------------
    def user(self, user_id: int) -> Row | None:
        return self.db.one("SELECT * FROM user WHERE id = ?", (user_id,))

    def user_by_name(self, username: str) -> Row | None:
        return self.db.one(
            "SELECT * FROM user WHERE username = ? OR email = ?", (username, username)
        )

    def demo_user(self) -> Row:
        row = self.user_by_name(DEMO_USERNAME)
        if row is None:
            raise LookupError("the sandbox has no demo user")
        return row

    def space(self, space_id: int) -> Row | None:
        return self.db.one("SELECT * FROM space WHERE id = ?", (space_id,))

    def space_by_container(self, container_id: int) -> Row | None:
        return self.db.one("SELECT * FROM space WHERE container_id = ?", (container_id,))

    def container(self, container_id: int) -> Row | None:
        return self.db.one("SELECT * FROM container WHERE id = ?", (container_id,))

    def content(self, content_id: int) -> Row | None:
        return self.db.one("SELECT * FROM content WHERE id = ?", (content_id,))

    def post(self, post_id: int) -> Row | None:
        return self.db.one(
            "SELECT post.id AS id, post.message AS message, content.id AS content_id,"
            " content.container_id AS container_id, content.created_by AS created_by,"
            " content.created_at AS created_at FROM post JOIN content"
            " ON content.id = post.content_id WHERE post.id = ?",
            (post_id,),
        )

    def poll(self, poll_id: int) -> Row | None:
        return self.db.one("SELECT * FROM poll WHERE id = ?", (poll_id,))

    def may_create_topics(self, user_id: int, container_id: int) -> bool:
        """HumHub's AddTopic: a space's owner (the sandbox has no other space roles), or the
        owner of the profile."""
        space = self.space_by_container(container_id)
        if space is not None:
            return int(space["owner_id"]) == user_id
        user = self.user(user_id)
        return user is not None and int(user["container_id"]) == container_id

    def container_name(self, container_id: int) -> str:
        space = self.space_by_container(container_id)
        if space is not None:
            return str(space["name"])
        user = self.db.one("SELECT * FROM user WHERE container_id = ?", (container_id,))
        return display_name(user) if user is not None else ""

    # -- URLs ----------------------------------------------------------------------------
    def user_url(self, user: Row) -> str:
        return f"{self.base_url}/u/{user['username']}/"

    def space_url(self, space: Row) -> str:
        return f"{self.base_url}/s/{space['slug']}/"

    def perma_url(self, content_id: int) -> str:
        return f"{self.base_url}/content/perma?id={content_id}"


def display_name(user: Row) -> str:
    return f"{user['firstname']} {user['lastname']}"
