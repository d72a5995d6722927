"""Demo data, step 1: the demo province's organisation tree, built in memory.

:func:`build_tree` lays out the province party committee, its communes, wards and special zones
(new on 01/07/2025), the other directly subordinate bodies, the 2025 history (merged boards, old
districts and their communes) and the grassroots units and party cells, exactly ``n``
organisations in all. It then draws member counts and each body's reliability (the chances it
is late or never acts), which :mod:`desktop.services.demo_tracking` uses.

Nothing is written here: :mod:`desktop.services.demo_orgs` turns the tree into rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.enums import Regime
from desktop.domain.errors import ValidationError
from desktop.services import demo_data as data

_CELL_KINDS = {"chi_bo_co_so", "chi_bo_truc_thuoc"}


def thousands(value: int) -> str:
    """Thousands with "." as Vietnamese officials write them."""
    return f"{value:,}".replace(",", ".")


@dataclass(slots=True, eq=False)
class Org:
    """One organisation of the demo tree, with what the later steps need to know about it."""

    id: int
    name: str
    short: str
    code: str
    kind: str
    parent: Org | None
    depth: int
    top: int | None
    sort: int
    valid_from: date | None = None
    valid_to: date | None = None
    merged_into: int | None = None
    note: str = ""
    category: str = ""  # depth 1: commune / committee / board / mass / press / ended
    abbr: str = "ĐU"  # symbol in its own plan and report numbers
    regime: str = Regime.PARTY.value
    group: int | None = None  # index into data.GROUPS
    is_cell: bool = False
    cells: int = 0  # party cells in its subtree (itself included when it is one)
    members: int = 0  # party members in those cells
    early: tuple[int, int] = (0, 0)  # depth 1: (cells, members) as of DENOM_EARLY
    n_children: int = 0
    p_never: float = 0.0  # chance it never studies/plans a document
    p_late: float = 0.0  # chance it is late
    plan_no: int = 0
    report_no: int = 0

    def active_on(self, d: date) -> bool:
        return (self.valid_from is None or self.valid_from <= d) and (
            self.valid_to is None or self.valid_to >= d
        )


@dataclass(frozen=True)
class OrgTree:
    """The whole tree: ``orgs`` in id order (parents before children), history included."""

    orgs: list[Org]
    root: Org
    party_cells: int  # party cells still active


#: A commune ((kind, place) of its cells) or a party committee (key of its grassroots units),
#: with its weight in the share of grassroots organisations.
_Bearer = tuple[Org, str | tuple[str, str], float]


def build_tree(n: int, rng: random.Random) -> OrgTree:
    """Exactly ``n`` organisations; ``ValidationError`` when ``n`` is too small for the shape."""
    return _TreeBuilder(n, rng).build()


class _TreeBuilder:
    def __init__(self, n: int, rng: random.Random) -> None:
        self.n = n
        self.rng = rng
        self.scale = min(1.0, n / 3000)  # below 3,000 organisations, fewer of everything
        self.orgs: list[Org] = []

    def build(self) -> OrgTree:
        root = self._add(data.ROOT_NAME, data.ROOT_SHORT, "TU", "tinh_uy", None)
        root.note = "Dữ liệu mẫu — tỉnh hư cấu."
        communes = self._add_communes(root)
        committees = self._add_committees(root)
        self._add_boards_mass_and_press(root)
        by_name = {o.name: o for o in self.orgs}
        btgdv = by_name["Ban Tuyên giáo và Dân vận Tỉnh ủy"]
        btgdv.valid_from = data.BOARD_MERGE_START
        btgdv.note = "Thành lập từ 01/3/2025 trên cơ sở hợp nhất Ban Tuyên giáo và Ban Dân vận."
        self._add_merged_boards(root, by_name)
        self._add_old_districts(root, [c for c, kind, _ in communes if kind == "xã"])
        self._add_grassroots(communes, committees)
        assert len(self.orgs) == self.n, (len(self.orgs), self.n)
        self._count_members()
        self._draw_reliability()
        party_cells = sum(1 for o in self.orgs if o.is_cell and o.valid_to is None)
        return OrgTree(self.orgs, root, party_cells)

    def _scaled(self, full: int, minimum: int) -> int:
        return max(minimum, round(full * self.scale))

    def _add(
        self, name: str, short: str, code: str, kind: str, parent: Org | None, **kw: Any
    ) -> Org:
        oid = len(self.orgs) + 1
        if parent is None:
            depth, top, sort = 0, None, 1
        else:
            parent.n_children += 1
            depth, sort = parent.depth + 1, parent.n_children
            top = oid if depth == 1 else parent.top
        org = Org(oid, name, short, code, kind, parent, depth, top, sort, **kw)
        org.is_cell = kind in _CELL_KINDS
        self.orgs.append(org)
        return org

    # ------------------------------------------------------------------ directly subordinate

    def _add_communes(self, root: Org) -> list[tuple[Org, str, str]]:
        """Communes, wards and special zones (new on 01/07/2025), with (kind, place)."""
        communes: list[tuple[Org, str, str]] = []
        for kind, names, prefix, width in (
            ("phường", data.WARD_NAMES[: self._scaled(20, 1)], "P", 3),
            ("xã", data.COMMUNE_NAMES[: self._scaled(78, 3)], "X", 3),
            ("đặc khu", data.SPECIAL_ZONE_NAMES[: 2 if self.scale >= 0.5 else 1], "DK", 2),
        ):
            for i, place in enumerate(names, 1):
                org = self._add(
                    f"Đảng bộ {kind} {place}", f"{kind} {place}", f"{prefix}{i:0{width}d}",
                    "dang_bo_xa", root, valid_from=data.REORG_DATE, category="commune", group=0,
                )
                communes.append((org, kind, place))
        return communes

    def _add_committees(self, root: Org) -> list[tuple[Org, str]]:
        """Party committees directly under the province, with the key of their units."""
        committees: list[tuple[Org, str]] = []
        for i, (name, short, abbr, regime, units) in enumerate(
            data.PARTY_COMMITTEES[: self._scaled(5, 2)], 1
        ):
            org = self._add(name, short, f"DB{i:02d}", "dang_bo_truc_thuoc", root,
                            category="committee", abbr=abbr, regime=regime, group=0)
            committees.append((org, units))
        return committees

    def _add_boards_mass_and_press(self, root: Org) -> None:
        for prefix, rows, kind, category, group in (
            ("B", data.BOARDS_AND_DEPARTMENTS[: self._scaled(21, 3)], "ban_so_nganh", "board", 1),
            ("DT", data.MASS_ORGANISATIONS[: self._scaled(6, 2)], "doan_the", "mass", 2),
            ("BC", data.PRESS[: self._scaled(3, 1)], "bao_chi", "press", 3),
        ):
            for i, (name, short, abbr, regime) in enumerate(rows, 1):
                self._add(name, short, f"{prefix}{i:02d}", kind, root, category=category,
                          abbr=abbr, regime=regime, group=group)

    # ------------------------------------------------------------------ 2025 history

    def _add_merged_boards(self, root: Org, by_name: dict[str, Org]) -> None:
        """Boards merged in early 2025, ended on 28/02/2025."""
        i_old = 0
        for name, short, kind, successor in data.MERGED_BOARDS:
            target = by_name.get(successor)
            if target is None:
                continue
            i_old += 1
            self._add(name, short, f"CU{i_old:02d}", kind, root,
                      valid_to=data.BOARD_MERGE_END, merged_into=target.id, category="ended",
                      note=f"Hợp nhất vào {successor} từ 01/3/2025.")

    def _add_old_districts(self, root: Org, village_communes: list[Org]) -> None:
        """Old districts and their communes, ended on 30/06/2025 (merged into new communes)."""
        for i, (dkind, dname, olds) in enumerate(data.OLD_DISTRICTS[: self._scaled(3, 1)], 1):
            district = self._add(
                f"Đảng bộ {dkind} {dname}", f"{dkind} {dname}", f"H{i:02d}", "dang_bo_truc_thuoc",
                root, valid_to=data.OLD_END, category="ended",
                note="Kết thúc hoạt động từ 01/7/2025 (không tổ chức cấp huyện).",
            )
            target = village_communes[(i - 1) % len(village_communes)]
            kept = olds if self.scale >= 0.5 else olds[:2]
            for j, old in enumerate(kept, 1):
                self._add(f"Đảng bộ xã {old}", f"xã {old}", f"H{i:02d}.{j:02d}", "dang_bo_xa",
                          district, valid_to=data.OLD_END, merged_into=target.id,
                          note=f"Hợp nhất vào {target.name} từ 01/7/2025.")
            target.note = (
                "Thành lập từ 01/7/2025 trên cơ sở hợp nhất các xã "
                + ", ".join(kept) + f" ({dkind} {dname}) và một phần địa bàn lân cận."
            )

    # ------------------------------------------------------------------ grassroots

    def _add_grassroots(
        self, communes: list[tuple[Org, str, str]], committees: list[tuple[Org, str]]
    ) -> None:
        """Grassroots units and party cells, shared out by weight so the total is exactly n."""
        rng = self.rng
        bearers: list[_Bearer] = []
        for c, kind, place in communes:
            if kind == "phường":
                w = rng.uniform(0.5, 1.2)
            elif kind == "đặc khu":
                w = rng.uniform(0.3, 0.7)
            else:
                w = rng.uniform(0.6, 1.5)
            bearers.append((c, (kind, place), w))
        for org, units in committees:
            bearers.append((org, units, data.PARTY_COMMITTEE_WEIGHTS[units]))
        remaining = self.n - len(self.orgs)
        if remaining < len(bearers):
            raise ValidationError(
                f"Số tổ chức quá ít cho dữ liệu mẫu: cần ít nhất "
                f"{thousands(len(self.orgs) + len(bearers))}.",
                field="orgs",
            )
        sizes = _apportion(remaining - len(bearers), [w for _, _, w in bearers])
        for (org, what, _w), extra in zip(bearers, sizes, strict=True):
            if isinstance(what, tuple):
                self._add_commune_cells(org, *what, 1 + extra)
            else:
                self._add_committee_units(org, what, 1 + extra)

    def _add_commune_cells(self, commune: Org, kind: str, place: str, count: int) -> None:
        rng = self.rng
        n_inst = min(len(data.COMMUNE_INSTITUTIONS), round(count * 0.22))
        if count >= 3:
            n_inst = max(1, n_inst)
        names = [t.format(kind=kind, place=place) for t in data.COMMUNE_INSTITUTIONS[:n_inst]]
        if kind == "phường":
            names += [f"Chi bộ khu phố {i}" for i in range(1, count - n_inst + 1)]
        else:
            villages = [f"{p} {b}" for p in data.VILLAGE_PREFIXES for b in data.VILLAGE_BASES]
            rng.shuffle(villages)
            k = count - n_inst
            names += [f"Chi bộ thôn {v}" for v in villages[:k]]
            names += [f"Chi bộ thôn {i}" for i in range(1, k - len(villages) + 1)]
        width = 2 if count < 100 else 3
        for i, name in enumerate(names, 1):
            self._add(name, name.removeprefix("Chi bộ "), f"{commune.code}.{i:0{width}d}",
                      "chi_bo_truc_thuoc", commune, valid_from=data.REORG_DATE)

    def _add_committee_units(self, committee: Org, key: str, count: int) -> None:
        rng = self.rng
        units = data.GRASSROOTS_UNITS[key]
        if count <= len(units):
            sizes = [1] * count
        else:
            sizes = [1 + x for x in _apportion(
                count - len(units), [rng.uniform(0.5, 2.0) for _ in units])]
            _no_size_two(sizes)
        width = 2 if len(sizes) < 100 else 3
        code_no = 0
        for (unit, style), size in zip(units, sizes, strict=False):
            if size == 0:
                continue
            code_no += 1
            code = f"{committee.code}.{code_no:0{width}d}"
            if size == 1:
                self._add(f"Chi bộ {unit}", unit, code, "chi_bo_co_so", committee)
                continue
            parent = self._add(f"Đảng bộ {unit}", unit, code, "dang_bo_co_so", committee)
            cell_names = data.CELL_NAMES[style]
            cwidth = 2 if size - 1 < 100 else 3
            for j in range(size - 1):
                base = cell_names[j % len(cell_names)]
                name = base if j < len(cell_names) else f"{base} {j // len(cell_names) + 1}"
                self._add(name, f"{name.removeprefix('Chi bộ ')} - {unit}",
                          f"{code}.{j + 1:0{cwidth}d}", "chi_bo_truc_thuoc", parent)

    # ------------------------------------------------------------------ members, reliability

    def _count_members(self) -> None:
        """Members per cell, summed up the active tree (children come after their parents)."""
        rng = self.rng
        for o in reversed(self.orgs):
            if o.is_cell:
                o.cells = 1
                o.members = _cell_members(rng)
            if o.parent is not None and o.parent.depth >= 1 and o.valid_to is None:
                o.parent.cells += o.cells
                o.parent.members += o.members

    def _draw_reliability(self) -> None:
        """How late or absent each body tends to be, its first plan and report numbers, and the
        earlier (DENOM_EARLY) denominators of the directly subordinate bodies."""
        rng = self.rng
        for o in self.orgs:
            x = rng.random()
            factor = 0.5 if x < 0.8 else (2.0 if x < 0.95 else 6.0)
            o.p_never = 0.015 * factor
            o.p_late = 0.05 * factor
            o.plan_no = 3 + int(rng.random() * 30)
            o.report_no = 5 + int(rng.random() * 40)
            if o.depth == 1 and o.valid_to is None:
                drop = int(rng.random() * o.cells * 0.03)
                o.early = (o.cells - drop, round(o.members * rng.uniform(0.95, 0.99)))


def _cell_members(rng: random.Random) -> int:
    """Members of one party cell: mostly 8-30, a few large ones up to 60."""
    if rng.random() < 0.08:
        return rng.randint(40, 60)
    return int(rng.triangular(5, 45, 12))


def _apportion(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integer shares proportional to ``weights`` (largest remainder)."""
    if total <= 0:
        return [0] * len(weights)
    wsum = sum(weights)
    exact = [total * w / wsum for w in weights]
    shares = [int(x) for x in exact]
    left = total - sum(shares)
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += 1
    return shares


def _no_size_two(sizes: list[int]) -> None:
    """A unit of size 2 would be a party committee with a single cell: make it 1 or ≥ 3."""
    spare = 0
    for i, size in enumerate(sizes):
        if size == 2:
            sizes[i] = 1
            spare += 1
    if not spare:
        return
    j = max(range(len(sizes)), key=lambda i: (sizes[i], -i))
    sizes[j] += spare
    while sizes[j] == 2:
        k = max(i for i, size in enumerate(sizes) if size == 1 and i != j)
        sizes[k] = 0
        sizes[j] += 1
