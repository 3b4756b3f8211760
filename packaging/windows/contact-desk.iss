; Inno Setup script: a per-user install (no admin rights) of dist\contact-desk.
; Build:  iscc /DAppVersion=0.1.0 packaging\windows\contact-desk.iss
; Signing runs only when a certificate is provided (see sign.ps1 and the workflow).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Contact Desk"
#define Root "..\.."

[Setup]
AppId={{6F5E1E0B-6C2D-4C7E-9E53-3B1C2A9D7C11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Contact Desk
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#Root}\dist
OutputBaseFilename=ContactDesk-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\contact-desk.ico
UninstallDisplayIcon={app}\contact-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
#ifdef SignTool
SignTool={#SignTool}
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "italian"; MessagesFile: "compiler:Languages\Italian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\contact-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\contact-desk.exe"
Name: "{userprograms}\{#AppName} (demo)"; Filename: "{app}\contact-desk.exe"; Parameters: "--demo"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\contact-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\contact-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
