"""The running real HumHub as the tests see it: addresses, users, tokens and small helpers.

Everything here talks to the server directly over its REST API (httpx) or through the kit's
``like.sh`` (a like needs HumHub's web routes); the code under test is not involved, so these
helpers are the oracle the tests check the app's work against. Texts made here carry a unique
marker, so tests do not depend on what earlier runs left in the same state folder.
"""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.real.kit import as_root, read_env, read_text

USERS = ("admin", "alice", "bobby", "carol")
PASSWORDS: Mapping[str, str] = {
    "admin": "AdminPass123!",
    "alice": "AlicePass123!",
    "bobby": "BobPass123!",
    "carol": "CarolPass123!",
}
POST_MODEL = "humhub\\modules\\post\\models\\Post"
LIKE_CLASS = "humhub\\modules\\like\\notifications\\NewLike"
COMMENT_CLASS = "humhub\\modules\\comment\\notifications\\NewComment"
MENTION_CLASS = "humhub\\modules\\user\\notifications\\Mentioned"
Json = dict[str, Any]
Predicate = Callable[[Json], bool]


def unique(label: str) -> str:
    """A text no earlier run has used: a short random marker, then ``label``.

    The marker comes first because HumHub quotes only the start of a long post in its
    notification texts."""
    return f"{uuid.uuid4().hex[:10]} {label}"


