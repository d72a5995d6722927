"""Windows no larger than the screen they open on.

Dialogs ask for a comfortable size (a 1,000 × 680 preview of returned forms). On a 1,920 × 1,080
monitor at 150 % scaling Windows leaves about 1,280 × 670 for windows, and a dialog taller than
that puts its buttons under the taskbar, out of reach of the mouse. :func:`resize_to_fit`
gives the size asked for, or as much of it as the screen's free area holds (less room for the
title bar), never less than the window's own minimum.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: share of the free area a window may take (the rest: title bar, frame, a little air)
WIDTH_SHARE = 0.95
HEIGHT_SHARE = 0.92


def resize_to_fit(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` × ``height``, or less on a small screen."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or window.screen() \
        or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, int(room.width() * WIDTH_SHARE))
        height = min(height, int(room.height() * HEIGHT_SHARE))
    minimum = window.minimumSizeHint()
    window.resize(max(width, minimum.width()), max(height, minimum.height()))


__all__ = ["resize_to_fit"]
