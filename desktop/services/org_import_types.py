"""Organisation import: the plan's data (what the clerk sees) and the resolved writes.

Frozen dataclasses shared by :mod:`.org_import_plan` (which produces them),
:mod:`.org_import_apply` (which writes :class:`Actions`) and :mod:`.org_import` (the API).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.services.workbook_safety import WorkbookProblem

Entity = int  # an existing organisation's id (> 0), or -(i + 1) for the i-th new row


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class OrgCreate:
    row: int
    name: str
    code: str | None
    parent: str  # the parent's name as shown ("" for a root)
    kind: str


@dataclass(frozen=True, slots=True)
class OrgUpdate:
    row: int
    org_id: int
    name: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class DenominatorChange:
    row: int
    org_id: int | None  # None: a new organisation
    name: str
    cells_before: int | None
    members_before: int | None
    cells: int | None
    members: int | None


@dataclass(frozen=True, slots=True)
class NewOrg:
    entity: Entity
    row: int
    name: str
    short_name: str
    code: str | None
    kind_id: int | None
    parent: Entity | None
    valid_from: date | None
    note: str


@dataclass(frozen=True, slots=True)
class OrgWrite:
    org_id: int
    row: int
    version: int  # the version planned against: a stale row makes the whole import a conflict
    values: tuple[tuple[str, Any], ...]  # column -> new value (parent_id may be an Entity)
    history_reason: str  # "" or "rename+move+kind": the old state goes to org_history


@dataclass(frozen=True)
class Actions:
    """Everything to write, resolved; new organisations in parents-first order."""

    new: tuple[NewOrg, ...] = ()
    writes: tuple[OrgWrite, ...] = ()
    #: groups named in the file but not yet in the list: (placeholder id < 0, name)
    new_groups: tuple[tuple[int, str], ...] = ()
    group_add: tuple[tuple[int, Entity], ...] = ()  # group id (or placeholder), organisation
    group_remove: tuple[tuple[int, int], ...] = ()
    den_insert: tuple[tuple[Entity, int | None, int | None], ...] = ()
    den_update: tuple[tuple[int, int, int | None, int | None], ...] = ()  # id, version, …


@dataclass(frozen=True)
class Changes:
    problems: tuple[WorkbookProblem, ...]
    creates: tuple[OrgCreate, ...] = ()
    updates: tuple[OrgUpdate, ...] = ()
    denominators: tuple[DenominatorChange, ...] = ()
    unchanged: int = 0
    actions: Actions = field(default_factory=Actions)
    new_groups: tuple[str, ...] = ()
