"""Choosing where to save a file: a meaningful default name, the folder remembered, a test seam.

Like :mod:`desktop.ui.dialogs.message`: :func:`set_next_save_path` queues what the next save
dialog returns without showing it, and in non-interactive mode (the test suite) an unexpected
dialog returns nothing instead of blocking. The folder last used for each ``purpose``
("org_export"…) is kept in QSettings, so the next export proposes it again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.dialogs import message

_next: list[str] = []
_GROUP = "save_dialogs"


def set_next_save_path(path: str | Path | None) -> None:
    """Test seam: the next save dialog returns ``path`` (None: the clerk cancelled)."""
    _next.append(str(path) if path else "")


def reset() -> None:
    _next.clear()


def remembered_folder(purpose: str) -> Path:
    value = QSettings().value(f"{_GROUP}/{purpose}", "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def save_file(parent: QWidget | None, caption: str, default_name: str, name_filter: str,
              purpose: str, suffix: str = "") -> Path | None:
    """Where the clerk wants the file (None when cancelled); ``suffix`` is added if missing."""
    if _next:
        chosen = _next.pop(0)
    elif not message._interactive:
        chosen = ""
    else:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, caption, str(remembered_folder(purpose) / default_name), name_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    QSettings().setValue(f"{_GROUP}/{purpose}", str(path.parent))
    return path
