"""Moving organisations in the tree and merging them, with their whole subtrees.

A move on ``on`` keeps the old parent in ``org_history`` until ``on - 1`` and re-parents the
organisation; its descendants keep their parents but their ``depth`` and ``top_id`` change.
Those two columns are derived data, so they are rewritten for the whole subtree in one
recursive-CTE ``UPDATE … FROM`` (the same statement on SQLite and PostgreSQL) that touches
only rows whose values change, recorded as one bulk audit row naming the moved roots and the
number of rows. Descendants keep their ``version``: a clerk editing a party cell of a moved
commune is not told it "changed", since nothing they can edit did.

A merge ends each source on ``on - 1`` pointing at the target (``merged_into_id``), moves the
sources' living children under the target (history kept), and adds the target to the
"Nơi nhận" groups the sources were in. The sources stay members of their groups, so a group
listed on an earlier date, and statistics of earlier documents, still include them.

Denominators are not summed by default: after a merge the organisation board re-counts
members and usually merges or dissolves party cells in the same decision, so the plain sum
overstates the new body and would silently feed percentages in reports. The sources' own
figures stay valid for earlier dates. ``sum_denominators=True`` adds a row dated ``on`` with
the sum of the latest figures (target and sources, as of ``on - 1``), marked as such in its
note, for offices that want a provisional figure until the official count arrives.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from sqlalchemy import Integer, case, cast, or_, select, text, update
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.errors import ValidationError
from desktop.services.database import Database
from desktop.services.org_common import (
    ONE_DAY,
    ancestor_ids,
    check_change_date,
    check_version,
    load_org,
    next_sort_order,
    quoted,
    record_state,
    refuse_sibling_name,
    require_active,
    tree_edit,
)
from desktop.services.org_detail import organisation_detail
from desktop.services.org_editing import refuse_ending
from desktop.services.org_types import REASON_MOVE, OrgDetail
from desktop.store import models as m


def move_organisation(
    db: Database, org_id: int, new_parent_id: int | None, on: date, expected_version: int
) -> OrgDetail:
    """Place ``org_id`` (with its subtree) under ``new_parent_id`` (None: a root) from ``on``."""
    with tree_edit(db) as s:
        org = load_org(s, org_id)
        check_version(org, expected_version, f"Đơn vị {quoted(org)}")
        if new_parent_id == org.parent_id:
            raise ValidationError(
                f"Đơn vị {quoted(org)} đã trực thuộc đơn vị này rồi. Hãy chọn đơn vị cấp trên "
                "khác.",
                "new_parent_id",
            )
        parent = None
        if new_parent_id is not None:
            parent = s.get(m.Organisation, new_parent_id)
            if parent is None:
                raise ValidationError(
                    f"Không có đơn vị cấp trên mã số #{new_parent_id} (có thể vừa bị xóa). "
                    "Hãy chọn lại.",
                    "new_parent_id",
                )
            refuse_cycle(s, org, parent)
            require_active(parent, on, "new_parent_id", "Đơn vị cấp trên mới")
        check_change_date(s, org, on)
        refuse_sibling_name(s, org.name, new_parent_id, on, own_id=org.id)
        place(s, org, parent, on)
        refresh_subtrees(s, db, [org.id])
    return organisation_detail(db, org_id, max(on, date.today()))


def refuse_cycle(s: Session, org: m.Organisation, parent: m.Organisation) -> None:
    if parent.id == org.id:
        raise ValidationError(
            f"Đơn vị {quoted(org)} không thể trực thuộc chính nó. Hãy chọn đơn vị cấp trên khác.",
            "new_parent_id",
        )
    if org.id in ancestor_ids(s, parent.id):
        raise ValidationError(
            f"Không thể chuyển {quoted(org)} vào {quoted(parent)}: {quoted(parent)} là đơn vị "
            f"cấp dưới của {quoted(org)}, chuyển như vậy sẽ tạo thành vòng lặp. Hãy chọn một "
            f"đơn vị cấp trên không nằm trong {quoted(org)}, hoặc chuyển {quoted(parent)} ra "
            "ngoài trước.",
            "new_parent_id",
        )


def place(s: Session, org: m.Organisation, parent: m.Organisation | None, on: date,
          order: int | None = None) -> None:
    """Re-parent one organisation from ``on`` (history kept), last among its new siblings
    unless ``order`` is given; its subtree is refreshed by :func:`refresh_subtrees` after."""
    new_parent_id = parent.id if parent is not None else None
    if order is None:
        order = next_sort_order(s, new_parent_id)
    record_state(s, org, on, REASON_MOVE)
    org.parent_id = new_parent_id
    org.depth = parent.depth + 1 if parent is not None else 0
    if parent is None:
        org.top_id = None
    else:
        org.top_id = org.id if org.depth == 1 else parent.top_id
    org.sort_order = order


def refresh_subtrees(s: Session, db: Database, root_ids: list[int]) -> int:
    """Recompute ``depth`` and ``top_id`` below ``root_ids`` (whose own values are right) in
    one statement; returns the number of rows changed."""
    if not root_ids:
        return 0
    s.flush()
    o = m.Organisation.__table__
    sub = (
        select(o.c.id, o.c.depth, o.c.top_id.label("top"))
        .where(o.c.id.in_(root_ids))
        .cte("subtree", recursive=True)
    )
    c = o.alias("c")
    sub = sub.union_all(
        select(c.c.id, cast(sub.c.depth + 1, Integer),
               case((sub.c.depth == 0, c.c.id), else_=sub.c.top))
        .where(c.c.parent_id == sub.c.id)
    )
    stmt = (
        update(o)
        .where(o.c.id == sub.c.id, o.c.id.not_in(root_ids),
               or_(o.c.depth != sub.c.depth, o.c.top_id.is_distinct_from(sub.c.top)))
        .values(depth=sub.c.depth, top_id=sub.c.top, updated_at=m.utcnow())
    )
    changed = int(s.execute(stmt).rowcount)  # type: ignore[attr-defined]
    if changed < 0:  # Python's sqlite3 reports -1 for a statement that starts with WITH
        changed = int(s.scalar(text("SELECT changes()")) or 0)
    if changed:
        db.audit_bulk(
            s, m.Organisation.__tablename__,
            f"Cập nhật cấp và đơn vị trực thuộc cấp tỉnh của {changed} đơn vị cấp dưới sau khi "
            "chuyển đơn vị",
            after={"roots": root_ids, "rows": changed},
        )
    return changed


def merge_organisations(
    db: Database, source_ids: Iterable[int], target_id: int, on: date,
    expected_versions: Mapping[int, int], *, sum_denominators: bool = False,
) -> OrgDetail:
    """Merge ``source_ids`` into ``target_id`` from ``on`` (see the module docstring).

    ``expected_versions`` maps each source id (and, optionally, the target's) to the version
    the clerk saw. Refused: merging into itself, into an organisation not alive on ``on``,
    into a descendant of a source, or an organisation already ended.
    """
    ids = list(dict.fromkeys(source_ids))
    if not ids:
        raise ValidationError("Chưa chọn đơn vị nào để hợp nhất.", "source_ids")
    missing = [i for i in ids if i not in expected_versions]
    if missing:
        raise ValueError(f"expected_versions lacks the sources {missing}")
    with tree_edit(db) as s:
        target = load_org(s, target_id)
        if target_id in ids:
            raise ValidationError(
                f"Không thể hợp nhất {quoted(target)} vào chính nó. Hãy bỏ nó khỏi danh sách "
                "đơn vị bị hợp nhất hoặc chọn đơn vị tiếp nhận khác.",
                "target_id",
            )
        check_version(target, expected_versions.get(target_id), f"Đơn vị {quoted(target)}")
        require_active(target, on, "target_id", "Đơn vị tiếp nhận")
        above_target = set(ancestor_ids(s, target_id))
        sources = []
        for sid in ids:
            src = load_org(s, sid)
            check_version(src, expected_versions[sid], f"Đơn vị {quoted(src)}")
            if sid in above_target:
                raise ValidationError(
                    f"{quoted(target)} là đơn vị cấp dưới của {quoted(src)}, nên không thể "
                    f"hợp nhất {quoted(src)} vào nó. Hãy chọn đơn vị tiếp nhận khác, hoặc "
                    f"chuyển {quoted(target)} ra ngoài {quoted(src)} trước.",
                    "target_id",
                )
            refuse_ending(s, src, on)
            sources.append(src)
        if sum_denominators:
            _add_summed_denominators(s, target, sources, on)
        moved: list[int] = []
        order = next_sort_order(s, target.id)  # no autoflush: count the moved ones here
        groups = _group_ids(s, target.id)
        for src in sources:
            o = m.Organisation
            kids = s.scalars(
                select(o).where(o.parent_id == src.id, o.id.not_in(ids),
                                or_(o.valid_to.is_(None), o.valid_to >= on))
                .order_by(o.sort_order, o.id)
            ).all()
            for kid in kids:
                place(s, kid, target, on, order)
                order += 1
                moved.append(kid.id)
            src.valid_to = on - ONE_DAY
            src.merged_into_id = target.id
            _join_groups_of(s, src, target, groups)
        refresh_subtrees(s, db, moved)
    return organisation_detail(db, target_id, max(on, date.today()))


def _group_ids(s: Session, org_id: int) -> set[int]:
    gm = m.OrgGroupMember
    return set(s.scalars(select(gm.group_id).where(gm.organisation_id == org_id)))


def _join_groups_of(s: Session, source: m.Organisation, target: m.Organisation,
                    have: set[int]) -> None:
    """Add ``target`` to the groups of ``source`` it is not in (``have``, kept up to date)."""
    for group_id in sorted(_group_ids(s, source.id)):
        if group_id not in have:
            s.add(m.OrgGroupMember(group_id=group_id, organisation_id=target.id))
            group = s.get(m.OrgGroup, group_id)
            if group is not None:
                group.updated_at = m.utcnow()  # a new version: open member lists are stale
            have.add(group_id)


def _add_summed_denominators(
    s: Session, target: m.Organisation, sources: list[m.Organisation], on: date
) -> None:
    d = m.OrgDenominator
    if s.scalar(select(d.id).where(d.organisation_id == target.id, d.as_of == on)) is not None:
        raise ValidationError(
            f"{quoted(target)} đã có số chi bộ, đảng viên ghi ngày {format_date(on)}. Hãy hợp "
            "nhất mà không cộng số liệu, hoặc xóa dòng số liệu đó trước.",
            "sum_denominators",
        )
    cells: int | None = None
    members: int | None = None
    for org in (target, *sources):
        row = s.execute(
            select(d.party_cells, d.party_members)
            .where(d.organisation_id == org.id, d.as_of <= on - ONE_DAY)
            .order_by(d.as_of.desc()).limit(1)
        ).first()
        if row is None:
            continue
        if row.party_cells is not None:
            cells = (cells or 0) + row.party_cells
        if row.party_members is not None:
            members = (members or 0) + row.party_members
    if cells is None and members is None:
        return
    names = ", ".join(o.name for o in (target, *sources))
    s.add(d(organisation_id=target.id, as_of=on, party_cells=cells, party_members=members,
            note=f"Tạm tính khi hợp nhất: cộng số liệu gần nhất của {names}."))
