<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutWindow</name>
    <message>
        <source>About Startpunt</source>
        <translation>Over Startpunt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <source>Your intranet in the system tray: alerts, thanks and quick posts.</source>
        <translation>Je intranet in het systeemvak: meldingen, bedankjes en snelle berichten.</translation>
    </message>
    <message>
        <source>Licensed under the European Union Public Licence (%1).</source>
        <translation>Gelicentieerd onder de Europese openbare licentie van de Europese Unie (%1).</translation>
    </message>
    <message>
        <source>Startpunt ships with these parts:</source>
        <translation>Startpunt wordt geleverd met deze onderdelen:</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licentie</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>niet geïnstalleerd</translation>
    </message>
    <message>
        <source>Startpunt uses Qt %1 through PySide6 %2, under the GNU Lesser General Public License version 3 (LGPL-3.0). Qt is made by The Qt Company and its contributors. You may replace these Qt libraries with your own build of the same version; the Qt Project publishes their source code at qt.io.</source>
        <translation>Startpunt gebruikt Qt %1 via PySide6 %2, onder de GNU Lesser General Public License versie 3 (LGPL-3.0). Qt wordt gemaakt door The Qt Company en haar bijdragers. Je mag deze Qt-bibliotheken vervangen door een eigen build van dezelfde versie; het Qt Project publiceert de broncode op qt.io.</translation>
    </message>
    <message>
        <source>Source code: Qt %1 at %2, PySide6 %3 at %4, and each other part above at pypi.org under its name and version.</source>
        <translation>Broncode: Qt %1 op %2, PySide6 %3 op %4, en elk ander onderdeel hierboven op pypi.org onder zijn naam en versie.</translation>
    </message>
</context>
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
        <source>Vote</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>%1 put you in the spotlight!</source>
        <translation>%1 zet je in het zonnetje!</translation>
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
    <message>
        <source>Your team&apos;s week</source>
        <translation>Jouw team deze week</translation>
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
    <name>Community</name>
    <message>
        <source>Your week</source>
        <translation>Jouw week</translation>
    </message>
    <message>
        <source>Complete your profile</source>
        <translation>Maak je profiel compleet</translation>
    </message>
    <message>
        <source>Tip of the week</source>
        <translation>Tip van de week</translation>
    </message>
</context>
<context>
    <name>CommunityWords</name>
    <message>
        <source>A quiet week on the intranet. Have a good weekend!</source>
        <translation>Een rustige week op het intranet. Fijn weekend!</translation>
    </message>
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
            <numerusform>%n reactie</numerusform>
            <numerusform>%n reacties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>thanked %n time(s)</source>
        <translation>
            <numerusform>%n keer bedankt</numerusform>
            <numerusform>%n keer bedankt</numerusform>
        </translation>
    </message>
    <message>
        <source>See what you did on the intranet this week.</source>
        <translation>Bekijk wat je deze week deed op het intranet.</translation>
    </message>
    <message>
        <source>a picture</source>
        <translation>een foto</translation>
    </message>
    <message>
        <source>your function</source>
        <translation>je functie</translation>
    </message>
    <message>
        <source>a few words about you</source>
        <translation>een paar woorden over jezelf</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Colleagues find and recognise you more easily with %1 on your profile. It takes two minutes.</source>
        <translation>Collega&apos;s vinden en herkennen je makkelijker met %1 op je profiel. Het kost twee minuten.</translation>
    </message>
    <message>
        <source>Like a post to let a colleague know you read it: it takes one click and it makes their day.</source>
        <translation>Like een bericht, dan weet je collega dat je het gelezen hebt: één klik, en het maakt hun dag goed.</translation>
    </message>
    <message>
        <source>Type @ and a name in a post to mention a colleague: they get a notification.</source>
        <translation>Typ @ en een naam in een bericht om een collega te noemen: die krijgt dan een melding.</translation>
    </message>
    <message>
        <source>Press Thanks! on an alert to thank a colleague for a like or a comment, without opening the intranet.</source>
        <translation>Klik op Bedankt! in een melding om een collega te bedanken voor een like of reactie, zonder het intranet te openen.</translation>
    </message>
    <message>
        <source>Write a new post from the tray menu: Startpunt keeps it safe until it is sent, even without a connection.</source>
        <translation>Schrijf een nieuw bericht vanuit het menu in het systeemvak: Startpunt bewaart het tot het verstuurd is, ook zonder verbinding.</translation>
    </message>
    <message>
        <source>Follow the spaces of your team and your projects so their news reaches you.</source>
        <translation>Volg de ruimtes van je team en je projecten, dan komt hun nieuws bij je.</translation>
    </message>
    <message>
        <source>Set your working hours in Startpunt&apos;s settings: alerts wait until your day starts.</source>
        <translation>Stel je werktijden in bij de instellingen van Startpunt: meldingen wachten tot je dag begint.</translation>
    </message>
    <message>
        <source>Ask a question in a space instead of an e-mail: the answer helps everyone who wonders the same.</source>
        <translation>Stel je vraag in een ruimte in plaats van per e-mail: het antwoord helpt iedereen die hetzelfde wil weten.</translation>
    </message>
    <message>
        <source>Add a topic to a post so colleagues can find it again later.</source>
        <translation>Geef een bericht een onderwerp, dan vinden collega&apos;s het later terug.</translation>
    </message>
    <message>
        <source>Put a colleague in the spotlight: a short post about good work is read and liked by many.</source>
        <translation>Zet een collega in het zonnetje: een kort bericht over goed werk wordt door velen gelezen en geliket.</translation>
    </message>
    <message>
        <source>A picture on your profile helps colleagues recognise you in every post and comment.</source>
        <translation>Een foto op je profiel helpt collega&apos;s je te herkennen bij elk bericht en elke reactie.</translation>
    </message>
