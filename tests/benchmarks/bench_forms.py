"""Benchmark of the Excel exchange: collection forms out and back, statistics workbooks.

Run: ``uv run python tests/benchmarks/bench_forms.py``

Uses the cached 20,000-organisation demo (``run.py``'s builder), copied so the cache stays
untouched, and the document with the most recipients. Measures:

- exporting collection forms for 2,000 of its recipients (wall time, per file);
- reading back (plan) 200 filled forms (target < 5 s) and all 2,000, and applying the 200;
- the statistics workbook of that document (~20,000 organisations): the service end to end
  (target < 3 s), and the writer alone with xlsxwriter against the same workbook written with
  openpyxl in its normal mode (ratio, file sizes).
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import TODAY, ensure_demo  # noqa: E402


def openpyxl_document_book(book) -> bytes:  # type: ignore[no-untyped-def]
    """The same cells, formats and formulas as ``build_document_book``, with openpyxl."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from desktop.reports.stats_workbook import COUNT_COLUMNS

    side = Side(style="thin")
    border = Border(left=side, right=side, top=side, bottom=side)
    font = Font(name="Times New Roman", size=11)
    bold = Font(name="Times New Roman", size=11, bold=True)
    head_fill = PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="center")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.append([book.title])
    ws.append([book.subtitle])
    ws.append([])
    ws.append(["STT", "Nhóm đơn vị"] + [h for _k, h in COUNT_COLUMNS])
    for i, line in enumerate(book.summary, 1):
        ws.append([i, line.name] + [line.counts.get(k, 0) for k, _h in COUNT_COLUMNS])
    heads = (
        "STT",
        "Tên đơn vị",
        "Mã",
        "Ngày nhận",
        "Ngày học tập",
        "Hình thức",
        "Kế hoạch",
        "Đã báo cáo",
        "Số ngày quá hạn",
        "Tình trạng",
        "Chi bộ đã học tập",
        "Tổng số chi bộ",
        "Đảng viên tham gia",
        "Tổng số đảng viên",
        "Tỉ lệ",
    )
    for g, group in enumerate(book.groups):
        ws = wb.create_sheet(f"Nhóm {g + 1}")
        ws.append([group.name.upper()])
        ws.append([book.title])
        ws.append([])
        ws.append(list(heads))
        for col in range(1, len(heads) + 1):
            c = ws.cell(4, col)
            c.font, c.fill, c.border, c.alignment = bold, head_fill, border, wrap
        for i, x in enumerate(group.lines, 1):
            r = 4 + i
            ws.append(
                [
                    i,
                    x.name,
                    x.code,
                    x.received_date,
                    x.study_date,
                    x.study_form,
                    x.plan,
                    1 if x.reported else 0,
                    x.overdue_days,
                    x.status,
                    x.cells_held,
                    x.cells_total,
                    x.members_attending,
                    x.members_total,
                    f'=IF(N{r}>0,M{r}/N{r},"")',
                ]
            )
            for col in range(1, len(heads) + 1):  # ws[r] would rescan the sheet: quadratic
                c = ws.cell(r, col)
                c.font, c.border = font, border
            ws.cell(r, 2).alignment = wrap
            for col in (4, 5):
                ws.cell(r, col).number_format = "dd/mm/yyyy"
            for col in range(11, 15):
                ws.cell(r, col).number_format = "#,##0"
            ws.cell(r, 15).number_format = "0.00%"
        n = len(group.lines)
        ws.append(
            [
                None,
                "Tổng cộng",
                None,
                f"=COUNT(D5:D{4 + n})",
                f"=COUNT(E5:E{4 + n})",
                None,
                f"=COUNTA(G5:G{4 + n})",
                f"=SUM(H5:H{4 + n})",
                f'=COUNTIF(I5:I{4 + n},">0")',
                None,
            ]
            + [f"=SUM({c}5:{c}{4 + n})" for c in "KLMN"]
        )
        ws.print_title_rows = "4:4"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2]


