"""The texts the .deb installs beside the bundle: desktop entry, AppStream metainfo, control
file, maintainer scripts, the policy example and the copyright note.

Only the standard library; every function returns text for one file.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

# The desktop file id, the AppStream id and the Flatpak app id (= desktop.autostart.AGENT_LABEL).
APP_ID = "org.startpunt.startpunt"
ICON_NAME = "startpunt"  # share/icons/hicolor/*/apps/startpunt.{png,svg}
INSTALL_DIR = "/opt/startpunt"
POLICY_DIR = "/etc/startpunt"
SUMMARY = "Your intranet in the system tray"
MAINTAINER = "The Startpunt developers <startpunt@localhost>"  # no list address yet

# What the bundle's own ELF files need from the system (readelf NEEDED, minus what the
# bundle carries; tests/dist/test_bundle.py checks this list against the built bundle).
# The t64 names are those of Debian 13 / Ubuntu 24.04, the others Debian 12 / Ubuntu 22.04.
DEPENDS = (
    "libdbus-1-3",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libgcc-s1",
    "libgl1",
    "libglib2.0-0t64 | libglib2.0-0",
    "libgssapi-krb5-2",
    "libbrotli1",
    "libstdc++6",
    "libuuid1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-glx0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libzstd1",
)
# Qt's GTK platform theme (native file dialogs and colours on GTK desktops) loads only when
# GTK 3 is there; a Secret Service keeps the sign-in token (else the user signs in each start).
RECOMMENDS = ("libgtk-3-0t64 | libgtk-3-0", "gnome-keyring | kwalletmanager | keepassxc")


def desktop_entry() -> str:
    """The menu entry (freedesktop Desktop Entry Specification)."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.0\n"
        "Name=Startpunt\n"
        "GenericName=Intranet companion\n"
        "GenericName[nl]=Intranetassistent\n"
        f"Comment={SUMMARY}\n"
        "Comment[nl]=Je intranet in het systeemvak\n"
        "Exec=startpunt\n"
        "TryExec=startpunt\n"
        f"Icon={ICON_NAME}\n"
        "Terminal=false\n"
        "Categories=Network;Chat;\n"
        "Keywords=intranet;HumHub;notifications;kudos;colleagues;\n"
        "Keywords[nl]=intranet;HumHub;meldingen;complimenten;collega's;\n"
        "StartupNotify=false\n"
        "X-GNOME-UsesNotifications=true\n"
    )


def metainfo(version: str, date: str, homepage: str | None) -> str:
    """The AppStream component (what software centres show)."""
    url = f'  <url type="homepage">{escape(homepage)}</url>\n' if homepage else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>EUPL-1.2</project_license>
  <name>Startpunt</name>
  <summary>{SUMMARY}</summary>
  <summary xml:lang="nl">Je intranet in het systeemvak</summary>
  <description>
    <p>
      Startpunt sits in the system tray and keeps you in touch with your organisation's
      HumHub intranet: likes, comments and mentions arrive as desktop alerts, a quick post
      or a word of thanks is one click away, and quiet hours keep the evenings calm.
    </p>
    <p xml:lang="nl">
      Startpunt staat in het systeemvak en houdt je bij op het HumHub-intranet van je
      organisatie: vind-ik-leuks, reacties en vermeldingen komen binnen als meldingen, een
      snel bericht of een bedankje is één klik weg, en stille uren houden de avond rustig.
    </p>
    <p>IT departments set defaults and locks for everyone in /etc/startpunt/policy.json.</p>
  </description>
  <launchable type="desktop-id">{APP_ID}.desktop</launchable>
  <icon type="stock">{ICON_NAME}</icon>
  <developer id="org.startpunt">
    <name>The Startpunt developers</name>
  </developer>
{url}  <categories>
    <category>Network</category>
    <category>Chat</category>
  </categories>
  <provides>
    <binary>startpunt</binary>
  </provides>
  <content_rating type="oars-1.1">
    <content_attribute id="social-chat">moderate</content_attribute>
    <content_attribute id="social-info">mild</content_attribute>
  </content_rating>
  <releases>
    <release version="{escape(version)}" date="{date}"/>
  </releases>
