"""Build the one-folder bundle and the installer: ``uv run python installer/build.py``.

Steps (each prints what it did; any failure stops with exit code 1):

1. compile the translations (.ts → .qm) so the bundle needs no Qt tools;
2. on Windows, write the version-information resource from ``pyproject.toml``;
3. run PyInstaller with ``installer/theodoi.spec`` into ``build/dist/TheoDoiChiThi``;
4. report the bundle's size against the budget (150 MB unpacked on Windows);
5. ``--selftest``: copy nothing, but run the bundle's ``theodoi --selftest`` from a temporary
   working folder outside the source tree;
6. ``--installer``: compile ``installer/theodoi.nsi`` with ``makensis`` (NSIS; Windows or
   Linux) into ``build/TheoDoiChiThi-<version>-setup.exe`` — the portable variant with
   ``--portable``;
7. signing, when a certificate is configured: ``THEODOI_SIGN_PFX`` (path to a .pfx) and
   ``THEODOI_SIGN_PASSWORD``; ``signtool`` on Windows, ``osslsigncode`` elsewhere; the
   executables are signed before the installer is built, then the installer itself.

Options: ``--skip-bundle`` (reuse an existing bundle, e.g. to rebuild only the installer),
``--payload DIR`` (build the installer around another folder — CI on Linux uses the Linux
bundle as a stand-in payload, since only the script is under test there).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "theodoi.spec"
NSI = ROOT / "installer" / "theodoi.nsi"
BUILD = ROOT / "build"
DIST = BUILD / "dist"
BUNDLE = DIST / "TheoDoiChiThi"
WINDOWS = sys.platform == "win32"
BUDGET_MB = 150  # unpacked Windows bundle; see installer/README.md
GUI_EXE = "theodoi.exe" if WINDOWS else "theodoi"
CLI_EXE = "theodoi-cli.exe" if WINDOWS else "theodoi-cli"


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def say(text: str) -> None:
    print(f"== {text}", flush=True)


def compile_translations() -> None:
    from desktop.ui import i18n

    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not i18n.compile_ts(ts, qm):
            raise SystemExit(f"could not compile {ts.name} (lrelease missing?)")
        say(f"{ts.name} → {qm.name} ({qm.stat().st_size:,} bytes)")


def version_file(ver: str) -> Path:
    """A PyInstaller version-information file (shown in Explorer's Properties → Details)."""
    parts = [int(p) for p in ver.split(".")[:4] if p.isdigit()]
    parts += [0] * (4 - len(parts))
    numbers = ", ".join(str(p) for p in parts)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers}), mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('042a04b0', [
      StringStruct('CompanyName', 'Theo dõi Chỉ thị'),
      StringStruct('FileDescription', 'Theo dõi Chỉ thị — theo dõi thực hiện văn bản'),
      StringStruct('FileVersion', '{ver}'),
      StringStruct('InternalName', 'theodoi'),
      StringStruct('LegalCopyright', 'Theo dõi Chỉ thị'),
      StringStruct('OriginalFilename', 'theodoi.exe'),
      StringStruct('ProductName', 'Theo dõi Chỉ thị'),
      StringStruct('ProductVersion', '{ver}')])]),
    VarFileInfo([VarStruct('Translation', [0x042a, 1200])])
  ]
)
"""
    path = BUILD / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_pyinstaller(ver: str) -> None:
    env = dict(os.environ)
    if WINDOWS:
        env["THEODOI_VERSION_FILE"] = str(version_file(ver))
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
               "--log-level", "WARN", "--distpath", str(DIST),
               "--workpath", str(BUILD / "work"), str(SPEC)]
    say(" ".join(command[2:]))
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def report_size(folder: Path, *, enforce: bool = WINDOWS) -> int:
    """Print the bundle's size; on Windows a bundle over the budget fails the build."""
    size = folder_size(folder)
    mb = size / 1e6
    verdict = "within" if mb <= BUDGET_MB else "OVER"
    note = "" if WINDOWS else " (a Linux bundle; the budget is for the Windows one)"
    say(f"bundle {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}: "
        f"{mb:.1f} MB, {sum(1 for _ in folder.rglob('*'))} files — {verdict} the "
        f"{BUDGET_MB} MB budget{note}")
    if enforce and mb > BUDGET_MB:
        raise SystemExit(f"the bundle is {mb:.1f} MB, over the {BUDGET_MB} MB budget: see "
                         "installer/README.md for what is excluded and why")
    return size


