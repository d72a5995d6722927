"""Demo data, step 2: the organisation tree and the province's issuing bodies, as rows.

:func:`write_organisations` writes the tree built by :mod:`desktop.services.demo_tree`
(organisations with explicit ids, the rename history, the dated denominators and the "Nơi nhận"
groups); :func:`write_issuing_bodies` writes the four issuing bodies and the party term the
documents are numbered in. Core bulk inserts, in the session's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.domain.enums import Regime
from desktop.domain.errors import ValidationError
from desktop.domain.text import fold
from desktop.services import demo_data as data
from desktop.services.demo_tree import OrgTree
from desktop.store import models

#: Ids of the issuing bodies by symbol (documents refer to them).
ISSUER_IDS = {"TU": 1, "BTGDVTU": 2, "VPTU": 3, "UBND": 4}
#: Id of the 2025-2030 party term (new-term numbers run in it).
TERM_ID = 1

Stamp = dict[str, Any]  # version and timestamps shared by every row written


def vocabulary_ids(s: Session, model: Any, codes: Iterable[str], what: str) -> dict[str, int]:
    """Ids of the catalogue entries the demo writes with, by code; refuses (nothing written)
    when the clerk has deleted one of them in Cài đặt."""
    found = dict(s.execute(select(model.code, model.id)).all())
    missing = sorted(set(codes) - found.keys())
    if missing:
        raise ValidationError(
            f"Không tạo được dữ liệu mẫu: danh mục {what} không còn mục có mã "
            f"{', '.join(f'«{c}»' for c in missing)} (đã xóa trong Cài đặt). Thêm lại mục đó "
            "với đúng mã ấy rồi tạo lại; chưa có gì thay đổi.", field="demo")
    return found


def write_organisations(s: Session, tree: OrgTree, stamp: Stamp) -> None:
    """Organisations, rename history, denominators, groups and group members."""
    kinds = vocabulary_ids(s, models.OrgKind, {o.kind for o in tree.orgs},
                           "loại hình đơn vị")
    s.execute(insert(models.Organisation.__table__), _organisation_rows(tree, kinds, stamp))
    history = _rename_history(tree, kinds)
    if history:
        s.execute(insert(models.OrgHistory.__table__), history)
    s.execute(insert(models.OrgDenominator.__table__), _denominators(tree, stamp))
    s.execute(insert(models.OrgGroup.__table__), [
        {"id": i, "name": name, "short_name": short, "sort_order": i, "note": "", **stamp}
        for i, (name, short) in enumerate(data.GROUPS, 1)
    ])
    s.execute(insert(models.OrgGroupMember.__table__), [
        {"group_id": o.group + 1, "organisation_id": o.id}
        for o in tree.orgs
        if o.depth == 1 and o.valid_to is None and o.group is not None
    ])


def _organisation_rows(tree: OrgTree, kinds: dict[str, int], stamp: Stamp) -> list[dict[str, Any]]:
    return [
        {
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
        }
        for o in tree.orgs
    ]


def _rename_history(tree: OrgTree, kinds: dict[str, int]) -> list[dict[str, Any]]:
    """The names renamed bodies had until the board mergers of early 2025."""
    history = []
    for o in tree.orgs:
        if o.name in data.RENAMED and o.valid_to is None:
            old_name, old_short = data.RENAMED[o.name]
            history.append({
                "organisation_id": o.id,
                "valid_from": None,
                "valid_to": data.BOARD_MERGE_END,
                "name": old_name,
                "short_name": old_short,
                "parent_id": tree.root.id,
                "kind_id": kinds[o.kind],
                "reason": "rename",
            })
    return history


def _denominators(tree: OrgTree, stamp: Stamp) -> list[dict[str, Any]]:
    """Cells and members of active bodies: two dates for the directly subordinate ones."""
    denominators = []
    for o in tree.orgs:
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
    return denominators


def write_issuing_bodies(s: Session, stamp: Stamp) -> None:
    """The province's issuing bodies (Tỉnh ủy, its board and office, the people's committee)
    and the party term."""
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
            "id": ISSUER_IDS[symbol],
            "superior_name": superior,
            "name": name,
            "symbol": symbol,
            "place_name": data.PROVINCE,
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
        {"id": TERM_ID, "name": data.TERM_NAME, "start_date": data.TERM_START, "end_date": None},
    ])
