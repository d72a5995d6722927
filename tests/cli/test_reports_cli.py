"""``theodoi-cli report ket-qua`` and ``report template`` end to end on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main


@pytest.fixture
def dbfile(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--db", str(sqlite_path), "demo", "--orgs", "150", "--documents", "3",
                 "--today", "30/11/2026"]) == EXIT_OK
    capsys.readouterr()
    return sqlite_path


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_ket_qua_writes_the_report(dbfile: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "Báo cáo 01.docx"
    code, out, err = run(capsys, dbfile, "report", "ket-qua", "--document", "01-CT/TU",
                         "--out", str(out_file), "--date", "30/11/2026", "--number", "12",
                         "--signer", "Nguyễn Văn An", "--signer-title", "TRƯỞNG BAN",
                         "--signer-authority", "")
    assert code == EXIT_OK, err
    assert "Đã ghi báo cáo kết quả 01-CT/TU" in out and "party-36" in out
    doc = Document(str(out_file))
    left, right = doc.tables[0].rows[0].cells
    assert left.paragraphs[-1].text == "Số 12-BC/BTGDVTU"
    assert right.paragraphs[-1].text == "Hà Sơn, ngày 30 tháng 11 năm 2026"
    signature = [p.text for p in doc.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signature == ["TRƯỞNG BAN", "Nguyễn Văn An"]


def test_state_profile(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                       ) -> None:
    out_file = tmp_path / "bc.docx"
    code, out, _ = run(capsys, dbfile, "report", "ket-qua", "--document", "01 ct tu",
                       "--out", str(out_file), "--profile", "state-30", "--number", "")
    assert code == EXIT_OK and "state-30" in out
    left = Document(str(out_file)).tables[0].rows[0].cells[0]
    assert left.paragraphs[-1].text == "Số:       /BC-BTGDVTU"


@pytest.mark.parametrize(("args", "message"), [
    (["--document", "99-CT/TU"], "Không tìm thấy văn bản «99-CT/TU»"),
    (["--document", "01-CT/TU", "--profile", "party-99"], "Không có hồ sơ thể thức"),
    (["--document", "01-CT/TU", "--number", "12a"], "chỉ gồm chữ số"),
])
def test_refusals(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                  args: list[str], message: str) -> None:
    out_file = tmp_path / "x.docx"
    code, _, err = run(capsys, dbfile, "report", "ket-qua", "--out", str(out_file), *args)
    assert code == EXIT_REFUSED and message in err
    assert not out_file.exists()


def test_usage_errors(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(dbfile), "report", "ket-qua", "--out", "x.docx"])
    assert info.value.code == EXIT_USAGE
    with pytest.raises(SystemExit) as info:
        main(["--db", str(dbfile), "report", "khong-co"])
    assert info.value.code == EXIT_USAGE


def test_template_commands(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path / "data"))
    code, out, _ = run(capsys, dbfile, "report", "template", "ket-qua")
    assert code == EXIT_OK and "mẫu mặc định" in out
    code, out, _ = run(capsys, dbfile, "report", "template", "ket-qua", "--edit")
    copy = tmp_path / "data" / "templates" / "ket-qua.docx"
    assert code == EXIT_OK and str(copy) in out and copy.is_file()
    code, out, _ = run(capsys, dbfile, "report", "template", "ket-qua")
    assert "bản đã sửa" in out
    code, out, _ = run(capsys, dbfile, "report", "template", "ket-qua", "--restore")
    assert code == EXIT_OK and "Đã khôi phục mẫu mặc định" in out and not copy.exists()


@pytest.fixture
def late_db(dbfile: Path) -> Path:
    """The demo with three organisations late with their report on 06-KL/TU."""
    from desktop.services.database import Database
    from tests.reports.report_support import make_late

    db = Database.open(str(dbfile), actor="kiem-thu")
    make_late(db, "06-KL/TU", 3)
    db.close()
    return dbfile


def test_don_doc_preview_then_letters(late_db: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "cv.docx"
    common = ("--document", "06-KL/TU", "--date", "30/11/2026")
    code, out, err = run(capsys, late_db, "report", "don-doc", *common, "--out",
                         str(out_file), "--preview")
    assert code == EXIT_OK, err
    assert "3 đơn vị sẽ nhận công văn" in out and not out_file.exists()
    code, out, err = run(capsys, late_db, "report", "don-doc", *common, "--out",
                         str(out_file), "--number", "21")
    assert code == EXIT_OK, err
    assert "Đã ghi công văn đôn đốc 06-KL/TU" in out and "21-CV/BTGDVTU" in out
    assert "ghi thêm 3 lần đôn đốc" in out
    left = Document(str(out_file)).tables[0].rows[0].cells[0]
    assert "Số 21-CV/BTGDVTU" in [p.text for p in left.paragraphs]
    folder = tmp_path / "tung-don-vi"
    code, out, err = run(capsys, late_db, "report", "don-doc", *common, "--out", str(folder),
                         "--letters", "per-org-files")
    assert code == EXIT_OK, err
    assert len(list(folder.glob("*.docx"))) == 3 and "ghi thêm 0 lần đôn đốc" in out


def test_don_doc_refusals(late_db: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, late_db, "report", "don-doc", "--document", "06-KL/TU", "--out",
                       str(tmp_path / "x.docx"), "--org", "KHONG-CO")
    assert code == EXIT_REFUSED and "KHONG-CO" in err
    code, _, err = run(capsys, late_db, "report", "don-doc", "--document", "01-CT/TU", "--out",
                       str(tmp_path / "x.docx"), "--date", "30/11/2026")
    assert code == EXIT_REFUSED and "không cần công văn đôn đốc" in err
    assert not (tmp_path / "x.docx").exists()


def test_annual_report_and_registers(late_db: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, late_db, "report", "hang-nam", "--year", "2026", "--out",
                         str(tmp_path / "nam.docx"), "--date", "30/11/2026")
    assert code == EXIT_OK, err
    assert "Đã ghi báo cáo năm 2026" in out and "3 văn bản" in out
    code, out, err = run(capsys, late_db, "report", "so-theo-doi", "--document", "06-KL/TU",
                         "--out", str(tmp_path / "so.docx"))
    assert code == EXIT_OK and "Đã ghi sổ theo dõi" in out, err
    code, out, err = run(capsys, late_db, "report", "so-van-ban-di", "--from", "01/01/2026",
                         "--to", "31/12/2026", "--out", str(tmp_path / "di.docx"))
    assert code == EXIT_OK and "Đã ghi sổ văn bản đi" in out, err
    with pytest.raises(SystemExit) as info:
        main(["--db", str(late_db), "report", "so-van-ban-di", "--out", "x.docx"])
    assert info.value.code == EXIT_USAGE
    code, out, _ = run(capsys, late_db, "report", "template", "don-doc-don-vi")
    assert code == EXIT_OK and "don-doc-don-vi.docx" in out
