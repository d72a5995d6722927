"""The document register's data: inputs (:class:`DocumentInput` with its deadlines and
recipient lines) and the :class:`DocumentDetail` read back — plain frozen dataclasses, no
database. Import them from :mod:`desktop.services.document_register`.

A deadline is a date, or "N working days after the issue / after each organisation's receipt"
(``working_days`` and ``counted_from``, see :mod:`~desktop.services.tracking_deadlines`); for
the latter the register computes ``due_date`` (counted from the issue date) itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.enums import DeadlineKind
from desktop.services.attachments import AttachmentRow
from desktop.services.document_numbers import format_number_symbol
from desktop.services.tracking_deadlines import FROM_ISSUE, FROM_RECEIPT

__all__ = [
    "DeadlineInput",
    "DeadlineRow",
    "DocumentDetail",
    "DocumentInput",
    "DocumentRef",
    "RecipientLineInput",
    "RecipientLineRow",
]


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class DeadlineInput:
    kind: str  # DeadlineKind value: hoc_tap, bao_cao_lan_dau, bao_cao_dinh_ky, khac
    due_date: date | None  # ignored (computed) when ``working_days`` is set
    label: str = ""
    period: str = ""
    depth: int | None = None  # only organisations at this depth (1 = directly subordinate)
    working_days: int | None = None  # "N ngày làm việc", 1..MAX_WORKING_DAYS
    counted_from: str = FROM_ISSUE  # FROM_ISSUE | FROM_RECEIPT (only with working days)


@dataclass(frozen=True, slots=True)
class RecipientLineInput:
    text: str  # as printed: "- Các đảng bộ trực thuộc Tỉnh ủy;"
    group_id: int | None = None
    organisation_id: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentInput:
    type_code: str
    number: str
    symbol: str
    issue_date: date
    issuing_body_id: int | None
    excerpt: str
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    urgency: str = "thuong"
    confidentiality: str = "thuong"
    scope: str = "cap_truc_thuoc"
    parent_id: int | None = None
    note: str = ""
    deadlines: Sequence[DeadlineInput] = ()
    recipient_lines: Sequence[RecipientLineInput] = ()


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    id: int
    kind: str
    due_date: date
    label: str
    period: str
    depth: int | None
    working_days: int | None = None
    counted_from: str | None = None  # FROM_ISSUE | FROM_RECEIPT when working_days is set

    @property
    def kind_label(self) -> str:
        try:
            return DeadlineKind(self.kind).label
        except ValueError:
            return self.kind

    @property
    def from_receipt(self) -> bool:
        """True when each organisation's date is counted from its own receipt."""
        return self.working_days is not None and self.counted_from == FROM_RECEIPT

    def to_input(self) -> DeadlineInput:
        return DeadlineInput(self.kind, self.due_date, self.label, self.period, self.depth,
                             self.working_days, self.counted_from or FROM_ISSUE)


@dataclass(frozen=True, slots=True)
class RecipientLineRow:
    id: int
    position: int
    text: str
    group_id: int | None
    organisation_id: int | None
    target_name: str  # the group's or organisation's name ("" for a text-only line)

    @property
    def kind(self) -> str:
        """"group", "organisation" or "text" (printed only, tracks nobody)."""
        if self.group_id is not None:
            return "group"
        return "organisation" if self.organisation_id is not None else "text"


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A short reference to another document (parent, child)."""

    id: int
    type_code: str
    type_name: str
    number_symbol: str
    issue_date: date | None
    excerpt: str


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    id: int
    type_code: str
    type_name: str
    number: str
    symbol: str
    regime: str
    issue_date: date | None
    issuing_body_id: int | None
    issuing_body: str  # name on one line
    issuing_body_symbol: str
    excerpt: str
    signer_authority: str
    signer_title: str
    signer_name: str
    urgency: str
    confidentiality: str
    scope: str
    parent_id: int | None
    note: str
    version: int
    parent: DocumentRef | None = None
    deadlines: tuple[DeadlineRow, ...] = ()
    recipient_lines: tuple[RecipientLineRow, ...] = ()
    attachments: tuple[AttachmentRow, ...] = ()
    children: tuple[DocumentRef, ...] = ()
    tracking_rows: int = 0

    @property
    def number_symbol(self) -> str:
        """"15-CT/TU" (Party) or "15/QĐ-UBND" (State)."""
        return format_number_symbol(self.number, self.symbol, self.regime)

    def to_input(self) -> DocumentInput:
        """The input that would write this document again (start of an edit)."""
        return DocumentInput(
            type_code=self.type_code, number=self.number, symbol=self.symbol,
            issue_date=self.issue_date,  # type: ignore[arg-type]
            issuing_body_id=self.issuing_body_id, excerpt=self.excerpt,
            signer_authority=self.signer_authority, signer_title=self.signer_title,
            signer_name=self.signer_name, urgency=self.urgency,
            confidentiality=self.confidentiality, scope=self.scope, parent_id=self.parent_id,
            note=self.note,
            deadlines=tuple(d.to_input() for d in self.deadlines),
            recipient_lines=tuple(RecipientLineInput(r.text, r.group_id, r.organisation_id)
                                  for r in self.recipient_lines),
        )
