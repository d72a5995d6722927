"""The organisation list in and out of Excel: the two commands, wherever they are offered.

:class:`OrgFiles` owns "Nhập danh sách đơn vị từ Excel…" (the import dialog,
:mod:`.org_import_dialog`) and "Xuất danh sách đơn vị ra Excel…": a save dialog proposing
``Danh-sach-don-vi-30-11-2026.xlsx`` in the folder used last time, then
:func:`~desktop.services.org_export.export_orgs` on the task runner, then a
:class:`~.file_saved_dialog.FileSavedDialog` with "Mở tệp" / "Mở thư mục". The main window's
File menu, the organisations page and the welcome page each hold one; nothing heavy (openpyxl,
xlsxwriter) is imported until a command is used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.domain.errors import AppError
from desktop.domain.numbers import format_int
from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner, TaskState
from desktop.ui.dialogs import message
from desktop.ui.dialogs.file_saved_dialog import FileSavedDialog
from desktop.ui.dialogs.save_dialog import save_file

if TYPE_CHECKING:
    from desktop.services.org_export import ExportResult
    from desktop.ui.dialogs.org_import_dialog import OrgImportDialog


def export_file_name(day: date) -> str:
    """"Danh-sach-don-vi-30-11-2026.xlsx"."""
    return f"Danh-sach-don-vi-{day:%d-%m-%Y}.xlsx"


class OrgFiles(QObject):
    """Import and export of the organisation list for one window (``parent``)."""

    imported = Signal(object)  # ImportResult
    exported = Signal(object)  # ExportResult

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget,
                 as_of: Callable[[], date] | None = None, *, shortcuts: bool = False) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._widget = parent
        self._as_of = as_of or date.today
        self.import_dialog: OrgImportDialog | None = None
        self.saved_dialog: FileSavedDialog | None = None
        self.import_action = QAction(self.tr("&Import organisation list from Excel…"), parent)
        self.export_action = QAction(self.tr("E&xport organisation list to Excel…"), parent)
        self.import_action.setIconText(self.tr("Import from Excel…"))  # on a toolbar
        self.export_action.setIconText(self.tr("Export to Excel…"))
        if shortcuts:  # one holder per window has them (the File menu), or they would clash
            self.import_action.setShortcut(QKeySequence("Ctrl+I"))
            self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.import_action.triggered.connect(lambda: self.open_import())
        self.export_action.triggered.connect(lambda: self.export())

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action]

    # ------------------------------------------------------------------ import

    def open_import(self) -> OrgImportDialog:
        from desktop.ui.dialogs.org_import_dialog import OrgImportDialog

        if self.import_dialog is not None:
            self.import_dialog.deleteLater()
        dialog = OrgImportDialog(self._db, self._runner, parent=self._widget.window())
        dialog.imported.connect(self.imported)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------------ export

    def export(self, as_of: date | None = None) -> None:
        day = as_of or self._as_of()
        path = save_file(self._widget, self.tr("Export the organisation list"),
                         export_file_name(day), self.tr("Excel workbook (*.xlsx)"),
                         "org_export", ".xlsx")
        if path is None:
            return
        from desktop.services.org_export import export_orgs

        db = self._db

        def work(_state: TaskState) -> ExportResult:
            return export_orgs(db, path, as_of=day)

        self._runner.run(work, on_done=self._exported, on_error=self._export_failed,
                         label=self.tr("Exporting the organisation list…"),
                         parent=self._widget.window())

    def _exported(self, result: ExportResult) -> None:
        text = self.tr("{count} organisations were exported to “{file}”.").format(
            count=format_int(result.organisations), file=result.path.name)
        if self.saved_dialog is not None:
            self.saved_dialog.deleteLater()
        self.saved_dialog = FileSavedDialog(result.path, text, self._widget.window())
        self.saved_dialog.open()
        self.exported.emit(result)

    def _export_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            message.error(self._widget, exc.message,
                          title=self.tr("The organisation list was not exported"))
        else:
            message.show_exception(self._widget, exc)
