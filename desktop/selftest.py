"""``theodoi --selftest``: prove that an installed (or frozen) build works, in a few seconds.

Each step uses the real code path, in a temporary folder that is removed afterwards (the clerk's
data, settings and templates are never touched):

1. open a new SQLite database there and migrate it to the newest schema (Alembic scripts and
   their data files must be in the bundle);
2. create a small demo province (services, domain, Vietnamese text handling);
3. write the "Báo cáo kết quả" Word report of one document and read it back (python-docx,
   templates and format profiles in the bundle);
4. write an Excel workbook (the organisation list) and read it back (xlsxwriter / openpyxl);
5. open the main window offscreen and render one page (Qt platform plugins, SVG icons,
   translations).

Prints one line per step ("OK …" or "LỖI …" with the reason) and returns 0 when every step
passed, 1 otherwise. The build script and the Windows CI run it from outside the source tree.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FAILED = 0, 1
DEMO_ORGS, DEMO_DOCUMENTS = 300, 2


class _Context:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db: object | None = None
        self.document_id: int | None = None


def _step_database(ctx: _Context) -> str:
    from desktop.services.database import Database
    from desktop.store.migrations import HEAD
    from desktop.store.schema import current_revision

    db = Database.open(str(ctx.folder / "selftest.sqlite3"))
    ctx.db = db
    revision = current_revision(db.engine)
    if revision != HEAD:
        raise RuntimeError(f"schema {revision}, expected {HEAD}")
    return f"schema {revision}"


def _step_demo(ctx: _Context) -> str:
    from desktop.services.demo import create_demo
    from desktop.services.documents import list_documents

    create_demo(ctx.db, orgs=DEMO_ORGS, documents=DEMO_DOCUMENTS)  # type: ignore[arg-type]
    documents = list_documents(ctx.db)  # type: ignore[arg-type]
    if not documents:
        raise RuntimeError("the demo has no documents")
    ctx.document_id = documents[0].id
    return f"{len(documents)} documents"


def _step_word(ctx: _Context) -> str:
    from docx import Document

    from desktop.services.report_ket_qua import export_ket_qua

    path = ctx.folder / "bao-cao.docx"
    export_ket_qua(ctx.db, ctx.document_id, path)  # type: ignore[arg-type]
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    if "BÁO CÁO" not in text.upper():
        raise RuntimeError("the report has no title")
    return f"{path.name}, {path.stat().st_size:,} bytes"


def _step_excel(ctx: _Context) -> str:
    from openpyxl import load_workbook

    from desktop.services.org_export import export_orgs

    path = ctx.folder / "don-vi.xlsx"
    result = export_orgs(ctx.db, path)  # type: ignore[arg-type]
    workbook = load_workbook(path, read_only=True)
    rows = sum(1 for _ in workbook.worksheets[0].iter_rows())
    workbook.close()
    if rows <= result.organisations:  # a heading row, then one row per organisation
        raise RuntimeError(f"{rows} rows read back, {result.organisations} organisations written")
    return f"{path.name}, {result.organisations:,} organisations"


def _step_window(ctx: _Context) -> str:
    from PySide6.QtWidgets import QApplication

    from desktop.tasks.runner import TaskRunner
    from desktop.ui import i18n
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "theodoi"])
    i18n.install(app, "vi")
    runner = TaskRunner()
    try:
        window = MainWindow(ctx.db, runner)  # type: ignore[arg-type]
        window.show_page("documents")
        window.show()
        window.resize(1200, 800)
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        if image.isNull() or image.width() < 600:
            raise RuntimeError("nothing was drawn")
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
                   for y in range(0, image.height(), 29)}
        if len(colours) < 4:
            raise RuntimeError("the window is blank")
        image.save(str(ctx.folder / "window.png"))
        return f"{image.width()}×{image.height()} px, {window.ui.navigation.count()} pages"
    finally:
        runner.shutdown()


STEPS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("Mở và nâng cấp cơ sở dữ liệu mới", _step_database),
    ("Tạo dữ liệu mẫu", _step_demo),
    ("Xuất báo cáo Word", _step_word),
    ("Xuất bảng tính Excel", _step_excel),
    ("Vẽ cửa sổ chương trình", _step_window),
)


def run(out: TextIO | None = None, *, keep: bool = False) -> int:
    """Run every step in a temporary folder; 0 when all passed."""
    out = out or sys.stdout
    folder = Path(tempfile.mkdtemp(prefix="theodoi-selftest-"))
    saved = {k: os.environ.get(k) for k in ("THEODOI_DATA_DIR", "QT_QPA_PLATFORM")}
    os.environ["THEODOI_DATA_DIR"] = str(folder / "data")
    if "QT_QPA_PLATFORM" not in os.environ:  # no screen needed (CI, a service account)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _private_settings(folder)
    ctx = _Context(folder)
    failed = 0
    started = time.perf_counter()
    try:
        for label, step in STEPS:
            t0 = time.perf_counter()
            try:
                detail = step(ctx)
            except Exception as exc:  # each failure is reported, the next steps still run
                failed += 1
                print(f"LỖI  {label}: {type(exc).__name__}: {exc}", file=out)
                traceback.print_exc(file=out)
                if ctx.db is None:
                    break  # nothing else can run without the database
                continue
            print(f"OK   {label} ({(time.perf_counter() - t0) * 1000:.0f} ms): {detail}",
                  file=out)
    finally:
        close = getattr(ctx.db, "close", None)
        if close is not None:
            close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        if keep:
            print(f"Thư mục kiểm tra: {folder}", file=out)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    total = (time.perf_counter() - started) * 1000
    if failed:
        print(f"Tự kiểm tra: {failed}/{len(STEPS)} bước lỗi ({total:.0f} ms).", file=out)
        return EXIT_FAILED
    print(f"Tự kiểm tra: cả {len(STEPS)} bước đều đạt ({total:.0f} ms).", file=out)
    return EXIT_OK


def _private_settings(folder: Path) -> None:
    """QSettings of this run go to the temporary folder, not the clerk's registry/config."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))
