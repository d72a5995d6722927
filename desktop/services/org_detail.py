"""One organisation as it stood on a date: the detail pane and what every edit returns.

Name, short name, kind and parent come from the ``org_history`` row covering the day when
there is one; the parent's, successor's and predecessor's names are also those of the day.
The denominators are the latest dated on or before the day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError
from desktop.services.database import Database
from desktop.services.org_types import GroupRef, OrgDetail, OrgHistoryEntry
from desktop.services.organisations import active_on, kind_names, moved_on, names_on
from desktop.store import models as m


def organisation_detail(db: Database, org_id: int, as_of: date | None = None) -> OrgDetail:
    """The organisation ``org_id`` as it stood on ``as_of`` (today)."""
    day = as_of or date.today()
    with db.read() as s:
        org = s.get(m.Organisation, org_id)
        if org is None:
            raise NotFoundError(
                f"Không có đơn vị mã số #{org_id} (có thể vừa bị xóa). Hãy tải lại danh sách."
            )
        h = m.OrgHistory
        history = list(s.scalars(
            select(h).where(h.organisation_id == org_id).order_by(h.valid_to)
        ))
        then = next((r for r in history
                     if (r.valid_from is None or r.valid_from <= day) and r.valid_to >= day),
                    None)
        name, short = (then.name, then.short_name) if then else (org.name, org.short_name)
        parent_id, kind_id = (then.parent_id, then.kind_id) if then else (org.parent_id,
                                                                         org.kind_id)
        kinds = kind_names(s)
        names = names_on(s, {parent_id, org.merged_into_id, org.renamed_from_id}, day)
        entries = [
            OrgHistoryEntry(
                valid_from=r.valid_from, valid_to=r.valid_to, name=r.name,
                short_name=r.short_name, parent_id=r.parent_id,
                parent_name=names_on(s, {r.parent_id}, r.valid_to)[r.parent_id],
                kind=kinds.get(r.kind_id, ""), reason=r.reason,
            )
            for r in history
        ]
        d = m.OrgDenominator
        den = s.execute(
            select(d.as_of, d.party_cells, d.party_members)
            .where(d.organisation_id == org_id, d.as_of <= day)
            .order_by(d.as_of.desc()).limit(1)
        ).first()
        g, gm = m.OrgGroup, m.OrgGroupMember
        groups = [GroupRef(gid, gname) for gid, gname in s.execute(
            select(g.id, g.name).join(gm, gm.group_id == g.id)
            .where(gm.organisation_id == org_id).order_by(g.sort_order, g.id)
        )]
        o = m.Organisation
        merged_from = [GroupRef(oid, oname) for oid, oname in s.execute(
            select(o.id, o.name).where(o.merged_into_id == org_id).order_by(o.valid_to, o.id)
        )]
        child_count = _child_count(s, org_id, day)
        return OrgDetail(
            id=org.id, as_of=day, name=name, short_name=short, current_name=org.name,
            code=org.code, kind_id=kind_id, kind=kinds.get(kind_id, ""), parent_id=parent_id,
            parent_name=names[parent_id], depth=org.depth, top_id=org.top_id,
            sort_order=org.sort_order, valid_from=org.valid_from, valid_to=org.valid_to,
            active=(org.valid_from is None or org.valid_from <= day)
            and (org.valid_to is None or org.valid_to >= day),
            merged_into_id=org.merged_into_id, merged_into_name=names[org.merged_into_id],
            renamed_from_id=org.renamed_from_id, renamed_from_name=names[org.renamed_from_id],
            note=org.note, version=org.version,
            party_cells=den.party_cells if den else None,
            party_members=den.party_members if den else None,
            denominators_as_of=den.as_of if den else None,
            child_count=child_count, groups=groups, history=entries, merged_from=merged_from,
        )


def _child_count(s: Session, org_id: int, day: date) -> int:
    o = m.Organisation
    current = int(s.scalar(
        select(func.count()).select_from(o).where(o.parent_id == org_id, active_on(day))
    ) or 0)
    for then, now in moved_on(s, day).values():
        current += (then == org_id) - (now == org_id)
    return current

