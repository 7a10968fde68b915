"""The sandbox's browser pages: notification entry, permalinks, spaces, profiles, search."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    """Shared by the read-only tests; tests that mark notifications seen use ``fresh``."""
    with SandboxServer(pace="off") as running:
        yield running


@pytest.fixture
def fresh() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off") as running:
        yield running


@pytest.fixture
def browser(server: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=5) as client:  # no token: a browser
        yield client


@pytest.fixture
def api(server: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    with httpx.Client(base_url=f"{server.base_url}/api/v1", headers=headers) as client:
        yield client


def test_entry_marks_that_notification_seen_and_redirects(fresh: SandboxServer) -> None:
    server = fresh
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    with (
        httpx.Client(base_url=server.base_url) as browser,
        httpx.Client(base_url=f"{server.base_url}/api/v1", headers=headers) as api,
    ):
        _check_entry(server, browser, api)


def _check_entry(server: SandboxServer, browser: httpx.Client, api: httpx.Client) -> None:
    unseen = api.get("/notification/unseen").json()
    first, others = unseen["results"][0], {n["id"] for n in unseen["results"][1:]}
    response = browser.get("/notification/entry", params={"id": first["id"]})
    assert response.status_code == 302
    source = api.get(f"/notification/{first['id']}").json()["source"]
    content_id = source["content"]["id"]
    assert response.headers["location"] == f"{server.base_url}/content/perma?id={content_id}"
    after = api.get("/notification/unseen").json()
    assert after["total"] == unseen["total"] - 1
    assert {n["id"] for n in after["results"]} == others
    assert browser.get(response.headers["location"]).status_code == 200


def test_entry_of_a_comment_points_at_the_comment(browser: httpx.Client, api: httpx.Client) -> None:
    note = next(
        n
        for n in api.get("/notification/unseen").json()["results"]
        if n["class"].endswith("NewComment")
    )
    response = browser.get("/notification/entry", params={"id": note["id"]})
    assert response.headers["location"].endswith(f"&commentId={note['source']['id']}")


@pytest.mark.parametrize("query", ["?id=99999", "?id=abc", ""])
def test_entry_for_unknown_notification_is_404(browser: httpx.Client, query: str) -> None:
    assert browser.get(f"/notification/entry{query}").status_code == 404


def test_permalink_shows_post_likes_and_comments(browser: httpx.Client, api: httpx.Client) -> None:
    posts = api.get("/post", params={"limit": 50}).json()["results"]
    post = next(p for p in posts if p["message"].startswith("Dank aan het team"))
    page = browser.get("/content/perma", params={"id": post["content"]["id"]})
    assert page.status_code == 200
    assert "Dank aan het team van de receptie" in page.text
    assert "1 vind-ik-leuks: Noor Hendriks" in page.text
    assert "Reacties (1)" in page.text
    assert "Helemaal mee eens" in page.text


def test_pages_escape_user_text(browser: httpx.Client, api: httpx.Client) -> None:
    cid = api.get("/auth/current").json()["account"]["contentcontainer_id"]
    post = api.post(f"/post/container/{cid}", json={"data": {"message": '<b>vet</b> & "zo"'}})
    page = browser.get("/content/perma", params={"id": post.json()["content"]["id"]})
    assert "<b>vet</b>" not in page.text
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; &quot;zo&quot;" in page.text


def test_mentions_render_as_profile_links(browser: httpx.Client, api: httpx.Client) -> None:
    posts = api.get("/post", params={"limit": 50}).json()["results"]
    kudos = next(p for p in posts if "compliment voor" in p["message"])
    page = browser.get("/content/perma", params={"id": kudos["content"]["id"]})
    assert '<a href="/u/demo/">@Sanne de Vries</a>' in page.text


def test_space_profile_search_and_home(browser: httpx.Client) -> None:
    space = browser.get("/s/algemeen/")
    assert space.status_code == 200
    assert "Welkom op ons nieuwe intranet" in space.text
    profile = browser.get("/u/marieke/")
    assert "Directeur" in profile.text
    found = browser.get("/search", params={"keyword": "fiets"})
    assert "kinderfiets" in found.text
    people = browser.get("/search", params={"keyword": "Bakker"})
    assert "/u/jan/" in people.text
    home = browser.get("/")
    assert "/notification/entry?id=" in home.text
    assert "Sanne de Vries" in home.text


@pytest.mark.parametrize("path", ["/s/bestaat-niet/", "/u/niemand/", "/content/perma?id=999", "/x"])
def test_unknown_pages_are_html_404(browser: httpx.Client, path: str) -> None:
    response = browser.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_the_profile_editor_page_exists_where_the_reminder_leads(browser: httpx.Client) -> None:
    page = browser.get("/user/account/edit")
    assert page.status_code == 200
    assert "Profiel bewerken" in page.text
