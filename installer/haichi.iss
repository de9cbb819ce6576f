; Inno Setup 6.3+ script: Haichi for one Windows user, installed without administrator rights.
;
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumbers=0.1.0.0 /DBundleDir=C:\src\haichi\dist\haichi installer\haichi.iss
;   (installer/build.py runs this after PyInstaller; the defaults below fit a plain `build.py` run)
;
; What it installs: the PyInstaller folder in %LOCALAPPDATA%\Programs\Haichi, a Start-menu entry,
; an optional desktop icon, and the .haichi plan-file association (per user, HKCU).
; What the uninstaller keeps: the user's data. Haichi stores plans in %LOCALAPPDATA%\Haichi
; (platformdirs' user_data_dir), logs in %LOCALAPPDATA%\Haichi\Logs and settings in
; HKCU\Software\Haichi (QSettings) - all outside {app}, and none of them is listed below.
; This file is UTF-8 with a byte-order mark, so the Japanese texts compile as written.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers "0.1.0.0"
#endif
#ifndef SourceRoot
  #define SourceRoot ".."
#endif
#ifndef BundleDir
  #define BundleDir SourceRoot + "\dist\haichi"
#endif
#define AppName "Haichi"
#define AppExe "haichi-desktop.exe"
#define PlanClass "Haichi.Plan"

[Setup]
; The AppId ties upgrades and the uninstaller to this product: never change it.
AppId={{7B0E4C62-3F1A-4B8E-9D25-6A1C0F4E8B37}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
VersionInfoProductVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourceRoot}\dist
OutputBaseFilename=haichi-setup-{#AppVersion}
SetupIconFile={#SourceRoot}\resources\icons\haichi.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
ChangesAssociations=yes
CloseApplications=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.PlanFileType=Haichi 計画ファイル
english.PlanFileType=Haichi plan file
japanese.CommandLine=Haichi コマンドライン
english.CommandLine=Haichi command line
japanese.AssociateTask=.haichi 計画ファイルを Haichi で開く
english.AssociateTask=Open .haichi plan files with Haichi
japanese.OtherTasks=その他:
english.OtherTasks=Other:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateTask}"; GroupDescription: "{cm:OtherTasks}"

[InstallDelete]
; An upgrade replaces the libraries wholesale, so files a new version dropped do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
; A console where `haichi ...` works, started in Documents so rosters are not written next to the program.
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k set ""PATH={app};%PATH%"" && haichi --help"; WorkingDir: "{userdocs}"; IconFilename: "{app}\haichi.exe"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; Per-user file association (HKA is HKCU for a non-admin install): PLAN.haichi opens in haichi-desktop.
Root: HKA; Subkey: "Software\Classes\.haichi"; ValueType: string; ValueName: ""; ValueData: "{#PlanClass}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.haichi\OpenWithProgids"; ValueType: string; ValueName: "{#PlanClass}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanClass}"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#PlanClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".haichi"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] on purpose: plans, logs and settings outlive an uninstall or an upgrade.
