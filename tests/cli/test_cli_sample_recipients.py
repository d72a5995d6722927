"""The sample directive's "Nơi nhận" block, pasted into ``documents add`` against the demo."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, main
from desktop.services.database import Database
from desktop.services.demo import create_demo

SAMPLE_BLOCK = """\
Nơi nhận:

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
"""


def test_sample_block_creates_the_document(
    sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = Database.open(str(sqlite_path))
    create_demo(db, orgs=400, documents=1, today=date(2026, 11, 30))
    db.close()
    block = tmp_path / "nơi nhận.txt"
    block.write_text(SAMPLE_BLOCK, encoding="utf-8")
    code = main(["--db", str(sqlite_path), "documents", "add", "--type", "CT",
                 "--number", "16-CT/TU", "--date", "01/12/2026",
                 "--excerpt", "về định hướng tiếp cận, xử lý và chia sẻ thông tin",
                 "--recipients-text", str(block)])
    out = capsys.readouterr().out
    assert code == EXIT_OK, out
    # a line naming three recipients, one of them tracked and two long gone, is stored once
    assert "4 nhóm" in out
    code = main(["--db", str(sqlite_path), "documents", "show", "16-CT/TU"])
    shown = capsys.readouterr().out
    assert code == EXIT_OK
    assert shown.count("- Các BCS Đảng; Đảng đoàn; BTV Tỉnh Đoàn;") == 1
    assert "[đơn vị: Tỉnh đoàn]" in shown
    assert "- Lưu Văn phòng Tỉnh ủy.   [chỉ in, không theo dõi]" in shown
