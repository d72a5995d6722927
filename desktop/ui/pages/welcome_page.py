"""Chào mừng: shown instead of the pages while the database holds nothing at all.

Two ways out: create sample data, or import the office's own organisation list from Excel
(the import dialog of :mod:`desktop.ui.dialogs.org_files`). Either way :attr:`WelcomePage.
demo_created` tells the main window that the database now holds data.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services.database import Database
from desktop.tasks.runner import TaskRunner, TaskState

#: ``builder(db, progress)`` fills the database with sample data (``create_demo`` by default).
DemoBuilder = Callable[[Database, Callable[[float, str], None]], object]


def default_demo_builder(db: Database, progress: Callable[[float, str], None]) -> object:
    from desktop.services.demo import create_demo  # only when the clerk asks for it

    return create_demo(db, progress=progress)


class WelcomePage(QWidget):
    """What the program is for, and one button that creates sample data to try it on."""

    demo_created = Signal()  # the database holds data now (sample data, or an imported list)

    def __init__(
        self, db: Database, runner: TaskRunner, demo_builder: DemoBuilder | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._runner = runner
        self._builder = demo_builder or default_demo_builder

        title = QLabel(self.tr("Welcome to Theo dõi Chỉ thị"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "This program keeps track of how each Party organisation receives, studies and "
            "implements the directives and resolutions sent to it, and whether it has reported "
            "back on time. From those records it counts the progress of every document, per "
            "group of organisations, for the reports to the Standing Committee."
        ))
        intro.setWordWrap(True)
        empty = QLabel(self.tr(
            "The database is still empty. To look around first, create sample data: a fictitious "
            "province with its organisations, a few documents and their tracking records."
        ))
        own = QLabel(self.tr(
            "To start with your own data, import the list of organisations from the Excel file "
            "your office keeps (name, parent, kind, party cells, members…). You will see what "
            "would be created before anything is written."
        ))
        own.setWordWrap(True)
        empty.setWordWrap(True)
        self.demo_button = QPushButton(self.tr("&Create sample data"))
        self.demo_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.demo_button.setMinimumHeight(44)
        button_font = self.demo_button.font()
        button_font.setPointSizeF(button_font.pointSizeF() * 1.2)
        self.demo_button.setFont(button_font)
        self.demo_button.clicked.connect(self.create_demo)
        self.import_button = QPushButton(self.tr("&Import the organisation list from Excel…"))
        self.import_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.import_button.setMinimumHeight(44)
        self.import_button.setFont(button_font)
        self.import_button.clicked.connect(self.import_organisations)
        self.status = QLabel()

        box = QWidget()
        box.setMaximumWidth(720)
        inner = QVBoxLayout(box)
        inner.setSpacing(16)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addWidget(empty)
        inner.addWidget(own)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        inner.addWidget(self.status)
        # Stretches rather than an alignment flag, so the wrapped labels get their full height.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def create_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.status.setText(self.tr("Creating sample data…"))
        db, builder = self._db, self._builder

        def work(state: TaskState) -> object:
            return builder(db, state.progress)

        self._runner.run(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_cancelled=self._cancelled,
            label=self.tr("Creating sample data…"),
            parent=self.window(),
        )

    def import_organisations(self) -> None:
        """Open the import dialog; once a list is imported the pages replace this one."""
        from desktop.ui.dialogs.org_files import OrgFiles

        files = OrgFiles(self._db, self._runner, self)
        files.imported.connect(self._imported)
        self.org_files = files
        files.open_import()

    def _imported(self, _result: object) -> None:
        self.status.setText(self.tr("The organisation list was imported."))
        self.demo_created.emit()

    def _done(self, _summary: object) -> None:
        self.status.setText(self.tr("Sample data created."))
        self.demo_created.emit()

    def _failed(self, error: BaseException) -> None:
        from desktop.ui.dialogs import message

        self.demo_button.setEnabled(True)
        self.status.setText(self.tr("No sample data was created."))
        message.show_exception(self, error)

    def _cancelled(self) -> None:
        self.demo_button.setEnabled(True)
        self.status.setText(self.tr("Cancelled; nothing was changed."))
