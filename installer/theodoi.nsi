; NSIS installer of Theo dõi Chỉ thị — built by installer/build.py (makensis, on Windows or Linux).
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DPAYLOAD=build\dist\TheoDoiChiThi
;            -DOUTFILE=build\TheoDoiChiThi-0.1.0-setup.exe -DICON=resources\icons\app.ico
;            [-DPORTABLE] installer\theodoi.nsi
;
; Installer: Vietnamese interface; per-user install WITHOUT administrator rights by default
; (%LOCALAPPDATA%\Programs\TheoDoiChiThi), all users optional (Program Files, asks for rights);
; Start-menu shortcut, optional desktop shortcut; an entry in "Apps & features"; upgrade in
; place (the old program files are replaced, the clerk's data and settings are never touched:
; they live in %LOCALAPPDATA%\TheoDoiChiThi and the registry, not in the program folder).
; Silent: setup.exe /S [/AllUsers | /CurrentUser] [/D=C:\path] (/D last, unquoted).
; Uninstaller: removes the program and shortcuts; the data stays unless the clerk ticks
; "Xóa cả dữ liệu" (silent: uninstall.exe /S keeps data, /S /REMOVEDATA removes it).
;
; -DPORTABLE: the portable variant — unpacks into a folder the clerk chooses (a USB stick),
; writes the marker file portable.txt beside the program so the data is kept in its "DuLieu"
; folder; no registry, no shortcuts, no uninstaller.

Unicode true
ManifestDPIAware true
!ifdef FASTCOMPRESS  ; tests only: the script is under test, not the compression
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD (the one-folder bundle) must be given: -DPAYLOAD=..."
!endif
!ifndef OUTFILE
  !define OUTFILE "TheoDoiChiThi-${VERSION}-setup.exe"
!endif

!define APP_ID "TheoDoiChiThi"
!define APP_NAME "Theo dõi Chỉ thị"
!define APP_EXE "theodoi.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_DIR_NAME "TheoDoiChiThi" ; %LOCALAPPDATA%\TheoDoiChiThi, see desktop/config.py
!define PORTABLE_MARKER "portable.txt"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "${APP_NAME}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING

!ifdef PORTABLE
  ; ---------------------------------------------------------------- portable variant
  RequestExecutionLevel user
  InstallDir "$DESKTOP\${APP_ID}"
  !define MUI_DIRECTORYPAGE_TEXT_TOP "Chọn thư mục (ví dụ trên ổ USB) để giải nén bản chạy không cần cài đặt. Dữ liệu sẽ được lưu trong thư mục DuLieu bên cạnh chương trình."
  !insertmacro MUI_PAGE_WELCOME
  !insertmacro MUI_PAGE_DIRECTORY
  !insertmacro MUI_PAGE_INSTFILES
  !define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
  !insertmacro MUI_PAGE_FINISH
!else
  ; ---------------------------------------------------------------- installer
  !define MULTIUSER_EXECUTIONLEVEL Highest
  !define MULTIUSER_MUI
  !define MULTIUSER_INSTALLMODE_COMMANDLINE
  !define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
  !define MULTIUSER_INSTALLMODE_INSTDIR "${APP_ID}"
  !define MULTIUSER_USE_PROGRAMFILES64
  !define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
  !define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
  !define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
  !define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
  !include "MultiUser.nsh"

  !insertmacro MUI_PAGE_WELCOME
  !insertmacro MULTIUSER_PAGE_INSTALLMODE
  !insertmacro MUI_PAGE_DIRECTORY
  !insertmacro MUI_PAGE_COMPONENTS
  !insertmacro MUI_PAGE_INSTFILES
  !define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
  !insertmacro MUI_PAGE_FINISH

  !insertmacro MUI_UNPAGE_CONFIRM
  !insertmacro MUI_UNPAGE_COMPONENTS
  !insertmacro MUI_UNPAGE_INSTFILES
!endif

