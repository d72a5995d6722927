"""The audit trail is append-only and hash-chained; the verifier names where a chain breaks."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desktop.domain.enums import AuditAction
from desktop.services.audit import document_history, verify
from desktop.services.database import Database
from desktop.services.tracking_write import audit_rows
from desktop.store import audit_chain
from desktop.store import models as m


def _write(db: Database, n: int, prefix: str = "Chi bộ") -> list[int]:
    ids = []
    for i in range(n):
        with db.transaction() as s:
            org = m.Organisation(name=f"{prefix} {i}")
            s.add(org)
            s.flush()
            ids.append(org.id)
            db.audit_bulk(s, "organisations", f"ghi chú {i}")
    return ids


def _raw(db: Database, sql: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql))


def test_every_row_is_sealed_in_one_chain(db: Database) -> None:
    _write(db, 4)
    with db.read() as s:
        rows = s.execute(
            select(m.AuditEntry.seq, m.AuditEntry.prev_hash, m.AuditEntry.row_hash).order_by(
                m.AuditEntry.seq
            )
        ).all()
    assert [r.seq for r in rows] == list(range(1, 9))  # 2 rows per transaction
    assert rows[0].prev_hash == ""
    assert all(b.prev_hash == a.row_hash for a, b in zip(rows, rows[1:], strict=False))
    verdict = verify(db)
    assert verdict.ok and verdict.checked == 8


def _write_bulk(db: Database, n: int, prefix: str = "Chi bộ") -> None:
    """Transactions that mix ORM audit rows (sealed at commit) with rows inserted sealed."""
    for i in range(n):
        with db.transaction() as s:
            s.add(m.Organisation(name=f"{prefix} {i}"))
            s.flush()
            changes = [(k, {"note": ""}, {"note": f"{prefix} {i}.{k}"}, "sửa") for k in range(3)]
            audit_rows(db, s, "tracking", AuditAction.UPDATE, changes)
            db.audit_bulk(s, "organisations", f"sau {i}")


def test_rows_inserted_sealed_join_the_chain_in_the_order_written(db: Database) -> None:
    _write_bulk(db, 3)
    with db.read() as s:
        rows = s.execute(select(m.AuditEntry.entity, m.AuditEntry.summary, m.AuditEntry.id)
                         .order_by(m.AuditEntry.seq)).all()
        unsealed = s.scalar(select(func.count()).where(m.AuditEntry.row_hash.is_(None)))
    assert unsealed == 0
    # per transaction: the organisation (flushed before), the three rows, then the summary
    assert [r.entity for r in rows[:5]] == ["organisations"] + ["tracking"] * 3 + ["organisations"]
    assert rows[4].summary == "sau 0"
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    verdict = verify(db)
    assert verdict.ok and verdict.checked == 15, verdict.message


def test_audit_rows_cannot_be_updated_or_deleted(db: Database) -> None:
    _write(db, 1)
    for sql in (
        "UPDATE audit_log SET actor = 'ai-do'",
        "DELETE FROM audit_log",
        "UPDATE audit_log SET row_hash = NULL",
    ):
        with pytest.raises(DBAPIError, match="append-only"):
            _raw(db, sql)
    with db.read() as s:
        assert s.scalars(select(m.AuditEntry.actor)).all() == ["kiem-thu", "kiem-thu"]


def _drop_triggers(db: Database) -> None:
    with db.engine.begin() as conn:
        audit_chain.drop_triggers(conn)


@pytest.mark.parametrize(
    "tamper, reason",
    [
        ("UPDATE audit_log SET summary = 'sửa lén' WHERE seq = 3", "sửa"),
        ("DELETE FROM audit_log WHERE seq = 3", "xóa"),
    ],
)
def test_tampering_is_reported_where_it_happened(db: Database, tamper: str, reason: str) -> None:
    _write(db, 3)
    with db.read() as s:
        third = s.scalar(select(m.AuditEntry.id).where(m.AuditEntry.seq == 3))
        fourth = s.scalar(select(m.AuditEntry.id).where(m.AuditEntry.seq == 4))
    _drop_triggers(db)
    _raw(db, tamper)
    verdict = verify(db)
    assert not verdict.ok
    expected = third if "UPDATE" in tamper else fourth  # a removed row breaks at the next one
    assert verdict.break_id == expected
    assert f"dòng số {expected}" in verdict.message and reason in verdict.message


def test_rows_written_outside_the_program_are_reported(db: Database) -> None:
    _write(db, 1)
    _raw(
        db,
        "INSERT INTO audit_log (at, actor, action, entity, summary) "
        "VALUES ('2026-01-01 00:00:00', 'x', 'create', 'organisations', 'chèn')",
    )
    verdict = verify(db)
    assert not verdict.ok and "niêm phong" in verdict.message


def _two_clerks_at_once(pg_db: Database, write: Callable[[Database, str], None]) -> None:
    """``write`` run by two clerks (two connections) at the same time."""
    other = Database.open(pg_db.engine.url.render_as_string(hide_password=False), actor="b")
    errors: list[BaseException] = []

    def clerk(db: Database, name: str) -> None:
        try:
            write(db, name)
        except BaseException as exc:  # pragma: no cover - shown by the assertion
            errors.append(exc)

    threads = [threading.Thread(target=clerk, args=(d, n))
               for d, n in ((pg_db, "Chi bộ A"), (other, "Chi bộ B"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.close()
    assert not errors


@pytest.mark.postgres
def test_two_clerks_committing_at_once_keep_one_chain(pg_db: Database) -> None:
    _two_clerks_at_once(pg_db, lambda db, name: _write(db, 15, name))
    verdict = verify(pg_db)
    assert verdict.ok and verdict.checked == 60, verdict.message


@pytest.mark.postgres
def test_two_clerks_writing_in_bulk_at_once_keep_one_chain(pg_db: Database) -> None:
    _two_clerks_at_once(pg_db, lambda db, name: _write_bulk(db, 10, name))
    verdict = verify(pg_db)
    assert verdict.ok and verdict.checked == 100, verdict.message


def test_document_history_lists_the_document_and_its_tracking(sqlite_db: Database) -> None:
    from datetime import date

    with sqlite_db.transaction() as s:
        type_id = s.scalar(select(m.DocumentType.id).where(m.DocumentType.code == "CT"))
        doc = m.Document(
            type_id=type_id,
            number="16",
            symbol="CT/TU",
            excerpt="về an toàn",
            issue_date=date(2026, 11, 1),
        )
        org = m.Organisation(name="Đảng bộ xã Tân An")
        s.add_all([doc, org])
        s.flush()
        row = m.Tracking(document_id=doc.id, organisation_id=org.id)
        s.add(row)
    with sqlite_db.transaction() as s:
        s.get(m.Tracking, row.id).received_date = date(2026, 11, 5)
    with sqlite_db.transaction() as s:
        s.add(m.Organisation(name="Không liên quan"))
    history = document_history(sqlite_db, doc.id)
    assert [(h.action, h.what.split(" #")[0]) for h in history] == [
        ("Tạo", "Văn bản"),
        ("Tạo", "Dòng theo dõi"),
        ("Sửa", "Dòng theo dõi"),
    ]
    assert "Ngày nhận: (trống) → 05/11/2026" in history[-1].detail
    assert "Trích yếu: về an toàn" in history[0].detail
