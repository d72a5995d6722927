"""Migrations: empty → head on both backends, no drift, backups, newer and foreign files refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from desktop.domain.errors import NotOurDatabaseError, SchemaTooNewError
from desktop.store.engine import APPLICATION_ID, make_engine
from desktop.store.migrations import HEAD
from desktop.store.models import Base
from desktop.store.schema import current_revision, known_revisions, open_database


def test_head_constant_matches_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from desktop.store.schema import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD
    assert HEAD in known_revisions()


def _assert_no_drift(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(ctx, Base.metadata) == []


def test_empty_to_head_sqlite(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "new.sqlite3"))
    assert current_revision(engine) == HEAD
    _assert_no_drift(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert conn.execute(text("SELECT count(*) FROM org_kinds")).scalar() >= 9
        assert conn.execute(text("SELECT count(*) FROM document_types")).scalar() >= 10
    engine.dispose()


@pytest.mark.postgres
def test_empty_to_head_postgres(pg_url: str) -> None:
    engine = make_engine(pg_url)
    assert current_revision(engine) == HEAD  # the template was migrated from empty
    _assert_no_drift(engine)
    engine.dispose()


def test_alembic_check_command_is_clean(tmp_path: Path) -> None:
    """The same check `alembic check` does, through Alembic's own command."""
    from alembic import command

    from desktop.store.schema import _alembic_config

    engine = open_database(str(tmp_path / "c.sqlite3"))
    with engine.connect() as conn:
        command.check(_alembic_config(conn))
    engine.dispose()


def test_opening_again_is_a_no_op(sqlite_path: Path) -> None:
    before = sqlite_path.stat().st_mtime_ns
    engine = open_database(str(sqlite_path))
    engine.dispose()
    assert not (sqlite_path.parent / "backups").exists()
    assert sqlite_path.stat().st_mtime_ns >= before


def test_newer_database_is_refused_and_untouched(sqlite_path: Path) -> None:
    con = sqlite3.connect(sqlite_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    data = sqlite_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="phiên bản mới hơn"):
        open_database(str(sqlite_path))
    assert sqlite_path.read_bytes() == data


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(NotOurDatabaseError, match="không phải dữ liệu"):
        open_database(str(path))


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(NotOurDatabaseError):
        open_database(str(path))


def test_backup_is_made_before_migrating_an_older_schema(
    sqlite_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database at an older revision is copied (and the copy checked) before the upgrade.

    A throw-away revision on top of the real ones plays the part of a future release.
    """
    import shutil

    from desktop.store import schema

    scripts = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9000_test.py").write_text(
        f'revision = "9000"\ndown_revision = "{HEAD}"\nbranch_labels = None\n'
        'depends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n"
        "def upgrade():\n"
        "    op.create_table('extra', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n    op.drop_table('extra')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(schema, "HEAD", "9000")
    engine = make_engine(str(sqlite_path))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('giữ', 'lại')"))
    engine.dispose()

    engine = open_database(str(sqlite_path))
    assert current_revision(engine) == "9000"
    engine.dispose()
    backups = list((sqlite_path.parent / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and HEAD in backups[0].name
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT value FROM settings WHERE key = 'giữ'").fetchone()[0] == "lại"
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
    con.close()


def test_released_0001_database_upgrades_keeping_every_row(tmp_path: Path) -> None:
    """The fixture is a real 0001 database (demo data plus a few clerk edits)."""
    import shutil

    from desktop.services.audit import verify
    from desktop.services.database import Database

    fixture = Path(__file__).parents[1] / "fixtures" / "databases" / "schema_0001.sqlite3"
    path = tmp_path / "cu.sqlite3"
    shutil.copyfile(fixture, path)
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'alembic_version'")]
    before = {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()

    db = Database.open(str(path))
    try:
        assert current_revision(db.engine) == HEAD
        verdict = verify(db)
        assert verdict.ok and verdict.checked == len(before["audit_log"]) > 0
    finally:
        db.close()
    con = sqlite3.connect(path)
    for table, rows in before.items():
        after = con.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        if table == "audit_log":  # three chain columns were added at the end
            after = [row[:-3] for row in after]
        assert after == rows, table
    con.close()
    assert list((tmp_path / "backups").glob("cu-*-truoc-nang-cap-0001.sqlite3"))
