<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Alerts</name>
    <message numerus="yes">
        <source>%1 and %n other(s) like your post “%2”.</source>
        <translation>
            <numerusform>%1 and %n other like your post “%2”.</numerusform>
            <numerusform>%1 and %n others like your post “%2”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) like your post.</source>
        <translation>
            <numerusform>%1 and %n other like your post.</numerusform>
            <numerusform>%1 and %n others like your post.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) commented on your post “%2”.</source>
        <translation>
            <numerusform>%1 and %n other commented on your post “%2”.</numerusform>
            <numerusform>%1 and %n others commented on your post “%2”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) commented on your post.</source>
        <translation>
            <numerusform>%1 and %n other commented on your post.</numerusform>
            <numerusform>%1 and %n others commented on your post.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While alerts were paused, %n notification(s) arrived.</source>
        <translation>
            <numerusform>While alerts were paused, %n notification arrived.</numerusform>
            <numerusform>While alerts were paused, %n notifications arrived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more new notification(s).</source>
        <translation>
            <numerusform>%n more new notification.</numerusform>
            <numerusform>%n more new notifications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have more than %n new notifications.</source>
        <translation>
            <numerusform>You have more than %n new notification.</numerusform>
            <numerusform>You have more than %n new notifications.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n new notification(s).</source>
        <translation>
            <numerusform>You have %n new notification.</numerusform>
            <numerusform>You have %n new notifications.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommunityWords</name>
    <message numerus="yes">
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n like</numerusform>
            <numerusform>%n likes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>thanked %n time(s)</source>
        <translation>
            <numerusform>thanked %n time</numerusform>
            <numerusform>thanked %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaderNudgeWindow</name>
    <message numerus="yes">
        <source>%n post(s) of your team this week still wait for a first reaction.</source>
        <translation>
            <numerusform>%n post of your team this week still waits for a first reaction.</numerusform>
            <numerusform>%n posts of your team this week still wait for a first reaction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaderWords</name>
    <message numerus="yes">
        <source>%n post(s) of your team wait for a first reaction.</source>
        <translation>
            <numerusform>%n post of your team waits for a first reaction.</numerusform>
            <numerusform>%n posts of your team wait for a first reaction.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationHeader</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxMenu</name>
    <message numerus="yes">
        <source>%n post(s) waiting to be sent</source>
        <translation>
            <numerusform>%n post waiting to be sent</numerusform>
            <numerusform>%n posts waiting to be sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PanelPolls</name>
    <message numerus="yes">
        <source>%n open poll(s)</source>
        <translation>
            <numerusform>%n open poll</numerusform>
            <numerusform>%n open polls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollReminderText</name>
    <message numerus="yes">
        <source>Closes in %n minute(s). You have not voted yet: %1</source>
        <translation>
            <numerusform>Closes in %n minute. You have not voted yet: %1</numerusform>
            <numerusform>Closes in %n minutes. You have not voted yet: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closes in %n hour(s). You have not voted yet: %1</source>
        <translation>
            <numerusform>Closes in %n hour. You have not voted yet: %1</numerusform>
            <numerusform>Closes in %n hours. You have not voted yet: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closes in %n day(s). You have not voted yet: %1</source>
        <translation>
            <numerusform>Closes in %n day. You have not voted yet: %1</numerusform>
            <numerusform>Closes in %n days. You have not voted yet: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickPostDialog</name>
    <message numerus="yes">
        <source>Your post is %n character(s) too long.</source>
        <translation>
            <numerusform>Your post is %n character too long.</numerusform>
            <numerusform>Your post is %n characters too long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Throw away this draft of %n character(s)? It can&apos;t be brought back.</source>
        <translation>
            <numerusform>Throw away this draft of %n character? It can&apos;t be brought back.</numerusform>
            <numerusform>Throw away this draft of %n characters? It can&apos;t be brought back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message numerus="yes">
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekWindow</name>
    <message numerus="yes">
        <source>%n like(s)</source>
        <translation>
            <numerusform>%n like</numerusform>
            <numerusform>%n likes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s)</source>
        <translation>
            <numerusform>%n comment</numerusform>
            <numerusform>%n comments</numerusform>
        </translation>
    </message>
</context>
</TS>
