"""The command line: every option validated, subcommands after options, --version, no silent death."""

from __future__ import annotations

from pathlib import Path

import pytest

import desktop.__main__ as entry
from desktop.cli import AutostartOptions, DoctorOptions, RunOptions, parse
from services.version import package_version


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e15", "9", "3601", "ten"])
def test_poll_interval_out_of_range_is_refused(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        parse(["--demo", "--poll-interval", value])
    assert stop.value.code == 2
    assert "--poll-interval" in capsys.readouterr().err


def test_poll_interval_in_range_is_taken() -> None:
    options = parse(["--demo", "--poll-interval", "12.5"])
    assert isinstance(options, RunOptions)
    assert options.poll_interval == 12.5


@pytest.mark.parametrize(
    "argv",
    [
        ["--intranet", "ftp://intranet.example.org", "--token-env", "T"],
        ["--intranet", "https://u:p@intranet.example.org", "--token-env", "T"],
        ["--intranet", "https://intranet.example.org", "--token-env", "secret token!"],
        ["--demo", "--profile", ""],
        ["doctor", "--intranet", "https://x.example.org", "--token-env", "a b"],
    ],
)
def test_bad_values_are_refused_with_a_message(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        parse(argv)
    assert stop.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_options_before_a_subcommand_are_accepted(tmp_path: Path) -> None:
    options = parse(["--profile", str(tmp_path), "--demo", "post", "Dank je @Jan!"])
    assert isinstance(options, RunOptions)
    assert (options.command, options.post_text, options.profile) == (
        "post",
        "Dank je @Jan!",
        tmp_path,
    )
    doctor = parse(["--intranet", "https://x.example.org", "doctor", "--token-env", "T"])
    assert isinstance(doctor, DoctorOptions)
    assert doctor.intranet == "https://x.example.org"


def test_a_post_text_that_reads_like_a_subcommand_stays_text() -> None:
    options = parse(["post", "doctor"])
    assert isinstance(options, RunOptions)
    assert options.post_text == "doctor"


def test_version_comes_from_the_package_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        parse(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"startpunt {package_version()}"
    assert package_version() != "unknown"


def test_every_option_has_help_text(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["doctor", "--help"], ["post", "--help"]):
        with pytest.raises(SystemExit):
            parse(argv)
        lines = capsys.readouterr().out.splitlines()
        options = lines[lines.index("options:") + 1 :]
        # an option line without help has nothing after its names (and no continuation)
        for index, line in enumerate(options):
            if line.startswith("  -"):
                has_text = len(line.strip().split("  ")) > 1 or (
                    index + 1 < len(options) and options[index + 1].startswith("      ")
                )
                assert has_text, f"{argv}: no help for {line.strip()}"


def test_an_unexpected_error_prints_one_line_and_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import desktop.app

    def broken(*_args: object) -> int:
        raise ValueError("cannot convert float NaN to integer")

    monkeypatch.setattr(desktop.app, "run_app", broken)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    status = entry.main(["--demo", "--profile", str(tmp_path)])
    err = capsys.readouterr().err
    assert status != 0
    assert err.count("\n") == 1
    assert "unexpected error" in err
    assert "NaN" in err


@pytest.mark.parametrize("kind", ["file", "read-only"])
def test_an_unwritable_profile_is_one_sentence(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if kind == "file":
        profile = tmp_path / "profile"
        profile.write_text("keep me", encoding="utf-8")
    else:  # /sys is a read-only file system, even for root
        profile = Path("/sys/startpunt-profile-test")
        assert Path("/sys").is_dir(), "this test needs Linux's read-only /sys"
    status = entry.main(["--demo", "--profile", str(profile)])
    err = capsys.readouterr().err
    assert status == entry.EXIT_PROFILE
    assert err.count("\n") == 1
    assert "cannot keep its files in" in err
    assert "lock" not in err
    if kind == "file":
        assert profile.read_text(encoding="utf-8") == "keep me"  # nothing lost


def test_intranet_on_a_profile_where_the_demo_runs_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import desktop.single_instance
    from desktop import running_target

    profile = tmp_path / "profile"
    (profile / "data").mkdir(parents=True)
    running_target.write(profile / "data", running_target.DEMO)  # the demo runs there
    forwarded: list[str] = []
    monkeypatch.setattr(
        desktop.single_instance,
        "acquire_or_forward",
        lambda _paths, command: forwarded.append(command.name),  # the running app took it
    )
    monkeypatch.setenv("T", "token")
    argv = ["--intranet", "https://intranet.example.org", "--token-env", "T"]
    status = entry.main([*argv, "--profile", str(profile)])
    err = capsys.readouterr().err
    assert forwarded == ["show"]
    assert status == entry.EXIT_OTHER_TARGET
    assert "the demo already runs with this profile" in err
    assert entry.main(["--demo", "--profile", str(profile)]) == 0  # the same target: fine


def test_no_desktop_is_one_line_before_qt_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    status = entry.main(["--demo", "--profile", str(tmp_path / "p")])
    err = capsys.readouterr().err
    assert status == entry.EXIT_NO_DESKTOP
    assert err.count("\n") == 1
    assert "graphical desktop with a system tray" in err


def test_missing_xcb_libraries_are_named() -> None:
    from desktop.display_check import display_problem

    env = {"DISPLAY": ":0"}
    problem = display_problem(env, platform="linux", find_library=lambda _name: None)
    assert problem is not None
    assert "libxcb-cursor0" in problem
    assert display_problem(env, platform="linux", find_library=lambda name: name) is None
    assert display_problem({}, platform="darwin") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, platform="linux") is None


def test_autostart_subcommand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert parse(["autostart", "on"]) == AutostartOptions("on", None, debug=False)
    assert parse(["--profile", str(tmp_path), "autostart", "status"]) == AutostartOptions(
        "status", tmp_path, debug=False
    )
    with pytest.raises(SystemExit) as exited:
        parse(["autostart", "maybe"])
    assert exited.value.code == 2
    assert "invalid choice: 'maybe'" in capsys.readouterr().err
