"""Readable at 100, 125, 150 and 200 % scaling (quality.md): on the screens clerks have, every
page and tab fits and no label or button is cut. Each scale runs in a process of its own (Qt
fixes the scale at start) on an offscreen screen of the given size."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.services.database import Database

PROBE = Path(__file__).with_name("scaling_probe.py")
ROOT = Path(__file__).resolve().parents[2]

#: (physical screen, Windows scale): an office laptop, the common desktop monitors, a 4K screen
SCREENS = [
    ((1366, 768), 1.0),
    ((1920, 1080), 1.25),
    ((1920, 1080), 1.5),
    ((3840, 2160), 2.0),
]


@pytest.mark.slow
@pytest.mark.parametrize(("size", "scale"), SCREENS, ids=[f"{s[1]:.0%}" for s in SCREENS])
def test_every_page_fits_and_nothing_is_cut(
    size: tuple[int, int], scale: float, demo_db: Database, tmp_path: Path
) -> None:
    width, height = size
    # the taskbar and the title bar take about 80 px of a Windows screen
    config = {"screens": [{"name": "probe", "x": 0, "y": 0, "width": width,
                           "height": height - round(80 * scale), "logicalDpi": 96,
                           "logicalBaseDpi": 96, "dpr": 1}]}
    (tmp_path / "screen.json").write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={tmp_path / 'screen.json'}",
           "QT_SCALE_FACTOR": str(scale), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(PROBE), str(demo_db.location), str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"][0] == round(width / scale)
    assert not report["problems"], report["problems"]
    assert all((tmp_path / f"{key}.png").stat().st_size > 10_000
               for key in ("documents", "tracking", "reports"))
