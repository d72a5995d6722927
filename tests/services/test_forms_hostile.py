"""Hostile and broken files among returned forms: refused in bounded time and memory, named
with the reason, the database file byte-for-byte unchanged; legacy text in the org import."""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
import time
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.forms_import import (
    FileStatus,
    FormsRefusedError,
    apply_forms_import,
    plan_forms_import,
)

_spec = importlib.util.spec_from_file_location(
    "workbook_corpus", Path(__file__).resolve().parents[1] / "fixtures/workbooks/corpus.py"
)
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

HOSTILE = {
    **{name: (build, text) for name, (build, text) in corpus.REFUSED.items()},
    "giant_dimension": (corpus.giant_dimension, "không phải là phiếu báo cáo"),
    "xlsm": (corpus.xlsm, "không phải là phiếu báo cáo"),
    # only a form's first rows are parsed: the row far below is never reached
    "row_beyond_cap": (corpus.row_beyond_cap, "không phải là phiếu báo cáo"),
}


def settled(path: Path) -> str:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_refused_and_database_unchanged(
    sqlite_path: Path, tmp_path: Path, name: str
) -> None:
    db = Database.open(str(sqlite_path), actor="kiem-thu")
    create_demo(db, orgs=60, documents=1, today=date(2026, 11, 30))
    db.close()
    before = settled(sqlite_path)
    build, expected = HOSTILE[name]
    path = build(tmp_path / f"{name}.xlsx")
    db = Database.open(str(sqlite_path), actor="kiem-thu")
    try:
        tracemalloc.start()
        started = time.perf_counter()
        plan = plan_forms_import(db, [path], today=date(2026, 11, 30))
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert elapsed < 3.0, f"{name}: {elapsed:.2f} s"
        assert peak < 64 * 1024 * 1024, f"{name}: {peak / 2**20:.0f} MiB"
        f = plan.files[0]
        assert f.status is FileStatus.REFUSED
        assert expected in plan.problems()[0], plan.problems()
        with pytest.raises(FormsRefusedError):
            apply_forms_import(db, plan)
    finally:
        db.close()
    assert settled(sqlite_path) == before


def test_org_import_converts_legacy_text_with_a_warning(
    sqlite_db: Database, tmp_path: Path
) -> None:
    from desktop.services.org_import import plan_org_import

    rows = [
        [1, "TØnh ñy Hµ S¬n", "", "TU"],
        [2, "§¶ng bé x· Phó Léc", "", "X01", "TU"],
        [3, "Chi boä thoân Ñoâng", "", "X01.1", "X01"],
    ]
    path = tmp_path / "cu.xlsx"
    path.write_bytes(
        corpus.xlsx_bytes(
            rows, headers=("STT", "Tên đơn vị", "Tên viết tắt", "Mã đơn vị", "Đơn vị cấp trên")
        )
    )
    plan = plan_org_import(sqlite_db, path, as_of=date(2026, 1, 1))
    assert plan.ok, plan.problems
    assert [c.name for c in plan.creates] == [
        "Tỉnh ủy Hà Sơn",
        "Đảng bộ xã Phú Lộc",
        "Chi bộ thôn Đông",
    ]
    notes = " ".join(plan.warnings)
    assert "TCVN3 (ABC)" in notes and "VNI-Windows" in notes and "B3" in notes
