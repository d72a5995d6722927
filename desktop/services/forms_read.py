"""Reading one returned collection form: its identity, its fixed part and its figures.

No database here. The workbook is opened by :func:`~desktop.services.workbook_safety.
open_workbook` (size cap, zip pre-scan, no DTD, defusedxml, macros dropped, declared dimensions
ignored); a refused file raises :class:`~desktop.services.workbook_safety.WorkbookError`.

Cells are found by their *labels* (column B, compared folded: accents, case and spacing
ignored), not by fixed addresses, so a form retyped from scratch in the same shape, or a sheet
renamed, still reads; each value keeps its cell address ("C14") for the messages. The identity
comes from the very hidden sheet when there is one. Values stay raw here (as openpyxl gives
them); :mod:`.forms_import_plan` turns them into typed values and checks them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.domain.text import fold
from desktop.reports.form_workbook import FORM_FIELDS, IDENTITY_SHEET
from desktop.services.workbook_safety import WorkbookProblem, open_workbook

__all__ = ["FormRead", "RawCell", "read_form"]

_SCAN_ROWS = 80
_LABELS: dict[str, str] = {fold(f.label): f.key for f in FORM_FIELDS}
_LABELS.update(
    {
        fold("Đơn vị báo cáo:"): "org_name",
        fold("Mã đơn vị:"): "org_code",
        fold("Văn bản:"): "document",
        fold("Hạn gửi phiếu:"): "deadline",
    }
)
_SHORT_LABELS = {fold(f.label.split(" (")[0]): f.key for f in FORM_FIELDS}


@dataclass(frozen=True, slots=True)
class RawCell:
    cell: str  # "C14"
    value: Any


@dataclass(frozen=True)
class FormRead:
    """What one file says, before any check against the database."""

    path: Path
    sheet: str  # the sheet the figures were read from ("" when none looked like a form)
    sheets: tuple[str, ...]
    identity: dict[str, str] | None  # None: no hidden identity (form typed from scratch)
    cells: dict[str, RawCell] = field(default_factory=dict)  # field/identity key -> cell
    uncached: tuple[str, ...] = ()  # cells with a formula whose result was never saved
    has_macros: bool = False
    renamed_from: str = ""  # the sheet's name when the form was sent, if it changed
    epoch: Any = None  # the workbook's date epoch (serial numbers typed as dates)

    def problem(self, key: str, message: str) -> WorkbookProblem:
        raw = self.cells.get(key)
        return WorkbookProblem(self.sheet, raw.cell if raw else "", key, message)


def _label_key(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    key = fold(value)
    return _LABELS.get(key) or _SHORT_LABELS.get(key)


def _rows(wb: Any, ws: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    yield from wb.iter_rows(ws, max_row=_SCAN_ROWS)


def _cells_of(wb: Any, ws: Any) -> dict[str, RawCell]:
    found: dict[str, RawCell] = {}
    for number, values in _rows(wb, ws):
        label = values[1] if len(values) > 1 else None
        key = _label_key(label)
        if key is None or key in found:
            continue
        value = values[2] if len(values) > 2 else None
        found[key] = RawCell(f"C{number}", value)
    return found


def read_form(path: str | Path) -> FormRead:
    """Read ``path`` (refused with :class:`WorkbookError` when unsafe or unreadable)."""
    path = Path(path)
    with open_workbook(path) as wb:
        sheets = wb._worksheets()
        titles = tuple(ws.title for ws in sheets)
        identity: dict[str, str] | None = None
        hidden = next((ws for ws in sheets if ws.title == IDENTITY_SHEET), None)
        if hidden is not None:
            identity = {}
            for _number, values in _rows(wb, hidden):
                if len(values) >= 2 and isinstance(values[0], str):
                    identity[values[0]] = "" if values[1] is None else str(values[1])
        wanted = identity.get("sheet", "") if identity else ""
        candidates = [ws for ws in sheets if ws.title == wanted] + [
            ws
            for ws in sheets
            if ws.title != wanted and ws.title != IDENTITY_SHEET and ws.sheet_state == "visible"
        ]
        best: tuple[int, Any, dict[str, RawCell]] | None = None
        for ws in candidates[:6]:
            cells = _cells_of(wb, ws)
            score = sum(1 for f in FORM_FIELDS if f.key in cells)
            if score and (best is None or score > best[0]):
                best = (score, ws, cells)
            if ws.title == wanted and score >= len(FORM_FIELDS) // 2:
                break
        if best is None:
            return FormRead(path, "", titles, identity, {}, (), wb.info.has_macros, epoch=wb.epoch)
        _score, ws, cells = best
        scan = wb.scan_sheet(ws)
        uncached = tuple(ref for ref in scan.uncached_formulas if ref.startswith("C"))
        renamed = wanted if wanted and ws.title != wanted else ""
        return FormRead(
            path, ws.title, titles, identity, cells, uncached, wb.info.has_macros, renamed, wb.epoch
        )
