"""Dated denominators (party cells and members) of an organisation, on both backends."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.services import organisations
from desktop.services.database import Database
from desktop.services.integrity import check
from desktop.services.org_denominators import (
    delete_denominator,
    denominator_history,
    set_denominator,
)
from desktop.services.org_detail import organisation_detail
from desktop.services.org_editing import create_organisation, dissolve_organisation
from desktop.services.org_types import OrgDetail, OrgInput
from desktop.store import models as m


def commune(db: Database) -> OrgDetail:
    root = create_organisation(db, OrgInput(name="Tỉnh ủy Thử", kind="tinh_uy"))
    return create_organisation(db, OrgInput(name="Đảng bộ xã An Bình", parent_id=root.id,
                                            valid_from=date(2025, 7, 1)))


def audit_rows(db: Database) -> list[m.AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(m.AuditEntry).where(m.AuditEntry.entity == "org_denominators")
                              .order_by(m.AuditEntry.id)))


def test_set_inserts_then_updates_the_same_date(db: Database) -> None:
    org = commune(db)
    first = set_denominator(db, org.id, date(2025, 7, 1), 12, "1.234", note="Theo báo cáo")
    assert (first.party_cells, first.party_members, first.note, first.version) == (
        12, 1234, "Theo báo cáo", 1)
    later = set_denominator(db, org.id, date(2025, 12, 31), 13, 1250)
    again = set_denominator(db, org.id, date(2025, 7, 1), "11", None,
                            expected_version=first.version)
    assert (again.id, again.party_cells, again.party_members, again.note, again.version) == (
        first.id, 11, None, "Theo báo cáo", 2)
    assert [(e.as_of, e.party_cells) for e in denominator_history(db, org.id)] == [
        (date(2025, 12, 31), 13), (date(2025, 7, 1), 11)]
    # reads pick the latest figures on or before the day
    assert organisation_detail(db, org.id, date(2025, 10, 1)).party_cells == 11
    detail = organisation_detail(db, org.id, date(2026, 1, 1))
    assert (detail.party_cells, detail.party_members, detail.denominators_as_of) == (
        13, 1250, date(2025, 12, 31))
    [node] = organisations.search(db, "an binh", as_of=date(2026, 1, 1))
    assert (node.party_cells, node.party_members) == (13, 1250)
    rows = audit_rows(db)
    assert [r.action for r in rows] == ["create", "create", "update"]
    assert json.loads(rows[2].after) == {"party_cells": 11, "party_members": None}
    assert later.version == 1
    assert all(r.ok for r in check(db))


@pytest.mark.parametrize(
    ("cells", "members", "field", "words"),
    [
        (-1, 10, "party_cells", "không được âm"),
        (1, -5, "party_members", "không được âm"),
        (None, None, "party_cells", "ít nhất một trong hai số"),
        ("", " ", "party_cells", "ít nhất một trong hai số"),
        (30, 20, "party_cells", "lớn hơn số đảng viên"),
        ("1,5", 20, "party_cells", "dấu phẩy là dấu thập phân"),
    ],
)
def test_bad_figures_are_refused(db: Database, cells: object, members: object, field: str,
                                 words: str) -> None:
    org = commune(db)
    with pytest.raises(ValidationError) as info:
        set_denominator(db, org.id, date(2025, 8, 1), cells, members)  # type: ignore[arg-type]
    assert info.value.field == field and words in info.value.message
    assert denominator_history(db, org.id) == []


def test_dates_outside_the_organisations_life_are_refused(db: Database) -> None:
    org = commune(db)
    with pytest.raises(ValidationError, match="nằm ngoài thời gian hoạt động") as info:
        set_denominator(db, org.id, date(2025, 6, 30), 1, 10)
    assert info.value.field == "as_of" and "01/07/2025 – nay" in info.value.message
    ended = dissolve_organisation(db, org.id, date(2026, 1, 1), 1)
    with pytest.raises(ValidationError, match="31/12/2025"):
        set_denominator(db, ended.id, date(2026, 1, 1), 1, 10)
    with pytest.raises(NotFoundError):
        set_denominator(db, 99_999, date(2026, 1, 1), 1, 10)


def test_stale_edit_and_delete(db: Database) -> None:
    org = commune(db)
    row = set_denominator(db, org.id, date(2025, 7, 1), 10, 200)
    set_denominator(db, org.id, date(2025, 7, 1), 10, 210, expected_version=row.version)
    with pytest.raises(ConflictError, match="người khác sửa"):
        set_denominator(db, org.id, date(2025, 7, 1), 10, 220, expected_version=row.version)
    with pytest.raises(ConflictError):
        delete_denominator(db, row.id, row.version)
    [current] = denominator_history(db, org.id)
    assert current.party_members == 210
    delete_denominator(db, current.id, current.version)
    assert denominator_history(db, org.id) == []
    with pytest.raises(NotFoundError):
        delete_denominator(db, current.id, current.version)
    assert [r.action for r in audit_rows(db)] == ["create", "update", "delete"]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.OrgDenominator)) == 0
