"""Statistics workbooks (biểu tổng hợp): a pure writer, data in, .xlsx bytes out.

Two shapes, both A4 landscape, header rows repeated on every page, fitted to the page width,
page numbers in the footer:

- per document (:class:`DocumentBook`): a summary sheet (one line per "Nơi nhận" group and the
  total) and one sheet per group (one line per recipient organisation, its totals line last);
- per year (:class:`YearBook`): one line per document issued that year, with the same figures.

Totals and percentages are written as **formulas with their cached values** (an
organisation's own rate on a group sheet is a plain value) (``SUM`` over the
column, ``IF(total>0, part/total, "")``): Excel shows where a total comes from, and viewers
that never recalculate (previewers, LibreOffice with recalculation off, openpyxl with
``data_only``) show the same numbers, computed here from the service's figures. Counts use the
number format ``#,##0`` and rates ``0.00%``: Excel draws the separators of the Windows locale,
so a Vietnamese-locale Excel shows "35.599" and "99,16%" — the stored numbers stay numbers
(sortable, summable), never text such as "35.599". Every text goes through ``write_string``
(``strings_to_formulas`` off), so a name starting with = + - @ stays text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "COUNT_COLUMNS",
    "DocumentBook",
    "GroupSheet",
    "OrgLine",
    "SummaryLine",
    "YearBook",
    "YearLine",
    "build_document_book",
    "build_year_book",
    "sheet_title",
]

#: (key, header) of the counted figures, in column order
COUNT_COLUMNS = (
    ("recipients", "Số đơn vị nhận"),
    ("received", "Đã nhận"),
    ("discussed", "Đã học tập, quán triệt"),
    ("planned", "Đã có kế hoạch"),
    ("reported", "Đã báo cáo"),
    ("overdue", "Quá hạn"),
    ("cells_held", "Chi bộ đã học tập"),
    ("cells_total", "Tổng số chi bộ"),
    ("members_attending", "Đảng viên tham gia"),
    ("members_total", "Tổng số đảng viên"),
)


@dataclass(frozen=True, slots=True)
class SummaryLine:
    name: str
    counts: dict[str, int]  # COUNT_COLUMNS keys


@dataclass(frozen=True, slots=True)
class OrgLine:
    """One recipient organisation on its group's sheet (counts are 0/1 flags, dates shown)."""

    name: str
    code: str
    received_date: date | None
    study_date: date | None
    study_form: str
    plan: str  # "12-KH/ĐU, 05/03/2026"
    reported: bool
    overdue_days: int
    status: str
    cells_held: int | None
    cells_total: int | None
    members_attending: int | None
    members_total: int | None


@dataclass(frozen=True)
class GroupSheet:
    name: str
    lines: Sequence[OrgLine]
    note: str = ""


@dataclass(frozen=True)
class DocumentBook:
    title: str  # "KẾT QUẢ HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI CHỈ THỊ SỐ 15-CT/TU"
    subtitle: str  # excerpt and "(tính đến ngày …)"
    summary: Sequence[SummaryLine]
    groups: Sequence[GroupSheet] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True, slots=True)
class YearLine:
    document: str
    issue_date: date | None
    excerpt: str
    counts: dict[str, int]


@dataclass(frozen=True)
class YearBook:
    title: str
    subtitle: str
    lines: Sequence[YearLine]


_INVALID_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


def sheet_title(name: str, used: set[str]) -> str:
    """An Excel sheet name (≤ 31 characters, none of []:*?/\\, unique case-insensitively)."""
    base = " ".join(name.translate(_INVALID_TITLE).split()).strip("'") or "Nhóm"
    base = base[:31]
    title, n = base, 2
    while title.lower() in used:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(title.lower())
    return title


