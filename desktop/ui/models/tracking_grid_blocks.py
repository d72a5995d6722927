"""Which row the tracking grid shows where: flat, or in collapsible blocks under header rows.

:class:`BlockLayout` holds the ids of the rows shown, in order (a block's header row has a
negative id), their positions, and the blocks themselves: their titles, all their rows (also
while collapsed), their overdue counts and which are collapsed. It knows nothing of Qt's row
signals: :class:`~desktop.ui.models.tracking_grid_model.TrackingGridModel` asks it what a change
will move, announces the change, and has it applied, so the selection and the current cell
elsewhere survive a collapse.

Kept apart from the model so the model is only about cells (fetching, painting, editing) and
the blocks' bookkeeping can be read in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.numbers import format_int
from desktop.services.tracking_grid import TrackingRowDTO
from desktop.services.tracking_grid_groups import GridGroup

HEADER_TINT = QColor(222, 232, 245)


@dataclass(slots=True)
class _Block:
    """A block of the grouped grid: its header's text parts and all its rows (also while
    collapsed); ``overdue`` follows the edits."""

    key: int
    title: str
    ids: list[int]
    overdue: int
    collapsed: bool


class BlockLayout:
    """The rows shown (``ids``, header rows negative) and where each is (``pos``)."""

    def __init__(self) -> None:
        self.ids: list[int] = []
        self.pos: dict[int, int] = {}
        self._blocks: dict[int, _Block] = {}  # header id (negative) -> block
        self._ordinal: dict[int, int] = {}  # grouped: row id -> its number over all blocks
        self._block_of: dict[int, int] = {}  # grouped: row id -> its header id
        self.collapsed_keys: set[int] = set()  # blocks collapsed (kept across reloads)
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ content

    def set_flat(self, ids: Sequence[int]) -> None:
        self._set(list(ids), {})

    def set_groups(self, groups: Sequence[GridGroup]) -> None:
        """Blocks whose key is in :attr:`collapsed_keys` start collapsed."""
        entries: list[int] = []
        blocks: dict[int, _Block] = {}
        for number, group in enumerate(groups, start=1):
            block = _Block(group.key, group.title, list(group.ids), group.overdue,
                           group.key in self.collapsed_keys)
            blocks[-number] = block
            entries.append(-number)
            if not block.collapsed:
                entries.extend(block.ids)
        self._set(entries, blocks)

    def _set(self, entries: list[int], blocks: dict[int, _Block]) -> None:
        self.ids = entries
        self._blocks = blocks
        self._ordinal = {tid: n for n, tid in enumerate(
            (tid for b in blocks.values() for tid in b.ids), start=1)}
        self._block_of = {tid: hid for hid, b in blocks.items() for tid in b.ids}
        self.reindex()

    def reindex(self) -> None:
        """Renew :attr:`pos` after :attr:`ids` changed."""
        self.pos = {rid: i for i, rid in enumerate(self.ids)}

    # ------------------------------------------------------------------ questions

    @property
    def grouped(self) -> bool:
        return bool(self._blocks)

    def data_row_count(self) -> int:
        if self._blocks:
            return sum(len(b.ids) for b in self._blocks.values())
        return len(self.ids)

    def is_header(self, row: int) -> bool:
        return 0 <= row < len(self.ids) and self.ids[row] < 0

    def header_rows(self) -> list[int]:
        return [self.pos[h] for h in self._blocks if h in self.pos]

    def _block_at(self, row: int) -> _Block | None:
        return self._blocks.get(self.ids[row]) if self.is_header(row) else None

    def block_key_at(self, row: int) -> int | None:
        block = self._block_at(row)
        return block.key if block is not None else None

    def header_row_of(self, tracking_id: int) -> int:
        return self.pos.get(self._block_of.get(tracking_id, 0), -1)

    def is_collapsed(self, row: int) -> bool:
        block = self._block_at(row)
        return block is not None and block.collapsed

    def ordinal(self, row: int) -> int | str:
        """The number on the vertical header of ``row``: numbered over all blocks, and
        none on a header row."""
        return self._ordinal.get(self.ids[row], "")

    def ids_for_rows(self, rows: Iterable[int]) -> list[int]:
        """A header row stands for every row of its block (also while collapsed). In the
        grid's order, each once."""
        seen: set[int] = set()
        out: list[int] = []
        for row in sorted(set(rows)):
            if not 0 <= row < len(self.ids):
                continue
            tid = self.ids[row]
            for i in self._blocks[tid].ids if tid < 0 else (tid,):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
        return out

    # ------------------------------------------------------------------ overdue counts

    def _shown(self, hids: Iterable[int]) -> list[int]:
        return [self.pos[hid] for hid in hids if hid in self.pos]

    def set_counts(self, overdue: dict[int, int]) -> list[int]:
        """New overdue counts per block key (blocks not named have none overdue); the header
        rows to repaint."""
        changed = []
        for hid, block in self._blocks.items():
            if block.overdue != overdue.get(block.key, 0):
                block.overdue = overdue.get(block.key, 0)
                changed.append(hid)
        return self._shown(changed)

    def follow_overdue(self, before: TrackingRowDTO | None, after: TrackingRowDTO) -> list[int]:
        """Keep the block's overdue count true after an edit of a row the grid has shown
        (``before``: as cached); the header rows to repaint."""
        hid = self._block_of.get(after.id)
        if hid is None or before is None:
            return []
        change = (after.days_overdue > 0) - (before.days_overdue > 0)
        if not change:
            return []
        self._blocks[hid].overdue += change
        return self._shown((hid,))

    def drop(self, ids: set[int], cached: Callable[[int], TrackingRowDTO | None]) -> list[int]:
        """Take deleted rows out of their blocks (also collapsed ones; the rows shown are
        already out of :attr:`ids`); the header rows to repaint."""
        hids = list({self._block_of[i] for i in ids if i in self._block_of})
        for hid in hids:
            block = self._blocks[hid]
            for tid in ids.intersection(block.ids):
                row = cached(tid)
                block.overdue -= 1 if row is not None and row.days_overdue > 0 else 0
            block.ids = [i for i in block.ids if i not in ids]
        return self._shown(hids)

    # ------------------------------------------------------------------ collapsing

    def fold_plan(self, row: int, collapse: bool | None) -> tuple[bool, int] | None:
        """(collapse?, how many rows go or come) for toggling the block headed on ``row``
        (``collapse`` None: the other way round); None when ``row`` is no header or nothing
        changes."""
        block = self._block_at(row)
        if block is None:
            return None
        if collapse is None:
            collapse = not block.collapsed
        if collapse == block.collapsed:
            return None
        return collapse, len(block.ids)

    def fold(self, row: int, collapse: bool) -> None:
        """Take the block's rows out of :attr:`ids` or put them back (as :meth:`fold_plan`
        said); its header keeps its arrow until :meth:`mark_collapsed`."""
        ids = self._blocks[self.ids[row]].ids
        if ids:
            if collapse:
                del self.ids[row + 1 : row + 1 + len(ids)]
            else:
                self.ids[row + 1 : row + 1] = ids
        self.reindex()

    def mark_collapsed(self, row: int, collapse: bool) -> None:
        block = self._blocks[self.ids[row]]
        block.collapsed = collapse
        (self.collapsed_keys.add if collapse else self.collapsed_keys.discard)(block.key)

    # ------------------------------------------------------------------ painting

    def header_data(self, hid: int, column: int, role: int) -> Any:
        """What the header row ``hid`` shows: one cell spanning the grid, tinted and bold."""
        block = self._blocks[hid]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HEADER_TINT)
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(block.title, len(block.ids), block.overdue, block.collapsed)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "TrackingGridModel",
                "Space, Enter or a double click: collapse or expand; a bulk action on this "
                "line applies to every row of the block")
        return None


def header_text(title: str, rows: int, overdue: int, collapsed: bool) -> str:
    """"▸ Các ban, sở, ngành của tỉnh — 21 đơn vị, 2 quá hạn"."""
    count = QCoreApplication.translate("TrackingGridModel", "{count} organisations").format(
        count=format_int(rows))
    if overdue:
        count += QCoreApplication.translate("TrackingGridModel", ", {late} overdue").format(
            late=format_int(overdue))
    return f"{'▸' if collapsed else '▾'} {title} — {count}"
