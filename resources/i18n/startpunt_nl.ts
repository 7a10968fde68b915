<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AddressPage</name>
    <message>
        <source>Your intranet</source>
        <translation>Je intranet</translation>
    </message>
    <message>
        <source>Startpunt brings your intranet&apos;s news to this computer. Where is it?</source>
        <translation>Startpunt brengt het nieuws van je intranet naar deze computer. Waar staat het?</translation>
    </message>
    <message>
        <source>Intranet address</source>
        <translation>Adres van het intranet</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Ingesteld door je organisatie</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>Wat er gecontroleerd is</translation>
    </message>
    <message>
        <source>No intranet at hand? See how it works:</source>
        <translation>Geen intranet bij de hand? Kijk hoe het werkt:</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probeer de demo</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbinding controleren…</translation>
    </message>
    <message>
        <source>Found your intranet.</source>
        <translation>Je intranet is gevonden.</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Thanks!</source>
        <translation>Bedankt!</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alles gelezen</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Opnieuw aanmelden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>New likes on your post</source>
        <translation>Nieuwe vind-ik-leuks op je bericht</translation>
    </message>
    <message>
        <source>New comments on your post</source>
        <translation>Nieuwe reacties op je bericht</translation>
    </message>
    <message>
        <source>From leadership: %1</source>
        <translation>Van de leiding: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) like your post “%2”.</source>
        <translation>
            <numerusform>%1 en %n ander vinden je bericht “%2” leuk.</numerusform>
            <numerusform>%1 en %n anderen vinden je bericht “%2” leuk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) like your post.</source>
        <translation>
            <numerusform>%1 en %n ander vinden je bericht leuk.</numerusform>
            <numerusform>%1 en %n anderen vinden je bericht leuk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) commented on your post “%2”.</source>
        <translation>
            <numerusform>%1 en %n ander hebben gereageerd op je bericht “%2”.</numerusform>
            <numerusform>%1 en %n anderen hebben gereageerd op je bericht “%2”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other(s) commented on your post.</source>
        <translation>
            <numerusform>%1 en %n ander hebben gereageerd op je bericht.</numerusform>
            <numerusform>%1 en %n anderen hebben gereageerd op je bericht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>While alerts were paused, %n notification(s) arrived.</source>
        <translation>
            <numerusform>Tijdens de pauze kwam er %n melding binnen.</numerusform>
            <numerusform>Tijdens de pauze kwamen er %n meldingen binnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more new notification(s).</source>
        <translation>
            <numerusform>Nog %n nieuwe melding.</numerusform>
            <numerusform>Nog %n nieuwe meldingen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have more than %n new notifications.</source>
        <translation>
            <numerusform>Je hebt meer dan %n nieuwe meldingen.</numerusform>
            <numerusform>Je hebt meer dan %n nieuwe meldingen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n new notification(s).</source>
        <translation>
            <numerusform>Je hebt %n nieuwe melding.</numerusform>
            <numerusform>Je hebt %n nieuwe meldingen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Startpunt</source>
        <translation>Startpunt</translation>
    </message>
    <message>
        <source>Startpunt&apos;s local data was damaged and has been reset. Nothing on the intranet was affected; you may see some notifications again.</source>
        <translation>De gegevens van Startpunt op deze computer waren beschadigd en zijn opnieuw begonnen. Op het intranet is niets veranderd; misschien zie je sommige meldingen nog een keer.</translation>
    </message>
    <message>
        <source>Startpunt&apos;s local data file was deleted or replaced while Startpunt ran. It has been written back: your waiting posts and drafts are kept.</source>
        <translation>Het gegevensbestand van Startpunt is gewist of vervangen terwijl Startpunt draaide. Het is teruggezet: je wachtende berichten en concepten zijn bewaard.</translation>
    </message>
    <message>
        <source>Startpunt can&apos;t save its local data right now (is the disk full?). Posts can&apos;t wait offline and notifications may repeat until this is solved.</source>
        <translation>Startpunt kan nu niets opslaan op deze computer (is de schijf vol?). Berichten kunnen niet wachten tot je weer online bent en meldingen kunnen dubbel komen tot dit is opgelost.</translation>
    </message>
    <message>
        <source>Your organisation&apos;s settings file for Startpunt could not be read, so Startpunt uses your own settings. Please tell your IT department.</source>
        <translation>Het instellingenbestand van je organisatie voor Startpunt kon niet worden gelezen, dus gebruikt Startpunt je eigen instellingen. Meld dit bij je IT-afdeling.</translation>
    </message>
    <message>
        <source>Startpunt is not signed in</source>
        <translation>Startpunt is niet aangemeld</translation>
    </message>
    <message>
        <source>No notifications arrive until you sign in again: choose Sign in again (or run startpunt login in a terminal). Posts waiting to be sent are kept.</source>
        <translation>Er komen geen meldingen binnen tot je opnieuw aanmeldt: kies Opnieuw aanmelden (of voer startpunt login uit in een terminal). Berichten die nog verstuurd moeten worden, blijven bewaard.</translation>
    </message>
    <message>
        <source>You already said thanks for this.</source>
        <translation>Je hebt hiervoor al bedankt.</translation>
    </message>
    <message>
        <source>Thanks isn&apos;t possible for this notification on this intranet.</source>
        <translation>Bedanken kan niet bij deze melding op dit intranet.</translation>
    </message>
    <message>
        <source>Couldn&apos;t say thanks: the post was not found among your recent posts.</source>
        <translation>Bedanken lukte niet: het bericht staat niet tussen je recente berichten.</translation>
    </message>
    <message>
        <source>Couldn&apos;t say thanks: the intranet can&apos;t be reached. Try again later.</source>
        <translation>Bedanken lukte niet: het intranet is niet bereikbaar. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>Your thanks may not have arrived. Check the post on the intranet.</source>
        <translation>Je bedankje is misschien niet aangekomen. Kijk bij het bericht op het intranet.</translation>
    </message>
    <message>
        <source>Couldn&apos;t say thanks: the intranet refused.</source>
        <translation>Bedanken lukte niet: het intranet weigerde.</translation>
    </message>
    <message>
        <source>You said thanks.</source>
        <translation>Je hebt bedankt.</translation>
    </message>
    <message>
        <source>Couldn&apos;t mark everything as read: the intranet can&apos;t be reached.</source>
        <translation>Alles als gelezen markeren lukte niet: het intranet is niet bereikbaar.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Thank you!</source>
        <translation>Bedankt!</translation>
    </message>
