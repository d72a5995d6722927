"""SQLAlchemy 2 typed models: the whole workflow of domain.md in one schema (revision 0002).

Conventions:
- business dates are ``Date``; timestamps are UTC (``UTCDateTime`` stores naive UTC, returns aware);
- closed vocabularies are short strings (see ``desktop.domain.enums``), never native enums;
- every row a clerk edits carries ``version`` for optimistic locking (SQLAlchemy's
  ``version_id_col``: a stale UPDATE raises ``StaleDataError``);
- ``*_key`` columns hold the folded search key (``desktop.domain.text.fold``) and are indexed;
- there is deliberately no column naming an individual in attendance or compliance records: only
  aggregate counts and roles. Names appear only as signers of official documents.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    select,
)
from sqlalchemy import (
    text as sql_text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from desktop.domain.text import fold

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC, always returned timezone-aware (same on both backends)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC timestamp column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Mixin for rows clerks edit: optimistic locking and change times."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, nullable=False, default=utcnow, onupdate=utcnow
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- organisations


class OrgKind(Base):
    """Editable list of organisation kinds (đảng bộ trực thuộc, chi bộ cơ sở, ban/sở/ngành…)."""

    __tablename__ = "org_kinds"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # True for kinds that are party cells themselves (counted in "chi bộ" denominators).
    is_party_cell: Mapped[bool] = mapped_column(default=False)


class Organisation(Versioned, Base):
    """A node of the versioned organisation tree.

    ``valid_from``/``valid_to`` bound its life; a merge ends it and points ``merged_into_id`` at
    the successor; a renamed organisation that became a new entity points ``renamed_from_id`` at
    its predecessor. ``top_id`` and ``depth`` are maintained by the service layer (the ancestor
    directly under the root, and the distance from the root) so statistics group in one join.
    """

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(120), default="")
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    kind_id: Mapped[int | None] = mapped_column(ForeignKey("org_kinds.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    top_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    renamed_from_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    search_key: Mapped[str] = mapped_column(String(600), default="", index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    kind: Mapped[OrgKind | None] = relationship(lazy="joined")

    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from",
                        name="valid_range"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )


class OrgHistory(Base):
    """A past state of an organisation (name, parent, kind) for "as of a date" queries."""

    __tablename__ = "org_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(120), default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    kind_id: Mapped[int | None] = mapped_column(ForeignKey("org_kinds.id"))
    reason: Mapped[str] = mapped_column(String(40), default="")  # rename / move / kind


class OrgDenominator(Versioned, Base):
    """Dated denominators: how many party cells and members an organisation had as of a date."""

    __tablename__ = "org_denominators"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE")
    )
    as_of: Mapped[date] = mapped_column(Date)
    party_cells: Mapped[int | None] = mapped_column(Integer)
    party_members: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("organisation_id", "as_of"),
        CheckConstraint("party_cells IS NULL OR party_cells >= 0", name="cells_nonneg"),
        CheckConstraint("party_members IS NULL OR party_members >= 0", name="members_nonneg"),
    )


class OrgGroup(Versioned, Base):
    """A named group of organisations as written in "Nơi nhận" ("Các đảng bộ trực thuộc…")."""

    __tablename__ = "org_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(120), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class OrgGroupMember(Base):
    __tablename__ = "org_group_members"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("org_groups.id", ondelete="CASCADE"), primary_key=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), primary_key=True, index=True
    )


# --------------------------------------------------------------------------- issuing bodies


class IssuingBody(Versioned, Base):
    """A body that issues documents: its header lines, symbol, place name, format and signer."""

    __tablename__ = "issuing_bodies"

    id: Mapped[int] = mapped_column(primary_key=True)
    superior_name: Mapped[str] = mapped_column(String(300), default="")  # e.g. "TỈNH ỦY QUẢNG TRỊ"
    name: Mapped[str] = mapped_column(String(300))  # own name lines, "\n" between lines
    symbol: Mapped[str] = mapped_column(String(40), unique=True)  # TU, BTGDVTU, VPTU, UBND
    place_name: Mapped[str] = mapped_column(String(120), default="")
    regime: Mapped[str] = mapped_column(String(10), default="party")
    format_profile: Mapped[str] = mapped_column(String(60), default="")
    signer_authority: Mapped[str] = mapped_column(String(120), default="")  # T/M BAN THƯỜNG VỤ
    signer_title: Mapped[str] = mapped_column(String(120), default="")
    signer_name: Mapped[str] = mapped_column(String(120), default="")
    is_own_office: Mapped[bool] = mapped_column(default=False)


class PartyTerm(Base):
    """A term (nhiệm kỳ) of a Party committee; Party documents are numbered per term."""

    __tablename__ = "party_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))  # "Nhiệm kỳ 2025 - 2030"
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)


# --------------------------------------------------------------------------- documents


class DocumentType(Base):
    """Editable list of document types with their symbol abbreviation (CT, NQ, KL, BC…)."""

    __tablename__ = "document_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    trackable: Mapped[bool] = mapped_column(default=True)


class Document(Versioned, Base):
    """A document whose reception, study, implementation and reporting is tracked."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("document_types.id"))
    number: Mapped[str] = mapped_column(String(20), default="")  # "15"
    symbol: Mapped[str] = mapped_column(String(60), default="")  # "CT/TU"
    issue_date: Mapped[date | None] = mapped_column(Date, index=True)
    issuing_body_id: Mapped[int | None] = mapped_column(ForeignKey("issuing_bodies.id"))
    excerpt: Mapped[str] = mapped_column(Text, default="")
    signer_authority: Mapped[str] = mapped_column(String(120), default="")
    signer_title: Mapped[str] = mapped_column(String(120), default="")
    signer_name: Mapped[str] = mapped_column(String(120), default="")
    urgency: Mapped[str] = mapped_column(String(20), default="thuong")
    confidentiality: Mapped[str] = mapped_column(String(20), default="thuong")
    scope: Mapped[str] = mapped_column(String(20), default="cap_truc_thuoc")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    search_key: Mapped[str] = mapped_column(Text, default="")
    number_key: Mapped[str] = mapped_column(String(80), default="", index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    type: Mapped[DocumentType] = relationship(lazy="joined")
    issuing_body: Mapped[IssuingBody | None] = relationship(lazy="joined")
    deadlines: Mapped[list[Deadline]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Deadline.due_date"
    )


class Deadline(Versioned, Base):
    """One of several deadlines of a document (study by, first report by, periodic…)."""

    __tablename__ = "deadlines"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    due_date: Mapped[date] = mapped_column(Date)
    label: Mapped[str] = mapped_column(String(200), default="")
    period: Mapped[str] = mapped_column(String(40), default="")  # "2026", "6 tháng đầu năm 2026"
    # Optional: a deadline that applies only to organisations at this depth of the tree.
    depth: Mapped[int | None] = mapped_column(Integer)
    # Optional: "N working days after issue/receipt" (desktop.services.calendar); when set, the
    # effective date is computed per row and ``due_date`` is the date counted from the issue.
    working_days: Mapped[int | None] = mapped_column(Integer)
    counted_from: Mapped[str | None] = mapped_column(String(10))  # 'issue' | 'receipt'

    document: Mapped[Document] = relationship(back_populates="deadlines")

    __table_args__ = (
        CheckConstraint("working_days IS NULL OR working_days > 0", name="working_days_positive"),
        CheckConstraint("counted_from IS NULL OR counted_from IN ('issue', 'receipt')",
                        name="counted_from"),
    )


class DocumentRecipientLine(Base):
    """One line of a document's "Nơi nhận" block: a group, an organisation, or text only.

    Text-only lines ("LĐVP, PTH", "Lưu Văn phòng Tỉnh ủy") are printed but track nobody.
    """

    __tablename__ = "document_recipient_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("org_groups.id"))
    # a line naming one organisation ("- Công an tỉnh;"); neither set: printed text only
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))


