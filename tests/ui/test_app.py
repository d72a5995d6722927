"""The composition root: start-up in a real process, refusal of a foreign file, arguments."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import app
from desktop.ui.dialogs import message

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "THEODOI_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", THEODOI_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    return env


def test_starts_paints_and_quits_when_asked(tmp_path: Path, demo_template: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, db)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(db), "--quit-after-show"],
        cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    elapsed = int(done.stdout.strip().splitlines()[-1])
    assert 0 < elapsed < 60_000
    log = (tmp_path / "data" / "logs" / "theodoi.log").read_text(encoding="utf-8")
    assert f"started with {db}" in log


def test_database_comes_from_the_environment_too(tmp_path: Path) -> None:
    db = tmp_path / "from-env.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "desktop"], cwd=ROOT, capture_output=True, text=True,
        env=_env(tmp_path, THEODOI_DB=str(db), THEODOI_QUIT_AFTER_SHOW="1"), timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert db.is_file()  # created and migrated; the welcome page was shown


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_foreign_file_is_refused_in_vietnamese(
    tmp_path: Path, restore_logging: None, qapp: object
) -> None:
    foreign = tmp_path / "other.sqlite3"
    import sqlite3

    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert app.main(["--db", str(foreign)]) == app.EXIT_FAILED
    assert message.history, "the error was not shown"
    assert "không phải dữ liệu của Theo dõi Chỉ thị" in message.history[-1].text


def test_unknown_arguments_are_left_for_qt() -> None:
    args, rest = app.parse_args(["--db", "x.sqlite3", "-style", "fusion"])
    assert args.db == "x.sqlite3" and not args.quit_after_show
    assert rest == ["-style", "fusion"]
