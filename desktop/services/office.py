"""The office's own values that every Word output prints: read and edited by the clerk.

The issuing body marked ``is_own_office`` holds the header lines (superior body, own name
lines), the symbol, the place name, the regime and format profile, and the default signer;
the ``settings`` table holds how a sentence names the office, the "Nơi nhận" punctuation and
the report's default "Nơi nhận" lines (keys of :data:`OFFICE_SETTING_KEYS`). :func:`load_office`
returns them as one value; :func:`save_office` validates and writes them in one transaction
(with the body's version: a change made meanwhile by another clerk is refused, not
overwritten). Creating the office is the same call when none exists yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sqlalchemy import func, select

from desktop.domain.errors import ConflictError, ValidationError
from desktop.domain.text import clean_line, clean_text
from desktop.services.database import Database
from desktop.store import models as m

__all__ = ["OFFICE_SETTING_KEYS", "OfficeSettings", "load_office", "save_office"]

#: settings keys this module owns (read for the reports by desktop.services.report_common)
OFFICE_SETTING_KEYS = {
    "name_in_text": "office.name_in_text",
    "recipient_line_end": "office.recipient_line_end",
    "recipient_last_end": "office.recipient_last_end",
    "drafting_unit": "office.drafting_unit",
    "report_recipients": "report.ket_qua.recipients",
}
REGIMES = ("party", "state")
_SYMBOL = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9\-]{0,39}$")


@dataclass(frozen=True)
class OfficeSettings:
    """What the clerk edits; ``body_id``/``version`` are None before the office exists."""

    superior_name: str = ""
    name: str = ""  # the name lines as printed, one a line
    symbol: str = ""
    place_name: str = ""
    regime: str = "party"
    format_profile: str = ""  # "": the regime's default profile
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    name_in_text: str = ""  # "": derived from the header lines
    recipient_line_end: str = ""  # "": the profile's (";")
    recipient_last_end: str = ""  # "": the profile's (".")
    report_recipients: str = ""  # "": the default lines, one a line
    drafting_unit: str = ""  # State công văn: "VP" in "Số: 15/UBND-VP"
    body_id: int | None = None
    version: int | None = None


def load_office(db: Database) -> OfficeSettings:
    with db.read() as s:
        body = s.scalars(select(m.IssuingBody).where(m.IssuingBody.is_own_office.is_(True))
                         .order_by(m.IssuingBody.id)).first()
        stored = dict(s.execute(select(m.Setting.key, m.Setting.value).where(
            m.Setting.key.in_(OFFICE_SETTING_KEYS.values()))).all())
        extra = {field: stored.get(key, "") for field, key in OFFICE_SETTING_KEYS.items()}
        if body is None:
            return OfficeSettings(**extra)
        return OfficeSettings(
            superior_name=body.superior_name, name=body.name, symbol=body.symbol,
            place_name=body.place_name, regime=body.regime, format_profile=body.format_profile,
            signer_authority=body.signer_authority, signer_title=body.signer_title,
            signer_name=body.signer_name, body_id=body.id, version=body.version, **extra)


def _cleaned(values: OfficeSettings) -> OfficeSettings:
    lines = [clean_line(x) for x in clean_text(values.name).split("\n")]
    recipients = [clean_line(x) for x in clean_text(values.report_recipients).split("\n")]
    return replace(
        values,
        superior_name=clean_line(values.superior_name).upper(),
        name="\n".join(x.upper() for x in lines if x),
        symbol=clean_line(values.symbol).upper().replace(" ", ""),
        place_name=clean_line(values.place_name),
        regime=clean_line(values.regime),
        format_profile=clean_line(values.format_profile),
        signer_authority=clean_line(values.signer_authority).upper(),
        signer_title=clean_line(values.signer_title).upper(),
        signer_name=clean_line(values.signer_name),
        name_in_text=clean_line(values.name_in_text),
        recipient_line_end=clean_line(values.recipient_line_end),
        recipient_last_end=clean_line(values.recipient_last_end),
        report_recipients="\n".join(x for x in recipients if x),
        drafting_unit=clean_line(values.drafting_unit).upper().replace(" ", ""),
    )


def _validate(s: object, values: OfficeSettings) -> None:
    from desktop.reports.profiles import available_profiles

    if not values.name:
        raise ValidationError("Nhập tên cơ quan (mỗi dòng in một dòng, ví dụ «BAN TUYÊN GIÁO "
                              "VÀ DÂN VẬN»).", "name")
    if not _SYMBOL.match(values.symbol):
        raise ValidationError("Ký hiệu cơ quan chỉ gồm chữ in hoa, chữ số và dấu gạch ngang, "
                              "ví dụ «BTGDVTU» hoặc «UBND».", "symbol")
    if values.drafting_unit and not _SYMBOL.match(values.drafting_unit):
        raise ValidationError("Ký hiệu đơn vị soạn thảo chỉ gồm chữ in hoa, chữ số và dấu "
                              "gạch ngang, ví dụ «VP».", "drafting_unit")
    if values.regime not in REGIMES:
        raise ValidationError("Chọn khối Đảng hoặc Nhà nước.", "regime")
    if values.format_profile and values.format_profile not in available_profiles():
        raise ValidationError(
            f"Không có mẫu thể thức «{values.format_profile}». Chọn một trong: "
            + ", ".join(available_profiles()) + ".", "format_profile")
    for field, text in (("recipient_line_end", values.recipient_line_end),
                        ("recipient_last_end", values.recipient_last_end)):
        if len(text) > 2:
            raise ValidationError("Dấu cuối dòng «Nơi nhận» là một dấu câu, ví dụ «;» hoặc «.».",
                                  field)
    taken = s.scalar(  # type: ignore[attr-defined]
        select(func.count()).select_from(m.IssuingBody).where(
            m.IssuingBody.symbol == values.symbol,
            m.IssuingBody.id != (values.body_id or -1)))
    if taken:
        raise ValidationError(f"Ký hiệu «{values.symbol}» đã dùng cho một cơ quan ban hành "
                              "khác.", "symbol")


def save_office(db: Database, values: OfficeSettings) -> OfficeSettings:
    """Validate and store; returns what is stored now (with the new version)."""
    values = _cleaned(values)
    with db.transaction() as s:
        _validate(s, values)
        if values.body_id is None:
            body = m.IssuingBody(is_own_office=True)
            s.add(body)
        else:
            body = s.get(m.IssuingBody, values.body_id)
            if body is None or body.version != values.version:
                raise ConflictError("Thông tin cơ quan vừa được người khác sửa. Đóng rồi mở "
                                    "lại để xem bản mới nhất, rồi sửa lại.")
        for field in ("superior_name", "name", "symbol", "place_name", "regime",
                      "format_profile", "signer_authority", "signer_title", "signer_name"):
            if getattr(body, field, None) != getattr(values, field):
                setattr(body, field, getattr(values, field))
        for field, key in OFFICE_SETTING_KEYS.items():
            value = getattr(values, field)
            row = s.get(m.Setting, key)
            if row is None and value:
                s.add(m.Setting(key=key, value=value))
            elif row is not None and row.value != value:
                row.value = value
    return load_office(db)
