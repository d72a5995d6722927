"""``theodoi-cli``: exit codes, Vietnamese messages, JSON output, on real database files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "Dữ liệu" / "a.sqlite3"
    code, out, _ = run(capsys, "--db", str(db), "init")
    assert code == EXIT_OK and db.exists()
    assert "sẵn sàng" in out and "0002" in out


def test_usage_errors_exit_2_in_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["khong-co-lenh"])
    assert info.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "lỗi" in err and "lựa chọn không hợp lệ" in err
    with pytest.raises(SystemExit) as info:
        main(["demo", "--orgs", "abc"])
    assert info.value.code == EXIT_USAGE
    assert "không phải là số nguyên dương" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["stats", "--as-of", "31/02/2026"])
    assert info.value.code == EXIT_USAGE
    assert "tháng 2" in capsys.readouterr().err


def test_refused_input_exits_1(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(sqlite_path), "stats", "--document", "99-CT/TU")
    assert code == EXIT_REFUSED
    assert "Không tìm thấy văn bản «99-CT/TU»" in err


def test_foreign_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_bytes(b"not a database at all" * 50)
    code, _, err = run(capsys, "--db", str(bad), "documents", "list")
    assert code == EXIT_REFUSED and "không phải là cơ sở dữ liệu" in err


def test_empty_database(sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", str(sqlite_path), "documents", "list")[1].strip() == (
        "Chưa có văn bản nào."
    )
    code, out, _ = run(capsys, "--db", str(sqlite_path), "documents", "list", "--json")
    assert code == EXIT_OK and json.loads(out) == []
    code, out, _ = run(capsys, "--db", str(sqlite_path), "check")
    assert code == EXIT_OK and "Dữ liệu toàn vẹn" in out


def test_check_reports_a_broken_invariant(
    sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    con = sqlite3.connect(sqlite_path)
    con.execute(
        "INSERT INTO organisations (id, name, short_name, depth, sort_order, search_key, note, "
        "version, created_at, updated_at) VALUES (1, 'Tỉnh ủy', '', 0, 0, '', '', 1, "
        "'2026-01-01', '2026-01-01'), (2, 'Xã A', '', 5, 0, '', '', 1, '2026-01-01', "
        "'2026-01-01')"
    )
    con.execute("UPDATE organisations SET parent_id = 1 WHERE id = 2")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "--db", str(sqlite_path), "check")
    assert code == EXIT_REFUSED
    assert "[LỖI] Cấp trên của đơn vị: 1 đơn vị" in out


def test_env_var_selects_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("THEODOI_DB", str(target))
    assert run(capsys, "init")[0] == EXIT_OK
    assert target.exists()


def test_entry_point_runs_as_a_program(tmp_path: Path) -> None:
    """The installed console script, in a real process, with a Vietnamese path."""
    exe = Path(sys.executable).with_name("theodoi-cli")
    if not exe.exists():  # Windows layout
        exe = Path(sys.executable).with_name("theodoi-cli.exe")
    env = {**os.environ, "THEODOI_DB": str(tmp_path / "Tài liệu" / "x.sqlite3")}
    proc = subprocess.run([str(exe), "init"], capture_output=True, text=True, env=env,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Tài liệu" in proc.stdout
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True, env=env,
                          encoding="utf-8", timeout=60)
    assert proc.returncode == 0 and "cách dùng" in proc.stdout and "tùy chọn" in proc.stdout
