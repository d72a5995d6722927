"""``theodoi-cli tracking set|list`` end to end on a real SQLite file with the demo province:
Vietnamese output, JSON with codes and ISO dates, exit 1 naming the field and nothing written."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main

AS_OF = ["--as-of", "30/11/2026"]


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


def dump(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    try:
        return [*con.execute("SELECT * FROM tracking ORDER BY id"),
                *con.execute("SELECT * FROM tracking_reports ORDER BY id"),
                *con.execute("SELECT count(*) FROM audit_log")]
    finally:
        con.close()


def test_set_then_list(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, dbfile, "tracking", "set", "--document", "10-KH/TU",
                         "--org", "x001", "--received", "30/11", "--channel", "Điện tử",
                         "--confirmed-by", "Văn phòng Đảng ủy", *AS_OF)
    assert code == EXIT_OK, err
    assert out.startswith("Đã ghi dòng «Đảng bộ xã Tân An» (văn bản 10-KH/TU): sửa ngày nhận")
    assert "Tình trạng: Đã nhận; hạn 04/01/2027." in out
    code, out, err = run(capsys, dbfile, "tracking", "set", "--document", "10-KH/TU",
                         "--org", "X001", "--session", "30/11/2026", "--form", "hoi_nghi",
                         "--sessions", "2", "--cells-held", "30", "--cells-total", "31",
                         "--members-attending", "1.190", "--members-total", "1.250",
                         "--non-members", "35", "--report-date", "30/11/2026",
                         "--report-number", "01-BC/ĐU", *AS_OF, "--json")
    assert code == EXIT_OK, err
    row = json.loads(out)
    assert (row["org_code"], row["received_date"], row["sent_channel"]) == (
        "X001", "2026-11-30", "dien_tu")
    assert (row["study_date"], row["study_form"], row["members_attending"]) == (
        "2026-11-30", "hoi_nghi", 1190)
    assert (row["report_number"], row["report_status"], row["status"]) == (
        "01-BC/ĐU", "dung_han", "da_bao_cao_dung_han")
    assert row["members_percent"] == pytest.approx(95.2)
    code, out, _ = run(capsys, dbfile, "tracking", "list", "--document", "10-KH/TU",
                       "--search", "tan an", *AS_OF)
    assert code == EXIT_OK
    lines = out.splitlines()
    assert lines[0] == "Kế hoạch số 10-KH/TU ngày 30/11/2026"
    assert "X001" in lines[3] and "1.190/1.250 95%" in lines[3]
    assert "Đã báo cáo (đúng hạn)" in lines[3]
    assert lines[-1].startswith("— 1 đơn vị; 0 đơn vị quá hạn")
    code, out, _ = run(capsys, dbfile, "tracking", "set", "--document", "10-KH/TU",
                       "--org", "X001", "--session", "30/11/2026", *AS_OF)
    assert code == EXIT_OK and out.startswith("Không có gì thay đổi")


def test_list_filters_and_json(dbfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, dbfile, "tracking", "list", "--document", "01-CT/TU",
                       "--overdue", "--json", "--sort", "days_overdue", "--desc", *AS_OF)
    assert code == EXIT_OK
    rows = json.loads(out)
    assert rows and all(r["overdue"] and r["days_overdue"] > 0 for r in rows)
    days = [r["days_overdue"] for r in rows]
    assert days == sorted(days, reverse=True)
    code, out, _ = run(capsys, dbfile, "tracking", "list", "--document", "01-CT/TU",
                       "--status", "da_nhan", "--status", "da_co_ke_hoach", "--level", "2",
                       "--group", "đảng bộ trực thuộc", "--json", *AS_OF)
    assert code == EXIT_OK
    rows = json.loads(out)
    assert rows and {r["status"] for r in rows} <= {"da_nhan", "da_co_ke_hoach"}
    assert {r["depth"] for r in rows} == {2}
    code, out, _ = run(capsys, dbfile, "tracking", "list", "--document", "01-CT/TU",
                       "--search", "không có đơn vị này", *AS_OF)
    assert code == EXIT_OK and "Không có đơn vị nào khớp." in out


@pytest.mark.parametrize(("args", "message"), [
    (["--received", "31/02/2026"], "Ngày nhận — Ngày không hợp lệ: «31/02/2026»"),
    (["--received", "01/12/2026"], "Ngày nhận — ngày 01/12/2026 chưa tới"),
    (["--channel", "fax"], "Hình thức gửi, nhận — không có lựa chọn «fax»"),
    (["--members-attending", "500", "--members-total", "400"],
     "số đảng viên tham gia (500) lớn hơn tổng số đảng viên (400)"),
    (["--sessions", "-1"], "Số buổi, hội nghị — không được là số âm"),
    (["--cells-held", "1,5"], "Số chi bộ đã học tập — Số không hợp lệ"),
    (["--received", "30/11/2026", "--report-date", "29/11/2026"],
     "Ngày nhận báo cáo — ngày 29/11/2026 trước ngày ban hành"),
    (["--report-number", "01-BC"], "Ngày nhận báo cáo — chưa nhập"),
    (["--report-date", "30/11/2026", "--report-status", "tot"], "Đánh giá báo cáo"),
])
def test_invalid_input_exits_1_and_writes_nothing(
    dbfile: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = dump(dbfile)
    code, out, err = run(capsys, dbfile, "tracking", "set", "--document", "10-KH/TU",
                         "--org", "X001", *args, *AS_OF)
    assert code == EXIT_REFUSED and out == ""
    assert err.startswith("Lỗi: Dòng «Đảng bộ xã Tân An»: ") and message in err
    assert dump(dbfile) == before


def test_unknown_document_organisation_or_status(dbfile: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, dbfile, "tracking", "set", "--document", "99-CT/TU",
                       "--org", "X001", "--received", "30/11/2026")
    assert code == EXIT_REFUSED and "Không tìm thấy văn bản «99-CT/TU»" in err
    code, _, err = run(capsys, dbfile, "tracking", "set", "--document", "10-KH/TU",
                       "--org", "ZZZ", "--received", "30/11/2026")
    assert code == EXIT_REFUSED and "không có dòng theo dõi cho đơn vị mã «ZZZ»" in err
    code, _, err = run(capsys, dbfile, "tracking", "list", "--document", "10-KH/TU",
                       "--status", "xong")
    assert code == EXIT_REFUSED and "Không có tình trạng «xong»" in err
    code, _, err = run(capsys, dbfile, "tracking", "list", "--document", "10-KH/TU",
                       "--level", "một")
    assert code == EXIT_REFUSED and "Cấp phải là một số" in err
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(dbfile), "tracking", "list"])
    assert usage.value.code == EXIT_USAGE
    assert "còn thiếu: --document" in capsys.readouterr().err
