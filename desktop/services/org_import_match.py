"""Organisation import, step 2a: which existing organisation each row is, and its parent.

:class:`Matcher` loads the tree (one query) and applies the matching rules:

- a row is an existing organisation when its code is known (codes are unique for all time,
  compared ignoring case), else when an organisation with the same canonical name (NFC, case,
  Hòa/Hoà, spaces) exists under the same parent; a row with no parent cell matches a unique
  name anywhere;
- a parent cell is a code, else a name (or short name), looked up first among the file's rows,
  then among the organisations that have not ended by ``as_of`` (a code also among ended ones,
  to say so); a name found more than once asks for the code;
- refused, with the cell and a Vietnamese reason: a duplicate code, a cycle (in the file, or
  moving an organisation under its own descendant), two rows naming one organisation, the same
  name twice under one parent (in the file, or beside an existing sibling).

The current names and links are matched (not the history): changes are dated ``as_of`` and
apply to the current state.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.text import canonical_name
from desktop.services.org_import_read import SheetRead, SourceRow
from desktop.services.org_import_types import Entity
from desktop.services.workbook_safety import WorkbookProblem
from desktop.store import models as m


@dataclass(slots=True)
class ExistingOrg:
    """The columns of an existing organisation the import compares."""

    id: int
    name: str
    short_name: str
    code: str | None
    kind_id: int | None
    parent_id: int | None
    valid_from: date | None
    valid_to: date | None
    note: str
    version: int


class Matcher:
    """Matching state: after :meth:`match`, ``target[i]`` is the existing id of row ``i`` (or
    None: new), ``parent`` maps each entity to its parent entity, ``order`` lists the rows
    parents first, and ``bad`` holds the rows with problems."""

    def __init__(self, s: Session, sheet: SheetRead, day: date) -> None:
        self.sheet = sheet
        self.day = day
        self.rows = sheet.rows
        self.problems: list[WorkbookProblem] = []
        self.bad: set[int] = set()
        t = m.Organisation.__table__
        self.orgs: dict[int, ExistingOrg] = {
            r[0]: ExistingOrg(*r) for r in s.execute(select(
                t.c.id, t.c.name, t.c.short_name, t.c.code, t.c.kind_id, t.c.parent_id,
                t.c.valid_from, t.c.valid_to, t.c.note, t.c.version))
        }
        h = m.OrgHistory.__table__
        self.history_end: dict[int, date] = dict(s.execute(
            select(h.c.organisation_id, func.max(h.c.valid_to)).group_by(h.c.organisation_id)
        ).all())
        # lookups over organisations that have not ended by `day`
        self.by_code = {o.code.casefold(): o for o in self.orgs.values() if o.code}
        self.by_name: dict[str, list[ExistingOrg]] = defaultdict(list)
        self.by_short: dict[str, list[ExistingOrg]] = defaultdict(list)
        self.child: dict[tuple[int | None, str], list[ExistingOrg]] = defaultdict(list)
        self.canon: dict[int, str] = {}
        for o in self.orgs.values():
            if not self._alive(o):
                continue
            key = canonical_name(o.name)
            self.canon[o.id] = key
            self.by_name[key].append(o)
            if o.short_name:
                self.by_short[canonical_name(o.short_name)].append(o)
            self.child[(o.parent_id, key)].append(o)

    def _alive(self, o: ExistingOrg) -> bool:
        return o.valid_to is None or o.valid_to >= self.day

    def _bad(self, i: int, key: str, message: str) -> None:
        self.bad.add(i)
        self.problems.append(self.sheet.problem(key, self.rows[i].row, message))

    # ------------------------------------------------------------------ matching

    def match(self) -> None:
        """Identify every row, resolve its parent, refuse cycles and duplicates."""
        rows = self.rows
        self.row_canon = [canonical_name(r.name) for r in rows]
        self.target: list[int | None] = [None] * len(rows)
        self.claimed: dict[int, int] = {}
        self.file_code: dict[str, int] = {}
        self.file_name: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            self.file_name[self.row_canon[i]].append(i)
            if r.code:
                key = r.code.casefold()
                if key in self.file_code:
                    self._bad(i, "code", f"Mã «{r.code}» trùng với mã ở dòng "
                                         f"{rows[self.file_code[key]].row}.")
                    continue
                self.file_code[key] = i
                o = self.by_code.get(key)
                if o is None:
                    continue
                if not self._alive(o):
                    self._bad(i, "code", f"Mã «{r.code}» là của «{o.name}», đã kết thúc hoạt "
                                         f"động (ngày cuối {format_date(o.valid_to)}). Dùng mã "
                                         "khác hoặc để trống.")
                else:
                    self._claim(i, o)
        refs = [self._resolve(i, r) for i, r in enumerate(rows)]
        self.refs = refs
        self.order = order = self._order(refs)
        for i in order:
            if self.target[i] is None and i not in self.bad:
                self._match_by_name(i, refs[i])
        ent = self._entity
        self.parent: dict[Entity, Entity | None] = {}
        for i, ref in enumerate(refs):
            if i in self.bad:
                continue
            if ref is not None:
                self.parent[ent(i)] = ref[1] if ref[0] == "db" else ent(ref[1])
            elif self.target[i] is not None:
                self.parent[ent(i)] = self.orgs[self.target[i]].parent_id  # type: ignore[index]
            else:
                self.parent[ent(i)] = None
        self._check_moves(refs)
        self._check_duplicates()

    def _entity(self, i: int) -> Entity:
        target = self.target[i]
        return target if target is not None else -(i + 1)

    def _claim(self, i: int, o: ExistingOrg) -> None:
        other = self.claimed.get(o.id)
        if other is not None:
            self._bad(i, "name", f"Dòng này và dòng {self.rows[other].row} cùng chỉ đơn vị "
                                 f"«{o.name}» đang có.")
            return
        self.claimed[o.id] = i
        self.target[i] = o.id

    def _resolve(self, i: int, r: SourceRow) -> tuple[str, int] | None:
        ref = r.parent
        if ref is None or i in self.bad:
            return None
        key = ref.casefold()
        if key in self.file_code:
            return ("row", self.file_code[key])
        o = self.by_code.get(key)
        if o is not None:
            if not self._alive(o):
                self._bad(i, "parent", f"Đơn vị cấp trên «{o.name}» (mã {o.code}) đã kết thúc "
                                       f"hoạt động (ngày cuối {format_date(o.valid_to)}). Chọn "
                                       "đơn vị đang hoạt động.")
                return None
            return ("db", o.id)
        canon = canonical_name(ref)
        in_file = self.file_name.get(canon, [])
        if len(in_file) == 1:
            return ("row", in_file[0])
        if len(in_file) > 1:
            lines = ", ".join(str(self.rows[j].row) for j in in_file[:5])
            self._bad(i, "parent", f"Có {len(in_file)} dòng tên «{ref}» (dòng {lines}); ghi mã "
                                   "đơn vị cấp trên thay cho tên.")
            return None
        for index in (self.by_name, self.by_short):
            found = index.get(canon, [])
            if len(found) == 1:
                return ("db", found[0].id)
            if len(found) > 1:
                codes = ", ".join(o.code or "không mã" for o in found[:5])
                self._bad(i, "parent", f"Có {len(found)} đơn vị tên «{ref}» ({codes}); ghi mã "
                                       "đơn vị cấp trên thay cho tên.")
                return None
        self._bad(i, "parent", f"Không tìm thấy đơn vị cấp trên «{ref}» trong tệp hay trong "
                               "dữ liệu. Kiểm tra tên hoặc mã, hoặc thêm một dòng cho đơn vị "
                               "đó.")
        return None

    def _order(self, refs: list[tuple[str, int] | None]) -> list[int]:
        """Rows with parents in the file after those parents; rows in a cycle are refused."""
        state = [0] * len(self.rows)  # 0 new, 1 on the path, 2 done
        order: list[int] = []
        for start in range(len(self.rows)):
            path: list[int] = []
            i: int | None = start
            while i is not None and state[i] == 0:
                state[i] = 1
                path.append(i)
                ref = refs[i]
                i = ref[1] if ref is not None and ref[0] == "row" else None
            if i is not None and state[i] == 1:  # came back onto the path: a cycle
                cycle = path[path.index(i):]
                names = " → ".join(self.rows[j].name for j in cycle + [i])
                for j in cycle:
                    self._bad(j, "parent", "Đơn vị không thể là cấp trên của chính nó."
                              if len(cycle) == 1 else f"Vòng lặp cấp trên: {names}.")
            for j in reversed(path):
                state[j] = 2
                order.append(j)
        return order

    def _match_by_name(self, i: int, ref: tuple[str, int] | None) -> None:
        canon = self.row_canon[i]
        if ref is None:
            found = [o for o in self.by_name.get(canon, []) if o.id not in self.claimed]
            if len(found) > 1:
                codes = ", ".join(o.code or "không mã" for o in found[:5])
                self._bad(i, "name", f"Có {len(found)} đơn vị tên «{self.rows[i].name}» "
                                     f"({codes}); ghi mã đơn vị hoặc đơn vị cấp trên để biết "
                                     "là đơn vị nào.")
                return
        else:
            parent = ref[1] if ref[0] == "db" else self.target[ref[1]]
            if parent is None:
                return
            found = self.child.get((parent, canon), [])
        if len(found) == 1:
            self._claim(i, found[0])

    def _check_moves(self, refs: list[tuple[str, int] | None]) -> None:
        for i, ref in enumerate(refs):
            target = self.target[i]
            if ref is None or target is None or i in self.bad:
                continue
            seen: set[Entity] = set()
            up = self.parent.get(target)
            while up is not None and up not in seen:
                if up == target:
                    self._bad(i, "parent", f"Không thể chuyển «{self.rows[i].name}» vào dưới "
                                           "một đơn vị trực thuộc chính nó.")
                    break
                seen.add(up)
                up = self.parent[up] if up in self.parent else (
                    self.orgs[up].parent_id if up > 0 else None)

    def _check_duplicates(self) -> None:
        seen: dict[tuple[Entity | None, str], int | ExistingOrg] = {}
        for o in self.orgs.values():
            if o.id in self.canon and o.id not in self.claimed:
                seen.setdefault((o.parent_id, self.canon[o.id]), o)
        for i, r in enumerate(self.rows):
            if i in self.bad:
                continue
            key = (self.parent[self._entity(i)], self.row_canon[i])
            other = seen.get(key)
            if other is None:
                seen[key] = i
            elif isinstance(other, int):
                self._bad(i, "name", f"Dòng này lặp lại dòng {self.rows[other].row} (cùng tên "
                                     f"«{r.name}», cùng đơn vị cấp trên).")
            else:
                code = f" (mã {other.code})" if other.code else ""
                self._bad(i, "name", f"Đã có đơn vị «{other.name}»{code} cùng tên dưới cùng đơn "
                                     "vị cấp trên. Nếu là một, ghi đúng mã của đơn vị đó.")

    # ------------------------------------------------------------------ shared with the plan

    def _label(self, e: Entity | None) -> str:
        if e is None:
            return ""
        return self.orgs[e].name if e > 0 else self.rows[-e - 1].name

    def _state_start(self, o: ExistingOrg) -> date | None:
        """The first day of the organisation's current name, place and kind."""
        end = self.history_end.get(o.id)
        return end + timedelta(days=1) if end is not None else o.valid_from
