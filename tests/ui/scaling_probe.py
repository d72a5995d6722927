"""Run by tests/ui/test_scaling.py in a process of its own (the scale factor is fixed when Qt
starts): open the main window on a screen of the given size and scale, visit every page and
tab, then open the biggest dialogs, and print as JSON what does not fit — the window's minimum
size and each dialog against the screen, and every label or button narrower than its text.
Screenshots go to the folder given.

Usage: scaling_probe.py DATABASE OUT_FOLDER   (QT_QPA_PLATFORM and QT_SCALE_FACTOR set by the
caller; QSettings in OUT_FOLDER, so nothing the clerk saved changes the layout)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _cut(where: str, top: Any, problems: list[str]) -> None:
    """Every shown label or button narrower than its text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

    for w in top.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QLabel | QAbstractButton):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text()):
            continue
        if w.width() < w.minimumSizeHint().width():
            problems.append(f"{where}: «{w.text()[:40]}» cut ({w.width()} px "
                            f"for {w.minimumSizeHint().width()})")


def _dialogs(db: Any, runner: Any, window: Any) -> Iterator[tuple[str, Any]]:
    """The biggest dialogs, each as the clerk opens it (over the main window)."""
    from datetime import date

    from desktop.services.document_register import get_document
    from desktop.services.documents import list_documents
    from desktop.ui.dialogs.document_dialog import DocumentDialog
    from desktop.ui.dialogs.forms_import_dialog import FormsImportDialog
    from desktop.ui.dialogs.office_dialog import OfficeDialog
    from desktop.ui.dialogs.recipients_dialog import RecipientsDialog
    from desktop.ui.dialogs.report_dialog import ReportDialog

    document = get_document(db, list_documents(db)[0].id)
    yield "document-dialog", DocumentDialog(db, runner, document=document, parent=window)
    yield "recipients-dialog", RecipientsDialog(db, runner, date(2026, 11, 30), parent=window)
    yield "forms-import-dialog", FormsImportDialog(db, runner, window)
    yield "report-dialog", ReportDialog(db, runner, window)
    yield "office-dialog", OfficeDialog(db, window)


def main(database: str, out: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTabWidget

    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out))
    from desktop.services.database import Database
    from desktop.tasks.runner import TaskRunner
    from desktop.ui import i18n
    from desktop.ui.main_window import PAGE_KEYS, MainWindow

    i18n.install(app, "vi")
    db = Database.open(database, single_writer=False)
    runner = TaskRunner()
    window = MainWindow(db, runner)
    window.showMaximized()

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()

    spin(0.5)
    screen = app.primaryScreen().availableGeometry()
    problems: list[str] = []
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.page(key)
        for tabs in page.findChildren(QTabWidget) or [None]:
            for i in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(i)
                spin(0.3)
                where = key + (f" / {tabs.tabText(i).replace('&', '')}" if tabs else "")
                hint = window.minimumSizeHint()
                if hint.width() > screen.width() or hint.height() > screen.height():
                    problems.append(f"{where}: the window needs {hint.width()} × "
                                    f"{hint.height()}, the screen has {screen.width()} × "
                                    f"{screen.height()}")
                _cut(where, page, problems)
        window.grab().save(str(out / f"{key}.png"))
    for name, dialog in _dialogs(db, runner, window):
        dialog.show()
        spin(0.3)
        size = dialog.frameGeometry().size()
        if size.width() > screen.width() or size.height() > screen.height():
            problems.append(f"{name}: the dialog is {size.width()} × {size.height()}, the "
                            f"screen has {screen.width()} × {screen.height()}")
        _cut(name, dialog, problems)
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.close()
    print(json.dumps({"screen": [screen.width(), screen.height()], "problems": problems}))
    runner.shutdown()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
