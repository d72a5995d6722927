"""Paths and process-wide defaults: where data, backups and logs live. No widgets here."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "TheoDoiChiThi"
APP_DISPLAY_NAME = "Theo dõi Chỉ thị"
ORG_NAME = "TheoDoiChiThi"
DB_FILE_NAME = "theodoi.sqlite3"
DB_ENV_VAR = "THEODOI_DB"
DATA_ENV_VAR = "THEODOI_DATA_DIR"


def data_dir() -> Path:
    """The folder that holds the embedded database, its backups and attachments.

    ``THEODOI_DATA_DIR`` overrides it (tests); a portable copy (see :func:`portable_dir`) keeps
    it beside the program; otherwise the per-user data folder of the platform
    (``%LOCALAPPDATA%\\TheoDoiChiThi`` on Windows).
    """
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        return Path(override)
    portable = portable_dir()
    if portable is not None:
        return portable
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "DuLieu"


def portable_dir(executable: str | None = None) -> Path | None:
    """``<program folder>/DuLieu`` when the program is a frozen build with the marker file
    ``portable.txt`` beside it (the installer's portable variant, e.g. on a USB stick)."""
    if executable is None:
        if not getattr(sys, "frozen", False):
            return None
        executable = sys.executable
    folder = Path(executable).resolve().parent
    return folder / PORTABLE_DATA if (folder / PORTABLE_MARKER).is_file() else None


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


def templates_dir() -> Path:
    """The clerk's edited Word templates; a template here takes precedence over the shipped
    one in ``resources/templates``."""
    return data_dir() / "templates"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a source tree, inside it when installed."""
    here = Path(__file__).resolve().parent
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [here / "_resources", here.parent / "resources"]
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]
