"""The cascade of a document: the plans and guidance issued under it, and how far it reached.

A provincial directive is followed by the board's plan or guidance, which cite it
(``documents.parent_id``), and so on down. :func:`document_tree` returns that tree;
:func:`cascade_coverage` says, for the root document, how many of its recipients at each level of
the organisation tree (``organisations.depth``: 1 = directly under the province committee, then
their grassroots units, then the party cells…) received and studied it, and for every document
below it its own progress (:func:`desktop.services.stats.document_stats`, same definitions).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, distinct, func, literal, or_, select
from sqlalchemy.orm import aliased

from desktop.domain.enums import PlanStatus, ReportStatus
from desktop.domain.errors import NotFoundError
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.dto import StageCounts
from desktop.services.stats import document_stats
from desktop.store import models as m

__all__ = [
    "CascadeCoverage",
    "ChildCoverage",
    "DocumentNode",
    "LevelCoverage",
    "cascade_coverage",
    "document_tree",
]

_MAX_LEVELS = 32  # a guard: parent links are checked for cycles when written


@dataclass(frozen=True, slots=True)
class DocumentNode:
    """One document of a cascade with the documents issued under it."""

    id: int
    type_code: str
    type_name: str
    number_symbol: str
    issue_date: date | None
    excerpt: str
    issuing_body_symbol: str
    level: int  # 0 for the root
    parent_id: int | None
    children: tuple[DocumentNode, ...] = ()

    def walk(self) -> list[DocumentNode]:
        """This node and all below it, depth first, in issue order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(frozen=True, slots=True)
class LevelCoverage:
    """The root document's recipients at one depth of the organisation tree."""

    depth: int
    recipients: int
    party_cells: int  # of which party cells
    received: int
    discussed: int
    planned: int
    reported: int
    cells_held: int
    cells_total: int
    members_attending: int
    members_total: int

    @property
    def label(self) -> str:
        return "Cấp trực thuộc" if self.depth == 1 else f"Cấp {self.depth}"


@dataclass(frozen=True, slots=True)
class ChildCoverage:
    """A document issued under the root (at any level) and its own progress."""

    document: DocumentNode  # without its children (they have their own entries)
    counts: StageCounts


@dataclass(frozen=True, slots=True)
class CascadeCoverage:
    root: DocumentNode
    as_of: date
    totals: StageCounts
    levels: tuple[LevelCoverage, ...]
    children: tuple[ChildCoverage, ...]


def document_tree(db: Database, root_id: int) -> DocumentNode:
    """The document ``root_id`` and, recursively, the documents issued under it."""
    d = m.Document
    tree = (select(d.id.label("id"), literal(0).label("level"))
            .where(d.id == root_id).cte("cascade", recursive=True))
    child = aliased(m.Document)
    tree = tree.union_all(
        select(child.id, tree.c.level + 1)
        .join(tree, child.parent_id == tree.c.id)
        .where(tree.c.level < _MAX_LEVELS)
    )
    body = m.IssuingBody
    stmt = (
        select(d.id, m.DocumentType.code, m.DocumentType.name, d.number, d.symbol, body.regime,
               body.symbol, d.issue_date, d.excerpt, d.parent_id, tree.c.level)
        .join(tree, tree.c.id == d.id)
        .join(m.DocumentType, m.DocumentType.id == d.type_id)
        .outerjoin(body, body.id == d.issuing_body_id)
        .order_by(tree.c.level, d.issue_date, d.id)
    )
    with db.read() as s:
        rows = s.execute(stmt).all()
    if not rows:
        raise NotFoundError(f"Không có văn bản mã số #{root_id}.")
    kids: dict[int, list[int]] = {}
    info = {}
    for (doc_id, code, name, number, symbol, regime, body_symbol, issue, excerpt, parent,
         level) in rows:
        if doc_id in info:  # reached twice: keep the first (shallowest) place
            continue
        info[doc_id] = (code, name, format_number_symbol(number, symbol, regime or "party"),
                        issue, excerpt, body_symbol or "", level, parent)
        if level > 0 and parent is not None:
            kids.setdefault(parent, []).append(doc_id)

    def build(doc_id: int) -> DocumentNode:
        code, name, ns, issue, excerpt, body_symbol, level, parent = info[doc_id]
        return DocumentNode(doc_id, code, name, ns, issue, excerpt, body_symbol, level,
                            parent, tuple(build(k) for k in kids.get(doc_id, [])))

    return build(root_id)


def _levels(db: Database, document_id: int) -> tuple[LevelCoverage, ...]:
    t, o, r = m.Tracking, m.Organisation, m.TrackingReport
    planned = or_(t.plan_date.is_not(None), t.plan_status == PlanStatus.ISSUED.value)
    main = (
        select(o.depth, func.count(), func.sum(case((m.OrgKind.is_party_cell, 1), else_=0)),
               func.count(t.received_date), func.count(t.study_date),
               func.sum(case((planned, 1), else_=0)),
               *(func.coalesce(func.sum(col), 0) for col in (
                   t.cells_held, t.cells_total, t.members_attending, t.members_total)))
        .join(o, o.id == t.organisation_id)
        .outerjoin(m.OrgKind, m.OrgKind.id == o.kind_id)
        .where(t.document_id == document_id)
        .group_by(o.depth)
        .order_by(o.depth)
    )
    reported = (
        select(o.depth, func.count(distinct(r.tracking_id)))
        .join(t, t.id == r.tracking_id)
        .join(o, o.id == t.organisation_id)
        .where(r.document_id == document_id, r.status != ReportStatus.RETURNED.value)
        .group_by(o.depth)
    )
    with db.read() as s:
        rows = s.execute(main).all()
        reports = dict(s.execute(reported).all())
    return tuple(
        LevelCoverage(depth, n, int(cells or 0), received, discussed, int(planned_n or 0),
                      int(reports.get(depth, 0)), *(int(v) for v in sums))
        for depth, n, cells, received, discussed, planned_n, *sums in rows
    )


def cascade_coverage(db: Database, root_id: int, as_of: date | None = None) -> CascadeCoverage:
    """Coverage of ``root_id`` per organisation level, and each document below it."""
    today = as_of or date.today()
    root = document_tree(db, root_id)
    totals = document_stats(db, root_id, today).totals
    children = tuple(
        ChildCoverage(
            DocumentNode(n.id, n.type_code, n.type_name, n.number_symbol, n.issue_date,
                         n.excerpt, n.issuing_body_symbol, n.level, n.parent_id),
            document_stats(db, n.id, today).totals,
        )
        for n in root.walk()[1:]
    )
    return CascadeCoverage(root, today, totals, _levels(db, root_id), children)
