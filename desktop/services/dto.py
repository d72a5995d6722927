"""Plain, immutable data handed from the services to the UI, the CLI and the writers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One line of the documents list."""

    id: int
    type_code: str
    type_name: str
    number: str
    symbol: str
    issue_date: date | None
    excerpt: str
    issuing_body: str
    scope: str
    parent_id: int | None
    recipients: int = 0
    received: int = 0
    reported: int = 0
    regime: str = "party"

    @property
    def number_symbol(self) -> str:
        """"15-CT/TU" (Party regime) or "15/QĐ-UBND" (State regime)."""
        from desktop.services.document_numbers import format_number_symbol

        return format_number_symbol(self.number, self.symbol, self.regime)


@dataclass(frozen=True, slots=True)
class OrgNode:
    """One organisation as shown in the tree."""

    id: int
    name: str
    short_name: str
    code: str | None
    kind: str
    parent_id: int | None
    depth: int
    child_count: int
    valid_from: date | None
    valid_to: date | None
    party_cells: int | None = None
    party_members: int | None = None


@dataclass(frozen=True, slots=True)
class StageCounts:
    """How many recipients reached each step of the workflow."""

    recipients: int = 0
    received: int = 0
    discussed: int = 0
    planned: int = 0
    reported: int = 0
    overdue: int = 0
    cells_held: int = 0
    cells_total: int = 0
    members_attending: int = 0
    members_total: int = 0
    #: recipients that must report (those at the report deadline's level; all when unset)
    must_report: int = 0


@dataclass(frozen=True, slots=True)
class GroupStats:
    """Coverage of one top-level organisation group (as written in "Nơi nhận")."""

    group_id: int | None
    name: str
    counts: StageCounts


@dataclass(frozen=True, slots=True)
class DocumentStats:
    document_id: int
    number_symbol: str
    excerpt: str
    issue_date: date | None
    as_of: date
    totals: StageCounts
    groups: list[GroupStats] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the integrity check."""

    name: str
    ok: bool
    detail: str
