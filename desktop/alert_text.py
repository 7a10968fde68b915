"""Turn the alert policy's plans into OS alerts: translated titles and bodies, buttons, links.

Services decide *what* to alert (services.alert_policy); this module decides how it reads in
the user's language. Server text arrives as plain text and stays plain text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject

from services.models import (
    Alert,
    AlertAction,
    AlertPlan,
    AlertPlanKind,
    Notification,
    NotificationKind,
    SummaryReason,
)

PANEL_URL = ""  # an alert whose url is empty opens the notification panel
_PLACEHOLDER = re.compile(r"%([12])")


def render_plan(
    plan: AlertPlan,
    *,
    entry_url: Callable[[int], str],
    thankable: Callable[[Notification], bool],
    spotlight: Callable[[Notification], bool] = lambda _n: False,
) -> Alert:
    """The alert to show for `plan`; a mention in the kudos space (`spotlight`) reads as one."""
    if plan.kind is AlertPlanKind.SUMMARY or plan.notification is None:
        return _summary(plan)
    n = plan.notification
    actions = [AlertAction.OPEN]
    if thankable(n):
        actions.append(AlertAction.THANK)
    if n.kind is NotificationKind.POLL:
        actions.append(AlertAction.VOTE)  # the poll controller finds the poll by its question
    actions.append(AlertAction.DISMISS)
    title = _title(plan, n)
    if n.kind is NotificationKind.MENTION and plan.kind is AlertPlanKind.SINGLE and spotlight(n):
        name = plan.first_actor or (n.originator.display_name if n.originator else "")
        title = QCoreApplication.translate("Alerts", "%1 put you in the spotlight!").replace(
            "%1", name
        )
    return Alert(
        key=plan.key,
        title=title,
        body=_body(plan, n),
        url=entry_url(n.id),
        actions=tuple(actions),
        notification_id=n.id,
    )


def _title(plan: AlertPlan, n: Notification) -> str:
    if plan.kind is AlertPlanKind.GROUP and plan.others > 0:
        # The body names the newest colleague and counts everyone else in the group; the title
        # says what the alert collects, so an update in place reads naturally.
        if n.kind is NotificationKind.LIKE:
            return QCoreApplication.translate("Alerts", "New likes on your post")
        return QCoreApplication.translate("Alerts", "New comments on your post")
    name = plan.first_actor or (n.originator.display_name if n.originator else "Startpunt")
    if plan.leader and n.kind is NotificationKind.CONTENT_CREATED:  # not a leader's like
        return QCoreApplication.translate("Alerts", "From leadership: %1").replace("%1", name)
    return name


def _body(plan: AlertPlan, n: Notification) -> str:
    if plan.kind is AlertPlanKind.GROUP and plan.others > 0 and not plan.server_counted:
        # One notification per reaction: the newest text names one colleague even when
        # hundreds reacted. (A notification the server regrouped counts everyone itself:
        # "Jan en 3 anderen vinden …".)
        return Alerts().group(plan, n.kind)
    return n.text


def fill(template: str, first: str, second: str = "") -> str:
    """Put `first` and `second` in for %1 and %2 in one pass (a name may contain "%2")."""
    return _PLACEHOLDER.sub(lambda m: first if m.group(1) == "1" else second, template)


class Alerts(QObject):
    """The "Alerts" translation context for plural strings.

    PySide6's lupdate records plural forms only for `self.tr` in a QObject subclass, not for
    `QCoreApplication.translate(..., n)`; the other alert strings use the same context.
    """

    def group(self, plan: AlertPlan, kind: NotificationKind) -> str:
        """ "Jan and 299 others like your post “Kerstborrel”.": everyone in the group counts."""
        others, title = plan.others, plan.title
        if kind is NotificationKind.LIKE and title:
            template = self.tr("%1 and %n other(s) like your post “%2”.", "", others)
        elif kind is NotificationKind.LIKE:
            template = self.tr("%1 and %n other(s) like your post.", "", others)
        elif title:
            template = self.tr("%1 and %n other(s) commented on your post “%2”.", "", others)
        else:
            template = self.tr("%1 and %n other(s) commented on your post.", "", others)
        return fill(template, plan.first_actor, title)

    def summary(self, plan: AlertPlan) -> str:
        if plan.reason is SummaryReason.QUIET_ENDED:
            return self.tr("While alerts were paused, %n notification(s) arrived.", "", plan.count)
        if plan.reason is SummaryReason.RATE_LIMIT:
            return self.tr("%n more new notification(s).", "", plan.count)
        if plan.more:
            return self.tr("You have more than %n new notifications.", "", plan.count)
        return self.tr("You have %n new notification(s).", "", plan.count)


def _summary(plan: AlertPlan) -> Alert:
    body = Alerts().summary(plan)
    return Alert(
        key=plan.key,
        title=QCoreApplication.translate("Alerts", "Startpunt"),
        body=body,
        url=PANEL_URL,
        actions=(AlertAction.OPEN, AlertAction.MARK_ALL_READ, AlertAction.DISMISS),
    )


def store_problem_alert(problem: str) -> Alert:
    """Tell the user that local data was reset ("corrupt"), written back after it was deleted
    under the running app ("restored"), or is unusable this session."""
    if problem == "corrupt":
        body = QCoreApplication.translate(
            "Alerts",
            "Startpunt's local data was damaged and has been reset. Nothing on the intranet "
            "was affected; you may see some notifications again.",
        )
    elif problem == "restored":
        body = QCoreApplication.translate(
            "Alerts",
            "Startpunt's local data file was deleted or replaced while Startpunt ran. It has "
            "been written back: your waiting posts and drafts are kept.",
        )
    else:
        body = QCoreApplication.translate(
            "Alerts",
            "Startpunt can't save its local data right now (is the disk full?). Posts can't "
            "wait offline and notifications may repeat until this is solved.",
        )
    return Alert(
        key=f"store:{problem}",
        title=QCoreApplication.translate("Alerts", "Startpunt"),
        body=body,
        url=PANEL_URL,
        actions=(AlertAction.DISMISS,),
    )


def policy_problem_alert() -> Alert:
    """IT's policy file could not be used (the log says why): shown once per start."""
    return Alert(
        key="policy",
        title=QCoreApplication.translate("Alerts", "Startpunt"),
        body=QCoreApplication.translate(
            "Alerts",
            "Your organisation's settings file for Startpunt could not be read, so Startpunt "
            "uses your own settings. Please tell your IT department.",
        ),
        url=PANEL_URL,
        actions=(AlertAction.DISMISS,),
    )


