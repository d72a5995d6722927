"""The "Nơi nhận" groups ("Các đảng bộ trực thuộc Tỉnh ủy"…) and their member organisations.

Membership rows carry no dates: a group on a date is its members alive on that date
(:func:`group_members`). So memberships of organisations that have ended are kept, and
:func:`set_group_members`, which replaces the list a clerk sees (the living members), leaves
them alone; a merge adds the successor (:mod:`desktop.services.org_moves`). Every change of
the member list gives the group a new ``version``, so two clerks editing the same list
cannot silently overwrite each other (pass ``expected_version``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.text import canonical_name, clean_line, clean_text, vi_sorted
from desktop.services.database import Database
from desktop.services.dto import OrgNode
from desktop.services.org_common import check_version, limit_length
from desktop.services.org_types import GroupDTO
from desktop.services.organisations import active_on, org_nodes
from desktop.store import models as m


def _load(s: Session, group_id: int) -> m.OrgGroup:
    group = s.get(m.OrgGroup, group_id)
    if group is None:
        raise NotFoundError(
            f"Không có nhóm nơi nhận mã số #{group_id} (có thể vừa bị xóa). Hãy tải lại."
        )
    return group


def _dto(s: Session, group: m.OrgGroup, day: date) -> GroupDTO:
    gm, o = m.OrgGroupMember, m.Organisation
    total = s.scalar(select(func.count()).select_from(gm).where(gm.group_id == group.id)) or 0
    alive = s.scalar(
        select(func.count()).select_from(gm).join(o, o.id == gm.organisation_id)
        .where(gm.group_id == group.id, active_on(day))
    ) or 0
    return GroupDTO(id=group.id, name=group.name, short_name=group.short_name,
                    sort_order=group.sort_order, note=group.note, version=group.version,
                    members=int(total), active_members=int(alive))


def list_groups(db: Database, as_of: date | None = None) -> list[GroupDTO]:
    """Every group in display order, with its member counts (alive on ``as_of``/today)."""
    day = as_of or date.today()
    g = m.OrgGroup
    with db.read() as s:
        return [_dto(s, grp, day) for grp in s.scalars(select(g).order_by(g.sort_order, g.id))]


def _clean_name(s: Session, name: str | None, own_id: int | None = None) -> str:
    cleaned = clean_line(name)
    if not cleaned:
        raise ValidationError("Chưa nhập tên nhóm. Hãy nhập tên nhóm rồi lưu lại.", "name")
    limit_length(cleaned, "name", "tên nhóm", 300)
    key = canonical_name(cleaned)
    for gid, other in s.execute(select(m.OrgGroup.id, m.OrgGroup.name)):
        if gid != own_id and canonical_name(other) == key:
            raise ValidationError(
                f"Đã có nhóm «{other}». Hãy đặt tên khác hoặc dùng nhóm đã có.", "name"
            )
    return cleaned


def create_group(db: Database, name: str, short_name: str = "", note: str = "") -> GroupDTO:
    """A new, empty group placed after the others."""
    with db.transaction() as s:
        cleaned = _clean_name(s, name)
        last = s.scalar(select(func.max(m.OrgGroup.sort_order))) or 0
        group = m.OrgGroup(
            name=cleaned, sort_order=int(last) + 1, note=clean_text(note),
            short_name=limit_length(clean_line(short_name), "short_name", "tên ngắn", 120),
        )
        s.add(group)
        s.flush()
        return _dto(s, group, date.today())


def rename_group(
    db: Database, group_id: int, name: str, expected_version: int,
    short_name: str | None = None, note: str | None = None,
) -> GroupDTO:
    """Rename a group (``short_name``/``note`` None: unchanged)."""
    with db.transaction() as s:
        group = _load(s, group_id)
        check_version(group, expected_version, f"Nhóm «{group.name}»")
        group.name = _clean_name(s, name, own_id=group.id)
        if short_name is not None:
            group.short_name = limit_length(clean_line(short_name), "short_name", "tên ngắn", 120)
        if note is not None:
            group.note = clean_text(note)
        s.flush()
        return _dto(s, group, date.today())


def delete_group(db: Database, group_id: int, expected_version: int) -> None:
    """Delete a group and its memberships; refused while a document's "Nơi nhận" uses it."""
    with db.transaction() as s:
        group = _load(s, group_id)
        check_version(group, expected_version, f"Nhóm «{group.name}»")
        line, doc = m.DocumentRecipientLine, m.Document
        used = s.execute(
            select(doc.number, doc.symbol).join(line, line.document_id == doc.id)
            .where(line.group_id == group_id).distinct().order_by(doc.number, doc.symbol)
        ).all()
        if used:
            refs = ", ".join(f"{n}-{sym}" if n else sym for n, sym in used[:5])
            more = ", …" if len(used) > 5 else ""
            raise ValidationError(
                f"Nhóm «{group.name}» đang có trong phần Nơi nhận của {len(used)} văn bản "
                f"({refs}{more}), nên không xóa được. Hãy bỏ nhóm khỏi Nơi nhận của các văn "
                "bản đó trước, hoặc đổi tên nhóm thay vì xóa.",
                "group_id",
            )
        gm = m.OrgGroupMember
        for member in s.scalars(select(gm).where(gm.group_id == group_id)).all():
            s.delete(member)  # one by one: each removal gets its audit row
        s.flush()  # before the group, whose ON DELETE CASCADE would otherwise take them
        s.delete(group)


