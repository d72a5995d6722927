"""Reading an issued document (.docx) into a draft of its register entry.

:func:`read_docx` opens the file safely (:mod:`~desktop.services.docx_package`), flattens it
into visual lines (:mod:`~desktop.services.docx_lines`) and finds, for both regimes of
``official-format.md``: the header block (usually a borderless 2-column table — left: superior
body, issuing body, "*" or rule, number line, and for a công văn its excerpt; right: "ĐẢNG CỘNG
SẢN VIỆT NAM" or the State motto, then the place and date), the type title and its bold
excerpt, "Kính gửi", the "Nơi nhận:" list and the signature block (authority "T/M …"/"KT. …",
title, name; often a 2-column table at the end). Layouts made with tabs or text boxes instead
of tables are read too.

Nothing is written to the database: the result is a :class:`DocxDraft` for the clerk to check.
An odd document never raises: what is not found is left empty with a Vietnamese warning. A
file that is not a sound .docx raises :class:`~desktop.domain.errors.ValidationError` saying
what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.domain.errors import ValidationError
from desktop.domain.text import fold
from desktop.services import docx_fields as f
from desktop.services.docx_lines import BODY, TEXTBOX, Line, read_lines
from desktop.services.docx_package import open_docx
from desktop.services.docx_sections import closing_block, header_columns

__all__ = ["DocxDraft", "parse_lines", "read_docx"]


@dataclass(frozen=True)
class DocxDraft:
    """What an issued document says about itself, as read from its file."""

    type_code: str  # "CT", "QĐ", "CV"… ("" when unknown)
    type_name: str  # "Chỉ thị"
    number: str  # "15" ("" when blank or not found)
    symbol: str  # "CT/TU", "QĐ-UBND"
    issue_date: date | None
    place: str  # "Hà Sơn"
    issuing_body_symbol: str  # "TU", "UBND"
    issuing_body_lines: list[str]  # ["TỈNH ỦY HÀ SƠN"] or ["UBND TỈNH HÀ SƠN", "SỞ NỘI VỤ"]
    excerpt: str  # "về định hướng …" / "V/v đôn đốc …"
    signer_authority: str  # "T/M BAN THƯỜNG VỤ" ("" when the head signs directly)
    signer_title: str  # "PHÓ BÍ THƯ THƯỜNG TRỰC"
    signer_name: str
    recipient_lines: list[str]  # as split_recipient_block gives them: "- Các …;"
    warnings: list[str]  # in Vietnamese, one per element not found or doubtful
    regime: str = ""  # "party" | "state" | ""
    addressees: list[str] = field(default_factory=list)  # "Kính gửi" (công văn, tờ trình)
    #: "chi_bo" when the text says it is to be disseminated down to the party cells
    #: ("… được phổ biến đến chi bộ."), "dang_vien" down to every member, "" when silent
    scope: str = ""


def read_docx(path: str | Path) -> DocxDraft:
    """Read ``path`` (a .docx). Pure: no database. Raises ``ValidationError`` for a file that
    is not a sound .docx or holds no text at all."""
    path = Path(path)
    lines = read_lines(open_docx(path))
    if not any(line.text for line in lines):
        raise ValidationError(
            f"Tệp «{path.name}» không có chữ nào (có thể chỉ chứa ảnh quét). Chọn bản .docx có "
            "nội dung chữ, hoặc nhập tay các thông tin của văn bản.",
            field="path",
        )
    return parse_lines(lines)


def parse_lines(lines: list[Line]) -> DocxDraft:
    """The draft from the visual lines of a document (see :func:`read_docx`)."""
    warnings: list[str] = []
    title_at, type_found = _find_title(lines)
    header = header_columns(lines, title_at if title_at >= 0 else len(lines))
    region = [x for x in (lines[:title_at] if title_at >= 0 else lines[:40])
              if x.table != header.table or header.table < 0]

    # number line: the left column first, then anything above the title
    number = next((n for n in (f.parse_number(t) for t, _ in header.left) if n), None)
    if number is None:
        number = next((n for n in (f.parse_number(s) for x in region for s in x.segments)
                       if n), None)
    # regime heading and date line: the right column first
    regime = next((r for r in (f.regime_heading(t) for t, _ in header.right + header.left)
                   if r), "")
    dated = next((d for d in (f.parse_date_line(t) for t, _ in header.right) if d), None)
    if dated is None:
        dated = next((d for d in (f.parse_date_line(s) for x in region for s in x.segments)
                      if d), None)
    if not regime and number is not None:
        regime = number.regime

    body_lines, cv_excerpt = _left_column(header.left)
    type_code, type_name = _document_type(type_found, number, warnings)
    if title_at >= 0:
        excerpt = _excerpt_after_title(lines, title_at)
    else:
        excerpt = cv_excerpt or _excerpt_vv(region)
    block = closing_block(lines, max(title_at, 0))
    addressees = _addressees(lines, max(title_at, 0))

    if number is None:
        warnings.append("Không tìm thấy dòng số, ký hiệu (ví dụ «Số 15-CT/TU» hoặc "
                        "«Số: 12/QĐ-UBND») — nhập tay số và ký hiệu.")
    elif not number.number:
        warnings.append(f"Văn bản chưa ghi số (chỗ số trước «{number.symbol}» để trống) — "
                        "nhập số khi văn thư đã cấp số.")
    issue_date = dated.to_date() if dated else None
    if dated is None:
        warnings.append("Không tìm thấy dòng địa danh, ngày tháng (ví dụ «Hà Sơn, ngày 05 "
                        "tháng 02 năm 2026») — nhập tay ngày ban hành.")
    elif issue_date is None:
        warnings.append("Ngày ban hành chưa ghi đủ hoặc không hợp lệ (ngày "
                        f"{dated.day or '…'} tháng {dated.month or '…'} năm "
                        f"{dated.year or '…'}) — nhập tay ngày ban hành.")
    if not body_lines:
        warnings.append("Không tìm thấy tên cơ quan ban hành ở đầu văn bản — kiểm tra lại.")
    if not excerpt:
        warnings.append("Không tìm thấy trích yếu của văn bản — nhập tay.")
    if not block.found_heading:
        warnings.append("Không tìm thấy mục «Nơi nhận:» — nhập các nơi nhận bằng tay.")
    if not (block.authority or block.title or block.name):
        warnings.append("Không tìm thấy khối chữ ký (thẩm quyền, chức vụ, họ tên người ký) — "
                        "nhập tay.")
    elif not block.name:
        warnings.append("Không tìm thấy họ tên người ký — nhập tay.")
    if not regime:
        warnings.append("Không xác định được văn bản của Đảng hay văn bản hành chính (thiếu "
                        "tiêu đề «ĐẢNG CỘNG SẢN VIỆT NAM» hoặc Quốc hiệu).")
    return DocxDraft(
        scope=_scope(lines),
        type_code=type_code,
        type_name=type_name,
        number=number.number if number else "",
        symbol=number.symbol if number else "",
        issue_date=issue_date,
        place=dated.place if dated else "",
        issuing_body_symbol=number.body_symbol if number else "",
        issuing_body_lines=body_lines,
        excerpt=excerpt,
        signer_authority=block.authority,
        signer_title=block.title,
        signer_name=block.name,
        recipient_lines=block.recipients,
        warnings=warnings,
        regime=regime,
        addressees=addressees,
    )


def _find_title(lines: list[Line]) -> tuple[int, tuple[str, str] | None]:
    """Index and type of the type-title line ("CHỈ THỊ"; never in a table), or (-1, None)."""
    for i, line in enumerate(lines):
        if line.where not in (BODY, TEXTBOX):
            continue
        found = f.type_for_title(line.text)
        if found is not None:
            return i, found
    return -1, None


def _left_column(left: list[tuple[str, Line]]) -> tuple[list[str], str]:
    """(issuing body lines above the number, the công văn excerpt below it)."""
    body: list[str] = []
    excerpt: list[str] = []
    seen_number = False
    for text, _line in left:
        if f.parse_number(text):
            seen_number = True
            continue
        if f.is_rule(text) or f.is_mark(text) or f.regime_heading(text):
            continue
        if f.parse_date_line(text):
            continue
        (excerpt if seen_number else body).append(text)
    return body, " ".join(excerpt)


def _document_type(found: tuple[str, str] | None, number: f.NumberLine | None,
                   warnings: list[str]) -> tuple[str, str]:
    by_symbol = None
    if number is not None:
        by_symbol = f.type_for_abbr(number.type_abbr) if number.type_abbr else f.CONG_VAN
    if found is not None:
        if by_symbol is not None and by_symbol[0] != found[0]:
            warnings.append(f"Tên loại «{found[1].upper()}» khác loại trong ký hiệu "
                            f"«{number.symbol if number else ''}» — kiểm tra lại.")
        return found
    if by_symbol is None:
        warnings.append("Không tìm thấy tên loại văn bản (CHỈ THỊ, KẾ HOẠCH, …) và không suy "
                        "ra được từ ký hiệu — chọn loại văn bản bằng tay.")
        return "", ""
    if by_symbol != f.CONG_VAN:
        warnings.append(f"Không tìm thấy tên loại văn bản; theo ký hiệu là «{by_symbol[1]}».")
    return by_symbol


def _excerpt_after_title(lines: list[Line], title_at: int) -> str:
    """The bold (or centred) lines under the title, up to a rule, a blank line after them, a
    line in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") or the first body paragraph."""
    parts: list[str] = []
    for line in lines[title_at + 1: title_at + 15]:
        text = line.text
        if not text:
            if parts:
                break
            continue
        folded = fold(text)
        if (f.is_rule(text) or f.is_caps(text) or folded.startswith(("kinh gui", "can cu"))
                or not (line.bold or line.align == "center")):
            break
        parts.append(text)
    return " ".join(parts)