</context>
<context>
    <name>ChoicesPage</name>
    <message>
        <source>Your choices</source>
        <translation>Je keuzes</translation>
    </message>
    <message>
        <source>You can change these later in Startpunt&apos;s settings.</source>
        <translation>Je kunt dit later wijzigen in de instellingen van Startpunt.</translation>
    </message>
    <message>
        <source>Alert me about</source>
        <translation>Laat het me weten bij</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Werktijden</translation>
    </message>
    <message>
        <source>Alert me only during working hours</source>
        <translation>Alleen meldingen tijdens mijn werktijden</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Tot</translation>
    </message>
    <message>
        <source>Start Startpunt when I log in</source>
        <translation>Startpunt starten als ik me aanmeld op de computer</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Vind-ik-leuks</translation>
    </message>
    <message>
        <source>Mentions of me</source>
        <translation>Vermeldingen van mij</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Reacties</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Peilingen</translation>
    </message>
    <message>
        <source>Messages from my intranet&apos;s apps</source>
        <translation>Berichten van de apps van mijn intranet</translation>
    </message>
    <message>
        <source>Posts by leadership</source>
        <translation>Berichten van de leiding</translation>
    </message>
    <message>
        <source>Other new posts in my spaces</source>
        <translation>Andere nieuwe berichten in mijn spaces</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>Nieuwe volgers</translation>
    </message>
    <message>
        <source>Space memberships</source>
        <translation>Lidmaatschappen van spaces</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>Al het andere</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>ma</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>wo</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>za</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>zo</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Ingesteld door je organisatie</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <source>Is this you?</source>
        <translation>Ben jij dit?</translation>
    </message>
    <message>
        <source>Your intranet says you are signed in as:</source>
        <translation>Volgens je intranet ben je aangemeld als:</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>Profielfoto</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Not you? Go back and sign in with your own account.</source>
        <translation>Ben jij het niet? Ga terug en meld je aan met je eigen account.</translation>
    </message>
