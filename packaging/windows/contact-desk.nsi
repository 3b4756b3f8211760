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
; contact-desk.exe and contact-desk-cli.exe are near copies of 8.4 MB each: with NSIS's default
; 8 MB dictionary the second stops being stored as a copy of the first (the installer went from
; 26.1 to 33.9 MB when the programs grew by 14 KB). 32 MB holds both; installing needs 32 MB of memory.
SetCompressorDictSize 32
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

!ifdef Sign  ; the uninstaller NSIS writes is signed as it is made (packaging/windows/sign.sh)
  !uninstfinalize '${Sign} "%1"'
!endif
!define FileClass "Software\Classes\ContactDesk.Import"
!define AppKey "Software\Classes\Applications\${Exe}"

!macro OpenWith Ext
  WriteRegStr HKCU "Software\Classes\${Ext}\OpenWithProgids" "ContactDesk.Import" ""
  WriteRegStr HKCU "${AppKey}\SupportedTypes" "${Ext}" ""
!macroend

!macro NoLongerOpenWith Ext
  DeleteRegValue HKCU "Software\Classes\${Ext}\OpenWithProgids" "ContactDesk.Import"
  DeleteRegKey /ifempty HKCU "Software\Classes\${Ext}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "Software\Classes\${Ext}"
!macroend

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
  ; "Open with" for the files people import (per user; the default program of each type is left as it is)
  WriteRegStr HKCU "${FileClass}" "" "Contact Desk import"
  WriteRegStr HKCU "${FileClass}\DefaultIcon" "" "$INSTDIR\${Exe},0"
  WriteRegStr HKCU "${FileClass}\shell\open\command" "" '"$INSTDIR\${Exe}" "%1"'
  WriteRegStr HKCU "${AppKey}" "FriendlyAppName" "${AppName}"
  WriteRegStr HKCU "${AppKey}\shell\open\command" "" '"$INSTDIR\${Exe}" "%1"'
  !insertmacro OpenWith ".vcf"
  !insertmacro OpenWith ".csv"
  !insertmacro OpenWith ".xlsx"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; Explorer reads the new entries
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${AppName}.lnk"
  Delete "$SMPROGRAMS\${AppName} (demo).lnk"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKCU "${UninstKey}"
  DeleteRegKey HKCU "${FileClass}"
  DeleteRegKey HKCU "${AppKey}"
  !insertmacro NoLongerOpenWith ".vcf"
  !insertmacro NoLongerOpenWith ".csv"
  !insertmacro NoLongerOpenWith ".xlsx"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
