"""Collection forms, there and back: export for the demo's organisations, fill them as the
organisations would (mistakes included), read them back; the database holds exactly the
intended values, refused files are named with their cells, and the import is undoable."""

from __future__ import annotations

import importlib.util
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from desktop.domain.enums import StudyForm
from desktop.reports.form_workbook import FIELD_ROWS, FORM_SHEET, IDENTITY_SHEET
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.forms_export import export_forms, form_file_name, form_targets
from desktop.services.forms_import import (
    FileStatus,
    FormsRefusedError,
    apply_forms_import,
    plan_forms_import,
)
from desktop.services.tracking_edit import apply_changes, apply_undo
from desktop.store import models as m
from tests.services.tracking_support import audit_count, dump

_spec = importlib.util.spec_from_file_location(
    "workbook_corpus", Path(__file__).resolve().parents[1] / "fixtures/workbooks/corpus.py"
)
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

TODAY = date(2026, 11, 30)
FORM_KEYS = (
    "received_date",
    "study_date",
    "study_end_date",
    "study_form",
    "study_sessions",
    "cells_held",
    "members_attending",
    "non_members",
    "plan_number",
    "plan_date",
    "note",
)


def cell(key: str) -> str:
    return f"C{FIELD_ROWS[key]}"


def oldest_document(db: Database) -> Any:
    with db.read() as s:
        return s.scalars(select(m.Document).order_by(m.Document.issue_date)).first()


def row_of(db: Database, tracking_id: int) -> dict[str, Any]:
    with db.read() as s:
        row = s.execute(select(m.Tracking.__table__).where(m.Tracking.id == tracking_id))
        return dict(row.mappings().one())


@pytest.fixture
def prepared(db: Database, tmp_path: Path) -> dict[str, Any]:
    """Demo data; the form rows emptied (so each value in a file is a fill) and one row
    given 2,000 members; the forms exported."""
    create_demo(db, orgs=200, documents=3, today=TODAY, seed=11)
    doc = oldest_document(db)
    targets = form_targets(db, doc.id)
    assert len(targets) >= 12
    with db.read() as s:
        versions = dict(
            s.execute(
                select(m.Tracking.id, m.Tracking.version).where(m.Tracking.document_id == doc.id)
            ).all()
        )
    blank = {k: ("" if k in ("study_form", "plan_number", "note") else None) for k in FORM_KEYS}
    changes = [(t.tracking_id, dict(blank), versions[t.tracking_id]) for t in targets]
    changes[0][1].update(cells_total=20, members_total=2000)
    apply_changes(db, changes, today=TODAY)
    out = tmp_path / "phieu"
    result = export_forms(db, doc.id, out)
    by_org = {t.organisation_id: t for t in form_targets(db, doc.id)}
    files = {}
    for path in result.files:
        ident = dict(openpyxl.load_workbook(path)[IDENTITY_SHEET].values)
        files[int(ident["organisation_id"])] = path
    return {
        "doc": doc,
        "targets": [by_org[t.organisation_id] for t in targets],
        "files": files,
        "out": out,
        "tmp": tmp_path,
    }


def fill(src: Path, dest: Path, values: dict[str, Any], edit: Any = None) -> Path:
    wb = openpyxl.load_workbook(src)
    ws = wb[FORM_SHEET]
    for key, value in values.items():
        ws[cell(key)] = value
    if edit is not None:
        edit(wb)
    wb.save(dest)
    return dest


