"""The Excel exchange with the organisations, wherever it is offered.

:class:`FormsFiles` owns the three commands — "Gửi phiếu Excel cho các đơn vị…"
(:mod:`.forms_export_dialog`), "Đọc phiếu Excel đã nhận…" (:mod:`.forms_import_dialog`) and
"Xuất bảng thống kê Excel…" (:mod:`.stats_export_dialog`) — like
:class:`~desktop.ui.dialogs.org_files.OrgFiles` does for the organisation list. The main
window's File menu holds one with the shortcuts (Ctrl+Shift+G, Ctrl+Shift+I, Ctrl+Shift+T);
the tracking grid holds one for its "Phiếu Excel" button and context menu, opened on the
grid's document. :attr:`FormsFiles.imported` carries a
:class:`~.forms_import_dialog.FormsImported` (its ``Undo`` goes on the grid's undo stack).
Nothing heavy (openpyxl, xlsxwriter) is imported until a command is used.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner

if TYPE_CHECKING:
    from desktop.ui.dialogs.forms_export_dialog import FormsExportDialog
    from desktop.ui.dialogs.forms_import_dialog import FormsImportDialog
    from desktop.ui.dialogs.stats_export_dialog import StatsExportDialog


D = TypeVar("D", bound=QDialog)


class FormsFiles(QObject):
    """The three Excel commands for one window (``parent``)."""

    imported = Signal(object)  # FormsImported

    def __init__(
        self,
        db: Database,
        runner: TaskRunner,
        parent: QWidget,
        *,
        document_id: Callable[[], int | None] = lambda: None,
        today: date | None = None,
        shortcuts: bool = False,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._widget = parent
        self._document_id = document_id
        self._today = today
        self.dialog: QDialog | None = None
        self.export_action = QAction(self.tr("&Send Excel forms to the organisations…"), parent)
        self.import_action = QAction(self.tr("&Read returned Excel forms…"), parent)
        self.stats_action = QAction(self.tr("Export a s&tatistics workbook (Excel)…"), parent)
        if shortcuts:  # one holder per window has them (the File menu), or they would clash
            self.export_action.setShortcut(QKeySequence("Ctrl+Shift+G"))
            self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
            self.stats_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.export_action.triggered.connect(lambda: self.open_export())
        self.import_action.triggered.connect(lambda: self.open_import())
        self.stats_action.triggered.connect(lambda: self.open_stats())

    def actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.stats_action]

    def _open(self, cls: type[D], **kwargs: object) -> D:
        """A new ``cls`` dialog on this window (the previous one let go), opened window-modal."""
        if self.dialog is not None:
            self.dialog.deleteLater()
        dialog = cls(self._db, self._runner, self._widget.window(), today=self._today, **kwargs)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_export(self) -> FormsExportDialog:
        from desktop.ui.dialogs.forms_export_dialog import FormsExportDialog

        return self._open(FormsExportDialog, document_id=self._document_id())

    def open_import(self) -> FormsImportDialog:
        from desktop.ui.dialogs.forms_import_dialog import FormsImportDialog

        dialog = self._open(FormsImportDialog)
        dialog.imported.connect(self.imported)
        return dialog

    def open_stats(self) -> StatsExportDialog:
        from desktop.ui.dialogs.stats_export_dialog import StatsExportDialog

        return self._open(StatsExportDialog, document_id=self._document_id())