def main() -> int:
    import openpyxl
    from sqlalchemy import func, select

    from desktop.reports.form_workbook import FIELD_ROWS, FORM_SHEET
    from desktop.reports.stats_workbook import build_document_book
    from desktop.services.database import Database
    from desktop.services.forms_export import export_forms, form_targets
    from desktop.services.forms_import import apply_forms_import, plan_forms_import
    from desktop.services.stats_export import document_book, export_document_stats
    from desktop.store import models as m

    cached = ensure_demo(20_000, 2)
    work = Path(tempfile.mkdtemp(prefix="bench-forms-"))
    try:
        db_path = work / "demo.sqlite3"
        shutil.copyfile(cached, db_path)
        db = Database.open(str(db_path), actor="benchmark")
        with db.read() as s:
            doc_id, recipients = s.execute(
                select(m.Tracking.document_id, func.count())
                .group_by(m.Tracking.document_id)
                .order_by(func.count().desc())
            ).first()
            doc = s.get(m.Document, doc_id)
            issue = doc.issue_date
        print(f"document #{doc_id}: {recipients:,} recipients")

        targets = form_targets(db, doc_id, all_levels=True)[:2000]
        started = time.perf_counter()
        result = export_forms(db, doc_id, work / "out", targets=targets)
        export_s = time.perf_counter() - started
        size = sum(p.stat().st_size for p in result.files) / len(result.files)
        print(
            f"export {len(result.files):,} forms: {export_s:.2f} s "
            f"({export_s / len(result.files) * 1000:.1f} ms per file, {size / 1024:.1f} KiB "
            "each)"
        )

        filled = work / "filled"
        filled.mkdir()
        day = issue + timedelta(days=20)
        for path in result.files[:200]:
            wb = openpyxl.load_workbook(path)
            ws = wb[FORM_SHEET]
            ws[f"C{FIELD_ROWS['received_date']}"] = day
            ws[f"C{FIELD_ROWS['study_sessions']}"] = "2"
            ws[f"C{FIELD_ROWS['non_members']}"] = "1.250"
            wb.save(filled / path.name)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            plan = plan_forms_import(db, [filled], document_id=doc_id, today=TODAY)
            runs.append(time.perf_counter() - started)
        print(
            f"read back 200 filled forms (plan): median {median(runs):.2f} s "
            f"({median(runs) / 200 * 1000:.1f} ms per file; target < 5 s); "
            f"accepted {len(plan.accepted)}, refused {len(plan.refused)}"
        )
        started = time.perf_counter()
        big = plan_forms_import(db, [work / "out"], document_id=doc_id, today=TODAY)
        big_s = time.perf_counter() - started
        print(
            f"read back all {len(big.files):,} forms: {big_s:.2f} s "
            f"({big_s / len(big.files) * 1000:.1f} ms per file)"
        )
        started = time.perf_counter()
        applied = apply_forms_import(db, plan, take_file_values=True)
        print(
            f"apply 200 forms: {time.perf_counter() - started:.2f} s "
            f"({applied.rows_changed} rows, {applied.values_written} values)"
        )

        runs = []
        for _ in range(3):
            started = time.perf_counter()
            stats = export_document_stats(db, doc_id, work / "bieu.xlsx", as_of=TODAY)
            runs.append(time.perf_counter() - started)
        print(
            f"statistics workbook, {stats.lines:,} organisation lines, {stats.sheets} sheets: "
            f"service end to end median {median(runs):.2f} s (target < 3 s)"
        )
        book = document_book(db, doc_id, TODAY)
        xw, op = [], []
        for _ in range(3):
            started = time.perf_counter()
            xw_bytes = build_document_book(book)
            xw.append(time.perf_counter() - started)
            started = time.perf_counter()
            op_bytes = openpyxl_document_book(book)
            op.append(time.perf_counter() - started)
        print(
            f"  writer alone: xlsxwriter {median(xw):.2f} s, {len(xw_bytes) / 2**20:.2f} MiB; "
            f"openpyxl normal mode {median(op):.2f} s, {len(op_bytes) / 2**20:.2f} MiB; "
            f"ratio {median(op) / median(xw):.1f}x time, "
            f"{len(op_bytes) / len(xw_bytes):.1f}x size"
        )
        db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
