"""Benchmark of the Word report: "Báo cáo kết quả" with a 20,000-row appendix, end to end.

Run: ``uv run python tests/benchmarks/bench_word_report.py [--quick]``

Uses the 20,000-organisation demo of ``run.py`` (built once, cached), copied, with the report
deadlines of its widest document made to bind every level, so that every recipient (≈ 20,000
organisations) is a row of the appendix. Measures, as medians:

(a) :func:`desktop.services.report_ket_qua.export_ket_qua` end to end: one read transaction,
    the template filled, the appendix table written as one XML string parsed once, the file
    saved and swapped in (target < 2 s);
(b) the same export with the appendix built the way a peer would write it first, python-docx
    ``table.add_row()`` and ``cell.text`` per cell (same columns, same text), and the ratio.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import TODAY, ensure_demo  # noqa: E402


def naive_table(columns: Any, rows: Any, bold_last: bool = False, progress: Any = None,
                label: str = "") -> Any:
    """The appendix table with python-docx's own API: add_row, cell.text (serialised for the
    writer, which splices tables into the document as text)."""
    from docx import Document
    from docx.shared import Mm
    from lxml import etree

    from desktop.reports.docx_base import mark_header_row

    doc = Document()
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    for cell, column in zip(table.rows[0].cells, columns, strict=True):
        cell.text = column.title
        cell.width = Mm(column.width_mm)
    mark_header_row(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    return etree.tostring(table._tbl, encoding="unicode")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs = 3 if args.quick else 5
    source = ensure_demo(20_000, 3)

    from sqlalchemy import func, select, text

    import desktop.reports.ket_qua as writer
    from desktop.reports.ket_qua import KetQuaData
    from desktop.services.database import Database
    from desktop.services.report_ket_qua import KetQuaOptions, export_ket_qua
    from desktop.store import models as m

    with tempfile.TemporaryDirectory(prefix="theodoi-bench-word-") as tmp:
        folder = Path(tmp)
        path = folder / "demo.sqlite3"
        shutil.copyfile(source, path)
        db = Database.open(str(path), actor="benchmark")
        with db.read() as s:
            doc_id, recipients = s.execute(
                select(m.Tracking.document_id, func.count()).group_by(m.Tracking.document_id)
                .order_by(func.count().desc())).first()
        with db.engine.begin() as con:  # every recipient must report: one row each
            con.execute(text("UPDATE deadlines SET depth = NULL WHERE document_id = :d"),
                        {"d": doc_id})
        options = KetQuaOptions(report_date=TODAY, number="15")
        out = folder / "bao-cao.docx"

        rows_seen: list[int] = []

        def ours() -> None:
            result = export_ket_qua(db, doc_id, out, options)
            rows_seen.append(result.rows)

        def timed(fn: Any, n: int) -> float:
            times = []
            for _ in range(n):
                started = time.perf_counter()
                fn()
                times.append(time.perf_counter() - started)
            return statistics.median(times)

        ours()  # warm-up: imports, first template read
        fast = timed(ours, runs)
        size = out.stat().st_size
        original = writer.table_xml
        writer.table_xml = naive_table  # type: ignore[assignment]
        try:
            slow = timed(ours, max(1, runs // 2))
        finally:
            writer.table_xml = original  # type: ignore[assignment]
        db.close()

    assert KetQuaData  # the DTO the writer takes (imported for the reader of this script)
    print(f"document #{doc_id}: {recipients:,} recipients, appendix rows {rows_seen[-1]:,}")
    print(f"{'measure':<58} {'median':>9}")
    print(f"{'export_ket_qua end to end (rows as one XML string)':<58} {fast:>8.2f}s"
          f"   (target < 2 s; file {size / 1e6:.1f} MB)")
    print(f"{'same, appendix via python-docx add_row / cell.text':<58} {slow:>8.2f}s")
    print(f"{'ratio':<58} {slow / fast:>8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
