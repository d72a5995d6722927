"""Organisation import, step 2b: the changes, field by field, and the resolved writes.

Pure reading: :func:`compute_changes` matches the rows (:class:`~.org_import_match.Matcher`),
resolves kinds and groups, and returns the problems, what the clerk is shown (creations,
field-by-field changes, denominators, unchanged count) and the :class:`Actions` that
:mod:`~desktop.services.org_import_apply` writes. :func:`fingerprint`, taken before the loads
and again inside the write transaction, proves nothing changed in between.

- an empty cell keeps what the database has (an import never erases); an empty parent cell of a
  new row makes it a root; a name or short name equal up to case, spacing and tone placement
  ("Hoà"/"Hòa") is not a rename, a code equal up to case is not a change;
- a rename, move or kind change dated before the organisation's current state began is refused
  (the history would overlap);
- denominators (party cells, members) are compared with the latest ones on or before ``as_of``;
  a difference adds a row dated ``as_of`` (or corrects the one already dated ``as_of``), and a
  missing one of the pair is carried over from the latest.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_int
from desktop.domain.text import canonical_name, fold
from desktop.services.org_import_fields import FIELD_LABELS
from desktop.services.org_import_match import ExistingOrg, Matcher
from desktop.services.org_import_read import SheetRead, SourceRow
from desktop.services.org_import_types import (
    Actions,
    Changes,
    DenominatorChange,
    Entity,
    FieldChange,
    NewOrg,
    OrgCreate,
    OrgUpdate,
    OrgWrite,
)
from desktop.store import models as m


def compute_changes(s: Session, sheet: SheetRead, day: date) -> Changes:
    planner = _Planner(s, sheet, day)
    planner.match()
    return planner.diff()


def fingerprint(s: Session) -> str:
    """A cheap digest of everything :func:`compute_changes` reads.

    Take it first, in the same session, before the loads: then an equal fingerprint inside the
    write transaction means the plan still holds. Every ORM write bumps ``version`` (so the
    sum moves), inserts and deletes move the count, ``max(id)`` or ``max(updated_at)``; the
    small vocabularies (kinds, groups) are hashed whole.
    """
    o, d = m.Organisation.__table__, m.OrgDenominator.__table__
    g, gm, k = m.OrgGroup.__table__, m.OrgGroupMember.__table__, m.OrgKind.__table__
    parts: list[Any] = [
        s.execute(select(func.count(), func.max(o.c.id), func.sum(o.c.version),
                         func.max(o.c.updated_at))).one(),
        s.execute(select(func.count(), func.max(d.c.id), func.sum(d.c.version),
                         func.max(d.c.updated_at))).one(),
        s.execute(select(func.count(), func.sum(gm.c.group_id), func.sum(gm.c.organisation_id),
                         func.sum(gm.c.group_id * gm.c.organisation_id))).one(),
        s.execute(select(g.c.id, g.c.name, g.c.short_name, g.c.version).order_by(g.c.id)).all(),
        s.execute(select(k.c.id, k.c.code, k.c.name).order_by(k.c.id)).all(),
    ]
    return hashlib.sha256(repr([tuple(p) for p in parts]).encode("utf-8")).hexdigest()


class _Planner(Matcher):
    """The matcher plus what the differences need: denominators, kinds, groups."""

    def __init__(self, s: Session, sheet: SheetRead, day: date) -> None:
        super().__init__(s, sheet, day)
        d = m.OrgDenominator.__table__
        #: organisation -> (as_of, cells, members, id, version) of its latest denominators
        self.latest: dict[int, tuple[date, int | None, int | None, int, int]] = {}
        for oid, as_of, cells, members, did, version in s.execute(
            select(d.c.organisation_id, d.c.as_of, d.c.party_cells, d.c.party_members, d.c.id,
                   d.c.version)
            .where(d.c.as_of <= day).order_by(d.c.organisation_id, d.c.as_of)
        ):
            self.latest[oid] = (as_of, cells, members, did, version)
        self.kinds = {kid: name for kid, name in s.execute(
            select(m.OrgKind.id, m.OrgKind.name).order_by(m.OrgKind.sort_order, m.OrgKind.id))}
        self.kind_keys: dict[str, int] = {}
        for kid, code in s.execute(select(m.OrgKind.id, m.OrgKind.code)):
            self.kind_keys[fold(code)] = kid
        for kid, name in self.kinds.items():
            self.kind_keys[fold(name)] = kid
        self.groups: dict[int, str] = {}
        self.group_keys: dict[str, int] = {}
        for gid, name, short in s.execute(select(m.OrgGroup.id, m.OrgGroup.name,
                                                 m.OrgGroup.short_name)
                                          .order_by(m.OrgGroup.sort_order, m.OrgGroup.id)):
            self.groups[gid] = name
            for key in (canonical_name(name), canonical_name(short), fold(name), fold(short)):
                if key:
                    self.group_keys.setdefault(key, gid)
        self.kind_cache: dict[str, int | None] = {}
        self.group_cache: dict[str, int | None] = {}
        self.new_groups: list[tuple[int, str]] = []
        self.members: dict[int, set[int]] = defaultdict(set)
        for gid, oid in s.execute(select(m.OrgGroupMember.group_id,
                                         m.OrgGroupMember.organisation_id)):
            self.members[oid].add(gid)

    def _kind(self, i: int, text: str | None) -> int | None:
        if text is None:
            return None
        if text in self.kind_cache:
            kid = self.kind_cache[text]
        else:
            key = fold(text)
            kid = self.kind_keys.get(key)
            if kid is None:
                found = {k for name, k in self.kind_keys.items() if name.startswith(key)}
                kid = found.pop() if len(found) == 1 else None
            self.kind_cache[text] = kid
        if kid is None:
            allowed = "; ".join(self.kinds.values())
            self._bad(i, "kind", f"Loại «{text}» không có trong danh mục. Các loại: {allowed}.")
        return kid

    def _groups(self, i: int, names: tuple[str, ...] | None) -> frozenset[int] | None:
        if names is None:
            return None
        ids = set()
        for name in names:
            if name not in self.group_cache:  # exact spelling first, then without accents
                self.group_cache[name] = (self.group_keys.get(canonical_name(name))
                                          or self.group_keys.get(fold(name)))
            gid = self.group_cache[name]
            if gid is None:
                # A group named in the file that is not in the list yet: created with the
                # import (shown in the preview), as an office's own list defines its groups.
                gid = -(len(self.new_groups) + 1)
                self.new_groups.append((gid, name))
                self.groups[gid] = name
                self.group_keys[canonical_name(name)] = gid
                self.group_keys.setdefault(fold(name), gid)
                self.group_cache[name] = gid
            ids.add(gid)
        return frozenset(ids)

    # ------------------------------------------------------------------ differences

    def diff(self) -> Changes:
        """Creations, field-by-field changes and denominators of the rows without problems."""
        order, refs = self.order, self.refs
        creates, updates, dens = [], [], []
        new, writes, group_add, group_remove = [], [], [], []
        den_insert, den_update = [], []
        unchanged = 0
        for i in order:
            r = self.rows[i]
            kind_id = self._kind(i, r.kind)
            group_ids = self._groups(i, r.group)
            if i in self.bad:
                continue
            e = self._entity(i)
            parent = self.parent[e]
            target = self.target[i]
            cur = self.latest.get(target) if target is not None else None
            den = _denominator(r, cur)
            if target is None:
                new.append(NewOrg(e, r.row, r.name, r.short_name or "", r.code, kind_id, parent,
                                  r.valid_from, r.note or ""))
                creates.append(OrgCreate(r.row, r.name, r.code, self._label(parent),
                                         self.kinds.get(kind_id, "") if kind_id else ""))
                group_add.extend((g, e) for g in sorted(group_ids or ()))
            else:
                o = self.orgs[target]
                values, changes, reasons = self._field_changes(o, r, kind_id, parent,
                                                               refs[i] is not None)
                start = self._state_start(o)
                if reasons and start is not None and start > self.day:
                    self._bad(i, "name", f"«{o.name}» có thay đổi gần nhất từ ngày "
                                         f"{format_date(start)}; ngày áp dụng của lần nhập "
                                         f"({format_date(self.day)}) phải từ ngày đó trở đi.")
                    continue
                old_groups = self.members.get(target, set())
                if group_ids is not None and group_ids != old_groups:
                    changes.append(FieldChange(
                        "group", FIELD_LABELS["group"], self._group_text(old_groups),
                        self._group_text(group_ids)))
                    group_add.extend((g, e) for g in sorted(group_ids - old_groups))
                    group_remove.extend((g, target) for g in sorted(old_groups - group_ids))
                if values:
                    writes.append(OrgWrite(target, r.row, o.version, tuple(values),
                                          "+".join(reasons)))
                if changes:
                    updates.append(OrgUpdate(r.row, target, o.name, tuple(changes)))
                elif den is None:
                    unchanged += 1
            if den is not None:
                cells, members = den
                dens.append(DenominatorChange(r.row, target, r.name, cur[1] if cur else None,
                                              cur[2] if cur else None, cells, members))
                if cur is not None and cur[0] == self.day:
                    den_update.append((cur[3], cur[4], cells, members))
                else:
                    den_insert.append((e, cells, members))
        actions = Actions(tuple(new), tuple(writes), tuple(self.new_groups), tuple(group_add),
                          tuple(group_remove), tuple(den_insert), tuple(den_update))
        return Changes(tuple(self.problems), tuple(creates), tuple(updates), tuple(dens),
                       unchanged, actions, tuple(name for _, name in self.new_groups))

    def _field_changes(
        self, o: ExistingOrg, r: SourceRow, kind_id: int | None, parent: Entity | None,
        parent_given: bool,
    ) -> tuple[list[tuple[str, Any]], list[FieldChange], list[str]]:
        values: list[tuple[str, Any]] = []
        changes: list[FieldChange] = []
        reasons: list[str] = []

        def change(column: str, key: str, before: Any, after: Any, shown: tuple[str, str],
                   reason: str = "") -> None:
            if after is None or after == before:
                return
            values.append((column, after))
            changes.append(FieldChange(key, FIELD_LABELS[key], *shown))
            if reason:
                reasons.append(reason)

        # Case, spacing and old/new tone placement ("Hoà"/"Hòa") are not a rename.
        if canonical_name(r.name) != canonical_name(o.name):
            change("name", "name", o.name, r.name, (o.name, r.name), "rename")
        if r.short_name is not None and (
                canonical_name(r.short_name) != canonical_name(o.short_name)):
            change("short_name", "short_name", o.short_name, r.short_name,
                   (o.short_name, r.short_name), "rename")
        if r.code is not None and r.code.casefold() != (o.code or "").casefold():
            change("code", "code", o.code, r.code, (o.code or "", r.code))
        change("kind_id", "kind", o.kind_id, kind_id,
               (self.kinds.get(o.kind_id or 0, ""), self.kinds.get(kind_id or 0, "")), "kind")
        if parent_given:
            change("parent_id", "parent", o.parent_id, parent,
                   (self._label(o.parent_id), self._label(parent)), "move")
        change("valid_from", "valid_from", o.valid_from, r.valid_from,
               (format_date(o.valid_from), format_date(r.valid_from)))
        change("note", "note", o.note, r.note, (o.note, r.note or ""))
        return values, changes, list(dict.fromkeys(reasons))

    def _group_text(self, ids: set[int] | frozenset[int]) -> str:
        return "; ".join(self.groups[g] for g in sorted(ids))


def _denominator(r: SourceRow, cur: tuple[date, int | None, int | None, int, int] | None
                 ) -> tuple[int | None, int | None] | None:
    """The (cells, members) to record, or None when the file says nothing new."""
    if r.cells is None and r.members is None:
        return None
    cells = r.cells if r.cells is not None else (cur[1] if cur else None)
    members = r.members if r.members is not None else (cur[2] if cur else None)
    if cur is not None and (cur[1], cur[2]) == (cells, members):
        return None
    return cells, members


def describe_denominator(cells: int | None, members: int | None) -> str:
    """"12 chi bộ, 345 đảng viên" for summaries."""
    parts = []
    if cells is not None:
        parts.append(f"{format_int(cells)} chi bộ")
    if members is not None:
        parts.append(f"{format_int(members)} đảng viên")
    return ", ".join(parts) or "chưa có"
