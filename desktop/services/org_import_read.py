"""Organisation import, step 1: find the header, recognise the columns, read typed rows.

Offices keep their lists with title rows (often merged) above the header, sometimes a two-row
header ("Số lượng" over "Số chi bộ | Số đảng viên"), a row of column numbers "(1) (2) (3)" under
it, section headings ("I. KHỐI XÃ, PHƯỜNG") and a "Tổng cộng" row. The header is the row (or
pair of rows) among the first :data:`HEADER_SCAN_ROWS` that recognises the most known columns;
a header is recognised by its folded text (accents, case, spaces and "(...)" ignored) or by the
clerk's ``column_map`` (keys: a column letter or a header text; values: a field key of
:data:`FIELDS`, or ``None`` to ignore the column).

No database here: cells become :class:`SourceRow` values (text cleaned to NFC without control
characters, numbers via ``parse_int``, dates from real dates, serials in the workbook's epoch or
dd/mm/yyyy text). An empty cell reads as ``None`` and means "keep what the database has".
Text typed with a legacy TCVN3 or VNI font (:mod:`desktop.domain.legacy_vn`) is converted to
Unicode in ``_Reader._text`` with a warning naming the cell, shown in the preview before
anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl.utils import get_column_letter

from desktop.domain.legacy_vn import detect_legacy
from desktop.domain.text import clean_line, fold
from desktop.services import org_import_cells as cells
from desktop.services.org_import_fields import (
    ALIASES,
    FIELD_LABELS,
    FIELDS,
    ColumnInfo,
    header_key,
)
from desktop.services.workbook_safety import WorkbookError, WorkbookProblem
from desktop.services.workbook_scan import SheetScan

HEADER_SCAN_ROWS = 30


_DATA_FIELDS = ("code", "short_name", "parent", "kind", "cells", "members", "group",
                "valid_from")
_MAX_LEN = {"name": 300, "short_name": 120, "code": 40, "parent": 300, "kind": 200,
            "group": 600}
_NUMBERING = re.compile(r"\(?\d{1,3}\)?")
_SECTION_STT = re.compile(r"(?:[IVXLC]+|[A-Z])\.?")
_TOTALS = ("tong cong", "tong so", "cong", "tong")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One organisation as the file gives it; ``None`` = the cell is empty or absent."""

    row: int
    name: str
    short_name: str | None = None
    code: str | None = None
    parent: str | None = None
    kind: str | None = None
    cells: int | None = None
    members: int | None = None
    group: tuple[str, ...] | None = None
    valid_from: date | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: int
    reason: str


@dataclass(frozen=True, slots=True)
class SheetRead:
    """Everything read from the worksheet, before the database is consulted."""

    sheet: str
    header_rows: tuple[int, int]
    columns: tuple[ColumnInfo, ...]
    unmapped_headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    skipped: tuple[SkippedRow, ...]
    problems: tuple[WorkbookProblem, ...]
    warnings: tuple[str, ...]
    letters: Mapping[str, str] = field(default_factory=dict)
    last_row: int = 0

    def cell(self, key: str, row: int) -> str:
        letter = self.letters.get(key)
        return f"{letter}{row}" if letter else f"A{row}"

    def problem(self, key: str, row: int, message: str) -> WorkbookProblem:
        return WorkbookProblem(self.sheet, self.cell(key, row), key, message)


def read_sheet(
    rows: Iterable[tuple[int, tuple[Any, ...]]],
    *,
    sheet: str,
    scan: SheetScan,
    epoch: datetime,
    column_map: Mapping[str, str | None] | None = None,
) -> SheetRead:
    """Turn the non-empty rows of a worksheet into :class:`SheetRead` (no database)."""
    return _Reader(sheet, scan, epoch, column_map or {}).read(iter(rows))


