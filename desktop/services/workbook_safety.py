"""Opening an untrusted Excel workbook safely: checked before openpyxl parses a byte of it.

Clerks import lists (and, later, returned report forms) that came by e-mail or USB stick, so a
workbook is treated as hostile input. :func:`open_workbook` refuses, with a Vietnamese reason and
in milliseconds, anything that is not a plain .xlsx within bounds:

- a file over :data:`MAX_FILE_BYTES`, an empty file, or one that is not a zip at all;
- an OLE/CFB file (``D0 CF 11 E0``): a password-protected workbook (it holds an
  ``EncryptedPackage`` stream) or an old .xls — the answer is "open it in Excel, save as .xlsx";
- .xlsb, .ods and Word files renamed to .xlsx;
- a truncated or corrupt zip ("not fully copied"), zip-level encryption;
- a zip bomb: more than :data:`MAX_MEMBERS` members, more than :data:`MAX_TOTAL_UNCOMPRESSED`
  declared, a part that inflates more than :data:`MAX_RATIO` times. Python's ``zipfile`` never
  inflates past the declared size (the CRC check fails instead), so checking the declared sizes
  is enough;
- any XML part with a DTD (``<!DOCTYPE``/``<!ENTITY``: billion laughs, XXE). openpyxl also parses
  through defusedxml (``openpyxl.DEFUSEDXML`` is asserted at import), so this is two locks.

Macros: an .xlsm is opened without its VBA project (``keep_vba=False``); macros are never run,
kept or written back, and :attr:`WorkbookInfo.has_macros` lets the caller say so.

Reading (:class:`SafeWorkbook`): openpyxl ``read_only=True, data_only=True`` (cached values). The
declared ``<dimension>`` is never trusted (``reset_dimensions``: some writers declare 1,048,576
rows); empty rows are skipped cheaply instead of stopping at the first run of them, so data after
a gap is never silently dropped, and a non-empty row past :data:`MAX_ROWS` is refused. Columns
past :data:`MAX_COLUMNS` are not read. Read-only mode hides merged cells and formulas, so
:meth:`SafeWorkbook.scan_sheet` scans the sheet's XML bytes once (:mod:`.workbook_scan`: regular
expressions over the inflated stream, no parsing) for the merged ranges and for formula cells
without a cached value.

Every refusal is a :class:`WorkbookError` (a ``ValidationError``) carrying
:class:`WorkbookProblem` items ``(sheet, cell, field, message)``.
"""

from __future__ import annotations

import logging
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from desktop.domain.errors import ValidationError
from desktop.services.workbook_scan import SheetScan, scan_sheet_xml

log = logging.getLogger(__name__)

# Without defusedxml openpyxl parses entity declarations: refuse to run at all then (a real
# check, not an assert, so it survives ``python -O`` and frozen builds).
if not openpyxl.DEFUSEDXML:  # pragma: no cover - defusedxml is a dependency
    raise ImportError("defusedxml must be installed: openpyxl.DEFUSEDXML is False")

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBERS = 5_000
MAX_TOTAL_UNCOMPRESSED = 1024 * 1024 * 1024
#: A part may inflate at most this many times (real sheets: 5-30x; deflate bombs: ~1000x) …
MAX_RATIO = 200
#: … once it is bigger than this (tiny parts compress oddly and are harmless).
RATIO_MIN_BYTES = 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 100
_PROLOG_BYTES = 64 * 1024

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "Mở tệp bằng Excel, chọn Tệp › Lưu thành (Save As), kiểu «Excel Workbook (*.xlsx)», "
_SAVE_AS += "rồi chọn lại tệp mới."


