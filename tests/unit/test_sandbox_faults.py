"""Fault injection and the /_sandbox control API, against the real server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from sandbox.faults import Fault, parse_fault
from sandbox.server import SandboxServer


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(pace="off") as running:
        yield running


@pytest.fixture
def http(server: SandboxServer) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {server.demo_token}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=5) as client:
        yield client
        client.delete("/_sandbox/fault")


def arm(http: httpx.Client, **fault: object) -> None:
    response = http.post("/_sandbox/fault", json=fault)
    assert response.status_code == 200, response.text


def test_status_fault_for_the_next_n_requests(http: httpx.Client) -> None:
    arm(http, route="GET /notification/unseen", mode="status", status=503, times=2, retry_after="5")
    for _ in range(2):
        response = http.get("/api/v1/notification/unseen")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "5"
        assert response.json()["status"] == 503
    assert http.get("/api/v1/notification/unseen").status_code == 200


def test_commit_then_drop_writes_but_never_answers(http: httpx.Client) -> None:
    before = http.get("/_sandbox/state").json()["posts"]
    arm(http, route="POST /post/container", mode="commit_then_drop")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.post("/api/v1/post/container/1", json={"data": {"message": "Verloren antwoord"}})
    assert http.get("/_sandbox/state").json()["posts"] == before + 1
    newest = http.get("/api/v1/post/container/1").json()["results"][0]
    assert newest["message"] == "Verloren antwoord"
    # the next request is served normally
    again = http.post("/api/v1/post/container/1", json={"data": {"message": "Tweede poging"}})
    assert again.status_code == 200


def test_commit_then_status_writes_and_then_refuses(http: httpx.Client) -> None:
    before = http.get("/_sandbox/state").json()["posts"]
    arm(http, route="POST /post/container", mode="commit_then_status", status=401)
    refused = http.post("/api/v1/post/container/1", json={"data": {"message": "Toch bewaard"}})
    assert refused.status_code == 401
    assert http.get("/_sandbox/state").json()["posts"] == before + 1


def test_commit_then_hang_writes_and_never_answers(http: httpx.Client) -> None:
    before = http.get("/_sandbox/state").json()["posts"]
    arm(http, route="POST /post/container", mode="commit_then_hang")
    with pytest.raises(httpx.ReadTimeout):
        http.post("/api/v1/post/container/1", json={"data": {"message": "Stil"}}, timeout=1.0)
    assert http.get("/_sandbox/state").json()["posts"] == before + 1


def test_drop_writes_nothing(http: httpx.Client) -> None:
    before = http.get("/_sandbox/state").json()["posts"]
    arm(http, route="POST /api/v1/post/container/", mode="drop")
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.post("/api/v1/post/container/1", json={"data": {"message": "Nooit opgeslagen"}})
    assert http.get("/_sandbox/state").json()["posts"] == before


def test_faults_only_hit_their_route(http: httpx.Client) -> None:
    arm(http, route="POST /post/container", mode="status", status=500)
    assert http.get("/api/v1/post/container/1").status_code == 200
    assert http.get("/_sandbox/state").json()["faults"][0]["path"] == "/post/container"
    assert http.delete("/_sandbox/fault").status_code == 200
    assert http.get("/_sandbox/state").json()["faults"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"route": "nonsense"},
        {"route": "GET /x", "mode": "explode"},
        {"route": "GET /x", "status": 42},
        {"route": "GET /x", "times": 0},
    ],
)
def test_bad_fault_bodies_are_400(http: httpx.Client, body: dict[str, object]) -> None:
    assert http.post("/_sandbox/fault", json=body).status_code == 400


def test_parse_fault_normalises_the_route() -> None:
    assert parse_fault({"route": "post /api/v1/post/container/", "mode": "drop"}) == Fault(
        "POST", "/post/container", "drop"
    )
    assert Fault("GET", "/notification", "status").matches("GET", "/api/v1/notification")
    assert not Fault("GET", "/notification", "status").matches("GET", "/api/v1/notifications")


def test_control_api_needs_the_token(server: SandboxServer) -> None:
    with httpx.Client(base_url=server.base_url) as anon:
        assert anon.get("/_sandbox/state").status_code == 401
        assert (
            anon.post("/_sandbox/act", json={"actor": "jan", "action": "like"}).status_code == 401
        )


def test_act_performs_one_action_and_returns_the_notification(http: httpx.Client) -> None:
    made = http.post("/_sandbox/act", json={"actor": "priya", "action": "comment", "text": "Top!"})
    assert made.status_code == 200
    nid = made.json()["notification_id"]
    note = http.get(f"/api/v1/notification/{nid}").json()
    assert note["class"] == "humhub\\modules\\comment\\notifications\\NewComment"
    assert note["source"]["message"] == "Top!"
    mention = http.post("/_sandbox/act", json={"actor": "ahmed", "action": "mention"}).json()
    note = http.get(f"/api/v1/notification/{mention['notification_id']}").json()
    assert note["class"] == "humhub\\modules\\user\\notifications\\Mentioned"
    state = http.get("/_sandbox/state").json()
    assert state["comments"][str(made.json()["post_id"])] >= 1


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"actor": "nobody", "action": "like"}, 400),
        ({"actor": "demo", "action": "like"}, 400),
        ({"actor": "jan", "action": "dance"}, 400),
        ({"actor": "jan", "action": "like", "post_id": 999}, 404),
    ],
)
def test_act_rejects_bad_requests(http: httpx.Client, body: dict[str, object], status: int) -> None:
    assert http.post("/_sandbox/act", json=body).status_code == status
