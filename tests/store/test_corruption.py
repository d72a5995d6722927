"""Byte-corrupted databases are detected at start with nothing written; the newest good backup
is offered and the damaged file kept aside. Fixtures are built here from a real file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services import backup, integrity
from desktop.services.database import Database
from desktop.store import models as m


def _page_size(path: Path) -> int:
    with open(path, "rb") as fh:
        fh.seek(16)
        return int.from_bytes(fh.read(2), "big")


def _root_page(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(
            con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        )
    finally:
        con.close()


def corrupt_page_header(path: Path) -> None:
    """The b-tree page header of the organisations table: an impossible page type."""
    page = _root_page(path, "organisations")
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * _page_size(path))
        fh.write(b"\x07\xff\xff\xff\xff")


def truncate(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.truncate(size // 2 + 100)


def zero_btree_page(path: Path) -> None:
    page = _root_page(path, "tracking")
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * _page_size(path))
        fh.write(b"\x00" * _page_size(path))


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "page-header": corrupt_page_header,
    "truncated": truncate,
    "zeroed-btree-page": zero_btree_page,
}


@pytest.fixture
def real_file(tmp_path: Path) -> Path:
    """A real database with data, checkpointed into one file (no WAL beside it)."""
    path = tmp_path / "theodoi.sqlite3"
    shutil.copyfile(
        Path(__file__).parents[1] / "fixtures" / "databases" / "schema_0001.sqlite3", path
    )
    db = Database.open(str(path))
    with db.transaction() as s:
        s.add(m.Organisation(name="Đảng bộ xã Mới"))
    db.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_good_file_passes(real_file: Path) -> None:
    results = integrity.check_file(real_file)
    assert all(r.ok for r in results), results
    assert {r.name for r in results} >= {"Đầu tệp SQLite", "Tệp SQLite", "Khóa ngoại"}


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_corruption_is_detected_without_writing(real_file: Path, kind: str) -> None:
    CORRUPTIONS[kind](real_file)
    before = _digest(real_file)
    results = integrity.check_file(real_file)
    assert any(not r.ok for r in results), (kind, results)
    assert _digest(real_file) == before


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_app_start_refuses_and_offers_the_newest_good_backup(
    real_file: Path, kind: str, qapp: object
) -> None:
    from desktop import app
    from desktop.ui.dialogs import message

    db = Database.open(str(real_file))
    good = backup.make_backup(db).path
    db.close()
    CORRUPTIONS[kind](real_file)
    damaged = real_file.read_bytes()

    message.reset()
    message.set_interactive(False)  # an unexpected box must never block the test
    message.set_next_answer(message.Button.No)
    assert app._check_before_open(str(real_file)) is False
    assert real_file.read_bytes() == damaged  # nothing written
    assert good.name in message.history[-1].text or "bị hỏng" in message.history[-1].text

    message.set_next_answer(message.Button.Yes)
    assert app._check_before_open(str(real_file)) is True
    aside = list(real_file.parent.glob("theodoi-hong-*.sqlite3"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged  # kept aside, untouched
    assert all(r.ok for r in integrity.check_file(real_file))
    con = sqlite3.connect(real_file)
    assert (
        con.execute("SELECT count(*) FROM organisations WHERE name = 'Đảng bộ xã Mới'").fetchone()[
            0
        ]
        == 1
    )
    con.close()
    message.reset()
    message.set_interactive(True)