@dataclass(frozen=True, slots=True)
class WorkbookProblem:
    """One thing wrong with a workbook: where (sheet, cell like "C17", field) and why."""

    sheet: str = ""
    cell: str = ""
    field: str = ""
    message: str = ""

    @property
    def location(self) -> str:
        """``Sheet!C17`` as Excel writes it (the sheet quoted when it has spaces)."""
        if not self.sheet:
            return self.cell
        sheet = self.sheet
        if not re.fullmatch(r"\w+", sheet):
            sheet = "'" + sheet.replace("'", "''") + "'"
        return f"{sheet}!{self.cell}" if self.cell else sheet

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


class WorkbookError(ValidationError):
    """The workbook is refused; nothing was changed. ``problems`` says where and why."""

    def __init__(self, problems: WorkbookProblem | Sequence[WorkbookProblem]) -> None:
        items = (problems,) if isinstance(problems, WorkbookProblem) else tuple(problems)
        message = str(items[0]) if items else "Tệp Excel không dùng được."
        if len(items) > 1:
            message += f" (và {len(items) - 1} lỗi khác)"
        super().__init__(message, field=items[0].field if items and items[0].field else None)
        self.problems: tuple[WorkbookProblem, ...] = items


def _refuse(message: str, *, sheet: str = "", cell: str = "") -> WorkbookError:
    return WorkbookError(WorkbookProblem(sheet=sheet, cell=cell, message=message))


# --------------------------------------------------------------------------- the file itself


@dataclass(frozen=True, slots=True)
class WorkbookInfo:
    """What the pre-scan learnt about a file that passed it."""

    path: Path
    size: int
    members: int
    uncompressed: int
    has_macros: bool


