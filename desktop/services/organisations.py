"""Reading the organisation tree, as it stands on a given date."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import aliased

from desktop.domain.text import LIKE_ESCAPE, fold, search_pattern
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.store import models as m


def active_on(day: date, org: type[m.Organisation] = m.Organisation) -> ColumnElement[bool]:
    """Organisations (or an alias of the table) that exist on ``day``."""
    return and_(
        or_(org.valid_from.is_(None), org.valid_from <= day),
        or_(org.valid_to.is_(None), org.valid_to >= day),
    )


def _nodes(db: Database, where: ColumnElement[bool], day: date, limit: int | None) -> list[OrgNode]:
    org = m.Organisation
    child = aliased(m.Organisation)
    den = aliased(m.OrgDenominator)
    child_count = (
        select(func.count())
        .where(
            child.parent_id == org.id,
            active_on(day, child),  # type: ignore[arg-type]
        )
        .correlate(org)
        .scalar_subquery()
    )
    latest = (
        select(den.party_cells, den.party_members)
        .where(den.organisation_id == org.id, den.as_of <= day)
        .order_by(den.as_of.desc())
        .limit(1)
        .correlate(org)
    )
    cells = latest.with_only_columns(den.party_cells).scalar_subquery()
    members = latest.with_only_columns(den.party_members).scalar_subquery()
    stmt = (
        select(org.id, org.name, org.short_name, org.code, m.OrgKind.name, org.parent_id,
               org.depth, child_count, org.valid_from, org.valid_to, cells, members)
        .outerjoin(m.OrgKind, m.OrgKind.id == org.kind_id)
        .where(where, active_on(day))
        .order_by(org.sort_order, org.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as s:
        return [
            OrgNode(id=r[0], name=r[1], short_name=r[2], code=r[3], kind=r[4] or "",
                    parent_id=r[5], depth=r[6], child_count=r[7], valid_from=r[8],
                    valid_to=r[9], party_cells=r[10], party_members=r[11])
            for r in s.execute(stmt)
        ]


def children(db: Database, parent_id: int | None, as_of: date | None = None) -> list[OrgNode]:
    """The organisations directly under ``parent_id`` (None: the roots) on ``as_of``."""
    day = as_of or date.today()
    org = m.Organisation
    where = org.parent_id.is_(None) if parent_id is None else org.parent_id == parent_id
    return _nodes(db, where, day, None)


def search(db: Database, text: str, as_of: date | None = None, limit: int = 200) -> list[OrgNode]:
    """Organisations whose name, short name or code contains ``text`` (accents ignored)."""
    day = as_of or date.today()
    if not fold(text):
        return []
    where = m.Organisation.search_key.like(search_pattern(text), escape=LIKE_ESCAPE)
    return _nodes(db, where, day, limit)


def count(db: Database, as_of: date | None = None) -> int:
    day = as_of or date.today()
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.Organisation).where(active_on(day)))
                   or 0)