</context>
<context>
    <name>ConnectionReport</name>
    <message>
        <source>Connection check - Startpunt</source>
        <translation>Verbindingscontrole - Startpunt</translation>
    </message>
    <message>
        <source>Every check passed: Startpunt can reach the intranet.</source>
        <translation>Alles in orde: Startpunt kan het intranet bereiken.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>gelukt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>mislukt</translation>
    </message>
</context>
<context>
    <name>ConnectionWords</name>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Name lookup (DNS)</source>
        <translation>Naam opzoeken (DNS)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbinding</translation>
    </message>
    <message>
        <source>Secure connection (certificate)</source>
        <translation>Beveiligde verbinding (certificaat)</translation>
    </message>
    <message>
        <source>HumHub API</source>
        <translation>HumHub-API</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>The intranet address is not valid.</source>
        <translation>Het adres van het intranet is niet geldig.</translation>
    </message>
    <message>
        <source>The intranet&apos;s name can&apos;t be found. Check your network or VPN.</source>
        <translation>De naam van het intranet is niet te vinden. Controleer je netwerk of VPN.</translation>
    </message>
    <message>
        <source>The intranet doesn&apos;t answer. It may be down, or you may need the VPN.</source>
        <translation>Het intranet antwoordt niet. Misschien ligt het eruit, of heb je de VPN nodig.</translation>
    </message>
    <message>
        <source>This computer doesn&apos;t trust the intranet&apos;s certificate. Ask IT to check it.</source>
        <translation>Deze computer vertrouwt het certificaat van het intranet niet. Vraag IT om het na te kijken.</translation>
    </message>
    <message>
        <source>This address answers, but not as a HumHub intranet with its REST API.</source>
        <translation>Dit adres antwoordt, maar niet als een HumHub-intranet met REST-API.</translation>
    </message>
    <message>
        <source>The intranet refused Startpunt&apos;s token.</source>
        <translation>Het intranet weigert het token van Startpunt.</translation>
    </message>
    <message>
        <source>The connection check failed.</source>
        <translation>De verbindingscontrole is mislukt.</translation>
    </message>
    <message>
        <source>Startpunt is not signed in: the sign-in was refused, has expired or was removed. Choose Sign in… in Startpunt&apos;s menu (or run startpunt login in a terminal).</source>
        <translation>Startpunt is niet aangemeld: de aanmelding is geweigerd, verlopen of verwijderd. Kies Aanmelden… in het menu van Startpunt (of voer startpunt login uit in een terminal).</translation>
    </message>
</context>
<context>
    <name>LinkPromptDialog</name>
    <message>
        <source>Link not opened</source>
        <translation>Link niet geopend</translation>
    </message>
    <message>
        <source>This link leads to another website. Startpunt only opens links to your intranet.</source>
        <translation>Deze link gaat naar een andere website. Startpunt opent alleen links naar je intranet.</translation>
    </message>
    <message>
        <source>This is not a web address on your intranet, so Startpunt won&apos;t open it.</source>
        <translation>Dit is geen webadres op je intranet, dus Startpunt opent het niet.</translation>
    </message>
    <message>
        <source>It really goes to:</source>
        <translation>Hij gaat in werkelijkheid naar:</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Linkadres</translation>
    </message>
    <message>
        <source>Copy the link only if you trust where it goes.</source>
        <translation>Kopieer de link alleen als je vertrouwt waar hij naartoe gaat.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Link kopiëren</translation>
    </message>
    <message>
        <source>Copy the link address</source>
        <translation>Het linkadres kopiëren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
