"""Creating, correcting, renaming and dissolving organisations, on SQLite and PostgreSQL.

Each test checks what the clerk sees (the returned detail, the Vietnamese message), what the
database holds afterwards (history, audit rows), that a refused or stale edit changes nothing,
and that ``theodoi-cli check`` still passes.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services.database import Database
from desktop.services.integrity import check
from desktop.services.org_detail import organisation_detail
from desktop.services.org_editing import (
    create_organisation,
    dissolve_organisation,
    rename_organisation,
    update_organisation,
)
from desktop.services.org_types import OrgDetail, OrgInput
from desktop.store import models as m

REORG = date(2025, 7, 1)


def assert_integrity(db: Database) -> None:
    bad = [r for r in check(db) if not r.ok]
    assert not bad, bad


def audit(db: Database, after_id: int = 0) -> list[m.AuditEntry]:
    with db.read() as s:
        return list(s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.id > after_id).order_by(m.AuditEntry.id)
        ))


def last_audit_id(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.max(m.AuditEntry.id))) or 0)


def snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an organisation edit may touch (timestamps left out)."""
    out = {}
    with db.read() as s:
        for model in (m.Organisation, m.OrgHistory, m.OrgDenominator, m.OrgGroup,
                      m.OrgGroupMember, m.AuditEntry):
            cols = [c for c in model.__table__.columns
                    if c.name not in ("created_at", "updated_at", "at")]
            out[model.__tablename__] = [
                tuple(r) for r in s.execute(select(*cols).order_by(*cols)).all()
            ]
    return out


def small_tree(db: Database) -> dict[str, OrgDetail]:
    """Tỉnh ủy → two communes (from 01/07/2025) → party cells; one party committee → unit."""
    t: dict[str, OrgDetail] = {}
    t["root"] = create_organisation(db, OrgInput(name="Tỉnh ủy Thử", code="TU", kind="tinh_uy"))
    for key, name, code in (("a", "Đảng bộ xã An Bình", "X01"), ("b", "Đảng bộ xã Bình Minh",
                                                                   "X02")):
        t[key] = create_organisation(db, OrgInput(name=name, code=code, kind="dang_bo_xa",
                                                  parent_id=t["root"].id, valid_from=REORG))
    for i in (1, 2):
        t[f"a{i}"] = create_organisation(db, OrgInput(
            name=f"Chi bộ thôn {i}", kind="chi_bo_truc_thuoc", parent_id=t["a"].id))
    t["b1"] = create_organisation(db, OrgInput(name="Chi bộ thôn Đông", kind=2 + 4,
                                               parent_id=t["b"].id))
    return t


# ------------------------------------------------------------------------------ create


def test_create_computes_depth_top_order_and_cleans_input(db: Database) -> None:
    t = small_tree(db)
    root, a, b, a1, a2 = t["root"], t["a"], t["b"], t["a1"], t["a2"]
    assert (root.depth, root.top_id, root.parent_id) == (0, None, None)
    assert (a.depth, a.top_id, a.parent_id, a.sort_order) == (1, a.id, root.id, 1)
    assert (b.sort_order, a1.sort_order, a2.sort_order) == (2, 1, 2)
    assert (a1.depth, a1.top_id, a1.kind) == (2, a.id, "Chi bộ trực thuộc")
    assert a1.valid_from == REORG  # a child starts when its parent did
    assert t["b1"].kind == "Chi bộ trực thuộc"  # kind by id
    assert (a.version, a.active, a.parent_name) == (1, True, "Tỉnh ủy Thử")

    decomposed = unicodedata.normalize("NFD", "  Chi bộ\u00a0Tổ\tdân phố 3\x07 ")
    c = create_organisation(db, OrgInput(name=decomposed, short_name=" TDP 3 ", code=" tdp3 ",
                                         parent_id=b.id, note="dòng 1\r\ndòng 2  ",
                                         sort_order=9))
    assert c.name == "Chi bộ Tổ dân phố 3" and unicodedata.is_normalized("NFC", c.name)
    assert (c.short_name, c.code, c.note, c.sort_order) == ("TDP 3", "tdp3", "dòng 1\ndòng 2", 9)
    assert_integrity(db)


