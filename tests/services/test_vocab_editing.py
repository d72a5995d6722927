"""Editing the two lists of Cài đặt (organisation kinds, document types), on SQLite and
PostgreSQL: add, rename, move, delete; every refusal and its message; the guard by the values
the clerk loaded (these tables have no version column); one audit row per changed row."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select, update

from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services import vocab
from desktop.services.audit import verify
from desktop.services.database import Database
from desktop.services.org_editing import create_organisation
from desktop.services.org_types import OrgInput
from desktop.store import models as m


def audit_rows(db: Database, entity: str) -> list[tuple[str, int | None, str | None, str | None]]:
    with db.read() as s:
        return [(r.action, r.entity_id, r.before, r.after) for r in s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.entity == entity).order_by(m.AuditEntry.id))]


def audit_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(m.AuditEntry)) or 0)


def type_by_code(db: Database, code: str) -> vocab.DocumentTypeItem:
    return next(t for t in vocab.document_types(db) if t.code == code)


def kind_by_code(db: Database, code: str) -> vocab.OrgKindItem:
    return next(k for k in vocab.org_kinds(db) if k.code == code)


def add_document(db: Database, type_id: int, number: str = "5") -> None:
    with db.transaction() as s:
        s.add(m.Document(type_id=type_id, number=number, symbol="QC/TU", excerpt="thử"))


def refused(fn: Any, *args: Any, field: str | None = None) -> str:
    with pytest.raises(ValidationError) as info:
        fn(*args)
    if field is not None:
        assert info.value.field == field
    return info.value.message


# ------------------------------------------------------------------ document types


def test_add_rename_and_change_a_document_type(db: Database) -> None:
    before = [t.code for t in vocab.document_types(db)]
    decomposed = unicodedata.normalize("NFD", "  Quy   chế ")
    added = vocab.add_document_type(db, " QC ", decomposed)
    assert (added.code, added.name, added.trackable) == ("QC", "Quy chế", True)
    assert unicodedata.is_normalized("NFC", added.name)
    listed = vocab.document_types(db)
    assert [t.code for t in listed] == [*before, "QC"]  # at the end
    assert listed[-1] == added and added.sort_order > listed[-2].sort_order
    assert [a[:2] for a in audit_rows(db, "document_types")] == [("create", added.id)]

    # Vietnamese letters in a code; a second new type goes after the first
    vocab.add_document_type(db, "TT", "Thông tri")
    plan = vocab.add_document_type(db, "ĐA", "Đề án", trackable=False)
    assert plan.code == "ĐA" and not plan.trackable
    assert [t.code for t in vocab.document_types(db)][-3:] == ["QC", "TT", "ĐA"]

    renamed = vocab.update_document_type(db, added, "QCh", "Quy chế làm việc", False)
    assert (renamed.id, renamed.code, renamed.name, renamed.trackable) == (
        added.id, "QCh", "Quy chế làm việc", False)
    assert renamed.sort_order == added.sort_order
    update_row = audit_rows(db, "document_types")[-1]
    assert update_row[:2] == ("update", added.id)
    assert '"name": "Quy chế"' in (update_row[2] or "") and '"code": "QC"' in (update_row[2] or "")
    assert '"trackable": false' in (update_row[3] or "")

    # saving without a change writes nothing
    count = audit_count(db)
    assert vocab.update_document_type(db, renamed, "QCh", "Quy chế làm việc", False) == renamed
    assert audit_count(db) == count
    assert verify(db).ok


def test_document_type_refusals_name_the_problem(db: Database) -> None:
    add = vocab.add_document_type
    assert "Chưa nhập tên loại văn bản" in refused(add, db, "QC", "  ", field="name")
    assert "quá giới hạn 120" in refused(add, db, "QC", "Q" * 121, field="name")
    assert "Danh mục đã có loại văn bản «Chỉ thị» (CT)" in refused(add, db, "QC", "chi thi",
                                                                  field="name")
    assert "Chưa nhập ký hiệu" in refused(add, db, " ", "Quy chế", field="code")
    assert "có dấu cách" in refused(add, db, "Q C", "Quy chế", field="code")
    for symbol in ("QC/TU", "05-QC"):
        assert "không nhập số hay ký hiệu cơ quan" in refused(add, db, symbol, "Quy chế",
                                                              field="code")
    assert "chỉ được gồm chữ cái" in refused(add, db, "QC1", "Quy chế", field="code")
    assert "chỉ được gồm chữ cái" in refused(add, db, "Q.C", "Quy chế", field="code")
    assert "quá giới hạn 20" in refused(add, db, "Q" * 21, "Quy chế", field="code")
    assert "Ký hiệu «CT» đã là ký hiệu của loại «Chỉ thị»" in refused(add, db, "CT", "Quy chế")
    message = refused(add, db, "QD", "Quy chế", field="code")
    assert "trùng với ký hiệu «QĐ» của loại «Quyết định»" in message
    assert "chỉ khác chữ hoa, chữ thường hoặc dấu" in message
    assert "«CTr» của loại «Chương trình»" in refused(add, db, "CTR", "Quy chế")
    assert "«QĐi» của loại «Quy định»" in refused(add, db, "qdi", "Quy chế")
    assert [a for a in audit_rows(db, "document_types")] == []  # nothing was written


def test_the_code_changes_only_while_nothing_uses_the_type(db: Database) -> None:
    added = vocab.add_document_type(db, "QC", "Quy chế")
    add_document(db, added.id)
    add_document(db, added.id, "6")
    message = refused(vocab.update_document_type, db, added, "QCh", "Quy chế", True,
                      field="code")
    assert "Không đổi được ký hiệu «QC»" in message and "đang được dùng cho 2 văn bản" in message
    assert vocab.code_lock_reason(db, added) == message
    # the name and the flag still change
    renamed = vocab.update_document_type(db, added, "QC", "Quy chế mẫu", False)
    assert (renamed.code, renamed.name, renamed.trackable) == ("QC", "Quy chế mẫu", False)
    # the types the program numbers its own letters with keep their code
    cv = type_by_code(db, "CV")
    assert "đánh số công văn đôn đốc" in refused(vocab.update_document_type, db, cv, "CVa",
                                                 "Công văn", True, field="code")
    assert vocab.update_document_type(db, cv, "CV", "Công văn hành chính", True).code == "CV"
    assert vocab.code_lock_reason(db, type_by_code(db, "TB")) == ""


def test_delete_only_an_unused_type(db: Database) -> None:
    added = vocab.add_document_type(db, "BB", "Biên bản")
    used = vocab.add_document_type(db, "QC", "Quy chế")
    add_document(db, used.id)
    message = refused(vocab.delete, db, used)
    assert "Không xóa được loại «Quy chế» (QC) vì đang được dùng cho 1 văn bản" in message
    assert "đổi tên loại thay vì xóa" in message
    assert vocab.delete_refusal(db, used) == message
    assert "đánh số báo cáo" in refused(vocab.delete, db, type_by_code(db, "BC"))
    # an outgoing-register entry and a number sequence count as uses too
    tb = type_by_code(db, "TB")
    with db.transaction() as s:
        body = m.IssuingBody(name="Ban Thử", symbol="BTTU")
        s.add(body)
        s.flush()
        s.add(m.OutgoingEntry(issuing_body_id=body.id, type_id=tb.id, period_key="2026",
                              number=3, symbol="TB/BTTU", issue_date=date(2026, 11, 30)))
        s.add(m.NumberSequence(issuing_body_id=body.id, type_id=tb.id, period_key="2026",
                               last_number=3))
    assert "1 văn bản trong sổ văn bản đi và 1 dãy số văn bản đi" in refused(vocab.delete, db, tb)

    assert vocab.delete_refusal(db, added) == ""
    count = audit_count(db)
    vocab.delete(db, added)
    assert "BB" not in [t.code for t in vocab.document_types(db)]
    assert audit_count(db) == count + 1
    action, entity_id, before, after = audit_rows(db, "document_types")[-1]
    assert (action, entity_id, after) == ("delete", added.id, None)
    assert '"code": "BB"' in (before or "") and '"name": "Biên bản"' in (before or "")
    with pytest.raises(NotFoundError, match="Không còn loại văn bản «Biên bản» \\(BB\\)"):
        vocab.delete(db, added)
    assert verify(db).ok


# ------------------------------------------------------------------ organisation kinds


def test_add_and_edit_an_organisation_kind(db: Database) -> None:
    added = vocab.add_org_kind(db, "Hội đồng nhân dân")
    assert (added.code, added.name, added.is_party_cell) == (
        "hoi_dong_nhan_dan", "Hội đồng nhân dân", False)
    assert vocab.org_kinds(db)[-1] == added
    assert "Danh mục đã có loại hình đơn vị «Hội đồng nhân dân»" in refused(
        vocab.add_org_kind, db, "hoi dong nhan dan", field="name")
    assert "Chưa nhập tên loại hình đơn vị" in refused(vocab.add_org_kind, db, "", field="name")
    assert "quá giới hạn 200" in refused(vocab.add_org_kind, db, "H" * 201, field="name")

    # the code never changes; a name whose code is taken gets a suffix
    renamed = vocab.update_org_kind(db, added, "HĐND các cấp", True)
    assert (renamed.code, renamed.name, renamed.is_party_cell) == (
        "hoi_dong_nhan_dan", "HĐND các cấp", True)
    again = vocab.add_org_kind(db, "Hội đồng nhân dân", is_party_cell=True)
    assert again.code == "hoi_dong_nhan_dan_2" and again.is_party_cell
    long_name = vocab.add_org_kind(db, "Ủy ban " + "rất " * 20 + "dài")
    assert len(long_name.code) <= 40 and long_name.code.startswith("uy_ban_rat_")
    assert [a[:2] for a in audit_rows(db, "org_kinds")] == [
        ("create", added.id), ("update", added.id), ("create", again.id),
        ("create", long_name.id)]
    assert '"is_party_cell": true' in (audit_rows(db, "org_kinds")[1][3] or "")


def test_delete_only_an_unused_kind(db: Database) -> None:
    kind = vocab.add_org_kind(db, "Hội đồng nhân dân")
    org = create_organisation(db, OrgInput(name="HĐND tỉnh Thử", kind=kind.code))
    create_organisation(db, OrgInput(name="HĐND xã Thử", kind=kind.code, parent_id=org.id))
    message = refused(vocab.delete, db, kind)
    assert "Không xóa được loại hình «Hội đồng nhân dân» vì có 2 đơn vị" in message
    assert "chuyển các đơn vị đó sang loại hình khác" in message

    # only an old state of an organisation still names it
    past = vocab.add_org_kind(db, "Ban cán sự đảng")
    with db.transaction() as s:
        s.add(m.OrgHistory(organisation_id=org.id, valid_to=date(2025, 6, 30),
                           name="BCS đảng Thử", kind_id=past.id, reason="kind"))
    message = refused(vocab.delete, db, past)
    assert "lịch sử của đơn vị còn ghi loại hình này ở 1 dòng" in message

    unused = vocab.add_org_kind(db, "Tạm")
    vocab.delete(db, unused)
    assert unused.id not in [k.id for k in vocab.org_kinds(db)]
    assert audit_rows(db, "org_kinds")[-1][:2] == ("delete", unused.id)


# ------------------------------------------------------------------ order


def test_move_up_and_down_swaps_with_the_neighbour(db: Database) -> None:
    codes = [t.code for t in vocab.document_types(db)]
    count = audit_count(db)
    moved = vocab.move(db, type_by_code(db, "NQ"), -1)
    assert moved.code == "NQ"
    assert [t.code for t in vocab.document_types(db)][:3] == ["NQ", "CT", "KL"]
    assert audit_count(db) == count + 2  # two rows changed, one audit row each
    changes = [(a[1], a[2], a[3]) for a in audit_rows(db, "document_types")]
    assert {entity for entity, _, _ in changes} == {type_by_code(db, "NQ").id,
                                                    type_by_code(db, "CT").id}
    # at the top nothing moves and nothing is written
    assert vocab.move(db, type_by_code(db, "NQ"), -1).code == "NQ"
    assert audit_count(db) == count + 2
    vocab.move(db, type_by_code(db, "NQ"), 1)
    assert [t.code for t in vocab.document_types(db)] == codes
    last = vocab.document_types(db)[-1]
    assert vocab.move(db, last, 1) == last
    with pytest.raises(ValueError):
        vocab.move(db, last, 2)


def test_orders_that_collide_are_renumbered_in_steps_of_ten(db: Database) -> None:
    with db.transaction() as s:  # an old list where every kind has the same place
        s.execute(update(m.OrgKind).values(sort_order=5))
    kinds = vocab.org_kinds(db)  # shown by id then
    count = audit_count(db)
    vocab.move(db, kinds[2], -1)
    after = vocab.org_kinds(db)
    assert [k.id for k in after] == [kinds[0].id, kinds[2].id, kinds[1].id,
                                     *[k.id for k in kinds[3:]]]
    assert [k.sort_order for k in after] == [10 * (i + 1) for i in range(len(kinds))]
    assert audit_count(db) == count + len(kinds)  # every row changed once, one row each
    assert verify(db).ok


# ------------------------------------------------------------------ two clerks


def test_two_clerks_editing_the_same_entry(db: Database) -> None:
    added = vocab.add_document_type(db, "QC", "Quy chế")
    first = type_by_code(db, "QC")  # the first clerk's list
    second = type_by_code(db, "QC")  # the second clerk's list, loaded at the same time
    vocab.update_document_type(db, first, "QC", "Quy chế làm việc", True)
    count = audit_count(db)
    with pytest.raises(ConflictError, match="vừa được người khác sửa"):
        vocab.update_document_type(db, second, "QC", "Quy chế mẫu", True)
    with pytest.raises(ConflictError, match="Hãy tải lại danh sách"):
        vocab.delete(db, second)
    assert type_by_code(db, "QC").name == "Quy chế làm việc"
    assert audit_count(db) == count  # nothing written
    # reloading gives what is stored, and the edit then goes through
    fresh = vocab.current(db, second)
    assert fresh.name == "Quy chế làm việc"
    assert vocab.update_document_type(db, fresh, "QC", "Quy chế mẫu", True).name == "Quy chế mẫu"

    # a move guards the place it read
    kind = vocab.org_kinds(db)[3]
    vocab.move(db, kind, -1)
    with pytest.raises(ConflictError):
        vocab.move(db, kind, -1)
    # an entry deleted meanwhile
    vocab.delete(db, vocab.current(db, added))
    with pytest.raises(NotFoundError, match="có thể vừa bị người khác xóa"):
        vocab.update_document_type(db, fresh, "QC", "Quy chế", True)


def test_the_update_itself_is_guarded(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The values are checked again by the UPDATE/DELETE's WHERE: a change that slips in
    after the read (another clerk's commit) still makes the write match no row."""
    kind = vocab.add_org_kind(db, "Hội đồng nhân dân")
    vocab.update_org_kind(db, kind, "HĐND", False)
    monkeypatch.setattr(vocab, "_same", lambda *_args: True)  # as if read before that change
    count = audit_count(db)
    with pytest.raises(ConflictError):
        vocab.update_org_kind(db, kind, "Hội đồng nhân dân tỉnh", False)
    with pytest.raises(ConflictError):
        vocab.delete(db, kind)
    assert vocab.current(db, kind).name == "HĐND" and audit_count(db) == count
