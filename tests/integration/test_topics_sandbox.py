"""Topics against the sandbox, which treats them as HumHub 1.18.5 does: a plain member's new
topic is dropped (200, `topics: []`), existing ones attach, owners and profiles create."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from sandbox import model
from sandbox.server import SandboxServer
from services.humhub.connector import HumHubConnector
from services.models import Container, Post, TopicChoice


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off", seed=7) as running:
        yield running


def _space(server: SandboxServer, slug: str) -> Container:
    row = server.world.db.one("SELECT * FROM space WHERE slug = ?", (slug,))
    assert row is not None
    return Container(int(row["id"]), str(row["guid"]), str(row["name"]), int(row["container_id"]))


def _profile(server: SandboxServer) -> Container:
    demo = server.world.demo_user()
    return Container(
        int(demo["id"]), str(demo["guid"]), "profiel", int(demo["container_id"]), is_space=False
    )


def test_member_owner_and_profile_topics(server: SandboxServer) -> None:
    space, profile = _space(server, "algemeen"), _profile(server)
    owner = server.world.user_by_name("marieke")  # Algemeen's owner makes a topic
    assert owner is not None
    model.create_post(
        server.world, int(owner["id"]), space.contentcontainer_id, "Agenda", topics=["Agenda"]
    )

    async def go() -> tuple[TopicChoice, TopicChoice, Post, Post, Post]:
        connector = HumHubConnector(server.base_url, token=server.demo_token)
        try:
            in_space = await connector.topic_choice(space)
            on_profile = await connector.topic_choice(profile)
            new = await connector.create_post(space.contentcontainer_id, "Hoi", topics=("Geheim",))
            known = await connector.create_post(
                space.contentcontainer_id, "Hoi", topics=("agenda",)
            )
            mine = await connector.create_post(
                profile.contentcontainer_id, "Hoi", topics=("Mijn onderwerp",)
            )
            return in_space, on_profile, new, known, mine
        finally:
            await connector.aclose()

    in_space, on_profile, new, known, mine = asyncio.run(go())
    assert "Agenda" in in_space.existing
    assert not in_space.can_create
    assert on_profile.can_create
    assert new.topics == ()  # dropped without a word, as on the real server
    assert [t.casefold() for t in known.topics] == ["agenda"]
    assert mine.topics == ("Mijn onderwerp",)
