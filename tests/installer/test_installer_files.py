"""The Windows delivery files, checked on any machine: what the bundle takes and leaves, the
version resource, the NSIS script (compiled with makensis around a stand-in payload), the
portable marker and the self-test of the program itself."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import config
from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


contents = _load("bundle_contents")
build = _load("build")


def _makensis() -> str:
    found = shutil.which("makensis")
    if found is None:
        message = "makensis (NSIS) is not installed"
        if IN_CI:
            pytest.fail(message + " (mandatory in CI: .ci/run installs nsis)")
        pytest.skip(message)
    return found


def test_the_bundle_takes_every_data_file_the_program_reads() -> None:
    pairs = contents.data_files(ROOT)
    by_dest: dict[str, set[str]] = {}
    for source, dest in pairs:
        assert Path(source).is_file()
        by_dest.setdefault(dest, set()).add(Path(source).name)
    versions = by_dest["desktop/store/migrations/versions"]
    assert {p.name for p in (ROOT / "desktop/store/migrations/versions").glob("*.py")} <= versions
    assert {"env.py", "script.py.mako"} <= by_dest["desktop/store/migrations"]
    assert "app.svg" in by_dest["resources/icons"] and "app.ico" in by_dest["resources/icons"]
    for folder in ("formats", "templates"):
        shipped = {p.name for p in (ROOT / "resources" / folder).rglob("*") if p.is_file()}
        assert shipped and shipped <= set().union(
            *(names for dest, names in by_dest.items() if dest.startswith(f"resources/{folder}")))


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/imageformats/qsvg.dll", True),
    ("PySide6/Qt/plugins/imageformats/libqico.so", True),
    ("PySide6/Qt/plugins/imageformats/qtiff.dll", False),
    ("PySide6/Qt/plugins/sqldrivers/qsqlite.dll", False),
    ("PySide6/Qt/plugins/multimedia/ffmpegmediaplugin.dll", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt6WebEngineCore.dll", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt6Svg.dll", True),
    ("PySide6/translations/qtbase_de.qm", False),
])
def test_qt_parts_the_program_never_loads_are_left_out(dest: str, kept: bool) -> None:
    assert contents.prune_qt([(dest, "/src/" + dest, "BINARY")]) == (
        [(dest, "/src/" + dest, "BINARY")] if kept else [])


def test_the_version_resource_carries_the_project_version() -> None:
    text = build.version_file(build.version()).read_text(encoding="utf-8")
    numbers = ", ".join(str(int(p)) for p in build.version().split(".")) + ", 0"
    assert f"filevers=({numbers}" in text and "Theo dõi Chỉ thị" in text
    assert "0x042a" in text  # Vietnamese


@pytest.mark.parametrize("portable", [False, True])
def test_the_nsis_script_compiles(tmp_path: Path, portable: bool) -> None:
    makensis = _makensis()
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "theodoi.exe").write_bytes(b"stand-in")
    (payload / "theodoi-cli.exe").write_bytes(b"stand-in")
    (payload / "_internal" / "Tài liệu.txt").write_text("tiếng Việt", encoding="utf-8")
    out = tmp_path / ("portable.exe" if portable else "TheoDoiChiThi-setup.exe")
    command = [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8", "-DVERSION=1.2.3",
               f"-DPAYLOAD={payload}", f"-DOUTFILE={out}",
               f"-DICON={ROOT / 'resources' / 'icons' / 'app.ico'}",
               *(["-DPORTABLE"] if portable else []), str(INSTALLER / "theodoi.nsi")]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr  # -WX: a warning fails too
    data = out.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 30_000


def test_the_nsis_script_keeps_data_and_installs_per_user() -> None:
    script = (INSTALLER / "theodoi.nsi").read_text(encoding="utf-8")
    assert "MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER" in script  # no administrator rights
    assert 'MUI_LANGUAGE "Vietnamese"' in script
    # the data folder is removed only by the optional, unselected section
    removal = [line for line in script.splitlines() if "${DATA_DIR_NAME}" in line
               and line.strip().startswith("RMDir")]
    assert len(removal) == 1
    assert 'Section /o "un.Xóa cả dữ liệu' in script
    assert config.APP_NAME in script  # the data folder name is the program's


def test_a_portable_copy_keeps_its_data_beside_the_program(tmp_path: Path) -> None:
    exe = tmp_path / "TheoDoiChiThi" / "theodoi.exe"
    exe.parent.mkdir()
    exe.write_bytes(b"")
    assert config.portable_dir(str(exe)) is None
    (exe.parent / config.PORTABLE_MARKER).write_text("x", encoding="utf-8")
    assert config.portable_dir(str(exe)) == exe.parent / "DuLieu"
    assert config.portable_dir() is None  # running from source: never portable


def test_the_self_test_passes_from_source(tmp_path: Path) -> None:
    """``theodoi --selftest`` in its own process (it sets process-wide Qt settings paths),
    from a folder outside the source tree."""
    from desktop import selftest

    done = subprocess.run([sys.executable, "-m", "desktop", "--selftest"], cwd=tmp_path,
                          capture_output=True, text=True, encoding="utf-8", timeout=180,
                          check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("OK ") == len(selftest.STEPS)
    assert "LỖI" not in done.stdout
    assert list(tmp_path.iterdir()) == []  # nothing left behind