def _members(s: Session, group_id: int) -> set[int]:
    gm = m.OrgGroupMember
    return set(s.scalars(select(gm.organisation_id).where(gm.group_id == group_id)))


def _alive_orgs(s: Session, org_ids: set[int], day: date) -> None:
    """Refuse ids that do not exist or are not alive on ``day``."""
    o = m.Organisation
    if not org_ids:
        return
    found = {oid: (name, alive) for oid, name, alive in s.execute(
        select(o.id, o.name, active_on(day)).where(o.id.in_(org_ids))
    )}
    missing = sorted(org_ids - found.keys())
    if missing:
        raise ValidationError(
            f"Không có đơn vị mã số {', '.join(f'#{i}' for i in missing)} (có thể vừa bị xóa). "
            "Hãy tải lại danh sách đơn vị.",
            "org_ids",
        )
    ended = [name for name, alive in found.values() if not alive]
    if ended:
        raise ValidationError(
            f"Không thêm được đơn vị đã kết thúc hoạt động vào nhóm: "
            f"{', '.join(f'«{n}»' for n in ended[:5])}. Hãy chọn đơn vị đang hoạt động.",
            "org_ids",
        )


def _change(
    db: Database, group_id: int, expected_version: int | None,
    add: set[int] | None = None, remove: set[int] | None = None,
    keep_only: set[int] | None = None,
) -> GroupDTO:
    today = date.today()
    with db.transaction() as s:
        group = _load(s, group_id)
        check_version(group, expected_version, f"Nhóm «{group.name}»")
        have = _members(s, group_id)
        add = set(add or ())
        remove = set(remove or ())
        if keep_only is not None:
            o = m.Organisation
            alive_now = set(s.scalars(
                select(o.id).where(o.id.in_(have), active_on(today))
            )) if have else set()
            remove |= alive_now - keep_only  # ended members stay: they belong to the past
            add |= keep_only
        add -= have
        remove &= have
        _alive_orgs(s, add, today)
        gm = m.OrgGroupMember
        for oid in sorted(add):
            s.add(gm(group_id=group_id, organisation_id=oid))
        for member in s.scalars(
            select(gm).where(gm.group_id == group_id, gm.organisation_id.in_(remove))
        ).all() if remove else []:
            s.delete(member)
        if add or remove:
            group.updated_at = m.utcnow()  # new version: open member lists are now stale
        s.flush()
        return _dto(s, group, today)


def set_group_members(
    db: Database, group_id: int, org_ids: Iterable[int], expected_version: int | None = None
) -> GroupDTO:
    """Make the group's living members exactly ``org_ids`` (ended members are kept)."""
    return _change(db, group_id, expected_version, keep_only=set(org_ids))


def add_members(
    db: Database, group_id: int, org_ids: Iterable[int], expected_version: int | None = None
) -> GroupDTO:
    """Add organisations (alive today) to the group; those already in it are skipped."""
    return _change(db, group_id, expected_version, add=set(org_ids))


def remove_members(
    db: Database, group_id: int, org_ids: Iterable[int], expected_version: int | None = None
) -> GroupDTO:
    """Remove organisations from the group (ended ones too, when named)."""
    return _change(db, group_id, expected_version, remove=set(org_ids))


def group_members(db: Database, group_id: int, as_of: date | None = None) -> list[OrgNode]:
    """Members alive on ``as_of`` (today), with that day's names, in Vietnamese order."""
    day = as_of or date.today()
    gm, o = m.OrgGroupMember, m.Organisation
    with db.read() as s:
        _load(s, group_id)
        ids = select(gm.organisation_id).where(gm.group_id == group_id)
        nodes = org_nodes(s, day, [o.id.in_(ids)], order=(o.id,))
    return vi_sorted(nodes, key=lambda n: n.name)


def reorder_groups(db: Database, group_ids: Iterable[int]) -> list[GroupDTO]:
    """Put the groups in the order given (every group exactly once)."""
    order = list(group_ids)
    with db.transaction() as s:
        g = m.OrgGroup
        groups = {grp.id: grp for grp in s.scalars(select(g))}
        if sorted(order) != sorted(groups):
            raise ValidationError(
                "Danh sách sắp xếp phải có đủ mỗi nhóm đúng một lần. Hãy tải lại danh sách "
                "nhóm rồi sắp xếp lại.",
                "group_ids",
            )
        for position, gid in enumerate(order, 1):
            groups[gid].sort_order = position
        s.flush()
        today = date.today()
        return [_dto(s, groups[gid], today) for gid in order]
