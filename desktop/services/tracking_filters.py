"""What the tracking grid shows and in which order: filters and sort keys, turned into SQL.

:class:`TrackingFilter` (status, overdue only, "Nơi nhận" group or top-level organisation of
the row, level in the tree, organisation kind, accent-insensitive search over name, short name
and code) and :class:`SortSpec` (a column key and a direction) are plain values the UI keeps
and saves by name (:meth:`TrackingFilter.to_dict` / :meth:`TrackingFilter.from_dict`).

:class:`GridQuery` builds the statement over one document's tracking rows joined with their
organisation, its top-level organisation and the status expressions of
:class:`~desktop.services.tracking_status.StatusSql`; everything is filtered and sorted in SQL.
Empty cells sort last in both directions (the same on SQLite and PostgreSQL); ties are broken
by the organisation order (the top-level organisation's place, then depth, place and folded
name — folded names sort close to, not exactly as, the Vietnamese alphabet) and the row id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Float, Select, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.errors import ValidationError
from desktop.domain.text import LIKE_ESCAPE, search_pattern
from desktop.services.tracking_deadlines import DocumentTerms
from desktop.services.tracking_status import RowStatus, StatusSql
from desktop.store import models as m

__all__ = ["SORT_KEYS", "UNGROUPED", "GridQuery", "SortSpec", "TrackingFilter"]

#: ``TrackingFilter.group_id`` for rows whose top-level organisation is in no group.
UNGROUPED = 0


@dataclass(frozen=True)
class TrackingFilter:
    """Which rows of a document to show; every part is optional (empty: no condition)."""

    statuses: frozenset[str] = field(default_factory=frozenset)  # RowStatus codes
    overdue_only: bool = False
    group_id: int | None = None  # a "Nơi nhận" group of the row's top-level organisation
    top_id: int | None = None  # rows under this top-level organisation
    depth: int | None = None  # level in the tree (1: directly under the Tỉnh ủy)
    kind: str | None = None  # organisation kind code (org_kinds.code)
    search: str = ""  # accent-insensitive, over name, short name and code

    def __post_init__(self) -> None:
        unknown = set(self.statuses) - {s.value for s in RowStatus}
        if unknown:
            raise ValidationError(
                f"Không có tình trạng «{', '.join(sorted(unknown))}». Chọn trong: "
                + ", ".join(f"{s.value} ({s.label})" for s in RowStatus) + ".", "status")
        object.__setattr__(self, "statuses", frozenset(self.statuses))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form, for saving a named filter."""
        return {"statuses": sorted(self.statuses), "overdue_only": self.overdue_only,
                "group_id": self.group_id, "top_id": self.top_id, "depth": self.depth,
                "kind": self.kind, "search": self.search}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrackingFilter:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["statuses"] = frozenset(known.get("statuses") or ())
        return cls(**known)

    def without_status(self) -> TrackingFilter:
        """The same filter without its status and overdue parts (for the filter bar counts)."""
        return TrackingFilter(group_id=self.group_id, top_id=self.top_id, depth=self.depth,
                              kind=self.kind, search=self.search)


#: Sort keys the grid offers, with what each sorts by.
SORT_KEYS = (
    "org", "name", "code", "depth", "top", "sent_date", "sent_channel", "received_date",
    "received_confirmed_by", "study_date", "study_form", "study_sessions", "cells_held",
    "cells_total", "members_attending", "members_total", "members_percent", "non_members",
    "plan_number", "plan_date", "plan_status", "report_number", "report_date",
    "report_received_date", "report_period", "report_status", "status", "days_overdue", "note",
)
_TEXT_KEYS = {"code", "sent_channel", "received_confirmed_by", "study_form", "plan_number",
              "plan_status", "report_number", "report_period", "report_status", "note"}


@dataclass(frozen=True)
class SortSpec:
    key: str = "org"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.key not in SORT_KEYS:
            raise ValidationError(
                f"Không sắp xếp được theo «{self.key}». Chọn một trong: "
                f"{', '.join(SORT_KEYS)}.", "sort")


