"""Inserting many rows fast, in the session's transaction, stored exactly as the ORM stores them.

Core's ``executemany`` spends most of a 20,000-row insert handling parameters row by row. Here
each value goes through SQLAlchemy's own bind processor for its column (so dates and the UTC
timestamps are stored exactly as the ORM writes them; a value shared by every row, like the
import's timestamp, is processed once), then:

- SQLite: one ``executemany`` on the driver's cursor;
- PostgreSQL (psycopg 3): ``COPY … FROM STDIN``, row by row through the driver;
- any other backend: Core ``executemany``.

Explicit ids must be reserved by the caller (PostgreSQL: from the sequence).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def bulk_insert(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` ``rows`` (dicts with the same keys) into ``table``."""
    if not rows:
        return
    conn = s.connection()
    dialect = conn.dialect
    copy_in = dialect.name == "postgresql" and dialect.driver == "psycopg"
    if dialect.name != "sqlite" and not copy_in:
        conn.execute(insert(table), rows)
        return
    keys = list(rows[0])
    procs = [table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    params = _processed(rows, keys, procs)
    quote = dialect.identifier_preparer.quote
    columns = ", ".join(quote(k) for k in keys)
    if dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({columns}) VALUES "
                             f"({', '.join('?' for _ in keys)})", params)
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(
            f"COPY {quote(table.name)} ({columns}) FROM STDIN") as copy:
        for row in params:
            copy.write_row(row)


def _processed(rows: list[dict[str, Any]], keys: list[str], procs: list[Any]
               ) -> list[tuple[Any, ...]]:
    last_in: list[Any] = [object()] * len(keys)
    last_out: list[Any] = [None] * len(keys)
    params = []
    for row in rows:
        out = []
        for n, key in enumerate(keys):
            value = row[key]
            proc = procs[n]
            if proc is not None and value is not None:
                if value is last_in[n]:  # the shared timestamp, the import date
                    value = last_out[n]
                else:
                    last_in[n], value = value, proc(value)
                    last_out[n] = value
            out.append(value)
        params.append(tuple(out))
    return params
