"""Cài đặt → Sao lưu ngay / Kiểm tra dữ liệu / Khôi phục, on a real database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from desktop.services import backup
from desktop.services.database import Database
from desktop.store import models as m
from desktop.ui.dialogs import file_dialogs, message
from desktop.ui.pages.settings_page import SettingsPage


def test_backup_now_and_check_are_idempotent(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    page = SettingsPage(demo_db)
    qtbot.addWidget(page)
    page.refresh()
    assert str(backup.backup_folder(demo_db)) in page.ui.backupFolderValue.text()
    page.ui.backupNowButton.click()
    [made] = backup.list_backups(demo_db)
    assert str(made.path) in page.ui.safetyResult.text()
    page.ui.checkButton.click()
    first = page.ui.safetyResult.text()
    page.ui.checkButton.click()
    assert page.ui.safetyResult.text() == first  # the full check changes nothing
    assert first.startswith("Dữ liệu toàn vẹn") and "Nhật ký thay đổi" in first


def test_restore_backs_up_first_and_brings_the_data_back(  # type: ignore[no-untyped-def]
    qtbot, demo_db: Database, monkeypatch
) -> None:
    from PySide6.QtWidgets import QApplication

    page = SettingsPage(demo_db)
    qtbot.addWidget(page)
    saved = backup.make_backup(demo_db).path
    with demo_db.read() as s:
        count = s.scalar(select(func.count()).select_from(m.Organisation))
    with demo_db.transaction() as s:
        s.add(m.Organisation(name="Thêm sau khi sao lưu"))
    path = Path(demo_db.location)
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    file_dialogs.set_next_paths([saved])
    message.set_next_answer(message.Button.Yes)
    page.ui.restoreButton.click()
    assert quits == [True]
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM organisations").fetchone()[0] == count
    con.close()
    assert any("truoc-khoi-phuc" in b.path.name for b in backup.list_backups(demo_db))
