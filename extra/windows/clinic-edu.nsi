; The Windows installer: per machine, into Program Files, with a Start menu entry,
; an entry in "Apps and features" and an uninstaller; the licences go beside the
; program. Built on Linux by .ci/windows with NSIS's makensis:
;
;   makensis -DVERSION=0.1.0 -DEXE=target/.../clinic-edu.exe -DICON=.../clinic-edu.ico \
;            -DOUTFILE=target/windows/clinic-edu-0.1.0-setup.exe extra/windows/clinic-edu.nsi
;
; VERSION is Cargo.toml's (the script refuses to build without it). A silent
; install is `clinic-edu-0.1.0-setup.exe /S`, a silent removal
; `"C:\Program Files\clinic-edu\uninstall.exe" /S`. The clinic's own files (the
; kiosk's config in %ProgramData%\clinic-edu, staff settings in %APPDATA%) are
; the clinic's: the uninstaller leaves them.

!ifndef VERSION
  !error "give the version: makensis -DVERSION=x.y.z (Cargo.toml's)"
!endif
!ifndef EXE
  !error "give the program: makensis -DEXE=path/to/clinic-edu.exe"
!endif
!ifndef ICON
  !error "give the icon: makensis -DICON=path/to/clinic-edu.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "clinic-edu-${VERSION}-setup.exe"
!endif
; The repository's top folder, from this file's (files read at build time are
; named with /, which makensis on Linux needs; paths on Windows keep \).
!define TOP "${__FILEDIR__}/../.."
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\clinic-edu"

Unicode true
; A 64-bit installer for the 64-bit program (it also runs under a Wine without
; wine32, as in .ci/windows).
Target amd64-unicode
SetCompressor /SOLID lzma
Name "clinic-edu ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\clinic-edu"
; Per machine: Program Files, the Start menu of all users, HKLM.
RequestExecutionLevel admin
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "clinic-edu"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "clinic-edu installer"
VIAddVersionKey "LegalCopyright" "2026 the clinic-edu authors; MIT or Apache-2.0"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_LICENSEPAGE_TEXT_TOP "clinic-edu and the fonts it carries are free software. Their licences are installed with it."
!define MUI_LICENSEPAGE_BUTTON "$(^NextBtn)"
!define MUI_LICENSEPAGE_TEXT_BOTTOM " "
!insertmacro MUI_PAGE_LICENSE "${__FILEDIR__}/notice.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "clinic-edu"
  SetOutPath "$INSTDIR"
  File "/oname=clinic-edu.exe" "${EXE}"
  File "/oname=clinic-edu.ico" "${ICON}"
  File "/oname=README.md" "${TOP}/README.md"
  SetOutPath "$INSTDIR\licences"
  File "/oname=notice.txt" "${__FILEDIR__}/notice.txt"
  File "/oname=LICENSE-MIT.txt" "${TOP}/LICENSE-MIT"
  File "/oname=LICENSE-APACHE.txt" "${TOP}/LICENSE-APACHE"
  SetOutPath "$INSTDIR\licences\fonts"
  File "/oname=OFL.txt" "${TOP}/fonts/OFL.txt"
  File "/oname=README.md" "${TOP}/fonts/README.md"
  ; The built-in narration (README: "Built-in narration"): data files beside the
  ; exe, not in it; the app looks for its narration folder there.
  SetOutPath "$INSTDIR\narration"
  File /r "${TOP}/assets/narration/*"
  SetOutPath "$INSTDIR"

  ; The updater's folder for a kiosk (README, "Updating many kiosks"). The kiosk's
  ; config beside it in %ProgramData%\clinic-edu stays the administrators' (so that
  ; the kiosk's account cannot change its PIN), but the kiosk's own updater installs
  ; bundles into updates\, as the Linux kiosk user does in its own folder: the
  ; machine's Users (S-1-5-32-545) may change that folder alone.
  CreateDirectory "$APPDATA\clinic-edu\updates"
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$APPDATA\clinic-edu\updates" /grant *S-1-5-32-545:(OI)(CI)M'

  CreateShortCut "$SMPROGRAMS\clinic-edu.lnk" "$INSTDIR\clinic-edu.exe" "" "$INSTDIR\clinic-edu.ico" 0 SW_SHOWNORMAL "" "Treatment education and screening"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "clinic-edu"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "the clinic-edu authors"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\clinic-edu.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

; Removes exactly what the section above wrote, then the folders if empty.
Section "Uninstall"
  Delete "$SMPROGRAMS\clinic-edu.lnk"
  Delete "$INSTDIR\clinic-edu.exe"
  Delete "$INSTDIR\clinic-edu.ico"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\licences\notice.txt"
  Delete "$INSTDIR\licences\LICENSE-MIT.txt"
  Delete "$INSTDIR\licences\LICENSE-APACHE.txt"
  Delete "$INSTDIR\licences\fonts\OFL.txt"
  Delete "$INSTDIR\licences\fonts\README.md"
  RMDir "$INSTDIR\licences\fonts"
  RMDir "$INSTDIR\licences"
  ; The narration folder is the installer's own (a clinic's recordings live in its
  ; content folder under %ProgramData%), so all of it goes.
  RMDir /r "$INSTDIR\narration"
  ; The updater's folder goes only if nothing was installed into it: installed
  ; bundles, like the config, are the clinic's.
  RMDir "$APPDATA\clinic-edu\updates"
  RMDir "$APPDATA\clinic-edu"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  ; NSIS runs the uninstaller as a copy of itself in %TEMP% (so that it can
  ; remove uninstall.exe); a running program cannot remove itself, so the copy
  ; and its folder are removed at the next restart, the file first.
  ${If} $EXEDIR != $INSTDIR
    Delete /REBOOTOK "$EXEPATH"
    RMDir /REBOOTOK "$EXEDIR"
  ${EndIf}
SectionEnd
