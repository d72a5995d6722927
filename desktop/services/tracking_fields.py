"""The fields a clerk edits on a tracking row and on a report: types, labels, checks.

Values may be given typed (``date``, ``int``, ``str``) or as typed by the clerk (``"5/2"``,
``"1.234"``, an enum's code or its Vietnamese label): :func:`coerce` turns them into what the
database holds (NFC text without control characters, ``None`` for an emptied date or count,
``""`` for an emptied text). :func:`check_row` checks a row as it would be after a change —
only the rules that involve a changed field, so an old inconsistency elsewhere in the row never
blocks an unrelated edit. Every refusal is a :class:`~desktop.domain.errors.ValidationError`
in Vietnamese that names the organisation and the field and says what to do; its ``field`` is
the field's key.

Dates: not before the document's issue date, and not after today — the grid records what has
happened (a planned session is not a session held: a future study date would count the row as
studied too early).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from desktop.domain.dates import DateParseError, format_date, parse_date
from desktop.domain.enums import Channel, PlanStatus, ReportStatus, StudyForm
from desktop.domain.errors import ValidationError
from desktop.domain.numbers import NumberParseError, format_int, parse_int
from desktop.domain.text import clean_line, clean_text, fold

__all__ = [
    "MAX_COUNT",
    "REPORT_FIELDS",
    "ROW_FIELDS",
    "FieldSpec",
    "check_report",
    "check_row",
    "coerce",
    "coerce_all",
]

MAX_COUNT = 10_000_000


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: str  # date | int | enum | line | text
    label: str
    max_len: int = 0
    enum: type[StrEnum] | None = None


ROW_FIELDS: dict[str, FieldSpec] = {
    "sent_date": FieldSpec("date", "Ngày gửi"),
    "sent_channel": FieldSpec("enum", "Hình thức gửi, nhận", enum=Channel),
    "received_date": FieldSpec("date", "Ngày nhận"),
    "received_confirmed_by": FieldSpec("line", "Người xác nhận đã nhận (chức vụ)", 120),
    "study_date": FieldSpec("date", "Ngày học tập, quán triệt"),
    "study_end_date": FieldSpec("date", "Ngày kết thúc học tập"),
    "study_form": FieldSpec("enum", "Hình thức học tập", enum=StudyForm),
    "study_sessions": FieldSpec("int", "Số buổi, hội nghị"),
    "cells_held": FieldSpec("int", "Số chi bộ đã học tập"),
    "cells_total": FieldSpec("int", "Tổng số chi bộ"),
    "members_attending": FieldSpec("int", "Số đảng viên tham gia"),
    "members_total": FieldSpec("int", "Tổng số đảng viên"),
    "non_members": FieldSpec("int", "Số lượt quần chúng tham gia"),
    "plan_number": FieldSpec("line", "Số kế hoạch", 60),
    "plan_date": FieldSpec("date", "Ngày ban hành kế hoạch"),
    "plan_status": FieldSpec("enum", "Tình trạng kế hoạch", enum=PlanStatus),
    "note": FieldSpec("text", "Ghi chú", 4000),
}

REPORT_FIELDS: dict[str, FieldSpec] = {
    "number": FieldSpec("line", "Số báo cáo", 60),
    "report_date": FieldSpec("date", "Ngày của báo cáo"),
    "received_date": FieldSpec("date", "Ngày nhận báo cáo"),
    "period": FieldSpec("line", "Kỳ báo cáo", 40),
    "status": FieldSpec("enum", "Đánh giá báo cáo", enum=ReportStatus),
    "deadline_id": FieldSpec("int", "Hạn báo cáo"),
    "note": FieldSpec("text", "Ghi chú báo cáo", 4000),
}


def _refuse(who: str, spec: FieldSpec, key: str, reason: str) -> ValidationError:
    return ValidationError(f"{who}: {spec.label} — {reason}", key)


def _enum_value(spec: FieldSpec, value: str) -> str | None:
    assert spec.enum is not None
    if value in spec.enum._value2member_map_:  # a code, as stored: the common case
        return value
    key = fold(value)
    for member in spec.enum:
        if value == member.value or key in (fold(member.value), fold(member.label)):
            return member.value
    return None


def coerce(key: str, value: Any, who: str, fields: Mapping[str, FieldSpec] = ROW_FIELDS) -> Any:
    """``value`` as stored in field ``key`` (see the module docstring); ``who`` starts the
    message ("Dòng «Đảng bộ xã Tân Lập»")."""
    spec = fields.get(key)
    if spec is None:
        raise ValidationError(
            f"{who}: không có ô «{key}» để sửa. Các ô sửa được: {', '.join(fields)}.", key)
    if spec.kind == "date":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, datetime):
            raise _refuse(who, spec, key, "cần một ngày, không phải ngày giờ.")
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value))
        except DateParseError as exc:
            raise _refuse(who, spec, key, str(exc)) from exc
    if spec.kind == "int":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise _refuse(who, spec, key, f"cần một số nguyên, không phải «{value}».")
        if isinstance(value, str):
            try:
                value = parse_int(value, allow_negative=True)
            except NumberParseError as exc:
                raise _refuse(who, spec, key, str(exc)) from exc
        if value < 0:
            raise _refuse(who, spec, key, f"không được là số âm ({value}). Nhập 0 hoặc để trống.")
        if value > MAX_COUNT:
            raise _refuse(who, spec, key, f"số {format_int(value)} quá lớn; kiểm tra lại.")
        return value
    text = "" if value is None else str(value)
    if spec.kind == "enum":
        text = clean_line(text)
        if not text:
            return ""
        code = _enum_value(spec, text)
        if code is None:
            assert spec.enum is not None
            choices = ", ".join(f"{m.value} ({m.label})" for m in spec.enum)
            raise _refuse(who, spec, key, f"không có lựa chọn «{text}». Chọn một trong: {choices}.")
        return code
    text = clean_text(text) if spec.kind == "text" else clean_line(text)
    if spec.max_len and len(text) > spec.max_len:
        raise _refuse(who, spec, key,
                      f"dài {len(text)} ký tự, tối đa {spec.max_len}. Hãy viết ngắn lại.")
    return text


def coerce_all(changes: Mapping[str, Any], who: str,
               fields: Mapping[str, FieldSpec] = ROW_FIELDS) -> dict[str, Any]:
    return {key: coerce(key, value, who, fields) for key, value in changes.items()}


def _check_dates(row: Mapping[str, Any], changed: set[str], fields: Mapping[str, FieldSpec],
                 issue: date | None, today: date, who: str) -> None:
    for key in sorted(changed):
        spec = fields[key]
        value = row.get(key)
        if spec.kind != "date" or value is None:
            continue
        if issue is not None and value < issue:
            raise _refuse(who, spec, key,
                          f"ngày {format_date(value)} trước ngày ban hành văn bản "
                          f"({format_date(issue)}). Kiểm tra lại ngày (gõ ngày trước, tháng sau).")
        if value > today:
            raise _refuse(who, spec, key,
                          f"ngày {format_date(value)} chưa tới (hôm nay là {format_date(today)}). "
                          "Chỉ ghi việc đã diễn ra.")


def _check_order(row: Mapping[str, Any], changed: set[str], fields: Mapping[str, FieldSpec],
                 rules: tuple[tuple[str, str, str], ...], who: str) -> None:
    """Each (low, high, what): row[low] <= row[high] when both are filled in and one changed."""
    for low, high, what in rules:
        a, b = row.get(low), row.get(high)
        if a is None or b is None or not ({low, high} & changed) or a <= b:
            continue
        key = high if high in changed else low
        if isinstance(a, date):
            shown, word = (format_date(a), format_date(b)), "sau"
        else:
            shown, word = (format_int(a), format_int(b)), "lớn hơn"
        raise _refuse(who, fields[key], key,
                      f"{fields[low].label.lower()} ({shown[0]}) {word} "
                      f"{fields[high].label.lower()} ({shown[1]}). {what}")


_ROW_ORDER = (
    ("sent_date", "received_date", "Ngày nhận không thể trước ngày gửi; sửa một trong hai ngày."),
    ("study_date", "study_end_date",
     "Ngày kết thúc không thể trước ngày bắt đầu học tập; sửa một trong hai ngày."),
    ("cells_held", "cells_total",
     "Số chi bộ đã học tập không thể vượt tổng số chi bộ; sửa một trong hai số."),
    ("members_attending", "members_total",
     "Số đảng viên tham gia không thể vượt tổng số đảng viên; sửa một trong hai số."),
)
_REPORT_ORDER = (
    ("report_date", "received_date",
     "Ngày nhận báo cáo không thể trước ngày của báo cáo; sửa một trong hai ngày."),
)


def check_row(row: Mapping[str, Any], changed: set[str], issue: date | None, today: date,
              who: str) -> None:
    """Refuse a tracking row as it would be after changing ``changed``."""
    _check_dates(row, changed, ROW_FIELDS, issue, today, who)
    _check_order(row, changed, ROW_FIELDS, _ROW_ORDER, who)


def check_report(report: Mapping[str, Any], changed: set[str], issue: date | None,
                 today: date, who: str) -> None:
    """Refuse a report as it would be after changing ``changed``."""
    _check_dates(report, changed, REPORT_FIELDS, issue, today, who)
    _check_order(report, changed, REPORT_FIELDS, _REPORT_ORDER, who)