def _excerpt_vv(region: list[Line]) -> str:
    """A công văn laid out without a table: the "V/v …" lines under the number."""
    parts: list[str] = []
    for line in region:
        for text in line.segments:
            folded = fold(text)
            if folded.startswith(("v v ", "ve viec ")) or (parts and line.italic):
                parts.append(text)
    return " ".join(parts)


def _addressees(lines: list[Line], start: int) -> list[str]:
    """The names after "Kính gửi:" (on the same line, or one per "- …" line under it)."""
    for i in range(start, len(lines)):
        first = lines[i].segments[0] if lines[i].segments else ""
        if not fold(first).startswith("kinh gui"):
            continue
        found = []
        rest = f.strip_heading(first, "kinh gui")
        if rest:
            found.append(rest.strip(" -;,."))
        for line in lines[i + 1: i + 20]:
            if not line.text.startswith(("-", "–", "+", "•")):
                break
            found.append(line.text.lstrip("-–+• ").rstrip(" ;,."))
        return [x for x in found if x]
    return []


_SCOPE_PHRASES = (  # folded; the closing sentence of directives and resolutions
    ("pho bien den chi bo", "chi_bo"),
    ("pho bien den tung chi bo", "chi_bo"),
    ("pho bien den can bo dang vien", "dang_vien"),
    ("pho bien den tung dang vien", "dang_vien"),
)


def _scope(lines: list[Line]) -> str:
    """How far down the document says it is to be disseminated, from its own words."""
    for line in lines:
        key = fold(line.text)
        for phrase, scope in _SCOPE_PHRASES:
            if phrase in key:
                return scope
    return ""
