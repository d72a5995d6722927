"""The "Nơi nhận" groups and their members, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services.database import Database
from desktop.services.integrity import check
from desktop.services.org_editing import (
    create_organisation,
    dissolve_organisation,
    rename_organisation,
)
from desktop.services.org_groups import (
    add_members,
    create_group,
    delete_group,
    group_members,
    list_groups,
    remove_members,
    rename_group,
    reorder_groups,
    set_group_members,
)
from desktop.services.org_types import OrgDetail, OrgInput
from desktop.store import models as m


def orgs(db: Database) -> dict[str, OrgDetail]:
    root = create_organisation(db, OrgInput(name="Tỉnh ủy Thử", kind="tinh_uy"))
    out = {"root": root}
    for key, name in (("uy", "Đảng bộ xã Ứng Hòa"), ("an", "Đảng bộ xã An Bình"),
                      ("ba", "Đảng bộ xã Bà Điểm"), ("dd", "Đảng bộ phường Đông Đô"),
                      ("da", "Đảng bộ phường Đa Kao")):
        out[key] = create_organisation(db, OrgInput(name=name, parent_id=root.id))
    return out


def audit(db: Database, entity: str) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return [(r.action, r.entity_id) for r in s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.entity == entity).order_by(m.AuditEntry.id))]


def test_create_list_rename_reorder(db: Database) -> None:
    first = create_group(db, " Các đảng bộ  trực thuộc ", short_name="ĐB trực thuộc")
    second = create_group(db, "Các ban, sở, ngành")
    assert (first.name, first.short_name, first.sort_order, first.members) == (
        "Các đảng bộ trực thuộc", "ĐB trực thuộc", 1, 0)
    assert second.sort_order == 2
    with pytest.raises(ValidationError, match="Đã có nhóm «Các ban, sở, ngành»") as info:
        create_group(db, "các ban, sở, ngành")
    assert info.value.field == "name"
    with pytest.raises(ValidationError, match="Chưa nhập tên nhóm"):
        create_group(db, "  ")
    renamed = rename_group(db, second.id, "Các ban, sở, ngành tỉnh", second.version,
                           note="Dùng cho văn bản của Tỉnh ủy")
    assert (renamed.name, renamed.short_name, renamed.note, renamed.version) == (
        "Các ban, sở, ngành tỉnh", "", "Dùng cho văn bản của Tỉnh ủy", 2)
    with pytest.raises(ConflictError):
        rename_group(db, second.id, "Tên khác", second.version)
    with pytest.raises(ValidationError, match="Đã có nhóm"):
        rename_group(db, second.id, "Các Đảng bộ trực thuộc", renamed.version)
    # Hòa and Hoà are one name
    hoa = create_group(db, "Nhóm Ứng Hòa")
    with pytest.raises(ValidationError):
        create_group(db, "Nhóm Ứng Hoà")
    got = reorder_groups(db, [hoa.id, second.id, first.id])
    assert [(g.id, g.sort_order) for g in got] == [(hoa.id, 1), (second.id, 2), (first.id, 3)]
    assert [g.id for g in list_groups(db)] == [hoa.id, second.id, first.id]
    with pytest.raises(ValidationError, match="đủ mỗi nhóm đúng một lần"):
        reorder_groups(db, [hoa.id, first.id])
    with pytest.raises(NotFoundError):
        rename_group(db, 99_999, "x", 1)


def test_members_in_vietnamese_order_with_counts(db: Database) -> None:
    o = orgs(db)
    group = create_group(db, "Các đảng bộ xã, phường")
    got = add_members(db, group.id, [o["uy"].id, o["an"].id, o["ba"].id, o["dd"].id],
                      expected_version=group.version)
    assert (got.members, got.active_members, got.version) == (4, 4, 2)
    names = [n.name for n in group_members(db, group.id)]
    assert names == ["Đảng bộ phường Đông Đô", "Đảng bộ xã An Bình", "Đảng bộ xã Bà Điểm",
                     "Đảng bộ xã Ứng Hòa"]
    again = add_members(db, group.id, [o["an"].id], expected_version=got.version)
    assert again.version == got.version  # nothing new: no new version
    with pytest.raises(ConflictError):
        add_members(db, group.id, [o["da"].id], expected_version=1)
    removed = remove_members(db, group.id, [o["ba"].id, o["da"].id])
    assert removed.members == 3
    assert audit(db, "org_group_members") == [("create", None)] * 4 + [("delete", None)]
    with pytest.raises(ValidationError, match="Không có đơn vị mã số #99999"):
        add_members(db, group.id, [99_999])


def test_set_members_keeps_ended_ones_and_past_lists_use_past_names(db: Database) -> None:
    o = orgs(db)
    group = create_group(db, "Các đảng bộ xã")
    set_group_members(db, group.id, [o["an"].id, o["ba"].id, o["uy"].id])
    dissolve_organisation(db, o["ba"].id, date(2026, 1, 1), 1)
    rename_organisation(db, o["an"].id, "Đảng bộ xã Tân An Bình", date(2026, 1, 1), 1)
    other = create_group(db, "Nhóm khác")
    with pytest.raises(ValidationError, match="hoạt động vào nhóm: «Đảng bộ xã Bà Điểm»"):
        add_members(db, other.id, [o["ba"].id])
    # the clerk sees the living members and replaces them: the ended one stays for the past
    got = set_group_members(db, group.id, [o["an"].id, o["dd"].id])
    assert (got.members, got.active_members) == (3, 2)
    assert [n.name for n in group_members(db, group.id)] == [
        "Đảng bộ phường Đông Đô", "Đảng bộ xã Tân An Bình"]
    assert [n.name for n in group_members(db, group.id, date(2025, 12, 31))] == [
        "Đảng bộ phường Đông Đô", "Đảng bộ xã An Bình", "Đảng bộ xã Bà Điểm"]
    counts = {g.id: (g.members, g.active_members)
              for g in list_groups(db, as_of=date(2025, 12, 31))}
    assert counts[group.id] == (3, 3)
    assert not [r for r in check(db) if not r.ok]


def test_delete_is_refused_while_a_document_uses_the_group(db: Database) -> None:
    o = orgs(db)
    group = create_group(db, "Các đảng bộ trực thuộc")
    group = add_members(db, group.id, [o["an"].id, o["ba"].id])
    with db.transaction() as s:
        type_id = s.scalar(select(m.DocumentType.id).where(m.DocumentType.code == "CT"))
        doc = m.Document(type_id=type_id, number="15", symbol="CT/TU",
                         issue_date=date(2026, 1, 5), excerpt="về mạng xã hội")
        s.add(doc)
        s.flush()
        s.add(m.DocumentRecipientLine(document_id=doc.id, position=1, group_id=group.id,
                                      text="- Các đảng bộ trực thuộc,"))
    with pytest.raises(ValidationError) as info:
        delete_group(db, group.id, group.version)
    assert "Nơi nhận của 1 văn bản (15-CT/TU)" in info.value.message
    assert "bỏ nhóm khỏi Nơi nhận" in info.value.message
    with pytest.raises(ConflictError):
        delete_group(db, group.id, 1)
    with db.transaction() as s:
        for line in s.scalars(select(m.DocumentRecipientLine)):
            s.delete(line)
    delete_group(db, group.id, group.version)
    assert list_groups(db) == []
    # each removed membership and the group itself are audited
    assert [a for a, _ in audit(db, "org_group_members")] == ["create"] * 2 + ["delete"] * 2
    assert audit(db, "org_groups")[-1] == ("delete", group.id)
