; Inno Setup 6 script for the Windows installer of Startpunt. Build the bundle first
; (packaging\windows\startpunt.spec), then, from the repository root:
;   iscc /DAppVersion=0.2.0 packaging\windows\startpunt.iss
; Output: dist\startpunt-<version>-windows-setup.exe
;
; Per-user install by default (no administrator rights, %LOCALAPPDATA%\Programs\Startpunt);
; "Install for all users" in the first dialog, or /ALLUSERS on the command line, installs
; per machine into Program Files. IT places the policy file in %ProgramData%\Startpunt\.
; Uninstalling removes the program and the autostart entry, and keeps the user's data
; (settings, saved drafts, log under %LOCALAPPDATA%\Startpunt, the token in the
; Windows Credential Manager).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BuildDir
  #define BuildDir "..\..\build"
#endif
#ifndef DistDir
  #define DistDir "..\..\dist"
#endif
#define AppName "Startpunt"
#define AppExe "startpunt.exe"
; = desktop.autostart.RUN_KEY and RUN_VALUE: the app's own "Start at login" setting reads and
; writes the same value, so the installer's choice shows in Settings and the other way round.
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"
#define RunValue "Startpunt"
; = desktop.autostart.AGENT_LABEL: one application id on every OS.
#define AppId "org.startpunt.startpunt"

[Setup]
; Fixed for ever: Windows finds earlier installs (upgrade, uninstall) by it.
AppId={{CC8E2A83-5B8F-41F8-91E5-4FE2589357B3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#DistDir}
OutputBaseFilename=startpunt-{#AppVersion}-windows-setup
SetupIconFile={#BuildDir}\icons\startpunt.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
RestartApplications=no
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"

[CustomMessages]
english.AutostartTask=Start Startpunt when I sign in to Windows
dutch.AutostartTask=Startpunt starten wanneer ik me aanmeld bij Windows
english.AutostartGroup=Start-up:
dutch.AutostartGroup=Opstarten:

[Tasks]
; Only for a per-user install: the Run value belongs to the user who installs. After a
; per-machine install every user turns it on in Startpunt's Settings.
Name: "autostart"; Description: "{cm:AutostartTask}"; GroupDescription: "{cm:AutostartGroup}"; Check: not IsAdminInstallMode

[Files]
Source: "{#DistDir}\startpunt\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"

[Registry]
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\{#AppExe}"""; Tasks: autostart; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
{ The user may have turned autostart on in Startpunt's Settings (the same Run value) without
  the installer's task: remove it on uninstall too, but only when it starts this copy. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Command: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    if RegQueryStringValue(HKEY_CURRENT_USER, '{#RunKey}', '{#RunValue}', Command) then
    begin
      if Pos(Lowercase(ExpandConstant('{app}')), Lowercase(Command)) > 0 then
        RegDeleteValue(HKEY_CURRENT_USER, '{#RunKey}', '{#RunValue}');
    end;
  end;
end;
