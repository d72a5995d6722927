"""Sáp nhập…: several organisations merged into one from a date.

The organisation selected on the page is the first to be merged; "Thêm…" adds others (a
search), "Chọn…" chooses the one that takes them over. Saving calls
:func:`~desktop.services.org_moves.merge_organisations` with the version of every organisation
as the clerk saw it: the merged ones end the day before, their subunits move under the
receiving one (history kept), and the receiving one joins their "Nơi nhận" groups. The
figures are not added up unless asked ("Cộng số chi bộ, đảng viên"), since the board usually
re-counts members after a merge.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import ValidationError
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.org_detail import organisation_detail
from desktop.services.org_moves import merge_organisations
from desktop.services.org_types import OrgDetail
from desktop.ui.dialogs.org_change_dialog import DatedChangeDialog, buddy_label
from desktop.ui.widgets.date_edit import ErrorLabel
from desktop.ui.widgets.org_picker import OrgPickerDialog
from desktop.ui.widgets.screen_fit import resize_to_fit

_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MergeDialog(DatedChangeDialog):
    """Sources (at least one), the receiving organisation, the date, the optional sum."""

    def __init__(self, db: Database, detail: OrgDetail, on: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, detail, on, parent)
        self.set_texts(self.tr("Merge organisations"), self.tr("&Merge"))
        self.date_label = self.tr("Merged from &date:")
        self._as_of = on or date.today()
        self.versions: dict[int, int] = {}
        self.target: OrgDetail | None = None
        self.picker: OrgPickerDialog | None = None
        self.sources = QListWidget()
        self.sources.setAlternatingRowColors(True)
        self.sources.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.sources.setMaximumHeight(140)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.sources_error = ErrorLabel()
        self.target_display = QLineEdit()
        self.target_display.setReadOnly(True)
        self.target_display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target_display.setPlaceholderText(self.tr("not chosen yet"))
        self.target_button = QPushButton(self.tr("C&hoose…"))
        self.target_error = ErrorLabel()
        self.sum_figures = QCheckBox(self.tr("Add up their party cells and &members (a "
                                             "provisional figure until the new count)"))
        self.sum_error = ErrorLabel()
        for button in (self.add_button, self.remove_button, self.target_button):
            button.setAutoDefault(False)
        self.errors.add("source_ids", self.sources_error, self.sources)
        self.errors.add("target_id", self.target_error, self.target_button)
        self.errors.add("sum_denominators", self.sum_error, self.sum_figures)

        source_buttons = QVBoxLayout()
        source_buttons.addWidget(self.add_button)
        source_buttons.addWidget(self.remove_button)
        source_buttons.addStretch(1)
        source_row = QHBoxLayout()
        source_row.addWidget(self.sources, 1)
        source_row.addLayout(source_buttons)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_display, 1)
        target_row.addWidget(self.target_button)
        self.form.addRow(buddy_label(self.tr("Merged (they end):"), self.sources))
        self.form.addRow(source_row)
        self.form.addRow(self.sources_error)
        self.form.addRow(QLabel(self.tr("Merged into:")), target_row)
        self.form.addRow("", self.target_error)
        self.form.addRow(self.sum_figures)
        self.form.addRow(self.sum_error)
        self.add_date_row(self.tr("The merged organisations end the day before; their "
                                  "subunits move under the receiving one, which also joins "
                                  "their recipient groups."))
        self.subject.hide()
        self.add_button.clicked.connect(lambda: self.open_picker(sources=True))
        self.remove_button.clicked.connect(self.remove_selected)
        self.target_button.clicked.connect(lambda: self.open_picker(sources=False))
        self.add_source(detail)
        resize_to_fit(self, 640, self.sizeHint().height())
        self.target_button.setFocus()

    # ------------------------------------------------------------------ choosing

    def add_source(self, detail: OrgDetail) -> None:
        if detail.id in self.versions:
            return
        self.versions[detail.id] = detail.version
        item = QListWidgetItem(detail.current_name)
        item.setData(_ID_ROLE, detail.id)
        self.sources.addItem(item)

    def source_ids(self) -> list[int]:
        return [int(self.sources.item(i).data(_ID_ROLE)) for i in range(self.sources.count())]

    def remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            oid = int(item.data(_ID_ROLE))
            self.versions.pop(oid, None)
            self.sources.takeItem(self.sources.row(item))

    def set_target(self, detail: OrgDetail | None) -> None:
        self.target = detail
        self.target_display.setText(detail.current_name if detail else "")

    def choose(self, org_id: int, *, source: bool) -> None:
        """Add a source, or set the receiving organisation, by id (as the pickers do)."""
        detail = organisation_detail(self._db, org_id)
        if source:
            self.add_source(detail)
        else:
            self.set_target(detail)

    def open_picker(self, *, sources: bool) -> None:
        title = (self.tr("Choose the organisations to merge") if sources
                 else self.tr("Choose the organisation they merge into"))
        self.picker = OrgPickerDialog(self._db, title, self._as_of, many=sources, parent=self)
        self.picker.accepted.connect(lambda: self._picked(sources))
        self.picker.open()

    def _picked(self, sources: bool) -> None:
        chosen: list[OrgNode] = self.picker.chosen if self.picker is not None else []
        for org in chosen if sources else chosen[:1]:
            self.choose(org.id, source=sources)

    # ------------------------------------------------------------------ saving

    def reload(self) -> None:
        ids = self.source_ids()
        self.sources.clear()
        self.versions.clear()
        for oid in ids:
            self.add_source(organisation_detail(self._db, oid))
        if self.target is not None:
            self.set_target(organisation_detail(self._db, self.target.id))

    def apply(self, on: date) -> OrgDetail:
        if self.target is None:
            raise ValidationError(self.tr("Choose the organisation they merge into."),
                                  "target_id")
        versions = dict(self.versions)
        versions[self.target.id] = self.target.version
        return merge_organisations(self._db, self.source_ids(), self.target.id, on, versions,
                                   sum_denominators=self.sum_figures.isChecked())
