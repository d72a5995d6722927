"""The collection form an organisation fills in (one .xlsx per organisation): a pure writer.

Data in (:class:`FormData`), bytes out; no database, no Qt. Written with xlsxwriter (data
validation, protection and print set-up; 1.5–2× faster than openpyxl, smaller files).

Layout (sheet :data:`FORM_SHEET`, A4 portrait, one page): a title, the document, then the
organisation's identity (name, code, document, deadline) and one *vertical* table — one line
per figure: "STT | Nội dung | Số liệu | Hướng dẫn". A clerk of a commune fills column C from top
to bottom and reads the rule for each cell beside it; every figure has its own cell (no
"35.599/35.900" typed into one cell), so each is validated by Excel as it is typed:

- dates between the document's issue date and the end of the third year after it, shown
  dd/mm/yyyy;
- whole numbers from 0, not above the denominators printed just above them (party cells,
  party members);
- the form of study from a drop-down of :class:`~desktop.domain.enums.StudyForm` labels;
- texts within the database's lengths.

Input cells are unlocked and shaded; everything else is locked by sheet protection *without a
password* (protection prevents slips, not attacks: the checksum below detects a deliberate
change). A second sheet holds the instructions in Vietnamese. A third, *very hidden* sheet
(:data:`IDENTITY_SHEET`, hidden from Excel's "Unhide" menu) holds the identity the program reads
back — :data:`IDENTITY_KEYS`, values as text — signed by the caller with an HMAC over the fixed
part, so a returned file is recognised and a change to the fixed part is detected.

Text is always written with ``write_string`` (``strings_to_formulas`` off): an organisation
named ``=HYPERLINK(…)`` stays text.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "FIELD_ROWS",
    "FIXED_CELLS",
    "FORM_FIELDS",
    "FORM_KIND",
    "FORM_SHEET",
    "FORM_VERSION",
    "HEADER_ROW",
    "IDENTITY_KEYS",
    "IDENTITY_SHEET",
    "INSTRUCTIONS_SHEET",
    "FormData",
    "FormField",
    "build_form",
]

FORM_KIND = "theodoi-phieu-bao-cao"
#: Raised when the layout or the meaning of a cell changes; older forms are refused on return.
FORM_VERSION = 1
FORM_SHEET = "Phiếu báo cáo"
INSTRUCTIONS_SHEET = "Hướng dẫn"
IDENTITY_SHEET = "_theodoi"
MAX_COUNT = 10_000_000


@dataclass(frozen=True, slots=True)
class FormField:
    """One figure of the form: the tracking field it fills, its label and kind."""

    key: str
    label: str
    kind: str  # date | int | enum | line | text | total (a fixed denominator)
    hint: str
    max_len: int = 0


FORM_FIELDS: tuple[FormField, ...] = (
    FormField("received_date", "Ngày nhận văn bản", "date", "Ngày/tháng/năm, ví dụ 05/02/2026."),
    FormField(
        "study_date",
        "Ngày học tập, quán triệt (ngày bắt đầu)",
        "date",
        "Ngày tổ chức hội nghị hoặc buổi sinh hoạt đầu tiên.",
    ),
    FormField(
        "study_end_date",
        "Ngày kết thúc học tập, quán triệt",
        "date",
        "Để trống nếu chỉ tổ chức trong một ngày.",
    ),
    FormField(
        "study_form",
        "Hình thức học tập, quán triệt",
        "enum",
        "Chọn trong danh sách (bấm vào ô, chọn mũi tên).",
    ),
    FormField("study_sessions", "Số buổi, hội nghị đã tổ chức", "int", "Số nguyên, ví dụ 2."),
    FormField(
        "cells_total",
        "Tổng số chi bộ (số liệu của cơ quan theo dõi)",
        "total",
        "Không sửa. Nếu sai, ghi số đúng vào ô Ghi chú.",
    ),
    FormField(
        "cells_held",
        "Số chi bộ đã học tập, quán triệt",
        "int",
        "Số nguyên, không lớn hơn tổng số chi bộ.",
    ),
    FormField(
        "members_total",
        "Tổng số đảng viên (số liệu của cơ quan theo dõi)",
        "total",
        "Không sửa. Nếu sai, ghi số đúng vào ô Ghi chú.",
    ),
    FormField(
        "members_attending",
        "Số đảng viên tham gia học tập",
        "int",
        "Số nguyên, không lớn hơn tổng số đảng viên; không gõ dấu chấm.",
    ),
    FormField("non_members", "Số lượt quần chúng tham gia", "int", "Số nguyên, ví dụ 120."),
    FormField(
        "plan_number",
        "Số, ký hiệu kế hoạch thực hiện",
        "line",
        "Ví dụ 12-KH/ĐU. Để trống nếu chưa ban hành.",
        60,
    ),
    FormField("plan_date", "Ngày ban hành kế hoạch", "date", "Ngày/tháng/năm."),
    FormField("note", "Ghi chú, kiến nghị", "text", "Tối đa 4.000 ký tự.", 4000),
)

# 0-based rows: title (0), document (1), blank, identity block (3..6), blank, header (8)
HEADER_ROW = 8
_IDENTITY_ROWS = {"org_name": 3, "org_code": 4, "document": 5, "deadline": 6}
#: row (1-based, as Excel shows it) of each field's value in column C
FIELD_ROWS: dict[str, int] = {f.key: HEADER_ROW + 2 + i for i, f in enumerate(FORM_FIELDS)}
#: visible fixed cells compared with the identity on return: identity key -> cell
FIXED_CELLS: dict[str, str] = {
    "org_name": f"C{_IDENTITY_ROWS['org_name'] + 1}",
    "org_code": f"C{_IDENTITY_ROWS['org_code'] + 1}",
    "document": f"C{_IDENTITY_ROWS['document'] + 1}",
    "cells_total": f"C{FIELD_ROWS['cells_total']}",
    "members_total": f"C{FIELD_ROWS['members_total']}",
}
IDENTITY_KEYS = (
    "kind",
    "version",
    "document_id",
    "document",
    "issue_date",
    "organisation_id",
    "org_code",
    "org_name",
    "cells_total",
    "members_total",
    "key_id",
    "sheet",
)


@dataclass(frozen=True)
class FormData:
    """What one organisation's form shows; ``identity`` (with its ``checksum``) is written to
    the very hidden sheet as given."""

    document: str  # "15-CT/TU"
    document_title: str  # "Chỉ thị số 15-CT/TU ngày 05/02/2026 của Ban Thường vụ Tỉnh ủy về …"
    issue_date: date | None
    org_name: str
    org_code: str
    cells_total: int | None
    members_total: int | None
    deadline: str  # "15/03/2026" or ""
    study_forms: Sequence[str]
    identity: Mapping[str, str] = field(default_factory=dict)
    office: str = ""  # who sends the form back ("Ban Tuyên giáo và Dân vận Tỉnh ủy")


_INSTRUCTIONS = (
    "HƯỚNG DẪN ĐIỀN PHIẾU BÁO CÁO",
    "",
    "1. Chỉ điền vào các ô nền vàng ở cột «Số liệu» của trang «Phiếu báo cáo». Các ô khác đã "
    "được khóa để tránh sửa nhầm.",
    "2. Ngày gõ theo dạng ngày/tháng/năm, ví dụ 05/02/2026. Không gõ ngày trước ngày ban hành "
    "văn bản, không gõ ngày chưa tới.",
    "3. Số gõ chữ số liền, không gõ dấu chấm hay chữ (gõ 1234, không gõ «1.234 người»). Số chi "
    "bộ, số đảng viên tham gia không được lớn hơn tổng số in sẵn ở dòng trên.",
    "4. Hình thức học tập: bấm vào ô rồi chọn trong danh sách.",
    "5. Nếu tổng số chi bộ hoặc đảng viên in sẵn không đúng, ghi số đúng vào ô «Ghi chú» — "
    "không sửa ô in sẵn.",
    "6. Không đổi tên tệp nội dung, không thêm, xóa dòng hay cột, không sao chép phiếu sang tệp "
    "khác: chương trình nhận diện phiếu nhờ thông tin ẩn trong tệp. Lưu tệp dạng .xlsx (không "
    "lưu thành .xls, không đặt mật khẩu).",
    "7. Dùng phông chữ Unicode (Times New Roman, Arial). Nếu máy còn dùng bảng mã TCVN3 (.VnTime) "
    "hoặc VNI, chuyển sang Unicode trước khi gõ.",
    "8. Để trống ô nào chưa có số liệu. Ô để trống không xóa số liệu đã báo cáo trước đó.",
    "9. Điền xong, lưu tệp và gửi lại cho cơ quan theo dõi.",
)


def build_form(data: FormData) -> bytes:
    """The form's .xlsx bytes (built in memory)."""
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    _Writer(wb, data).write()
    wb.close()
    return buffer.getvalue()