def test_export_writes_one_protected_form_per_organisation(prepared: dict[str, Any]) -> None:
    doc, targets, files = prepared["doc"], prepared["targets"], prepared["files"]
    assert len(files) == len(targets)
    path = files[targets[0].organisation_id]
    assert path.name == form_file_name(
        f"{doc.number}-{doc.symbol}", targets[0].org_code, targets[0].org_name
    )
    assert path.name.isascii() and " " not in path.name
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [FORM_SHEET, "Hướng dẫn", IDENTITY_SHEET]
    assert wb[IDENTITY_SHEET].sheet_state == "veryHidden"
    ws = wb[FORM_SHEET]
    assert ws.protection.sheet is True and not ws.protection.password
    assert ws["C4"].value == targets[0].org_name and ws["C4"].protection.locked
    assert ws[cell("members_total")].value == 2000
    assert ws[cell("members_attending")].protection.locked is False
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules[cell("members_attending")].type == "whole"
    assert rules[cell("members_attending")].formula2 == "2000"
    assert rules[cell("received_date")].type == "date"
    assert rules[cell("study_form")].type == "list"
    assert StudyForm.CONFERENCE.label in rules[cell("study_form")].formula1
    assert ws.print_title_rows == "$9:$9"
    assert ws.page_setup.paperSize == 9 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_round_trip_with_the_mistakes_people_make(db: Database, prepared: dict[str, Any]) -> None:
    doc, targets, files, tmp = (prepared[k] for k in ("doc", "targets", "files", "tmp"))
    back = tmp / "nhan-lai"
    back.mkdir()
    issue: date = doc.issue_date
    d1, d2 = issue + timedelta(days=5), issue + timedelta(days=12)
    src = [files[t.organisation_id] for t in targets]
    t = targets
    # accepted: numbers typed as text with Vietnamese thousands, a date typed as text
    fill(
        src[0],
        back / src[0].name,
        {
            "received_date": f"{d1.day}/{d1.month}/{d1.year}",
            "study_date": d2,
            "study_form": StudyForm.CONFERENCE.label,
            "study_sessions": 2,
            "cells_held": "18",
            "members_attending": "1.234",
            "non_members": 40,
            "plan_number": "12-KH/ĐU",
            "plan_date": d2,
            "note": "Đã phổ biến đến 18 chi bộ",
        },
    )
    fill(
        src[1],
        back / src[1].name,
        {
            "received_date": d1,
            "study_date": "  " + d2.strftime("%d/%m/%Y"),
            "study_form": "Sinh hoạt chi bộ",
        },
    )
    # accepted with a warning: the sheet renamed
    fill(
        src[2],
        back / src[2].name,
        {"received_date": d1},
        edit=lambda wb: setattr(wb[FORM_SHEET], "title", "Sheet1"),
    )
    # needs confirmation: the identity deleted (matched by code)
    fill(
        src[3],
        back / src[3].name,
        {"received_date": d2},
        edit=lambda wb: wb.remove(wb[IDENTITY_SHEET]),
    )
    # refused, with the cell: attendance above the total
    total = t[4].members_total or 0
    fill(src[4], back / src[4].name, {"members_attending": total + 5, "received_date": d1})
    # refused: the organisation's name changed in the fixed part
    fill(
        src[5],
        back / src[5].name,
        {"received_date": d1},
        edit=lambda wb: wb[FORM_SHEET].__setitem__("C4", "Đảng bộ khác"),
    )
    # refused: text in a number cell; a date before the document's issue date
    fill(
        src[6],
        back / src[6].name,
        {"study_sessions": "hai buổi", "study_date": issue - timedelta(days=3)},
    )
    # refused before reading: .xls renamed, password-protected, truncated, zip bomb
    corpus.xls(back / "don-vi-xls.xlsx")
    corpus.encrypted(back / "co-mat-khau.xlsx")
    good = (back / src[0].name).read_bytes()
    (back / "bi-cat.xlsx").write_bytes(good[: len(good) // 2])
    corpus.zip_bomb(back / "bom.xlsx")

    before, audits = dump(db), audit_count(db)
    started = time.perf_counter()
    plan = plan_forms_import(db, [back], document_id=doc.id, today=TODAY)
    assert time.perf_counter() - started < 10
    by_name = {f.name: f for f in plan.files}
    status = {name: f.status for name, f in by_name.items()}
    assert status[src[0].name] is FileStatus.ACCEPTED
    assert status[src[1].name] is FileStatus.ACCEPTED
    assert status[src[2].name] is FileStatus.ACCEPTED
    assert any("đổi tên" in w for w in by_name[src[2].name].warnings)
    assert status[src[3].name] is FileStatus.CONFIRM
    assert t[3].org_code in by_name[src[3].name].reason
    for name in (
        src[4].name,
        src[5].name,
        src[6].name,
        "don-vi-xls.xlsx",
        "co-mat-khau.xlsx",
        "bi-cat.xlsx",
        "bom.xlsx",
    ):
        assert status[name] is FileStatus.REFUSED, name
    problems = "\n".join(plan.problems())
    assert f"«{src[4].name}»: 'Phiếu báo cáo'!{cell('members_attending')}: " in problems
    assert "vượt tổng số đảng viên" in problems
    assert f"«{src[5].name}»: 'Phiếu báo cáo'!C4: Ô in sẵn đã bị sửa" in problems
    assert f"«{src[6].name}»: 'Phiếu báo cáo'!{cell('study_sessions')}: " in problems
    assert f"«{src[6].name}»: 'Phiếu báo cáo'!{cell('study_date')}: " in problems
    assert "trước ngày ban hành" in problems
    assert "«don-vi-xls.xlsx»: Tệp «don-vi-xls.xlsx» là tệp Excel cũ (.xls" in problems
    assert "mật khẩu" in problems and "cắt cụt" in problems and "bom nén" in problems

    # all or nothing: refused files -> nothing written
    with pytest.raises(FormsRefusedError) as info:
        apply_forms_import(db, plan)
    assert len(info.value.problems) == 9  # 8 cells or files refused, 1 match unconfirmed
    assert dump(db) == before and audit_count(db) == audits

    # the GUI's choice: the accepted files, and the confirmed match
    result = apply_forms_import(db, plan, only_accepted=True, confirmed=[back / src[3].name])
    assert result.files == 4 and result.rows_changed == 4
    if db.dialect == "sqlite":  # a verified copy of the data as it was, taken first
        backups = Path(db.location).parent / "backups"
        assert any("truoc-nhap" in p.name for p in backups.iterdir())
    r0 = row_of(db, t[0].tracking_id)
    assert (
        r0["received_date"],
        r0["study_date"],
        r0["study_form"],
        r0["study_sessions"],
        r0["cells_held"],
        r0["members_attending"],
        r0["non_members"],
        r0["plan_number"],
        r0["plan_date"],
        r0["note"],
    ) == (d1, d2, "hoi_nghi", 2, 18, 1234, 40, "12-KH/ĐU", d2, "Đã phổ biến đến 18 chi bộ")
    r1 = row_of(db, t[1].tracking_id)
    assert (r1["received_date"], r1["study_date"], r1["study_form"]) == (d1, d2, "sinh_hoat_chi_bo")
    assert row_of(db, t[2].tracking_id)["received_date"] == d1
    assert row_of(db, t[3].tracking_id)["received_date"] == d2
    for k in (4, 5, 6):
        row = row_of(db, t[k].tracking_id)
        assert all(row[key] in (None, "") for key in FORM_KEYS), k
    assert audit_count(db) == audits + 4 + 1  # one per row, one naming the files

    # undo puts everything back
    apply_undo(db, result.undo, today=TODAY)
    assert dump(db) == before


def test_conflicts_kept_unless_the_file_value_is_taken(
    db: Database, prepared: dict[str, Any]
) -> None:
    doc, targets, files, tmp = (prepared[k] for k in ("doc", "targets", "files", "tmp"))
    target = targets[1]
    with db.read() as s:
        version = s.scalar(select(m.Tracking.version).where(m.Tracking.id == target.tracking_id))
    apply_changes(
        db, [(target.tracking_id, {"study_sessions": 3, "non_members": 7}, version)], today=TODAY
    )
    path = fill(
        files[target.organisation_id],
        tmp / "a.xlsx",
        {"study_sessions": 4, "non_members": 7, "received_date": TODAY},
    )
    plan = plan_forms_import(db, [path], today=TODAY)
    f = plan.files[0]
    assert f.status is FileStatus.ACCEPTED and f.unchanged == 1
    assert [(c.field, c.before, c.after, c.conflict) for c in f.changes] == [
        ("received_date", None, TODAY, False),
        ("study_sessions", 3, 4, True),
    ]
    apply_forms_import(db, plan)
    row = row_of(db, target.tracking_id)
    assert (row["received_date"], row["study_sessions"]) == (TODAY, 3)
    plan = plan_forms_import(db, [path], today=TODAY)
    apply_forms_import(db, plan, take_file_values=[(target.tracking_id, "study_sessions")])
    assert row_of(db, target.tracking_id)["study_sessions"] == 4


def test_tampered_old_foreign_and_wrong_document_forms_refused(
    db: Database, prepared: dict[str, Any]
) -> None:
    targets, files, tmp = prepared["targets"], prepared["files"], prepared["tmp"]
    src = files[targets[0].organisation_id]

    def identity(key: str, value: str) -> Any:
        def edit(wb: Any) -> None:
            ws = wb[IDENTITY_SHEET]
            for row in ws.iter_rows():
                if row[0].value == key:
                    row[1].value = value

        return edit

    fill(src, tmp / "khac-don-vi.xlsx", {}, identity("organisation_id", "1"))
    fill(src, tmp / "mau-cu.xlsx", {}, identity("version", "0"))
    fill(src, tmp / "may-khac.xlsx", {}, identity("key_id", "000000000000"))
    with db.read() as s:
        other = s.scalars(select(m.Document.id).where(m.Document.id != prepared["doc"].id)).first()
    plan = plan_forms_import(
        db,
        [tmp / n for n in ("khac-don-vi.xlsx", "mau-cu.xlsx", "may-khac.xlsx")] + [src],
        document_id=other,
        today=TODAY,
    )
    reasons = {f.name: f.reason for f in plan.files}
    assert all(f.status is FileStatus.REFUSED for f in plan.files)
    assert "mã kiểm tra không khớp" in reasons["khac-don-vi.xlsx"]
    assert "mẫu cũ" in reasons["mau-cu.xlsx"]
    assert "cơ sở dữ liệu khác" in reasons["may-khac.xlsx"]
    assert "không phải văn bản đang nhập" in reasons[src.name]


def test_legacy_text_asked_then_converted(db: Database, prepared: dict[str, Any]) -> None:
    targets, files, tmp = prepared["targets"], prepared["files"], prepared["tmp"]
    t = targets[2]
    path = fill(files[t.organisation_id], tmp / "tcvn3.xlsx", {"note": "§¶ng bé x· Phó Léc"})
    plan = plan_forms_import(db, [path], today=TODAY)
    assert plan.files[0].status is FileStatus.REFUSED
    assert "TCVN3 (ABC)" in plan.problems()[0] and cell("note") in plan.problems()[0]
    plan = plan_forms_import(db, [path], today=TODAY, legacy="convert")
    apply_forms_import(db, plan)
    assert row_of(db, t.tracking_id)["note"] == "Đảng bộ xã Phú Lộc"


def test_a_form_typed_from_scratch_is_matched_by_name(
    db: Database, prepared: dict[str, Any]
) -> None:
    doc, targets, tmp = prepared["doc"], prepared["targets"], prepared["tmp"]
    t = targets[5]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bao cao"
    ws["B4"], ws["C4"] = "Đơn vị báo cáo:", t.org_name.upper()
    ws["B6"], ws["C6"] = "Văn bản:", f"{doc.number}-{doc.symbol}"
    received = TODAY - timedelta(days=30)
    ws["B10"], ws["C10"] = "Ngày nhận văn bản", received
    ws["B12"], ws["C12"] = "ngay hoc tap, quan triet", "ngày mai"
    wb.save(tmp / "tu-go.xlsx")
    plan = plan_forms_import(db, [tmp / "tu-go.xlsx"], today=TODAY)
    f = plan.files[0]
    assert f.status is FileStatus.REFUSED and f.organisation_id == t.organisation_id
    assert "'Bao cao'!C12" in plan.problems()[0]
    ws["C12"] = None
    wb.save(tmp / "tu-go.xlsx")
    plan = plan_forms_import(db, [tmp / "tu-go.xlsx"], today=TODAY)
    assert plan.files[0].status is FileStatus.CONFIRM
    with pytest.raises(FormsRefusedError):
        apply_forms_import(db, plan)
    apply_forms_import(db, plan, confirmed=[tmp / "tu-go.xlsx"])
    assert row_of(db, t.tracking_id)["received_date"] == received