class GridQuery:
    """The statement over one document's rows, with the filter and sort of the grid."""

    def __init__(self, s: Session, terms: DocumentTerms) -> None:
        self.terms = terms
        self.t, self.o = m.Tracking, m.Organisation
        self.top = aliased(m.Organisation, name="top_org")
        self._session = s
        self._sql: StatusSql | None = None
        # PostgreSQL compares text by the database's locale (slow, and not SQLite's order):
        # byte order is what SQLite does, and on folded keys it is the alphabetical order.
        self._bytewise = s.get_bind().dialect.name == "postgresql"

    @property
    def sql(self) -> StatusSql:
        """The status expressions, built on first use (they cost a query when deadlines run
        from each row's receipt, and joins that a plain listing does not need)."""
        if self._sql is None:
            self._sql = StatusSql(self._session, self.terms, self.t, self.o)
        return self._sql

    def _text(self, col: Any) -> Any:
        return col.collate("C") if self._bytewise else col

    def base(self, *columns: Any, status: bool = True) -> Select[Any]:
        """``columns`` of the document's rows joined with their organisation and its top-level
        organisation, and — with ``status`` — with what the status expressions read."""
        t, o, top = self.t, self.o, self.top
        stmt = select(*columns).select_from(t).join(o, o.id == t.organisation_id) \
            .outerjoin(top, top.id == o.top_id)
        if status:
            stmt = self.sql.select_from(stmt)
        return stmt.where(t.document_id == self.terms.document_id)

    @staticmethod
    def needs_status(flt: TrackingFilter, sort: SortSpec) -> bool:
        """Whether the filter or the sort reads the status, lateness or latest report."""
        return bool(flt.statuses or flt.overdue_only or sort.key in ("status", "days_overdue")
                    or sort.key.startswith("report_"))

    def conditions(self, flt: TrackingFilter) -> list[Any]:
        o = self.o
        gm = m.OrgGroupMember
        where: list[Any] = []
        if flt.statuses:
            where.append(self.sql.status.in_(sorted(flt.statuses)))
        if flt.overdue_only:
            where.append(self.sql.overdue)
        if flt.group_id == UNGROUPED:
            where.append(~exists().where(gm.organisation_id == o.top_id))
        elif flt.group_id is not None:
            where.append(o.top_id.in_(select(gm.organisation_id)
                                      .where(gm.group_id == flt.group_id)))
        if flt.top_id is not None:
            where.append(o.top_id == flt.top_id)
        if flt.depth is not None:
            where.append(o.depth == flt.depth)
        if flt.kind:
            where.append(o.kind_id == select(m.OrgKind.id).where(m.OrgKind.code == flt.kind)
                         .scalar_subquery())
        pattern = search_pattern(flt.search)
        if pattern != "%":
            where.append(o.search_key.like(pattern, escape=LIKE_ESCAPE))
        return where

    def org_order(self) -> list[Any]:
        o, top = self.o, self.top
        return [func.coalesce(top.sort_order, o.sort_order),
                self._text(func.coalesce(top.search_key, "")), o.top_id, o.depth, o.sort_order,
                self._text(o.search_key)]

    def sort_column(self, key: str) -> Any:
        t, o, top = self.t, self.o, self.top
        special: dict[str, Any] = {
            "name": o.search_key, "code": o.code, "depth": o.depth, "top": top.search_key,
            "members_percent": cast(t.members_attending, Float) * 100
            / func.nullif(t.members_total, 0),
        }
        if key in special:
            col = special[key]
        elif key == "status":
            col = self.sql.status_rank
        elif key == "days_overdue":
            col = self.sql.days_overdue
        elif key.startswith("report_"):  # report_date is the report's own date
            col = self.sql.latest_report(key if key == "report_date"
                                         else key.removeprefix("report_"))
        else:
            col = getattr(t, key)
        return self._text(col) if key in _TEXT_KEYS or key in ("name", "top") else col

    def order_by(self, sort: SortSpec) -> list[Any]:
        tail = [*self.org_order(), self.t.id]
        if sort.key == "org":
            return [c.desc() for c in tail] if sort.descending else tail
        col = self.sort_column(sort.key)
        empty = col.is_(None)
        if sort.key in _TEXT_KEYS:
            empty = or_(empty, col == "")
        if sort.key == "days_overdue":
            empty = col == 0
        return [case((empty, 1), else_=0), col.desc() if sort.descending else col.asc(), *tail]

    def ids(self, flt: TrackingFilter, sort: SortSpec, *extra: Any,
            status: bool = False) -> Select[Any]:
        """The ids (and ``extra`` columns) of the matching rows in the order of ``sort``;
        ``status``: ``extra`` reads the status expressions."""
        status = status or self.needs_status(flt, sort)
        return self.base(self.t.id, *extra, status=status).where(*self.conditions(flt)) \
            .order_by(*self.order_by(sort))

    def counts(self, flt: TrackingFilter) -> Select[Any]:
        """(status, overdue, count) over the rows matching ``flt`` without its status parts."""
        sql = self.sql
        overdue = case((sql.overdue, 1), else_=0)
        return self.base(sql.status, overdue, func.count()) \
            .where(*self.conditions(flt.without_status())) \
            .group_by(sql.status, overdue)

