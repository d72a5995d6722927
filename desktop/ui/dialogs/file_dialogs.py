"""Choosing files to open, remembering the folder per purpose, with a test seam.

Like :mod:`desktop.ui.dialogs.message`: :func:`set_next_paths` queues what the next file
dialog returns without showing it, and in non-interactive mode (the test suite) an unexpected
file dialog returns nothing instead of blocking. The folder last used for each ``purpose``
("docx_import", "attachments"…) is kept in QSettings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.dialogs import message

_next: list[list[str]] = []
_GROUP = "file_dialogs"


def set_next_paths(paths: list[str | Path]) -> None:
    """Test seam: the next file dialog returns ``paths`` (empty: the clerk cancelled)."""
    _next.append([str(p) for p in paths])


def reset() -> None:
    _next.clear()


def _folder(purpose: str) -> str:
    value = QSettings().value(f"{_GROUP}/{purpose}", "")
    return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())


def _remember(purpose: str, paths: list[str]) -> None:
    if paths:
        QSettings().setValue(f"{_GROUP}/{purpose}", str(Path(paths[0]).parent))


def open_files(
    parent: QWidget | None, caption: str, name_filter: str, purpose: str, *, many: bool = False
) -> list[str]:
    """The files the clerk chose (empty when cancelled)."""
    if _next:
        paths = _next.pop(0)
    elif not message._interactive:
        paths = []
    elif many:
        paths, _ = QFileDialog.getOpenFileNames(parent, caption, _folder(purpose), name_filter)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, caption, _folder(purpose), name_filter)
        paths = [path] if path else []
    _remember(purpose, paths)
    return paths
