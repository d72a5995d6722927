"""Finding what a document refers to by the words a clerk types: issuing bodies and groups.

Used by the command line and the import of issued documents; the UI picks from lists instead.
Matching ignores case and accents; an unknown or ambiguous name raises a ValidationError that
lists what exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.domain.text import canonical_name, clean_line, fold
from desktop.services.database import Database
from desktop.store import models as m

__all__ = ["GroupRef", "IssuingBodyRow", "find_group", "find_issuing_body", "issuing_bodies"]


@dataclass(frozen=True, slots=True)
class IssuingBodyRow:
    id: int
    symbol: str
    name: str  # on one line
    regime: str
    signer_authority: str
    signer_title: str
    signer_name: str


@dataclass(frozen=True, slots=True)
class GroupRef:
    id: int
    name: str
    short_name: str


def issuing_bodies(db: Database) -> list[IssuingBodyRow]:
    with db.read() as s:
        return [
            IssuingBodyRow(b.id, b.symbol, " ".join(b.name.split()), b.regime,
                           b.signer_authority, b.signer_title, b.signer_name)
            for b in s.scalars(select(m.IssuingBody).order_by(m.IssuingBody.id))
        ]


def find_issuing_body(db: Database, symbol: str) -> IssuingBodyRow:
    """The issuing body whose symbol is ``symbol`` ("TU", "btgdvtu"), or whose name it is."""
    wanted = clean_line(symbol)
    bodies = issuing_bodies(db)
    for match in (
        lambda b: b.symbol.casefold() == wanted.casefold(),
        lambda b: fold(b.symbol) == fold(wanted),
        lambda b: fold(b.name) == fold(wanted),
    ):
        found = [b for b in bodies if match(b)]
        if len(found) == 1:
            return found[0]
    known = "; ".join(f"{b.symbol} ({b.name})" for b in bodies) or "chưa có cơ quan nào"
    raise ValidationError(
        f"Không có cơ quan ban hành ký hiệu «{wanted}». Các cơ quan đã khai báo: {known}. "
        "Thêm cơ quan ban hành trong phần Cài đặt nếu cần.", "issuing_body_id")


def find_group(db: Database, name: str) -> GroupRef:
    """The "Nơi nhận" group called ``name`` (its name or short name; accents optional)."""
    wanted = clean_line(name)
    with db.read() as s:
        groups = [GroupRef(g.id, g.name, g.short_name)
                  for g in s.scalars(select(m.OrgGroup).order_by(m.OrgGroup.sort_order,
                                                                  m.OrgGroup.id))]
    key = fold(wanted)
    for match in (
        lambda g: canonical_name(g.name) == canonical_name(wanted),
        lambda g: fold(g.name) == key or (g.short_name and fold(g.short_name) == key),
        lambda g: bool(key) and key in fold(g.name),
    ):
        found = [g for g in groups if match(g)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = "; ".join(g.name for g in found)
            raise ValidationError(
                f"Tên nhóm «{wanted}» khớp nhiều nhóm ({listed}). Ghi đầy đủ tên nhóm.",
                "recipient_lines")
    known = "; ".join(g.name for g in groups) or "chưa có nhóm nào"
    raise ValidationError(
        f"Không có nhóm nơi nhận «{wanted}». Các nhóm đã khai báo: {known}.", "recipient_lines")