</context>
<context>
    <name>MentionTextEdit</name>
    <message>
        <source>People to mention</source>
        <translation>Personen om te noemen</translation>
    </message>
</context>
<context>
    <name>NotificationDelegate</name>
    <message>
        <source>Thanked</source>
        <translation>Bedankt ✓</translation>
    </message>
    <message>
        <source>Thanks!</source>
        <translation>Bedankt!</translation>
    </message>
</context>
<context>
    <name>NotificationHeader</name>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alles gelezen</translation>
    </message>
    <message>
        <source>Mark all notifications as read</source>
        <translation>Alle meldingen als gelezen markeren</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Vind-ik-leuks</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Reacties</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Vermeldingen</translation>
    </message>
    <message>
        <source>Polls</source>
        <translation>Peilingen</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overige</translation>
    </message>
    <message>
        <source>Show notifications of kind</source>
        <translation>Soort meldingen tonen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Toon:</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n ongelezen</numerusform>
            <numerusform>%n ongelezen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationList</name>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Say thanks</source>
        <translation>Bedanken</translation>
    </message>
</context>
<context>
    <name>NotificationListModel</name>
    <message>
        <source>Intranet</source>
        <translation>Intranet</translation>
    </message>
    <message>
        <source>Unread: %1: %2 (%3)</source>
        <translation>Ongelezen: %1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>NotificationPanel</name>
    <message>
        <source>Notifications - Startpunt</source>
        <translation>Meldingen - Startpunt</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Use the arrow keys to move, Enter to open, Ctrl+T to say thanks.</source>
        <translation>Gebruik de pijltjestoetsen om te bewegen, Enter om te openen en Ctrl+T om te bedanken.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No notifications of this kind.</source>
        <translation>Geen meldingen van deze soort.</translation>
    </message>
    <message>
        <source>Not connected to the intranet, so nothing to show yet.</source>
        <translation>Geen verbinding met het intranet, dus nog niets te zien.</translation>
    </message>
    <message>
        <source>Nothing new. Enjoy your day!</source>
        <translation>Niets nieuws. Geniet van je dag!</translation>
    </message>
</context>
<context>
    <name>Onboarding</name>
    <message>
        <source>Fill in your intranet&apos;s address first.</source>
        <translation>Vul eerst het adres van je intranet in.</translation>
    </message>
    <message>
        <source>Startpunt connects to an intranet only over https:// (http:// only on this computer). Use the https:// address of your intranet.</source>
        <translation>Startpunt maakt alleen via https:// verbinding met een intranet (http:// alleen op deze computer). Gebruik het https://-adres van je intranet.</translation>
    </message>
    <message>
        <source>This is not an intranet address. Type it like https://intranet.example.org.</source>
        <translation>Dit is geen adres van een intranet. Typ het zoals https://intranet.voorbeeld.nl.</translation>
    </message>
    <message>
        <source>The intranet refused this token. Check that you copied all of it, or make a new one.</source>
        <translation>Het intranet weigert dit token. Kijk of je het helemaal hebt gekopieerd, of maak een nieuw token.</translation>
    </message>
    <message>
        <source>This account may not use the intranet&apos;s REST API. Ask IT to allow it in the REST API module&apos;s settings.</source>
        <translation>Dit account mag de REST-API van het intranet niet gebruiken. Vraag IT om het toe te staan in de instellingen van de REST-API-module.</translation>
    </message>
    <message>
        <source>Wrong username or password, or too many attempts: wait a minute and try again.</source>
        <translation>Verkeerde gebruikersnaam of wachtwoord, of te veel pogingen: wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Password sign-in is switched off on this intranet. Paste a token instead.</source>
        <translation>Aanmelden met een wachtwoord staat uit op dit intranet. Plak in plaats daarvan een token.</translation>
    </message>
    <message>
        <source>Signing in did not work. Try again later.</source>
        <translation>Aanmelden lukte niet. Probeer het later opnieuw.</translation>
    </message>
    <message>
        <source>This computer has no keychain Startpunt can use, so you stay signed in only until Startpunt stops. Next time it asks you to sign in again.</source>
        <translation>Deze computer heeft geen sleutelhanger die Startpunt kan gebruiken, dus je blijft alleen aangemeld tot Startpunt stopt. De volgende keer vraagt Startpunt je opnieuw aan te melden.</translation>
    </message>
