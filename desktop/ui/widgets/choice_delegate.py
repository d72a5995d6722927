"""A table cell edited by choosing from a list (a combo box), the list coming from the model.

The model answers :data:`ChoicesRole` with ``[(label, value), …]`` for the cell and its
``EditRole`` with the current value; choosing writes the value back with ``setData``. The combo
is not editable and has no completer (typing a letter jumps to the next item starting with it,
which also works with Vietnamese input methods).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: ``[(label, value), …]``: what a cell may be set to.
ChoicesRole = Qt.ItemDataRole.UserRole + 20

ModelIndex = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor for the cells whose model offers :data:`ChoicesRole`."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for label, value in choices:
            combo.addItem(label, value)
        combo.setMaxVisibleItems(12)
        combo.activated.connect(lambda _i, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if not isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
            return
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex
    ) -> None:
        if not isinstance(editor, QComboBox):
            super().setModelData(editor, model, index)
            return
        value: Any = editor.currentData()
        model.setData(index, value, Qt.ItemDataRole.EditRole)
