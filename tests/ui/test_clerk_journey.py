"""quality.md, "Keyboard-only": a clerk creates a directive, gives it 20 recipients, records
that 15 of them studied it and exports the Word report — every step by key presses on the real
main window (menus' shortcuts and the access keys underlined in the Vietnamese labels), the
database checked along the way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.documents import find_document
from desktop.services.tracking_grid import fetch_rows, row_ids
from desktop.tasks.runner import TaskRunner
from desktop.ui.dialogs import file_saved_dialog, save_dialog
from desktop.ui.main_window import MainWindow

from . import documents_support
from .conftest import DEMO_TODAY, type_text
from .documents_support import activate, key, wait_idle

demo400_template = documents_support.demo400_template
docs_db = documents_support.docs_db

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def access_key(widget: QAbstractButton | QLabel) -> Key:
    """The key underlined in a (translated) label: "Chọn hoặc dán &nơi nhận…" -> N."""
    text = widget.text()
    letter = text[text.index("&") + 1]
    assert letter.isascii() and letter.isalpha(), text
    return getattr(Key, f"Key_{letter.upper()}")


def press(qtbot: QtBot, k: Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          times: int = 1) -> None:
    for _ in range(times):
        key(qtbot, k, modifiers)


def focus(window: QWidget) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is window, widget
    return widget


def test_a_directive_from_entry_to_the_printed_report_without_the_mouse(
    qtbot: QtBot, docs_db: Database, runner: TaskRunner, tmp_path: Path
) -> None:
    window = MainWindow(docs_db, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    documents = window.page("documents")
    documents.table.setFocus()

    # 1. the directive: Ctrl+N, then number, date and excerpt, Tab between them
    press(qtbot, Key.Key_N, CTRL)
    dialog = documents.dialog
    assert dialog is not None
    activate(qtbot, dialog)
    press(qtbot, Key.Key_Tab, times=2)
    assert focus(dialog) is dialog.form.number_edit
    qtbot.keyClicks(focus(dialog), "16")
    press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focus(dialog), "20/11/26")
    press(qtbot, Key.Key_Tab)
    type_text(focus(dialog), "về tăng cường công tác phòng, chống lãng phí")

    # 2. twenty recipients: Alt+3 (tab "3. Nơi nhận"), the button's access key, then in the
    # chooser: its search field by its label's key, "chi bo", Enter, Space and Down twenty times
    press(qtbot, Key.Key_3, ALT)
    assert dialog.tabs.currentIndex() == 2
    press(qtbot, access_key(dialog.recipients_button), ALT)
    qtbot.waitUntil(lambda: dialog.recipients_dialog is not None
                    and dialog.recipients_dialog.isVisible())
    chooser_dialog = dialog.recipients_dialog
    activate(qtbot, chooser_dialog)
    chooser = chooser_dialog.chooser
    search_label = next(w for w in chooser.findChildren(QLabel) if w.buddy() is chooser.search)
    press(qtbot, access_key(search_label), ALT)
    assert focus(chooser_dialog) is chooser.search
    type_text(chooser.search, "chi bo")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: chooser.results.count() >= 20)
    assert chooser_dialog.isVisible()  # Enter searched; it did not press OK
    assert focus(chooser_dialog) is chooser.results
    for _ in range(20):
        press(qtbot, Key.Key_Space)
        press(qtbot, Key.Key_Down)
    assert chooser.chosen.count() == 20
    press(qtbot, Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: not chooser_dialog.isVisible())
    assert dialog.recipients_summary.text() == "Nơi nhận: 20 đơn vị"

    # 3. saved with Enter: the document and its twenty tracking rows
    activate(qtbot, dialog)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    document = find_document(docs_db, "16-CT/TU")
    ids = row_ids(docs_db, document.id, as_of=DEMO_TODAY)
    assert len(ids) == 20

    # 4. all twenty received it, fifteen studied it: Ctrl+3 (Theo dõi) shows the grid of the
    # document just saved; Ctrl+A and Ctrl+Shift+N (mark received), then Ctrl+Home, Shift+Down
    # to select 15 rows and Ctrl+Shift+H (set study session); in each dialog the day is typed
    # over the prefilled one and Enter applies it
    activate(qtbot, window)  # the dialog gone, the keys go to the main window again
    assert focus(window) is documents.table
    press(qtbot, Key.Key_3, CTRL)
    grid = window.page("tracking").grid
    qtbot.waitUntil(lambda: grid.document_id == document.id and not grid.loading
                    and grid.model.rowCount() == 20, timeout=10_000)
    assert focus(window) is grid.view  # the keys go on in the grid

    def bulk(shortcut: Key, day: str) -> None:
        press(qtbot, shortcut, CTRL | SHIFT)
        qtbot.waitUntil(lambda: grid.bulk_dialog is not None and grid.bulk_dialog.isVisible())
        dialog = grid.bulk_dialog
        activate(qtbot, dialog)
        assert focus(dialog) is dialog.date.edit
        type_text(focus(dialog), day)
        with qtbot.waitSignal(grid.bulk_finished, timeout=10_000):
            press(qtbot, Key.Key_Return)
        activate(qtbot, window)

    press(qtbot, Key.Key_A, CTRL)
    bulk(Key.Key_N, "21/11/2026")
    press(qtbot, Key.Key_Home, CTRL)
    press(qtbot, Key.Key_Down, SHIFT, times=14)
    assert len(grid.selected_ids()) == 15
    bulk(Key.Key_H, "25/11/2026")
    rows = fetch_rows(docs_db, ids, DEMO_TODAY)
    assert {r.received_date for r in rows} == {date(2026, 11, 21)}
    studied = [r for r in rows if r.study_date is not None]
    assert len(studied) == 15 and {r.study_date for r in studied} == {date(2026, 11, 25)}

    # 5. the report: Ctrl+Shift+W, the export button's access key; the file is written
    activate(qtbot, window)
    press(qtbot, Key.Key_W, CTRL | SHIFT)
    reports = window.page("reports")
    qtbot.waitUntil(lambda: reports.report_dialog is not None
                    and reports.report_dialog.isVisible())
    report = reports.report_dialog
    qtbot.addWidget(report)
    activate(qtbot, report)
    assert report.output == "ket-qua" and report.document_combo.currentData() == document.id
    target = tmp_path / "Báo cáo 16-CT-TU.docx"
    save_dialog.set_next_save_path(target)
    printed: list[Path] = []
    file_saved_dialog.printer = printed.append
    try:
        with qtbot.waitSignal(report.exported, timeout=30_000):
            press(qtbot, access_key(report.export_button), ALT)
        text = "\n".join(p.text for p in Document(str(target)).paragraphs)
        assert "16-CT/TU" in text and "15/20 đơn vị" in text, text[:2000]
        saved = report.saved_dialog
        assert saved is not None
        qtbot.addWidget(saved)
    finally:
        file_saved_dialog.printer = file_saved_dialog._print_with_system
    wait_idle(qtbot, runner)
