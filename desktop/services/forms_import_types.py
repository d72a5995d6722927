"""The shapes of a forms-import plan: each file's status, figures, old-encoding text.

Apart from :mod:`.forms_import` (the entry points) and :mod:`.forms_import_plan` (the checks)
because both build or read them; the GUI's tables show them. Import them from
:mod:`.forms_import`, which re-exports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from desktop.services.workbook_safety import WorkbookProblem


class FileStatus(StrEnum):
    ACCEPTED = "accepted"
    CONFIRM = "needs_confirmation"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {"accepted": "Nhận", "needs_confirmation": "Cần xác nhận", "refused": "Từ chối"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One figure of a file against the database: a fill or a conflict."""

    field: str
    label: str
    cell: str
    before: Any
    after: Any
    conflict: bool


@dataclass(frozen=True, slots=True)
class LegacyText:
    """A text cell that looks typed in TCVN3 or VNI, with its Unicode reading."""

    cell: str
    field: str
    encoding: str
    original: str
    converted: str


@dataclass(frozen=True)
class FormFile:
    """One file of the plan."""

    path: Path
    status: FileStatus
    reason: str = ""  # why refused / what to confirm
    document_id: int | None = None
    document: str = ""
    organisation_id: int | None = None
    org_name: str = ""
    tracking_id: int | None = None
    version: int | None = None
    sheet: str = ""
    changes: tuple[ValueChange, ...] = ()
    unchanged: int = 0
    problems: tuple[WorkbookProblem, ...] = ()
    warnings: tuple[str, ...] = ()
    legacy: tuple[LegacyText, ...] = ()
    sha256: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def conflicts(self) -> tuple[ValueChange, ...]:
        return tuple(c for c in self.changes if c.conflict)

    @property
    def fills(self) -> tuple[ValueChange, ...]:
        return tuple(c for c in self.changes if not c.conflict)


@dataclass(frozen=True)
class FormsPlan:
    files: tuple[FormFile, ...]
    today: date
    document_id: int | None = None
    legacy: str = "ask"

    @property
    def accepted(self) -> tuple[FormFile, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.ACCEPTED)

    @property
    def to_confirm(self) -> tuple[FormFile, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.CONFIRM)

    @property
    def refused(self) -> tuple[FormFile, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.REFUSED)

    @property
    def ok(self) -> bool:
        return not self.refused

    @property
    def conflicts(self) -> tuple[tuple[FormFile, ValueChange], ...]:
        return tuple(
            (f, c) for f in self.files if f.status is not FileStatus.REFUSED for c in f.conflicts
        )

    def problems(self) -> list[str]:
        """Every refusal as "«file»: 'Sheet'!C14: reason" (or "«file»: reason")."""
        out: list[str] = []
        for f in self.refused:
            if not f.problems:
                out.append(f"«{f.name}»: {f.reason}")
            for p in f.problems:
                out.append(f"«{f.name}»: {p}")
        return out
