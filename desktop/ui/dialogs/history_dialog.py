"""Lịch sử thay đổi: the audit rows of one document and its tracking rows, printable as PDF.

The rows come from ``services.audit.document_history`` (readable Vietnamese summaries); the
same rows are laid out as an HTML table in a QTextDocument, which "Xuất PDF…" prints through a
QPrinter in PDF mode (A4), so an inspector gets the history on paper without the program.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.services.audit import HistoryEntry, document_history
from desktop.services.database import Database
from desktop.ui.dialogs import message, save_dialog
from desktop.ui.widgets.screen_fit import resize_to_fit


def _when(entry: HistoryEntry) -> str:
    local = entry.at.astimezone()
    return f"{format_date(local.date())} {local:%H:%M}"


class HistoryDialog(QDialog):
    """Read-only list of what changed, when and by whom."""

    def __init__(
        self, db: Database, document_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of changes — {document}").format(document=title))
        resize_to_fit(self, 900, 520)
        self._title = title
        self.entries = document_history(db, document_id)
        self.summary = QLabel(
            self.tr("{count} changes recorded for {document} and its tracking rows.").format(
                count=len(self.entries), document=title
            )
        )
        self.table = QTableWidget(len(self.entries), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Action"),
                self.tr("What"),
                self.tr("Details"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        for row, entry in enumerate(self.entries):
            for column, value in enumerate(
                (_when(entry), entry.actor, entry.action, entry.what, entry.detail)
            ):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (1, 110), (2, 80), (3, 150)):
            header.resizeSection(column, width)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.clicked.connect(self.export_pdf)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def to_html(self) -> str:
        head = "".join(
            f"<th>{html.escape(self.table.horizontalHeaderItem(c).text())}</th>"
            for c in range(self.table.columnCount())
        )
        body = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(v)}</td>"
                for v in (_when(e), e.actor, e.action, e.what, e.detail)
            )
            + "</tr>"
            for e in self.entries
        )
        title = html.escape(self.windowTitle())
        return (
            "<html><body style='font-family: \"Times New Roman\"; font-size: 11pt'>"
            f"<h3>{title}</h3><p>{html.escape(self.summary.text())}</p>"
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
        )

    def write_pdf(self, path: Path) -> None:
        document = QTextDocument()
        document.setHtml(self.to_html())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        document.print_(printer)

    def export_pdf(self) -> None:
        chosen = save_dialog.save_file(
            self,
            self.tr("Export history as PDF"),
            f"Lich su {self._title.replace('/', '-')}.pdf",
            self.tr("PDF files (*.pdf)"),
            "history_pdf",
            ".pdf",
        )
        if not chosen:
            return
        try:
            self.write_pdf(chosen)
        except OSError as exc:
            message.error(
                self,
                self.tr("The PDF could not be written ({reason}).").format(
                    reason=exc.strerror or str(exc)
                ),
            )
            return
        message.information(self, self.tr("The history was saved to {path}.").format(path=chosen))


def show_history(db: Database, document_id: int, title: str, parent: QWidget | None) -> None:
    dialog = HistoryDialog(db, document_id, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
