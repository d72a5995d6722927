"""Editors of the tracking grid: plain line edits for dates, numbers and text, combos for choices.

No QCompleter and no inline completion anywhere (Vietnamese input methods send Backspaces then
the composed letter). Dates are typed day first ("5/2", "05/02/2026", "5-2-26") and numbers as
"1.234": the editor passes the text as typed (NFC) and the services parse and check it, so the
grid shows the services' Vietnamese message when a value is refused.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.models.tracking_grid_model import TrackingGridModel

_Index = QModelIndex | QPersistentModelIndex


class TrackingDelegate(QStyledItemDelegate):
    """Picks the editor from the column: a combo for enum columns, a line edit otherwise."""

    def _column(self, index: _Index) -> Any:
        model = index.model()
        assert isinstance(model, TrackingGridModel)
        return model.columns[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        column = self._column(index)
        if column.enum is not None:
            combo = QComboBox(parent)
            combo.setEditable(False)
            combo.addItem("", "")
            for member in column.enum:
                combo.addItem(member.label, member.value)
            return combo
        edit = QLineEdit(parent)
        edit.setFrame(False)
        if column.kind == "date":
            edit.setPlaceholderText("dd/mm/yyyy")
            edit.setMaxLength(12)
        elif column.kind == "int":
            edit.setMaxLength(12)
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            found = editor.findData(text)
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox):
            value = editor.currentData() or ""
        elif isinstance(editor, QLineEdit):
            value = unicodedata.normalize("NFC", editor.text()).strip()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)