class Attachment(Base):
    """A file kept beside the database, referenced by relative path and SHA-256."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    tracking_id: Mapped[int | None] = mapped_column(
        ForeignKey("tracking.id", ondelete="CASCADE"), index=True
    )
    rel_path: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    original_name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(String(300), default="")
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# --------------------------------------------------------------------------- tracking


class Tracking(Versioned, Base):
    """One recipient organisation of one document: receipt, study, plan, in one row.

    Attendance is aggregate counts only. Reports and reminders, which repeat, have their own
    tables. ``cells_total``/``members_total`` are copied from the organisation's denominators as
    of the document's date and may be corrected by the clerk.
    """

    __tablename__ = "tracking"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    # sent / received
    sent_date: Mapped[date | None] = mapped_column(Date)
    sent_channel: Mapped[str] = mapped_column(String(20), default="")
    received_date: Mapped[date | None] = mapped_column(Date)
    received_confirmed_by: Mapped[str] = mapped_column(String(120), default="")  # a role
    # study sessions (học tập, quán triệt) — counts only
    study_date: Mapped[date | None] = mapped_column(Date)
    study_end_date: Mapped[date | None] = mapped_column(Date)
    study_form: Mapped[str] = mapped_column(String(20), default="")
    study_sessions: Mapped[int | None] = mapped_column(Integer)
    cells_held: Mapped[int | None] = mapped_column(Integer)
    cells_total: Mapped[int | None] = mapped_column(Integer)
    members_attending: Mapped[int | None] = mapped_column(Integer)
    members_total: Mapped[int | None] = mapped_column(Integer)
    non_members: Mapped[int | None] = mapped_column(Integer)
    # implementation plan
    plan_number: Mapped[str] = mapped_column(String(60), default="")
    plan_date: Mapped[date | None] = mapped_column(Date)
    plan_status: Mapped[str] = mapped_column(String(20), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        UniqueConstraint("document_id", "organisation_id"),
        # Covers every column the statistics read, so counting never visits the table rows.
        Index("ix_tracking_stats", "document_id", "organisation_id", "received_date",
              "study_date", "plan_date", "plan_status", "cells_held", "cells_total",
              "members_attending", "members_total"),
        CheckConstraint("cells_held IS NULL OR cells_held >= 0", name="cells_held_nonneg"),
        CheckConstraint("cells_total IS NULL OR cells_total >= 0", name="cells_total_nonneg"),
        CheckConstraint("members_attending IS NULL OR members_attending >= 0",
                        name="members_nonneg"),
        CheckConstraint("members_total IS NULL OR members_total >= 0",
                        name="members_total_nonneg"),
        CheckConstraint("non_members IS NULL OR non_members >= 0", name="non_members_nonneg"),
        CheckConstraint("study_sessions IS NULL OR study_sessions >= 0", name="sessions_nonneg"),
    )


class TrackingReport(Versioned, Base):
    """A report an organisation sent back for one document (one-off or one period).

    ``document_id`` repeats the tracking row's document (kept equal by a mapper hook and checked
    by ``theodoi-cli check``) so a document's reports are found without touching its tracking
    rows: statistics count reports from the reports, not by probing every recipient.
    """

    __tablename__ = "tracking_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_id: Mapped[int] = mapped_column(
        ForeignKey("tracking.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    deadline_id: Mapped[int | None] = mapped_column(
        ForeignKey("deadlines.id", ondelete="SET NULL"), index=True
    )
    period: Mapped[str] = mapped_column(String(40), default="")
    number: Mapped[str] = mapped_column(String(60), default="")  # "12-BC/ĐU"
    report_date: Mapped[date | None] = mapped_column(Date)
    received_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="dung_han")
    note: Mapped[str] = mapped_column(Text, default="")


class Reminder(Base):
    """A reminder (đôn đốc) sent to an organisation about a document."""

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_id: Mapped[int] = mapped_column(
        ForeignKey("tracking.id", ondelete="CASCADE"), index=True
    )
    sent_date: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20), default="")
    outgoing_id: Mapped[int | None] = mapped_column(
        ForeignKey("outgoing_register.id"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- outgoing register


class NumberSequence(Base):
    """The last number used for a document type by an issuing body in a period.

    Party bodies number per term (``period_key`` = "term:<id>"), State bodies per calendar
    year (``period_key`` = "2026").
    """

    __tablename__ = "number_sequences"

    id: Mapped[int] = mapped_column(primary_key=True)
    issuing_body_id: Mapped[int] = mapped_column(ForeignKey("issuing_bodies.id"))
    type_id: Mapped[int] = mapped_column(ForeignKey("document_types.id"))
    period_key: Mapped[str] = mapped_column(String(40))
    last_number: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("issuing_body_id", "type_id", "period_key"),)


class OutgoingEntry(Versioned, Base):
    """A line of the outgoing register (sổ văn bản đi)."""

    __tablename__ = "outgoing_register"

    id: Mapped[int] = mapped_column(primary_key=True)
    issuing_body_id: Mapped[int] = mapped_column(ForeignKey("issuing_bodies.id"))
    type_id: Mapped[int] = mapped_column(ForeignKey("document_types.id"))
    period_key: Mapped[str] = mapped_column(String(40))
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(60))
    issue_date: Mapped[date] = mapped_column(Date)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("issuing_body_id", "type_id", "period_key", "number"),)


# --------------------------------------------------------------------------- audit


class AuditEntry(Base):
    """One business write: who, when, what, and the row before and after (JSON)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(String(300), default="")
    # The hash chain (revision 0002, ``desktop.store.audit_chain``): set once, before commit.
    seq: Mapped[int | None] = mapped_column(Integer, unique=True, index=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        Index("ix_audit_unsealed", "id", sqlite_where=sql_text("row_hash IS NULL"),
              postgresql_where=sql_text("row_hash IS NULL")),
    )