class _Writer:
    def __init__(self, wb: Any, data: FormData) -> None:
        self.wb = wb
        self.data = data
        font = {"font_name": "Times New Roman", "font_size": 12, "valign": "vcenter"}
        cell = {**font, "border": 1}
        add = wb.add_format
        self.f_title = add(
            {**font, "bold": True, "font_size": 14, "align": "center", "text_wrap": True}
        )
        self.f_sub = add({**font, "italic": True, "align": "center", "text_wrap": True})
        self.f_label = add({**font, "bold": True})
        self.f_fixed = add({**font, "text_wrap": True})
        self.f_head = add(
            {**cell, "bold": True, "align": "center", "text_wrap": True, "bg_color": "#D9D9D9"}
        )
        self.f_center = add({**cell, "align": "center"})
        self.f_text = add({**cell, "text_wrap": True})
        self.f_hint = add({**cell, "text_wrap": True, "italic": True, "font_size": 11})
        self.f_total = add({**cell, "num_format": "#,##0", "bg_color": "#F2F2F2"})
        unlocked = {**cell, "locked": False, "bg_color": "#FFF2CC"}
        self.f_in_date = add({**unlocked, "num_format": "dd/mm/yyyy", "align": "center"})
        self.f_in_int = add({**unlocked, "num_format": "#,##0"})
        self.f_in_text = add({**unlocked, "text_wrap": True, "num_format": "@"})

    def write(self) -> None:
        self._form()
        self._instructions()
        self._identity()

    def _form(self) -> None:
        d = self.data
        ws = self.wb.add_worksheet(FORM_SHEET)
        ws.activate()
        for col, width in enumerate((6, 44, 22, 40)):
            ws.set_column(col, col, width)
        ws.merge_range(
            0,
            0,
            0,
            3,
            "PHIẾU BÁO CÁO KẾT QUẢ HỌC TẬP, QUÁN TRIỆT VÀ TRIỂN KHAI THỰC HIỆN",
            self.f_title,
        )
        ws.set_row(0, 36)
        ws.merge_range(1, 0, 1, 3, d.document_title, self.f_sub)
        ws.set_row(1, 48)
        labels = {
            "org_name": "Đơn vị báo cáo:",
            "org_code": "Mã đơn vị:",
            "document": "Văn bản:",
            "deadline": "Hạn gửi phiếu:",
        }
        values = {
            "org_name": d.org_name,
            "org_code": d.org_code,
            "document": d.document,
            "deadline": d.deadline,
        }
        for key, row in _IDENTITY_ROWS.items():
            ws.write_string(row, 1, labels[key], self.f_label)
            ws.merge_range(row, 2, row, 3, "", self.f_fixed)
            if values[key]:
                ws.write_string(row, 2, values[key], self.f_fixed)
        for col, head in enumerate(("STT", "Nội dung", "Số liệu", "Hướng dẫn nhập")):
            ws.write_string(HEADER_ROW, col, head, self.f_head)
        ws.set_row(HEADER_ROW, 22)
        for i, f in enumerate(FORM_FIELDS):
            row = FIELD_ROWS[f.key] - 1
            ws.write_number(row, 0, i + 1, self.f_center)
            ws.write_string(row, 1, f.label, self.f_text)
            ws.write_string(row, 3, f.hint, self.f_hint)
            self._input(ws, row, f)
            ws.set_row(row, 60 if f.kind == "text" else 30)
        last = FIELD_ROWS[FORM_FIELDS[-1].key]
        if d.office:
            ws.merge_range(
                last + 1,
                0,
                last + 1,
                3,
                f"Điền xong, lưu tệp (.xlsx) và gửi lại {d.office}.",
                self.f_sub,
            )
        ws.freeze_panes(HEADER_ROW + 1, 0)
        ws.repeat_rows(HEADER_ROW)
        ws.set_portrait()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
        ws.set_footer("&C&8Trang &P/&N")
        ws.protect("", {"select_locked_cells": True, "select_unlocked_cells": True})
        ws.select()
        ws.set_selection(
            FIELD_ROWS[FORM_FIELDS[0].key] - 1, 2, FIELD_ROWS[FORM_FIELDS[0].key] - 1, 2
        )

    def _input(self, ws: Any, row: int, f: FormField) -> None:
        d = self.data
        common = {
            "error_type": "stop",
            "error_title": "Giá trị không hợp lệ",
            "input_title": f.label[:32],
            "input_message": f.hint[:255],
        }
        if f.kind == "total":
            value = d.cells_total if f.key == "cells_total" else d.members_total
            if value is None:
                ws.write_blank(row, 2, None, self.f_total)
            else:
                ws.write_number(row, 2, value, self.f_total)
            return
        if f.kind == "date":
            ws.write_blank(row, 2, None, self.f_in_date)
            low = d.issue_date or date(2000, 1, 1)
            high = date(low.year + 3, 12, 31)
            ws.data_validation(
                row,
                2,
                row,
                2,
                {
                    **common,
                    "validate": "date",
                    "criteria": "between",
                    "minimum": low,
                    "maximum": high,
                    "error_message": (
                        f"Gõ một ngày dạng ngày/tháng/năm, từ {low:%d/%m/%Y} đến {high:%d/%m/%Y}."
                    ),
                },
            )
        elif f.kind == "int":
            ws.write_blank(row, 2, None, self.f_in_int)
            total = {"cells_held": d.cells_total, "members_attending": d.members_total}.get(f.key)
            high = total if total is not None else MAX_COUNT
            ws.data_validation(
                row,
                2,
                row,
                2,
                {
                    **common,
                    "validate": "integer",
                    "criteria": "between",
                    "minimum": 0,
                    "maximum": high,
                    "error_message": f"Gõ một số nguyên từ 0 đến {high:,}.".replace(",", "."),
                },
            )
        elif f.kind == "enum":
            ws.write_blank(row, 2, None, self.f_in_text)
            ws.data_validation(
                row,
                2,
                row,
                2,
                {
                    **common,
                    "validate": "list",
                    "source": list(d.study_forms),
                    "error_message": "Chọn một hình thức trong danh sách.",
                },
            )
        else:
            ws.write_blank(row, 2, None, self.f_in_text)
            ws.data_validation(
                row,
                2,
                row,
                2,
                {
                    **common,
                    "validate": "length",
                    "criteria": "<=",
                    "value": f.max_len,
                    "error_message": f"Tối đa {f.max_len:,} ký tự.".replace(",", "."),
                },
            )

    def _instructions(self) -> None:
        ws = self.wb.add_worksheet(INSTRUCTIONS_SHEET)
        ws.set_column(0, 0, 100)
        wrap = self.wb.add_format(
            {"font_name": "Times New Roman", "font_size": 12, "text_wrap": True, "valign": "top"}
        )
        for row, line in enumerate(_INSTRUCTIONS):
            ws.write_string(row, 0, line, self.f_title if row == 0 else wrap)
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.protect("")

    def _identity(self) -> None:
        ws = self.wb.add_worksheet(IDENTITY_SHEET)
        for row, (key, value) in enumerate(self.data.identity.items()):
            ws.write_string(row, 0, key)
            ws.write_string(row, 1, value)
        ws.very_hidden()
        ws.protect("")
