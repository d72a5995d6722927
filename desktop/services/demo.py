"""Demo data: a fictional province in the post-2025 shape, with documents at every stage.

:func:`create_demo` fills an empty, migrated database in one transaction with Core bulk inserts
(``session.execute(insert(table), rows)``): the organisation tree with its 2025 history, dated
denominators, "Nơi nhận" groups, issuing bodies, documents with deadlines and recipient lines,
and the tracking rows, reports and reminders a clerk would have entered by ``today``.

Everything is drawn from ``random.Random`` instances seeded from ``seed``: the same arguments
give byte-identical data (timestamps aside). Attendance is aggregate counts only; tracking never
names a person (receipt is confirmed by a role).

This module is the public face (arguments, refusals, the audit entry, the summary); the steps
live in :mod:`~desktop.services.demo_tree` (the organisation tree, in memory),
:mod:`~desktop.services.demo_orgs` (organisations, denominators, groups, issuing bodies),
:mod:`~desktop.services.demo_documents` (documents, deadlines, recipient lines) and
:mod:`~desktop.services.demo_tracking` (tracking rows, reports, reminders), with the name
lists in :mod:`~desktop.services.demo_data`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from desktop.domain.errors import ValidationError
from desktop.services import demo_data as data
from desktop.services.database import Database
from desktop.services.demo_documents import create_documents
from desktop.services.demo_orgs import write_issuing_bodies, write_organisations
from desktop.services.demo_tracking import Progress, write_tracking
from desktop.services.demo_tree import build_tree
from desktop.services.demo_tree import thousands as _n
from desktop.store import models

DEMO_PROVINCE = data.PROVINCE
MIN_ORGS = 30
MAX_ORGS = 100_000
MAX_DOCUMENTS = 1_000


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`create_demo` wrote."""

    organisations: int
    party_cells: int
    documents: int
    tracking_rows: int
    reports: int
    seconds: float


def create_demo(
    db: Database,
    *,
    orgs: int = 3000,
    documents: int = 5,
    today: date | None = None,
    seed: int = 2025,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo province ``DEMO_PROVINCE``.

    ``orgs`` is the exact number of organisations written (history included), ``documents``
    the number of tracked documents; ``today`` is the date the data is "as of" (every date
    written is on or before it). Refuses (``ValidationError``, nothing changed) when the
    database already holds organisations, documents, groups, issuing bodies or terms.
    """
    started = time.perf_counter()
    if not MIN_ORGS <= orgs <= MAX_ORGS:
        raise ValidationError(
            f"Số tổ chức của dữ liệu mẫu phải từ {_n(MIN_ORGS)} đến {_n(MAX_ORGS)} "
            f"(đã nhập {_n(orgs)}).",
            field="orgs",
        )
    if not 0 <= documents <= MAX_DOCUMENTS:
        raise ValidationError(
            f"Số văn bản của dữ liệu mẫu phải từ 0 đến {_n(MAX_DOCUMENTS)} "
            f"(đã nhập {_n(documents)}).",
            field="documents",
        )
    today = today or date.today()
    report = progress or (lambda _f, _m: None)

    with db.transaction() as s:
        _refuse_if_not_empty(s)
        report(0.0, "Đang tạo cây tổ chức…")
        now = datetime.now(UTC)
        stamp = {"version": 1, "created_at": now, "updated_at": now}
        # Separate streams: the tree does not change when only the document count does.
        tree = build_tree(orgs, random.Random(f"{seed}:tree"))
        report(0.05, "Đang ghi tổ chức, số liệu đảng viên và nhóm nhận văn bản…")
        write_organisations(s, tree, stamp)
        write_issuing_bodies(s, stamp)
        docs = create_documents(s, count=documents, today=today,
                                rng=random.Random(f"{seed}:documents"), stamp=stamp)
        report(0.1, "Đang tạo dữ liệu theo dõi…")
        totals = write_tracking(s, docs, tree.orgs, today=today,
                                rng=random.Random(f"{seed}:tracking"), now=now, stamp=stamp,
                                progress=lambda f, m: report(0.1 + 0.88 * f, m))
        _advance_sequences(s)
        summary_text = (
            f"Tạo dữ liệu mẫu: tỉnh {DEMO_PROVINCE}, {_n(orgs)} tổ chức "
            f"({_n(tree.party_cells)} chi bộ), {_n(documents)} văn bản, "
            f"{_n(totals.tracking_rows)} dòng theo dõi, {_n(totals.reports)} báo cáo"
        )
        db.audit_bulk(
            s,
            "demo",
            summary_text,
            after={
                "orgs": orgs,
                "documents": documents,
                "today": today.isoformat(),
                "seed": seed,
                "tracking_rows": totals.tracking_rows,
                "reports": totals.reports,
                "reminders": totals.reminders,
            },
        )
        report(0.99, "Đang lưu…")
    seconds = time.perf_counter() - started
    report(1.0, "Đã tạo xong dữ liệu mẫu.")
    return DemoSummary(
        organisations=orgs,
        party_cells=tree.party_cells,
        documents=documents,
        tracking_rows=totals.tracking_rows,
        reports=totals.reports,
        seconds=seconds,
    )


#: Tables whose ids the generator writes itself (so parents and children link in one pass).
_EXPLICIT_ID_TABLES = (
    models.Organisation, models.OrgGroup, models.IssuingBody, models.PartyTerm, models.Document,
    models.Deadline, models.DocumentRecipientLine, models.Tracking, models.TrackingReport,
)


def _advance_sequences(s: Session) -> None:
    """PostgreSQL: move each id sequence past the ids written explicitly, or the next ORM
    insert would collide. (SQLite takes max(rowid) + 1 by itself.)"""
    if s.get_bind().dialect.name != "postgresql":
        return
    for model in _EXPLICIT_ID_TABLES:
        table = model.__tablename__
        s.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"))


def _refuse_if_not_empty(s: Session) -> None:
    for model in (
        models.Organisation,
        models.Document,
        models.OrgGroup,
        models.IssuingBody,
        models.PartyTerm,
    ):
        if s.scalar(select(func.count()).select_from(model)):
            raise ValidationError(
                "Cơ sở dữ liệu này đã có dữ liệu (tổ chức, văn bản hoặc cơ quan ban hành). "
                "Dữ liệu mẫu chỉ tạo được trong một cơ sở dữ liệu trống: hãy tạo một tệp dữ "
                "liệu mới rồi thử lại. Chưa có gì bị thay đổi."
            )
