; The Windows installer: a per-user install of dist\contact-desk (no administrator rights) under
; %LOCALAPPDATA%\Programs\Contact Desk, Start-menu entries "Contact Desk" and "Contact Desk (demo)",
; an uninstaller listed in Settings > Apps, the version in the file's properties.
; NSIS builds it the same on Windows and natively on Linux:
;   makensis -DAppVersion=0.1.0 -DRoot=<checkout> [-DIcon=<ico>] packaging/windows/contact-desk.nsi
; (build-under-wine.sh and .github/workflows/release.yml both do). Output: dist/ContactDesk-<ver>-setup.exe
Unicode true
Target amd64-unicode
!ifndef AppVersion
  !define AppVersion "0.0.0"
!endif
!ifndef Root
  !define Root "..\.."
!endif
!define AppName "Contact Desk"
!define Exe "contact-desk.exe"
!define UninstKey "Software\Microsoft\Windows\CurrentVersion\Uninstall\ContactDesk"

Name "${AppName} ${AppVersion}"
OutFile "${Root}/dist/ContactDesk-${AppVersion}-setup.exe"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${AppName}"
SetCompressor /SOLID lzma
!ifdef Icon
  Icon "${Icon}"
  UninstallIcon "${Icon}"
!endif
VIProductVersion "${AppVersion}.0"
VIAddVersionKey /LANG=0 "ProductName" "${AppName}"
VIAddVersionKey /LANG=0 "ProductVersion" "${AppVersion}"
VIAddVersionKey /LANG=0 "FileVersion" "${AppVersion}"
VIAddVersionKey /LANG=0 "FileDescription" "${AppName} setup"
VIAddVersionKey /LANG=0 "CompanyName" "Contact Desk"
VIAddVersionKey /LANG=0 "LegalCopyright" "Contact Desk"

!include "MUI2.nsh"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${Exe}"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Italian"

Section "Contact Desk"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"  ; an older version's files go first: nothing stale is left
  File /r "${Root}/dist/contact-desk/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${AppName}.lnk" "$INSTDIR\${Exe}"
  CreateShortcut "$SMPROGRAMS\${AppName} (demo).lnk" "$INSTDIR\${Exe}" "--demo"
  WriteRegStr HKCU "${UninstKey}" "DisplayName" "${AppName}"
  WriteRegStr HKCU "${UninstKey}" "DisplayVersion" "${AppVersion}"
  WriteRegStr HKCU "${UninstKey}" "Publisher" "Contact Desk"
  WriteRegStr HKCU "${UninstKey}" "DisplayIcon" "$INSTDIR\${Exe}"
  WriteRegStr HKCU "${UninstKey}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UninstKey}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UninstKey}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UninstKey}" "NoModify" 1
  WriteRegDWORD HKCU "${UninstKey}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${AppName}.lnk"
  Delete "$SMPROGRAMS\${AppName} (demo).lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UninstKey}"
SectionEnd
