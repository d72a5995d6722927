"""Icons shipped in ``resources/icons`` (SVG, so they stay sharp at 125–200 % scaling)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from desktop import config


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` (an empty icon when it is missing)."""
    path = config.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()
