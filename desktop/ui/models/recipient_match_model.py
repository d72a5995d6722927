"""The "Nơi nhận" of a document being edited: one row per recipient named, as a table.

Each row (:class:`RecipientEntry`) is what :func:`desktop.services.recipients.match_recipient_lines`
gives for one part of a printed line — a group, an organisation, or text that is printed only
— and the clerk can re-map it from its candidates or leave it as printed text. Parts of one
printed line are consecutive rows with the same ``line``; only the first carries the printed
text (:func:`desktop.services.recipients.printed_lines`).

:func:`lines_for` turns the rows into the recipient lines a document stores: per printed
line, one row per group or organisation named on it, the first carrying the printed text;
a line naming nobody is stored once as text only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.domain.text import fold
from desktop.services.document_dto import RecipientLineInput, RecipientLineRow
from desktop.services.recipients import (
    KIND_GROUP,
    KIND_ORGANISATION,
    KIND_TEXT,
    Candidate,
    RecipientMatch,
)
from desktop.ui.widgets.choice_delegate import ChoicesRole

ModelIndex = QModelIndex | QPersistentModelIndex
ATTENTION_COLOR = QColor("#fff4ce")  # a text line that has candidates: worth a look
SKIP = "text"


@dataclass(frozen=True, slots=True)
class RecipientEntry:
    """One recipient named on a printed "Nơi nhận" line, and what it was mapped to."""

    text: str  # the printed line ("" for the later parts of a line)
    label: str  # this part's wording
    kind: str  # "group" | "organisation" | "text"
    target_id: int | None
    name: str  # the group's or organisation's name (or what a text line was recognised as)
    reason: str
    candidates: tuple[Candidate, ...] = ()
    line: int = 0
    part: int = 0
    manual: bool = False

    @property
    def tracked(self) -> bool:
        return self.kind != KIND_TEXT

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.target_id}" if self.tracked else SKIP


def entries_from_matches(matches: Iterable[RecipientMatch]) -> list[RecipientEntry]:
    return [
        RecipientEntry(x.text, x.label, x.kind, x.group_id or x.organisation_id,
                       x.matched_name, x.reason, tuple(x.candidates), x.line_index,
                       x.part_index)
        for x in matches
    ]


def _core(text: str) -> str:
    return text.lstrip("-–+• ").rstrip(" ;,.")


def entries_from_rows(
    rows: Iterable[RecipientLineRow | RecipientLineInput],
) -> list[RecipientEntry]:
    """The rows of a stored document (a row without text continues the line before it)."""
    out: list[RecipientEntry] = []
    line = -1
    part = 0
    for r in rows:
        if r.text or line < 0:
            line, part = line + 1, 0
        else:
            part += 1
        kind = (KIND_GROUP if r.group_id is not None else
                KIND_ORGANISATION if r.organisation_id is not None else KIND_TEXT)
        name = getattr(r, "target_name", "") or ""
        label = name if part else _core(r.text) or name
        out.append(RecipientEntry(r.text, label, kind, r.group_id or r.organisation_id, name,
                                  "", (), line, part))
    return out


def _runs(entries: Sequence[RecipientEntry]) -> list[list[RecipientEntry]]:
    """The entries grouped by printed line (consecutive entries with the same ``line``)."""
    runs: list[list[RecipientEntry]] = []
    for e in entries:
        if runs and runs[-1][0].line == e.line:
            runs[-1].append(e)
        else:
            runs.append([e])
    return runs


def lines_for(entries: Sequence[RecipientEntry]) -> list[RecipientLineInput]:
    """The recipient lines to store, in printed order (see the module doc)."""
    out: list[RecipientLineInput] = []
    for run in _runs(entries):
        printed = next((e.text for e in run if e.text), "")
        tracked = [e for e in run if e.tracked]
        if not tracked:
            if printed:
                out.append(RecipientLineInput(printed))
            continue
        for n, e in enumerate(tracked):
            group = e.target_id if e.kind == KIND_GROUP else None
            org = e.target_id if e.kind == KIND_ORGANISATION else None
            out.append(RecipientLineInput(printed if n == 0 else "", group, org))
    return out


def totals(entries: Sequence[RecipientEntry]) -> tuple[int, int, int]:
    """(group rows, organisation rows, text-only lines) of what :func:`lines_for` stores."""
    lines = lines_for(entries)
    groups = sum(1 for x in lines if x.group_id is not None)
    orgs = sum(1 for x in lines if x.organisation_id is not None)
    return groups, orgs, len(lines) - groups - orgs


class RecipientMatchModel(QAbstractTableModel):
    """Rows of :class:`RecipientEntry`; the result column is chosen from the candidates."""

    LINE, RESULT, NAME, REASON = range(4)
    COLUMNS = 4
    entries_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecipientEntry] = []
        self._auto: dict[tuple[int, int], RecipientEntry] = {}
        self.modelReset.connect(self.entries_changed)
        self.dataChanged.connect(lambda *_: self.entries_changed.emit())
        self.rowsInserted.connect(lambda *_: self.entries_changed.emit())
        self.rowsRemoved.connect(lambda *_: self.entries_changed.emit())

    # ------------------------------------------------------------------ content

    def set_entries(self, entries: Iterable[RecipientEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self._auto = {(e.line, e.part): e for e in self._rows}
        self.endResetModel()

    def entries(self) -> list[RecipientEntry]:
        return list(self._rows)

    def entry_at(self, row: int) -> RecipientEntry:
        return self._rows[row]

    def lines(self) -> list[RecipientLineInput]:
        return lines_for(self._rows)

    def has_target(self, kind: str, target_id: int) -> bool:
        return any(e.kind == kind and e.target_id == target_id for e in self._rows)

    def add_target(self, kind: str, target_id: int, name: str) -> None:
        """A line of its own for a group or organisation (before a closing "Lưu …" line)."""
        if self.has_target(kind, target_id):
            return
        row = len(self._rows)
        last = self._rows[-1] if self._rows else None
        if last is not None and fold(last.text).startswith("luu") and not last.tracked:
            row -= 1
        line = max((e.line for e in self._rows), default=-1) + 1
        entry = RecipientEntry(f"- {name};", name, kind, target_id, name,
                               self.tr("Chosen from the list"), (), line, 0, manual=True)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, entry)
        self.endInsertRows()

    def remove_target(self, kind: str, target_id: int) -> None:
        """Stop tracking a group or organisation: its own line goes, a part of a longer printed
        line stays printed only."""
        for row in reversed(range(len(self._rows))):
            e = self._rows[row]
            if not (e.kind == kind and e.target_id == target_id):
                continue
            alone = sum(1 for x in self._rows if x.line == e.line) == 1
            if alone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            else:
                self._set_row(row, self._skipped(e))

    def _skipped(self, e: RecipientEntry) -> RecipientEntry:
        return replace(e, kind=KIND_TEXT, target_id=None, name="", manual=True,
                       reason=self.tr("Left as printed text by the clerk"))

    def _set_row(self, row: int, entry: RecipientEntry) -> None:
        if self._rows[row] != entry:
            self._rows[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def choices(self, row: int) -> list[tuple[str, str]]:
        """``(label, key)`` the result of ``row`` may be set to: what it is, what it was
        matched to, the candidates, and printing it only."""
        e = self._rows[row]
        auto = self._auto.get((e.line, e.part))
        options: list[tuple[str, str]] = []
        seen: set[str] = set()

        def offer(kind: str, target_id: int | None, name: str) -> None:
            key = f"{kind}:{target_id}"
            if kind != KIND_TEXT and target_id is not None and key not in seen:
                seen.add(key)
                options.append((f"{self.kind_name(kind)}: {name}", key))

        offer(e.kind, e.target_id, e.name)
        if auto is not None:
            offer(auto.kind, auto.target_id, auto.name)
        for c in e.candidates:
            offer(c.kind, c.id, c.name)
        options.append((self.tr("Skip (print only)"), SKIP))
        return options

    def kind_name(self, kind: str) -> str:
        if kind == KIND_GROUP:
            return self.tr("Group")
        if kind == KIND_ORGANISATION:
            return self.tr("Organisation")
        return self.tr("Printed only")

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Printed line"), self.tr("Result"), self.tr("Matched to"),
                  self.tr("Reason"))
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.RESULT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LINE:
                return e.text if e.part == 0 else f"    ↳ {e.label}"
            if col == self.RESULT:
                return self.kind_name(e.kind)
            if col == self.NAME:
                if not e.tracked and e.candidates:
                    return self.tr("Suggested: {name}").format(name=e.candidates[0].name)
                return e.name
            if col == self.REASON:
                return e.reason
        elif role == Qt.ItemDataRole.EditRole and col == self.RESULT:
            return e.key
        elif role == ChoicesRole and col == self.RESULT:
            return self.choices(index.row())
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.LINE:
                return e.label
            if col in (self.NAME, self.REASON):
                return e.name if col == self.NAME else e.reason
        elif role == Qt.ItemDataRole.BackgroundRole:
            if not e.tracked and e.candidates and not e.manual:
                return ATTENTION_COLOR
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole
                or index.column() != self.RESULT or not 0 <= index.row() < len(self._rows)):
            return False
        row = index.row()
        chosen = dict((key, label) for label, key in self.choices(row))
        key = str(value)
        if key not in chosen:
            return False
        e = self._rows[row]
        if key == e.key:
            return True
        auto = self._auto.get((e.line, e.part))
        if key == SKIP:
            new = self._skipped(e)
        elif auto is not None and key == auto.key:
            new = replace(auto, text=e.text)
        else:
            kind, _, target = key.partition(":")
            name = chosen[key].split(": ", 1)[-1]
            new = replace(e, kind=kind, target_id=int(target), name=name, manual=True,
                          reason=self.tr("Chosen by the clerk"))
        self._set_row(row, new)
        return True