</context>
<context>
    <name>CompactPollRow</name>
    <message>
        <source>Voted</source>
        <translation>Gestemd</translation>
    </message>
    <message>
        <source>Not voted yet</source>
        <translation>Nog niet gestemd</translation>
    </message>
    <message>
        <source>Change vote</source>
        <translation>Stem wijzigen</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Vote: %1</source>
        <translation>Stem: %1</translation>
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
    <name>HelpWindow</name>
    <message>
        <source>Startpunt: help and tips</source>
        <translation>Startpunt: hulp en tips</translation>
    </message>
    <message>
        <source>What Startpunt does</source>
        <translation>Wat Startpunt doet</translation>
    </message>
    <message>
        <source>What is good to post</source>
        <translation>Wat je goed kunt posten</translation>
    </message>
    <message>
        <source>A keyboard shortcut for a new post</source>
        <translation>Een sneltoets voor een nieuw bericht</translation>
    </message>
    <message>
        <source>Where the log is</source>
        <translation>Waar het logboek staat</translation>
    </message>
    <message>
        <source>Startpunt sits in the system tray and keeps you in touch with your intranet without a browser tab open all day.</source>
        <translation>Startpunt staat in het systeemvak en houdt je op de hoogte van je intranet, zonder dat er de hele dag een browsertabblad open hoeft te staan.</translation>
    </message>
    <message>
        <source>It tells you when colleagues like, mention or comment on your work, lets you thank them with one click, and opens a small window to post an update.</source>
        <translation>Je hoort het als collega&apos;s je werk leuk vinden, je noemen of erop reageren; je bedankt ze met één klik en plaatst een update in een klein venster.</translation>
    </message>
    <message>
        <source>Outside your working hours alerts wait, and you get a summary when your day starts. Need to focus? Choose Pause alerts in the tray menu.</source>
        <translation>Buiten je werktijden wachten meldingen en krijg je een samenvatting als je dag begint. Even focussen? Kies Meldingen pauzeren in het menu van het systeemvak.</translation>
    </message>
    <message>
        <source>Thanks to the service desk for setting up the new laptops before the holidays!</source>
        <translation>Dank aan de servicedesk voor het klaarzetten van de nieuwe laptops vóór de vakantie!</translation>
    </message>
    <message>
        <source>Our team finished moving to the second floor. The coffee is on us today.</source>
        <translation>Ons team zit nu op de tweede verdieping. De koffie is vandaag van ons.</translation>
    </message>
    <message>
        <source>Congratulations to Sanne on 25 years with the municipality!</source>
        <translation>Gefeliciteerd, Sanne, met je 25-jarig jubileum bij de gemeente!</translation>
    </message>
    <message>
        <source>Tip: the new travel expense form is on the HR page.</source>
        <translation>Tip: het nieuwe declaratieformulier voor reiskosten staat op de HR-pagina.</translation>
    </message>
    <message>
        <source>Who joins the Friday lunch walk? We leave at 12:30 from the main entrance.</source>
        <translation>Wie loopt er vrijdag mee met de lunchwandeling? We vertrekken om 12:30 uur bij de hoofdingang.</translation>
    </message>
    <message>
        <source>Short, positive and useful to colleagues works best. For example:</source>
        <translation>Kort, positief en nuttig voor collega&apos;s werkt het best. Bijvoorbeeld:</translation>
    </message>
    <message>
        <source>Keep personal details, client data and anything confidential out of posts. Your organisation&apos;s posting guidelines are linked from the post window.</source>
        <translation>Laat persoonsgegevens, klantgegevens en alles wat vertrouwelijk is uit je berichten. De richtlijnen van je organisatie staan gelinkt in het berichtvenster.</translation>
    </message>
    <message>
        <source>Startpunt post</source>
        <translation>Startpunt bericht</translation>
    </message>
    <message>
        <source>Open Settings and choose Keyboard.</source>
        <translation>Open Instellingen en kies Toetsenbord.</translation>
    </message>
    <message>
        <source>Choose View and Customise Shortcuts, then Custom Shortcuts, then Add Shortcut (or +).</source>
        <translation>Kies Sneltoetsen bekijken en aanpassen, dan Aangepaste sneltoetsen, dan Sneltoets toevoegen (of +).</translation>
    </message>
    <message>
        <source>Name: %1. Command: the command above.</source>
        <translation>Naam: %1. Opdracht: de opdracht hierboven.</translation>
    </message>
    <message>
        <source>Choose Set Shortcut…, press the keys, then choose Add.</source>
        <translation>Kies Sneltoets instellen…, druk de toetsen in en kies Toevoegen.</translation>
    </message>
    <message>
        <source>Open System Settings and choose Keyboard, then Shortcuts.</source>
        <translation>Open Systeeminstellingen en kies Toetsenbord, dan Sneltoetsen.</translation>
    </message>
    <message>
        <source>Choose Add New, then Command or Script…, and enter the command above.</source>
        <translation>Kies Nieuwe toevoegen, dan Commando of script…, en voer de opdracht hierboven in.</translation>
    </message>
    <message>
        <source>With the new entry selected, choose Add Custom Shortcut, press the keys, then choose Apply.</source>
        <translation>Kies bij het nieuwe item Aangepaste sneltoets toevoegen, druk de toetsen in en kies Toepassen.</translation>
    </message>
    <message>
        <source>Open the Settings Manager and choose Keyboard.</source>
        <translation>Open Instellingenbeheer en kies Toetsenbord.</translation>
    </message>
    <message>
        <source>On the Application Shortcuts tab choose Add.</source>
        <translation>Kies op het tabblad Sneltoetsen voor toepassingen Toevoegen.</translation>
    </message>
    <message>
        <source>Enter the command above and choose OK, then press the keys.</source>
        <translation>Voer de opdracht hierboven in, kies OK en druk de toetsen in.</translation>
    </message>
    <message>
        <source>Right-click the desktop and choose New, then Shortcut.</source>
        <translation>Klik met rechts op het bureaublad en kies Nieuw, dan Snelkoppeling.</translation>
    </message>
    <message>
        <source>Enter the command above as the location, choose Next, name it %1 and choose Finish.</source>
        <translation>Voer de opdracht hierboven in als locatie, kies Volgende, noem de snelkoppeling %1 en kies Voltooien.</translation>
    </message>
    <message>
        <source>Right-click the new shortcut and choose Properties. Click in the Shortcut key field and press a letter: Windows makes it Ctrl+Alt and that letter. Choose OK.</source>
        <translation>Klik met rechts op de nieuwe snelkoppeling en kies Eigenschappen. Klik in het veld Sneltoets en druk op een letter: Windows maakt er Ctrl+Alt en die letter van. Kies OK.</translation>
    </message>
    <message>
        <source>Open the Shortcuts app and create a new shortcut.</source>
        <translation>Open de app Opdrachten en maak een nieuwe opdracht.</translation>
    </message>
    <message>
        <source>Add the action Run Shell Script and enter the command above.</source>
        <translation>Voeg de actie Voer shellscript uit toe en voer de opdracht hierboven in.</translation>
    </message>
    <message>
        <source>Open the shortcut&apos;s details (the i button), choose Add Keyboard Shortcut and press the keys.</source>
        <translation>Open de details van de opdracht (de knop i), kies Voeg toetscombinatie toe en druk de toetsen in.</translation>
    </message>
    <message>
        <source>One key combination, such as Ctrl+Alt+P, can open the post window from anywhere. Bind it to this command:</source>
        <translation>Met één toetscombinatie, zoals Ctrl+Alt+P, open je het berichtvenster overal vandaan. Koppel die aan deze opdracht:</translation>
    </message>
    <message>
        <source>Startpunt keeps a log in this folder (the tray menu&apos;s Open log folder opens it):</source>
        <translation>Startpunt houdt een logboek bij in deze map (Logmap openen in het menu van het systeemvak opent hem):</translation>
    </message>
    <message>
        <source>The log never holds your password or your sign-in token.</source>
        <translation>Het logboek bevat nooit je wachtwoord of je aanmeldtoken.</translation>
    </message>
