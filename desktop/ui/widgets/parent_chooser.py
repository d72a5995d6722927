"""Choosing the document a new one implements (văn bản cấp trên): a search by number or excerpt.

:class:`ParentChooser` shows the chosen document and two buttons; "Chọn…" opens a
:class:`DocumentPicker` — a search box (accents not needed, "15 ct tu" finds "15-CT/TU") over
a list of documents; Enter or a double click takes the highlighted one. No completer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.services.database import Database
from desktop.services.ui_queries_documents import list_register
from desktop.ui.dialogs.document_values import ParentRef, ref_label
from desktop.ui.widgets.screen_fit import resize_to_fit
from desktop.ui.widgets.search_box import SearchBox

PICKER_LIMIT = 200
_REF_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentPicker(QDialog):
    """A search over the register; :attr:`chosen` is set when the clerk takes a document."""

    def __init__(self, db: Database, exclude_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._exclude = exclude_id
        self.chosen: ParentRef | None = None
        self.setWindowTitle(self.tr("Choose the document this one implements"))
        self.search = SearchBox()
        self.search.setPlaceholderText(
            self.tr("Number, symbol or words of the excerpt (accents not needed)"))
        label = QLabel(self.tr("&Search:"))
        label.setBuddy(self.search)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&hoose"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.search.search_changed.connect(self.fill)
        self.search.installEventFilter(self)
        resize_to_fit(self, 640, 420)
        self.fill("")

    def fill(self, text: str) -> None:
        self.list.clear()
        for r in list_register(self._db, text or None, exclude_id=self._exclude,
                               limit=PICKER_LIMIT):
            item = QListWidgetItem(f"{r.number_symbol}  {format_date(r.issue_date)}  "
                                   f"{r.type_name} {r.excerpt}")
            item.setToolTip(r.excerpt)
            item.setData(_REF_ROLE, ParentRef(r.id, ref_label(r.number_symbol, r.issue_date,
                                                               r.excerpt)))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Up/Down in the search box move through the list, as in a combo box.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
                self.list.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(_REF_ROLE)
        super().accept()


class ParentChooser(QWidget):
    """The chosen parent document (or none) with "Chọn…" and "Bỏ liên kết"."""

    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._ref: ParentRef | None = None
        self.exclude_id: int | None = None
        self.picker: DocumentPicker | None = None
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        self.display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.display.setPlaceholderText(self.tr("none (not issued to implement another one)"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.clear_button = QPushButton(self.tr("Unlink"))
        for button in (self.choose_button, self.clear_button):
            button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.open_picker)
        self.clear_button.clicked.connect(lambda: self.set_ref(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.choose_button)
        self._update()

    def ref(self) -> ParentRef | None:
        return self._ref

    def set_ref(self, ref: ParentRef | None) -> None:
        if ref != self._ref:
            self._ref = ref
            self._update()
            self.changed.emit()

    def _update(self) -> None:
        self.display.setText(self._ref.label if self._ref else "")
        self.display.setToolTip(self._ref.label if self._ref else "")
        self.clear_button.setEnabled(self._ref is not None)

    def open_picker(self) -> None:
        self.picker = DocumentPicker(self._db, self.exclude_id, self)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        if self.picker is not None and self.picker.chosen is not None:
            self.set_ref(self.picker.chosen)
