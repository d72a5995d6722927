"""Demo data: a fictional province in the post-2025 shape, with documents at every stage.

:func:`create_demo` fills an empty, migrated database in one transaction with Core bulk inserts
(``session.execute(insert(table), rows)``): the organisation tree with its 2025 history, dated
denominators, "Nơi nhận" groups, issuing bodies, documents with deadlines and recipient lines,
and the tracking rows, reports and reminders a clerk would have entered by ``today``.

Everything is drawn from ``random.Random`` instances seeded from ``seed``: the same arguments
give byte-identical data (timestamps aside). Attendance is aggregate counts only; tracking never
names a person (receipt is confirmed by a role).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, literal_column, select, text
from sqlalchemy.orm import Session

from desktop.domain.enums import (
    Channel,
    Confidentiality,
    DeadlineKind,
    PlanStatus,
    Regime,
    ReportStatus,
    Scope,
    StudyForm,
    Urgency,
)
from desktop.domain.errors import ValidationError
from desktop.domain.text import fold
from desktop.services import demo_data as data
from desktop.services.database import Database
from desktop.store import models

DEMO_PROVINCE = data.PROVINCE
MIN_ORGS = 30
MAX_ORGS = 100_000
MAX_DOCUMENTS = 1_000

Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`create_demo` wrote."""

    organisations: int
    party_cells: int
    documents: int
    tracking_rows: int
    reports: int
    seconds: float


