"""Extra accounts and admin switches on the real HumHub for the mismatch tests (helpers of
this branch; the shared harness stays as it is).

A dedicated user per purpose, so that failed logins (HumHub throttles a user after three) or a
disabled account never get in the way of the harness's users in other tests.
"""

from __future__ import annotations

import subprocess

from tests.real.kit import as_root
from tests.real.server import RealHumHub


def ensure_user(real: RealHumHub, username: str, password: str, first: str, last: str) -> int:
    """The id of `username`, created over the admin REST API (`POST /user`) when missing,
    enabled, with `password` and no pending login delay."""
    admin = real.api("admin")
    found = admin.get("user/get-by-username", params={"username": username})
    if found.status_code == 200:
        user_id = int(found.json()["id"])
        set_status(real, user_id, enabled=True)
        return user_id
    body = {
        "account": {"username": username, "email": f"{username}@example.com", "status": 1},
        "profile": {"firstname": first, "lastname": last},
        "password": {"newPassword": password, "newPasswordConfirm": password},
    }
    created = admin.post("user", json=body)
    assert created.status_code == 200, created.text[:300]
    return int(created.json()["id"])


def set_status(real: RealHumHub, user_id: int, *, enabled: bool) -> None:
    """An admin disables or enables an account (`PUT /user/{id}`): a disabled user's tokens
    are refused with 401 until the account is enabled again."""
    answer = real.api("admin").put(
        f"user/{user_id}", json={"account": {"status": 1 if enabled else 0}}
    )
    assert answer.status_code == 200, answer.text[:300]


def yii_setting(real: RealHumHub, module: str, name: str, value: str) -> None:
    """`yii settings/set MODULE NAME VALUE` on the server (what the admin page writes)."""
    yii = real.state / "humhub" / "protected" / "yii"
    done = subprocess.run(
        as_root(["php", str(yii), "settings/set", module, name, value]),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-500:]