def auth_alert() -> Alert:
    """No usable token (a 401, expired, signed out): say what to do; once per episode."""
    return Alert(
        key="auth",
        title=QCoreApplication.translate("Alerts", "Startpunt is not signed in"),
        body=QCoreApplication.translate(
            "Alerts",
            "No notifications arrive until you sign in again: choose Sign in again (or run "
            "startpunt login in a terminal). Posts waiting to be sent are kept.",
        ),
        url=PANEL_URL,
        actions=(AlertAction.SIGN_IN, AlertAction.DISMISS),
    )


def thanks_alert(notification_id: int, reason: str) -> Alert:
    """Why a Thanks! the user clicked did not (or may not) go out."""
    bodies = {
        "already": QCoreApplication.translate("Alerts", "You already said thanks for this."),
        "impossible": QCoreApplication.translate(
            "Alerts", "Thanks isn't possible for this notification on this intranet."
        ),
        "not_found": QCoreApplication.translate(
            "Alerts", "Couldn't say thanks: the post was not found among your recent posts."
        ),
        "offline": QCoreApplication.translate(
            "Alerts", "Couldn't say thanks: the intranet can't be reached. Try again later."
        ),
        "maybe": QCoreApplication.translate(
            "Alerts", "Your thanks may not have arrived. Check the post on the intranet."
        ),
    }
    body = bodies.get(
        reason, QCoreApplication.translate("Alerts", "Couldn't say thanks: the intranet refused.")
    )
    return Alert(
        key=f"thanks:{notification_id}",
        title=QCoreApplication.translate("Alerts", "Thanks!"),
        body=body,
        url=PANEL_URL,
        actions=(AlertAction.DISMISS,),
        notification_id=notification_id,
    )


def thanked_alert(alert: Alert) -> Alert:
    """`alert` after its Thanks! went out: updated in place, without the button."""
    done = QCoreApplication.translate("Alerts", "You said thanks.")
    actions = tuple(a for a in alert.actions if a is not AlertAction.THANK)
    return replace(alert, body=f"{alert.body}\n{done}", actions=actions)


def mark_all_read_failed_alert() -> Alert:
    """ "Mark all read" did not reach the intranet."""
    return Alert(
        key="mark-all-read",
        title=QCoreApplication.translate("Alerts", "Startpunt"),
        body=QCoreApplication.translate(
            "Alerts", "Couldn't mark everything as read: the intranet can't be reached."
        ),
        url=PANEL_URL,
        actions=(AlertAction.DISMISS,),
    )
