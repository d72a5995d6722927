"""Tests for desktop.services.ui_queries_documents on SQLite and PostgreSQL: the register rows
with regime-aware numbers and their filters, the years, and every validation problem at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.document_lookup import find_issuing_body
from desktop.services.document_register import DeadlineInput, DocumentInput, create_document
from desktop.services.ui_queries_documents import (
    Problem,
    list_register,
    register_years,
    validation_problems,
)

TODAY = date(2026, 11, 30)


@pytest.fixture
def demo(db: Database) -> Database:
    create_demo(db, orgs=120, documents=4, today=TODAY)
    return db


def _decision(db: Database) -> int:
    body = find_issuing_body(db, "UBND")
    return create_document(db, DocumentInput(
        type_code="QĐ", number="12", symbol="QĐ-UBND", issue_date=date(2025, 3, 4),
        issuing_body_id=body.id, excerpt="về việc ban hành kế hoạch")).id


def test_register_rows_number_each_document_in_its_regime(demo: Database) -> None:
    decision = _decision(demo)
    rows = list_register(demo)
    assert [r.number_symbol for r in rows] == [
        "09-KH/TU", "05-KL/TU", "09-KH/BTGDVTU", "03-CT/TU", "12/QĐ-UBND"]
    state = rows[-1]
    assert (state.id, state.regime, state.issuing_body_symbol, state.issuing_body) == (
        decision, "state", "UBND", "ỦY BAN NHÂN DÂN TỈNH HÀ SƠN")
    assert register_years(demo) == [2026, 2025]
    assert [r.number_symbol for r in list_register(demo, year=2025)] == ["12/QĐ-UBND"]
    assert [r.number_symbol for r in list_register(demo, "ke hoach", type_code="KH")] == [
        "09-KH/TU", "09-KH/BTGDVTU"]
    btg = find_issuing_body(demo, "BTGDVTU").id
    assert [r.number_symbol for r in list_register(demo, issuing_body_id=btg)] == [
        "09-KH/BTGDVTU"]
    assert [r.number_symbol for r in list_register(demo, "12 qd ubnd")] == ["12/QĐ-UBND"]
    assert len(list_register(demo, exclude_id=decision, limit=3)) == 3
    assert decision not in {r.id for r in list_register(demo, exclude_id=decision)}


def test_every_problem_is_listed_with_its_field(demo: Database) -> None:
    body = find_issuing_body(demo, "TU")
    bad = DocumentInput(
        type_code="XX", number="15", symbol="CT/TU", issue_date=None,  # type: ignore[arg-type]
        issuing_body_id=body.id, excerpt=" ", urgency="gấp",
        deadlines=(DeadlineInput("hoc_tap", date(2020, 1, 1)),))
    problems = validation_problems(demo, bad)
    assert [p.field for p in problems] == ["type_code", "issue_date", "excerpt", "urgency"]
    assert problems[0].message.startswith("Không có loại văn bản «XX»")
    # the number check runs on the input as typed; the duplicate check once all else passes
    good = DocumentInput(type_code="CT", number="3", symbol="CT/TU", issue_date=date(2026, 5, 1),
                         issuing_body_id=body.id, excerpt="về một việc")
    (duplicate,) = validation_problems(demo, good)
    assert duplicate.field == "number" and duplicate.message.startswith("Đã có Chỉ thị số 03")
    assert validation_problems(demo, replace(good, number="16")) == []
    late = DocumentInput(type_code="CT", number="16", symbol="CT-TU", issue_date=date(2026, 5, 1),
                         issuing_body_id=body.id, excerpt="về một việc",
                         deadlines=(DeadlineInput("hoc_tap", date(2026, 4, 1)),))
    assert [p.field for p in validation_problems(demo, late)] == ["symbol", "deadlines"]
    assert isinstance(validation_problems(demo, late)[0], Problem)
