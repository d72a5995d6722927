"""``theodoi-cli documents add|show|list|import-docx`` end to end on a real SQLite file holding
the demo province: Vietnamese summaries, JSON, exit 1 and nothing written on any refusal."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main

NOI_NHAN = """Nơi nhận:
- Ban Tuyên giáo và Dân vận Trung ương (HN + T79);
- Các đảng bộ trực thuộc Tỉnh ủy;
- Các ban, sở, ngành, đoàn thể CT-XH của tỉnh;
- Báo Hà Sơn;
- Các đ/c UVBCH Đảng bộ tỉnh;
- LĐVP, PTH;
- Lưu Văn phòng Tỉnh ủy.
"""


@pytest.fixture
def dbfile(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--db", str(sqlite_path), "demo", "--orgs", "400", "--documents", "3",
                 "--today", "30/11/2026"]) == EXIT_OK
    capsys.readouterr()
    return sqlite_path


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def counts(db: Path) -> tuple[int, ...]:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in (
            "documents", "deadlines", "document_recipient_lines", "tracking", "audit_log"))
    finally:
        con.close()


ADD = ["documents", "add", "--type", "CT", "--number", "15", "--symbol", "CT/TU",
       "--date", "05/02/2026",
       "--excerpt", "về việc định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội",
       "--scope", "chi_bo", "--deadline", "hoc_tap:05/03/2026",
       "--deadline", "bao_cao_lan_dau:05/04/2026", "--report-level", "1"]


def test_add_with_a_pasted_recipient_block(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    block = tmp_path / "Nơi nhận.txt"
    block.write_text(NOI_NHAN, encoding="utf-8-sig")  # Notepad's BOM
    code, out, err = run(capsys, dbfile, *ADD, "--recipients-text", str(block))
    assert code == EXIT_OK, err
    assert "Đã thêm Chỉ thị số 15-CT/TU ngày 05/02/2026" in out
    assert "Nơi nhận: 3 nhóm, 1 đơn vị, 4 dòng chỉ in." in out
    assert "4 dòng nơi nhận không khớp nhóm hay đơn vị nào" in out
    assert "- LĐVP, PTH;" in out and "- Lưu Văn phòng Tỉnh ủy." in out
    assert "Hạn học tập, quán triệt 05/03/2026" in out
    assert "Theo dõi: 391 đơn vị nhận văn bản (đến từng chi bộ); đã tạo 391 dòng theo dõi." in out

    code, out, _ = run(capsys, dbfile, "documents", "show", "15-CT/TU", "--json")
    shown = json.loads(out)
    assert code == EXIT_OK
    assert (shown["number_symbol"], shown["issue_date"], shown["scope"]) == (
        "15-CT/TU", "2026-02-05", "chi_bo")
    assert shown["signer_name"] == "Lê Minh Khang"  # the issuing body's usual signer
    assert [d["kind"] for d in shown["deadlines"]] == ["hoc_tap", "bao_cao_lan_dau"]
    assert shown["deadlines"][1]["depth"] == 1
    kinds = [line["kind"] for line in shown["recipient_lines"]]
    assert kinds == ["text", "group", "group", "group", "organisation", "text", "text", "text"]
    assert shown["recipient_lines"][3]["text"] == ""  # second group named on the same line
    assert shown["tracking_rows"] == 391

    code, out, _ = run(capsys, dbfile, "documents", "show", "15 ct tu")
    assert code == EXIT_OK and "Phạm vi: Phổ biến đến chi bộ" in out
    assert "[nhóm: Các đảng bộ trực thuộc Tỉnh ủy]" in out
    assert "[chỉ in, không theo dõi]" in out


def test_add_with_groups_a_parent_and_the_list_filters(
    dbfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, dbfile, *ADD, "--recipients-group", "Các đảng bộ trực thuộc Tỉnh ủy",
               "--recipients-group", "bao chi")[0] == EXIT_OK
    code, out, err = run(
        capsys, dbfile, "documents", "add", "--type", "kh", "--number", "Số 03-KH/BTGDVTU",
        "--date", "10/02/2026", "--excerpt", "học tập, quán triệt Chỉ thị số 15-CT/TU",
        "--parent", "15-CT/TU", "--recipients-group", "đảng bộ trực thuộc",
        "--signer-name", "Phạm Thị Thanh Hương", "--json")
    assert code == EXIT_OK, err
    created = json.loads(out)
    assert created["document"]["number_symbol"] == "03-KH/BTGDVTU"
    assert created["document"]["issuing_body_symbol"] == "BTGDVTU"
    assert created["document"]["parent"]["number_symbol"] == "15-CT/TU"
    assert created["tracking"]["added"] == 16  # directly subordinate only (no --scope)
    code, out, _ = run(capsys, dbfile, "documents", "list", "--parent", "15-CT/TU")
    assert out.splitlines()[0].startswith("03-KH/BTGDVTU  10/02/2026  Kế hoạch học tập")
    code, out, _ = run(capsys, dbfile, "documents", "list", "--type", "CT", "--year", "2026",
                       "--body", "TU", "--json")
    assert {r["number_symbol"] for r in json.loads(out)} == {"15-CT/TU", "01-CT/TU"}
    code, out, _ = run(capsys, dbfile, "documents", "list", "--year", "2024")
    assert code == EXIT_OK and out.strip() == "Không có văn bản nào khớp."
    code, out, _ = run(capsys, dbfile, "documents", "show", "15-CT/TU")
    assert "Văn bản triển khai: Kế hoạch số 03-KH/BTGDVTU ngày 10/02/2026" in out


REFUSALS = [
    (["--symbol", "NQ/TU"], "Chỉ thị viết tắt là «CT»"),
    (["--symbol", "CT/BTG"], "Không có cơ quan ban hành ký hiệu «BTG»"),
    (["--body", "TU", "--symbol", "CT-TU"], "dùng dấu «-»"),
    (["--number", "15a"], "chỉ gồm chữ số"),
    (["--type", "XY"], "Không có loại văn bản «XY»"),
    (["--recipients-group", "Các hội quần chúng"], "Không có nhóm nơi nhận"),
    (["--parent", "99-CT/TU"], "Không tìm thấy văn bản «99-CT/TU»"),
    (["--deadline", "hoc_tap:01/01/2026"], "sớm hơn ngày ban hành 05/02/2026"),
    (["--recipients-text", "/khong/co/tep.txt"], "Không đọc được tệp nơi nhận"),
]


@pytest.mark.parametrize(("changes", "words"), REFUSALS)
def test_refusals_exit_1_and_write_nothing(
    dbfile: Path, capsys: pytest.CaptureFixture[str], changes: list[str], words: str
) -> None:
    args = list(ADD)
    for option, value in zip(changes[::2], changes[1::2], strict=True):
        if option in args and option not in ("--deadline", "--recipients-group"):
            args[args.index(option) + 1] = value
        else:
            args += [option, value]
    before = counts(dbfile)
    code, out, err = run(capsys, dbfile, *args)
    assert code == EXIT_REFUSED and out == ""
    assert err.startswith("Lỗi: ") and words in err, err
    assert counts(dbfile) == before


def test_duplicate_and_bad_recipient_file(
    dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, dbfile, *ADD)[0] == EXIT_OK
    before = counts(dbfile)
    code, _, err = run(capsys, dbfile, *ADD[:-6])
    assert code == EXIT_REFUSED and "Đã có Chỉ thị số 15-CT/TU ngày 05/02/2026" in err
    legacy = tmp_path / "noi-nhan-tcvn3.txt"
    legacy.write_bytes("- Các đảng bộ trực thuộc Tỉnh ủy;".encode("cp1258", errors="replace")
                       + b"\xff\xfe\x00")
    code, _, err = run(capsys, dbfile, *ADD, "--number", "16", "--recipients-text", str(legacy))
    assert code == EXIT_REFUSED and "không phải văn bản Unicode" in err
    assert counts(dbfile) == before
    with pytest.raises(SystemExit) as info:
        main(["--db", str(dbfile), *ADD, "--deadline", "hoc-tap"])
    assert info.value.code == EXIT_USAGE
    assert "LOẠI:NGÀY" in capsys.readouterr().err


def _directive_docx(path: Path) -> Path:
    """An issued directive laid out as official-format.md §2 describes (header and signature
    in borderless two-column tables)."""
    d = Document()

    def line(cell: object, text: str, first: bool = False, **style: bool) -> None:
        p = cell.paragraphs[0] if first else cell.add_paragraph()  # type: ignore[attr-defined]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run_ = p.add_run(text)
        for key, value in style.items():
            setattr(run_, key, value)

    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    line(left, "TỈNH ỦY HÀ SƠN", first=True, bold=True)
    line(left, "*")
    line(left, "Số 15-CT/TU")
    line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", first=True, bold=True)
    line(right, "Hà Sơn, ngày 05 tháng 02 năm 2026", italic=True)
    for text in ("CHỈ THỊ",
                 "về việc định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội"):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    d.add_paragraph("-----").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("Việc ứng dụng công nghệ thông tin đã và đang mang lại những tiện ích.")
    d.add_paragraph("Chỉ thị này được phổ biến đến chi bộ.")
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").underline = True
    for text in ("- Ban Tuyên giáo và Dân vận Trung ương,", "- Các đảng bộ trực thuộc Tỉnh ủy,",
                 "- Các ban, sở, ngành, đoàn thể CT-XH của tỉnh,", "- Báo Hà Sơn,",
                 "- LĐVP, PTH,", "- Lưu Văn phòng Tỉnh ủy."):
        left.add_paragraph(text)
    line(right, "T/M BAN THƯỜNG VỤ", first=True, bold=True)
    line(right, "PHÓ BÍ THƯ THƯỜNG TRỰC")
    line(right, "")
    line(right, "Trần Tuệ Hiền", bold=True)
    d.save(str(path))
    return path


def test_import_docx(dbfile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("desktop.services.docx_import")
    docx = _directive_docx(tmp_path / "Chỉ thị 15-CT-TU.docx")
    before = counts(dbfile)
    code, out, err = run(capsys, dbfile, "documents", "import-docx", str(docx), "--dry-run")
    assert code == EXIT_OK, err
    assert "Đọc được từ tệp (chưa ghi gì): Chỉ thị số 15-CT/TU ngày 05/02/2026" in out
    assert "Người ký: T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC / Trần Tuệ Hiền" in out
    assert "- LĐVP, PTH,   [chỉ in, không theo dõi]" in out
    assert "Hợp lệ." in out
    code, out, _ = run(capsys, dbfile, "documents", "import-docx", str(docx), "--dry-run",
                       "--json")
    dry = json.loads(out)
    assert code == EXIT_OK and dry["problem"] is None
    assert dry["draft"]["number"] == "15" and dry["input"]["symbol"] == "CT/TU"
    assert counts(dbfile) == before

    code, out, err = run(capsys, dbfile, "documents", "import-docx", str(docx), "--scope",
                         "chi_bo", "--deadline", "hoc_tap:05/03/2026")
    assert code == EXIT_OK, err
    assert "Đã thêm Chỉ thị số 15-CT/TU ngày 05/02/2026" in out
    assert "Nơi nhận: 3 nhóm, 1 đơn vị, 3 dòng chỉ in." in out
    assert "đã tạo 391 dòng theo dõi" in out
    code, out, _ = run(capsys, dbfile, "documents", "show", "15-CT/TU", "--json")
    shown = json.loads(out)
    assert (shown["signer_name"], shown["excerpt"]) == (
        "Trần Tuệ Hiền",
        "về việc định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội")

    # the same file again: refused, in the dry run as well, nothing written
    after = counts(dbfile)
    code, out, _ = run(capsys, dbfile, "documents", "import-docx", str(docx), "--dry-run")
    assert code == EXIT_REFUSED and "Không thêm được: Đã có Chỉ thị số 15-CT/TU" in out
    code, _, err = run(capsys, dbfile, "documents", "import-docx", str(docx))
    assert code == EXIT_REFUSED and "Đã có Chỉ thị số 15-CT/TU" in err
    not_docx = tmp_path / "ghi chú.docx"
    not_docx.write_text("không phải tệp Word", encoding="utf-8")
    code, _, err = run(capsys, dbfile, "documents", "import-docx", str(not_docx))
    assert code == EXIT_REFUSED and err.startswith("Lỗi: ")
    assert counts(dbfile) == after
