"""Where a SQLite file may live: refused on network shares and in cloud-synced folders.

SQLite protects a file with the operating system's locks and, in WAL mode, with shared memory;
neither works reliably over SMB/NFS, and sync clients (OneDrive, Dropbox, Google Drive) copy a
file half-written or bring back an old copy. Such places are refused for the embedded database
with a pointer to the office server mode (PostgreSQL); a removable drive is allowed with a
warning (pulled out while writing, it loses the last changes).

Every question to the operating system goes through :class:`StorageSystem`, so the Windows
answers (GetDriveTypeW, environment variables) are injected in tests on any platform.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import PureWindowsPath
from typing import Protocol

from desktop.domain.errors import DatabaseError

# GetDriveTypeW answers, re-exported (the Win32 calls themselves live in desktop.services.winsys)
from desktop.services.winsys import DRIVE_CDROM as DRIVE_CDROM  # noqa: E402
from desktop.services.winsys import DRIVE_FIXED as DRIVE_FIXED  # noqa: E402
from desktop.services.winsys import DRIVE_NO_ROOT as DRIVE_NO_ROOT  # noqa: E402
from desktop.services.winsys import DRIVE_RAMDISK as DRIVE_RAMDISK  # noqa: E402
from desktop.services.winsys import DRIVE_REMOTE as DRIVE_REMOTE  # noqa: E402
from desktop.services.winsys import DRIVE_REMOVABLE as DRIVE_REMOVABLE  # noqa: E402
from desktop.services.winsys import DRIVE_UNKNOWN as DRIVE_UNKNOWN  # noqa: E402

#: Environment variables naming a sync client's folder.
CLOUD_ENV_VARS = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
#: Folder names (case-insensitive; "OneDrive - Sở Nội vụ" by prefix) of sync clients.
CLOUD_MARKERS = (
    "onedrive",
    "dropbox",
    "google drive",
    "googledrive",
    "my drive",
    "drive của tôi",
    "icloud drive",
    "iclouddrive",
    "box sync",
    "nextcloud",
)
_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.rclone",
    "fuse.gvfsd-fuse",
}

SERVER_HINT = (
    "Khi nhiều người cần dùng chung dữ liệu, hãy dùng chế độ máy chủ PostgreSQL của cơ quan "
    "(mở chương trình với --db postgresql+psycopg://người_dùng@máy_chủ/theodoi); nếu chỉ một "
    "người dùng, hãy để tệp dữ liệu trên ổ đĩa của máy này (ví dụ thư mục Tài liệu, không đồng bộ)."
)


class Place(Enum):
    LOCAL = "local"
    REMOVABLE = "removable"
    NETWORK = "network"
    CLOUD = "cloud"


@dataclass(frozen=True, slots=True)
class Verdict:
    place: Place
    detail: str = ""

    @property
    def refused(self) -> bool:
        return self.place in (Place.NETWORK, Place.CLOUD)


class StorageSystem(Protocol):
    """The operating system's answers about storage."""

    is_windows: bool
    env: Mapping[str, str]

    def drive_type(self, root: str) -> int: ...

    def mounts(self) -> str: ...


class RealSystem:
    def __init__(self) -> None:
        self.is_windows = sys.platform == "win32"
        self.env = os.environ

    def drive_type(self, root: str) -> int:  # pragma: no cover - Windows only
        from desktop.services import winsys

        return winsys.SYSTEM.drive_type(root)

    def mounts(self) -> str:
        try:
            with open("/proc/mounts", encoding="utf-8", errors="replace") as fh:
                return fh.read()
        except OSError:
            return ""


def _cloud_marker(parts: list[str]) -> str | None:
    for part in parts:
        low = part.casefold()
        for marker in CLOUD_MARKERS:
            if low == marker or low.startswith(marker + " - ") or low.startswith(marker + " ("):
                return part
    return None


def _under(path: str, folder: str, windows: bool) -> bool:
    if not folder:
        return False
    sep = "\\" if windows else "/"
    a, b = (path.casefold(), folder.casefold()) if windows else (path, folder)
    b = b.rstrip("\\/")
    return a == b or a.startswith(b + sep) or (windows and a.startswith(b + "/"))


def classify(path: str | os.PathLike[str], system: StorageSystem | None = None) -> Verdict:
    """Where ``path`` (an absolute path of the database file) lives."""
    system = system or RealSystem()
    text = os.fspath(path)
    if system.is_windows:
        win = PureWindowsPath(text)
        if text.startswith(("\\\\", "//")):
            return Verdict(Place.NETWORK, win.anchor or text)
        for var in CLOUD_ENV_VARS:
            if _under(text, system.env.get(var, ""), True):
                return Verdict(Place.CLOUD, system.env[var])
        marker = _cloud_marker(list(win.parts[1:]))
        if marker:
            return Verdict(Place.CLOUD, marker)
        if win.drive:
            kind = system.drive_type(win.drive + "\\")
            if kind == DRIVE_REMOTE:
                return Verdict(Place.NETWORK, win.drive)
            if kind in (DRIVE_REMOVABLE, DRIVE_CDROM):
                return Verdict(Place.REMOVABLE, win.drive)
        return Verdict(Place.LOCAL)
    if text.startswith("//"):
        return Verdict(Place.NETWORK, text)
    for var in CLOUD_ENV_VARS:
        if _under(text, system.env.get(var, ""), False):
            return Verdict(Place.CLOUD, system.env[var])
    marker = _cloud_marker(text.split("/")[1:])
    if marker:
        return Verdict(Place.CLOUD, marker)
    best, best_fs = "", ""
    for line in system.mounts().splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if _under(text, point, False) and len(point) >= len(best):
            best, best_fs = point, fields[2]
    if best_fs in _NETWORK_FS:
        return Verdict(Place.NETWORK, best)
    if text.startswith(("/media/", "/run/media/", "/mnt/usb")):
        return Verdict(Place.REMOVABLE, best)
    return Verdict(Place.LOCAL)


def check_sqlite_location(path: str | os.PathLike[str], system: StorageSystem | None = None) -> str:
    """Refuse a place SQLite cannot protect (raises); returns a warning text or ""."""
    verdict = classify(path, system)
    if verdict.place is Place.NETWORK:
        raise DatabaseError(
            f"Tệp dữ liệu «{os.fspath(path)}» nằm trên ổ mạng dùng chung ({verdict.detail}). "
            "Tệp SQLite trên ổ mạng có thể hỏng khi hai máy cùng ghi nên chương trình không mở. "
            + SERVER_HINT
        )
    if verdict.place is Place.CLOUD:
        raise DatabaseError(
            f"Tệp dữ liệu «{os.fspath(path)}» nằm trong thư mục đồng bộ đám mây "
            f"({verdict.detail}). Trình đồng bộ có thể chép tệp khi đang ghi dở hoặc đưa bản cũ "
            "về, làm mất dữ liệu, nên chương trình không mở. Hãy chép tệp ra thư mục khác. "
            + SERVER_HINT
        )
    if verdict.place is Place.REMOVABLE:
        return (
            "Tệp dữ liệu nằm trên ổ đĩa rời (USB). Đừng rút ổ khi chương trình đang mở: "
            "những thay đổi cuối có thể bị mất. Nên để dữ liệu trên ổ đĩa của máy và dùng ổ USB "
            "để chứa bản sao lưu."
        )
    return ""
