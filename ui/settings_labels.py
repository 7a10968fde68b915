"""The settings window's words: each declared setting's label and help, translated.

`services.settings.DECLARATIONS` holds the English source text, but translations are scanned
only from `desktop/` and `ui/`, so the same sentences are written here once more as literal
`translate` calls in the "Settings" context. `tests/ui/test_settings_window.py` keeps this
table equal to the declarations (same names, same English).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

CONTEXT = "Settings"
# Declared settings the window does not show: the intranet address is chosen where the user
# signs in (a different address needs a different token).
NOT_IN_WINDOW = frozenset({"intranet_url"})


@dataclass(frozen=True, slots=True)
class Words:
    label: str
    help: str


def setting_words() -> dict[str, Words]:
    """Label and help per setting name, in the current language."""
    return {
        "intranet_url": Words(
            QCoreApplication.translate("Settings", "Intranet address"),
            QCoreApplication.translate(
                "Settings",
                "The address of your HumHub intranet, such as https://intranet.example.org.",
            ),
        ),
        "poll_interval": Words(
            QCoreApplication.translate("Settings", "Check for news every (seconds)"),
            QCoreApplication.translate(
                "Settings", "How often Startpunt asks the intranet for new notifications."
            ),
        ),
        "alert_kinds": Words(
            QCoreApplication.translate("Settings", "Alerts"),
            QCoreApplication.translate(
                "Settings", "Which kinds of notification show a desktop alert."
            ),
        ),
        "working_hours": Words(
            QCoreApplication.translate("Settings", "Working hours"),
            QCoreApplication.translate(
                "Settings",
                "Outside these hours alerts wait; you get a summary when your day starts.",
            ),
        ),
        "leaders": Words(
            QCoreApplication.translate("Settings", "Leadership accounts"),
            QCoreApplication.translate(
                "Settings", "Posts by these people are announced as coming from leadership."
            ),
        ),
        "guidelines_url": Words(
            QCoreApplication.translate("Settings", "Posting guidelines"),
            QCoreApplication.translate("Settings", "The page the post dialog links to."),
        ),
        "thanks_text": Words(
            QCoreApplication.translate("Settings", "Thanks text"),
            QCoreApplication.translate("Settings", "The comment the Thanks! button posts."),
        ),
        "server_time_zone": Words(
            QCoreApplication.translate("Settings", "Intranet time zone"),
            QCoreApplication.translate(
                "Settings", "Leave empty to let Startpunt work it out from the intranet's clock."
            ),
        ),
        "autostart": Words(
            QCoreApplication.translate("Settings", "Start at login"),
            QCoreApplication.translate(
                "Settings", "Start Startpunt when you log in to your computer."
            ),
        ),
        "language": Words(
            QCoreApplication.translate("Settings", "Language"),
            QCoreApplication.translate(
                "Settings", "The language of Startpunt's windows and alerts."
            ),
        ),
        "kudos_space": Words(
            QCoreApplication.translate("Settings", "Spotlight space"),
            QCoreApplication.translate(
                "Settings", "The space where you put a colleague in the spotlight (its name)."
            ),
        ),
        "leader_nudge": Words(
            QCoreApplication.translate("Settings", "Leader's weekly nudge"),
            QCoreApplication.translate(
                "Settings",
                "When leaders hear which team posts still wait for a reaction (e.g. mon 09:30).",
            ),
        ),
        "jouw_week": Words(
            QCoreApplication.translate("Settings", "Your week"),
            QCoreApplication.translate(
                "Settings",
                "On Friday afternoon, a private summary of the appreciation you received.",
            ),
        ),
        "jouw_week_day": Words(
            QCoreApplication.translate("Settings", "Your week on"),
            QCoreApplication.translate(
                "Settings",
                "The day of your weekly summary (if you don't work then: your last working day).",
            ),
        ),
        "jouw_week_time": Words(
            QCoreApplication.translate("Settings", "Your week at"),
            QCoreApplication.translate(
                "Settings",
                "The time of your weekly summary, such as 15:00 (within your working hours).",
            ),
        ),
        "profile_nudge": Words(
            QCoreApplication.translate("Settings", "Profile reminder"),
            QCoreApplication.translate(
                "Settings",
                "At most once a month, a reminder when your intranet profile lacks a picture "
                "or your function.",
            ),
        ),
        "weekly_tip": Words(
            QCoreApplication.translate("Settings", "Tip of the week"),
            QCoreApplication.translate(
                "Settings", "Once a week, a short tip about the intranet and Startpunt."
            ),
        ),
    }


def alert_kind_words() -> dict[str, str]:
    """A checkbox label per `AlertKinds` switch."""
    return {
        "like": QCoreApplication.translate("Settings", "Likes"),
        "mention": QCoreApplication.translate("Settings", "Mentions of you"),
        "comment": QCoreApplication.translate("Settings", "Comments"),
        "poll": QCoreApplication.translate("Settings", "Polls"),
        "custom": QCoreApplication.translate("Settings", "Messages from intranet modules"),
        "leader_post": QCoreApplication.translate("Settings", "Posts by leadership"),
        "content_created": QCoreApplication.translate("Settings", "Other new posts in your spaces"),
        "follow": QCoreApplication.translate("Settings", "New followers"),
        "space_membership": QCoreApplication.translate("Settings", "Space memberships"),
        "other": QCoreApplication.translate("Settings", "Everything else"),
    }


def weekday_names() -> list[str]:
    """Monday first, as `WorkingPeriod.weekday` counts (0 = Monday)."""
    return [
        QCoreApplication.translate("Settings", "Monday"),
        QCoreApplication.translate("Settings", "Tuesday"),
        QCoreApplication.translate("Settings", "Wednesday"),
        QCoreApplication.translate("Settings", "Thursday"),
        QCoreApplication.translate("Settings", "Friday"),
        QCoreApplication.translate("Settings", "Saturday"),
        QCoreApplication.translate("Settings", "Sunday"),
    ]


def problem_words() -> dict[str, str]:
    """What to tell the user next to a field whose value was refused."""
    return {
        "poll_interval": QCoreApplication.translate(
            "Settings", "Choose between 10 and 3600 seconds."
        ),
        "working_hours": QCoreApplication.translate(
            "Settings", "A working day needs an end time different from its start."
        ),
        "leaders": QCoreApplication.translate("Settings", "At most 200 names, one per line."),
        "guidelines_url": QCoreApplication.translate(
            "Settings", "Use an address that starts with https://, or leave it empty."
        ),
        "thanks_text": QCoreApplication.translate(
            "Settings", "Keep the thanks text under 500 characters."
        ),
        "server_time_zone": QCoreApplication.translate(
            "Settings",
            "Not a time zone Startpunt knows. Use a name like Europe/Amsterdam, or leave it empty.",
        ),
        "language": QCoreApplication.translate("Settings", "Choose a language from the list."),
        "alert_kinds": QCoreApplication.translate(
            "Settings", "These alert choices could not be read."
        ),
        "autostart": QCoreApplication.translate("Settings", "This choice could not be read."),
        "intranet_url": QCoreApplication.translate(
            "Settings", "Use an address that starts with https://."
        ),
        "kudos_space": QCoreApplication.translate(
            "Settings", "Use the space's name as the intranet shows it (at most 100 characters)."
        ),
        "leader_nudge": QCoreApplication.translate(
            "Settings", "Use a day and a time, like mon 09:30, or leave it empty for no nudge."
        ),
        "jouw_week": QCoreApplication.translate("Settings", "This choice could not be read."),
        "jouw_week_day": QCoreApplication.translate("Settings", "Choose a day from the list."),
        "jouw_week_time": QCoreApplication.translate(
            "Settings", "Write a time like 15:00 (hours 0 to 23, then minutes)."
        ),
        "profile_nudge": QCoreApplication.translate("Settings", "This choice could not be read."),
        "weekly_tip": QCoreApplication.translate("Settings", "This choice could not be read."),
    }