!insertmacro MUI_LANGUAGE "Vietnamese"

LangString MSG_RUNNING ${LANG_VIETNAMESE} "Chương trình ${APP_NAME} đang chạy. Hãy đóng chương trình (dữ liệu đã nhập không bị mất) rồi bấm Thử lại."
LangString MSG_DATA_KEPT ${LANG_VIETNAMESE} "Dữ liệu vẫn được giữ trong $LOCALAPPDATA\${DATA_DIR_NAME}. Cài lại chương trình sẽ dùng tiếp dữ liệu này."

; ------------------------------------------------------------------ helpers

; Wait until the program files can be replaced (the application is not running).
!macro WAIT_FOR_CLOSED
  ${Do}
    ClearErrors
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      Rename "$INSTDIR\${APP_EXE}" "$INSTDIR\${APP_EXE}.dangcai"
      ${If} ${Errors}
        IfSilent 0 +2
          Abort
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" IDRETRY +2
        Abort
        ${Continue}
      ${EndIf}
      Rename "$INSTDIR\${APP_EXE}.dangcai" "$INSTDIR\${APP_EXE}"
    ${EndIf}
    ${Break}
  ${Loop}
!macroend

!ifdef PORTABLE

Function .onInit
  ${GetParameters} $0
FunctionEnd

Section "Chương trình" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro WAIT_FOR_CLOSED
  RMDir /r "$INSTDIR\_internal" ; an older version's libraries; DuLieu is never touched
  File /r "${PAYLOAD}\*"
  FileOpen $0 "$INSTDIR\${PORTABLE_MARKER}" w
  FileWrite $0 "Ban chay khong can cai dat: du lieu nam trong thu muc DuLieu ben canh chuong trinh.$\r$\n"
  FileClose $0
  CreateDirectory "$INSTDIR\DuLieu"
SectionEnd

!else

Function .onInit
  !insertmacro MULTIUSER_INIT
FunctionEnd

Section "Chương trình (bắt buộc)" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  !insertmacro WAIT_FOR_CLOSED
  ; upgrade in place: the old version's program files go, the clerk's data is elsewhere
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\theodoi-cli.exe"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe" "/$MultiUser.InstallMode"

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Lối tắt trên màn hình nền" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

LangString DESC_PROGRAM ${LANG_VIETNAMESE} "Chương trình Theo dõi Chỉ thị và lối tắt trong menu Start."
LangString DESC_DESKTOP ${LANG_VIETNAMESE} "Thêm lối tắt trên màn hình nền."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} $(DESC_PROGRAM)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(DESC_DESKTOP)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ------------------------------------------------------------------ uninstaller

Section "un.Chương trình" UnSecProgram
  SectionIn RO
  !insertmacro WAIT_FOR_CLOSED
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\theodoi-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR" ; only when empty: files the clerk put there stay
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
SectionEnd

Section /o "un.Xóa cả dữ liệu (cơ sở dữ liệu, bản sao lưu, cài đặt)" SecRemoveData
  ; the current user's data only; the settings QSettings keeps in the registry go too
  RMDir /r "$LOCALAPPDATA\${DATA_DIR_NAME}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/REMOVEDATA" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecRemoveData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Function un.onUninstSuccess
  ${IfNot} ${SectionIsSelected} ${SecRemoveData}
    IfSilent +2
      MessageBox MB_OK|MB_ICONINFORMATION "$(MSG_DATA_KEPT)"
  ${EndIf}
FunctionEnd

LangString DESC_UNPROGRAM ${LANG_VIETNAMESE} "Gỡ chương trình và các lối tắt."
LangString DESC_UNDATA ${LANG_VIETNAMESE} "Chỉ chọn khi không còn dùng dữ liệu: xóa vĩnh viễn cơ sở dữ liệu và các bản sao lưu trong thư mục dữ liệu của người dùng này."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecProgram} $(DESC_UNPROGRAM)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecRemoveData} $(DESC_UNDATA)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

!endif
