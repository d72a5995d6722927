"""Shared by the tests of the "Văn bản" page and its dialogs: a 400-organisation demo province,
keyboard helpers, the sample directive's "Nơi nhận" block and a .docx written with python-docx.

Import the fixtures into a test module (``from .documents_support import docs_db, …``) so
pytest finds them there.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.tasks.runner import TaskRunner
from desktop.ui.pages.documents_page import DocumentsPage

from .conftest import DEMO_TODAY

# The "Nơi nhận" block of shared/samples/chi-thi-mang-xa-hoi.txt as a clerk copies it (the
# Markdown bold heading and the signature block included).
SAMPLE_BLOCK = """**Nơi nhận:**

- Ban Tuyên giáo Trung ương (HN + T79);
- Các Ban xây dựng Đảng Tỉnh ủy;
- Các BCS Đảng; Đảng đoàn; BTV Tỉnh Đoàn;
- Các đ/c UVBCH Đảng bộ tỉnh;
- Các đảng bộ trực thuộc Tỉnh ủy;
- Các ban, sở, ngành, đoàn thể CT-XH của tỉnh;
- Hội Nhà báo tỉnh, Công an tỉnh;
- Các cơ quan báo chí của tỉnh;
- LĐVP, PTH;
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC

Trần Tuệ Hiền
"""
SAMPLE_LINES = [line for line in SAMPLE_BLOCK.splitlines() if line.startswith("- ")]
EXCERPT = ("về việc định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội cho cán "
           "bộ, đảng viên, đoàn viên, hội viên các đoàn thể chính trị - xã hội trên địa bàn tỉnh")


@pytest.fixture(scope="session")
def demo400_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo400") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    try:
        create_demo(db, orgs=400, documents=4, today=DEMO_TODAY)
    finally:
        db.close()  # checkpoints the WAL: the file alone is the whole database
    return path


@pytest.fixture
def docs_db(demo400_template: Path, tmp_path: Path) -> Iterator[Database]:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "demo.sqlite3"
    shutil.copyfile(demo400_template, path)
    db = Database.open(str(path), actor="kiem-thu")
    yield db
    db.close()


def open_page(qtbot: QtBot, db: Database, runner: TaskRunner) -> DocumentsPage:
    page = DocumentsPage(db, runner)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active window, so keys go to its focus widget."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def key(qtbot: QtBot, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        widget: QWidget | None = None) -> None:
    """Press ``k`` where the keyboard focus is (or on ``widget``)."""
    target = widget or QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, k, modifiers)


def wait_idle(qtbot: QtBot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def row_of(page: DocumentsPage, number_symbol: str) -> int:
    return next(r for r in range(page.model.rowCount())
                if page.model.row_at(r).number_symbol == number_symbol)


# ------------------------------------------------------------------------------ .docx


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _cell(cell, lines: list[tuple[str, str]], align) -> None:  # type: ignore[no-untyped-def]
    for n, (text, flags) in enumerate(lines):
        p = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        p.alignment = align
        if text:
            run = p.add_run(text)
            run.bold, run.italic, run.underline = "b" in flags, "i" in flags, "u" in flags


def write_directive(path: Path, *, date_line: str = "Hà Sơn, ngày 05 tháng 02 năm 2026") -> Path:
    """A Party directive as issued (header table, title, excerpt, Nơi nhận and signature)."""
    center, left = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    doc = Document()
    header = doc.add_table(rows=1, cols=2)
    _borderless(header)
    _cell(header.cell(0, 0), [("TỈNH ỦY HÀ SƠN", "b"), ("*", ""), ("Số 15-CT/TU", "")], center)
    _cell(header.cell(0, 1), [("ĐẢNG CỘNG SẢN VIỆT NAM", "b"), ("", ""), (date_line, "i")],
          center)
    for text, flags in (("", ""), ("CHỈ THỊ", "b"), (EXCERPT, "b"), ("-----", "")):
        p = doc.add_paragraph()
        p.alignment = center
        if text:
            run = p.add_run(text)
            run.bold = "b" in flags
    doc.add_paragraph("Việc ứng dụng công nghệ thông tin… Ban Thường vụ Tỉnh ủy yêu cầu:")
    doc.add_paragraph("Chỉ thị này được phổ biến đến chi bộ.")
    closing = doc.add_table(rows=1, cols=2)
    _borderless(closing)
    _cell(closing.cell(0, 0), [("Nơi nhận:", "u")] + [(x, "") for x in SAMPLE_LINES], left)
    _cell(closing.cell(0, 1), [("T/M BAN THƯỜNG VỤ", "b"), ("PHÓ BÍ THƯ THƯỜNG TRỰC", ""),
                               ("", ""), ("", ""), ("Trần Tuệ Hiền", "b")], center)
    doc.save(str(path))
    return path
