"""The frozen build, end to end: PyInstaller builds the Linux one-folder bundle from
``installer/theodoi.spec``, the bundle's ``theodoi --selftest`` passes from a folder outside the
source tree, and ``makensis`` compiles the installer around that bundle (a stand-in payload:
the Windows bundle is built by the Windows workflow, ``.github/workflows/windows.yml``).

It takes two to three minutes, so it runs in CI (``CI=true``) and when asked
(``THEODOI_TEST_BUNDLE=1``); elsewhere it is skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
WANTED = IN_CI or os.environ.get("THEODOI_TEST_BUNDLE") == "1"

pytestmark = pytest.mark.skipif(
    not WANTED, reason="builds the frozen bundle (2–3 min): runs with CI=true or "
    "THEODOI_TEST_BUNDLE=1")


def test_the_frozen_bundle_passes_its_self_test_and_packs_into_the_installer(
    tmp_path: Path,
) -> None:
    out = tmp_path / "build.log"
    command = [sys.executable, str(ROOT / "installer" / "build.py"), "--selftest",
               "--installer", "--portable", "--fast-compress"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if shutil.which("makensis") is None:
        pytest.fail("makensis (NSIS) is not installed; .ci/run installs it")
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=900, check=False)
    out.write_text(done.stdout + done.stderr, encoding="utf-8")
    print(done.stdout[-3000:])  # the size line and the self-test lines, in the CI log
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    assert "Tự kiểm tra: cả 5 bước đều đạt" in done.stdout
    bundle = ROOT / "build" / "dist" / "TheoDoiChiThi"
    assert (bundle / "theodoi").is_file() and (bundle / "theodoi-cli").is_file()
    setups = sorted((ROOT / "build").glob("TheoDoiChiThi-*-setup.exe"))
    portables = sorted((ROOT / "build").glob("TheoDoiChiThi-*-portable.exe"))
    assert setups and portables
    assert setups[-1].read_bytes()[:2] == b"MZ"
    # the console program works from the bundle too
    cli = subprocess.run([str(bundle / "theodoi-cli"), "--help"], cwd=tmp_path,
                         capture_output=True, text=True, encoding="utf-8", timeout=120,
                         check=False)
    assert cli.returncode == 0 and "theodoi-cli" in cli.stdout
