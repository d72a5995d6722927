"""Small reads the "Đơn vị" page needs beyond the organisation services.

- :func:`nodes_by_id` — a few organisations as tree rows (:class:`~desktop.services.dto.OrgNode`)
  as they stood on a day, so the page refreshes the rows an edit touched instead of the tree;
- :func:`org_path` — the chain of ancestors of an organisation on a day (root first), so the
  page can open the tree down to it and select it.

Pure reads: no Qt, one read transaction each.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select

from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.organisations import AsOf, org_nodes
from desktop.store import models as m

__all__ = ["nodes_by_id", "org_path"]

_MAX_DEPTH = 64  # a guard: the services refuse cycles, but a damaged file must not hang the UI


def nodes_by_id(db: Database, ids: Iterable[int], as_of: date | None = None) -> dict[int, OrgNode]:
    """The organisations among ``ids`` alive on ``as_of`` (today), with that day's names,
    parents, child counts and latest denominators; ended or unknown ids are left out."""
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    day = as_of or date.today()
    org = m.Organisation
    with db.read() as s:
        nodes = org_nodes(s, day, [org.id.in_(wanted)], order=(org.id,))
    return {n.id: n for n in nodes}


def org_path(db: Database, org_id: int, as_of: date | None = None) -> list[int]:
    """``[root, …, parent, org_id]`` following the parents of ``as_of`` (today)."""
    day = as_of or date.today()
    org = m.Organisation
    path = [org_id]
    with db.read() as s:
        current: int | None = org_id
        for _ in range(_MAX_DEPTH):
            asof = AsOf(day)
            parent = s.execute(
                select(asof.parent_id).select_from(org)
                .outerjoin(asof.history, asof.onclause).where(org.id == current)
            ).scalar()
            if parent is None or parent in path:
                break
            path.append(parent)
            current = parent
    path.reverse()
    return path
