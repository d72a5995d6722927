"""Plain data for editing the organisation tree: inputs, the detail view, groups, denominators.

The read-side row of the tree (``OrgNode``) lives in :mod:`desktop.services.dto`; these are the
DTOs of the editing services (:mod:`~desktop.services.org_editing`,
:mod:`~desktop.services.org_moves`, :mod:`~desktop.services.org_denominators`,
:mod:`~desktop.services.org_groups`) and of :func:`desktop.services.org_detail.organisation_detail`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: History reasons written by the services (``org_history.reason``; a same-day rename and move
#: share one row whose reason is "rename+move").
REASON_RENAME = "rename"
REASON_MOVE = "move"


@dataclass(frozen=True, slots=True)
class OrgInput:
    """What a clerk types to create an organisation.

    ``kind`` is an ``org_kinds`` id or code; ``parent_id`` None makes a root; ``sort_order``
    None puts it after its last sibling; ``valid_from`` None means "has always existed".
    """

    name: str
    short_name: str = ""
    code: str | None = None
    kind: int | str | None = None
    parent_id: int | None = None
    valid_from: date | None = None
    sort_order: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class OrgHistoryEntry:
    """One past state of an organisation: how it was named and placed from/to a date."""

    valid_from: date | None
    valid_to: date
    name: str
    short_name: str
    parent_id: int | None
    parent_name: str
    kind: str
    reason: str


@dataclass(frozen=True, slots=True)
class DenominatorEntry:
    """Party cells and members of an organisation as of a date."""

    id: int
    organisation_id: int
    as_of: date
    party_cells: int | None
    party_members: int | None
    note: str
    version: int


@dataclass(frozen=True, slots=True)
class GroupRef:
    """A "Nơi nhận" group an organisation belongs to."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class GroupDTO:
    """A "Nơi nhận" group with its member counts.

    ``active_members`` counts the members that exist on the day asked (today by default),
    ``members`` every membership row (ended organisations keep theirs for past reports).
    """

    id: int
    name: str
    short_name: str
    sort_order: int
    note: str
    version: int
    members: int
    active_members: int


@dataclass(frozen=True, slots=True)
class OrgDetail:
    """One organisation as it stood on ``as_of``, with what the detail pane shows.

    ``name``, ``short_name``, ``parent_id``/``parent_name`` and ``kind`` are the values on
    ``as_of`` (from ``org_history`` when it was named or placed differently then);
    ``current_name`` is today's. ``depth`` and ``top_id`` are always the current ones.
    ``party_cells``/``party_members`` are the latest denominators dated on or before
    ``as_of`` (``denominators_as_of`` is their date). ``version`` is what the edit functions
    expect back as ``expected_version``.
    """

    id: int
    as_of: date
    name: str
    short_name: str
    current_name: str
    code: str | None
    kind_id: int | None
    kind: str
    parent_id: int | None
    parent_name: str
    depth: int
    top_id: int | None
    sort_order: int
    valid_from: date | None
    valid_to: date | None
    active: bool
    merged_into_id: int | None
    merged_into_name: str
    renamed_from_id: int | None
    renamed_from_name: str
    note: str
    version: int
    party_cells: int | None
    party_members: int | None
    denominators_as_of: date | None
    child_count: int
    groups: list[GroupRef] = field(default_factory=list)
    history: list[OrgHistoryEntry] = field(default_factory=list)
    merged_from: list[GroupRef] = field(default_factory=list)
