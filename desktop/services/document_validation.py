"""Checking a document before it is written: every field, the number rules, duplicates.

:func:`check_document` turns a :class:`~desktop.services.document_register.DocumentInput` into
clean, canonical values (NFC text, the canonical type code and symbol) or raises a
:class:`~desktop.domain.errors.ValidationError` naming the field and saying what to do.

A deadline in working days ("10 ngày làm việc kể từ ngày nhận") gets its ``due_date`` here: the
date counted from the issue date in the work calendar (for a deadline counted from each
organisation's receipt that date orders and displays it; the tracking status counts per row).

Duplicates: the same type, number and symbol from the same issuing body in the same calendar
year is refused. State bodies number from 01 each year (NĐ 30/2020), so the year is their exact
key. Party bodies number continuously through a term (nhiệm kỳ) of the committee, so a number
cannot recur within a term either; the year is used as the practical key (a number typed twice
in one year is almost surely the same document typed twice), relaxed in one case: two documents
of the same year on either side of the start of a recorded term (``party_terms``) are not
duplicates, since the new term numbers from 01 again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.enums import Confidentiality, DeadlineKind, Regime, Scope, Urgency
from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_line, clean_text, fold
from desktop.services.calendar import WorkCalendar, calendar_in
from desktop.services.document_numbers import (
    format_number_symbol,
    normalise_number,
    normalise_symbol,
)
from desktop.services.tracking_deadlines import FROM_ISSUE, FROM_RECEIPT, MAX_WORKING_DAYS
from desktop.store import models as m

_MAX = {"signer_authority": 120, "signer_title": 120, "signer_name": 120, "label": 200,
        "period": 40, "line": 300}
_FIELD_NAMES = {"signer_authority": "Thẩm quyền ký", "signer_title": "Chức vụ người ký",
                "signer_name": "Họ tên người ký"}


@dataclass(frozen=True, slots=True)
class CheckedDeadline:
    kind: str
    due_date: date
    label: str
    period: str
    depth: int | None
    working_days: int | None = None
    counted_from: str | None = None  # FROM_ISSUE | FROM_RECEIPT, set with working_days only


@dataclass(frozen=True, slots=True)
class CheckedLine:
    text: str
    group_id: int | None
    organisation_id: int | None


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """Everything a document row, its deadlines and its lines are written from."""

    type_id: int
    type_code: str
    type_name: str
    issuing_body_id: int
    regime: str
    number: str
    symbol: str
    issue_date: date
    excerpt: str
    signer_authority: str
    signer_title: str
    signer_name: str
    urgency: str
    confidentiality: str
    scope: str
    parent_id: int | None
    note: str
    deadlines: tuple[CheckedDeadline, ...]
    lines: tuple[CheckedLine, ...]

    @property
    def number_symbol(self) -> str:
        return format_number_symbol(self.number, self.symbol, self.regime)


def find_type(s: Session, code: str) -> m.DocumentType:
    """The document type written as its code ("CT", "ctr") or its name ("Chỉ thị")."""
    types = list(s.scalars(select(m.DocumentType).order_by(m.DocumentType.sort_order)))
    wanted = clean_line(code)
    for match in (
        lambda t: t.code.casefold() == wanted.casefold(),
        lambda t: fold(t.code) == fold(wanted),
        lambda t: fold(t.name) == fold(wanted),
    ):
        found = [t for t in types if match(t)]
        if len(found) == 1:
            return found[0]
    known = ", ".join(f"{t.code} ({t.name})" for t in types)
    if not wanted:
        raise ValidationError(f"Chưa chọn loại văn bản. Các loại: {known}.", "type_code")
    raise ValidationError(f"Không có loại văn bản «{wanted}». Các loại: {known}.", "type_code")


def _choice(value: str, enum: Any, field: str, what: str) -> str:
    try:
        return str(enum(value).value)
    except ValueError:
        allowed = ", ".join(f"{e.value} ({e.label or 'thường'})" for e in enum)
        raise ValidationError(
            f"{what} «{value}» không hợp lệ. Chọn một trong: {allowed}.", field) from None


def _short(value: str | None, key: str, field: str, what: str) -> str:
    text = clean_line(value)
    if len(text) > _MAX[key]:
        raise ValidationError(f"{what} dài quá {_MAX[key]} ký tự ({len(text)} ký tự).", field)
    return text


def _check_parent(s: Session, parent_id: int | None, document_id: int | None) -> int | None:
    if parent_id is None:
        return None
    if parent_id == document_id:
        raise ValidationError("Văn bản không thể là văn bản cấp trên của chính nó.", "parent_id")
    seen: set[int] = set()
    current: int | None = parent_id
    while current is not None and current not in seen:
        seen.add(current)
        row = s.execute(select(m.Document.id, m.Document.parent_id, m.Document.number,
                               m.Document.symbol).where(m.Document.id == current)).first()
        if row is None:
            raise ValidationError(
                f"Không có văn bản cấp trên mã số #{current}. Chọn lại văn bản cấp trên.",
                "parent_id")
        if document_id is not None and row.parent_id == document_id:
            raise ValidationError(
                f"Không chọn được văn bản {row.number}-{row.symbol} làm văn bản cấp trên: nó "
                "là văn bản triển khai (cấp dưới) của chính văn bản này.", "parent_id")
        current = row.parent_id
    return parent_id


def _rule_text(working_days: int, counted_from: str) -> str:
    """"10 ngày làm việc kể từ ngày nhận" — how the deadline is named in a message."""
    start = "ngày đơn vị nhận" if counted_from == FROM_RECEIPT else "ngày ban hành"
    return f"{working_days} ngày làm việc kể từ {start}"


def _working_days(d: Any, where: str) -> tuple[int | None, str | None]:
    """(working days, counted from) of one deadline input, checked; (None, None) for a date."""
    days = getattr(d, "working_days", None)
    start = getattr(d, "counted_from", None) or FROM_ISSUE
    if start not in (FROM_ISSUE, FROM_RECEIPT):
        raise ValidationError(
            f"{where}: hạn chỉ tính từ ngày ban hành ({FROM_ISSUE}) hoặc từ ngày đơn vị nhận "
            f"({FROM_RECEIPT}), không phải «{start}».", "deadlines")
    if days is None:
        if start == FROM_RECEIPT:
            raise ValidationError(
                f"{where}: hạn tính từ ngày đơn vị nhận phải ghi số ngày làm việc (ví dụ 10 "
                "ngày làm việc kể từ ngày nhận). Ghi số ngày, hoặc chọn tính từ ngày ban hành "
                "nếu hạn là một ngày cố định.", "deadlines")
        return None, None
    if isinstance(days, bool) or not isinstance(days, int) or not 0 < days <= MAX_WORKING_DAYS:
        raise ValidationError(
            f"{where}: số ngày làm việc phải là số nguyên từ 1 đến {MAX_WORKING_DAYS} (đã ghi "
            f"«{days}»).", "deadlines")
    return days, start


def _check_deadlines(s: Session, items: Sequence[Any], issue: date) -> tuple[CheckedDeadline, ...]:
    out: list[CheckedDeadline] = []
    seen: set[tuple[str, date, int | None, str | None]] = set()
    calendar: WorkCalendar | None = None
    for i, d in enumerate(items, 1):
        kind = _choice(d.kind, DeadlineKind, "deadlines", f"Loại hạn thứ {i}")
        label = DeadlineKind(kind).label
        days, start = _working_days(d, f"Hạn thứ {i} ({label.lower()})")
        if days is not None:
            calendar = calendar or calendar_in(s)
            due = calendar.add_working_days(issue, days)
            what = f"{label} {_rule_text(days, start or FROM_ISSUE)}"
        else:
            if not isinstance(d.due_date, date):
                raise ValidationError(f"{label} (hạn thứ {i}) chưa có ngày.", "deadlines")
            due = d.due_date
            if due < issue:
                raise ValidationError(
                    f"{label} ngày {format_date(due)} sớm hơn ngày ban hành "
                    f"{format_date(issue)}. Kiểm tra lại ngày của hạn.", "deadlines")
            what = f"{label} ngày {format_date(due)}"
        key = (kind, due, days, start)
        if key in seen:
            raise ValidationError(f"{what} được ghi hai lần; bỏ bớt một dòng.", "deadlines")
        seen.add(key)
        if d.depth is not None and (not isinstance(d.depth, int) or d.depth < 1):
            raise ValidationError(
                f"Cấp áp dụng của {label.lower()} phải là số từ 1 trở lên (1 = cấp trực thuộc), "
                f"đã ghi «{d.depth}».", "deadlines")
        out.append(CheckedDeadline(
            kind, due, _short(d.label, "label", "deadlines", "Nội dung hạn"),
            _short(d.period, "period", "deadlines", "Kỳ báo cáo"), d.depth, days, start))
    return tuple(sorted(out, key=lambda d: (d.due_date, d.kind)))


def _check_lines(s: Session, items: Sequence[Any]) -> tuple[CheckedLine, ...]:
    out: list[CheckedLine] = []
    for i, line in enumerate(items, 1):
        text = _short(line.text, "line", "recipient_lines", f"Dòng nơi nhận thứ {i}")
        tracked = line.group_id is not None or line.organisation_id is not None
        # A line naming several recipients is stored as one row per recipient: the first
        # carries the printed text, the others none (printed once). A continuation part that
        # matched nothing carries nothing at all: its words are already in the printed line.
        if not text and not tracked and out:
            continue
        if not text and not (tracked and out):
            raise ValidationError(f"Dòng nơi nhận thứ {i} để trống; bỏ dòng đó đi.",
                                  "recipient_lines")
        if line.group_id is not None and line.organisation_id is not None:
            raise ValidationError(
                f"Dòng nơi nhận «{text}» chỉ được gắn với một nhóm hoặc một đơn vị, không cả "
                "hai.", "recipient_lines")
        if line.group_id is not None and s.get(m.OrgGroup, line.group_id) is None:
            raise ValidationError(
                f"Dòng nơi nhận «{text}» gắn với nhóm mã số #{line.group_id}, nhóm này không còn. "
                "Chọn lại nhóm.", "recipient_lines")
        if line.organisation_id is not None and s.get(m.Organisation,
                                                      line.organisation_id) is None:
            raise ValidationError(
                f"Dòng nơi nhận «{text}» gắn với đơn vị mã số #{line.organisation_id}, đơn vị "
                "này không còn. Chọn lại đơn vị.", "recipient_lines")
        out.append(CheckedLine(text, line.group_id, line.organisation_id))
    return tuple(out)


def check_document(s: Session, inp: Any, document_id: int | None = None) -> CheckedDocument:
    """Validate and normalise ``inp`` (a DocumentInput); ``document_id`` when editing."""
    doc_type = find_type(s, inp.type_code)
    if inp.issuing_body_id is None:
        raise ValidationError(
            "Chưa chọn cơ quan ban hành (ví dụ Tỉnh ủy, ký hiệu TU).", "issuing_body_id")
    body = s.get(m.IssuingBody, inp.issuing_body_id)
    if body is None:
        raise ValidationError(
            f"Không có cơ quan ban hành mã số #{inp.issuing_body_id}. Chọn lại cơ quan ban hành, "
            "hoặc thêm cơ quan đó trong phần Cài đặt.", "issuing_body_id")
    regime = body.regime if body.regime in (Regime.PARTY, Regime.STATE) else Regime.PARTY.value
    number = normalise_number(inp.number, regime)
    symbol = normalise_symbol(inp.symbol, regime, type_code=doc_type.code,
                              type_name=doc_type.name, body_symbol=body.symbol,
                              body_name=body.name)
    if not isinstance(inp.issue_date, date):
        raise ValidationError("Chưa nhập ngày ban hành (ví dụ 05/02/2026).", "issue_date")
    excerpt = clean_line(inp.excerpt)
    if not excerpt:
        raise ValidationError(
            "Chưa nhập trích yếu (ví dụ «về tăng cường công tác tuyên truyền…»).", "excerpt")
    signer = {key: _short(getattr(inp, key), key, key, _FIELD_NAMES[key]) for key in _FIELD_NAMES}
    return CheckedDocument(
        type_id=doc_type.id, type_code=doc_type.code, type_name=doc_type.name,
        issuing_body_id=body.id, regime=regime, number=number, symbol=symbol,
        issue_date=inp.issue_date, excerpt=excerpt, **signer,
        urgency=_choice(inp.urgency, Urgency, "urgency", "Độ khẩn"),
        confidentiality=_choice(inp.confidentiality, Confidentiality, "confidentiality",
                                "Độ mật"),
        scope=_choice(inp.scope, Scope, "scope", "Phạm vi phổ biến"),
        parent_id=_check_parent(s, inp.parent_id, document_id),
        note=clean_text(inp.note),
        deadlines=_check_deadlines(s, inp.deadlines, inp.issue_date),
        lines=_check_lines(s, inp.recipient_lines),
    )


def check_duplicate(s: Session, c: CheckedDocument, document_id: int | None = None) -> None:
    """Refuse a second document with the same type, number, symbol, body and year."""
    year = c.issue_date.year
    d = m.Document
    rows = s.execute(
        select(d.id, d.number, d.issue_date).where(and_(
            d.type_id == c.type_id, d.issuing_body_id == c.issuing_body_id, d.symbol == c.symbol,
            d.issue_date >= date(year, 1, 1), d.issue_date <= date(year, 12, 31),
        ))
    ).all()
    starts: list[date] = []
    if c.regime == Regime.PARTY.value:
        starts = list(s.scalars(select(m.PartyTerm.start_date)))
    for other_id, other_number, other_date in rows:
        if other_id == document_id or not other_number.isdigit():
            continue
        if int(other_number) != int(c.number):
            continue
        low, high = sorted((other_date, c.issue_date))
        if any(low < start <= high for start in starts):
            continue  # a new term began in between: numbering restarted
        raise ValidationError(
            f"Đã có {c.type_name} số {format_number_symbol(other_number, c.symbol, c.regime)} "
            f"ngày {format_date(other_date)} (mã #{other_id}) của cùng cơ quan ban hành trong "
            f"năm {year}. Số văn bản không lặp lại trong một năm, nên đây có lẽ là văn bản đã "
            "nhập: mở văn bản đó để sửa, hoặc kiểm tra lại số.", "number")


def validate_document(db: Any, inp: Any, document_id: int | None = None) -> CheckedDocument:
    """Check ``inp`` as creating (or, with ``document_id``, editing) would, writing nothing."""
    with db.read() as s:
        checked = check_document(s, inp, document_id)
        check_duplicate(s, checked, document_id)
        return checked