def test_create_writes_one_audit_row(db: Database) -> None:
    root = create_organisation(db, OrgInput(name="Tỉnh ủy Thử", kind="tinh_uy"))
    before = last_audit_id(db)
    a = create_organisation(db, OrgInput(name="Đảng bộ xã An Bình", parent_id=root.id))
    [row] = audit(db, before)
    assert (row.action, row.entity, row.entity_id) == ("create", "organisations", a.id)
    assert json.loads(row.after)["top_id"] == a.id  # known in the single INSERT


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (OrgInput(name="  \t "), "name", "Chưa nhập tên"),
        (OrgInput(name="X" * 301), "name", "quá giới hạn 300"),
        (OrgInput(name="Chi bộ mới", kind="khong_co"), "kind", "Không có loại đơn vị"),
        (OrgInput(name="Chi bộ mới", parent_id=99_999), "parent_id", "Không có đơn vị cấp trên"),
        (OrgInput(name="Chi bộ mới", code="x01"), "code", "đã dùng cho đơn vị «Đảng bộ xã An"),
        (OrgInput(name="Chi bộ thôn 1", parent_id=-1), "name", "đã có một đơn vị"),
        (OrgInput(name="Chi bộ mới", parent_id=-1, valid_from=date(2025, 6, 30)), "parent_id",
         "đến ngày 01/07/2025 mới thành lập"),
    ],
)
def test_create_refusals_name_the_field(db: Database, data: OrgInput, field: str,
                                        words: str) -> None:
    t = small_tree(db)
    if data.parent_id == -1:
        data = OrgInput(name=data.name, parent_id=t["a"].id, valid_from=data.valid_from)
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        create_organisation(db, data)
    assert info.value.field == field
    assert words in info.value.message
    assert snapshot(db) == before


def test_create_under_ended_parent_is_refused(db: Database) -> None:
    t = small_tree(db)
    dissolve_organisation(db, t["b1"].id, date(2026, 1, 1), 1)
    ended = organisation_detail(db, t["b1"].id)
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động từ ngày 01/01/2026"):
        create_organisation(db, OrgInput(name="Tổ 1", parent_id=ended.id,
                                         valid_from=date(2026, 2, 1)))


# ------------------------------------------------------------------------------ update


def test_update_plain_fields_keeps_no_history(db: Database) -> None:
    t = small_tree(db)
    before = last_audit_id(db)
    got = update_organisation(db, t["a"].id, {
        "short_name": "xã An Bình", "code": "XA1", "kind": "dang_bo_truc_thuoc",
        "note": "Ghi chú", "sort_order": 5, "name": "Đảng bộ xã An Bình Mới",
    }, expected_version=1)
    assert (got.short_name, got.code, got.kind, got.note, got.sort_order, got.version) == (
        "xã An Bình", "XA1", "Đảng bộ trực thuộc", "Ghi chú", 5, 2)
    # a correction applies to the past as well
    assert organisation_detail(db, t["a"].id, date(2025, 8, 1)).name == "Đảng bộ xã An Bình Mới"
    assert got.history == []
    [row] = audit(db, before)
    assert row.action == "update" and set(json.loads(row.after)) == {
        "short_name", "code", "kind_id", "note", "sort_order", "name"}
    assert_integrity(db)


def test_update_same_code_of_itself_and_unchanged_values(db: Database) -> None:
    t = small_tree(db)
    before = last_audit_id(db)
    got = update_organisation(db, t["a"].id, {"code": "X01", "note": ""}, 1)
    assert got.version == 1 and audit(db, before) == []
    with pytest.raises(ValidationError) as info:
        update_organisation(db, t["a"].id, {"code": "x02"}, 1)
    assert info.value.field == "code"
    with pytest.raises(ValueError, match="cannot change"):
        update_organisation(db, t["a"].id, {"parent_id": 3}, 1)
    with pytest.raises(NotFoundError):
        update_organisation(db, 99_999, {"note": "x"}, 1)


def test_stale_version_is_a_conflict_and_changes_nothing(db: Database) -> None:
    t = small_tree(db)
    update_organisation(db, t["a"].id, {"note": "người khác sửa"}, 1)  # now version 2
    before = snapshot(db)
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        update_organisation(db, t["a"].id, {"note": "của tôi"}, 1)
    with pytest.raises(ConflictError):
        rename_organisation(db, t["a"].id, "Tên khác", date(2026, 1, 1), 1)
    with pytest.raises(ConflictError):
        dissolve_organisation(db, t["a1"].id, date(2026, 1, 1), 7)
    assert snapshot(db) == before


# ------------------------------------------------------------------------------ rename


def test_rename_keeps_the_old_name_for_earlier_dates(db: Database) -> None:
    t = small_tree(db)
    before = last_audit_id(db)
    got = rename_organisation(db, t["a"].id, "Đảng bộ xã An Bình Mới", date(2026, 1, 1), 1,
                              new_short_name="xã An Bình Mới")
    assert (got.name, got.short_name, got.version) == ("Đảng bộ xã An Bình Mới",
                                                       "xã An Bình Mới", 2)
    [entry] = got.history
    assert (entry.valid_from, entry.valid_to, entry.name, entry.reason, entry.parent_name) == (
        REORG, date(2025, 12, 31), "Đảng bộ xã An Bình", "rename", "Tỉnh ủy Thử")
    old = organisation_detail(db, t["a"].id, date(2025, 12, 31))
    assert (old.name, old.short_name, old.current_name) == (
        "Đảng bộ xã An Bình", "", "Đảng bộ xã An Bình Mới")
    rows = audit(db, before)  # one per changed row: the organisation and the history row
    assert sorted((r.action, r.entity) for r in rows) == [
        ("create", "org_history"), ("update", "organisations")]
    assert_integrity(db)


