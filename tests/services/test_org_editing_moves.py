"""Moving and merging organisations with their subtrees, on SQLite and PostgreSQL.

After every operation ``depth`` and ``top_id`` of the whole table are compared with a Python
recomputation from the parent links, and ``theodoi-cli check`` must pass.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError, ValidationError
from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.integrity import check
from desktop.services.org_detail import organisation_detail
from desktop.services.org_editing import create_organisation, rename_organisation
from desktop.services.org_groups import add_members, create_group, group_members
from desktop.services.org_moves import merge_organisations, move_organisation
from desktop.services.org_types import OrgDetail, OrgInput
from desktop.store import models as m

REORG = date(2025, 7, 1)
ON = date(2026, 3, 1)
BEFORE = date(2026, 2, 28)


def assert_consistent(db: Database) -> None:
    """depth/top_id of every row equal a recomputation from parent_id; the check passes."""
    with db.read() as s:
        rows = {i: (p, d, t) for i, p, d, t in s.execute(select(
            m.Organisation.id, m.Organisation.parent_id, m.Organisation.depth,
            m.Organisation.top_id))}
    memo: dict[int, tuple[int, int | None]] = {}

    def expected(i: int) -> tuple[int, int | None]:
        if i not in memo:
            parent = rows[i][0]
            if parent is None:
                memo[i] = (0, None)
            else:
                pdepth, ptop = expected(parent)
                memo[i] = (pdepth + 1, i if pdepth == 0 else ptop)
        return memo[i]

    wrong = {i: (d, t, expected(i)) for i, (_p, d, t) in rows.items() if (d, t) != expected(i)}
    assert not wrong
    bad = [r for r in check(db) if not r.ok]
    assert not bad, bad


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with db.read() as s:
        for model in (m.Organisation, m.OrgHistory, m.OrgDenominator, m.OrgGroupMember,
                      m.AuditEntry):
            cols = [c for c in model.__table__.columns
                    if c.name not in ("created_at", "updated_at", "at")]
            out[model.__tablename__] = [tuple(r) for r in s.execute(select(*cols)
                                                                    .order_by(*cols))]
    return out


def audit_since(db: Database, after: int) -> list[m.AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(m.AuditEntry).where(m.AuditEntry.id > after)
                              .order_by(m.AuditEntry.id)))


def last_audit(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)


def tree(db: Database, root_name: str = "Tỉnh ủy Thử") -> dict[str, OrgDetail]:
    """root → communes a, b, c; a → cells a1, a2 and committee ac → unit ac1 → cell ac1x."""
    t: dict[str, OrgDetail] = {}
    t["root"] = create_organisation(db, OrgInput(name=root_name, kind="tinh_uy"))

    def add(key: str, name: str, parent: str, **kw: Any) -> None:
        t[key] = create_organisation(db, OrgInput(name=name, parent_id=t[parent].id, **kw))

    for key, place in (("a", "An Bình"), ("b", "Bình Minh"), ("c", "Cẩm Thạch")):
        add(key, f"Đảng bộ xã {place}", "root", valid_from=REORG, kind="dang_bo_xa")
    add("a1", "Chi bộ thôn 1", "a")
    add("a2", "Chi bộ thôn 2", "a")
    add("ac", "Đảng bộ Trường Trung học An Bình", "a")
    add("ac1", "Chi bộ Tổ Toán", "ac")
    add("ac1x", "Tổ đảng Toán 1", "ac1")
    add("b1", "Chi bộ thôn 1", "b")
    add("b2", "Chi bộ thôn Bắc", "b")
    return t


# ------------------------------------------------------------------------------ move


def test_move_updates_the_subtree_and_keeps_the_old_place(db: Database) -> None:
    t = tree(db)
    before = last_audit(db)
    got = move_organisation(db, t["ac"].id, t["b"].id, ON, 1)
    assert (got.parent_id, got.parent_name, got.depth, got.top_id) == (
        t["b"].id, "Đảng bộ xã Bình Minh", 2, t["b"].id)
    assert got.sort_order == 3  # after b1 and b2
    [entry] = got.history
    assert (entry.parent_id, entry.valid_to, entry.reason) == (t["a"].id, BEFORE, "move")
    assert organisation_detail(db, t["ac1x"].id).top_id == t["b"].id
    assert_consistent(db)
    rows = audit_since(db, before)
    assert sorted((r.action, r.entity) for r in rows) == [
        ("bulk", "organisations"), ("create", "org_history"), ("update", "organisations")]
    bulk = next(r for r in rows if r.action == "bulk")
    assert json.loads(bulk.after) == {"roots": [t["ac"].id], "rows": 2}
    # the descendants keep their version (nothing a clerk edits changed)
    assert organisation_detail(db, t["ac1"].id).version == 1
    # as of the day before, it was still under a
    assert organisation_detail(db, t["ac"].id, BEFORE).parent_id == t["a"].id
    assert [n.id for n in organisations.children(db, t["a"].id, BEFORE)] == [
        t["a1"].id, t["a2"].id, t["ac"].id]
    assert [n.id for n in organisations.children(db, t["a"].id, ON)] == [t["a1"].id, t["a2"].id]
    assert t["ac"].id in [n.id for n in organisations.children(db, t["b"].id, ON)]


def test_move_between_levels_changes_depth_and_top_of_every_descendant(db: Database) -> None:
    t = tree(db)
    # a whole commune under another commune: every descendant one level deeper, new top
    move_organisation(db, t["a"].id, t["c"].id, ON, 1)
    assert_consistent(db)
    assert organisation_detail(db, t["ac1x"].id).depth == 5
    # and back up to the root: top becomes itself again
    moved = organisation_detail(db, t["a"].id)
    got = move_organisation(db, t["a"].id, t["root"].id, date(2026, 4, 1), moved.version)
    assert (got.depth, got.top_id) == (1, t["a"].id)
    assert_consistent(db)
    # to no parent at all: a second root; its children become the top-level ones
    got = move_organisation(db, t["a"].id, None, date(2026, 5, 1), got.version)
    assert (got.depth, got.top_id, got.parent_name) == (0, None, "")
    assert organisation_detail(db, t["a1"].id).top_id == t["a1"].id
    assert_consistent(db)
    assert [h.reason for h in got.history] == ["move", "move", "move"]


def test_move_refuses_cycles_with_a_clear_message(db: Database) -> None:
    t = tree(db)
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        move_organisation(db, t["a"].id, t["ac1x"].id, ON, 1)
    assert info.value.field == "new_parent_id"
    assert "«Tổ đảng Toán 1» là đơn vị cấp dưới của «Đảng bộ xã An Bình»" in info.value.message
    assert "vòng lặp" in info.value.message
    with pytest.raises(ValidationError, match="không thể trực thuộc chính nó"):
        move_organisation(db, t["a"].id, t["a"].id, ON, 1)
    with pytest.raises(ValidationError, match="đã trực thuộc đơn vị này rồi"):
        move_organisation(db, t["a1"].id, t["a"].id, ON, 1)
    with pytest.raises(ValidationError, match="đã có một đơn vị đang hoạt động tên"):
        move_organisation(db, t["a1"].id, t["b"].id, ON, 1)  # b has its own "Chi bộ thôn 1"
    with pytest.raises(ValidationError, match="Không có đơn vị cấp trên"):
        move_organisation(db, t["a1"].id, 99_999, ON, 1)
    with pytest.raises(ValidationError, match="mới thành lập"):
        move_organisation(db, t["a2"].id, t["b"].id, date(2025, 6, 1), 1)
    with pytest.raises(ConflictError):
        move_organisation(db, t["a2"].id, t["b"].id, ON, 5)
    assert snapshot(db) == before


def test_same_day_rename_and_move_share_one_history_row(db: Database) -> None:
    t = tree(db)
    renamed = rename_organisation(db, t["a2"].id, "Chi bộ thôn Hai", ON, 1)
    got = move_organisation(db, t["a2"].id, t["c"].id, ON, renamed.version)
    [entry] = got.history
    assert (entry.name, entry.parent_id, entry.reason, entry.valid_to) == (
        "Chi bộ thôn 2", t["a"].id, "rename+move", BEFORE)
    then = organisation_detail(db, t["a2"].id, BEFORE)
    assert (then.name, then.parent_name) == ("Chi bộ thôn 2", "Đảng bộ xã An Bình")
    assert_consistent(db)


def test_moving_a_commune_of_the_demo_province(db: Database) -> None:
    create_demo(db, orgs=400, documents=0, today=date(2026, 11, 30))
    communes = organisations.children(db, 1)[:3]
    biggest = max(communes, key=lambda n: n.child_count)
    target = next(n for n in communes if n.id != biggest.id)
    cells = organisations.subtree_ids(db, biggest.id)
    moved = move_organisation(db, biggest.id, target.id, ON,
                              organisation_detail(db, biggest.id).version)
    assert moved.depth == 2 and moved.top_id == target.id
    assert_consistent(db)
    with db.read() as s:
        tops = set(s.scalars(select(m.Organisation.top_id).where(m.Organisation.id.in_(cells))))
    assert tops == {target.id}
    # the report of an earlier date still sees the commune directly under the province
    assert biggest.id in [n.id for n in organisations.children(db, 1, BEFORE)]
    assert organisations.subtree_ids(db, biggest.id, BEFORE) == cells


# ------------------------------------------------------------------------------ merge


def test_merge_moves_children_ends_sources_and_transfers_groups(db: Database) -> None:
    t = tree(db)
    group = create_group(db, "Các đảng bộ xã")
    add_members(db, group.id, [t["a"].id])
    other = create_group(db, "Các xã biên giới")
    add_members(db, other.id, [t["a"].id, t["c"].id])
    before = last_audit(db)
    got = merge_organisations(db, [t["a"].id], t["c"].id, ON, {t["a"].id: 1})
    assert got.id == t["c"].id and got.child_count == 3
    assert [(r.id, r.name) for r in got.merged_from] == [(t["a"].id, "Đảng bộ xã An Bình")]
    source = organisation_detail(db, t["a"].id)
    assert (source.valid_to, source.merged_into_id, source.merged_into_name, source.active) == (
        BEFORE, t["c"].id, "Đảng bộ xã Cẩm Thạch", False)
    # children under the target now, under the source before
    for key in ("a1", "a2", "ac"):
        assert organisation_detail(db, t[key].id).parent_id == t["c"].id
        assert organisation_detail(db, t[key].id, BEFORE).parent_id == t["a"].id
    assert [n.id for n in organisations.children(db, t["c"].id)] == [
        t["a1"].id, t["a2"].id, t["ac"].id]
    assert organisation_detail(db, t["ac1x"].id).top_id == t["c"].id
    # groups: the target joined the source's group; the source stays for earlier dates
    assert [g.name for g in got.groups] == ["Các đảng bộ xã", "Các xã biên giới"]
    assert [n.id for n in group_members(db, group.id)] == [t["c"].id]
    # memberships carry no dates: the target, alive before, shows on earlier dates too (a
    # successor founded on the merge day, the usual case in 2025, does not)
    assert [n.id for n in group_members(db, group.id, BEFORE)] == [t["a"].id, t["c"].id]
    assert [n.id for n in group_members(db, other.id, BEFORE)] == [t["a"].id, t["c"].id]
    assert_consistent(db)
    # one audit row per changed row (+ the bulk one for the grandchildren's depth/top)
    kinds = sorted((r.action, r.entity) for r in audit_since(db, before))
    assert kinds == sorted(
        [("update", "organisations")] * 4 + [("create", "org_history")] * 3
        + [("create", "org_group_members")] + [("bulk", "organisations")]
    )
    # the subtree of the day before is the source's
    assert t["ac1x"].id in organisations.subtree_ids(db, t["a"].id, BEFORE)
    assert organisations.subtree_ids(db, t["a"].id) == []


def test_merge_two_sources_same_group_and_denominators(db: Database) -> None:
    from desktop.services.org_denominators import denominator_history, set_denominator

    t = tree(db)
    group = create_group(db, "Các đảng bộ xã")
    add_members(db, group.id, [t["a"].id, t["b"].id])
    set_denominator(db, t["a"].id, date(2025, 12, 31), 4, 80)
    set_denominator(db, t["b"].id, date(2025, 12, 31), 2, 30)
    set_denominator(db, t["b"].id, date(2026, 6, 1), 3, 45)  # after the merge: not used
    set_denominator(db, t["c"].id, date(2025, 7, 1), None, 10)
    versions = {t["a"].id: 1, t["b"].id: 1}
    got = merge_organisations(db, [t["a"].id, t["b"].id], t["c"].id, ON, versions)
    # not summed unless asked
    assert (got.party_cells, got.party_members) == (None, 10)
    assert [o.id for o in group_members(db, group.id)] == [t["c"].id]
    kids = organisations.children(db, t["c"].id)
    assert [organisation_detail(db, c.id).sort_order for c in kids] == [1, 2, 3, 4, 5]
    assert [c.name for c in kids] == [
        "Chi bộ thôn 1", "Chi bộ thôn 2", "Đảng bộ Trường Trung học An Bình", "Chi bộ thôn 1",
        "Chi bộ thôn Bắc"]  # a merge may bring two cells of one name together: not refused
    assert_consistent(db)

    t2 = tree(db, "Tỉnh ủy Thử Hai")  # a second province in the same database
    for key, cells, members in (("a", 4, 80), ("b", 2, 30)):
        set_denominator(db, t2[key].id, date(2025, 12, 31), cells, members)
    got = merge_organisations(db, [t2["a"].id, t2["b"].id], t2["c"].id, ON,
                              {t2["a"].id: 1, t2["b"].id: 1}, sum_denominators=True)
    assert (got.party_cells, got.party_members, got.denominators_as_of) == (6, 110, ON)
    [row] = denominator_history(db, t2["c"].id)
    assert "Tạm tính khi hợp nhất" in row.note and "Đảng bộ xã An Bình" in row.note


def test_merge_refusals_change_nothing(db: Database) -> None:
    t = tree(db)
    before = snapshot(db)
    cases = [
        (([t["a"].id], t["a"].id, ON, {t["a"].id: 1}), "vào chính nó"),
        (([t["a"].id], t["ac1"].id, ON, {t["a"].id: 1}), "là đơn vị cấp dưới của"),
        (([], t["c"].id, ON, {}), "Chưa chọn đơn vị nào"),
        (([t["a"].id], t["c"].id, date(2025, 6, 1), {t["a"].id: 1}), "mới thành lập"),
        (([t["a"].id], t["c"].id, ON, {t["a"].id: 3}), "người khác sửa"),
        (([t["a"].id], t["c"].id, ON, {t["a"].id: 1, t["c"].id: 9}), "người khác sửa"),
    ]
    for args, words in cases:
        with pytest.raises((ValidationError, ConflictError), match=words):
            merge_organisations(db, *args)
    assert snapshot(db) == before
    # into an ended organisation, or an ended source
    merge_organisations(db, [t["b"].id], t["c"].id, ON, {t["b"].id: 1})
    ended = snapshot(db)
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động từ ngày 01/03/2026"):
        merge_organisations(db, [t["a"].id], t["b"].id, date(2026, 4, 1), {t["a"].id: 1})
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động"):
        merge_organisations(db, [t["b"].id], t["a"].id, date(2026, 4, 1), {t["b"].id: 2})
    with pytest.raises(ValueError, match="lacks"):
        merge_organisations(db, [t["a"].id], t["c"].id, ON, {})
    assert snapshot(db) == ended


def test_merge_of_a_parent_and_its_child_keeps_the_child_under_it(db: Database) -> None:
    t = tree(db)
    merge_organisations(db, [t["ac"].id, t["ac1"].id], t["a1"].id, ON,
                        {t["ac"].id: 1, t["ac1"].id: 1})
    ac1 = organisation_detail(db, t["ac1"].id)
    assert (ac1.parent_id, ac1.merged_into_id, ac1.active) == (t["ac"].id, t["a1"].id, False)
    assert organisation_detail(db, t["ac1x"].id).parent_id == t["a1"].id
    assert_consistent(db)


@pytest.mark.postgres
def test_concurrent_moves_cannot_build_a_cycle(pg_db: Database) -> None:
    """Two clerks: one moves b under a while the other moves a under b. The tree lock makes
    the second wait and then see the first's move, so it is refused as a cycle."""
    import threading

    from sqlalchemy import text

    from desktop.services.org_common import TREE_LOCK_KEY

    db = pg_db
    t = tree(db)
    a, b = t["a"].id, t["b"].id
    outcome: list[BaseException | OrgDetail] = []
    with db.engine.connect() as other:
        other.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": TREE_LOCK_KEY})

        def second_clerk() -> None:
            try:
                outcome.append(move_organisation(db, a, b, ON, 1))
            except BaseException as exc:  # noqa: BLE001 - handed to the test thread
                outcome.append(exc)

        thread = threading.Thread(target=second_clerk)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for the lock, nothing read yet
        # the first clerk's move, committed while holding the lock (what the service does)
        other.execute(text("UPDATE organisations SET parent_id = :a, depth = 2, top_id = :a, "
                           "version = version + 1 WHERE id = :b"), {"a": a, "b": b})
        other.execute(text("UPDATE organisations SET depth = 3, top_id = :a "
                           "WHERE parent_id = :b"), {"a": a, "b": b})
        other.commit()
        thread.join(10)
    [result] = outcome
    assert isinstance(result, ValidationError) and "vòng lặp" in result.message
    assert_consistent(db)
