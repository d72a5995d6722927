"""The service layer's database handle on both backends: audit trail, optimistic locking, dates."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ConflictError
from desktop.services.database import Database
from desktop.store import models as m


def _audit(db: Database) -> list[m.AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(m.AuditEntry).order_by(m.AuditEntry.id)))


def test_every_business_write_leaves_exactly_one_audit_row(db: Database) -> None:
    with db.transaction() as s:
        org = m.Organisation(name="Đảng bộ xã Tân Lập", code="X01")
        s.add(org)
    [created] = _audit(db)
    assert (created.action, created.entity) == ("create", "organisations")
    assert created.entity_id == org.id
    assert created.actor == "kiem-thu"
    assert json.loads(created.after)["name"] == "Đảng bộ xã Tân Lập"
    assert created.at.tzinfo is not None

    with db.transaction() as s:
        s.get(m.Organisation, org.id).name = "Đảng bộ xã Tân Lập Mới"
    with db.transaction() as s:
        s.get(m.Organisation, org.id)  # read only: no audit row
    with db.transaction() as s:
        s.delete(s.get(m.Organisation, org.id))
    rows = _audit(db)
    assert [r.action for r in rows] == ["create", "update", "delete"]
    assert json.loads(rows[1].before) == {"name": "Đảng bộ xã Tân Lập"}
    assert json.loads(rows[1].after) == {"name": "Đảng bộ xã Tân Lập Mới"}
    assert json.loads(rows[2].before)["code"] == "X01"


def test_failed_transaction_leaves_no_audit_row(db: Database) -> None:
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.add(m.Organisation(name="Chi bộ thôn 1"))
        s.flush()
        raise RuntimeError("boom")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.AuditEntry)) == 0
        assert s.scalar(select(func.count()).select_from(m.Organisation)) == 0


def test_stale_write_raises_conflict(db: Database) -> None:
    with db.transaction() as s:
        org = m.Organisation(name="Chi bộ khu phố 3")
        s.add(org)
    org_id = org.id
    # Two clerks read version 1; the first saves, the second's save must not overwrite it.
    first = db._writers()
    second = db._writers()
    a = first.get(m.Organisation, org_id)
    first.commit()
    b = second.get(m.Organisation, org_id)
    second.commit()
    a.name = "Chi bộ khu phố 3A"
    first.commit()
    b.name = "Chi bộ khu phố 3B"
    with pytest.raises(Exception) as info:
        second.commit()
    second.rollback()
    first.close()
    second.close()
    assert "StaleData" in type(info.value).__name__
    # Through the service path it becomes a ConflictError with a Vietnamese message.
    with db.read() as s:
        seen = s.get(m.Organisation, org_id)  # version 2, shown in a form
    with db.transaction() as s:
        s.get(m.Organisation, org_id).note = "sửa bởi người khác"  # version 3
    with pytest.raises(ConflictError, match="người khác sửa"), db.transaction() as s:
        s.add(seen)
        seen.name = "Chi bộ khu phố 3C"
    with db.read() as s:
        assert s.get(m.Organisation, org_id).name == "Chi bộ khu phố 3A"


def test_dates_and_timestamps_round_trip(db: Database) -> None:
    with db.transaction() as s:
        kind_id = s.scalar(select(m.OrgKind.id).where(m.OrgKind.code == "dang_bo_xa"))
        org = m.Organisation(name="Đảng bộ phường Đông Hà", kind_id=kind_id,
                             valid_from=date(2025, 7, 1))
        s.add(org)
        s.flush()
        s.add(m.OrgDenominator(organisation_id=org.id, as_of=date(2024, 2, 29),
                               party_cells=12, party_members=345))
    with db.read() as s:
        got = s.get(m.Organisation, org.id)
        assert got.valid_from == date(2025, 7, 1)
        assert isinstance(got.valid_from, date) and not isinstance(got.valid_from, datetime)
        assert got.created_at.tzinfo == UTC
        assert abs((datetime.now(UTC) - got.created_at).total_seconds()) < 60
        den = s.scalars(select(m.OrgDenominator)).one()
        assert den.as_of == date(2024, 2, 29)
        assert got.kind.name == "Đảng bộ xã, phường, đặc khu"


def test_naive_timestamp_is_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive"), db.transaction() as s:
        s.add(m.AuditEntry(actor="x", action="create", entity="t", at=datetime(2026, 1, 1)))


def test_disk_full_rolls_back_with_a_message(db: Database) -> None:
    """An injected ENOSPC while writing: nothing is kept, the clerk is told what to do."""
    import errno

    from desktop.domain.errors import DatabaseError

    with pytest.raises(DatabaseError, match="Ổ đĩa chứa dữ liệu đã đầy"), db.transaction() as s:
        s.add(m.Organisation(name="Chi bộ thôn Đông"))
        s.flush()
        raise OSError(errno.ENOSPC, "No space left on device")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Organisation)) == 0
