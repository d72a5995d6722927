"""Data of the dashboard: progress per document and group, and who is behind on what.

- :func:`document_progress` — one document's counts in total and per "Nơi nhận" group
  (:func:`desktop.services.stats.document_stats`, the definitions of received, discussed,
  planned, reported and overdue) with its rows per status, for the progress bars and charts;
- :func:`lateness_matrix` — organisations × documents (the top-level organisations by
  default, or those at another depth): each cell the row's status and days overdue (working
  days), each organisation's number of overdue documents and sum of overdue days, sorted by
  lateness. Two queries over all the documents (the rows at that depth, their reports); the
  status of each cell is :func:`~desktop.services.tracking_status.row_state`, the grid's own
  definition, so clicking a cell opens a row that says the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.domain.enums import ReportStatus
from desktop.domain.errors import ValidationError
from desktop.domain.text import vi_sort_key
from desktop.services.database import Database
from desktop.services.documents import list_documents
from desktop.services.dto import DocumentStats
from desktop.services.stats import document_stats
from desktop.services.tracking_deadlines import load_terms_many
from desktop.services.tracking_grid import grid_summary
from desktop.services.tracking_status import NO_DATE, RowFacts, RowStatus, row_state
from desktop.store import models as m

__all__ = [
    "MATRIX_SORTS",
    "DocumentProgress",
    "LatenessMatrix",
    "MatrixCell",
    "MatrixColumn",
    "MatrixRow",
    "document_progress",
    "lateness_matrix",
]

MATRIX_SORTS = ("days", "documents", "name")
_RETURNED = ReportStatus.RETURNED.value


@dataclass(frozen=True)
class DocumentProgress:
    """One document at a glance: the statistics and the rows per status."""

    stats: DocumentStats
    by_status: dict[str, int]
    overdue: int


def document_progress(db: Database, document_id: int, as_of: date | None = None
                      ) -> DocumentProgress:
    day = as_of or date.today()
    summary = grid_summary(db, document_id, as_of=day)
    return DocumentProgress(document_stats(db, document_id, day), summary.by_status,
                            summary.overdue)


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    document_id: int
    number_symbol: str
    type_name: str
    issue_date: date | None
    excerpt: str


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One organisation on one document; ``tracking_id`` opens the row in the grid."""

    tracking_id: int
    status: str  # RowStatus code
    days_overdue: int

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def status_label(self) -> str:
        return RowStatus(self.status).label


@dataclass(frozen=True)
class MatrixRow:
    organisation_id: int
    name: str
    code: str | None
    depth: int
    cells: dict[int, MatrixCell] = field(default_factory=dict)  # by document id
    overdue_documents: int = 0
    overdue_days: int = 0  # summed over the documents


@dataclass(frozen=True)
class LatenessMatrix:
    as_of: date
    depth: int
    columns: list[MatrixColumn]
    rows: list[MatrixRow]


def _facts(db: Database, doc_ids: list[int], depth: int, top_id: int | None
           ) -> tuple[list[Any], dict[int, list[Any]]]:
    t, o, r = m.Tracking, m.Organisation, m.TrackingReport
    orgs = select(o.id).where(o.depth == depth)
    if top_id is not None:
        orgs = orgs.where(o.top_id == top_id)
    with db.read() as s:
        conn = s.connection()  # plain Core rows: no ORM result processing
        rows = conn.execute(
            select(t.id, t.document_id, t.organisation_id, t.received_date, t.sent_date,
                   t.study_date, t.plan_date, t.plan_status, o.name, o.code, o.depth)
            .join(o, o.id == t.organisation_id)
            # driven by the organisations at that depth (a few hundred) through the index on
            # tracking.organisation_id, not by the documents' hundreds of thousands of rows
            .where(t.organisation_id.in_(orgs), t.document_id.in_(doc_ids))
        ).all()
        reports: dict[int, list[Any]] = defaultdict(list)
        for rep in conn.execute(
            select(r.tracking_id, r.id, r.deadline_id, r.status, r.received_date, r.report_date)
            .join(t, t.id == r.tracking_id)
            .where(t.organisation_id.in_(orgs), r.document_id.in_(doc_ids))
        ):
            reports[rep.tracking_id].append(rep)
    return rows, reports


def lateness_matrix(
    db: Database, *, document_ids: Sequence[int] | None = None, depth: int = 1,
    top_id: int | None = None, as_of: date | None = None, sort_by: str = "days",
    only_late: bool = False,
) -> LatenessMatrix:
    """Organisations at ``depth`` × documents (all, newest first, or those given, in that
    order). ``top_id`` keeps the organisations under one top-level organisation (to drill
    down: the whole province at depth 2 is ~18,000 × 50 cells at the stress volume, about
    15 s — a job for the task runner, not the GUI thread). ``sort_by``: ``days`` (sum of
    overdue days, then overdue documents), ``documents`` (overdue documents, then days) or
    ``name``; ``only_late`` keeps organisations behind on at least one document."""
    if sort_by not in MATRIX_SORTS:
        raise ValidationError(
            f"Không sắp xếp được theo «{sort_by}»; chọn một trong: {', '.join(MATRIX_SORTS)}.",
            "sort_by")
    day = as_of or date.today()
    docs = list_documents(db)
    if document_ids is not None:
        by_id = {d.id: d for d in docs}
        docs = [by_id[i] for i in document_ids if i in by_id]
    columns = [MatrixColumn(d.id, d.number_symbol, d.type_name, d.issue_date, d.excerpt)
               for d in docs]
    if not docs:
        return LatenessMatrix(day, depth, columns, [])
    doc_ids = [d.id for d in docs]
    rows, reports = _facts(db, doc_ids, depth, top_id)
    with db.read() as s:
        terms = load_terms_many(s, doc_ids, day)
    orgs: dict[int, dict[str, Any]] = {}
    for row in rows:
        reps = reports.get(row.id, ())
        latest = max(reps, key=lambda x: (x.received_date or x.report_date or NO_DATE, x.id),
                     default=None)
        facts = RowFacts(row.received_date, row.sent_date, row.study_date, row.plan_date,
                         row.plan_status, row.depth, latest.status if latest else None,
                         frozenset(x.deadline_id for x in reps if x.status != _RETURNED))
        state = row_state(terms[row.document_id], facts)
        org = orgs.setdefault(row.organisation_id, {
            "name": row.name, "code": row.code, "cells": {}, "late": 0, "days": 0})
        org["cells"][row.document_id] = MatrixCell(row.id, state.status.value,
                                                   state.days_overdue)
        if state.days_overdue:
            org["late"] += 1
            org["days"] += state.days_overdue
    out = [MatrixRow(oid, o["name"], o["code"], depth, o["cells"], o["late"], o["days"])
           for oid, o in orgs.items() if o["late"] or not only_late]
    if sort_by == "name":
        out.sort(key=lambda r: vi_sort_key(r.name))
    elif sort_by == "documents":
        out.sort(key=lambda r: (-r.overdue_documents, -r.overdue_days, vi_sort_key(r.name)))
    else:
        out.sort(key=lambda r: (-r.overdue_days, -r.overdue_documents, vi_sort_key(r.name)))
    return LatenessMatrix(day, depth, columns, out)