def test_rename_dates_must_follow_each_other(db: Database) -> None:
    t = small_tree(db)
    got = rename_organisation(db, t["a"].id, "Tên 2", date(2026, 1, 1), 1)
    before = snapshot(db)
    with pytest.raises(ValidationError, match="từ ngày 01/01/2026") as info:
        rename_organisation(db, t["a"].id, "Tên 3", date(2025, 12, 1), got.version)
    assert info.value.field == "on"
    with pytest.raises(ValidationError, match="thành lập từ ngày 01/07/2025"):
        rename_organisation(db, t["b"].id, "Tên 3", date(2025, 6, 1), 1)
    with pytest.raises(ValidationError, match="giống tên hiện tại"):
        rename_organisation(db, t["a"].id, " Tên 2 ", date(2026, 3, 1), got.version)
    with pytest.raises(ValidationError, match="đã có một đơn vị"):
        rename_organisation(db, t["a1"].id, "Chi bộ thôn 2", date(2026, 3, 1), 1)
    assert snapshot(db) == before
    # a second rename later adds a second period, chained to the first
    again = rename_organisation(db, t["a"].id, "Tên 3", date(2026, 3, 1), got.version)
    assert [(h.valid_from, h.valid_to, h.name) for h in again.history] == [
        (REORG, date(2025, 12, 31), "Đảng bộ xã An Bình"),
        (date(2026, 1, 1), date(2026, 2, 28), "Tên 2"),
    ]
    assert organisation_detail(db, t["a"].id, date(2026, 2, 1)).name == "Tên 2"


def test_rename_on_the_first_day_keeps_no_empty_period(db: Database) -> None:
    t = small_tree(db)
    got = rename_organisation(db, t["b"].id, "Đảng bộ xã Bình Minh Mới", REORG, 1)
    assert got.history == [] and got.name == "Đảng bộ xã Bình Minh Mới"
    # never existed before: nothing to keep
    root_like = create_organisation(db, OrgInput(name="Đơn vị không ngày"))
    got = rename_organisation(db, root_like.id, "Đơn vị đổi tên", date(2026, 5, 1), 1)
    assert [(h.valid_from, h.valid_to) for h in got.history] == [(None, date(2026, 4, 30))]


def test_future_rename_shows_the_new_name_from_that_day(db: Database) -> None:
    t = small_tree(db)
    future = date.today().replace(year=date.today().year + 1)
    got = rename_organisation(db, t["a"].id, "Đảng bộ xã An Bình Tương Lai", future, 1)
    assert got.as_of == future and got.name == "Đảng bộ xã An Bình Tương Lai"
    assert organisation_detail(db, t["a"].id).name == "Đảng bộ xã An Bình"


# ------------------------------------------------------------------------------ dissolve


def test_dissolve_ends_the_day_before_and_notes_the_reason(db: Database) -> None:
    t = small_tree(db)
    before = last_audit_id(db)
    got = dissolve_organisation(db, t["b1"].id, date(2026, 3, 1), 1, "sáp nhập vào thôn Tây")
    assert (got.valid_to, got.active, got.version) == (date(2026, 2, 28), False, 2)
    assert got.note.endswith("Giải thể từ ngày 01/03/2026: sáp nhập vào thôn Tây")
    assert organisation_detail(db, t["b1"].id, date(2026, 2, 28)).active
    [row] = audit(db, before)
    assert json.loads(row.after)["valid_to"] == "2026-02-28"
    assert_integrity(db)
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động"):
        dissolve_organisation(db, t["b1"].id, date(2026, 4, 1), 2)


def test_dissolve_is_refused_while_children_are_alive(db: Database) -> None:
    t = small_tree(db)
    before = snapshot(db)
    with pytest.raises(ValidationError) as info:
        dissolve_organisation(db, t["a"].id, date(2026, 3, 1), 1)
    message = info.value.message
    assert "còn 2 đơn vị trực thuộc" in message and "«Chi bộ thôn 1»" in message
    assert "chuyển các đơn vị đó sang đơn vị khác hoặc giải thể chúng trước" in message
    assert snapshot(db) == before
    for key in ("a1", "a2"):
        dissolve_organisation(db, t[key].id, date(2026, 3, 1), 1)
    got = dissolve_organisation(db, t["a"].id, date(2026, 3, 1), 1)
    assert got.valid_to == date(2026, 2, 28)
    assert_integrity(db)


def test_dissolve_dates_are_checked(db: Database) -> None:
    t = small_tree(db)
    with pytest.raises(ValidationError, match="phải sau ngày đó"):
        dissolve_organisation(db, t["b1"].id, REORG, 1)
    renamed = rename_organisation(db, t["b1"].id, "Chi bộ thôn Đông Mới", date(2026, 1, 1), 1)
    with pytest.raises(ValidationError, match="từ ngày 01/01/2026"):
        dissolve_organisation(db, t["b1"].id, date(2025, 12, 1), renamed.version)
    with pytest.raises(ValidationError, match="ngày kết thúc hoạt động phải sau"):
        dissolve_organisation(db, t["b1"].id, date(2026, 1, 1), renamed.version)
