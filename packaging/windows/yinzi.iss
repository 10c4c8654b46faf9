; Inno Setup script of the Windows installer: the `yinzi` bundle, and the `yinzi-trainer`
; bundle as an optional component installed beside it (where the app's wizard finds it).
;
; Build the bundles first (`pyinstaller --distpath dist --workpath build packaging\yinzi.spec`,
; and packaging\yinzi-trainer.spec for the trainer), then from the repository root:
;   iscc /DAppVersion=0.1.0 packaging\windows\yinzi.iss
; (add /DWithTrainer=1 when dist\yinzi-trainer exists). Output: dist\yinzi-VERSION-setup.exe.
; Per-user: no administrator rights; the uninstaller comes with it (Settings > Apps).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6A1D8E3C-5B0E-4C43-9E55-59A0B7F3C1E2}
AppName=Yinzi 音字
AppVersion={#AppVersion}
AppPublisher=Yinzi
DefaultDirName={localappdata}\Programs\Yinzi
DefaultGroupName=Yinzi
PrivilegesRequired=lowest
OutputDir={#Root}\dist
OutputBaseFilename=yinzi-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\yinzi.ico
UninstallDisplayIcon={app}\yinzi.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Types]
Name: "full"; Description: "The app and the trainer"
Name: "app"; Description: "The app only"

[Components]
Name: "app"; Description: "Yinzi: typing, conversion and text analysis"; Types: full app; Flags: fixed
#ifdef WithTrainer
Name: "trainer"; Description: "Trainer (PyTorch): train on your own text"; Types: full
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\yinzi\*"; DestDir: "{app}"; Components: app; Flags: recursesubdirs ignoreversion
#ifdef WithTrainer
Source: "{#Root}\dist\yinzi-trainer\*"; DestDir: "{app}\yinzi-trainer"; Components: trainer; Flags: recursesubdirs ignoreversion
#endif

[Icons]
Name: "{group}\Yinzi 音字"; Filename: "{app}\yinzi.exe"
Name: "{group}\Uninstall Yinzi"; Filename: "{uninstallexe}"
Name: "{userdesktop}\Yinzi 音字"; Filename: "{app}\yinzi.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\yinzi.exe"; Description: "{cm:LaunchProgram,Yinzi}"; Flags: nowait postinstall skipifsilent
