"""Benchmarks at the volumes of domain.md: start-up and statistics, against the naive approach.

Run: ``uv sync --compile-bytecode && uv run python tests/benchmarks/run.py [--quick]``

Builds (once, cached in ``~/.cache/theodoi-bench`` or ``$THEODOI_BENCH_DIR``) demo databases of
3,000 and 20,000 organisations × 50 documents, then measures, as medians of several runs:

(a) process start → main window shown (``python -m desktop --quit-after-show``), against a bare
    PySide6 window started the same way;
(b) ``stats`` for one document and for all documents, through the service (aggregation in SQL),
    against what a peer would write first: load the tracking rows as ORM objects and count in
    Python. The naive version is checked to give the same numbers.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 30)
BARE_WINDOW = """
import sys
from desktop.app import process_age_ms  # the same clock: from process start, as the app's
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 800); w.show()
def done():
    print(f"{process_age_ms():.0f}")
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def bench_dir() -> Path:
    path = Path(os.environ.get("THEODOI_BENCH_DIR", Path.home() / ".cache" / "theodoi-bench"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def ensure_demo(orgs: int, documents: int) -> Path:
    from desktop.services.database import Database
    from desktop.services.demo import create_demo

    # keyed by the schema and the demo generator: a change to either rebuilds the database
    sources = sorted((ROOT / "desktop" / "services").glob("demo*.py"))
    sources += sorted((ROOT / "desktop" / "store" / "migrations" / "versions").glob("*.py"))
    key = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:10]
    path = bench_dir() / f"demo-{orgs}-{documents}-{key}.sqlite3"
    if path.exists():
        return path
    tmp = path.with_suffix(".building")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    db = Database.open(str(tmp), actor="benchmark")
    started = time.perf_counter()
    summary = create_demo(db, orgs=orgs, documents=documents, today=TODAY)
    db.close()
    print(f"  built {path.name}: {summary.organisations} organisations, "
          f"{summary.tracking_rows} tracking rows in {time.perf_counter() - started:.1f} s")
    tmp.rename(path)
    return path


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def process_ms(args: list[str], runs: int) -> float:
    """Median of the milliseconds a child process prints itself (process start → shown)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    values = []
    for _ in range(runs):
        out = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120,
                             check=True).stdout
        values.append(float(out.strip().splitlines()[-1]))
    return statistics.median(values)


def wall_ms(args: list[str], runs: int) -> float:
    """Median wall time of a whole child process, including interpreter start."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    values = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, env=env, timeout=120, check=True)
        values.append((time.perf_counter() - started) * 1000)
    return statistics.median(values)


def naive_stats(db, document_id: int) -> tuple[int, int, int, int, int]:  # type: ignore[no-untyped-def]
    """What a peer writes first: ORM objects in, counting in Python."""
    from sqlalchemy import select

    from desktop.store import models as m

    with db.read() as s:
        rows = s.scalars(select(m.Tracking).where(m.Tracking.document_id == document_id)).all()
        reports = s.scalars(
            select(m.TrackingReport).join(m.Tracking)
            .where(m.Tracking.document_id == document_id)
        ).all()
        accepted = {r.tracking_id for r in reports if r.status != "tra_lai"}
        return (
            len(rows),
            sum(1 for r in rows if r.received_date),
            sum(1 for r in rows if r.study_date),
            sum(1 for r in rows if r.plan_date or r.plan_status == "da_ban_hanh"),
            sum(1 for r in rows if r.id in accepted),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 7

    from desktop.services import stats
    from desktop.services.database import Database
    from desktop.services.documents import list_documents

    rows: list[tuple[str, str, str, str]] = []
    print("Preparing demo databases (cached)…")
    small = ensure_demo(3000, 50)
    big = ensure_demo(20000, 50)
    python = sys.executable

    bare = process_ms([python, "-c", BARE_WINDOW], runs)
    rows.append(("bare PySide6 window shown (reference)", f"{bare:.0f} ms", "", ""))
    for label, path in (("3,000", small), ("20,000", big)):
        shown = process_ms([python, "-m", "desktop", "--db", str(path), "--quit-after-show"], runs)
        wall = wall_ms([python, "-m", "desktop", "--db", str(path), "--quit-after-show"], runs)
        rows.append((f"start → main window shown, {label} organisations", f"{shown:.0f} ms",
                     f"{bare:.0f} ms bare window", f"{shown / bare:.1f}× bare"))
        rows.append((f"  whole process incl. exit, {label} organisations", f"{wall:.0f} ms",
                     "", ""))

    db = Database.open(str(big), actor="benchmark")
    docs = list_documents(db)
    with db.read() as s:
        from sqlalchemy import func, select

        from desktop.store import models as m

        sizes = dict(s.execute(select(m.Tracking.document_id, func.count())
                               .group_by(m.Tracking.document_id)).all())
    biggest = max(docs, key=lambda d: sizes.get(d.id, 0))
    total_rows = sum(sizes.values())
    st = stats.document_stats(db, biggest.id, TODAY)
    t = st.totals
    naive = naive_stats(db, biggest.id)
    assert naive == (t.recipients, t.received, t.discussed, t.planned, t.reported), (naive, t)

    one = median_ms(lambda: stats.document_stats(db, biggest.id, TODAY), runs)
    one_naive = median_ms(lambda: naive_stats(db, biggest.id), max(3, runs // 2))
    rows.append((f"stats, one document ({sizes[biggest.id]:,} recipients)", f"{one:.1f} ms",
                 f"{one_naive:.0f} ms naive ORM", f"{one_naive / one:.0f}× faster"))
    every = median_ms(lambda: stats.all_stats(db, TODAY), runs)
    every_naive = median_ms(lambda: [naive_stats(db, d.id) for d in docs], 1)
    rows.append((f"stats, all {len(docs)} documents ({total_rows:,} tracking rows)",
                 f"{every:.0f} ms", f"{every_naive:.0f} ms naive ORM",
                 f"{every_naive / every:.0f}× faster"))
    db.close()

    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'measure':<{width}}  {'median':>10}  {'compared with':>24}  ratio")
    for name, value, other, ratio in rows:
        print(f"{name:<{width}}  {value:>10}  {other:>24}  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