def selftest(folder: Path) -> None:
    exe = folder / GUI_EXE
    with tempfile.TemporaryDirectory(prefix="theodoi-bundle-test-") as work:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        say(f"{exe.name} --selftest (in {work})")
        done = subprocess.run([str(exe), "--selftest"], cwd=work, env=env, check=False,
                              capture_output=True, text=True, encoding="utf-8", timeout=300)
        print(done.stdout, end="")
        if done.returncode != 0:
            print(done.stderr, end="", file=sys.stderr)
            raise SystemExit(f"the bundle's self-test failed (exit {done.returncode})")


def sign(paths: list[Path]) -> None:
    pfx = os.environ.get("THEODOI_SIGN_PFX")
    if not pfx:
        say("not signed (THEODOI_SIGN_PFX is not set)")
        return
    password = os.environ.get("THEODOI_SIGN_PASSWORD", "")
    timestamp = os.environ.get("THEODOI_SIGN_TIMESTAMP", "http://timestamp.digicert.com")
    for path in paths:
        if WINDOWS:
            command = ["signtool", "sign", "/fd", "SHA256", "/f", pfx, "/p", password,
                       "/tr", timestamp, "/td", "SHA256", str(path)]
        else:
            signed = path.with_suffix(path.suffix + ".signed")
            command = ["osslsigncode", "sign", "-pkcs12", pfx, "-pass", password,
                       "-h", "sha256", "-ts", timestamp, "-in", str(path), "-out", str(signed)]
        subprocess.run(command, check=True)
        if not WINDOWS:
            os.replace(signed, path)
        say(f"signed {path.name}")


def build_installer(payload: Path, ver: str, *, portable: bool, fast: bool = False) -> Path:
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis not found: install NSIS (Windows: https://nsis.sf.net; "
                         "Debian/Ubuntu: apt install nsis)")
    suffix = "portable" if portable else "setup"
    out = BUILD / f"TheoDoiChiThi-{ver}-{suffix}.exe"
    out.parent.mkdir(parents=True, exist_ok=True)
    defines = [f"-DVERSION={ver}", f"-DPAYLOAD={payload}", f"-DOUTFILE={out}",
               f"-DICON={ROOT / 'resources' / 'icons' / 'app.ico'}"]
    if portable:
        defines.append("-DPORTABLE")
    if fast:
        defines.append("-DFASTCOMPRESS")
    command = [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8", *defines, str(NSI)]
    say(" ".join(Path(c).name if i == 0 else c for i, c in enumerate(command)))
    subprocess.run(command, check=True)
    say(f"{out.name}: {out.stat().st_size / 1e6:.1f} MB")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-bundle", action="store_true")
    parser.add_argument("--selftest", action="store_true")
    parser.add_argument("--installer", action="store_true")
    parser.add_argument("--portable", action="store_true")
    parser.add_argument("--payload", type=Path)
    parser.add_argument("--fast-compress", action="store_true",
                        help="zlib instead of solid LZMA (tests: the script is what is checked)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    ver = version()
    if not args.skip_bundle:
        compile_translations()
        run_pyinstaller(ver)
    bundle = args.payload or BUNDLE
    if not bundle.is_dir():
        raise SystemExit(f"no bundle at {bundle}")
    report_size(bundle)
    if args.selftest:
        selftest(bundle)
    if args.installer or args.portable:
        if WINDOWS:  # the programs are signed before they go into the installer
            sign([p for p in (bundle / GUI_EXE, bundle / CLI_EXE) if p.exists()])
        for portable in ([False] if args.installer else []) + ([True] if args.portable else []):
            sign([build_installer(bundle, ver, portable=portable, fast=args.fast_compress)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
