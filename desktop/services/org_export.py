"""Export the organisation tree to Excel in the layout the import reads back.

One worksheet: a merged title row, the date line, then the header row and one row per
organisation active on ``as_of`` with its name, parent and kind of that day (``org_history``),
depth-first (parents before children, siblings in their sort order). The parent is written by
code when it has one, else by name, so ``export → import`` into the same database plans nothing
and into an empty one rebuilds the tree. Names are indented by depth with cell formatting only
(the text stays exact).

Written with xlsxwriter for printing: bold wrapped header, column widths, frozen and repeated
header row, A4 landscape fitted to the page width, page numbers. Every text goes through
``write_string`` (and the workbook's ``strings_to_formulas`` is off), so a name such as
``=HYPERLINK(…)``, ``+1``, ``-2`` or ``@x`` stays text, never a formula.

The file is built in memory, written to a temporary file in the destination folder, flushed,
then moved over the destination with ``os.replace``: an interrupted export leaves the old file
or none, never a truncated one. A destination open in Excel (``PermissionError``) or a full disk
raises :class:`ExportFileError` with a Vietnamese message, and the temporary file is removed.
"""

from __future__ import annotations

import errno
import io
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.dates import format_date
from desktop.domain.errors import AppError
from desktop.services.database import Database
from desktop.services.organisations import AsOf, active_on
from desktop.store import models as m

HEADERS = ("STT", "Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Đơn vị cấp trên", "Loại",
           "Số chi bộ", "Số đảng viên", "Nhóm", "Ngày thành lập", "Ghi chú")
_WIDTHS = (6, 14, 46, 22, 16, 22, 9, 11, 26, 12, 30)
TITLE = "DANH SÁCH TỔ CHỨC ĐẢNG"
SHEET_NAME = "Danh sách đơn vị"
_HEADER_ROW = 3  # 0-based: title, date line, blank, header


class ExportFileError(AppError):
    """The export file could not be written; the old file (if any) is untouched."""


@dataclass(frozen=True, slots=True)
class ExportRow:
    depth: int
    code: str | None
    name: str
    short_name: str
    parent: str
    kind: str
    cells: int | None
    members: int | None
    group: str
    valid_from: date | None
    note: str


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    organisations: int
    seconds: float


def export_orgs(db: Database, path: str | Path, *, as_of: date | None = None) -> ExportResult:
    """Write the tree as of ``as_of`` (default today) to ``path`` (.xlsx)."""
    started = time.perf_counter()
    day = as_of or date.today()
    rows = load_rows(db, day)
    data = build_workbook(rows, day)
    path = Path(path)
    write_atomically(path, data)
    return ExportResult(path, len(rows), time.perf_counter() - started)


def load_rows(db: Database, day: date) -> list[ExportRow]:
    """Active organisations on ``day`` in depth-first order, with denominators and groups."""
    org = m.Organisation
    asof = AsOf(day)  # names, parents and kinds as they were on `day` (org_history)
    with db.read() as s:
        orgs = s.execute(
            select(org.id, asof.parent_id, org.sort_order, org.code, asof.name,
                   asof.short_name, m.OrgKind.name, org.valid_from, org.note)
            .outerjoin(asof.history, asof.onclause)
            .outerjoin(m.OrgKind, m.OrgKind.id == asof.kind_id)
            .where(active_on(day))
        ).all()
        labels = {oid: (code or name) for oid, code, name in
                  s.execute(select(org.id, org.code, org.name))}
        labels.update((r[0], r[3] or r[4]) for r in orgs)
        den: dict[int, tuple[int | None, int | None]] = {}
        d = m.OrgDenominator
        for oid, cells, members in s.execute(
            select(d.organisation_id, d.party_cells, d.party_members)
            .where(d.as_of <= day).order_by(d.organisation_id, d.as_of)
        ):
            den[oid] = (cells, members)
        groups: dict[int, list[str]] = {}
        for oid, name in s.execute(
            select(m.OrgGroupMember.organisation_id, m.OrgGroup.name)
            .join(m.OrgGroup, m.OrgGroup.id == m.OrgGroupMember.group_id)
            .order_by(m.OrgGroup.sort_order, m.OrgGroup.id)
        ):
            groups.setdefault(oid, []).append(name)
    active = {r[0] for r in orgs}
    children: dict[int | None, list[Any]] = {}
    for r in orgs:
        parent = r[1] if r[1] in active else None
        children.setdefault(parent, []).append(r)
    for kids in children.values():
        kids.sort(key=lambda r: (r[2], r[0]))
    out: list[ExportRow] = []
    stack = [(r, 0) for r in reversed(children.get(None, []))]
    while stack:
        r, depth = stack.pop()
        oid = r[0]
        cells, members = den.get(oid, (None, None))
        out.append(ExportRow(depth, r[3], r[4], r[5] or "",
                             labels.get(r[1], "") if r[1] is not None else "", r[6] or "",
                             cells, members, "; ".join(groups.get(oid, [])), r[7], r[8] or ""))
        stack.extend((c, depth + 1) for c in reversed(children.get(oid, [])))
    return out