</context>
<context>
    <name>OnboardingWizard</name>
    <message>
        <source>Welcome to Startpunt</source>
        <translation>Welkom bij Startpunt</translation>
    </message>
    <message>
        <source>Start Startpunt</source>
        <translation>Startpunt starten</translation>
    </message>
    <message>
        <source>Stop setting up?</source>
        <translation>Stoppen met instellen?</translation>
    </message>
    <message>
        <source>What you typed is not kept. Stop setting up Startpunt?</source>
        <translation>Wat je hebt getypt, wordt niet bewaard. Stoppen met het instellen van Startpunt?</translation>
    </message>
</context>
<context>
    <name>OutboxMenu</name>
    <message>
        <source>Waiting posts</source>
        <translation>Wachtende berichten</translation>
    </message>
    <message>
        <source>Waiting posts (%1)</source>
        <translation>Wachtende berichten (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) waiting to be sent</source>
        <translation>
            <numerusform>%n bericht is nog niet verstuurd</numerusform>
            <numerusform>%n berichten zijn nog niet verstuurd</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (needs your attention)</source>
        <translation>%1 (niet gelukt, kijk even)</translation>
    </message>
    <message>
        <source>%1 (sending)</source>
        <translation>%1 (wordt verstuurd)</translation>
    </message>
    <message>
        <source>%1 (waiting to be sent)</source>
        <translation>%1 (wacht op versturen)</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bewerken…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
</context>
<context>
    <name>PostingController</name>
    <message>
        <source>Your post is on the intranet, but the server left out these topics: %1. Only the space&apos;s admins can add new topics.</source>
        <translation>Je bericht staat op het intranet, maar de server heeft deze onderwerpen weggelaten: %1. Alleen de beheerders van de space kunnen nieuwe onderwerpen toevoegen.</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Geplaatst</translation>
    </message>
    <message>
        <source>Your post is on the intranet.</source>
        <translation>Je bericht staat op het intranet.</translation>
    </message>