class _Formats:
    def __init__(self, wb: Any) -> None:
        font = {"font_name": "Times New Roman", "font_size": 11, "valign": "vcenter"}
        cell = {**font, "border": 1}
        add = wb.add_format
        self.title = add(
            {**font, "bold": True, "font_size": 14, "align": "center", "text_wrap": True}
        )
        self.sub = add({**font, "italic": True, "align": "center", "text_wrap": True})
        self.head = add(
            {**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9D9D9"}
        )
        self.text = add({**cell, "text_wrap": True})
        self.center = add({**cell, "align": "center"})
        self.int = add({**cell, "num_format": "#,##0"})
        self.pct = add({**cell, "num_format": "0.00%"})
        self.date = add({**cell, "num_format": "dd/mm/yyyy", "align": "center"})
        self.total_text = add({**cell, "bold": True, "text_wrap": True})
        self.total_int = add({**cell, "bold": True, "num_format": "#,##0"})
        self.total_pct = add({**cell, "bold": True, "num_format": "0.00%"})
        self.note = add({**font, "italic": True, "text_wrap": True, "valign": "top"})


def _workbook(buffer: io.BytesIO) -> Any:
    import xlsxwriter

    return xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
            "constant_memory": False,
        },
    )


def _print_setup(ws: Any, header_row: int) -> None:
    ws.repeat_rows(header_row)
    ws.freeze_panes(header_row + 1, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&C&9Trang &P/&N")


def _titles(ws: Any, f: _Formats, title: str, subtitle: str, last_col: int) -> None:
    ws.merge_range(0, 0, 0, last_col, title, f.title)
    ws.set_row(0, 36)
    ws.merge_range(1, 0, 1, last_col, subtitle, f.sub)
    ws.set_row(1, 32)


def _col(c: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return str(xl_col_to_name(c))


def _rate(part: int, total: int) -> float | str:
    return part / total if total else ""


def _count_table(
    ws: Any, f: _Formats, first_col: int, header_row: int, rows: Sequence[dict[str, int]]
) -> int:
    """Counted columns + the two rate columns for ``rows`` from ``header_row + 1``; the totals
    line after them (SUM formulas with cached values). Returns the totals line's row."""
    keys = [k for k, _h in COUNT_COLUMNS]
    heads = [h for _k, h in COUNT_COLUMNS] + ["Tỉ lệ đã báo cáo", "Tỉ lệ đảng viên tham gia"]
    for i, head in enumerate(heads):
        ws.write_string(header_row, first_col + i, head, f.head)
    col_of = {k: first_col + i for i, k in enumerate(keys)}
    rate_cols = (first_col + len(keys), first_col + len(keys) + 1)
    for r, counts in enumerate(rows, header_row + 1):
        for k in keys:
            ws.write_number(r, col_of[k], counts.get(k, 0), f.int)
        _rates(ws, f.pct, r, col_of, rate_cols, counts)
    total_row = header_row + 1 + len(rows)
    totals = {k: sum(c.get(k, 0) for c in rows) for k in keys}
    for k in keys:
        col = _col(col_of[k])
        ws.write_formula(
            total_row,
            col_of[k],
            f"=SUM({col}{header_row + 2}:{col}{total_row})" if rows else "=0",
            f.total_int,
            totals[k],
        )
    _rates(ws, f.total_pct, total_row, col_of, rate_cols, totals)
    return total_row


def _rates(
    ws: Any,
    fmt: Any,
    r: int,
    col_of: dict[str, int],
    rate_cols: tuple[int, int],
    counts: dict[str, int],
) -> None:
    """Reported / recipients and members attending / members total, as formulas."""
    pairs = (("reported", "recipients"), ("members_attending", "members_total"))
    for col, (part, total) in zip(rate_cols, pairs, strict=True):
        p, t = _col(col_of[part]), _col(col_of[total])
        ws.write_formula(
            r,
            col,
            f'=IF({t}{r + 1}>0,{p}{r + 1}/{t}{r + 1},"")',
            fmt,
            _rate(counts.get(part, 0), counts.get(total, 0)),
        )


def build_document_book(book: DocumentBook) -> bytes:
    buffer = io.BytesIO()
    wb = _workbook(buffer)
    f = _Formats(wb)
    used: set[str] = set()
    ws = wb.add_worksheet(sheet_title("Tổng hợp", used))
    last = 1 + len(COUNT_COLUMNS) + 2
    _titles(ws, f, book.title, book.subtitle, last)
    header = 3
    ws.write_string(header, 0, "STT", f.head)
    ws.write_string(header, 1, "Nhóm đơn vị", f.head)
    ws.set_column(0, 0, 5)
    ws.set_column(1, 1, 34)
    ws.set_column(2, last, 10.5)
    ws.set_row(header, 48)
    for r, line in enumerate(book.summary, header + 1):
        ws.write_number(r, 0, r - header, f.center)
        ws.write_string(r, 1, line.name, f.text)
    total_row = _count_table(ws, f, 2, header, [dict(x.counts) for x in book.summary])
    ws.write_blank(total_row, 0, None, f.total_text)
    ws.write_string(total_row, 1, "Tổng cộng", f.total_text)
    if book.note:
        ws.merge_range(total_row + 2, 0, total_row + 2, last, book.note, f.note)
        ws.set_row(total_row + 2, 45)
    _print_setup(ws, header)
    for group in book.groups:
        _group_sheet(wb, f, group, sheet_title(group.name, used), book.title)
    wb.close()
    return buffer.getvalue()


_ORG_HEADS = (
    "STT",
    "Tên đơn vị",
    "Mã",
    "Ngày nhận",
    "Ngày học tập",
    "Hình thức",
    "Kế hoạch (số, ngày)",
    "Đã báo cáo",
    "Số ngày quá hạn",
    "Tình trạng",
    "Chi bộ đã học tập",
    "Tổng số chi bộ",
    "Đảng viên tham gia",
    "Tổng số đảng viên",
    "Tỉ lệ đảng viên tham gia",
)
_ORG_WIDTHS = (5, 34, 9, 11, 11, 14, 18, 8, 8, 16, 9, 9, 10, 10, 10)


def _group_sheet(wb: Any, f: _Formats, group: GroupSheet, title: str, book_title: str) -> None:
    ws = wb.add_worksheet(title)
    last = len(_ORG_HEADS) - 1
    _titles(ws, f, group.name.upper(), book_title, last)
    header = 3
    for c, (head, width) in enumerate(zip(_ORG_HEADS, _ORG_WIDTHS, strict=True)):
        ws.write_string(header, c, head, f.head)
        ws.set_column(c, c, width)
    ws.set_row(header, 48)

    def text(r: int, c: int, value: str, fmt: Any = f.text) -> None:
        if value:
            ws.write_string(r, c, value, fmt)
        else:
            ws.write_blank(r, c, None, fmt)

    def num(r: int, c: int, value: int | None) -> None:
        if value is None:
            ws.write_blank(r, c, None, f.int)
        else:
            ws.write_number(r, c, value, f.int)

    def day(r: int, c: int, value: date | None) -> None:
        if value is None:
            ws.write_blank(r, c, None, f.date)
        else:
            ws.write_datetime(r, c, value, f.date)

    for i, line in enumerate(group.lines):
        r = header + 1 + i
        ws.write_number(r, 0, i + 1, f.center)
        text(r, 1, line.name)
        text(r, 2, line.code, f.center)
        day(r, 3, line.received_date)
        day(r, 4, line.study_date)
        text(r, 5, line.study_form)
        text(r, 6, line.plan)
        ws.write_number(r, 7, 1 if line.reported else 0, f.int)
        ws.write_number(r, 8, line.overdue_days, f.int)
        text(r, 9, line.status)
        num(r, 10, line.cells_held)
        num(r, 11, line.cells_total)
        num(r, 12, line.members_attending)
        num(r, 13, line.members_total)
        ma, mt = line.members_attending, line.members_total
        # a value per line (a formula per line costs xlsxwriter ~70 µs each: 1.4 s at 20,000);
        # the totals line below keeps its formulas
        if ma is not None and mt:
            ws.write_number(r, 14, ma / mt, f.pct)
        else:
            ws.write_blank(r, 14, None, f.pct)
    total = header + 1 + len(group.lines)
    first, end = header + 2, total
    ws.write_blank(total, 0, None, f.total_text)
    ws.write_string(
        total, 1, f"Tổng cộng ({len(group.lines):,} đơn vị)".replace(",", "."), f.total_text
    )
    ws.write_formula(
        total,
        3,
        f"=COUNT(D{first}:D{end})",
        f.total_int,
        sum(1 for x in group.lines if x.received_date),
    )
    ws.write_formula(
        total,
        4,
        f"=COUNT(E{first}:E{end})",
        f.total_int,
        sum(1 for x in group.lines if x.study_date),
    )
    ws.write_formula(
        total, 6, f"=COUNTA(G{first}:G{end})", f.total_int, sum(1 for x in group.lines if x.plan)
    )
    ws.write_formula(
        total, 7, f"=SUM(H{first}:H{end})", f.total_int, sum(1 for x in group.lines if x.reported)
    )
    ws.write_formula(
        total,
        8,
        f'=COUNTIF(I{first}:I{end},">0")',
        f.total_int,
        sum(1 for x in group.lines if x.overdue_days > 0),
    )
    for c, attr in (
        (10, "cells_held"),
        (11, "cells_total"),
        (12, "members_attending"),
        (13, "members_total"),
    ):
        col = _col(c)
        ws.write_formula(
            total,
            c,
            f"=SUM({col}{first}:{col}{end})",
            f.total_int,
            sum(getattr(x, attr) or 0 for x in group.lines),
        )
    ma = sum(x.members_attending or 0 for x in group.lines)
    mt = sum(x.members_total or 0 for x in group.lines)
    ws.write_formula(
        total,
        14,
        f'=IF(N{total + 1}>0,M{total + 1}/N{total + 1},"")',
        f.total_pct,
        ma / mt if mt else "",
    )
    for c in (2, 5, 9):
        ws.write_blank(total, c, None, f.total_text)
    if group.note:
        ws.merge_range(total + 2, 0, total + 2, last, group.note, f.note)
        ws.set_row(total + 2, 45)
    _print_setup(ws, header)
    if group.lines:
        ws.autofilter(header, 0, total - 1, last)


def build_year_book(book: YearBook) -> bytes:
    buffer = io.BytesIO()
    wb = _workbook(buffer)
    f = _Formats(wb)
    ws = wb.add_worksheet(sheet_title(book.title[:31], set()))
    last = 3 + len(COUNT_COLUMNS) + 2
    _titles(ws, f, book.title, book.subtitle, last)
    header = 3
    for c, (head, width) in enumerate(
        (("STT", 5), ("Số, ký hiệu", 13), ("Ngày ban hành", 11), ("Trích yếu", 40))
    ):
        ws.write_string(header, c, head, f.head)
        ws.set_column(c, c, width)
    ws.set_column(4, last, 10.5)
    ws.set_row(header, 48)
    for r, line in enumerate(book.lines, header + 1):
        ws.write_number(r, 0, r - header, f.center)
        ws.write_string(r, 1, line.document, f.center)
        if line.issue_date is None:
            ws.write_blank(r, 2, None, f.date)
        else:
            ws.write_datetime(r, 2, line.issue_date, f.date)
        if line.excerpt:
            ws.write_string(r, 3, line.excerpt, f.text)
        else:
            ws.write_blank(r, 3, None, f.text)
    total_row = _count_table(ws, f, 4, header, [dict(x.counts) for x in book.lines])
    for c in (0, 2):
        ws.write_blank(total_row, c, None, f.total_text)
    ws.write_string(total_row, 1, "Tổng cộng", f.total_text)
    ws.write_string(total_row, 3, f"{len(book.lines)} văn bản", f.total_text)
    _print_setup(ws, header)
    wb.close()
    return buffer.getvalue()
