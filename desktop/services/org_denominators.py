"""Dated denominators: how many party cells and members an organisation had as of a date.

Reports divide by the latest figures dated on or before their period (see
:func:`desktop.services.organisations.flat_list` and the tracking rows that copy them), so a
new count is a new dated row, never an overwrite of an older one. One row per organisation
and date: setting figures for a date that already has a row updates that row.

Decision on plausibility: more party cells than party members is refused rather than warned
about. Every party cell has members (at least three full members by the Party statute), so
such a pair is always a typing slip (usually the two columns swapped), and the service layer
has no channel to carry a warning past the UI; a refused save with a clear message costs the
clerk one keystroke, a wrong denominator silently skews every percentage printed from it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop.domain.dates import format_date
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.numbers import format_int, parse_int
from desktop.domain.text import clean_text
from desktop.services.database import Database
from desktop.services.org_common import check_version, load_org, quoted
from desktop.services.org_types import DenominatorEntry
from desktop.store import models as m


def _count(value: int | str | None, field: str, label: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            value = parse_int(value)
        except ValueError as exc:
            raise ValidationError(f"{label}: {exc}", field) from exc
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{field} must be a whole number")
    if value < 0:
        raise ValidationError(
            f"{label} không được âm (đã nhập {format_int(value)}). Hãy nhập 0 hoặc số dương.",
            field,
        )
    return value


def _entry(row: m.OrgDenominator) -> DenominatorEntry:
    return DenominatorEntry(
        id=row.id, organisation_id=row.organisation_id, as_of=row.as_of,
        party_cells=row.party_cells, party_members=row.party_members, note=row.note,
        version=row.version,
    )


def set_denominator(
    db: Database, org_id: int, as_of: date, party_cells: int | str | None,
    party_members: int | str | None, *, note: str | None = None,
    expected_version: int | None = None,
) -> DenominatorEntry:
    """Record the figures of ``org_id`` as of ``as_of`` (insert, or update that date's row).

    Counts may be ints or text as typed ("1.234"); None/empty leaves a figure unknown, but
    not both. ``expected_version`` (of that date's row, when the clerk edited one) guards
    against overwriting someone else's correction. ``note`` None keeps the existing note.
    """
    cells = _count(party_cells, "party_cells", "Số chi bộ")
    members = _count(party_members, "party_members", "Số đảng viên")
    if cells is None and members is None:
        raise ValidationError(
            "Chưa nhập số chi bộ hoặc số đảng viên. Hãy nhập ít nhất một trong hai số.",
            "party_cells",
        )
    if cells is not None and members is not None and cells > members:
        raise ValidationError(
            f"Số chi bộ ({format_int(cells)}) lớn hơn số đảng viên ({format_int(members)}): "
            "mỗi chi bộ có ít nhất 3 đảng viên. Có thể hai số bị nhập đổi chỗ; hãy kiểm tra "
            "lại.",
            "party_cells",
        )
    with db.transaction() as s:
        org = load_org(s, org_id)
        if (org.valid_from is not None and as_of < org.valid_from) or (
            org.valid_to is not None and as_of > org.valid_to
        ):
            raise ValidationError(
                f"Ngày {format_date(as_of)} nằm ngoài thời gian hoạt động của {quoted(org)} "
                f"({_life(org)}). Hãy chọn ngày trong khoảng đó.",
                "as_of",
            )
        d = m.OrgDenominator
        row = s.scalars(select(d).where(d.organisation_id == org_id, d.as_of == as_of)).first()
        if row is None:
            row = d(organisation_id=org_id, as_of=as_of, note=clean_text(note))
            s.add(row)
        else:
            check_version(row, expected_version,
                          f"Số liệu ngày {format_date(as_of)} của {quoted(org)}")
            if note is not None:
                row.note = clean_text(note)
        row.party_cells = cells
        row.party_members = members
        s.flush()
        return _entry(row)


def _life(org: m.Organisation) -> str:
    start = format_date(org.valid_from) if org.valid_from else "không rõ ngày thành lập"
    end = format_date(org.valid_to) if org.valid_to else "nay"
    return f"{start} – {end}"


def denominator_history(db: Database, org_id: int) -> list[DenominatorEntry]:
    """Every dated figure of ``org_id``, newest first."""
    d = m.OrgDenominator
    with db.read() as s:
        load_org(s, org_id)
        return [_entry(r) for r in s.scalars(
            select(d).where(d.organisation_id == org_id).order_by(d.as_of.desc())
        )]


def delete_denominator(db: Database, denominator_id: int, expected_version: int) -> None:
    """Delete one dated figure (the previous one, if any, applies again from that date)."""
    with db.transaction() as s:
        row = s.get(m.OrgDenominator, denominator_id)
        if row is None:
            raise NotFoundError(
                "Dòng số liệu này không còn (có thể vừa bị người khác xóa). Hãy tải lại."
            )
        check_version(row, expected_version, f"Số liệu ngày {format_date(row.as_of)}")
        s.delete(row)