</context>
<context>
    <name>LeaderNudgeWindow</name>
    <message>
        <source>Posts waiting for a first reaction</source>
        <translation>Berichten die wachten op een eerste reactie</translation>
    </message>
    <message>
        <source>A like or a short comment from you shows your team their work is seen. Only you see this list.</source>
        <translation>Een like of een korte reactie van jou laat je team zien dat hun werk gezien wordt. Alleen jij ziet deze lijst.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) of your team this week still wait for a first reaction.</source>
        <translation>
            <numerusform>%n bericht van je team wacht deze week nog op een eerste reactie.</numerusform>
            <numerusform>%n berichten van je team wachten deze week nog op een eerste reactie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open this post on the intranet</source>
        <translation>Dit bericht openen op het intranet</translation>
    </message>
</context>
<context>
    <name>LeaderWords</name>
    <message numerus="yes">
        <source>%n post(s) of your team wait for a first reaction.</source>
        <translation>
            <numerusform>%n bericht van je team wacht op een eerste reactie.</numerusform>
            <numerusform>%n berichten van je team wachten op een eerste reactie.</numerusform>
        </translation>
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
    <name>PanelPolls</name>
    <message>
        <source>There are no open polls.</source>
        <translation>Er zijn geen open peilingen.</translation>
    </message>
    <message numerus="yes">
        <source>%n open poll(s)</source>
        <translation>
            <numerusform>%n open peiling</numerusform>
            <numerusform>%n open peilingen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollReminderText</name>
    <message numerus="yes">
        <source>Closes in %n minute(s). You have not voted yet: %1</source>
        <translation>
            <numerusform>Sluit over %n minuut. Je hebt nog niet gestemd: %1</numerusform>
            <numerusform>Sluit over %n minuten. Je hebt nog niet gestemd: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closes in %n hour(s). You have not voted yet: %1</source>
        <translation>
            <numerusform>Sluit over %n uur. Je hebt nog niet gestemd: %1</numerusform>
            <numerusform>Sluit over %n uur. Je hebt nog niet gestemd: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closes in %n day(s). You have not voted yet: %1</source>
        <translation>
            <numerusform>Sluit over %n dag. Je hebt nog niet gestemd: %1</numerusform>
            <numerusform>Sluit over %n dagen. Je hebt nog niet gestemd: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PollVoteDialog</name>
    <message>
        <source>Poll</source>
        <translation>Peiling</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Choose one or more answers.</source>
        <translation>Kies een of meer antwoorden.</translation>
    </message>
    <message>
        <source>Your vote</source>
        <translation>Jouw stem</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>This poll is closed.</source>
        <translation>Deze peiling is gesloten.</translation>
    </message>
    <message>
        <source>Your vote: %1</source>
        <translation>Jouw stem: %1</translation>
    </message>
    <message>
        <source>You have not voted yet.</source>
        <translation>Je hebt nog niet gestemd.</translation>
    </message>
    <message>
        <source>Change vote</source>
        <translation>Stem wijzigen</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Stem</translation>
    </message>
    <message>
        <source>Sending your vote…</source>
        <translation>Je stem wordt verstuurd…</translation>
    </message>
    <message>
        <source>Your vote is recorded.</source>
        <translation>Je stem is vastgelegd.</translation>
    </message>
