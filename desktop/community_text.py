"""The community alerts' words: "Jouw week", the profile nudge and the built-in tips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from desktop.alert_text import fill
from services.models import Alert, AlertAction
from services.profile_check import Missing
from services.week_model import WeekSummary

WEEK_URL = "startpunt:jouw-week"  # opens the "Jouw week" window, never the browser


class CommunityWords(QObject):
    """The "Community" translation context (a QObject so lupdate records the plurals)."""

    def week_body(self, week: WeekSummary) -> str:
        if week.empty:
            return self.tr("A quiet week on the intranet. Have a good weekend!")
        parts = [
            self.tr("%n like(s)", "", week.likes) if week.likes else "",
            self.tr("%n comment(s)", "", week.comments) if week.comments else "",
            self.tr("thanked %n time(s)", "", week.thanks) if week.thanks else "",
        ]
        said = ", ".join(part for part in parts if part)  # a zero is left out
        return said or self.tr("See what you did on the intranet this week.")

    def nudge_body(self, missing: tuple[Missing, ...]) -> str:
        names = {
            Missing.PICTURE: self.tr("a picture"),
            Missing.FUNCTION: self.tr("your function"),
            Missing.ABOUT: self.tr("a few words about you"),
        }
        listed = [names[m] for m in missing]
        joined = (
            listed[0]
            if len(listed) == 1
            else fill(self.tr("%1 and %2"), ", ".join(listed[:-1]), listed[-1])
        )
        return fill(
            self.tr("Colleagues find and recognise you more easily with %1 on your profile. "
                    "It takes two minutes."),
            joined,
        )  # fmt: skip

    def tips(self) -> tuple[str, ...]:
        """The built-in tips of the week, in order."""
        return (
            self.tr(
                "Like a post to let a colleague know you read it: it takes one click and it "
                "makes their day."
            ),
            self.tr("Type @ and a name in a post to mention a colleague: they get a notification."),
            self.tr(
                "Press Thanks! on an alert to thank a colleague for a like or a comment, "
                "without opening the intranet."
            ),
            self.tr(
                "Write a new post from the tray menu: Startpunt keeps it safe until it is "
                "sent, even without a connection."
            ),
            self.tr("Follow the spaces of your team and your projects so their news reaches you."),
            self.tr(
                "Set your working hours in Startpunt's settings: alerts wait until your day starts."
            ),
            self.tr(
                "Ask a question in a space instead of an e-mail: the answer helps "
                "everyone who wonders the same."
            ),
            self.tr("Add a topic to a post so colleagues can find it again later."),
            self.tr(
                "Put a colleague in the spotlight: a short post about good work is read "
                "and liked by many."
            ),
            self.tr(
                "A picture on your profile helps colleagues recognise you in every post "
                "and comment."
            ),
        )


def week_alert(week: WeekSummary) -> Alert:
    """ "Jouw week: 12 likes, 3 reacties, 2 keer bedankt"; Open shows the window."""
    return Alert(
        key="jouw-week",
        title=QCoreApplication.translate("Community", "Your week"),
        body=CommunityWords().week_body(week),
        url=WEEK_URL,
        actions=(AlertAction.OPEN, AlertAction.DISMISS),
    )


def nudge_alert(missing: tuple[Missing, ...], url: str) -> Alert:
    """The friendly monthly reminder; Open goes to the intranet's profile editor."""
    return Alert(
        key="profile-nudge",
        title=QCoreApplication.translate("Community", "Complete your profile"),
        body=CommunityWords().nudge_body(missing),
        url=url,
        actions=(AlertAction.OPEN, AlertAction.DISMISS),
    )


def tip_alert(text: str, url: str) -> Alert:
    """A tip of the week: built in (no link) or the newest post in the tips space."""
    return Alert(
        key="tip-of-the-week",
        title=QCoreApplication.translate("Community", "Tip of the week"),
        body=text,
        url=url,
        actions=(AlertAction.OPEN, AlertAction.DISMISS) if url else (AlertAction.DISMISS,),
    )
