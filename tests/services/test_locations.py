"""Where a SQLite file may live, with the operating system's answers injected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest

from desktop.domain.errors import DatabaseError
from desktop.services import locations as loc


@dataclass
class FakeSystem:
    is_windows: bool = True
    env: Mapping[str, str] = field(default_factory=dict)
    drives: Mapping[str, int] = field(default_factory=dict)
    mount_text: str = ""
    asked: list[str] = field(default_factory=list)

    def drive_type(self, root: str) -> int:
        self.asked.append(root)
        return self.drives.get(root.upper(), loc.DRIVE_FIXED)

    def mounts(self) -> str:
        return self.mount_text


@pytest.mark.parametrize(
    "path, drives, env, place",
    [
        (r"C:\Users\an\AppData\Local\TheoDoiChiThi\theodoi.sqlite3", {}, {}, loc.Place.LOCAL),
        (r"\\may-chu\dulieu\theodoi.sqlite3", {}, {}, loc.Place.NETWORK),
        ("//may-chu/dulieu/theodoi.sqlite3", {}, {}, loc.Place.NETWORK),
        (r"Z:\theodoi.sqlite3", {"Z:\\": loc.DRIVE_REMOTE}, {}, loc.Place.NETWORK),
        (r"E:\SaoLuu\theodoi.sqlite3", {"E:\\": loc.DRIVE_REMOVABLE}, {}, loc.Place.REMOVABLE),
        (
            r"C:\Users\an\OneDrive\Tai lieu\theodoi.sqlite3",
            {},
            {"OneDrive": r"C:\Users\an\OneDrive"},
            loc.Place.CLOUD,
        ),
        (r"C:\Users\an\OneDrive - Sở Nội vụ\theodoi.sqlite3", {}, {}, loc.Place.CLOUD),
        (r"D:\Dropbox\vp\theodoi.sqlite3", {}, {}, loc.Place.CLOUD),
        (r"G:\My Drive\theodoi.sqlite3", {}, {}, loc.Place.CLOUD),
        (r"C:\Users\an\Google Drive\theodoi.sqlite3", {}, {}, loc.Place.CLOUD),
        (r"C:\Users\an\OneDriveBackup\theodoi.sqlite3", {}, {}, loc.Place.LOCAL),
    ],
)
def test_windows_places(
    path: str, drives: dict[str, int], env: dict[str, str], place: loc.Place
) -> None:
    assert loc.classify(path, FakeSystem(env=env, drives=drives)).place is place


def test_network_and_cloud_are_refused_with_a_pointer_to_the_server_mode() -> None:
    system = FakeSystem(drives={"Z:\\": loc.DRIVE_REMOTE})
    with pytest.raises(DatabaseError, match="PostgreSQL") as info:
        loc.check_sqlite_location(r"Z:\theodoi.sqlite3", system)
    assert "ổ mạng" in info.value.message
    with pytest.raises(DatabaseError, match="đồng bộ"):
        loc.check_sqlite_location(r"C:\Users\an\Dropbox\theodoi.sqlite3", FakeSystem())


def test_removable_drive_is_a_warning_only() -> None:
    system = FakeSystem(drives={"E:\\": loc.DRIVE_REMOVABLE})
    assert "USB" in loc.check_sqlite_location(r"E:\theodoi.sqlite3", system)
    assert loc.check_sqlite_location(r"C:\theodoi.sqlite3", FakeSystem()) == ""


def test_linux_mounts_and_markers() -> None:
    mounts = (
        "/dev/vda / ext4 rw 0 0\n//nas/chung /mnt/chung cifs rw 0 0\nnas:/x /srv/nfs nfs4 rw 0 0\n"
    )
    system = FakeSystem(is_windows=False, mount_text=mounts)
    assert loc.classify("/home/an/theodoi.sqlite3", system).place is loc.Place.LOCAL
    assert loc.classify("/mnt/chung/theodoi.sqlite3", system).place is loc.Place.NETWORK
    assert loc.classify("/srv/nfs/a/theodoi.sqlite3", system).place is loc.Place.NETWORK
    assert loc.classify("/home/an/Dropbox/theodoi.sqlite3", system).place is loc.Place.CLOUD
    assert loc.classify("/media/an/USB/theodoi.sqlite3", system).place is loc.Place.REMOVABLE


def test_database_open_refuses_a_cloud_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.database import Database

    target = tmp_path / "OneDrive" / "theodoi.sqlite3"
    with pytest.raises(DatabaseError, match="đồng bộ"):
        Database.open(str(target))
    assert not target.exists()
