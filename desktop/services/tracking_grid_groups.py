"""The tracking grid grouped: the matching rows of a document in blocks, one per group.

Two ways to group, the ones clerks ask for:

- ``"group"`` — by the "Nơi nhận" group of the row's top-level organisation (its first group
  by the groups' order; "Các đảng bộ trực thuộc…", "Các ban, sở, ngành…"), rows of
  organisations in no group last;
- ``"top"`` — by the top-level organisation (a district committee with all its cells).

Inside a block the rows keep the grid's sort; each block knows how many of its rows are
overdue, for its header line. One query (ids, block key and lateness) plus one small query for
the blocks' names and order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop.domain.text import vi_sort_key
from desktop.services.database import Database
from desktop.services.tracking_deadlines import load_terms
from desktop.services.tracking_filters import UNGROUPED, GridQuery, SortSpec, TrackingFilter
from desktop.store import models as m

__all__ = ["GROUP_BY", "GridGroup", "GroupBy", "grouped_row_ids"]

GroupBy = Literal["group", "top"]
GROUP_BY: tuple[GroupBy, ...] = ("group", "top")
NO_GROUP_TITLE = "Đơn vị không thuộc nhóm nào"


@dataclass(frozen=True, slots=True)
class GridGroup:
    """One block of the grouped grid: ``key`` is the group id (``UNGROUPED`` for none) or
    the top-level organisation id; ``ids`` in the grid's sort order."""

    key: int
    title: str
    ids: list[int] = field(default_factory=list)
    overdue: int = 0


def grouped_row_ids(
    db: Database, document_id: int, by: GroupBy, flt: TrackingFilter | None = None,
    sort: SortSpec | None = None, as_of: date | None = None,
) -> list[GridGroup]:
    """The rows matching ``flt`` in blocks (in the blocks' own order), each sorted by ``sort``."""
    if by not in GROUP_BY:
        raise ValueError(by)
    with db.read() as s:
        query = GridQuery(s, load_terms(s, document_id, as_of or date.today()))
        o = query.o
        top_key = func.coalesce(o.top_id, o.id)
        late = case((query.sql.overdue, 1), else_=0)
        stmt = query.ids(flt or TrackingFilter(), sort or SortSpec(), top_key, late, status=True)
        rows = s.connection().execute(stmt).all()
        tops = {top for _id, top, _late in rows}
        if by == "top":
            blocks = _top_blocks(s, tops)
            block_of = {top: top for top in tops}
        else:
            blocks, block_of = _group_blocks(s, tops)
    ids: dict[int, list[int]] = {key: [] for key in blocks}
    overdue = dict.fromkeys(blocks, 0)
    for tid, top, is_late in rows:
        key = block_of[top]
        ids[key].append(tid)
        overdue[key] += is_late
    return [GridGroup(key, title, ids[key], overdue[key])
            for key, title in blocks.items() if ids[key]]


def _top_blocks(s: Session, tops: set[int]) -> dict[int, str]:
    """Top-level organisations in the organisation order: {id: name}."""
    o = m.Organisation
    found = s.execute(
        select(o.id, o.name, o.sort_order).where(o.id.in_(sorted(tops)))).all()
    found.sort(key=lambda r: (r.sort_order, vi_sort_key(r.name), r.id))
    return {r.id: r.name for r in found}


def _group_blocks(s: Session, tops: set[int]) -> tuple[dict[int, str],
                                                                     dict[int, int]]:
    """Groups in their order (then "no group"), and each top-level organisation's block: its
    first group by the groups' order."""
    g, gm = m.OrgGroup, m.OrgGroupMember
    first: dict[int, int] = {}
    names: dict[int, str] = {}
    for org_id, gid, name in s.execute(
        select(gm.organisation_id, g.id, g.name).join(g, g.id == gm.group_id)
        .where(gm.organisation_id.in_(sorted(tops))).order_by(g.sort_order, g.id)
    ):
        first.setdefault(org_id, gid)
        names.setdefault(gid, name)
    order = [gid for gid in s.scalars(
        select(g.id).order_by(g.sort_order, g.id)) if gid in names]
    blocks = {gid: names[gid] for gid in order}
    blocks[UNGROUPED] = NO_GROUP_TITLE
    return blocks, {top: first.get(top, UNGROUPED) for top in tops}
