"""An exception in a slot: a dialog with copyable details, a log without record contents, and
the window stays usable; the per-document history dialog prints to PDF."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from desktop import app
from desktop.services.database import Database
from desktop.store import models as m
from desktop.ui.dialogs import crash_dialog

SENTINEL = "Đảng bộ xã ZZQ-SENTINEL-7731"


def test_slot_exception_is_logged_without_contents_and_window_stays_usable(
    qtbot,
    demo_db: Database,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from logging.handlers import RotatingFileHandler

    handler = RotatingFileHandler(
        tmp_path / "theodoi.log", maxBytes=100_000, backupCount=2, encoding="utf-8"
    )
    handler.setFormatter(app.RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    previous_hook = sys.excepthook
    crash_dialog.shown.clear()
    button = QPushButton("thử")
    qtbot.addWidget(button)
    try:
        app._install_excepthook(lambda: button)

        def failing_slot() -> None:
            # a failing operation whose error quotes what the clerk typed (like SQL parameters)
            with demo_db.transaction() as s:
                s.add(m.Organisation(name=SENTINEL, code="X001"))  # duplicate code

        button.clicked.connect(failing_slot)
        button.click()  # PySide6 hands the slot's exception to sys.excepthook
        QTimer.singleShot(0, lambda: None)
        qtbot.wait(10)
    finally:
        sys.excepthook = previous_hook
        root.removeHandler(handler)
        handler.close()
    assert crash_dialog.shown, "the crash dialog was not shown"
    assert SENTINEL in crash_dialog.shown[-1]  # the clerk's copy has the details…
    log_text = (tmp_path / "theodoi.log").read_text(encoding="utf-8")
    assert "unexpected error" in log_text and "IntegrityError" in log_text
    assert SENTINEL not in log_text and "ZZQ" not in log_text  # …the log never does
    with demo_db.read() as s:  # rolled back, and the database is still usable
        assert s.scalar(select(m.Organisation.id).where(m.Organisation.name == SENTINEL)) is None
    with demo_db.transaction() as s:
        s.add(m.Organisation(name="Vẫn ghi được"))


def test_copy_button_puts_the_details_on_the_clipboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    try:
        raise ValueError("chi tiết")
    except ValueError as exc:
        dialog = crash_dialog.CrashDialog(exc)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert "ValueError: chi tiết" in text and "Traceback" in text


def test_history_dialog_lists_and_prints(
    qtbot,
    demo_db: Database,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from desktop.ui.dialogs.history_dialog import HistoryDialog

    with demo_db.read() as s:
        tracking = s.scalars(select(m.Tracking)).first()
        doc_id = tracking.document_id
    with demo_db.transaction() as s:
        s.get(m.Tracking, tracking.id).note = "đã gọi điện nhắc"
    dialog = HistoryDialog(demo_db, doc_id, "01-CT/TU")
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(dialog.entries) >= 1
    last = dialog.table.rowCount() - 1
    assert "đã gọi điện nhắc" in dialog.table.item(last, 4).text()
    pdf = tmp_path / "lich-su.pdf"
    dialog.write_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
