"""Benchmark of the dashboard's matrix in the GUI: 50 documents × the top-level organisations.

Run: ``QT_QPA_PLATFORM=offscreen uv run python tests/benchmarks/bench_dashboard.py [--quick]``

Uses the 20,000-organisation × 50-document demo of ``bench_tracking.py`` (built once, cached),
then measures:

- the service, :func:`desktop.services.dashboard.lateness_matrix` (median; target < 300 ms);
- the "Ma trận" panel loading it through the task runner and filling its model and view: the
  time until shown, and the longest the GUI thread went without serving its event loop (a 5 ms
  timer records the gaps between its ticks; target < 100 ms), also for sorting by a header.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tracking import TODAY, ensure_demo, median_ms  # noqa: E402


class GapMeter:
    """The longest interval between two ticks of a fast timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, (now - self._last) * 1000)
        self._last = now

    def reset(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    path = ensure_demo(20_000, 50)

    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtWidgets import QApplication

    from desktop.services.dashboard import lateness_matrix
    from desktop.services.database import Database
    from desktop.tasks.runner import TaskRunner
    from desktop.ui.widgets.matrix_panel import MatrixPanel

    app = QApplication.instance() or QApplication(sys.argv)
    db = Database.open(str(path), actor="benchmark")
    matrix = lateness_matrix(db, as_of=TODAY)
    service = median_ms(lambda: lateness_matrix(db, as_of=TODAY), runs)
    runner = TaskRunner()
    panel = MatrixPanel(db, runner, as_of=TODAY)
    panel.resize(1300, 800)
    panel.show()
    meter = GapMeter()
    loads, gaps = [], []
    for n in range(runs):
        loop = QEventLoop()
        panel.loaded.connect(loop.quit)
        meter.reset()
        started = time.perf_counter()
        if n == 0:
            panel.ensure_loaded()
        else:
            panel.reload()
        loop.exec()
        app.processEvents()  # the view paints the rows it shows
        loads.append((time.perf_counter() - started) * 1000)
        gaps.append(meter.longest)
        panel.loaded.disconnect(loop.quit)
    meter.reset()
    sort_started = time.perf_counter()
    panel.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()
    sort_ms = (time.perf_counter() - sort_started) * 1000
    sort_gap = meter.longest
    cells = sum(len(r.cells) for r in matrix.rows)
    print(f"\nSQLite, {path.name}:")
    print(f"  service lateness_matrix: {len(matrix.columns)} documents × {len(matrix.rows)} "
          f"organisations ({cells:,} cells): median {service:.0f} ms   (target < 300 ms)")
    print(f"  panel load through the runner, until shown: median "
          f"{sorted(loads)[len(loads) // 2]:.0f} ms")
    print(f"  longest GUI-thread gap while loading: {max(gaps):.0f} ms   (target < 100 ms)")
    print(f"  sort by name: {sort_ms:.0f} ms, longest gap {sort_gap:.0f} ms")
    runner.shutdown()
    panel.close()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
