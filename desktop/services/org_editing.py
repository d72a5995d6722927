"""Creating, correcting, renaming and dissolving organisations of the versioned tree.

Each function is one transaction of ORM writes (so the audit hook writes one row per changed
row) and returns the organisation as :class:`~desktop.services.org_types.OrgDetail`. Edits of
an existing organisation take the ``expected_version`` the clerk saw and raise
``ConflictError`` (nothing changed) when someone saved in between.

Two kinds of change:

- *corrections* (:func:`update_organisation`: name typo, short name, code, kind, note, order)
  change the organisation everywhere, in the past too, and keep no history;
- *dated changes* (:func:`rename_organisation`, and moves and merges in
  :mod:`~desktop.services.org_moves`) keep the old name and place in ``org_history`` until
  the day before ``on``, so a report for an earlier period still shows them.

A dissolution on ``on`` makes ``on - 1`` the organisation's last day (``valid_to``), like a
merge, so "on" is always the first day of the new situation.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_line, clean_text
from desktop.services.database import Database
from desktop.services.org_common import (
    ONE_DAY,
    check_change_date,
    check_version,
    clean_code,
    clean_required,
    limit_length,
    load_org,
    next_sort_order,
    quoted,
    record_state,
    refuse_sibling_name,
    require_active,
    resolve_kind,
    tree_edit,
)
from desktop.services.org_detail import organisation_detail
from desktop.services.org_types import REASON_RENAME, OrgDetail, OrgInput
from desktop.store import models as m

#: Keys :func:`update_organisation` accepts in ``changes``.
UPDATABLE = frozenset({"name", "short_name", "code", "kind", "note", "sort_order"})
_NAME_MAX = 300
_SHORT_MAX = 120


def _shown_on(on: date) -> date:
    """The day an edit's result is shown for: today, or ``on`` when that is later."""
    return max(on, date.today())


def _next_id(s: Session) -> int:
    """Reserve the new organisation's id, so ``top_id`` can point at itself in one INSERT."""
    if s.get_bind().dialect.name == "postgresql":
        return int(s.scalar(text("SELECT nextval(pg_get_serial_sequence('organisations', 'id'))"))
                   or 0)
    # SQLite: the write transaction holds the lock, and max + 1 is what SQLite would choose.
    return int(s.scalar(select(func.max(m.Organisation.id))) or 0) + 1


def create_organisation(db: Database, data: OrgInput) -> OrgDetail:
    """Create an organisation under ``data.parent_id`` (which must exist on ``valid_from``).

    Without ``valid_from`` a child starts when its parent did (or has always existed under a
    parent that always has). ``depth`` and ``top_id`` are computed; ``sort_order`` defaults to
    after the last sibling.
    """
    name = clean_required(data.name, "name", "tên đơn vị", _NAME_MAX)
    short = limit_length(clean_line(data.short_name), "short_name", "tên viết tắt", _SHORT_MAX)
    note = clean_text(data.note)
    with tree_edit(db) as s:
        code = clean_code(s, data.code)
        kind_id = resolve_kind(s, data.kind)
        valid_from = data.valid_from
        parent: m.Organisation | None = None
        if data.parent_id is not None:
            parent = s.get(m.Organisation, data.parent_id)
            if parent is None:
                raise ValidationError(
                    f"Không có đơn vị cấp trên mã số #{data.parent_id} (có thể vừa bị xóa). "
                    "Hãy chọn lại đơn vị cấp trên.",
                    "parent_id",
                )
            if valid_from is None:
                valid_from = parent.valid_from
            require_active(parent, valid_from or date.today(), "parent_id", "Đơn vị cấp trên")
        refuse_sibling_name(s, name, data.parent_id, valid_from or date.today())
        new_id = _next_id(s)
        depth = parent.depth + 1 if parent is not None else 0
        if depth == 0:
            top_id = None
        elif depth == 1:
            top_id = new_id
        else:
            top_id = parent.top_id if parent is not None else None
        org = m.Organisation(
            id=new_id, name=name, short_name=short, code=code, kind_id=kind_id,
            parent_id=data.parent_id, depth=depth, top_id=top_id,
            sort_order=(data.sort_order if data.sort_order is not None
                        else next_sort_order(s, data.parent_id)),
            valid_from=valid_from, note=note,
        )
        s.add(org)
    return organisation_detail(db, new_id)


