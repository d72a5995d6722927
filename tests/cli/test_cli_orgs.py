"""``theodoi-cli orgs import|export`` on real database files and real workbooks."""

from __future__ import annotations

import hashlib
import importlib.util
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.store import models as m

_spec = importlib.util.spec_from_file_location(
    "workbook_corpus", Path(__file__).resolve().parents[1] / "fixtures/workbooks/corpus.py")
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def settled(path: Path) -> str:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, table: str = "organisations") -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def with_groups(sqlite_path: Path) -> Path:
    db = Database.open(str(sqlite_path))
    with db.transaction() as s:
        for name, short in corpus.GROUPS:
            s.add(m.OrgGroup(name=name, short_name=short))
    db.close()
    return sqlite_path


def test_import_dry_run_then_for_real(with_groups: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = corpus.office_list(tmp_path / "ds.xlsx", corpus.small_tree_rows())
    db = str(with_groups)
    code, out, err = run(capsys, "--db", db, "orgs", "import", str(xlsx), "--dry-run",
                         "--as-of", "30/11/2026")
    assert code == EXIT_OK, err
    assert "trang tính «Danh sách»: tiêu đề cột ở dòng 4, đọc 5 đơn vị (đến dòng 9)" in out
    assert "Tạo mới: 5 đơn vị" in out and "+ dòng 7: Chi bộ thôn Đông (thuộc «Đảng bộ xã Hòa " \
        "Bình»)" in out
    assert "Chỉ số đơn vị mới (tính đến 30/11/2026): 4 đơn vị" in out
    assert "chưa có → 12 chi bộ, 1.234 đảng viên" in out
    assert "Chạy thử (--dry-run): chưa ghi gì." in out and count(with_groups) == 0
    code, out, _ = run(capsys, "--db", db, "orgs", "import", str(xlsx), "--as-of",
                       "30/11/2026")
    assert code == EXIT_OK and "Đã nhập xong: tạo mới 5, cập nhật 0, không đổi 0" in out
    assert count(with_groups) == 5
    code, out, _ = run(capsys, "--db", db, "orgs", "import", str(xlsx))
    assert code == EXIT_OK and "Không đổi: 5 đơn vị" in out and "Không có gì thay đổi." in out


def test_problems_print_cells_and_exit_1_with_nothing_written(
        with_groups: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = corpus.small_tree_rows()
    rows[2][4] = "Không có"
    rows[3][7] = "-5"
    xlsx = corpus.office_list(tmp_path / "loi.xlsx", rows)
    before = settled(with_groups)
    code, out, err = run(capsys, "--db", str(with_groups), "orgs", "import", str(xlsx))
    assert code == EXIT_REFUSED
    assert "Có 2 lỗi, chưa ghi gì vào cơ sở dữ liệu" in err
    assert "  'Danh sách'!E7: Không tìm thấy đơn vị cấp trên «Không có»" in err
    assert "  'Danh sách'!H8: Số đảng viên: Số không hợp lệ: «-5» — không được nhập số âm." in err
    assert settled(with_groups) == before


@pytest.mark.parametrize("name", ["xls", "encrypted", "zip_bomb", "truncated"])
def test_refused_files_exit_1(sqlite_path: Path, tmp_path: Path, name: str,
                              capsys: pytest.CaptureFixture[str]) -> None:
    build, expected = corpus.REFUSED[name]
    xlsx = build(tmp_path / f"{name}.xlsx")
    code, _, err = run(capsys, "--db", str(sqlite_path), "orgs", "import", str(xlsx))
    assert code == EXIT_REFUSED
    assert err.startswith("Không nhập được, chưa ghi gì vào cơ sở dữ liệu:\n  Tệp «")
    assert expected in err


def test_export_then_import_plans_nothing(sqlite_path: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    db = Database.open(str(sqlite_path))
    create_demo(db, orgs=80, documents=0, today=date(2026, 11, 30))
    db.close()
    xlsx = tmp_path / "xuất" / "Danh sách.xlsx"
    xlsx.parent.mkdir()
    code, out, _ = run(capsys, "--db", str(sqlite_path), "orgs", "export", str(xlsx),
                       "--as-of", "30/11/2026")
    assert code == EXIT_OK and out.startswith("Đã xuất ") and "(tính đến 30/11/2026)" in out
    code, out, _ = run(capsys, "--db", str(sqlite_path), "orgs", "import", str(xlsx),
                       "--as-of", "30/11/2026")
    assert code == EXIT_OK and "Không có gì thay đổi." in out


def test_column_map_and_usage_errors(sqlite_path: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "c.xlsx"
    xlsx.write_bytes(corpus.xlsx_bytes([["Tỉnh ủy Hà Sơn", "TU", "5"]],
                                       headers=("Tên đơn vị", "Mã", "ĐV")))
    code, out, _ = run(capsys, "--db", str(sqlite_path), "orgs", "import", str(xlsx),
                       "--dry-run", "--map", "C=members")
    assert code == EXIT_OK and "chưa có → 5 đảng viên" in out
    code, _, err = run(capsys, "--db", str(sqlite_path), "orgs", "import", str(xlsx),
                       "--map", "members")
    assert code == EXIT_USAGE and "--map cần dạng CỘT=TRƯỜNG" in err
    code, _, err = run(capsys, "--db", str(sqlite_path), "orgs", "import", str(xlsx),
                       "--map", "C=so_dang_vien")
    assert code == EXIT_REFUSED and "Không có trường «so_dang_vien»" in err
    with pytest.raises(SystemExit) as info:
        main(["--db", str(sqlite_path), "orgs", "import", str(xlsx), "--as-of", "31/02/2026"])
    assert info.value.code == EXIT_USAGE
