"""The Windows-only behaviour, in one small module with its questions injectable.

Everything the program asks Windows goes through a :class:`System` (the real one calls the
Win32 API through ``ctypes`` and ``os.startfile``; tests pass a fake and run on Linux):

- where data and settings live (:func:`locations`): the per-user data folder, the registry key
  Qt's ``QSettings`` writes, the portable folder when the program runs from a USB stick;
- what kind of drive a path is on (:func:`drive_kind`: fixed, removable, network, CD, RAM
  disk — ``GetDriveTypeW``), including UNC paths (always network);
- opening and printing a file with the program Windows associates with it (:func:`open_file`,
  :func:`print_file`: ``ShellExecute`` verbs "open" and "print"); elsewhere ``xdg-open`` and
  LibreOffice/``lp`` so the same buttons work on a developer's machine;
- whether an error means "the file is open in Word or Excel" (:func:`file_in_use`: Windows
  sharing and lock violations, errors 32 and 33) and the message that says so;
- long and Vietnamese paths (:func:`long_path`): paths past ``MAX_PATH`` get the ``\\\\?\\``
  prefix Win32 file functions need; every path stays a ``str`` (never the ANSI code page).
"""

from __future__ import annotations

import ntpath
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop import config

# GetDriveTypeW answers
DRIVE_UNKNOWN, DRIVE_NO_ROOT, DRIVE_REMOVABLE, DRIVE_FIXED = 0, 1, 2, 3
DRIVE_REMOTE, DRIVE_CDROM, DRIVE_RAMDISK = 4, 5, 6
_DRIVE_KINDS = {DRIVE_REMOVABLE: "removable", DRIVE_FIXED: "fixed", DRIVE_REMOTE: "network",
                DRIVE_CDROM: "cdrom", DRIVE_RAMDISK: "ramdisk"}
# Windows error codes of a file another program holds open
ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION = 32, 33
MAX_PATH = 260
SETTINGS_KEY = rf"HKEY_CURRENT_USER\Software\{config.ORG_NAME}\{config.APP_NAME}"


class System(Protocol):
    """The questions asked of the operating system (injected in tests)."""

    windows: bool

    def drive_type(self, root: str) -> int: ...

    def shell_execute(self, path: str, verb: str) -> None: ...

    def run(self, command: list[str]) -> None: ...

    def which(self, name: str) -> str | None: ...


class _RealSystem:
    windows = sys.platform == "win32"

    def drive_type(self, root: str) -> int:
        if not self.windows:
            return DRIVE_UNKNOWN
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]

    def shell_execute(self, path: str, verb: str) -> None:
        os.startfile(path, verb)  # type: ignore[attr-defined]  # Windows only

    def run(self, command: list[str]) -> None:
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)

    def which(self, name: str) -> str | None:
        return shutil.which(name)


SYSTEM: System = _RealSystem()


# ------------------------------------------------------------------------------ locations


@dataclass(frozen=True, slots=True)
class Locations:
    data: Path  # database, backups, templates, logs
    settings: str  # where QSettings keeps window layout and choices
    portable: bool


def locations(system: System | None = None) -> Locations:
    system = system or SYSTEM
    data = config.data_dir()
    portable = config.portable_dir() is not None
    if portable or not system.windows:
        settings = str(data / "settings") if portable else "~/.config/TheoDoiChiThi"
    else:
        settings = SETTINGS_KEY
    return Locations(data, settings, portable)


# ------------------------------------------------------------------------------ drives


def drive_root(path: str) -> str | None:
    """``C:\\`` of ``C:\\Users\\…``; ``\\\\server\\share\\`` of a UNC path; None when the path
    names no drive (a relative path)."""
    drive, _rest = ntpath.splitdrive(path.replace("/", "\\"))
    if not drive:
        return None
    return drive.rstrip("\\") + "\\"


def drive_kind(path: str | Path, system: System | None = None) -> str:
    """fixed | removable | network | cdrom | ramdisk | unknown (not Windows, or no answer)."""
    system = system or SYSTEM
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return "network"  # UNC: a share, whatever it maps to
    if text.startswith("\\\\?\\UNC\\"):
        return "network"
    if text.startswith("\\\\?\\"):
        text = text[4:]
    root = drive_root(text)
    if root is None or not system.windows:
        return "unknown"
    return _DRIVE_KINDS.get(system.drive_type(root), "unknown")


# ------------------------------------------------------------------------------ files


def long_path(path: str | Path, windows: bool | None = None) -> str:
    """The path as Win32 file functions accept it past MAX_PATH (``\\\\?\\C:\\…`` or
    ``\\\\?\\UNC\\server\\share\\…``); unchanged when short, already prefixed, or not on
    Windows."""
    windows = SYSTEM.windows if windows is None else windows
    text = str(path)
    if not windows or len(text) < MAX_PATH - 12 or text.startswith("\\\\?\\"):
        return text
    text = ntpath.normpath(text.replace("/", "\\"))
    if text.startswith("\\\\"):
        return "\\\\?\\UNC\\" + text[2:]
    return "\\\\?\\" + text


def open_file(path: str | Path, system: System | None = None) -> None:
    """Open with the associated program (Word for .docx, Excel for .xlsx)."""
    system = system or SYSTEM
    if system.windows:
        system.shell_execute(long_path(path, True), "open")
    else:
        system.run(["xdg-open", str(path)])


def print_file(path: str | Path, system: System | None = None) -> None:
    """Send to the default printer through the associated program ("In"): Windows' "print"
    verb; elsewhere LibreOffice (``soffice -p``) or ``lp``. Raises ``OSError`` with a
    Vietnamese reason when nothing can print."""
    system = system or SYSTEM
    if system.windows:
        system.shell_execute(long_path(path, True), "print")
        return
    soffice = system.which("soffice") or system.which("libreoffice")
    if soffice is not None and Path(path).suffix.lower() in (".docx", ".xlsx", ".odt"):
        system.run([soffice, "--headless", "-p", str(path)])
        return
    lp = system.which("lp")
    if lp is not None:
        system.run([lp, str(path)])
        return
    raise OSError("Máy này chưa có chương trình in tệp (LibreOffice hoặc lp). Hãy mở tệp "
                  "rồi in từ Word hoặc Excel.")


def file_in_use(exc: BaseException, system: System | None = None) -> bool:
    """Whether ``exc`` means another program (Word, Excel) holds the file open."""
    system = system or SYSTEM
    if not isinstance(exc, OSError):
        return False
    winerror = getattr(exc, "winerror", None)
    if winerror in (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION):
        return True
    # os.replace onto a file Word holds raises PermissionError (access denied) on Windows
    return system.windows and isinstance(exc, PermissionError) and winerror in (None, 5)


def in_use_message(path: str | Path, program: str = "Word") -> str:
    """"Tệp đang mở trong Word…" with what to do (the caller offers Thử lại / Lưu tên khác)."""
    name = ntpath.basename(str(path))  # "/" and "\\" both separate, on any platform
    return (f"Tệp «{name}» đang mở trong {program} (hoặc chương trình khác) nên không ghi đè "
            f"được. Đóng tệp trong {program} rồi bấm Thử lại, hoặc lưu với tên khác; tệp cũ "
            "vẫn nguyên.")