def create_demo(
    db: Database,
    *,
    orgs: int = 3000,
    documents: int = 5,
    today: date | None = None,
    seed: int = 2025,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo province ``DEMO_PROVINCE``.

    ``orgs`` is the exact number of organisations written (history included), ``documents``
    the number of tracked documents; ``today`` is the date the data is "as of" (every date
    written is on or before it). Refuses (``ValidationError``, nothing changed) when the
    database already holds organisations, documents, groups, issuing bodies or terms.
    """
    started = time.perf_counter()
    if not MIN_ORGS <= orgs <= MAX_ORGS:
        raise ValidationError(
            f"Số tổ chức của dữ liệu mẫu phải từ {_n(MIN_ORGS)} đến {_n(MAX_ORGS)} "
            f"(đã nhập {_n(orgs)}).",
            field="orgs",
        )
    if not 0 <= documents <= MAX_DOCUMENTS:
        raise ValidationError(
            f"Số văn bản của dữ liệu mẫu phải từ 0 đến {_n(MAX_DOCUMENTS)} "
            f"(đã nhập {_n(documents)}).",
            field="documents",
        )
    today = today or date.today()
    report = progress or (lambda _f, _m: None)

    with db.transaction() as s:
        _refuse_if_not_empty(s)
        report(0.0, "Đang tạo cây tổ chức…")
        gen = _Generator(s, orgs=orgs, documents=documents, today=today, seed=seed)
        gen.build_organisations()
        report(0.05, "Đang ghi tổ chức, số liệu đảng viên và nhóm nhận văn bản…")
        gen.write_organisations()
        gen.write_bodies()
        gen.build_documents()
        gen.write_documents()
        report(0.1, "Đang tạo dữ liệu theo dõi…")
        gen.write_tracking(lambda f, m: report(0.1 + 0.88 * f, m))
        _advance_sequences(s)
        summary_text = (
            f"Tạo dữ liệu mẫu: tỉnh {DEMO_PROVINCE}, {_n(orgs)} tổ chức "
            f"({_n(gen.party_cells)} chi bộ), {_n(documents)} văn bản, "
            f"{_n(gen.tracking_rows)} dòng theo dõi, {_n(gen.reports)} báo cáo"
        )
        db.audit_bulk(
            s,
            "demo",
            summary_text,
            after={
                "orgs": orgs,
                "documents": documents,
                "today": today.isoformat(),
                "seed": seed,
                "tracking_rows": gen.tracking_rows,
                "reports": gen.reports,
                "reminders": gen.reminders,
            },
        )
        report(0.99, "Đang lưu…")
    seconds = time.perf_counter() - started
    report(1.0, "Đã tạo xong dữ liệu mẫu.")
    return DemoSummary(
        organisations=orgs,
        party_cells=gen.party_cells,
        documents=documents,
        tracking_rows=gen.tracking_rows,
        reports=gen.reports,
        seconds=seconds,
    )


def _n(value: int) -> str:
    """Thousands with "." as Vietnamese officials write them."""
    return f"{value:,}".replace(",", ".")


#: Tables whose ids the generator writes itself (so parents and children link in one pass).
_EXPLICIT_ID_TABLES = (
    models.Organisation, models.OrgGroup, models.IssuingBody, models.PartyTerm, models.Document,
    models.Deadline, models.DocumentRecipientLine, models.Tracking, models.TrackingReport,
)


def _advance_sequences(s: Session) -> None:
    """PostgreSQL: move each id sequence past the ids written explicitly, or the next ORM
    insert would collide. (SQLite takes max(rowid) + 1 by itself.)"""
    if s.get_bind().dialect.name != "postgresql":
        return
    for model in _EXPLICIT_ID_TABLES:
        table = model.__tablename__
        s.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"))


def _refuse_if_not_empty(s: Session) -> None:
    for model in (
        models.Organisation,
        models.Document,
        models.OrgGroup,
        models.IssuingBody,
        models.PartyTerm,
    ):
        if s.scalar(select(func.count()).select_from(model)):
            raise ValidationError(
                "Cơ sở dữ liệu này đã có dữ liệu (tổ chức, văn bản hoặc cơ quan ban hành). "
                "Dữ liệu mẫu chỉ tạo được trong một cơ sở dữ liệu trống: hãy tạo một tệp dữ "
                "liệu mới rồi thử lại. Chưa có gì bị thay đổi."
            )


# ============================================================================ internals


@dataclass(slots=True, eq=False)
class _Org:
    id: int
    name: str
    short: str
    code: str
    kind: str
    parent: _Org | None
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


@dataclass(slots=True, eq=False)
class _Doc:
    id: int
    type_code: str
    issuer: str  # issuing body symbol
    issue: date
    primary: bool
    seq: int
    parent: _Doc | None = None
    number: str = ""
    symbol: str = ""
    excerpt: str = ""
    scope: str = Scope.LEVEL1.value
    groups: list[int] = field(default_factory=list)
    study_due: date | None = None
    first_due: date | None = None
    deadline_ids: dict[str, int] = field(default_factory=dict)
    periodic: list[tuple[int, date, str]] = field(default_factory=list)
    urgency: str = Urgency.NORMAL.value


_TYPE_WEIGHTS = [("CT", 30), ("NQ", 20), ("KL", 20), ("KH", 20), ("CTr", 10)]
# (first number of the 2025-2030 term, step) and the last numbers reached in 2020-2025.
_NEW_TERM_START = {"CT": (1, 2), "NQ": (1, 2), "KL": (5, 6), "KH": (8, 10), "CTr": (1, 1),
                   "HD": (1, 2)}
_OLD_TERM_START = {"CT": 41, "NQ": 26, "KL": 640, "KH": 290, "CTr": 21, "HD": 64}
_PLAN_REQUIRED = {"CT", "NQ", "KL", "KH", "CTr"}
_ISSUER_IDS = {"TU": 1, "BTGDVTU": 2, "VPTU": 3, "UBND": 4}
_CELL_KINDS = {"chi_bo_co_so", "chi_bo_truc_thuoc"}
_REMINDER_AFTER_DAYS = 10
_SECOND_REMINDER_DAYS = 21


class _Generator:
    def __init__(self, s: Session, *, orgs: int, documents: int, today: date, seed: int):
        self.s = s
        self.n_orgs = orgs
        self.n_docs = documents
        self.today = today
        self.seed = seed
        # Separate streams: the tree does not change when only the document count does.
        self.rng_tree = random.Random(f"{seed}:tree")
        self.rng_docs = random.Random(f"{seed}:documents")
        self.rng_track = random.Random(f"{seed}:tracking")
        self.now = datetime.now(UTC)
        self.stamp = {"version": 1, "created_at": self.now, "updated_at": self.now}
        self.kind_ids = dict(s.execute(select(models.OrgKind.code, models.OrgKind.id)).all())
        self.type_rows = {
            code: (tid, name)
            for tid, code, name in s.execute(
                select(models.DocumentType.id, models.DocumentType.code, models.DocumentType.name)
            ).all()
        }
        self.orgs: list[_Org] = []
        self.docs: list[_Doc] = []
        self.party_cells = 0
        self.tracking_rows = 0
        self.reports = 0
        self.reminders = 0
        self.term_id = 1

    # ------------------------------------------------------------------ organisation tree

    def _add(
        self, name: str, short: str, code: str, kind: str, parent: _Org | None, **kw: Any
    ) -> _Org:
        oid = len(self.orgs) + 1
        if parent is None:
            depth, top, sort = 0, None, 1
        else:
            parent.n_children += 1
            depth, sort = parent.depth + 1, parent.n_children
            top = oid if depth == 1 else parent.top
        org = _Org(oid, name, short, code, kind, parent, depth, top, sort, **kw)
        org.is_cell = kind in _CELL_KINDS
        self.orgs.append(org)
        return org

    def build_organisations(self) -> None:
        rng = self.rng_tree
        n = self.n_orgs
        f = min(1.0, n / 3000)
        n_wards = max(1, round(20 * f))
        n_communes = max(3, round(78 * f))
        n_zones = 2 if f >= 0.5 else 1
        n_committees = max(2, round(5 * f))
        n_boards = max(3, round(21 * f))
        n_mass = max(2, round(6 * f))
        n_press = max(1, round(3 * f))
        n_districts = max(1, round(3 * f))

        root = self._add(data.ROOT_NAME, data.ROOT_SHORT, "TU", "tinh_uy", None)
        root.note = "Dữ liệu mẫu — tỉnh hư cấu."
        self.root = root

        # -- communes, wards and special zones (new on 01/07/2025)
        communes: list[tuple[_Org, str, str]] = []
        for kind, names, prefix, width in (
            ("phường", data.WARD_NAMES[:n_wards], "P", 3),
            ("xã", data.COMMUNE_NAMES[:n_communes], "X", 3),
            ("đặc khu", data.SPECIAL_ZONE_NAMES[:n_zones], "DK", 2),
        ):
            for i, place in enumerate(names, 1):
                org = self._add(
                    f"Đảng bộ {kind} {place}", f"{kind} {place}", f"{prefix}{i:0{width}d}",
                    "dang_bo_xa", root, valid_from=data.REORG_DATE, category="commune", group=0,
                )
                communes.append((org, kind, place))

        # -- other directly subordinate bodies
        committees: list[tuple[_Org, str]] = []
        for i, (name, short, abbr, regime, units) in enumerate(
            data.PARTY_COMMITTEES[:n_committees], 1
        ):
            org = self._add(name, short, f"DB{i:02d}", "dang_bo_truc_thuoc", root,
                            category="committee", abbr=abbr, regime=regime, group=0)
            committees.append((org, units))
        others: list[_Org] = []
        for prefix, rows, kind, category, group in (
            ("B", data.BOARDS_AND_DEPARTMENTS[:n_boards], "ban_so_nganh", "board", 1),
            ("DT", data.MASS_ORGANISATIONS[:n_mass], "doan_the", "mass", 2),
            ("BC", data.PRESS[:n_press], "bao_chi", "press", 3),
        ):
            for i, (name, short, abbr, regime) in enumerate(rows, 1):
                org = self._add(name, short, f"{prefix}{i:02d}", kind, root, category=category,
                                abbr=abbr, regime=regime, group=group)
                others.append(org)
        by_name = {o.name: o for o in self.orgs}
        btgdv = by_name["Ban Tuyên giáo và Dân vận Tỉnh ủy"]
        btgdv.valid_from = data.BOARD_MERGE_START
        btgdv.note = "Thành lập từ 01/3/2025 trên cơ sở hợp nhất Ban Tuyên giáo và Ban Dân vận."

        # -- history: merged boards (early 2025), old districts and communes (until 30/06/2025)
        i_old = 0
        for name, short, kind, successor in data.MERGED_BOARDS:
            target = by_name.get(successor)
            if target is None:
                continue
            i_old += 1
            self._add(name, short, f"CU{i_old:02d}", kind, root,
                      valid_to=data.BOARD_MERGE_END, merged_into=target.id, category="ended",
                      note=f"Hợp nhất vào {successor} từ 01/3/2025.")
        village_communes = [c for c, kind, _ in communes if kind == "xã"]
        for i, (dkind, dname, olds) in enumerate(data.OLD_DISTRICTS[:n_districts], 1):
            district = self._add(
                f"Đảng bộ {dkind} {dname}", f"{dkind} {dname}", f"H{i:02d}", "dang_bo_truc_thuoc",
                root, valid_to=data.OLD_END, category="ended",
                note="Kết thúc hoạt động từ 01/7/2025 (không tổ chức cấp huyện).",
            )
            target = village_communes[(i - 1) % len(village_communes)]
            kept = olds if f >= 0.5 else olds[:2]
            for j, old in enumerate(kept, 1):
                self._add(f"Đảng bộ xã {old}", f"xã {old}", f"H{i:02d}.{j:02d}", "dang_bo_xa",
                          district, valid_to=data.OLD_END, merged_into=target.id,
                          note=f"Hợp nhất vào {target.name} từ 01/7/2025.")
            target.note = (
                "Thành lập từ 01/7/2025 trên cơ sở hợp nhất các xã "
                + ", ".join(kept) + f" ({dkind} {dname}) và một phần địa bàn lân cận."
            )

        # -- grassroots units and party cells, exactly up to n
        bearers: list[tuple[_Org, str | tuple[str, str], float]] = []
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
        remaining = n - len(self.orgs)
        if remaining < len(bearers):
            raise ValidationError(
                f"Số tổ chức quá ít cho dữ liệu mẫu: cần ít nhất "
                f"{_n(len(self.orgs) + len(bearers))}.",
                field="orgs",
            )
        sizes = _apportion(remaining - len(bearers), [w for _, _, w in bearers])
        for (org, what, _w), extra in zip(bearers, sizes, strict=True):
            if isinstance(what, tuple):
                self._commune_cells(org, *what, 1 + extra)
            else:
                self._committee_units(org, what, 1 + extra)
        assert len(self.orgs) == n, (len(self.orgs), n)

        # -- member counts, reliability
        for o in reversed(self.orgs):  # children come after their parents
            if o.is_cell:
                o.cells = 1
                o.members = _cell_members(rng)
            if o.parent is not None and o.parent.depth >= 1 and o.valid_to is None:
                o.parent.cells += o.cells
                o.parent.members += o.members
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
        self.party_cells = sum(1 for o in self.orgs if o.is_cell and o.valid_to is None)

    def _commune_cells(self, commune: _Org, kind: str, place: str, count: int) -> None:
        rng = self.rng_tree
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

    def _committee_units(self, committee: _Org, key: str, count: int) -> None:
        rng = self.rng_tree
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

    def write_organisations(self) -> None:
        s, stamp, kinds = self.s, self.stamp, self.kind_ids
        rows = []
        for o in self.orgs:
            rows.append({
                "id": o.id,
                "name": o.name,
                "short_name": o.short,
                "code": o.code,
                "kind_id": kinds[o.kind],
                "parent_id": o.parent.id if o.parent else None,
                "top_id": o.top,
                "depth": o.depth,
                "sort_order": o.sort,
                "valid_from": o.valid_from,
                "valid_to": o.valid_to,
                "merged_into_id": o.merged_into,
                "renamed_from_id": None,
                "search_key": fold(f"{o.name} {o.short} {o.code}"),
                "note": o.note,
                **stamp,
            })
        s.execute(insert(models.Organisation.__table__), rows)

        history = []
        for o in self.orgs:
            if o.name in data.RENAMED and o.valid_to is None:
                old_name, old_short = data.RENAMED[o.name]
                history.append({
                    "organisation_id": o.id,
                    "valid_from": None,
                    "valid_to": data.BOARD_MERGE_END,
                    "name": old_name,
                    "short_name": old_short,
                    "parent_id": self.root.id,
                    "kind_id": kinds[o.kind],
                    "reason": "rename",
                })
        if history:
            s.execute(insert(models.OrgHistory.__table__), history)

        denominators = []
        for o in self.orgs:
            if o.valid_to is not None or o.depth == 0:
                continue
            if o.depth == 1:
                note = "" if o.members else "Đảng viên sinh hoạt tại các chi bộ của đảng bộ khác."
                for as_of, (cells, members) in (
                    (data.DENOM_EARLY, o.early), (data.DENOM_LATE, (o.cells, o.members))
                ):
                    denominators.append({
                        "organisation_id": o.id, "as_of": as_of, "party_cells": cells,
                        "party_members": members, "note": note, **stamp,
                    })
            elif o.cells:
                denominators.append({
                    "organisation_id": o.id, "as_of": data.DENOM_EARLY, "party_cells": o.cells,
                    "party_members": o.members, "note": "", **stamp,
                })
        s.execute(insert(models.OrgDenominator.__table__), denominators)

        s.execute(insert(models.OrgGroup.__table__), [
            {"id": i, "name": name, "short_name": short, "sort_order": i, "note": "", **stamp}
            for i, (name, short) in enumerate(data.GROUPS, 1)
        ])
        s.execute(insert(models.OrgGroupMember.__table__), [
            {"group_id": o.group + 1, "organisation_id": o.id}
            for o in self.orgs
            if o.depth == 1 and o.valid_to is None and o.group is not None
        ])

    def write_bodies(self) -> None:
        s, stamp = self.s, self.stamp
        place = data.PROVINCE
        tu_upper = f"TỈNH ỦY {data.PROVINCE_UPPER}"
        bodies = [
            ("", tu_upper, "TU", Regime.PARTY, data.SIGNER_TU, False),
            (tu_upper, "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU", Regime.PARTY, data.SIGNER_BTGDV,
             True),
            (tu_upper, "VĂN PHÒNG", "VPTU", Regime.PARTY, data.SIGNER_VPTU, False),
            ("", f"ỦY BAN NHÂN DÂN TỈNH {data.PROVINCE_UPPER}", "UBND", Regime.STATE,
             data.SIGNER_UBND, False),
        ]
        s.execute(insert(models.IssuingBody.__table__), [
            {
                "id": _ISSUER_IDS[symbol],
                "superior_name": superior,
                "name": name,
                "symbol": symbol,
                "place_name": place,
                "regime": regime.value,
                "format_profile": "",
                "signer_authority": signer[0],
                "signer_title": signer[1],
                "signer_name": signer[2],
                "is_own_office": own,
                **stamp,
            }
            for superior, name, symbol, regime, signer, own in bodies
        ])
        s.execute(insert(models.PartyTerm.__table__), [
            {"id": self.term_id, "name": data.TERM_NAME, "start_date": data.TERM_START,
             "end_date": None},
        ])

    # ------------------------------------------------------------------ documents

    def build_documents(self) -> None:
        rng = self.rng_docs
        n = self.n_docs
        if n == 0:
            return
        today = self.today
        n_children = n // 4 if n >= 2 else 0
        n_primary = n - n_children
        start = max(today - timedelta(days=540), data.REORG_DATE + timedelta(days=10))
        end = today - timedelta(days=5)
        if (end - start).days < 60:
            start = end - timedelta(days=540)
        span = (end - start).days
        if n_primary == 1:
            dates = [max(start, today - timedelta(days=120))]
        else:
            dates = sorted(start + timedelta(days=int(rng.random() * (span + 1)))
                           for _ in range(n_primary - 1))
            dates.append(today - timedelta(days=rng.randint(0, 2)))
        codes, weights = zip(*_TYPE_WEIGHTS, strict=True)
        primaries: list[_Doc] = []
        for i, d in enumerate(dates):
            code = "CT" if i == 0 else rng.choices(codes, weights)[0]
            primaries.append(_Doc(0, code, "TU", d, True, i))

        # most provincial documents are to be disseminated down to every party cell ("phổ
        # biến đến chi bộ", as the sample directive says); about one in eight goes to the
        # directly subordinate bodies only. Directives and resolutions first, always including
        # the oldest directive (the one with stragglers by now). At 20,000 organisations × 50
        # documents this gives the stress volume of about a million tracking rows.
        n_cells = max(1, n_primary - max(1, n_primary // 8))
        rest = primaries[1:]
        rng.shuffle(rest)
        rest.sort(key=lambda d: d.type_code not in ("CT", "NQ"))
        for d in [primaries[0], *rest][:n_cells]:
            d.scope = Scope.PARTY_CELLS.value

        children: list[_Doc] = []
        candidates = [d for d in primaries if d.issue <= today - timedelta(days=8)]
        candidates.sort(key=lambda d: (d.type_code not in ("CT", "NQ", "KL"), d.seq))
        if not candidates:
            candidates = primaries[:1]
        for j in range(n_children):
            parent = candidates[j % len(candidates)]
            d = min(today, parent.issue + timedelta(days=7 + rng.randint(0, 18)))
            code = "KH" if rng.random() < 0.6 else "HD"
            child = _Doc(0, code, "BTGDVTU", d, False, j, parent=parent)
            child.scope = parent.scope  # the guidance goes as far down as its directive
            children.append(child)

        docs = sorted(primaries + children, key=lambda d: (d.issue, not d.primary, d.seq))
        counters: dict[tuple[str, str, bool], int] = {}
        self.sequences: dict[tuple[str, str], int] = {}
        for i, d in enumerate(docs, 1):
            d.id = i
            new_term = d.issue >= data.TERM_START
            key = (d.issuer, d.type_code, new_term)
            first, step = _NEW_TERM_START[d.type_code]
            if key not in counters:
                counters[key] = (first + int(rng.random() * 3) if new_term
                                 else _OLD_TERM_START[d.type_code] + int(rng.random() * 8))
            else:
                counters[key] += 1 + int(rng.random() * step)
            d.number = f"{counters[key]:02d}"
            d.symbol = f"{d.type_code}/{d.issuer}"
            if new_term:
                self.sequences[(d.issuer, d.type_code)] = counters[key]

        pools = {code: list(texts) for code, texts in data.EXCERPTS.items()}
        for pool in pools.values():
            rng.shuffle(pool)
        used: dict[str, int] = {}
        for d in docs:
            if d.parent is None:
                k = used.get(d.type_code, 0)
                used[d.type_code] = k + 1
                pool = pools[d.type_code]
                d.excerpt = pool[k % len(pool)]
            else:
                d.excerpt = data.CHILD_EXCERPTS[d.type_code].format(ref=self._reference(d.parent))
            if d.parent is not None and rng.random() < 0.15:
                d.urgency = Urgency.URGENT.value
            d.groups = [0, 1, 2, 3] if rng.random() < 0.8 else [0, 1, 2]
            # deadlines: study ~30 days, first report ~60 days, yearly report for directives
            d.study_due = d.issue + timedelta(days=25 + rng.randint(0, 10))
            d.first_due = d.study_due + timedelta(days=25 + rng.randint(0, 10))
        self.docs = docs

    def _reference(self, parent: _Doc) -> str:
        type_name = self.type_rows[parent.type_code][1]
        author = ("Ban Chấp hành Đảng bộ tỉnh" if parent.type_code == "NQ"
                  else "Ban Thường vụ Tỉnh ủy")
        tail = parent.excerpt.removeprefix("của Ban Thường vụ Tỉnh ủy ")
        if not tail.startswith("về "):
            tail = "về " + tail
        d = parent.issue
        return (f"{type_name} số {parent.number}-{parent.symbol}, ngày {d.day}/{d.month}/{d.year} "
                f"của {author} {tail}")

    def write_documents(self) -> None:
        if not self.docs:
            return
        s, stamp, rng = self.s, self.stamp, self.rng_docs
        doc_rows, deadline_rows, line_rows = [], [], []
        line_id = 0
        for d in self.docs:
            type_id, type_name = self.type_rows[d.type_code]
            if d.issuer == "TU":
                if d.type_code == "NQ":
                    signer = ("T/M TỈNH ỦY", "BÍ THƯ", data.SIGNER_TU_SECRETARY[2])
                elif rng.random() < 0.25:
                    signer = data.SIGNER_TU_SECRETARY
                else:
                    signer = data.SIGNER_TU
            else:
                signer = data.SIGNER_BTGDV if rng.random() < 0.7 else data.SIGNER_BTGDV_HEAD
            number_symbol = f"{d.number}-{d.symbol}"
            doc_rows.append({
                "id": d.id,
                "type_id": type_id,
                "number": d.number,
                "symbol": d.symbol,
                "issue_date": d.issue,
                "issuing_body_id": _ISSUER_IDS[d.issuer],
                "excerpt": d.excerpt,
                "signer_authority": signer[0],
                "signer_title": signer[1],
                "signer_name": signer[2],
                "urgency": d.urgency,
                "confidentiality": Confidentiality.NORMAL.value,
                "scope": d.scope,
                "parent_id": d.parent.id if d.parent else None,
                "search_key": fold(f"{number_symbol} {type_name} {d.excerpt}"),
                "number_key": fold(number_symbol),
                "note": "",
                **stamp,
            })

            def deadline(kind: DeadlineKind, due: date, label: str, period: str = "",
                         doc_id: int = d.id) -> int:
                deadline_rows.append({
                    "id": len(deadline_rows) + 1, "document_id": doc_id, "kind": kind.value,
                    "due_date": due, "label": label, "period": period, "depth": None, **stamp,
                })
                return len(deadline_rows)

            assert d.study_due is not None and d.first_due is not None
            d.deadline_ids["study"] = deadline(
                DeadlineKind.STUDY, d.study_due, "Hoàn thành việc học tập, quán triệt")
            d.deadline_ids["first"] = deadline(
                DeadlineKind.FIRST_REPORT, d.first_due,
                "Báo cáo kết quả học tập, quán triệt và xây dựng kế hoạch thực hiện")
            if d.primary and (d.type_code == "CT" or (d.type_code == "NQ" and rng.random() < 0.5)):
                y0 = d.first_due.year
                for year in range(y0, max(y0, self.today.year) + 1):
                    due = date(year, 12, 15)
                    if due <= d.first_due + timedelta(days=15):
                        continue
                    dl = deadline(DeadlineKind.PERIODIC, due, f"Báo cáo định kỳ năm {year}",
                                  str(year))
                    d.periodic.append((dl, due, str(year)))

            if d.issuer == "TU":
                head, tail = data.RECIPIENTS_TU_HEAD, data.RECIPIENTS_TU_TAIL
            else:
                head, tail = data.RECIPIENTS_BTGDV_HEAD, data.RECIPIENTS_BTGDV_TAIL
            lines: list[tuple[str, int | None]] = [(t, None) for t in head]
            lines += [(f"- {data.GROUPS[g][0]},", g + 1) for g in d.groups]
            lines += [(t, None) for t in tail]
            for pos, (line, group_id) in enumerate(lines, 1):
                line_id += 1
                line_rows.append({"id": line_id, "document_id": d.id, "position": pos,
                                  "text": line, "group_id": group_id})
        s.execute(insert(models.Document.__table__), doc_rows)
        s.execute(insert(models.Deadline.__table__), deadline_rows)
        s.execute(insert(models.DocumentRecipientLine.__table__), line_rows)
        if self.sequences:
            s.execute(insert(models.NumberSequence.__table__), [
                {"issuing_body_id": _ISSUER_IDS[issuer], "type_id": self.type_rows[code][0],
                 "period_key": f"term:{self.term_id}", "last_number": last}
                for (issuer, code), last in sorted(self.sequences.items())
            ])

    # ------------------------------------------------------------------ tracking

    def _recipients(self, d: _Doc) -> list[_Org]:
        groups = set(d.groups)
        tops = {o.id for o in self.orgs
                if o.depth == 1 and o.group in groups and o.active_on(d.issue)}
        if d.scope == Scope.LEVEL1.value:
            return [o for o in self.orgs if o.id in tops]
        return [o for o in self.orgs if o.top in tops and o.active_on(d.issue)]

    def write_tracking(self, progress: Progress) -> None:
        recipients = [self._recipients(d) for d in self.docs]
        total = sum(len(r) for r in recipients) or 1
        done = 0
        low = min((d.issue for d in self.docs), default=self.today).toordinal()
        self.dates: dict[int | None, date | None] = {None: None}
        for o in range(low, self.today.toordinal() + 1):
            self.dates[o] = date.fromordinal(o)
        self.next_tracking_id = 1
        self.next_report_id = 1
        for i, (d, recips) in enumerate(zip(self.docs, recipients, strict=True), 1):
            self._track_document(d, recips)
            done += len(recips)
            progress(done / total, f"Đang tạo dữ liệu theo dõi văn bản {i}/{len(self.docs)}…")

    def _track_document(self, d: _Doc, recips: Iterable[_Org]) -> None:
        rnd = self.rng_track.random
        D = self.dates
        today = self.today.toordinal()
        iss = d.issue.toordinal()
        assert d.study_due is not None and d.first_due is not None
        study_due = d.study_due.toordinal()
        first_due = d.first_due.toordinal()
        first_id = d.deadline_ids["first"]
        periodic = [(dl, due.toordinal(), period) for dl, due, period in d.periodic]
        late_denoms = d.issue >= data.DENOM_LATE
        plan_required = d.type_code in _PLAN_REQUIRED
        reminder = first_due + _REMINDER_AFTER_DAYS
        reminder2 = reminder + _SECOND_REMINDER_DAYS
        roles_d1 = data.RECEIPT_ROLES_COMMITTEE
        roles_cell = data.RECEIPT_ROLES_CELL
        doc_id = d.id
        rows: list[dict[str, Any]] = []
        reports: list[dict[str, Any]] = []
        reminders: list[dict[str, Any]] = []
        tid = self.next_tracking_id
        rid = self.next_report_id
        # plain strings: enum attribute access is measurable at a million rows
        ELECTRONIC, PAPER, CONFERENCE = (Channel.ELECTRONIC.value, Channel.PAPER.value,
                                         Channel.CONFERENCE.value)
        CELL_MEETING, MEETING, ONLINE, OTHER = (StudyForm.CELL_MEETING.value,
                                                StudyForm.CONFERENCE.value,
                                                StudyForm.ONLINE.value, StudyForm.OTHER.value)
        NOT_REQUIRED = PlanStatus.NOT_REQUIRED.value

        for o in recips:
            d1 = o.depth == 1
            # -- sent and received
            x = rnd()
            if d1:
                sent = iss + int(rnd() * 3)
                channel = ELECTRONIC if x < 0.75 else PAPER if x < 0.95 else CONFERENCE
            else:
                sent = iss + 2 + int(rnd() * 9)
                channel = PAPER if x < 0.5 else ELECTRONIC if x < 0.8 else CONFERENCE
            received = None
            if sent > today:
                sent = None
                channel = ""
            else:
                if channel == CONFERENCE:
                    received = sent
                elif channel == ELECTRONIC:
                    received = sent + int(rnd() * 2)
                else:
                    received = sent + 1 + int(rnd() * 5)
                if received > today:
                    received = None
            if d1:
                cells_total, members_total = (o.cells, o.members) if late_denoms else o.early
            else:
                cells_total, members_total = o.cells, o.members

            study = study_end = sessions = held = attending = non_members = None
            form = confirmed = plan_status = plan_number = ""
            plan = None
            if received is not None:
                roles = roles_cell if o.is_cell else roles_d1
                confirmed = roles[int(rnd() * len(roles))]
                # -- study (học tập, quán triệt)
                p_never, p_late = o.p_never, o.p_late
                x = rnd()
                if x < p_never:
                    study = None
                elif x < p_never + p_late:
                    study = study_due + 3 + int(rnd() * 90)
                else:
                    room = study_due - received - 2
                    study = received + 2 + int(rnd() * (room if room > 1 else 5))
                if study is not None and study > today:
                    study = None
                if study is not None:
                    x = rnd()
                    if o.is_cell:
                        form = CELL_MEETING if x < 0.85 else MEETING if x < 0.95 else OTHER
                        sessions = 2 if rnd() < 0.08 else 1
                        held = 1
                        absent = int(rnd() * (members_total * 0.2 + 1))
                        attending = members_total - min(absent, members_total)
                        non_members = int(rnd() * 6)
                    else:
                        form = MEETING if x < 0.6 else ONLINE if x < 0.95 else OTHER
                        sessions = 1 + int(rnd() * (3 if cells_total < 50 else 6))
                        if members_total:
                            held = cells_total - (0 if rnd() < 0.7
                                                  else int(rnd() * (cells_total * 0.08 + 1)))
                            attending = int(members_total * (0.88 + rnd() * 0.12))
                            non_members = int(attending * (0.1 + rnd() * 0.5))
                        else:
                            non_members = 15 + int(rnd() * 135)
                        if sessions > 1:
                            study_end = study + 1 + int(rnd() * 14)
                            if study_end > today:
                                study_end = None
                # -- implementation plan
                if o.is_cell or not plan_required:
                    plan_status = NOT_REQUIRED
                else:
                    x = rnd()
                    if x < p_never:
                        plan = None
                    elif x < p_never + p_late:
                        plan = received + 45 + int(rnd() * 75)
                    else:
                        plan = received + 5 + int(rnd() * 30)
                    if plan is not None and plan <= today:
                        plan_status = PlanStatus.ISSUED.value
                        o.plan_no += 1
                        plan_number = (f"{o.plan_no:02d}-KH/{o.abbr}" if o.regime == "party"
                                       else f"{o.plan_no}/KH-{o.abbr}")
                    else:
                        plan = None
                        if study is not None or today - received > 14:
                            plan_status = PlanStatus.DRAFTING.value

            rows.append({
                "id": tid,
                "document_id": doc_id,
                "organisation_id": o.id,
                "sent_date": D[sent],
                "sent_channel": channel,
                "received_date": D[received],
                "received_confirmed_by": confirmed,
                "study_date": D[study],
                "study_end_date": D[study_end],
                "study_form": form,
                "study_sessions": sessions,
                "cells_held": held,
                "cells_total": cells_total,
                "members_attending": attending,
                "members_total": members_total,
                "non_members": non_members,
                "plan_number": plan_number,
                "plan_date": D[plan],
                "plan_status": plan_status,
                "note": "",
            })

            # -- reports back to the province and reminders: depth-1 recipients only
            if d1 and sent is not None:
                first_received = None
                if study is not None:
                    base = max(study_end or study, plan or study)
                    if rnd() < o.p_late * 1.5:
                        rep = max(base, first_due) + 3 + int(rnd() * 50)
                    else:
                        room = first_due - base - 1
                        rep = base + 1 + int(rnd() * (room if room > 2 else 10))
                    got = rep + int(rnd() * 4)
                    if got <= today:
                        first_received = got
                        status = (ReportStatus.ON_TIME if got <= first_due
                                  else ReportStatus.LATE).value
                        note = ""
                        returned = rnd() < 0.03
                        if returned:
                            status = ReportStatus.RETURNED.value
                            note = data.REPORT_RETURN_NOTES[int(rnd() * 3)]
                        reports.append(self._report(rid, tid, first_id, "", o, rep, got, status,
                                                    note))
                        rid += 1
                        if returned:
                            rep2 = got + 5 + int(rnd() * 15)
                            got2 = rep2 + int(rnd() * 3)
                            if got2 <= today:
                                status = (ReportStatus.ON_TIME if got2 <= first_due
                                          else ReportStatus.LATE).value
                                reports.append(self._report(
                                    rid, tid, first_id, "", o, rep2, got2, status,
                                    "Báo cáo bổ sung theo yêu cầu."))
                                rid += 1
                    for dl_id, due, period in periodic:
                        if study >= due - 20:
                            continue
                        x = rnd()
                        if x < o.p_never * 2:
                            continue
                        if x < o.p_never * 2 + o.p_late:
                            rep = due + 3 + int(rnd() * 43)
                        else:
                            rep = max(study + 1, due - 25 + int(rnd() * 25))
                        got = rep + int(rnd() * 4)
                        if got <= today:
                            status = (ReportStatus.ON_TIME if got <= due
                                      else ReportStatus.LATE).value
                            reports.append(self._report(rid, tid, dl_id, period, o, rep, got,
                                                        status, ""))
                            rid += 1
                for when in (reminder, reminder2):
                    if when <= today and (first_received is None or first_received > when):
                        reminders.append({"tracking_id": tid, "sent_date": D[when],
                                          "channel": Channel.ELECTRONIC.value, "outgoing_id": None,
                                          "note": data.REMINDER_NOTE})
            tid += 1

        s = self.s
        if rows:
            s.execute(self._bulk(models.Tracking.__table__), rows)
        if reports:
            for report in reports:
                report["document_id"] = doc_id
            s.execute(insert(models.TrackingReport.__table__), reports)
        if reminders:
            s.execute(insert(models.Reminder.__table__), reminders)
        self.tracking_rows += len(rows)
        self.reports += len(reports)
        self.reminders += len(reminders)
        self.next_tracking_id = tid
        self.next_report_id = rid

    def _bulk(self, table: Any) -> Any:
        """INSERT for many rows of a versioned table, with version and timestamps as constants.

        The timestamps are written as one SQL literal (naive UTC, SQLAlchemy's storage format)
        instead of being converted row by row by ``UTCDateTime``: a million rows save seconds.
        """
        naive = self.now.astimezone(UTC).replace(tzinfo=None)
        stamp = literal_column(f"'{naive:%Y-%m-%d %H:%M:%S.%f}'")
        return insert(table).values(version=1, created_at=stamp, updated_at=stamp)

    def _report(
        self, rid: int, tid: int, deadline_id: int, period: str, o: _Org, rep: int, got: int,
        status: str, note: str,
    ) -> dict[str, Any]:
        o.report_no += 1
        number = (f"{o.report_no:02d}-BC/{o.abbr}" if o.regime == "party"
                  else f"{o.report_no}/BC-{o.abbr}")
        return {
            "id": rid, "tracking_id": tid, "deadline_id": deadline_id, "period": period,
            "number": number, "report_date": self.dates[rep], "received_date": self.dates[got],
            "status": status, "note": note, **self.stamp,
        }


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