class CalendarDay(Base):
    """An exception to the Monday–Friday week: a public holiday (or a day off given in
    exchange), or a make-up working day ("làm bù", usually a Saturday). Editable per year."""

    __tablename__ = "calendar_days"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # 'holiday' | 'workday'
    name: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (CheckConstraint("kind IN ('holiday', 'workday')", name="kind"),)


class Setting(Base):
    """Database-wide settings shared by every clerk (office defaults), as text key/value."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- derived search keys


def organisation_search_key(name: str, short_name: str = "", code: str | None = "") -> str:
    return fold(f"{name} {short_name} {code or ''}")


def document_number_key(number: str, symbol: str) -> str:
    return fold(f"{number}-{symbol}" if number else symbol)


def document_search_key(number: str, symbol: str, excerpt: str) -> str:
    return fold(f"{number}-{symbol} {excerpt}")


@event.listens_for(Organisation, "before_insert")
@event.listens_for(Organisation, "before_update")
def _organisation_keys(_mapper: Any, _conn: Any, org: Organisation) -> None:
    org.search_key = organisation_search_key(org.name, org.short_name or "", org.code)


@event.listens_for(Document, "before_insert")
@event.listens_for(Document, "before_update")
def _document_keys(_mapper: Any, _conn: Any, doc: Document) -> None:
    doc.number_key = document_number_key(doc.number or "", doc.symbol or "")
    doc.search_key = document_search_key(doc.number or "", doc.symbol or "", doc.excerpt or "")


@event.listens_for(TrackingReport, "before_insert")
@event.listens_for(TrackingReport, "before_update")
def _report_document(_mapper: Any, conn: Any, report: TrackingReport) -> None:
    tracking = Tracking.__table__
    report.document_id = conn.execute(
        select(tracking.c.document_id).where(tracking.c.id == report.tracking_id)
    ).scalar_one()
