"""Typed errors raised below the UI; each carries a Vietnamese message that names cause and fix.

The UI and the CLI show ``str(error)``; they never show raw exception text from libraries.
"""

from __future__ import annotations


class AppError(Exception):
    """Base of every error the application expects and explains."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(AppError):
    """Input refused; nothing was changed. ``field`` names the field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(AppError):
    """The thing asked for does not exist (any more)."""


class ConflictError(AppError):
    """Someone else changed the row since it was read (optimistic locking)."""


class DatabaseError(AppError):
    """The database cannot be opened or used as it is."""


class SchemaTooNewError(DatabaseError):
    """The database was made by a newer version of the program."""


class NotOurDatabaseError(DatabaseError):
    """The file is not a database of this application."""


class DatabaseLockedError(DatabaseError):
    """Another program holds the database for too long."""
