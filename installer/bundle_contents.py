"""What goes into the one-folder bundle, and what is left out (read by ``theodoi.spec``).

Kept: the Qt modules the application imports (QtCore, QtGui, QtWidgets, QtSvg for the icons,
QtPrintSupport for printing), the platform plugins, the image formats it reads (SVG, PNG, ICO),
and the data files: icons, compiled translations (.qm), Word templates, format profiles and the
Alembic migration scripts (Alembic loads them by path, so they travel as files).

Left out, each for a reason written below (``installer/README.md`` has the table): everything
of Qt that draws with QML or a browser engine, talks to hardware or the network, and the
Python packages only the tests and the developer tools use.
"""

from __future__ import annotations

from pathlib import Path

#: Python modules never bundled (PyInstaller ``excludes``).
EXCLUDED_MODULES = [
    # Qt: a browser engine (≈ 200 MB), QML/Quick, 3D, charts (QtCharts is deprecated; our
    # charts are QPainter), multimedia, networking (the program works offline; PostgreSQL is
    # reached through psycopg, not Qt), sensors, serial ports, Bluetooth, positioning, SQL
    # drivers (SQLAlchemy talks to the databases), designer and help tools.
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DExtras", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DAnimation", "PySide6.QtQuick3D",
    "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtSpatialAudio",
    "PySide6.QtNetwork", "PySide6.QtNetworkAuth", "PySide6.QtHttpServer",
    "PySide6.QtBluetooth", "PySide6.QtNfc", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtSerialBus",
    "PySide6.QtSql", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtScxml", "PySide6.QtStateMachine", "PySide6.QtTest", "PySide6.QtRemoteObjects",
    "PySide6.QtTextToSpeech", "PySide6.QtAxContainer", "PySide6.QtConcurrent",
    # Python: GUI toolkits we do not use, the test and developer tools
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "ruff", "pip", "IPython",
    "matplotlib", "numpy", "PIL",
]

#: Qt plugin folders kept (everything else under ``plugins/`` is dropped).
QT_PLUGINS_KEPT = {
    "platforms",  # windows / xcb / wayland / offscreen: how Qt opens a window at all
    "platformthemes",  # native file dialogs on Linux desktops
    "styles",  # the Windows 11 / Vista styles
    "imageformats",  # SVG icons, PNG, ICO
    "iconengines",  # QIcon from SVG
    "printsupport",  # the Windows print dialog backend
    "xcbglintegrations",  # X11 needs it to create a window
    "wayland-shell-integration", "wayland-decoration-client",
    "wayland-graphics-integration-client",
}

#: Qt libraries (file names contain these) never needed even when a hook collects them.
_QT_LIBS_DROPPED = (
    "WebEngine", "Qml", "Quick", "Qt63D", "Qt6Charts", "Qt6Multimedia", "Qt6Pdf",
    "Qt6Designer", "Qt6VirtualKeyboard", "Qt6Graphs", "Qt6DataVisualization",
    "Qt6Location", "Qt6Positioning", "Qt6Sensors", "Qt6ShaderTools", "Qt6Test",
)
_IMAGE_FORMATS_KEPT = ("qsvg", "qico", "qjpeg", "qgif")  # PNG is built into QtGui


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs of the application's data files."""
    resources = root / "resources"
    pairs: list[tuple[str, str]] = []

    def add(pattern_root: Path, pattern: str, dest: str) -> None:
        for path in sorted(pattern_root.glob(pattern)):
            if path.is_file():
                pairs.append((str(path), dest))

    add(resources / "icons", "*.svg", "resources/icons")
    add(resources / "icons", "*.ico", "resources/icons")
    add(resources / "translations", "*.qm", "resources/translations")
    for sub in ("templates", "formats"):
        folder = resources / sub
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.startswith((".", "~$")):
                rel = path.parent.relative_to(resources)
                pairs.append((str(path), f"resources/{rel.as_posix()}"))
    migrations = root / "desktop" / "store" / "migrations"
    add(migrations, "*.py", "desktop/store/migrations")
    add(migrations, "*.mako", "desktop/store/migrations")
    add(migrations / "versions", "*.py", "desktop/store/migrations/versions")
    return pairs


def _dropped(dest: str) -> bool:
    parts = Path(dest).parts
    if "plugins" in parts:
        i = parts.index("plugins")
        if len(parts) > i + 1:
            kind = parts[i + 1]
            if kind not in QT_PLUGINS_KEPT:
                return True
            if kind == "imageformats" and not Path(dest).name.lower().startswith(
                    tuple(f"{n}" for n in _IMAGE_FORMATS_KEPT)) \
                    and not Path(dest).name.lower().startswith(
                        tuple(f"lib{n}" for n in _IMAGE_FORMATS_KEPT)):
                return True
    if "qml" in (p.lower() for p in parts):
        return True
    if "translations" in parts and "PySide6" in parts:
        # Qt's own translations: only Vietnamese would be used, and Qt ships none
        return not Path(dest).name.startswith("qtbase_vi")
    name = Path(dest).name
    return any(token in name for token in _QT_LIBS_DROPPED)


def prune_qt(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The TOC without the Qt plugins and libraries the application never loads."""
    return [entry for entry in toc if not _dropped(entry[0])]