</context>
<context>
    <name>QuickPostDialog</name>
    <message>
        <source>New post</source>
        <translation>Nieuw bericht</translation>
    </message>
    <message>
        <source>Share a success, thank a colleague, ask a question or tell what your team is working on. Type @ to mention someone.</source>
        <translation>Deel een succes, bedank een collega, stel een vraag of vertel waar je team mee bezig is. Typ @ om iemand te noemen.</translation>
    </message>
    <message>
        <source>Posting guidelines</source>
        <translation>Spelregels</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Niet verplicht</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Your post</source>
        <translation>Je bericht</translation>
    </message>
    <message>
        <source>What would you like to share?</source>
        <translation>Wat wil je delen?</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Plaatsen</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter)</source>
        <translation>Plaatsen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Concept weggooien</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Post &amp;in:</source>
        <translation>Plaatsen &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>&amp;Onderwerp:</translation>
    </message>
    <message>
        <source>Loading topics…</source>
        <translation>Onderwerpen laden…</translation>
    </message>
    <message>
        <source>No topic</source>
        <translation>Geen onderwerp</translation>
    </message>
    <message>
        <source>No topics here yet</source>
        <translation>Hier zijn nog geen onderwerpen</translation>
    </message>
    <message>
        <source>Only the space&apos;s admins can add new topics.</source>
        <translation>Alleen de beheerders van de space kunnen nieuwe onderwerpen toevoegen.</translation>
    </message>
    <message>
        <source>Couldn&apos;t save — disk full. Your text is still here.</source>
        <translation>Opslaan lukt niet: de schijf is vol. Je tekst staat er nog.</translation>
    </message>
    <message>
        <source>Couldn&apos;t save your text. It is still here.</source>
        <translation>Opslaan lukt niet. Je tekst staat er nog.</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Schrijf eerst iets.</translation>
    </message>
    <message numerus="yes">
        <source>Your post is %n character(s) too long.</source>
        <translation>
            <numerusform>Je bericht is %n teken te lang.</numerusform>
            <numerusform>Je bericht is %n tekens te lang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose where to post.</source>
        <translation>Kies waar je je bericht wilt plaatsen.</translation>
    </message>
    <message>
        <source>Who do you mean by %1? Type it again and pick from the list.</source>
        <translation>Wie bedoel je met %1? Typ de naam opnieuw en kies uit de lijst.</translation>
    </message>
    <message>
        <source>%1: no colleague of that name is known yet.</source>
        <translation>%1: nog geen collega met die naam bekend.</translation>
    </message>
    <message>
        <source>Press Post again to send these names as plain text.</source>
        <translation>Klik nogmaals op Plaatsen om deze namen als gewone tekst te versturen.</translation>
    </message>
    <message numerus="yes">
        <source>Throw away this draft of %n character(s)? It can&apos;t be brought back.</source>
        <translation>
            <numerusform>Dit concept van %n teken weggooien? Het is niet terug te halen.</numerusform>
            <numerusform>Dit concept van %n tekens weggooien? Het is niet terug te halen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minuut geleden</numerusform>
            <numerusform>%n minuten geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>gisteren</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n dag geleden</numerusform>
            <numerusform>%n dagen geleden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Use the username and password of your intranet.</source>
        <translation>Gebruik de gebruikersnaam en het wachtwoord van je intranet.</translation>
    </message>
    <message>
        <source>Intranet address</source>
        <translation>Adres van het intranet</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Sign in with a token instead</source>
        <translation>In plaats daarvan aanmelden met een token</translation>
    </message>
    <message>
        <source>A token comes from your intranet&apos;s REST API settings (ask IT if you have none). Startpunt keeps it in this computer&apos;s keychain, never in a file.</source>
        <translation>Een token komt uit de REST-API-instellingen van je intranet (vraag IT als je er geen hebt). Startpunt bewaart het in de sleutelhanger van deze computer, nooit in een bestand.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Intranet: {address}</source>
        <translation>Intranet: {address}</translation>
    </message>
    <message>
        <source>Paste your token first.</source>
        <translation>Plak eerst je token.</translation>
    </message>
    <message>
        <source>Fill in your username and password first.</source>
        <translation>Vul eerst je gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Aanmelden…</translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <source>Post in</source>
        <translation>Plaatsen in</translation>
    </message>
    <message>
        <source>%1 (my profile)</source>
        <translation>%1 (mijn profiel)</translation>
    </message>
    <message>
        <source>My profile</source>
        <translation>Mijn profiel</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>New post…</source>
        <translation>Nieuw bericht…</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Alles gelezen</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Nu proberen</translation>
    </message>
    <message>
        <source>Check the connection…</source>
        <translation>Verbinding controleren…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>Change intranet…</source>
        <translation>Ander intranet…</translation>
    </message>
    <message>
        <source>Open intranet</source>
        <translation>Intranet openen</translation>
    </message>
    <message>
        <source>Pause alerts</source>
        <translation>Meldingen pauzeren</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>1 uur</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Tot morgen</translation>
    </message>
    <message>
        <source>Resume alerts</source>
        <translation>Meldingen hervatten</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Logmap openen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <source>Sign in again to receive notifications</source>
        <translation>Meld je opnieuw aan om meldingen te ontvangen</translation>
    </message>
    <message>
        <source>Can&apos;t reach the intranet.</source>
        <translation>Het intranet is niet bereikbaar.</translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation>Volgende poging om %1.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Alerts paused until %1</source>
        <translation>Meldingen gepauzeerd tot %1</translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation>Meldingen (%1)</translation>
    </message>
    <message>
        <source>Startpunt: %1</source>
        <translation>Startpunt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n nieuwe melding</numerusform>
            <numerusform>%n nieuwe meldingen</numerusform>
        </translation>
    </message>
</context>
</TS>