</component>
"""


def control(version: str, arch: str, installed_kib: int, glibc: str) -> str:
    """DEBIAN/control."""
    depends = ", ".join((f"libc6 (>= {glibc})", *DEPENDS))
    return (
        "Package: startpunt\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: net\n"
        "Priority: optional\n"
        f"Description: {SUMMARY.lower()}\n"
        " Startpunt is a tray companion for a HumHub social intranet: desktop alerts\n"
        " for likes, comments and mentions, quick posts and thanks, quiet hours.\n"
        " .\n"
        " Self-contained: Python, Qt and every library Startpunt needs are in\n"
        f" {INSTALL_DIR}; the system-wide policy file goes in {POLICY_DIR}/policy.json.\n"
    )


# Caches of menus and icons, refreshed when the tools are there ($DPKG_ROOT: an install
# into another root with --force-script-chrootless).
_REFRESH = """refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DPKG_ROOT/usr/share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 \\
            && [ -f "$DPKG_ROOT/usr/share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$DPKG_ROOT/usr/share/icons/hicolor" || true
    fi
}
"""


def postinst() -> str:
    return (
        f'#!/bin/sh\nset -e\n{_REFRESH}\nif [ "$1" = configure ]; then\n    refresh\nfi\nexit 0\n'
    )


def postrm() -> str:
    """Refreshes the caches; never touches what users keep in their home folders."""
    return (
        f"#!/bin/sh\nset -e\n{_REFRESH}\n"
        'case "$1" in\n    remove|purge)\n        refresh\n        ;;\nesac\nexit 0\n'
    )


def debian_changelog(version: str, date: str) -> str:
    """usr/share/doc/startpunt/changelog.gz in Debian's format: one entry for this version
    (the project's own CHANGELOG.md sits beside it)."""
    when = datetime.strptime(date, "%Y-%m-%d").replace(tzinfo=UTC)
    return (
        f"startpunt ({version}) unstable; urgency=medium\n\n"
        f"  * Startpunt {version}; what changed is in CHANGELOG.md.gz beside this file.\n\n"
        f" -- {MAINTAINER}  {format_datetime(when)}\n"
    )


def policy_example() -> str:
    """A policy that shows every key (JSON has no comments: README.policy explains it)."""
    doc = {
        "policy_version": 1,
        "locked": {"intranet_url": "https://intranet.example.org"},
        "defaults": {
            "working_hours": [{"weekday": 0, "start": "08:30", "end": "17:00"}],
            "guidelines_url": "https://intranet.example.org/s/general/page/guidelines",
            "autostart": True,
        },
        "kudos_space_id": 12,
        "launcher_links": [{"name": "Timetable", "url": "https://timetable.example.org"}],
    }
    return json.dumps(doc, indent=2) + "\n"


def policy_readme() -> str:
    return f"""Startpunt: the system-wide policy file
=======================================

Copy policy.example.json to {POLICY_DIR}/policy.json and edit it. The package owns
{POLICY_DIR}/ but ships no file in it: without a policy.json, Startpunt uses each user's
own settings. The file must belong to root and must not be writable by group or others.

- "defaults" and "locked" take the settings intranet_url, working_hours, leaders,
  guidelines_url and autostart (the same values as a user's settings.json); a setting is
  in one of the two, not both.
- A locked value wins over the user's own choice; a default only fills what the user has
  not chosen.
- "kudos_space_id" is the space where thanks are posted; "launcher_links" are extra https
  links in the tray menu.
- A file Startpunt cannot use is ignored as a whole: the reason is in the user's log and
  the app says so once.

Removing the package leaves {POLICY_DIR}/policy.json in place (it is yours) and leaves
every user's settings, database and log (the Startpunt folders under ~/.config,
~/.local/share and ~/.local/state) alone.
"""


def copyright_note(year: str) -> str:
    return f"""Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: startpunt

Files: *
Copyright: {year} The Startpunt developers
License: EUPL-1.2

Files: {INSTALL_DIR}/_internal/*
Copyright: the authors of each bundled part
License: various
 The bundle holds the Python runtime (PSF-2.0), Qt 6 and PySide6 (LGPL-3.0-only) and
 the Python libraries Startpunt requires. Startpunt's About window lists every bundled
 part with its version and licence; the *.dist-info folders hold the licence texts the
 projects publish with their packages. On Debian systems the full text of the LGPL 3
 is in /usr/share/common-licenses/LGPL-3.
"""
