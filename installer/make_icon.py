"""Render ``resources/icons/app.svg`` into ``app.ico`` (16–256 px, PNG-compressed entries).

Run once after changing the SVG: ``uv run python installer/make_icon.py``; the .ico is kept in
git so a Windows build needs no image tools. Qt renders the SVG; the ICO container (a 6-byte
header, one 16-byte entry per size, then the PNG images) is written here — Qt's own ICO writer
stores a single size only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1] + ["-platform", "offscreen"])
    svg = ROOT / "resources" / "icons" / "app.svg"
    target = svg.with_suffix(".ico")
    target.write_bytes(ico_bytes({size: render_png(svg, size) for size in SIZES}))
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size:,} bytes, sizes {SIZES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
