"""The Windows-only module, answered by a fake Windows (these tests run on Linux)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.services import winsys

VIET = r"C:\Users\Nguyễn Văn A\Tài liệu"


@dataclass
class FakeWindows:
    windows: bool = True
    drives: dict[str, int] = field(default_factory=dict)
    executed: list[tuple[str, str]] = field(default_factory=list)
    ran: list[list[str]] = field(default_factory=list)
    tools: dict[str, str] = field(default_factory=dict)

    def drive_type(self, root: str) -> int:
        return self.drives.get(root, winsys.DRIVE_NO_ROOT)

    def shell_execute(self, path: str, verb: str) -> None:
        self.executed.append((path, verb))

    def run(self, command: list[str]) -> None:
        self.ran.append(command)

    def which(self, name: str) -> str | None:
        return self.tools.get(name)


@pytest.mark.parametrize(("path", "drive", "kind"), [
    (VIET + r"\theodoi.sqlite3", winsys.DRIVE_FIXED, "fixed"),
    (r"E:\DuLieu\theodoi.sqlite3", winsys.DRIVE_REMOVABLE, "removable"),
    (r"Z:\ChungCoQuan\theodoi.sqlite3", winsys.DRIVE_REMOTE, "network"),
    (r"D:\x.sqlite3", winsys.DRIVE_CDROM, "cdrom"),
    (r"R:\x.sqlite3", winsys.DRIVE_RAMDISK, "ramdisk"),
    (r"Q:\x.sqlite3", winsys.DRIVE_NO_ROOT, "unknown"),
    (r"\\may-chu\chung\theodoi.sqlite3", None, "network"),
    ("//may-chu/chung/theodoi.sqlite3", None, "network"),
    (r"\\?\UNC\may-chu\chung\theodoi.sqlite3", None, "network"),
    (r"\\?\E:\DuLieu\theodoi.sqlite3", winsys.DRIVE_REMOVABLE, "removable"),
    ("relative.sqlite3", None, "unknown"),
])
def test_drive_kinds_from_the_windows_answers(path: str, drive: int | None, kind: str) -> None:
    fake = FakeWindows()
    root = winsys.drive_root(path.removeprefix("\\\\?\\"))
    if drive is not None and root is not None:
        fake.drives[root] = drive
    assert winsys.drive_kind(path, fake) == kind
    assert winsys.drive_kind(path, FakeWindows(windows=False)) in (
        "unknown", "network")  # not Windows: only UNC is known


def test_long_and_vietnamese_paths() -> None:
    short = VIET + r"\BaoCao.docx"
    assert winsys.long_path(short, windows=True) == short  # short: unchanged, still Unicode
    deep = VIET + "\\" + "\\".join(["Báo cáo kết quả học tập năm 2026"] * 8) + r"\BaoCao.docx"
    assert len(deep) > winsys.MAX_PATH
    assert winsys.long_path(deep, windows=True) == "\\\\?\\" + deep
    unc = r"\\may-chu\chung" + deep[2:]
    assert winsys.long_path(unc, windows=True) == "\\\\?\\UNC\\may-chu\\chung" + deep[2:]
    assert winsys.long_path(deep, windows=False) == deep
    prefixed = "\\\\?\\" + deep
    assert winsys.long_path(prefixed, windows=True) == prefixed


def test_open_and_print_use_the_associated_program() -> None:
    fake = FakeWindows()
    winsys.open_file(VIET + r"\BaoCao.docx", fake)
    winsys.print_file(VIET + r"\BaoCao.docx", fake)
    assert fake.executed == [(VIET + r"\BaoCao.docx", "open"), (VIET + r"\BaoCao.docx", "print")]


def test_printing_elsewhere_uses_libreoffice_or_lp_or_says_what_to_do(tmp_path: Path) -> None:
    doc = tmp_path / "Báo cáo.docx"
    linux = FakeWindows(windows=False, tools={"soffice": "/usr/bin/soffice", "lp": "/usr/bin/lp"})
    winsys.print_file(doc, linux)
    assert linux.ran == [["/usr/bin/soffice", "--headless", "-p", str(doc)]]
    only_lp = FakeWindows(windows=False, tools={"lp": "/usr/bin/lp"})
    winsys.print_file(doc, only_lp)
    assert only_lp.ran == [["/usr/bin/lp", str(doc)]]
    with pytest.raises(OSError, match="chưa có chương trình in"):
        winsys.print_file(doc, FakeWindows(windows=False))
    winsys.open_file(doc, linux)
    assert linux.ran[-1] == ["xdg-open", str(doc)]


def test_file_in_use_errors() -> None:
    windows, linux = FakeWindows(), FakeWindows(windows=False)
    sharing = PermissionError(13, "The process cannot access the file")
    sharing.winerror = winsys.ERROR_SHARING_VIOLATION  # type: ignore[attr-defined]
    assert winsys.file_in_use(sharing, windows)
    locked = OSError(13, "lock")
    locked.winerror = winsys.ERROR_LOCK_VIOLATION  # type: ignore[attr-defined]
    assert winsys.file_in_use(locked, linux)
    assert winsys.file_in_use(PermissionError(13, "Access is denied"), windows)
    assert not winsys.file_in_use(PermissionError(13, "denied"), linux)
    assert not winsys.file_in_use(FileNotFoundError(2, "gone"), windows)
    assert not winsys.file_in_use(ValueError("x"), windows)
    text = winsys.in_use_message(VIET + r"\Báo cáo.docx")
    assert "«Báo cáo.docx» đang mở trong Word" in text and "Thử lại" in text


def test_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path))
    where = winsys.locations(FakeWindows())
    assert where.data == tmp_path and not where.portable
    assert where.settings == r"HKEY_CURRENT_USER\Software\TheoDoiChiThi\TheoDoiChiThi"