class _Reader:
    def __init__(self, sheet: str, scan: SheetScan, epoch: datetime,
                 column_map: Mapping[str, str | None]) -> None:
        self.sheet = sheet
        self.scan = scan
        self.epoch = epoch
        self.by_letter: dict[str, str | None] = {}
        self.by_header: dict[str, str | None] = {}
        for key, value in column_map.items():
            target = value or None
            if target is not None and target not in FIELD_LABELS:
                known = ", ".join(FIELD_LABELS)
                raise WorkbookError(WorkbookProblem(
                    sheet, "", "", f"Không có trường «{target}» để ghép cột (có: {known})."))
            if re.fullmatch(r"[A-Za-z]{1,3}", key.strip()):
                self.by_letter[key.strip().upper()] = target
            else:
                self.by_header[header_key(key)] = target
        self.problems: list[WorkbookProblem] = []
        self.warnings: list[str] = []
        self.skipped: list[SkippedRow] = []
        self.cols: dict[str, int] = {}
        self.letters: dict[str, str] = {}
        self.single_row_merges: dict[int, tuple[int, int, str, int]] = {}
        self._group_cache: dict[str, tuple[str, ...]] = {}
        self._keys = tuple(f.key for f in FIELDS)
        self._by_index: dict[int, str] = {}

    # ------------------------------------------------------------------ header

    def _recognise(self, index: int, text: Any) -> str | None:
        letter = get_column_letter(index + 1)
        if letter in self.by_letter:
            return self.by_letter[letter]
        key = header_key(text)
        if not key:
            return None
        if key in self.by_header:
            return self.by_header[key]
        return ALIASES.get(key)

    def _score(self, values: tuple[Any, ...]) -> tuple[int, bool]:
        found = {self._recognise(i, v) for i, v in enumerate(values) if v is not None}
        found.discard(None)
        return len(found), "name" in found

    def read(self, rows: Iterator[tuple[int, tuple[Any, ...]]]) -> SheetRead:
        head: list[tuple[int, tuple[Any, ...]]] = []
        for item in rows:
            head.append(item)
            if len(head) >= HEADER_SCAN_ROWS:
                break
        best: tuple[int, int, int, tuple[Any, ...]] | None = None  # score, first, last, values
        for i, (number, values) in enumerate(head):
            score, has_name = self._score(values)
            candidates = [(score + (1 if has_name else 0), number, number, values)]
            if i + 1 < len(head) and head[i + 1][0] == number + 1:
                below = head[i + 1][1]
                merged = tuple(
                    b if b is not None else a
                    for a, b in _zip_longest(values, below)
                )
                m_score, m_name = self._score(merged)
                if m_score > score:
                    candidates.append((m_score + (1 if m_name else 0), number, number + 1,
                                       merged))
            for cand in candidates:
                if cand[0] >= 2 and (best is None or cand[0] > best[0]):
                    best = cand
        if best is None:
            labels = ", ".join(f"«{f.label}»" for f in FIELDS if f.key != "stt")
            raise WorkbookError(WorkbookProblem(
                self.sheet, "", "",
                f"Không tìm thấy dòng tiêu đề cột trong {HEADER_SCAN_ROWS} dòng đầu. Cần ít nhất "
                f"cột «Tên đơn vị» và một cột khác, ví dụ: {labels}."))
        _, first, last, header = best
        columns = self._columns(header)
        rest = [item for item in head if item[0] > last]
        data = _chain(rest, rows)
        read_rows: list[SourceRow] = []
        last_row = last
        if "name" not in self.cols:
            self.problems.append(WorkbookProblem(
                self.sheet, f"A{last}", "name",
                "Chưa có cột «Tên đơn vị» (hoặc «Tên tổ chức đảng»). Hãy chọn cột nào là tên "
                "đơn vị."))
        else:
            self._check_merges(last)
            uncached = self._uncached_by_row()
            first_data = True
            for number, values in data:
                last_row = number
                row = self._row(number, values, first_data, uncached.get(number, ()))
                first_data = False
                if row is not None:
                    read_rows.append(row)
        unmapped = tuple(c.header for c in columns if c.field is None and c.header)
        if unmapped:
            self.warnings.append("Các cột không nhận ra (bỏ qua, có thể chọn ghép cột): "
                                 + ", ".join(f"«{h}»" for h in unmapped) + ".")
        return SheetRead(self.sheet, (first, last), columns, unmapped, tuple(read_rows),
                         tuple(self.skipped), tuple(self.problems), tuple(self.warnings),
                         dict(self.letters), last_row)

    def _columns(self, header: tuple[Any, ...]) -> tuple[ColumnInfo, ...]:
        columns = []
        for i, value in enumerate(header):
            text = clean_line(str(value)) if value is not None else ""
            key = self._recognise(i, value)
            letter = get_column_letter(i + 1)
            if key is None and not text:
                continue
            if key is not None and key in self.cols:
                self.warnings.append(
                    f"Cột {letter} («{text}») trùng nghĩa với cột {self.letters[key]}; "
                    "chỉ dùng cột đầu tiên.")
                key = None
            if key is not None:
                self.cols[key] = i
                self.letters[key] = letter
                self._by_index[i] = key
            columns.append(ColumnInfo(i, letter, text, key))
        return tuple(columns)

    # ------------------------------------------------------------------ merged cells, formulas

    def _check_merges(self, header_last: int) -> None:
        mapped = set(self.cols.values())
        for min_col, min_row, max_col, max_row, ref in self.scan.merged:
            if max_row <= header_last:
                continue
            touched = {c for c in range(min_col - 1, max_col) if c in mapped}
            if not touched:
                continue
            if min_row == max_row and min_col != max_col:
                # a section heading across the table, or cells merged across in a data row
                self.single_row_merges[min_row] = (min_col - 1, max_col - 1, ref, len(touched))
                continue
            top = max(min_row, header_last + 1)
            self.problems.append(WorkbookProblem(
                self.sheet, ref.split(":")[0] if min_row > header_last else
                f"{get_column_letter(min_col)}{top}", "",
                f"Ô gộp {ref} nằm trong vùng dữ liệu: chỉ dòng đầu có giá trị, các dòng còn lại "
                "bị coi là trống. Bỏ gộp ô (Trang đầu › Gộp và Căn giữa) và điền đủ giá trị cho "
                "từng dòng rồi nhập lại."))

    def _uncached_by_row(self) -> dict[int, list[tuple[int, str]]]:
        from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

        out: dict[int, list[tuple[int, str]]] = {}
        for ref in self.scan.uncached_formulas:
            if ref == "?":
                continue
            letters, number = coordinate_from_string(ref)
            out.setdefault(number, []).append((column_index_from_string(letters) - 1, ref))
        return out

    # ------------------------------------------------------------------ rows

    def _get(self, values: tuple[Any, ...], key: str) -> Any:
        i = self.cols.get(key)
        if i is None or i >= len(values):
            return None
        value = values[i]
        if value.__class__ is str and (not value or value[0].isspace() or value[-1].isspace()):
            value = value.strip() or None
        return value

    def _row(self, number: int, values: tuple[Any, ...], first: bool,
             uncached: Iterable[tuple[int, str]]) -> SourceRow | None:
        got = {key: self._get(values, key) for key in self._keys}
        raw_name = got["name"]
        if first and self._is_numbering(values):
            self.skipped.append(SkippedRow(number, "dòng đánh số cột"))
            return None
        if raw_name.__class__ is str and raw_name[:1] in "TtCc":
            name_key = fold(raw_name)
            if name_key in _TOTALS or name_key.startswith("tong cong"):
                self.skipped.append(SkippedRow(number, "dòng tổng cộng"))
                return None
        if self._is_heading(number, values, got):
            self.skipped.append(SkippedRow(number, "tiêu đề mục"))
            return None
        problems_before = len(self.problems)
        span = self.single_row_merges.get(number)
        if span is not None and span[3] >= 2:
            self.problems.append(WorkbookProblem(
                self.sheet, span[2].split(":")[0], "",
                f"Ô gộp {span[2]} trong dòng dữ liệu gộp nhiều cột thành một giá trị. Bỏ gộp ô "
                "(Trang đầu › Gộp và Căn giữa) và điền giá trị cho từng cột rồi nhập lại."))
        for col, ref in uncached:
            if col in self._by_index:
                self.problems.append(WorkbookProblem(
                    self.sheet, ref, self._by_index[col],
                    "Ô có công thức nhưng chưa có kết quả được lưu (tệp do chương trình khác "
                    "tạo). Mở tệp bằng Excel, nhấn Ctrl+Alt+F9 để tính lại, lưu rồi nhập lại."))
        has_data = any(got[k] is not None for k in _DATA_FIELDS)
        text = self._text
        row = SourceRow(
            number,
            name=text(number, "name", raw_name) or "",
            short_name=text(number, "short_name", got["short_name"]),
            code=text(number, "code", got["code"]),
            parent=text(number, "parent", got["parent"]),
            kind=text(number, "kind", got["kind"]),
            cells=self._number(number, "cells", got["cells"]),
            members=self._number(number, "members", got["members"]),
            group=self._group(number, got["group"]),
            valid_from=self._date(number, "valid_from", got["valid_from"]),
            note=self._note(number, got["note"]),
        )
        if not row.name:
            name_cell = self._cell("name", number)
            if any(p.cell == name_cell for p in self.problems[problems_before:]):
                pass  # the name cell was refused above
            elif has_data or raw_name is not None:
                self.problems.append(WorkbookProblem(
                    self.sheet, self._cell("name", number), "name",
                    "Thiếu tên đơn vị. Điền tên hoặc xóa dòng này."))
            elif len(self.problems) == problems_before:
                self.skipped.append(SkippedRow(number, "dòng không có tên đơn vị"))
            return None
        if row.cells is not None and row.members is not None and row.cells > row.members:
            self.problems.append(WorkbookProblem(
                self.sheet, self._cell("cells", number), "cells",
                f"Số chi bộ ({row.cells}) lớn hơn số đảng viên ({row.members}) — có thể hai "
                "cột bị đảo. Kiểm tra lại hai ô này."))
        return row

    def _is_numbering(self, values: tuple[Any, ...]) -> bool:
        """The row of column numbers "(1) (2) (3)…" some forms put under the header."""
        present = [str(v).strip() for v in values if v is not None and str(v).strip()]
        return len(present) >= 2 and all(_NUMBERING.fullmatch(v) for v in present)

    def _is_heading(self, number: int, values: tuple[Any, ...], got: dict[str, Any]) -> bool:
        span = self.single_row_merges.get(number)
        if span is not None and len(values) - values.count(None) == 1:
            lone = next(i for i, v in enumerate(values) if v is not None)
            if span[0] <= lone <= span[1]:
                return True
        stt = got["stt"]
        if stt is None or not _SECTION_STT.fullmatch(str(stt).strip()):
            return False
        return all(got[k] is None for k in _DATA_FIELDS)

    def _group(self, number: int, value: Any) -> tuple[str, ...] | None:
        raw = self._text(number, "group", value)
        if raw is None:
            return None
        found = self._group_cache.get(raw)
        if found is None:
            found = tuple(g for g in (clean_line(p) for p in re.split(r"[;\n]", raw)) if g)
            self._group_cache[raw] = found
        return found or None

    def _note(self, number: int, value: Any) -> str | None:
        return cells.read_note(value)

    def _cell(self, key: str, number: int) -> str:
        return f"{self.letters.get(key, 'A')}{number}"

    def _bad(self, number: int, key: str, message: str) -> None:
        self.problems.append(WorkbookProblem(self.sheet, self._cell(key, number), key, message))

    def _text(self, number: int, key: str, value: Any) -> str | None:
        if value is None:
            return None
        try:
            text, removed = cells.read_text(value, _MAX_LEN[key])
        except cells.CellProblem as exc:
            self._bad(number, key, str(exc))
            return None
        if removed:
            where = WorkbookProblem(self.sheet, self._cell(key, number)).location
            self.warnings.append(f"{where}: đã bỏ các ký tự điều khiển không in được.")
        if text is not None and not text.isascii():
            guess = detect_legacy(text)  # typed with a .VnTime (TCVN3) or VNI font
            if guess is not None:
                where = WorkbookProblem(self.sheet, self._cell(key, number)).location
                self.warnings.append(
                    f"{where}: chữ gõ bằng bảng mã {guess.encoding.label} «{text}» đã được "
                    f"chuyển sang Unicode: «{guess.converted}». Kiểm tra bản xem trước; nếu "
                    "sai, sửa tệp rồi nhập lại.")
                text = guess.converted
        return text

    def _number(self, number: int, key: str, value: Any) -> int | None:
        try:
            return cells.read_int(value, FIELD_LABELS[key])
        except cells.CellProblem as exc:
            self._bad(number, key, str(exc))
            return None

    def _date(self, number: int, key: str, value: Any) -> date | None:
        try:
            return cells.read_date(value, FIELD_LABELS[key], self.epoch)
        except cells.CellProblem as exc:
            self._bad(number, key, str(exc))
            return None


def _zip_longest(a: tuple[Any, ...], b: tuple[Any, ...]) -> Iterator[tuple[Any, Any]]:
    for i in range(max(len(a), len(b))):
        yield (a[i] if i < len(a) else None), (b[i] if i < len(b) else None)


def _chain(first: list[tuple[int, tuple[Any, ...]]],
           rest: Iterator[tuple[int, tuple[Any, ...]]]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    yield from first
    yield from rest
