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

    ``THEODOI_DATA_DIR`` overrides it (tests, portable installs); otherwise the per-user data
    folder of the platform (``%LOCALAPPDATA%\\TheoDoiChiThi`` on Windows).
    """
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def log_dir() -> Path:
    return data_dir() / "logs"


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
