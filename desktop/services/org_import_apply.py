"""Organisation import, step 3: write the resolved :class:`Actions` with Core bulk statements.

Runs inside the caller's write transaction (:func:`desktop.services.org_import.apply_org_import`).
New organisations get their ids first (SQLite: after ``max(id)``, safe under ``BEGIN
IMMEDIATE``; PostgreSQL: ``nextval`` of the table's sequence, so nothing needs moving forward
and a concurrent ORM insert can never collide), so parents and children link in one
``executemany`` written parents-first. ``depth``, ``top_id``, ``sort_order`` and ``search_key``
are maintained here (the ORM hooks do not run for Core statements); edited rows get
``version + 1`` so a clerk's open edit form sees the change as a conflict. A rename, move or
kind change keeps the old state in ``org_history`` (valid until the day before ``as_of``).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from desktop.domain.errors import ConflictError
from desktop.services import backup
from desktop.services.org_import_bulk import bulk_insert
from desktop.services.org_import_types import Actions, Entity
from desktop.store import models as m
from desktop.store.models import organisation_search_key, utcnow

_ORG = m.Organisation.__table__
_DEN = m.OrgDenominator.__table__


def write_actions(s: Session, actions: Actions, day: date) -> list[int]:
    """Write everything; returns the ids given to the new organisations (in order)."""
    backup.before_session(s, "import")  # a verified copy of the data as it was, first
    now = utcnow()
    tree = {r.id: r for r in s.execute(select(
        _ORG.c.id, _ORG.c.parent_id, _ORG.c.depth, _ORG.c.top_id, _ORG.c.sort_order,
        _ORG.c.name, _ORG.c.short_name, _ORG.c.code, _ORG.c.kind_id, _ORG.c.valid_from))}
    next_sort: dict[int | None, int] = defaultdict(int)
    for r in tree.values():
        next_sort[r.parent_id] = max(next_sort[r.parent_id], r.sort_order)
    ids = _reserve_ids(s, len(actions.new))
    id_of: dict[Entity, int] = {a.entity: ids[k] for k, a in enumerate(actions.new)}

    def real(e: Entity | None) -> int | None:
        return None if e is None else (e if e > 0 else id_of[e])

    # New and moved organisations go after their new siblings, in the order of the file.
    placed: list[tuple[int, int | None, int, bool]] = [
        (a.row, real(a.parent), k, True) for k, a in enumerate(actions.new)]
    placed += [(w.row, real(dict(w.values)["parent_id"]), k, False)
               for k, w in enumerate(actions.writes) if "parent_id" in dict(w.values)]
    sort_new: dict[int, int] = {}
    sort_moved: dict[int, int] = {}
    for _row, parent, k, is_new in sorted(placed, key=lambda p: p[0]):
        next_sort[parent] += 1
        (sort_new if is_new else sort_moved)[k] = next_sort[parent]
    depth: dict[int, int] = {}
    top: dict[int, int | None] = {}
    rows: list[dict[str, Any]] = []
    for k, a in enumerate(actions.new):
        oid = id_of[a.entity]
        parent = real(a.parent)
        if parent is None:
            depth[oid], top[oid] = 0, None
        else:
            pdepth = depth[parent] if parent in depth else tree[parent].depth
            ptop = top[parent] if parent in top else tree[parent].top_id
            depth[oid] = pdepth + 1
            top[oid] = oid if pdepth == 0 else ptop
        rows.append({
            "id": oid, "name": a.name, "short_name": a.short_name, "code": a.code,
            "kind_id": a.kind_id, "parent_id": parent, "top_id": top[oid], "depth": depth[oid],
            "sort_order": sort_new[k], "valid_from": a.valid_from, "valid_to": None,
            "merged_into_id": None, "renamed_from_id": None,
            "search_key": organisation_search_key(a.name, a.short_name, a.code),
            "note": a.note, "version": 1, "created_at": now, "updated_at": now,
        })
    bulk_insert(s, _ORG, rows)
    moved = _write_updates(s, actions, tree, real, sort_moved, now, day)
    if moved:
        _refresh_depths(s)
    if actions.group_remove:
        gm = m.OrgGroupMember.__table__
        s.execute(delete(gm).where(and_(gm.c.group_id == bindparam("g"),
                                        gm.c.organisation_id == bindparam("o"))),
                  [{"g": g, "o": o} for g, o in actions.group_remove])
    group_ids = _create_groups(s, actions.new_groups, now)
    bulk_insert(s, m.OrgGroupMember.__table__,
                [{"group_id": group_ids.get(g, g), "organisation_id": real(e)}
                 for g, e in actions.group_add])
    bulk_insert(s, _DEN, [
        {"organisation_id": real(e), "as_of": day, "party_cells": cells,
         "party_members": members, "note": "", "version": 1, "created_at": now,
         "updated_at": now}
        for e, cells, members in actions.den_insert])
    if actions.den_update:
        params = [{"b_id": did, "b_version": v, "b_cells": c, "b_members": mm}
                  for did, v, c, mm in actions.den_update]
        done = s.execute(
            update(_DEN).where(_DEN.c.id == bindparam("b_id"),
                               _DEN.c.version == bindparam("b_version")).values(
                party_cells=bindparam("b_cells"), party_members=bindparam("b_members"),
                version=_DEN.c.version + 1, updated_at=now), params)
        if done.rowcount != len(params):
            raise _stale()
    return ids


def _stale() -> ConflictError:
    return ConflictError(
        "Một số đơn vị vừa được người khác sửa trong lúc nhập. Hãy xem trước lại rồi nhập; "
        "chưa có gì bị thay đổi.")


def _reserve_ids(s: Session, n: int) -> list[int]:
    if n == 0:
        return []
    if s.get_bind().dialect.name == "postgresql":
        return sorted(s.execute(text(
            "SELECT nextval(pg_get_serial_sequence('organisations', 'id')) "
            "FROM generate_series(1, :n)"), {"n": n}).scalars())
    start = int(s.scalar(select(func.coalesce(func.max(_ORG.c.id), 0))) or 0)
    return list(range(start + 1, start + n + 1))


def _write_updates(s: Session, actions: Actions, tree: dict[int, Any], real: Any,
                   sort_moved: dict[int, int], now: Any, day: date) -> bool:
    """UPDATEs of existing organisations (grouped by the set of columns they change)."""
    if not actions.writes:
        return False
    if any(col == "code" for w in actions.writes for col, _ in w.values):
        # Codes are unique: clear the changing ones first so two rows may swap codes.
        s.execute(update(_ORG).where(_ORG.c.id == bindparam("b_id")).values(code=None),
                  [{"b_id": w.org_id} for w in actions.writes
                   if any(col == "code" for col, _ in w.values)])
    _write_history(s, actions, tree, day)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    moved = False
    for k, w in enumerate(actions.writes):
        old = tree[w.org_id]
        values = dict(w.values)
        if "parent_id" in values:
            moved = True
            values["parent_id"] = real(values["parent_id"])
            values["sort_order"] = sort_moved[k]
        values["search_key"] = organisation_search_key(
            values.get("name", old.name), values.get("short_name", old.short_name),
            values.get("code", old.code))
        cols = tuple(sorted(values))
        groups[cols].append({"b_id": w.org_id, "b_version": w.version,
                             **{f"b_{c}": values[c] for c in cols}})
    for cols, params in groups.items():
        stmt = update(_ORG).where(
            _ORG.c.id == bindparam("b_id"), _ORG.c.version == bindparam("b_version")
        ).values({**{c: bindparam(f"b_{c}") for c in cols}, "version": _ORG.c.version + 1,
                  "updated_at": now})
        if s.execute(stmt, params).rowcount != len(params):
            raise _stale()  # edited since planning (PostgreSQL reads committed rows)
    return moved


def _write_history(s: Session, actions: Actions, tree: dict[int, Any], day: date) -> None:
    """The state before a rename/move/kind change, kept until the day before ``day``.

    The same rule as ``org_common.record_state`` (the editing services): ``org_history`` is a
    chain of periods ending the day before the current state began; a second change on the
    same day adds no row but appends its reason ("rename+move"). The plan has refused a change
    dated before the current state began.
    """
    changed = [w for w in actions.writes if w.history_reason]
    if not changed:
        return
    h = m.OrgHistory.__table__
    last: dict[int, tuple[int, date, str]] = {}
    for hid, oid, valid_to, reason in s.execute(
        select(h.c.id, h.c.organisation_id, h.c.valid_to, h.c.reason)
        .where(h.c.organisation_id.in_([w.org_id for w in changed]))
        .order_by(h.c.organisation_id, h.c.valid_to)
    ):
        last[oid] = (hid, valid_to, reason)
    rows, reasons = [], []
    for w in changed:
        old = tree[w.org_id]
        prev = last.get(w.org_id)
        start = prev[1] + timedelta(days=1) if prev is not None else old.valid_from
        if start is not None and start >= day:
            if prev is not None:
                merged = prev[2].split("+") if prev[2] else []
                merged += [r for r in w.history_reason.split("+") if r not in merged]
                reasons.append({"b_id": prev[0], "b_reason": "+".join(merged)[:40]})
            continue
        rows.append({"organisation_id": w.org_id, "valid_from": start,
                     "valid_to": day - timedelta(days=1), "name": old.name,
                     "short_name": old.short_name, "parent_id": old.parent_id,
                     "kind_id": old.kind_id, "reason": w.history_reason[:40]})
    bulk_insert(s, h, rows)
    if reasons:
        s.execute(update(h).where(h.c.id == bindparam("b_id"))
                  .values(reason=bindparam("b_reason")), reasons)


def _refresh_depths(s: Session) -> None:
    """After a move: recompute depth and top_id of the whole tree from the parent links."""
    rows = {r.id: r for r in s.execute(select(_ORG.c.id, _ORG.c.parent_id, _ORG.c.depth,
                                               _ORG.c.top_id))}
    depth: dict[int, int] = {}
    top: dict[int, int | None] = {}
    for start in rows:
        path = []
        oid: int | None = start
        while oid is not None and oid not in depth:
            path.append(oid)
            oid = rows[oid].parent_id
        for node in reversed(path):
            parent = rows[node].parent_id
            if parent is None:
                depth[node], top[node] = 0, None
            else:
                depth[node] = depth[parent] + 1
                top[node] = node if depth[parent] == 0 else top[parent]
    changed = [{"b_id": oid, "b_depth": depth[oid], "b_top": top[oid]}
               for oid, r in rows.items() if (r.depth, r.top_id) != (depth[oid], top[oid])]
    if changed:
        s.execute(update(_ORG).where(_ORG.c.id == bindparam("b_id"))
                  .values(depth=bindparam("b_depth"), top_id=bindparam("b_top")), changed)


def _create_groups(s: Any, new_groups: tuple[tuple[int, str], ...], now: Any) -> dict[int, int]:
    """Create the groups the file names that did not exist; placeholder id -> real id."""
    if not new_groups:
        return {}
    g = m.OrgGroup.__table__
    last = s.execute(select(func.coalesce(func.max(g.c.sort_order), 0))).scalar_one()
    real: dict[int, int] = {}
    for k, (placeholder, name) in enumerate(new_groups, 1):
        real[placeholder] = s.execute(
            insert(g).values(name=name, short_name="", sort_order=last + k, note="",
                             version=1, created_at=now, updated_at=now).returning(g.c.id)
        ).scalar_one()
    return real
