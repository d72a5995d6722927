"""``theodoi-cli forms export|import`` and ``export-stats`` on real files."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, main
from desktop.reports.form_workbook import FIELD_ROWS, FORM_SHEET
from desktop.services.database import Database
from desktop.services.demo import create_demo
from desktop.services.documents import list_documents


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def settled(path: Path) -> str:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo(sqlite_path: Path) -> tuple[str, str]:
    db = Database.open(str(sqlite_path))
    create_demo(db, orgs=120, documents=2, today=date(2026, 11, 30), seed=3)
    doc = sorted(list_documents(db), key=lambda d: d.issue_date)[0]
    db.close()
    return str(sqlite_path), doc.number_symbol


def test_export_fill_import(
    demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, number = demo
    out = tmp_path / "phieu"
    code, text, _err = run(
        capsys, "--db", db, "forms", "export", "--document", number, "--out", str(out)
    )
    assert code == EXIT_OK and "Đã xuất" in text
    files = sorted(out.glob("*.xlsx"))
    assert files
    back = tmp_path / "nhan"
    back.mkdir()
    wb = openpyxl.load_workbook(files[0])
    wb[FORM_SHEET][f"C{FIELD_ROWS['non_members']}"] = "1.250"
    wb.save(back / files[0].name)
    bad = openpyxl.load_workbook(files[1])
    bad[FORM_SHEET][f"C{FIELD_ROWS['study_sessions']}"] = "ba"
    bad.save(back / files[1].name)
    before = settled(Path(db))
    code, _out, err = run(capsys, "--db", db, "forms", "import", str(back), "--today", "30/11/2026")
    assert code == EXIT_REFUSED
    assert f"«{files[1].name}»: 'Phiếu báo cáo'!C{FIELD_ROWS['study_sessions']}:" in err
    assert settled(Path(db)) == before
    (back / files[1].name).unlink()
    code, out_text, _ = run(
        capsys,
        "--db",
        db,
        "forms",
        "import",
        str(back),
        "--dry-run",
        "--json",
        "--today",
        "30/11/2026",
    )
    assert code == EXIT_OK
    data = json.loads(out_text)
    change = data["files"][0]["changes"]
    assert {"field": "non_members", "cell": f"C{FIELD_ROWS['non_members']}"}.items() <= next(
        c for c in change if c["field"] == "non_members"
    ).items()
    assert settled(Path(db)) == before
    code, text, _ = run(
        capsys,
        "--db",
        db,
        "forms",
        "import",
        str(back),
        "--today",
        "30/11/2026",
        "--take-file-values",
    )
    assert code == EXIT_OK and "Đã nhập 1 phiếu" in text
    con = sqlite3.connect(db)
    assert 1250 in [r[0] for r in con.execute("SELECT non_members FROM tracking")]
    con.close()


def test_export_stats(
    demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, number = demo
    code, text, _ = run(
        capsys,
        "--db",
        db,
        "export-stats",
        "--document",
        number,
        "--out",
        str(tmp_path / "a.xlsx"),
        "--as-of",
        "30/11/2026",
    )
    assert code == EXIT_OK and (tmp_path / "a.xlsx").exists() and number in text
    code, text, _ = run(
        capsys, "--db", db, "export-stats", "--year", "2026", "--out", str(tmp_path / "b.xlsx")
    )
    assert code == EXIT_OK and "năm 2026" in text
    code, _, err = run(
        capsys, "--db", db, "export-stats", "--year", "1999", "--out", str(tmp_path / "c.xlsx")
    )
    assert code == EXIT_REFUSED and "1999" in err and not (tmp_path / "c.xlsx").exists()
