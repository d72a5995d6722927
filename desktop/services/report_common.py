"""What the Word output services share: the office and its profile, the letterhead, how a
document is cited, the "Nơi nhận" lines, the number and the outgoing register, the file.

Used by :mod:`~desktop.services.report_ket_qua`, :mod:`~desktop.services.report_don_doc`,
:mod:`~desktop.services.report_hang_nam` and :mod:`~desktop.services.report_registers`.

The office (:func:`office_values`) is the issuing body marked ``is_own_office`` and the
``settings`` table: ``office.name_in_text`` (how a sentence names the office, default derived
from the header lines by :func:`name_in_text`), ``office.recipient_line_end`` /
``office.recipient_last_end`` ("Nơi nhận" punctuation, default the profile's) and
``office.drafting_unit`` (a State công văn's "Số: 15/UBND-VP").

Numbers (``ReportRequest.number``): ``None`` takes the number of the office's entry in the
outgoing register for this output (its type, the cited document, the date of the output), or
leaves it blank; ``""`` leaves it blank for the records clerk; digits print that number — and
an output that records what it sends (the công văn đôn đốc) enters it in the outgoing register
when it is exported (:func:`register_outgoing`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.domain.dates import format_date
from desktop.domain.enums import Regime
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.text import clean_line, clean_text
from desktop.reports.official import Letterhead
from desktop.reports.profiles import OfficeValues, Profile, load_profile
from desktop.services.document_numbers import format_number_symbol
from desktop.services.org_export import write_atomically
from desktop.store import models as m

__all__ = [
    "Citation",
    "Office",
    "check_number",
    "document_citation",
    "find_outgoing",
    "load_office",
    "name_in_text",
    "office_for",
    "office_values",
    "recipients_setting",
    "register_outgoing",
    "report_number",
    "write_docx",
]

_OFFICE_KEYS = ("office.name_in_text", "office.recipient_line_end",
                "office.recipient_last_end", "office.drafting_unit")
_KNOWN_PHRASES = (
    ("ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"), ("BAN THƯỜNG VỤ", "Ban Thường vụ"),
    ("BAN TUYÊN GIÁO", "Ban Tuyên giáo"), ("BAN TỔ CHỨC", "Ban Tổ chức"),
    ("BAN DÂN VẬN", "Ban Dân vận"), ("DÂN VẬN", "Dân vận"), ("VĂN PHÒNG", "Văn phòng"),
    ("TỈNH ỦY", "Tỉnh ủy"), ("TỈNH UỶ", "Tỉnh uỷ"), ("THÀNH ỦY", "Thành ủy"),
    ("ĐẢNG ỦY", "Đảng ủy"), ("KIỂM TRA", "Kiểm tra"), ("TỈNH", "tỉnh"), ("VÀ", "và"),
)


def name_in_text(superior: str, name: str) -> str:
    """How a sentence names a body printed in capitals: "BAN TUYÊN GIÁO VÀ DÂN VẬN" under
    "TỈNH ỦY HÀ SƠN" → "Ban Tuyên giáo và Dân vận Tỉnh ủy Hà Sơn". Known phrases keep their
    usual case, other words (place names) get an initial capital. The setting
    ``office.name_in_text`` overrides it."""
    words = " ".join(clean_line(f"{name} {superior}").split())
    out: list[str] = []
    tokens = words.split(" ")
    i = 0
    while i < len(tokens):
        for phrase, cased in _KNOWN_PHRASES:
            size = len(phrase.split(" "))
            if " ".join(tokens[i:i + size]).upper() == phrase:
                out.append(cased)
                i += size
                break
        else:
            token = tokens[i]
            out.append(token[:1].upper() + token[1:].lower() if token.isupper() else token)
            i += 1
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def office_values(
    s: Any,
    *,
    signer_authority: str | None = None,
    signer_title: str | None = None,
    signer_name: str | None = None,
) -> tuple[OfficeValues, Any]:
    """The own office's values (issuing body ``is_own_office`` + settings), with the signer
    the clerk chose (``None``: the body's), and the body."""
    body = s.scalars(select(m.IssuingBody).where(m.IssuingBody.is_own_office.is_(True))
                     .order_by(m.IssuingBody.id)).first()
    if body is None:
        raise ValidationError(
            "Chưa khai báo cơ quan của mình (cơ quan ban hành đánh dấu «cơ quan mình») nên "
            "chưa in được phần đầu và chữ ký của báo cáo. Khai báo trong Cài đặt → Cơ quan "
            "ban hành rồi thử lại.", "issuing_body")
    rows = s.execute(select(m.Setting.key, m.Setting.value)
                     .where(m.Setting.key.in_(_OFFICE_KEYS))).all()
    settings = {k: v for k, v in rows}
    lines = tuple(x for x in (clean_line(p) for p in body.name.split("\n")) if x)

    def pick(option: str | None, value: str) -> str:
        return clean_line(option if option is not None else value)

    office = OfficeValues(
        superior_name=clean_line(body.superior_name),
        name_lines=lines,
        symbol=clean_line(body.symbol),
        place_name=clean_line(body.place_name),
        name_in_text=clean_line(settings.get("office.name_in_text"))
        or name_in_text(body.superior_name, " ".join(lines)),
        signer_authority=pick(signer_authority, body.signer_authority),
        signer_title=pick(signer_title, body.signer_title),
        signer_name=pick(signer_name, body.signer_name),
        recipient_line_end=clean_line(settings.get("office.recipient_line_end")),
        recipient_last_end=clean_line(settings.get("office.recipient_last_end")),
        drafting_unit=clean_line(settings.get("office.drafting_unit")).upper(),
    )
    return office, body


@dataclass(frozen=True)
class Office:
    """The own office (values, its issuing body row id and regime) and the profile used."""

    values: OfficeValues
    body_id: int
    regime: str
    profile: Profile

    def letterhead(
        self, issued: date, number: str, type_symbol: str, recipients: Sequence[str]
    ) -> Letterhead:
        return Letterhead(self.values, issued, number, type_symbol, tuple(recipients))


def load_office(
    s: Any,
    *,
    profile: str | None = None,
    signer_authority: str | None = None,
    signer_title: str | None = None,
    signer_name: str | None = None,
) -> Office:
    """The issuing body marked "cơ quan mình", with the signer the clerk chose, and its profile
    (the one asked for, else the body's, else its regime's)."""
    from desktop.reports.profiles import DEFAULT_PROFILES

    values, body = office_values(
        s, signer_authority=signer_authority, signer_title=signer_title, signer_name=signer_name
    )
    profile_id = profile or body.format_profile or DEFAULT_PROFILES.get(body.regime, "party-36")
    return Office(values, body.id, body.regime, load_profile(profile_id))


def office_for(s: Any, request: Any) -> Office:
    """:func:`load_office` with the profile and signer of a
    :class:`~desktop.services.report_outputs.ReportRequest` (or of the
    :class:`~desktop.services.report_ket_qua.KetQuaOptions`, which name them alike)."""
    return load_office(
        s,
        profile=request.profile,
        signer_authority=request.signer_authority,
        signer_title=request.signer_title,
        signer_name=request.signer_name,
    )


@dataclass(frozen=True)
class Citation:
    """How a text cites a document."""

    document_id: int
    number_symbol: str  # "15-CT/TU"
    title: str  # "Chỉ thị số 15-CT/TU, ngày 10/01/2026"
    excerpt: str  # without a repeated type name


def document_citation(s: Any, document_id: int) -> Citation:
    doc = s.get(m.Document, document_id)
    if doc is None:
        raise NotFoundError(f"Không có văn bản mã số #{document_id}.")
    regime = doc.issuing_body.regime if doc.issuing_body else Regime.PARTY.value
    number_symbol = format_number_symbol(doc.number, doc.symbol, regime)
    title = f"{doc.type.name} số {number_symbol}"
    if doc.issue_date is not None:
        title += f", ngày {format_date(doc.issue_date)}"
    excerpt = clean_line(doc.excerpt)
    if excerpt.casefold().startswith(doc.type.name.casefold() + " "):
        excerpt = excerpt[len(doc.type.name) + 1 :]
    return Citation(doc.id, number_symbol, title, excerpt)


def recipients_setting(
    s: Any,
    key: str,
    defaults: dict[str, tuple[str, ...]],
    regime: str,
    requested: Sequence[str] | None,
) -> tuple[str, ...]:
    """The "Nơi nhận" lines: the clerk's, else the setting ``key`` (one a line), else the
    regime's defaults."""
    if requested is not None:
        return tuple(requested)
    value = s.scalar(select(m.Setting.value).where(m.Setting.key == key))
    configured = clean_text(value)
    if configured:
        return tuple(x for x in configured.split("\n") if x.strip())
    return defaults[regime]


def check_number(requested: str | None, what: str = "Số văn bản") -> str | None:
    """The number the clerk typed (digits, at most six), ``""`` or ``None`` (not given);
    ``what`` names it in the message refusing anything else."""
    if requested is None:
        return None
    number = clean_line(requested)
    if number and not re.fullmatch(r"\d{1,6}", number):
        raise ValidationError(
            f"{what} chỉ gồm chữ số (đã nhập «{number}»), ví dụ 15; để "
            "trống nếu văn thư sẽ ghi số.",
            "number",
        )
    return number


def _type_id(s: Any, code: str) -> int:
    found = s.scalar(select(m.DocumentType.id).where(m.DocumentType.code == code))
    if found is None:
        raise ValidationError(
            f"Danh mục loại văn bản chưa có loại «{code}». Thêm lại trong "
            "Cài đặt → Loại văn bản rồi thử lại.",
            "type",
        )
    return int(found)


def find_outgoing(
    s: Any, office: Office, type_code: str, document_id: int | None, issued: date
) -> Any:
    """The office's outgoing register entry of this type for the document on that day."""
    e = m.OutgoingEntry
    return s.scalars(
        select(e)
        .where(
            e.issuing_body_id == office.body_id,
            e.type_id == _type_id(s, type_code),
            e.document_id == document_id,
            e.issue_date == issued,
        )
        .order_by(e.id.desc())
    ).first()


def report_number(
    s: Any,
    office: Office,
    requested: str | None,
    type_code: str,
    document_id: int | None,
    issued: date,
) -> str:
    """The number printed: the clerk's (:func:`check_number`), else that of the office's
    outgoing register entry for this output (:func:`find_outgoing`), else blank."""
    number = check_number(requested)
    if number is not None:
        return number
    entry = find_outgoing(s, office, type_code, document_id, issued)
    return str(entry.number) if entry is not None else ""


def _period_key(s: Any, office: Office, issued: date) -> str:
    """Party bodies number per term ("term:<id>"), State bodies per calendar year."""
    if office.regime == Regime.STATE.value:
        return str(issued.year)
    t = m.PartyTerm
    term = s.scalars(
        select(t)
        .where(t.start_date <= issued)
        .where((t.end_date.is_(None)) | (t.end_date >= issued))
        .order_by(t.start_date.desc())
    ).first()
    return f"term:{term.id}" if term is not None else str(issued.year)


def register_outgoing(
    s: Any,
    office: Office,
    type_code: str,
    number: str,
    symbol: str,
    issued: date,
    excerpt: str,
    recipients: str,
    document_id: int | None,
) -> Any:
    """The outgoing register entry for ``number`` (created when missing; the number sequence
    moved past it). A number already entered for another text is refused."""
    e = m.OutgoingEntry
    type_id = _type_id(s, type_code)
    period = _period_key(s, office, issued)
    existing = s.scalars(
        select(e).where(
            e.issuing_body_id == office.body_id,
            e.type_id == type_id,
            e.period_key == period,
            e.number == int(number),
        )
    ).first()
    if existing is not None:
        if existing.document_id == document_id and existing.issue_date == issued:
            return existing  # the same letter printed again
        raise ValidationError(
            f"Số {number}-{symbol} đã vào sổ văn bản đi ngày {format_date(existing.issue_date)}"
            f" ({clean_line(existing.excerpt)[:80]}). Chọn số khác, hoặc để trống để văn thư "
            "ghi số.",
            "number",
        )
    entry = e(
        issuing_body_id=office.body_id,
        type_id=type_id,
        period_key=period,
        number=int(number),
        symbol=symbol,
        issue_date=issued,
        excerpt=excerpt,
        recipients=recipients,
        document_id=document_id,
        note="",
    )
    s.add(entry)
    seq = s.scalars(
        select(m.NumberSequence).where(
            m.NumberSequence.issuing_body_id == office.body_id,
            m.NumberSequence.type_id == type_id,
            m.NumberSequence.period_key == period,
        )
    ).first()
    if seq is None:
        last = (
            s.scalar(
                select(func.max(e.number)).where(
                    e.issuing_body_id == office.body_id,
                    e.type_id == type_id,
                    e.period_key == period,
                )
            )
            or 0
        )
        s.add(
            m.NumberSequence(
                issuing_body_id=office.body_id,
                type_id=type_id,
                period_key=period,
                last_number=max(int(number), last),
            )
        )
    elif seq.last_number < int(number):
        seq.last_number = int(number)
    s.flush()
    return entry


def write_docx(path: Path, content: bytes) -> None:
    """Swap the file in through a temporary file ("Tệp … đang mở trong Word…" when locked)."""
    write_atomically(path, content, application="Word")