def build_workbook(rows: list[ExportRow], day: date) -> bytes:
    """The .xlsx file's bytes (built in memory: no temporary files of xlsxwriter's own)."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {
        "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False,
    })
    font = {"font_name": "Times New Roman", "font_size": 12}
    cell = {**font, "border": 1, "valign": "vcenter"}
    f_title = wb.add_format({**font, "bold": True, "font_size": 14, "align": "center"})
    f_sub = wb.add_format({**font, "italic": True, "align": "center"})
    f_head = wb.add_format({**cell, "bold": True, "align": "center", "text_wrap": True,
                            "bg_color": "#F2F2F2"})
    f_text = wb.add_format({**cell, "text_wrap": True})
    f_center = wb.add_format({**cell, "align": "center"})
    f_int = wb.add_format({**cell, "num_format": "#,##0"})
    f_date = wb.add_format({**cell, "num_format": "dd/mm/yyyy", "align": "center"})
    f_names: dict[int, Any] = {}
    ws = wb.add_worksheet(SHEET_NAME)
    last_col = len(HEADERS) - 1
    ws.merge_range(0, 0, 0, last_col, TITLE, f_title)
    ws.merge_range(1, 0, 1, last_col, f"(tính đến ngày {format_date(day)})", f_sub)
    for col, (header, width) in enumerate(zip(HEADERS, _WIDTHS, strict=True)):
        ws.set_column(col, col, width)
        ws.write_string(_HEADER_ROW, col, header, f_head)
    ws.set_row(_HEADER_ROW, 32)

    def text(row: int, col: int, value: str, fmt: Any = f_text) -> None:
        if value:
            ws.write_string(row, col, value, fmt)  # never a formula, whatever it starts with
        else:
            ws.write_blank(row, col, None, fmt)

    def number(row: int, col: int, value: int | None) -> None:
        if value is None:
            ws.write_blank(row, col, None, f_int)
        else:
            ws.write_number(row, col, value, f_int)

    for k, r in enumerate(rows):
        row = _HEADER_ROW + 1 + k
        level = min(r.depth, 15)
        if level not in f_names:
            f_names[level] = wb.add_format({**cell, "text_wrap": True, "indent": level})
        ws.write_number(row, 0, k + 1, f_center)
        text(row, 1, r.code or "", f_center)
        text(row, 2, r.name, f_names[level])
        text(row, 3, r.short_name)
        text(row, 4, r.parent, f_center)
        text(row, 5, r.kind)
        number(row, 6, r.cells)
        number(row, 7, r.members)
        text(row, 8, r.group)
        if r.valid_from is None:
            ws.write_blank(row, 9, None, f_date)
        else:
            ws.write_datetime(row, 9, r.valid_from, f_date)
        text(row, 10, r.note)
    ws.freeze_panes(_HEADER_ROW + 1, 0)
    ws.repeat_rows(_HEADER_ROW)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&CTrang &P/&N")
    if rows:
        ws.autofilter(_HEADER_ROW, 0, _HEADER_ROW + len(rows), last_col)
    wb.close()
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes, *, application: str = "Excel") -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    ``application`` is the program named when the target is open and locked ("Excel" for
    workbooks, "Word" for reports): "Tệp … đang mở trong Word…".
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise ExportFileError(_write_message(path, tmp, exc, application)) from exc


def _write_message(path: Path, tmp: Path, exc: OSError, application: str) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (f"Ổ đĩa đầy, không ghi được «{path.name}». Giải phóng chỗ trống hoặc lưu vào ổ "
                "khác rồi thử lại; tệp cũ (nếu có) vẫn nguyên.")
    if isinstance(exc, PermissionError):
        if exc.filename is not None and Path(exc.filename) == tmp and exc.filename2 is None:
            return (f"Không có quyền ghi vào thư mục «{path.parent}». Chọn thư mục khác (ví dụ "
                    "Tài liệu) rồi thử lại.")
        return (f"Tệp «{path.name}» đang mở trong {application} (hoặc chương trình khác) nên "
                "không ghi đè được. Đóng tệp rồi bấm Thử lại, hoặc lưu với tên khác; tệp cũ vẫn "
                "nguyên.")
    return (f"Không ghi được tệp «{path.name}» ({exc.strerror or exc}). Kiểm tra ổ đĩa hoặc "
            "lưu với tên khác.")
