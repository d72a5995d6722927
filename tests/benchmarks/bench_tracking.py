"""Benchmark of the tracking grid's services at the stress volumes of domain.md.

Run: ``uv sync --compile-bytecode && uv run python tests/benchmarks/bench_tracking.py [--quick]``

Builds (once, cached in ``~/.cache/theodoi-bench`` or ``$THEODOI_BENCH_DIR``, keyed by the
schema migration's hash so a changed schema rebuilds) the demo province with 20,000
organisations × 3 documents (a document sent down to every party cell: ~20,000 rows) and with
20,000 × 50 documents (~900,000 rows), then measures medians on SQLite:

- ``row_ids`` for every filter and sort the grid offers (target < 100 ms each);
- ``fetch_rows`` of the first 200 rows (target < 50 ms) and ``grid_summary``;
- opening the grid (ids + first 200 rows) against the naive way: every tracking row of the
  document loaded as ORM objects (with their organisations) into a list, sorted in Python —
  and the ratio;
- bulk actions on 5,000 rows, committed (target < 1 s), and their undo;
- the dashboard's organisations × documents matrix, 50 documents × the top-level
  organisations (target < 300 ms), and ``stats`` for one document.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

# the cached demo databases are shared with run.py (keyed by schema and demo generator)
from run import TODAY, ensure_demo  # noqa: E402


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm: statement compilation, page cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def naive_open(db: Any, document_id: int) -> list[tuple[Any, ...]]:
    """What a peer writes first: ORM objects for every row and organisation, status and
    order computed in Python over the whole list."""
    from sqlalchemy import select

    from desktop.domain.text import vi_sort_key
    from desktop.store import models as m

    with db.read() as s:
        rows = s.scalars(select(m.Tracking).where(m.Tracking.document_id == document_id)).all()
        orgs = {o.id: o for o in s.scalars(
            select(m.Organisation).where(m.Organisation.id.in_(
                select(m.Tracking.organisation_id)
                .where(m.Tracking.document_id == document_id))))}
        reports: dict[int, list[Any]] = {}
        for r in s.scalars(select(m.TrackingReport)
                           .where(m.TrackingReport.document_id == document_id)):
            reports.setdefault(r.tracking_id, []).append(r)
        out = []
        for t in rows:
            o = orgs[t.organisation_id]
            reps = reports.get(t.id, [])
            status = ("da_bao_cao" if reps else "da_co_ke_hoach" if t.plan_date
                      else "da_quan_triet" if t.study_date else "da_nhan" if t.received_date
                      else "chua_nhan")
            out.append((vi_sort_key(o.name), o.name, o.code, t.received_date, t.study_date,
                        t.members_attending, t.members_total, status, t))
        out.sort(key=lambda x: x[0])
        return out


def _copy(path: Path) -> Path:
    target = Path(tempfile.mkdtemp(prefix="bench-tracking-")) / path.name
    shutil.copyfile(path, target)
    return target


def biggest_document(db: Any) -> tuple[int, str, date]:
    """(id, number and symbol, issue date) of the document with the most tracking rows."""
    from sqlalchemy import func, select

    from desktop.services.documents import list_documents
    from desktop.store import models as m

    with db.read() as s:
        doc_id = s.execute(select(m.Tracking.document_id).group_by(m.Tracking.document_id)
                           .order_by(func.count().desc()).limit(1)).scalar_one()
    doc = next(d for d in list_documents(db) if d.id == doc_id)
    assert doc.issue_date is not None
    return doc_id, doc.number_symbol, doc.issue_date


def bench_grid(path: Path, runs: int, report: list[tuple[str, str, str]]) -> None:
    from desktop.services.database import Database
    from desktop.services.tracking_filters import SORT_KEYS
    from desktop.services.tracking_grid import (
        SortSpec,
        TrackingFilter,
        fetch_rows,
        grid_summary,
        row_ids,
    )

    db = Database.open(str(path), actor="benchmark")
    doc_id, number_symbol, _issued = biggest_document(db)
    everything = row_ids(db, doc_id, as_of=TODAY)
    print(f"\nGrid of {number_symbol}: {len(everything):,} rows")
    filters = {
        "all rows": TrackingFilter(),
        "overdue only": TrackingFilter(overdue_only=True),
        "status = đã nhận, trả lại": TrackingFilter(statuses=frozenset({"da_nhan", "tra_lai"})),
        "level 2": TrackingFilter(depth=2),
        "kind = chi bộ trực thuộc": TrackingFilter(kind="chi_bo_truc_thuoc"),
        "group 1": TrackingFilter(group_id=1),
        'search "tan"': TrackingFilter(search="tan"),
        'search "chi bo thon"': TrackingFilter(search="chi bo thon"),
        "overdue + level 1 + search": TrackingFilter(overdue_only=True, depth=1, search="xa"),
    }
    worst = ("", 0.0)
    for name, flt in filters.items():
        ms = median_ms(lambda flt=flt: row_ids(db, doc_id, flt, as_of=TODAY), runs)
        n = len(row_ids(db, doc_id, flt, as_of=TODAY))
        print(f"  row_ids  {name:<30} {n:>7,} ids  {ms:7.1f} ms")
        worst = max(worst, (name, ms), key=lambda x: x[1])
    for key in SORT_KEYS:
        for desc in (False, True):
            ms = median_ms(lambda key=key, desc=desc: row_ids(
                db, doc_id, sort=SortSpec(key, desc), as_of=TODAY), runs)
            worst = max(worst, (f"sort by {key}{' desc' if desc else ''}", ms),
                        key=lambda x: x[1])
    print(f"  slowest of {len(filters)} filters and {2 * len(SORT_KEYS)} sorts: {worst[0]} "
          f"{worst[1]:.1f} ms")
    report.append((f"row_ids, any filter/sort ({len(everything):,} rows)",
                   f"≤ {worst[1]:.0f} ms (slowest: {worst[0]})", "< 100 ms"))
    first = everything[:200]
    fetch = median_ms(lambda: fetch_rows(db, first, TODAY), runs)
    report.append(("fetch_rows, first 200 rows", f"{fetch:.1f} ms", "< 50 ms"))
    summary = median_ms(lambda: grid_summary(db, doc_id, as_of=TODAY), runs)
    report.append(("grid_summary (counts per status)", f"{summary:.1f} ms", ""))
    opened = median_ms(lambda: fetch_rows(db, row_ids(db, doc_id, as_of=TODAY)[:200], TODAY),
                       runs)
    naive = median_ms(lambda: naive_open(db, doc_id), max(1, runs // 2))
    report.append(("open the grid: ids + first 200 rows", f"{opened:.1f} ms",
                   f"naive ORM list {naive:.0f} ms ({naive / opened:.0f}×)"))
    db.close()


def bench_bulk(path: Path, report: list[tuple[str, str, str]]) -> None:
    from desktop.services.database import Database
    from desktop.services.tracking_bulk import ClearFields, MarkReceived, SetSession, bulk_update
    from desktop.services.tracking_edit import apply_undo
    from desktop.services.tracking_grid import fetch_rows, row_ids

    copy = _copy(path)
    db = Database.open(str(copy), actor="benchmark")
    doc_id, _number_symbol, issued = biggest_document(db)
    ids = row_ids(db, doc_id, as_of=TODAY)[:5000]
    received_on, studied_on = issued + timedelta(days=12), issued + timedelta(days=25)
    versions = {r.id: r.version for r in fetch_rows(db, ids, TODAY)}

    def timed(label: str, fn: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = fn()
        ms = (time.perf_counter() - started) * 1000
        updated = getattr(result, "updated", len(getattr(result, "rows", ())))
        report.append((f"bulk: {label}", f"{ms:.0f} ms ({updated:,} rows)", "< 1 s"))
        return result

    cleared = timed("clear receipt and session, 5,000 rows", lambda: bulk_update(
        db, ids, ClearFields(("received_date", "study_date", "study_end_date",
                                   "study_form")), versions,
        today=TODAY))
    versions = {r.id: r.version for r in fetch_rows(db, ids, TODAY)}
    received = timed(f"mark received {received_on:%d/%m/%Y}, 5,000 rows", lambda: bulk_update(
        db, ids, MarkReceived(received_on, "dien_tu"), versions, today=TODAY))
    versions = {r.id: r.version for r in fetch_rows(db, ids, TODAY)}
    session = timed(f"set session {studied_on:%d/%m/%Y}, 5,000 rows", lambda: bulk_update(
        db, ids, SetSession(studied_on, "sinh_hoat_chi_bo"), versions, today=TODAY))
    # the undo stack, last step first
    for label, step in (("session", session), ("mark received", received),
                        ("clear", cleared)):
        timed(f"undo of the {label}", lambda step=step: apply_undo(db, step.undo, today=TODAY))
    db.close()
    shutil.rmtree(copy.parent, ignore_errors=True)


def bench_dashboard(path: Path, runs: int, report: list[tuple[str, str, str]]) -> None:
    from desktop.services.dashboard import lateness_matrix
    from desktop.services.database import Database
    from desktop.services.stats import document_stats

    db = Database.open(str(path), actor="benchmark")
    matrix = lateness_matrix(db, as_of=TODAY)
    cells = sum(len(r.cells) for r in matrix.rows)
    ms = median_ms(lambda: lateness_matrix(db, as_of=TODAY), runs)
    report.append((f"matrix {len(matrix.columns)} documents × {len(matrix.rows)} organisations",
                   f"{ms:.0f} ms ({cells:,} cells)", "< 300 ms"))
    doc_id, _number_symbol, _issued = biggest_document(db)
    st = median_ms(lambda: document_stats(db, doc_id, TODAY), runs)
    report.append(("stats, one document (~20,000 recipients)", f"{st:.1f} ms", ""))
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--skip-matrix", action="store_true",
                        help="skip the 20,000 × 50 database (its first build takes minutes)")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    print("Preparing demo databases (cached)…")
    grid_db = ensure_demo(20_000, 3)
    report: list[tuple[str, str, str]] = []
    bench_grid(grid_db, runs, report)
    bench_bulk(grid_db, report)
    if not args.skip_matrix:
        bench_dashboard(ensure_demo(20_000, 50), runs, report)
    width = max(len(r[0]) for r in report)
    print("\nSQLite, medians:")
    for what, value, target in report:
        print(f"  {what:<{width}}  {value:<40} {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
