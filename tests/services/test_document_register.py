"""The document register on the demo province, on SQLite and PostgreSQL: create, validate,
refuse duplicates, edit with optimistic locking, delete only what holds no tracking data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services import documents
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.document_register import (
    DeadlineInput,
    DocumentInput,
    RecipientLineInput,
    create_and_track,
    create_document,
    delete_document,
    get_document,
    update_document,
)
from desktop.services.document_validation import validate_document
from desktop.store import models as m

TODAY = date(2026, 11, 30)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db, orgs=400, documents=3, today=TODAY)
    return db


def body_id(db: Database, symbol: str) -> int:
    with db.read() as s:
        return s.scalar(select(m.IssuingBody.id).where(m.IssuingBody.symbol == symbol))


def group_id(db: Database, name: str) -> int:
    with db.read() as s:
        return s.scalar(select(m.OrgGroup.id).where(m.OrgGroup.name == name))


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def directive(db: Database, **changes: object) -> DocumentInput:
    inp = DocumentInput(
        type_code="CT", number="15", symbol="CT/TU", issue_date=date(2026, 2, 5),
        issuing_body_id=body_id(db, "TU"),
        excerpt="về việc định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội",
        signer_authority="T/M BAN THƯỜNG VỤ", signer_title="PHÓ BÍ THƯ THƯỜNG TRỰC",
        signer_name="Trần Tuệ Hiền", scope="chi_bo",
        deadlines=(DeadlineInput("bao_cao_lan_dau", date(2026, 4, 5), depth=1),
                   DeadlineInput("hoc_tap", date(2026, 3, 5), "Hoàn thành học tập")),
        recipient_lines=(
            RecipientLineInput("- Ban Tuyên giáo và Dân vận Trung ương;"),
            RecipientLineInput("- Các đảng bộ trực thuộc Tỉnh ủy;",
                               group_id=group_id(db, "Các đảng bộ trực thuộc Tỉnh ủy")),
            RecipientLineInput("- Lưu Văn phòng Tỉnh ủy."),
        ),
    )
    return replace(inp, **changes)  # type: ignore[arg-type]


def test_create_and_read_back(demo: Database) -> None:
    d = create_document(demo, directive(demo, symbol="ct / tu", number="Số 15",
                                        excerpt="về việc  định hướng\u00a0tiếp cận"))
    assert (d.number, d.symbol, d.number_symbol) == ("15", "CT/TU", "15-CT/TU")
    assert (d.type_code, d.type_name, d.regime, d.issuing_body_symbol) == (
        "CT", "Chỉ thị", "party", "TU")
    assert d.excerpt == "về việc định hướng tiếp cận"
    assert d.version == 1 and d.tracking_rows == 0
    assert [(x.kind, x.due_date, x.depth) for x in d.deadlines] == [
        ("hoc_tap", date(2026, 3, 5), None), ("bao_cao_lan_dau", date(2026, 4, 5), 1)]
    assert [line.kind for line in d.recipient_lines] == ["text", "group", "text"]
    assert d.recipient_lines[1].target_name == "Các đảng bộ trực thuộc Tỉnh ủy"
    assert get_document(demo, d.id) == d
    assert documents.find_document(demo, "15 ct tu").id == d.id
    assert get_document(demo, d.id).to_input() == replace(
        directive(demo), excerpt="về việc định hướng tiếp cận",
        deadlines=tuple(sorted(directive(demo).deadlines, key=lambda x: x.due_date)))
    with demo.read() as s:  # every ORM write left its audit row
        audited = {e for (e,) in s.execute(select(m.AuditEntry.entity)
                                           .where(m.AuditEntry.action == "create"))}
    assert {"documents", "deadlines", "document_recipient_lines"} <= audited


def test_state_document(demo: Database) -> None:
    d = create_document(demo, directive(
        demo, type_code="qđ", number="07", symbol="qđ-ubnd", issuing_body_id=body_id(demo, "UBND"),
        signer_authority="TM. ỦY BAN NHÂN DÂN"))
    assert (d.symbol, d.number_symbol, d.regime) == ("QĐ-UBND", "07/QĐ-UBND", "state")
    assert documents.find_document(demo, "07/QĐ-UBND").id == d.id
    # the register list and the statistics write it the State way too
    [row] = [r for r in documents.list_documents(demo) if r.id == d.id]
    assert row.number_symbol == "07/QĐ-UBND"
    from desktop.services.stats import document_stats

    assert document_stats(demo, d.id).number_symbol == "07/QĐ-UBND"
    with pytest.raises(ValidationError) as info:
        create_document(demo, directive(demo, type_code="QĐ", number="08", symbol="QĐ/UBND",
                                        issuing_body_id=body_id(demo, "UBND")))
    assert info.value.field == "symbol" and "QĐ-UBND" in info.value.message


def _refusal(db: Database, inp: DocumentInput) -> ValidationError:
    before = (count(db, m.Document), count(db, m.Deadline), count(db, m.AuditEntry))
    with pytest.raises(ValidationError) as info:
        create_document(db, inp)
    assert (count(db, m.Document), count(db, m.Deadline), count(db, m.AuditEntry)) == before
    return info.value


def test_validation_table(demo: Database) -> None:
    cases = [
        (dict(type_code="XY"), "type_code", "Không có loại văn bản «XY»"),
        (dict(symbol="NQ/TU"), "symbol", "Chỉ thị viết tắt là «CT»"),
        (dict(symbol="CT/BTGDVTU"), "symbol", "(TỈNH ỦY HÀ SƠN: «TU»)"),
        (dict(symbol="CT-TU"), "symbol", "dùng dấu «-»"),
        (dict(number="15a"), "number", "chỉ gồm chữ số"),
        (dict(number=""), "number", "Chưa nhập số"),
        (dict(issuing_body_id=None), "issuing_body_id", "Chưa chọn cơ quan ban hành"),
        (dict(issuing_body_id=999), "issuing_body_id", "#999"),
        (dict(issue_date=None), "issue_date", "Chưa nhập ngày ban hành"),
        (dict(excerpt="  "), "excerpt", "Chưa nhập trích yếu"),
        (dict(scope="toan_dan"), "scope", "Phạm vi phổ biến «toan_dan» không hợp lệ"),
        (dict(urgency="gap"), "urgency", "hoa_toc (HỎA TỐC)"),
        (dict(signer_name="x" * 121), "signer_name", "dài quá 120 ký tự"),
        (dict(parent_id=999), "parent_id", "#999"),
        (dict(deadlines=(DeadlineInput("hoc_tap", date(2026, 1, 5)),)), "deadlines",
         "sớm hơn ngày ban hành 05/02/2026"),
        (dict(deadlines=(DeadlineInput("nop_bai", date(2026, 3, 5)),)), "deadlines",
         "Loại hạn thứ 1 «nop_bai» không hợp lệ"),
        (dict(deadlines=(DeadlineInput("hoc_tap", date(2026, 3, 5)),) * 2), "deadlines",
         "ghi hai lần"),
        (dict(deadlines=(DeadlineInput("bao_cao_lan_dau", date(2026, 3, 5), depth=0),)),
         "deadlines", "phải là số từ 1 trở lên"),
        (dict(recipient_lines=(RecipientLineInput(" "),)), "recipient_lines", "để trống"),
        (dict(recipient_lines=(RecipientLineInput("- Nhóm ma;", group_id=999),)),
         "recipient_lines", "nhóm mã số #999"),
        (dict(recipient_lines=(RecipientLineInput("- X;", group_id=1, organisation_id=2),)),
         "recipient_lines", "không cả hai"),
    ]
    for changes, field, words in cases:
        error = _refusal(demo, directive(demo, **changes))
        assert error.field == field, (changes, error.message)
        assert words in error.message, (changes, error.message)


def test_duplicates(demo: Database) -> None:
    first = create_document(demo, directive(demo))
    error = _refusal(demo, directive(demo, number="015", issue_date=date(2026, 12, 1),
                                     deadlines=()))
    assert error.field == "number"
    assert f"Đã có Chỉ thị số 15-CT/TU ngày 05/02/2026 (mã #{first.id})" in error.message
    assert "năm 2026" in error.message
    # another year, another type, another body: not the same document
    create_document(demo, directive(demo, issue_date=date(2027, 1, 10), deadlines=()))
    create_document(demo, directive(demo, type_code="NQ", symbol="NQ/TU"))
    create_document(demo, directive(demo, symbol="CT/BTGDVTU",
                                    issuing_body_id=body_id(demo, "BTGDVTU")))
    # the 2025-2030 term began on 01/10/2025: a Party number may recur across it
    create_document(demo, directive(demo, number="41", issue_date=date(2025, 3, 2),
                                    deadlines=()))
    create_document(demo, directive(demo, number="41", issue_date=date(2025, 11, 2),
                                    deadlines=()))
    # a State body numbers per year, whatever the terms
    ubnd = dict(type_code="QĐ", symbol="QĐ-UBND", issuing_body_id=body_id(demo, "UBND"),
                deadlines=())
    create_document(demo, directive(demo, number="41", issue_date=date(2025, 3, 2), **ubnd))
    error = _refusal(demo, directive(demo, number="41", issue_date=date(2025, 11, 2), **ubnd))
    assert "41/QĐ-UBND" in error.message
    # saving the document itself again is no duplicate
    again = update_document(demo, first.id, first.to_input(), first.version)
    assert again.version == first.version + 1
    validate_document(demo, first.to_input(), first.id)
    with pytest.raises(ValidationError):
        validate_document(demo, first.to_input())


def test_stale_edit_is_refused_and_changes_nothing(demo: Database) -> None:
    d = create_document(demo, directive(demo))
    edited = update_document(demo, d.id, replace(d.to_input(), excerpt="về trích yếu mới"),
                             d.version)
    assert edited.version == d.version + 1 and edited.excerpt == "về trích yếu mới"
    with pytest.raises(ConflictError) as info:
        update_document(demo, d.id, replace(d.to_input(), excerpt="bản cũ đè lên"), d.version)
    assert "vừa được người khác sửa" in info.value.message
    assert get_document(demo, d.id) == edited
    with pytest.raises(ConflictError):
        delete_document(demo, d.id, d.version)
    with pytest.raises(NotFoundError):
        update_document(demo, 9999, d.to_input(), 1)


def test_deadlines_and_lines_are_replaced_as_given(demo: Database) -> None:
    d = create_document(demo, directive(demo))
    study, first = d.deadlines
    inp = replace(d.to_input(), deadlines=(
        DeadlineInput("hoc_tap", date(2026, 3, 10), "Hoàn thành học tập"),  # moved
        DeadlineInput("bao_cao_dinh_ky", date(2026, 12, 15), period="2026", depth=1),  # new
    ), recipient_lines=(RecipientLineInput("- Lưu Văn phòng Tỉnh ủy."),))
    e = update_document(demo, d.id, inp, d.version)
    assert [(x.id, x.kind, x.due_date) for x in e.deadlines] == [
        (study.id, "hoc_tap", date(2026, 3, 10)),
        (e.deadlines[1].id, "bao_cao_dinh_ky", date(2026, 12, 15))]
    assert first.id not in {x.id for x in e.deadlines}
    assert [line.text for line in e.recipient_lines] == ["- Lưu Văn phòng Tỉnh ủy."]
    # only the lines changed: still one version step
    e2 = update_document(demo, d.id, replace(e.to_input(), recipient_lines=()), e.version)
    assert e2.version == e.version + 1 and e2.recipient_lines == ()


def test_a_deadline_with_reports_cannot_be_removed(demo: Database) -> None:
    d = get_document(demo, documents.find_document(demo, "01-CT/TU").id)
    kept = tuple(x for x in d.to_input().deadlines if x.kind != "bao_cao_lan_dau")
    with pytest.raises(ValidationError) as info:
        update_document(demo, d.id, replace(d.to_input(), deadlines=kept), d.version)
    assert "báo cáo trả lời hạn này" in info.value.message
    # moving it keeps its id, so the reports stay linked
    moved = tuple(replace(x, due_date=date(2026, 3, 20)) if x.kind == "bao_cao_lan_dau" else x
                  for x in d.to_input().deadlines)
    e = update_document(demo, d.id, replace(d.to_input(), deadlines=moved), d.version)
    first = next(x for x in e.deadlines if x.kind == "bao_cao_lan_dau")
    assert first.id == next(x for x in d.deadlines if x.kind == "bao_cao_lan_dau").id
    with demo.read() as s:
        assert s.scalar(select(func.count()).select_from(m.TrackingReport)
                        .where(m.TrackingReport.deadline_id == first.id))


def test_parent_links_cannot_loop(demo: Database) -> None:
    root = create_document(demo, directive(demo))
    child = create_document(demo, directive(demo, type_code="KH", symbol="KH/BTGDVTU",
                                            number="03", issuing_body_id=body_id(demo,
                                                                                 "BTGDVTU"),
                                            parent_id=root.id))
    assert get_document(demo, root.id).children[0].number_symbol == "03-KH/BTGDVTU"
    assert get_document(demo, child.id).parent.number_symbol == "15-CT/TU"
    with pytest.raises(ValidationError) as info:
        update_document(demo, root.id, replace(root.to_input(), parent_id=child.id),
                        root.version)
    assert "văn bản triển khai (cấp dưới) của chính văn bản này" in info.value.message
    with pytest.raises(ValidationError) as info:
        update_document(demo, root.id, replace(root.to_input(), parent_id=root.id),
                        root.version)
    assert "chính nó" in info.value.message


def test_delete(demo: Database) -> None:
    tracked = documents.find_document(demo, "01-CT/TU").id
    version = get_document(demo, tracked).version
    with pytest.raises(ValidationError) as info:
        delete_document(demo, tracked, version)
    message = info.value.message
    assert "Không xóa được văn bản 01-CT/TU: đã có dữ liệu theo dõi" in message
    assert "đơn vị đã được nhập" in message and "báo cáo" in message
    d, sync = create_and_track(demo, directive(demo))
    assert sync.added > 0 and get_document(demo, d.id).tracking_rows == sync.added
    child = create_document(demo, directive(demo, type_code="KH", symbol="KH/TU", number="20",
                                            parent_id=d.id))
    with pytest.raises(ValidationError) as info:
        delete_document(demo, d.id, d.version)
    assert "20-KH/TU" in info.value.message
    delete_document(demo, child.id, child.version)
    delete_document(demo, d.id, d.version)  # tracking rows without data go with it
    with pytest.raises(NotFoundError):
        get_document(demo, d.id)
    with demo.read() as s:
        assert not s.scalar(select(func.count()).select_from(m.Tracking)
                            .where(m.Tracking.document_id == d.id))


def test_list_filters(demo: Database) -> None:
    d = create_document(demo, directive(demo))
    kh = create_document(demo, directive(demo, type_code="KH", symbol="KH/BTGDVTU", number="03",
                                         issuing_body_id=body_id(demo, "BTGDVTU"),
                                         parent_id=d.id))
    assert [r.id for r in documents.list_documents(demo, parent_id=d.id)] == [kh.id]
    assert {r.number_symbol for r in documents.list_documents(demo, type_code="CT")} == {
        "15-CT/TU", "01-CT/TU"}
    assert [r.id for r in documents.list_documents(
        demo, issuing_body_id=body_id(demo, "BTGDVTU"))] == [kh.id]
    assert documents.list_documents(demo, year=2025) == []
    assert len(documents.list_documents(demo, year=2026)) == 5
    assert [r.id for r in documents.list_documents(demo, "mạng xã hội", type_code="CT")] == [
        d.id]
