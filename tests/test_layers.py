"""The layering rule: the Qt-free layers never import Qt or the layers above them.

    domain <- store <- services <- tasks <- ui;  reports are pure writers;  cli -> services

Imports are read with ``ast`` (also those inside functions), so a lazy import cannot hide.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"
QT_FREE = ("domain", "store", "services", "reports")
FORBIDDEN_BELOW_UI = ("PySide6", "shiboken6", "desktop.ui", "desktop.tasks", "desktop.app")


def package_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])


def imported_modules(path: Path, package: str | None = None) -> set[str]:
    """Every module name ``path`` imports (absolute, with relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = package if package is not None else package_of(path)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _violations(
    paths: list[Path], forbidden: tuple[str, ...], package: str | None = None
) -> list[str]:
    found = []
    for path in paths:
        for name in sorted(imported_modules(path, package)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.name} imports {name}")
    return found


@pytest.mark.parametrize("layer", QT_FREE)
def test_qt_free_layers_import_no_qt_and_nothing_above_them(layer: str) -> None:
    paths = sorted((DESKTOP / layer).rglob("*.py"))
    assert _violations(paths, FORBIDDEN_BELOW_UI) == []


def test_cli_imports_no_ui() -> None:
    paths = sorted((DESKTOP / "cli").rglob("*.py"))
    assert paths, "the command line package moved?"
    assert _violations(paths, FORBIDDEN_BELOW_UI) == []


def test_tasks_import_no_ui() -> None:
    paths = sorted((DESKTOP / "tasks").rglob("*.py"))
    assert _violations(paths, ("desktop.ui", "desktop.app")) == []


def test_the_checker_sees_lazy_and_relative_imports(tmp_path: Path) -> None:
    module = DESKTOP / "services" / "documents.py"
    assert "desktop.services.database" in imported_modules(module)
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from PySide6 import QtCore\n    from ..ui import x\n",
                     encoding="utf-8")
    assert _violations([probe], FORBIDDEN_BELOW_UI, package="desktop.services") == [
        "probe.py imports PySide6",
        "probe.py imports PySide6.QtCore",
        "probe.py imports desktop.ui",
        "probe.py imports desktop.ui.x",
    ]


def test_cli_and_services_load_without_pyside() -> None:
    code = (
        "import sys, desktop.cli, desktop.services.stats, desktop.services.documents, "
        "desktop.services.organisations\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', "
        "'desktop.ui', 'desktop.tasks')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
