"""The selected organisation as it stood on the page's date: its fields, figures and history.

Read-only: it shows an :class:`~desktop.services.org_types.OrgDetail` (names, parent and kind
of that day, merged into / renamed from, the "Nơi nhận" groups, the latest party-cell and
member counts on or before the day) and the list of its past names and places.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.services.org_types import OrgDetail, OrgHistoryEntry

translate = QCoreApplication.translate



def reason_text(reason: str) -> str:
    """"rename+move" → "Đổi tên, chuyển cấp trên"."""
    names = {"rename": translate("OrgDetailPanel", "renamed"),
             "move": translate("OrgDetailPanel", "moved to another parent"),
             "kind": translate("OrgDetailPanel", "kind changed")}
    parts = [names.get(p, p) for p in reason.split("+") if p]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def life_text(detail: OrgDetail) -> str:
    """"từ 01/07/2025 đến nay", "đến 30/06/2025 (đã kết thúc)"…"""
    end = format_date(detail.valid_to) if detail.valid_to else ""
    if detail.valid_from is None:
        if detail.valid_to is None:
            return translate("OrgDetailPanel", "active (founding date not recorded)")
        return translate("OrgDetailPanel", "until {end} (ended)").format(end=end)
    start = format_date(detail.valid_from)
    if detail.valid_to is None:
        return translate("OrgDetailPanel", "from {start} to now").format(start=start)
    return translate("OrgDetailPanel", "from {start} to {end} (ended)").format(start=start,
                                                                              end=end)


class OrgDetailPanel(QWidget):
    """Labels in a form, and the history underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("short_name", self.tr("Short name:")), ("code", self.tr("Code:")),
            ("kind", self.tr("Kind:")), ("parent", self.tr("Parent:")),
            ("life", self.tr("Active:")),
            ("current_name", self.tr("Name today:")), ("renamed_from", self.tr("Renamed from:")),
            ("merged_into", self.tr("Merged into:")), ("merged_from", self.tr("Merged into it:")),
            ("figures", self.tr("Party cells, members:")),
            ("children", self.tr("Direct subunits:")),
            ("groups", self.tr("Recipient groups:")), ("note", self.tr("Note:")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.values[key] = value
        self.history_label = QLabel(self.tr("History of names and parents:"))
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setHeaderLabels([self.tr("From"), self.tr("To"), self.tr("Name"),
                                      self.tr("Parent"), self.tr("Change")])
        header = self.history.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(3, 170)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        layout.addStretch(0)  # takes the room while there is no history
        self._layout = layout
        self.detail: OrgDetail | None = None
        self.show_detail(None)

    def _set(self, key: str, text: str) -> None:
        value = self.values[key]
        value.setText(text)
        visible = bool(text)
        value.setVisible(visible)
        label = self.form.labelForField(value)
        if label is not None:
            label.setVisible(visible)

    def show_detail(self, detail: OrgDetail | None) -> None:
        self.detail = detail
        self.history.clear()
        if detail is None:
            self.title.setText("")
            self.notice.setText(self.tr("Choose an organisation to see its details."))
            for key in self.values:
                self._set(key, "")
            self._show_history(False)
            return
        self.title.setText(detail.name)
        self.notice.setText("" if detail.active else self.tr(
            "This organisation did not exist on {day}.").format(day=format_date(detail.as_of)))
        self.notice.setVisible(not detail.active)
        self._set("short_name", detail.short_name)
        self._set("code", detail.code or "")
        self._set("kind", detail.kind)
        self._set("parent", detail.parent_name or self.tr("(top level)"))
        self._set("life", life_text(detail))
        self._set("current_name", detail.current_name if detail.current_name != detail.name
                  else "")
        self._set("renamed_from", detail.renamed_from_name)
        self._set("merged_into", detail.merged_into_name)
        self._set("merged_from", ", ".join(g.name for g in detail.merged_from))
        self._set("figures", self._figures(detail))
        self._set("children", format_int(detail.child_count) if detail.child_count else "")
        self._set("groups", ", ".join(g.name for g in detail.groups))
        self._set("note", detail.note)
        for entry in reversed(detail.history):
            self.history.addTopLevelItem(self._history_item(entry))
        self._show_history(bool(detail.history))

    def _show_history(self, shown: bool) -> None:
        self.history_label.setVisible(shown)
        self.history.setVisible(shown)
        self._layout.setStretch(self._layout.count() - 1, 0 if shown else 1)

    def _figures(self, detail: OrgDetail) -> str:
        if detail.party_cells is None and detail.party_members is None:
            return self.tr("not recorded")
        parts = []
        if detail.party_cells is not None:
            parts.append(self.tr("{count} party cells").format(
                count=format_int(detail.party_cells)))
        if detail.party_members is not None:
            parts.append(self.tr("{count} members").format(count=format_int(detail.party_members)))
        return self.tr("{figures} (as of {day})").format(
            figures=", ".join(parts), day=format_date(detail.denominators_as_of))

    def _history_item(self, entry: OrgHistoryEntry) -> QTreeWidgetItem:
        start = format_date(entry.valid_from) if entry.valid_from else "…"
        item = QTreeWidgetItem([start, format_date(entry.valid_to), entry.name,
                                entry.parent_name or self.tr("(top level)"),
                                reason_text(entry.reason)])
        item.setToolTip(2, entry.name)
        return item
