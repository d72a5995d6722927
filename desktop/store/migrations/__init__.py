"""Alembic migrations of the schema, run from code at start-up (see ``desktop.store.schema``).

``HEAD`` is the newest revision; a test checks it against the script directory, so start-up can
compare the database's revision without importing Alembic when nothing needs migrating.
"""

HEAD = "0002"
