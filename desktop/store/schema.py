"""Open a database: check it is ours and not newer than us, back it up, migrate it to head.

Start-up path: the revision stored in ``alembic_version`` is read with one query and compared
with ``migrations.HEAD``; Alembic itself is imported only when there is something to migrate.
"""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from desktop.domain.errors import DatabaseError, NotOurDatabaseError, SchemaTooNewError
from desktop.store.engine import APPLICATION_ID, is_sqlite, make_engine, sqlite_path
from desktop.store.migrations import HEAD

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def open_database(target: str | None = None, *, migrate: bool = True) -> Engine:
    """Create the engine for ``target`` and bring its schema to head."""
    engine = make_engine(target)
    if migrate:
        upgrade(engine)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision, or None for an empty database."""
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except OperationalError:
            return None
        except Exception as exc:  # PostgreSQL: undefined table
            if "alembic_version" in str(exc):
                return None
            raise
    return row[0] if row else None


def _alembic_config(connection: object):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    # Alembic's default stdout is bound when it is imported; hand it the current one.
    cfg = Config(stdout=sys.stdout)
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def check_is_ours(engine: Engine) -> None:
    """Refuse a SQLite file that holds tables but is not a database of this application."""
    if not is_sqlite(engine):
        return
    try:
        with engine.connect() as conn:
            app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
            tables = inspect(conn).get_table_names()
    except SADatabaseError as exc:
        raise NotOurDatabaseError(
            "Tệp này không phải là cơ sở dữ liệu SQLite hoặc đã bị hỏng. "
            "Chọn đúng tệp dữ liệu của Theo dõi Chỉ thị hoặc khôi phục từ bản sao lưu."
        ) from exc
    if tables and app_id != APPLICATION_ID:
        raise NotOurDatabaseError(
            "Tệp này là một cơ sở dữ liệu khác, không phải dữ liệu của Theo dõi Chỉ thị. "
            "Chọn đúng tệp dữ liệu (theodoi.sqlite3) hoặc tạo dữ liệu mới."
        )


def upgrade(engine: Engine) -> str:
    """Migrate to head (backing up a SQLite file first). Returns the revision reached."""
    check_is_ours(engine)
    revision = current_revision(engine)
    if revision == HEAD:
        return HEAD
    if revision is not None and revision not in known_revisions():
        raise SchemaTooNewError(
            "Dữ liệu này được tạo bởi một phiên bản mới hơn của chương trình "
            f"(lược đồ {revision}). Hãy cài phiên bản mới nhất của Theo dõi Chỉ thị rồi mở lại; "
            "dữ liệu không bị thay đổi."
        )
    if revision is not None:
        backup_before_migration(engine, revision)
    from alembic import command

    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        command.upgrade(_alembic_config(conn), "head")
    log.info("database migrated from %s to %s", revision, HEAD)
    return HEAD


def backup_before_migration(engine: Engine, revision: str) -> Path | None:
    """Copy a SQLite file (online backup API, then reopened and checked) before migrating it.

    The copy goes to ``backups/`` beside the database, named like every other backup
    (``desktop.store.backup``), so the restore list shows it.
    """
    from desktop.store.backup import backup_name, copy_sqlite

    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None or not path.exists():
        return None
    dest = path.parent / "backups" / backup_name(
        path.stem, datetime.now(), f"truoc-nang-cap-{revision}"
    )
    try:
        copy_sqlite(path, dest, known_revisions())
    except DatabaseError as exc:
        raise DatabaseError(
            f"Bản sao lưu trước khi nâng cấp dữ liệu không đọc lại được ({exc.message}). "
            "Dữ liệu chưa bị thay đổi; hãy kiểm tra ổ đĩa rồi mở lại."
        ) from exc
    log.info("backup before migration written to %s", dest.name)
    return dest