</context>
<context>
    <name>Polls</name>
    <message>
        <source>New poll by %1</source>
        <translation>Nieuwe peiling van %1</translation>
    </message>
    <message>
        <source>New poll</source>
        <translation>Nieuwe peiling</translation>
    </message>
    <message>
        <source>You have not voted yet: %1</source>
        <translation>Je hebt nog niet gestemd: %1</translation>
    </message>
    <message>
        <source>A poll closes soon</source>
        <translation>Een peiling sluit binnenkort</translation>
    </message>
    <message>
        <source>“%1” is closed. Open it to see the result.</source>
        <translation>De peiling is gesloten: „%1”. Open haar om de uitslag te zien.</translation>
    </message>
    <message>
        <source>The poll is closed</source>
        <translation>De peiling is gesloten</translation>
    </message>
    <message>
        <source>The poll could not be opened</source>
        <translation>De peiling kon niet worden geopend</translation>
    </message>
    <message>
        <source>Startpunt could not load this poll. You can vote on the intranet.</source>
        <translation>Startpunt kon deze peiling niet laden. Je kunt stemmen op het intranet.</translation>
    </message>
    <message>
        <source>Your earlier vote was withdrawn, but the new vote did not arrive. No vote is recorded now: please try again.</source>
        <translation>Je eerdere stem is ingetrokken, maar de nieuwe stem is niet aangekomen. Er staat nu geen stem: probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The intranet could not be reached. Your choice is kept: try again.</source>
        <translation>Het intranet is niet bereikbaar. Je keuze blijft staan: probeer het opnieuw.</translation>
    </message>
    <message>
        <source>The intranet did not accept this vote. The poll may be closed.</source>
        <translation>Het intranet heeft deze stem niet aangenomen. Misschien is de peiling gesloten.</translation>
    </message>
    <message>
        <source>This poll no longer exists.</source>
        <translation>Deze peiling bestaat niet meer.</translation>
    </message>
    <message>
        <source>The vote did not go through. Please try again.</source>
        <translation>De stem is niet aangekomen. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>This choice cannot be sent: the poll may be closed.</source>
        <translation>Deze keuze kan niet worden verstuurd: misschien is de peiling gesloten.</translation>
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
    <name>Settings</name>
    <message>
        <source>Intranet address</source>
        <translation>Adres van het intranet</translation>
    </message>
    <message>
        <source>The address of your HumHub intranet, such as https://intranet.example.org.</source>
        <translation>Het adres van je HumHub-intranet, zoals https://intranet.example.org.</translation>
    </message>
    <message>
        <source>Check for news every (seconds)</source>
        <translation>Kijk voor nieuws elke (seconden)</translation>
    </message>
    <message>
        <source>How often Startpunt asks the intranet for new notifications.</source>
        <translation>Hoe vaak Startpunt het intranet om nieuwe meldingen vraagt.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Which kinds of notification show a desktop alert.</source>
        <translation>Welke soorten meldingen een bureaubladmelding geven.</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Werktijden</translation>
    </message>
    <message>
        <source>Outside these hours alerts wait; you get a summary when your day starts.</source>
        <translation>Buiten deze tijden wachten meldingen; je krijgt een samenvatting als je dag begint.</translation>
    </message>
    <message>
        <source>Leadership accounts</source>
        <translation>Accounts van de leiding</translation>
    </message>
    <message>
        <source>Posts by these people are announced as coming from leadership.</source>
        <translation>Berichten van deze mensen worden aangekondigd als berichten van de leiding.</translation>
    </message>
    <message>
        <source>Posting guidelines</source>
        <translation>Richtlijnen voor berichten</translation>
    </message>
    <message>
        <source>The page the post dialog links to.</source>
        <translation>De pagina waarnaar het berichtvenster linkt.</translation>
    </message>
    <message>
        <source>Thanks text</source>
        <translation>Tekst van het bedankje</translation>
    </message>
    <message>
        <source>The comment the Thanks! button posts.</source>
        <translation>De reactie die de knop Bedankt! plaatst.</translation>
    </message>
    <message>
        <source>Intranet time zone</source>
        <translation>Tijdzone van het intranet</translation>
    </message>
    <message>
        <source>Leave empty to let Startpunt work it out from the intranet&apos;s clock.</source>
        <translation>Laat leeg om Startpunt het te laten afleiden uit de klok van het intranet.</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Starten bij aanmelden</translation>
    </message>
    <message>
        <source>Start Startpunt when you log in to your computer.</source>
        <translation>Start Startpunt als je je aanmeldt op je computer.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The language of Startpunt&apos;s windows and alerts.</source>
        <translation>De taal van de vensters en meldingen van Startpunt.</translation>
    </message>
    <message>
        <source>Spotlight space</source>
        <translation>Ruimte voor complimenten</translation>
    </message>
    <message>
        <source>The space where you put a colleague in the spotlight (its name).</source>
        <translation>De ruimte waarin je een collega in het zonnetje zet (de naam).</translation>
    </message>
    <message>
        <source>Leader&apos;s weekly nudge</source>
        <translation>Wekelijkse herinnering voor leidinggevenden</translation>
    </message>
    <message>
        <source>When leaders hear which team posts still wait for a reaction (e.g. mon 09:30).</source>
        <translation>Wanneer leidinggevenden horen welke berichten van hun team nog op een reactie wachten (bijv. ma 09:30).</translation>
    </message>
    <message>
        <source>Your week</source>
        <translation>Jouw week</translation>
    </message>
    <message>
        <source>On Friday afternoon, a private summary of the appreciation you received.</source>
        <translation>Op vrijdagmiddag een persoonlijk overzicht van de waardering die je kreeg.</translation>
    </message>
    <message>
        <source>Your week on</source>
        <translation>Jouw week op</translation>
    </message>
    <message>
        <source>The day of your weekly summary (if you don&apos;t work then: your last working day).</source>
        <translation>De dag van je weekoverzicht (werk je dan niet: je laatste werkdag).</translation>
    </message>
    <message>
        <source>Your week at</source>
        <translation>Jouw week om</translation>
    </message>
    <message>
        <source>The time of your weekly summary, such as 15:00 (within your working hours).</source>
        <translation>De tijd van je weekoverzicht, zoals 15:00 (binnen je werktijden).</translation>
    </message>
    <message>
        <source>Profile reminder</source>
        <translation>Herinnering voor je profiel</translation>
    </message>
    <message>
        <source>At most once a month, a reminder when your intranet profile lacks a picture or your function.</source>
        <translation>Hooguit één keer per maand een herinnering als je profiel op het intranet geen foto of functie heeft.</translation>
    </message>
    <message>
        <source>Tip of the week</source>
        <translation>Tip van de week</translation>
    </message>
    <message>
        <source>Once a week, a short tip about the intranet and Startpunt.</source>
        <translation>Eén keer per week een korte tip over het intranet en Startpunt.</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>Vind-ik-leuks</translation>
    </message>
    <message>
        <source>Mentions of you</source>
        <translation>Vermeldingen van jou</translation>
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
        <source>Messages from intranet modules</source>
        <translation>Berichten van intranetmodules</translation>
    </message>
    <message>
        <source>Posts by leadership</source>
        <translation>Berichten van de leiding</translation>
    </message>
    <message>
        <source>Other new posts in your spaces</source>
        <translation>Andere nieuwe berichten in je ruimtes</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>Nieuwe volgers</translation>
    </message>
    <message>
        <source>Space memberships</source>
        <translation>Lidmaatschappen van ruimtes</translation>
    </message>
    <message>
        <source>Everything else</source>
        <translation>Al het andere</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>maandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>dinsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>woensdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>donderdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>vrijdag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>zaterdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>zondag</translation>
    </message>
    <message>
        <source>Choose between 10 and 3600 seconds.</source>
        <translation>Kies tussen 10 en 3600 seconden.</translation>
    </message>
    <message>
        <source>A working day needs an end time different from its start.</source>
        <translation>Een werkdag heeft een eindtijd nodig die verschilt van de begintijd.</translation>
    </message>
    <message>
        <source>At most 200 names, one per line.</source>
        <translation>Hoogstens 200 namen, één per regel.</translation>
    </message>
    <message>
        <source>Use an address that starts with https://, or leave it empty.</source>
        <translation>Gebruik een adres dat begint met https://, of laat het leeg.</translation>
    </message>
    <message>
        <source>Keep the thanks text under 500 characters.</source>
        <translation>Houd het bedankje korter dan 500 tekens.</translation>
    </message>
    <message>
        <source>Not a time zone Startpunt knows. Use a name like Europe/Amsterdam, or leave it empty.</source>
        <translation>Deze tijdzone kent Startpunt niet. Gebruik een naam als Europe/Amsterdam, of laat het leeg.</translation>
    </message>
    <message>
        <source>Choose a language from the list.</source>
        <translation>Kies een taal uit de lijst.</translation>
    </message>
    <message>
        <source>These alert choices could not be read.</source>
        <translation>Deze keuzes voor meldingen konden niet worden gelezen.</translation>
    </message>
    <message>
        <source>This choice could not be read.</source>
        <translation>Deze keuze kon niet worden gelezen.</translation>
    </message>
    <message>
        <source>Use an address that starts with https://.</source>
        <translation>Gebruik een adres dat begint met https://.</translation>
    </message>
    <message>
        <source>Use the space&apos;s name as the intranet shows it (at most 100 characters).</source>
        <translation>Gebruik de naam van de ruimte zoals het intranet die toont (hooguit 100 tekens).</translation>
    </message>
    <message>
        <source>Use a day and a time, like mon 09:30, or leave it empty for no nudge.</source>
        <translation>Gebruik een dag en een tijd, zoals ma 09:30, of laat het leeg voor geen herinnering.</translation>
    </message>
    <message>
        <source>Choose a day from the list.</source>
        <translation>Kies een dag uit de lijst.</translation>
    </message>
    <message>
        <source>Write a time like 15:00 (hours 0 to 23, then minutes).</source>
        <translation>Schrijf een tijd zoals 15:00 (uren van 0 tot 23, dan minuten).</translation>
    </message>