@dataclass
class RealHumHub:
    """One running real HumHub (see tests/real/kit.py for how it is brought up)."""

    kit: Path
    state: Path
    base_url: str  # http://127.0.0.1:PORT (no trailing slash)
    api_url: str  # base_url + /api/v1
    timezone: str  # HumHub's server time zone (not UTC)
    space_id: int  # space "Team": all four users are members
    space_container_id: int  # its contentcontainer id, for /post/container/{id}
    passwords: Mapping[str, str]
    tokens: Mapping[str, str]  # JWT of admin, alice, bobby, carol
    bobby_bearer: str  # a non-JWT bearer token of bobby
    _clients: dict[str, httpx.Client] = field(default_factory=dict, repr=False)
    _current: dict[str, Json] = field(default_factory=dict, repr=False)

    @classmethod
    def from_state(cls, kit: Path, state: Path) -> RealHumHub:
        env = read_env(state)
        tokens = {u: read_text(state / "tokens" / f"{u}.jwt").strip() for u in USERS}
        return cls(
            kit=kit,
            state=state,
            base_url=env["HUMHUB_URL"].rstrip("/"),
            api_url=env["HUMHUB_API"].rstrip("/"),
            timezone=env["HUMHUB_TZ"],
            space_id=int(env["HUMHUB_SPACE_ID"]),
            space_container_id=int(env["HUMHUB_SPACE_CONTAINER_ID"]),
            passwords=PASSWORDS,
            tokens=tokens,
            bobby_bearer=read_text(state / "tokens" / "bobby.bearer").strip(),
        )

    # -- HTTP ---------------------------------------------------------------------------------

    def api(self, user: str) -> httpx.Client:
        """An httpx client on the API (``/api/v1``) with ``user``'s JWT; ``"bobby-bearer"``
        uses bobby's non-JWT token, ``"anonymous"`` sends none."""
        if user not in self._clients:
            headers = {"Accept": "application/json"}
            token = self.bobby_bearer if user == "bobby-bearer" else self.tokens.get(user)
            if token:
                headers["Authorization"] = f"Bearer {token}"
            self._clients[user] = httpx.Client(
                base_url=self.api_url + "/", headers=headers, timeout=60.0
            )
        return self._clients[user]

    def call(self, user: str, method: str, path: str, **kwargs: Any) -> Any:
        """``METHOD path`` as ``user``; the JSON answer, or AssertionError on a non-2xx."""
        response = self.api(user).request(method, path.lstrip("/"), **kwargs)
        why = f"{method} {path} as {user}: {response.status_code} {response.text[:300]}"
        assert response.is_success, why
        return response.json()

    def close(self) -> None:
        for client in self._clients.values():
            client.close()
        self._clients.clear()

    # -- users ----------------------------------------------------------------------------------

    def current(self, user: str) -> Json:
        """``GET /auth/current`` of ``user`` (cached: users do not change)."""
        if user not in self._current:
            self._current[user] = self.call(user, "GET", "auth/current")
        return self._current[user]

    def guid(self, user: str) -> str:
        return str(self.current(user)["guid"])

    def user_id(self, user: str) -> int:
        return int(self.current(user)["id"])

    def display_name(self, user: str) -> str:
        return str(self.current(user)["display_name"])

    def profile_container_id(self, user: str) -> int:
        """The contentcontainer id of ``user``'s profile (their own stream)."""
        return int(self.current(user)["account"]["contentcontainer_id"])

    def mention(self, user: str) -> str:
        """How HumHub's editor stores a mention of ``user`` in a message (markdown link)."""
        profile = f"{self.base_url}/u/{user}/"
        return f'[{self.display_name(user)}](mention:{self.guid(user)} "{profile}")'

    def reset_login_failures(self, user: str, timeout: float = 40.0) -> None:
        """A successful ``POST /auth/login`` resets HumHub's count of failed logins; while an
        earlier test's failures still delay ``user`` (10-20 s), try again until ``timeout``."""
        body = {"username": user, "password": self.passwords[user]}
        deadline = time.monotonic() + timeout
        while True:
            answer = self.api("anonymous").post("auth/login", json=body)
            if answer.status_code == 200:
                return
            assert time.monotonic() < deadline, f"{user} cannot sign in: {answer.text[:200]}"
            time.sleep(1.0)  # HumHub's login delay is counted in whole seconds

    # -- content --------------------------------------------------------------------------------

    def create_post(self, user: str, container_id: int, text: str) -> Json:
        """``user`` posts ``text`` in a container over REST; the server's answer."""
        data: Json = self.call(
            user, "POST", f"post/container/{container_id}", json={"data": {"message": text}}
        )
        return data

    def comment(self, user: str, post_id: int, text: str) -> Json:
        """``user`` comments on a post over REST (REST 0.11 shape)."""
        body = {"objectModel": POST_MODEL, "objectId": post_id, "Comment": {"message": text}}
        data: Json = self.call(user, "POST", "comment", json=body)
        return data

    def comments_on(self, post_id: int) -> list[Json]:
        """Every comment on a post, as the admin sees them."""
        data = self.call(
            "admin",
            "GET",
            "comment/find-by-object",
            params={"objectModel": POST_MODEL, "objectId": post_id, "limit": 50},
        )
        return list(data["results"])

    def posts_in(self, container_id: int, user: str = "admin", limit: int = 50) -> list[Json]:
        """The newest posts of a container, as ``user`` sees them (a profile's private posts
        only to its owner)."""
        data = self.call(user, "GET", f"post/container/{container_id}", params={"limit": limit})
        return list(data["results"])

    def like(self, user: str, target: int | str) -> str:
        """``user`` likes a content id (int) or ``"post:ID"``/``"comment:ID"`` via like.sh."""
        argv = ["bash", str(self.kit / "like.sh"), str(self.state), user, self.passwords[user]]
        done = subprocess.run(
            as_root([*argv, str(target)]), capture_output=True, timeout=120, check=False
        )
        out = (done.stdout + done.stderr).decode(errors="replace").strip()
        assert done.returncode == 0, f"like.sh {user} {target} failed: {out}"
        return out

    # -- notifications --------------------------------------------------------------------------

    def unseen(self, user: str) -> Json:
        """``GET /notification/unseen`` (newest 50) of ``user``."""
        data: Json = self.call(user, "GET", "notification/unseen", params={"limit": 50})
        return data

    def mark_all_seen(self, user: str) -> None:
        self.call(user, "PATCH", "notification/mark-as-seen")

    def wait_for_notification(
        self, user: str, predicate: Predicate, timeout: float = 30.0, *, unseen: bool = True
    ) -> Json:
        """The first of ``user``'s notifications matching ``predicate``, polled until
        ``timeout`` (HumHub's queue worker writes them a second or two after the event)."""
        path = "notification/unseen" if unseen else "notification"
        deadline = time.monotonic() + timeout
        seen: list[Json] = []
        while True:
            seen = self.call(user, "GET", path, params={"limit": 50})["results"]
            for item in seen:
                if predicate(item):
                    return item
            if time.monotonic() > deadline:
                texts = [f"{n.get('class')}: {n.get('output', '')[:80]}" for n in seen[:10]]
                raise AssertionError(f"no matching notification for {user} in {timeout} s: {texts}")
            time.sleep(0.25)  # a polling interval, not a wait for an event

    # -- polls (module 1.4.5) -------------------------------------------------------------------

    def create_poll(
        self, user: str, question: str, answers: list[str], *, allow_multiple: bool = False
    ) -> Json:
        """``user`` creates a poll in Team over REST (fields inside ``Poll``); the answer."""
        body = {
            "Poll": {
                "question": question,
                "description": "",
                "allow_multiple": int(allow_multiple),
            },
            "newAnswers": answers,
        }
        data: Json = self.call(
            user, "POST", f"polls/container/{self.space_container_id}", json=body
        )
        return data

    def close_poll(self, user: str, poll_id: int) -> None:
        """``user`` (the author or an admin) closes a poll."""
        self.call(user, "PATCH", f"polls/poll/{poll_id}/close")

    def my_votes(self, user: str, poll_id: int) -> list[int]:
        """The answer ids of ``user``'s vote on a poll, as the server holds them."""
        return [int(a) for a in self.call(user, "GET", f"polls/vote/{poll_id}")]


def about(marker: str, cls: str | None = None) -> Predicate:
    """A predicate: the notification's text mentions ``marker`` (and it is of class ``cls``)."""

    def match(item: Json) -> bool:
        return marker in str(item.get("output", "")) and (cls is None or item.get("class") == cls)

    return match