def update_organisation(
    db: Database, org_id: int, changes: Mapping[str, object], expected_version: int
) -> OrgDetail:
    """Correct plain fields: any of ``name`` (a typo: no history is kept, use
    :func:`rename_organisation` for a real renaming), ``short_name``, ``code``, ``kind`` (id
    or code), ``note``, ``sort_order``."""
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise ValueError(f"update_organisation cannot change {sorted(unknown)}")
    with tree_edit(db) as s:
        org = load_org(s, org_id)
        check_version(org, expected_version, f"Đơn vị {quoted(org)}")
        if "name" in changes:
            name = clean_required(_text(changes["name"]), "name", "tên đơn vị", _NAME_MAX)
            if name != org.name:
                refuse_sibling_name(s, name, org.parent_id, date.today(), own_id=org.id)
                org.name = name
        if "short_name" in changes:
            org.short_name = limit_length(clean_line(_text(changes["short_name"])),
                                          "short_name", "tên viết tắt", _SHORT_MAX)
        if "code" in changes:
            org.code = clean_code(s, _text(changes["code"]), own_id=org.id)
        if "kind" in changes:
            kind = changes["kind"]
            if kind is not None and not isinstance(kind, int | str):
                raise ValueError("kind must be an id, a code or None")
            org.kind_id = resolve_kind(s, kind)
        if "note" in changes:
            org.note = clean_text(_text(changes["note"]))
        if "sort_order" in changes:
            order = changes["sort_order"]
            if not isinstance(order, int) or isinstance(order, bool):
                raise ValidationError("Thứ tự phải là một số nguyên.", "sort_order")
            org.sort_order = order
    return organisation_detail(db, org_id)


def _text(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValueError(f"expected text, got {type(value).__name__}")


def rename_organisation(
    db: Database, org_id: int, new_name: str, on: date, expected_version: int,
    new_short_name: str | None = None,
) -> OrgDetail:
    """Rename from ``on``: the old name, short name, parent and kind are kept in
    ``org_history`` until ``on - 1``. ``new_short_name`` None keeps the short name."""
    name = clean_required(new_name, "name", "tên mới", _NAME_MAX)
    with tree_edit(db) as s:
        org = load_org(s, org_id)
        check_version(org, expected_version, f"Đơn vị {quoted(org)}")
        short = org.short_name if new_short_name is None else limit_length(
            clean_line(new_short_name), "short_name", "tên viết tắt", _SHORT_MAX)
        if name == org.name and short == org.short_name:
            raise ValidationError(
                f"Tên mới giống tên hiện tại {quoted(org)}. Hãy nhập tên khác, hoặc bỏ qua.",
                "name",
            )
        check_change_date(s, org, on)
        if name != org.name:
            refuse_sibling_name(s, name, org.parent_id, on, own_id=org.id)
        record_state(s, org, on, REASON_RENAME)
        org.name = name
        org.short_name = short
    return organisation_detail(db, org_id, _shown_on(on))


def dissolve_organisation(
    db: Database, org_id: int, on: date, expected_version: int, reason: str = ""
) -> OrgDetail:
    """End the organisation: ``on`` is the first day it no longer exists (``valid_to`` is
    ``on - 1``). Refused while it still has children alive on or after ``on``. The reason is
    appended to its note."""
    why = clean_line(reason)
    with tree_edit(db) as s:
        org = load_org(s, org_id)
        check_version(org, expected_version, f"Đơn vị {quoted(org)}")
        refuse_ending(s, org, on)
        o = m.Organisation
        alive = s.execute(
            select(o.name).where(o.parent_id == org.id, or_(o.valid_to.is_(None), o.valid_to >= on))
            .order_by(o.sort_order, o.id)
        ).scalars().all()
        if alive:
            examples = ", ".join(f"«{n}»" for n in alive[:3]) + (", …" if len(alive) > 3 else "")
            raise ValidationError(
                f"Đơn vị {quoted(org)} còn {len(alive)} đơn vị trực thuộc đang hoạt động "
                f"({examples}). Hãy chuyển các đơn vị đó sang đơn vị khác hoặc giải thể chúng "
                f"trước, rồi giải thể {quoted(org)}.",
                "children",
            )
        org.valid_to = on - ONE_DAY
        line = f"Giải thể từ ngày {format_date(on)}" + (f": {why}" if why else ".")
        org.note = f"{org.note}\n{line}" if org.note else line
    return organisation_detail(db, org_id)


def refuse_ending(s: Session, org: m.Organisation, on: date) -> None:
    """An organisation ending on ``on - 1`` (dissolved or merged) must be alive then and
    must not have a recorded change on or after ``on``."""
    if org.valid_to is not None:
        raise ValidationError(
            f"Đơn vị {quoted(org)} đã kết thúc hoạt động (ngày cuối "
            f"{format_date(org.valid_to)}).",
            "on",
        )
    if org.valid_from is not None and on <= org.valid_from:
        raise ValidationError(
            f"Đơn vị {quoted(org)} thành lập ngày {format_date(org.valid_from)}; ngày kết "
            f"thúc hoạt động phải sau ngày đó (đã nhập {format_date(on)}).",
            "on",
        )
    start = check_change_date(s, org, on)
    if start is not None and start >= on:  # its current name or place would never be used
        raise ValidationError(
            f"Đơn vị {quoted(org)} có thay đổi (tên hoặc cấp trên) từ ngày {format_date(start)}; "
            f"ngày kết thúc hoạt động phải sau ngày đó.",
            "on",
        )