</context>
<context>
    <name>SettingsHost</name>
    <message>
        <source>the settings file could not be written.</source>
        <translation>het instellingenbestand kon niet worden geschreven.</translation>
    </message>
    <message>
        <source>start at login could not be changed (see the log).</source>
        <translation>starten bij aanmelden kon niet worden gewijzigd (zie het logboek).</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <source>Startpunt settings</source>
        <translation>Instellingen van Startpunt</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>Intranet</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>Applies at the next start of Startpunt.</source>
        <translation>Geldt vanaf de volgende start van Startpunt.</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Ingesteld door je organisatie</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Eén naam per regel</translation>
    </message>
    <message>
        <source>Start Startpunt when I log in</source>
        <translation>Start Startpunt als ik me aanmeld</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Zoals deze computer</translation>
    </message>
    <message>
        <source>Empty: no weekly nudge</source>
        <translation>Leeg: geen wekelijkse herinnering</translation>
    </message>
    <message>
        <source>Empty: &quot;Thank you!&quot; in the intranet&apos;s language</source>
        <translation>Leeg: „Bedankt!” in de taal van het intranet</translation>
    </message>
    <message>
        <source>Nothing was saved: please correct the marked fields.</source>
        <translation>Er is niets opgeslagen: verbeter de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Er is niets gewijzigd.</translation>
    </message>
    <message>
        <source>Saved. Applies at the next start of Startpunt: %1.</source>
        <translation>Opgeslagen. Geldt vanaf de volgende start van Startpunt: %1.</translation>
    </message>
    <message>
        <source>Saved. Your changes apply now.</source>
        <translation>Opgeslagen. Je wijzigingen gelden meteen.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
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
    <name>SpotlightDialog</name>
    <message>
        <source>Spotlight a colleague</source>
        <translation>Zet een collega in het zonnetje</translation>
    </message>
    <message>
        <source>Who deserves a compliment? Your post goes to %1 and mentions them.</source>
        <translation>Wie verdient een compliment? Je bericht komt in %1 en noemt je collega.</translation>
    </message>
    <message>
        <source>No spotlight space has been chosen yet. Ask your intranet team which space is for compliments, or choose one in Settings.</source>
        <translation>Er is nog geen ruimte voor complimenten gekozen. Vraag het intranetteam welke ruimte daarvoor is, of kies er een bij Instellingen.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Typ een naam…</translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation>Collega&apos;s</translation>
    </message>
    <message>
        <source>Why?</source>
        <translation>Waarom?</translation>
    </message>
    <message>
        <source>What did they do that made a difference?</source>
        <translation>Wat deed je collega dat het verschil maakte?</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Voorbeeld</translation>
    </message>
    <message>
        <source>Post (Ctrl+Enter)</source>
        <translation>Plaatsen (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Thank you! Your compliment is on its way.</source>
        <translation>Dank je! Je compliment is onderweg.</translation>
    </message>
    <message>
        <source>Your compliment could not be saved on this computer. Please try again.</source>
        <translation>Je compliment kon niet op deze computer worden bewaard. Probeer het opnieuw.</translation>
    </message>
    <message>
        <source>In the spotlight: @%1</source>
        <translation>In het zonnetje: @%1</translation>
    </message>
    <message>
        <source>Choose a colleague and write why.</source>
        <translation>Kies een collega en schrijf waarom.</translation>
    </message>
    <message>
        <source>Please keep it under 2000 characters.</source>
        <translation>Houd het onder de 2000 tekens.</translation>
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
        <source>Spotlight a colleague…</source>
        <translation>Zet een collega in het zonnetje…</translation>
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
        <source>Polls</source>
        <translation>Peilingen</translation>
    </message>
    <message>
        <source>Your week</source>
        <translation>Jouw week</translation>
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
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Help &amp;&amp; tips</source>
        <translation>Hulp &amp;&amp; tips</translation>
    </message>
    <message>
        <source>About Startpunt</source>
        <translation>Over Startpunt</translation>
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
<context>
    <name>WeekWindow</name>
    <message>
        <source>Your week</source>
        <translation>Jouw week</translation>
    </message>
    <message>
        <source>Counted on this computer from what Startpunt saw since Monday. Nothing is sent anywhere.</source>
        <translation>Geteld op deze computer uit wat Startpunt sinds maandag zag. Er wordt niets verstuurd.</translation>
    </message>
    <message>
        <source>A quiet week so far</source>
        <translation>Tot nu toe een rustige week</translation>
    </message>
    <message>
        <source>No likes, comments or thanks reached you yet this week. A post about your work or a like for a colleague often starts the conversation.</source>
        <translation>Deze week kwamen er nog geen likes, reacties of bedankjes binnen. Een bericht over je werk of een like voor een collega brengt het gesprek vaak op gang.</translation>
    </message>
    <message>
        <source>Thank you for taking part this week!</source>
        <translation>Bedankt voor je bijdrage deze week!</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>likes</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>reacties</translation>
    </message>
    <message>
        <source>thanks</source>
        <translation>bedankjes</translation>
    </message>
    <message>
        <source>mentions</source>
        <translation>vermeldingen</translation>
    </message>
    <message>
        <source>Thanked you</source>
        <translation>Bedankten je</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”: %2</translation>
    </message>
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
            <numerusform>%n reactie</numerusform>
            <numerusform>%n reacties</numerusform>
        </translation>
    </message>
    <message>
        <source>Your posts</source>
        <translation>Jouw berichten</translation>
    </message>
    <message>
        <source>Polls you voted in</source>
        <translation>Peilingen waarin je stemde</translation>
    </message>
</context>
<context>
    <name>WorkingHoursEditor</name>
    <message>
        <source>from</source>
        <translation>van</translation>
    </message>
    <message>
        <source>until</source>
        <translation>tot</translation>
    </message>
</context>
</TS>
