"""Benchmark of the tracking grid WIDGETS on a document sent to 20,000 organisations.

Run: ``uv sync --compile-bytecode && QT_QPA_PLATFORM=offscreen uv run python
tests/benchmarks/bench_tracking_grid.py``

Uses the cached demo of :mod:`bench_tracking` (``create_demo(orgs=20000, documents=3)``, built
once into ``~/.cache/theodoi-bench``) and the real :class:`TrackingPage`. Measures, with a QTimer
ticking every 10 ms on the GUI thread recording the longest gap between ticks:

- opening the grid on the biggest document (ids, counts, first batch painted) — target < 0.5 s;
- a filter (overdue only) and an accent-insensitive search — target < 100 ms each;
- a bulk update of 5,000 selected rows (on the TaskRunner) until committed and repainted —
  target < 1 s;
- the GUI thread never blocked > 100 ms during these;

and, for the ratio table, the naive way: every row of the document as ORM objects, put into a
QStandardItemModel (one QStandardItem per cell) shown in a QTableView.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tracking import TODAY, _copy, biggest_document, ensure_demo, naive_open  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QItemSelection, QItemSelectionModel, QTimer  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402


class GapMeter:
    """A 10 ms timer on the GUI thread; ``max_gap`` is the longest time between two ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def start(self) -> None:
        self.max_gap = 0.0
        self.clock.start()
        self.last = 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.max_gap


def spin(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measured(meter: GapMeter, action: Callable[[], None],
             done: Callable[[], bool] = lambda: True) -> tuple[float, float]:
    """(ms until ``done()`` after ``action`` started in the event loop, max GUI gap in ms)."""
    meter.start()
    spin(30)
    started = time.perf_counter()
    QTimer.singleShot(0, action)
    while True:
        spin(1)
        if done():
            break
    QApplication.processEvents()  # the repaint
    elapsed = (time.perf_counter() - started) * 1000
    spin(30)
    return elapsed, meter.stop()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    from desktop.app import freeze_startup_heap
    from desktop.services.database import Database
    from desktop.services.tracking_bulk import ClearFields, MarkReceived
    from desktop.services.tracking_filters import TrackingFilter
    from desktop.tasks.runner import TaskRunner
    from desktop.ui.pages.tracking_page import TrackingPage

    path = _copy(ensure_demo(20000, 3))
    db = Database.open(str(path), actor="benchmark")
    runner = TaskRunner()
    doc_id, symbol, _issued = biggest_document(db)
    meter = GapMeter()
    page = TrackingPage(db, runner, today=TODAY)
    page.resize(1360, 800)
    page.show()
    freeze_startup_heap()  # as the application does once its window is shown
    grid = page.grid
    grid.load_documents()
    results: list[tuple[str, float, float, float]] = []

    loaded = lambda: not grid.loading  # noqa: E731

    def repeat(label: str, action: Callable[[], None], target: float, runs: int = 5) -> None:
        """Median time and median GUI gap over ``runs`` (after one warm-up run)."""
        measured(meter, action, loaded)
        got = [measured(meter, action, loaded) for _ in range(runs)]
        results.append((label.format(rows=grid.model.rowCount()),
                        statistics.median(g[0] for g in got),
                        statistics.median(g[1] for g in got), target))
        worst.append(max(g[1] for g in got))

    def opened() -> None:
        grid.document_id = None
        grid.open_document(doc_id)

    worst: list[float] = []
    repeat(f"open the grid ({{rows:,}} rows of {symbol})", opened, 500)
    rows = grid.model.rowCount()
    overdue = TrackingFilter(overdue_only=True)
    repeat("filter: overdue only ({rows:,} rows)", lambda: grid.filters.set_filter(overdue), 100)
    search = TrackingFilter(search="phu loc")
    repeat("search 'phu loc' ({rows:,} rows)", lambda: grid.filters.set_filter(search), 100)
    repeat("clear the filter ({rows:,} rows)",
           lambda: grid.filters.set_filter(TrackingFilter()), 100)

    def grouped(by: str) -> Callable[[], None]:
        def action() -> None:
            grid.set_grouping(by)
            grid.reload()  # the same grouping again (repeat runs) still queries
        return action

    repeat("blocks by top-level organisation ({rows:,} rows)", grouped("top"), 500)
    repeat("blocks: filter overdue only ({rows:,} rows)",
           lambda: grid.filters.set_filter(overdue), 100)
    grid.filters.set_filter(TrackingFilter())
    repeat("blocks by recipient group ({rows:,} rows)", grouped("group"), 500)
    header = grid.model.header_rows()[0]
    repeat("collapse / expand the biggest block",
           lambda: grid.view.toggle_block(header), 100)
    grid.set_grouping("")
    measured(meter, lambda: None, loaded)

    def select_5000() -> None:
        model = grid.model
        selection = QItemSelection(model.index(0, 4), model.index(4999, 4))
        grid.view.selectionModel().select(selection,
                                          QItemSelectionModel.SelectionFlag.ClearAndSelect)

    outcomes: list[object] = []
    grid.bulk_finished.connect(outcomes.append)
    for label, action in (("clear 'received on'", ClearFields(("received_date",))),
                          ("mark received", MarkReceived(TODAY, "giay"))):
        select_5000()
        outcomes.clear()
        ms, gap = measured(meter, lambda a=action: grid.bulk("", a), lambda: bool(outcomes))
        updated = getattr(outcomes[0], "updated", "error")
        results.append((f"bulk {label} on 5,000 rows ({updated} updated)", ms, gap, 1000))
        worst.append(gap)
    ms, gap = measured(meter, grid.undo_stack.undo, lambda: not grid.busy)
    results.append(("undo of that bulk update", ms, gap, 1000))
    worst.append(gap)

    # the naive way: ORM objects into a QStandardItemModel
    def naive() -> None:
        data = naive_open(db, doc_id)
        model = QStandardItemModel(len(data), 8)
        for r, item in enumerate(data):
            for c, value in enumerate(item[1:8]):
                model.setItem(r, c, QStandardItem("" if value is None else str(value)))
        view = QTableView()
        view.setModel(model)
        view.resize(1360, 800)
        view.show()
        QApplication.processEvents()
        naive.view = view  # type: ignore[attr-defined]

    naive_ms, naive_gap = measured(meter, naive)

    print(f"\nTracking grid on {rows:,} rows (SQLite, {date.today():%d/%m/%Y})")
    print("(medians of 5 runs after a warm-up; bulk: one run each)")
    print(f"{'operation':58} {'ms':>8} {'max GUI gap':>12} {'target':>8}")
    failed = False
    for label, ms, gap, target in results:
        ok = ms < target and gap < 100
        failed |= not ok
        print(f"{label:58} {ms:8.0f} {gap:12.0f} {target:8.0f} {'ok' if ok else 'SLOW'}")
    print(f"worst GUI gap in any run of the above: {max(worst):.0f} ms")
    print(f"\n{'naive: ORM objects → QStandardItemModel':58} {naive_ms:8.0f} {naive_gap:12.0f}")
    print(f"{'ratio naive / grid (open)':58} {naive_ms / results[0][1]:8.1f}×")
    runner.shutdown()
    db.close()
    del app
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