def check_workbook_file(path: str | Path) -> WorkbookInfo:
    """Refuse (:class:`WorkbookError`) a file that is not a bounded, unencrypted .xlsx."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise _refuse(f"Không tìm thấy tệp «{name}».") from None
    except OSError as exc:
        raise _refuse(f"Không mở được tệp «{name}» ({exc.strerror or exc}). "
                      "Đóng tệp nếu đang mở ở chương trình khác rồi thử lại.") from exc
    if size == 0:
        raise _refuse(f"Tệp «{name}» rỗng (0 byte). Chọn đúng tệp Excel.")
    if size > MAX_FILE_BYTES:
        raise _refuse(f"Tệp «{name}» quá lớn ({size // (1024 * 1024)} MB; tối đa "
                      f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Xóa ảnh, trang tính thừa hoặc "
                      "chia nhỏ danh sách rồi thử lại.")
    if head.startswith(_CFB_MAGIC[:4]):
        raise _refuse(_cfb_reason(path, name))
    if not head.startswith(b"PK"):
        raise _refuse(f"Tệp «{name}» không phải là tệp Excel .xlsx (có thể là tệp khác bị đổi "
                      "đuôi). " + _SAVE_AS)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise _refuse(f"Tệp «{name}» bị hỏng hoặc chưa được chép/tải về trọn vẹn (tệp nén bị "
                      "cắt cụt). Chép hoặc tải lại tệp rồi thử lại.") from exc
    try:
        with zf:
            return _check_zip(path, zf, zf.infolist(), size)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        raise _unreadable(name, "", exc) from exc


def _cfb_reason(path: Path, name: str) -> str:
    data = path.read_bytes()  # at most MAX_FILE_BYTES, checked by the caller
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (f"Tệp «{name}» được đặt mật khẩu nên chương trình không đọc được. Mở tệp bằng "
                "Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật "
                "khẩu, xóa mật khẩu), lưu lại rồi chọn lại tệp.")
    if any(s.encode("utf-16-le") in data for s in ("Workbook", "Book")):
        return f"Tệp «{name}» là tệp Excel cũ (.xls, Excel 97–2003). " + _SAVE_AS
    return (f"Tệp «{name}» có mật khẩu hoặc là tệp .xls cũ, chương trình không đọc được. "
            + _SAVE_AS)


def _check_zip(path: Path, zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
               size: int) -> WorkbookInfo:
    name = path.name
    if len(infos) > MAX_MEMBERS:
        raise _refuse(f"Tệp «{name}» có {len(infos)} thành phần (tối đa {MAX_MEMBERS}) — không "
                      "phải một sổ Excel bình thường.")
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        raise _refuse(f"Tệp «{name}» là sổ Excel nhị phân (.xlsb). " + _SAVE_AS)
    if "mimetype" in names or "content.xml" in names:
        raise _refuse(f"Tệp «{name}» là bảng tính OpenDocument (.ods). Mở bằng LibreOffice hoặc "
                      "Excel và lưu thành .xlsx rồi chọn lại tệp mới.")
    if "word/document.xml" in names:
        raise _refuse(f"Tệp «{name}» là văn bản Word, không phải bảng tính Excel.")
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise _refuse(f"Tệp «{name}» không phải là sổ Excel .xlsx. " + _SAVE_AS)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(f"Tệp «{name}» được nén có mật khẩu; chương trình không đọc được. "
                          + _SAVE_AS)
        total += info.file_size
        big = info.file_size > RATIO_MIN_BYTES
        if big and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _refuse(f"Tệp «{name}» có thành phần «{info.filename}» giải nén ra lớn bất "
                          f"thường (gấp {info.file_size // max(info.compress_size, 1)} lần) — "
                          "có thể là tệp độc hại («bom nén»). Không mở tệp này.")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise _refuse(f"Tệp «{name}» giải nén ra quá lớn ({total // (1024 * 1024)} MB; tối đa "
                      f"{MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB) — có thể là «bom nén».")
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as part:
                _check_prolog(part.read(_PROLOG_BYTES), name, info.filename)
    has_macros = any(n.lower().endswith("vbaproject.bin") for n in names)
    return WorkbookInfo(path, size, len(infos), total, has_macros)


def _check_prolog(data: bytes, name: str, part: str) -> None:
    """Refuse a DTD (entity declarations: billion laughs, XXE) before the root element."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="ignore").encode("utf-8")
    elif data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    pos, end = 0, len(data)
    while True:
        while pos < end and data[pos] in b" \t\r\n":
            pos += 1
        if pos >= end:
            if end < _PROLOG_BYTES:
                return  # an empty part
            break
        if data.startswith(b"<?", pos):
            stop, skip = data.find(b"?>", pos), 2
        elif data.startswith(b"<!--", pos):
            stop, skip = data.find(b"-->", pos), 3
        elif data.startswith(b"<!", pos):
            raise _refuse(f"Tệp «{name}» chứa khai báo DTD/thực thể XML trong «{part}» — cấu trúc "
                          "có thể gây hại, chương trình không mở. Mở bằng Excel và lưu lại "
                          "thành tệp .xlsx mới.")
        else:
            return  # the root element (or garbage the parser will refuse)
        if stop < 0:
            break
        pos = stop + skip
    raise _refuse(f"Tệp «{name}»: phần mở đầu của «{part}» dài bất thường; chương trình không "
                  "mở tệp này.")


# --------------------------------------------------------------------------- reading


_EMPTY: tuple[Any, ...] = ()


