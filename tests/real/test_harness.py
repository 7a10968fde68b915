"""The harness itself: the kit's server is up, in a non-UTC zone, with the users it promises."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from tests.real.kit import SERVER_TZ
from tests.real.server import USERS, RealHumHub, unique


def test_every_user_is_signed_in_with_their_token(real_humhub: RealHumHub) -> None:
    for user in USERS:
        assert real_humhub.current(user)["account"]["username"] == user
    bearer = real_humhub.call("bobby-bearer", "GET", "auth/current")
    assert bearer["account"]["username"] == "bobby"
    assert real_humhub.api("anonymous").get("auth/current").status_code == 401


def test_the_server_writes_times_in_its_own_zone_which_is_not_utc(real_humhub: RealHumHub) -> None:
    assert real_humhub.timezone == SERVER_TZ
    answer = real_humhub.api("alice").post(
        f"post/container/{real_humhub.space_container_id}",
        json={"data": {"message": unique("harness: time zone")}},
    )
    assert answer.status_code == 200
    sent = parsedate_to_datetime(answer.headers["date"])  # HTTP dates are UTC
    created = datetime.fromisoformat(answer.json()["content"]["metadata"]["created_at"])
    as_utc = created.replace(tzinfo=ZoneInfo(SERVER_TZ)).astimezone(UTC)
    assert abs((as_utc - sent).total_seconds()) < 5
    assert created.replace(tzinfo=UTC) != as_utc  # the zone really differs from UTC
