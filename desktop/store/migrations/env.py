"""Alembic environment: runs on the connection handed over by ``desktop.store.schema``."""

from __future__ import annotations

from alembic import context

from desktop.store.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # pragma: no cover - only with the alembic command line
        from desktop.store.engine import make_engine

        engine = make_engine(context.config.get_main_option("sqlalchemy.url") or None)
        with engine.begin() as connection:
            _configure_and_run(connection)
        return
    _configure_and_run(connection)


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