class SafeWorkbook:
    """An open, pre-scanned workbook (use as a context manager; closes the file)."""

    def __init__(self, info: WorkbookInfo) -> None:
        self.info = info
        self._fh = info.path.open("rb")
        self._zip: zipfile.ZipFile | None = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.wb = openpyxl.load_workbook(
                    self._fh, read_only=True, data_only=True, keep_vba=False, keep_links=False
                )
        except Exception as exc:
            self._fh.close()
            raise _unreadable(info.path.name, "", exc) from exc

    def __enter__(self) -> SafeWorkbook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.wb.close()
        finally:
            if self._zip is not None:
                self._zip.close()
            self._fh.close()

    @property
    def epoch(self) -> Any:
        """The workbook's date epoch (1900, or 1904 for old Mac workbooks)."""
        return self.wb.epoch

    def sheet_titles(self) -> list[tuple[str, bool]]:
        """(title, visible) of every worksheet, in tab order (chart sheets left out)."""
        return [(ws.title, ws.sheet_state == "visible") for ws in self._worksheets()]

    def _worksheets(self) -> list[Any]:
        return [ws for ws in self.wb.worksheets if hasattr(ws, "_worksheet_path")]

    def choose_sheet(self, name: str | None = None) -> Any:
        """The named worksheet, else the first visible one."""
        sheets = self._worksheets()
        if name:
            from desktop.domain.text import fold

            for match in (lambda t: t == name, lambda t: fold(t) == fold(name)):
                found = [ws for ws in sheets if match(ws.title)]
                if found:
                    return found[0]
            titles = ", ".join(f"«{ws.title}»" for ws in sheets)
            raise _refuse(f"Không có trang tính «{name}» trong tệp «{self.info.path.name}». "
                          f"Các trang tính có: {titles}.")
        for ws in sheets:
            if ws.sheet_state == "visible":
                return ws
        raise _refuse(f"Tệp «{self.info.path.name}» không có trang tính nào đang hiện. Mở bằng "
                      "Excel, hiện trang tính cần nhập (Unhide) hoặc ghi rõ tên trang tính.")

    def scan_sheet(self, ws: Any) -> SheetScan:
        try:
            if self._zip is None:
                self._zip = zipfile.ZipFile(self.info.path)
            with self._zip.open(ws._worksheet_path) as stream:
                return scan_sheet_xml(stream)
        except Exception as exc:
            raise _unreadable(self.info.path.name, ws.title, exc) from exc

    def iter_rows(self, ws: Any, max_row: int | None = None
                  ) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, values) of each non-empty row, at most :data:`MAX_COLUMNS` wide;
        with ``max_row``, rows below it are never parsed (a form's first rows)."""
        ws.reset_dimensions()  # never trust the declared <dimension>
        last_empty: tuple[Any, ...] = _EMPTY
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                rows = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS, max_row=max_row)
                for number, values in enumerate(rows, 1):
                    if values is last_empty or values.count(None) == len(values):
                        last_empty = values
                        continue
                    if number > MAX_ROWS:
                        raise _refuse(
                            f"Trang tính có dữ liệu ở dòng {number:,}".replace(",", ".")
                            + f", vượt giới hạn {MAX_ROWS:,} dòng".replace(",", ".")
                            + ". Xóa các dòng thừa ở cuối trang tính hoặc chia nhỏ danh sách.",
                            sheet=ws.title, cell=f"A{number}")
                    yield number, values
        except WorkbookError:
            raise
        except Exception as exc:
            raise _unreadable(self.info.path.name, ws.title, exc) from exc


def _unreadable(name: str, sheet: str, exc: BaseException) -> WorkbookError:
    log.info("workbook unreadable: %s", type(exc).__name__)  # no cell contents in the log
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and len(chain) < 10:  # openpyxl wraps parser errors in ValueError
        chain.append(link)
        link = link.__cause__ or link.__context__
    from defusedxml import DefusedXmlException

    if any(isinstance(e, DefusedXmlException) for e in chain):
        return _refuse(f"Tệp «{name}» chứa khai báo thực thể XML (có thể gây hại); chương trình "
                       "không mở. Mở bằng Excel và lưu lại thành tệp .xlsx mới.", sheet=sheet)
    return _refuse(f"Tệp «{name}» bị hỏng hoặc không đúng định dạng Excel nên không đọc được. "
                   "Mở bằng Excel, lưu lại thành .xlsx rồi thử lại.", sheet=sheet)


def open_workbook(path: str | Path) -> SafeWorkbook:
    """Pre-scan ``path`` (:func:`check_workbook_file`) and open it read-only."""
    return SafeWorkbook(check_workbook_file(path))
