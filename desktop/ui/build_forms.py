"""Rebuild the generated files: ``forms/*.ui`` → ``desktop/ui/forms/ui_*.py``, and translations.

    python -m desktop.ui.build_forms            # compile forms and the .qm files
    python -m desktop.ui.build_forms --lupdate  # also refresh the .ts from the sources first
    python -m desktop.ui.build_forms --lupdate --fill vi.tsv   # and fill translations from a
                                                # tab-separated file: context, source, translation

After ``--lupdate``, translate the new messages in Qt Linguist
(``pyside6-linguist resources/translations/theodoi_vi.ts``); the test suite fails while a
message is untranslated.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORMS_DIR = ROOT / "forms"
GENERATED_DIR = ROOT / "desktop" / "ui" / "forms"
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
TS_FILES = (TRANSLATIONS_DIR / "theodoi_vi.ts",)


def tool(name: str) -> str:
    """The ``pyside6-<name>`` wrapper of this interpreter's environment (or on the PATH)."""
    suffix = ".exe" if sys.platform == "win32" else ""
    beside = Path(sys.executable).parent / f"pyside6-{name}{suffix}"
    if beside.is_file():
        return str(beside)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise FileNotFoundError(f"pyside6-{name} not found (is PySide6 installed?)")


def generated_path(ui_file: Path) -> Path:
    return GENERATED_DIR / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, output: Path) -> None:
    subprocess.run([tool("uic"), str(ui_file), "-o", str(output)], check=True)


def translation_sources() -> list[Path]:
    """Every file whose strings go into the .ts (the generated forms are covered by the .ui)."""
    sources = [ROOT / "desktop" / "app.py"]
    for folder in (ROOT / "desktop" / "ui", ROOT / "desktop" / "tasks"):
        sources += [p for p in sorted(folder.rglob("*.py")) if GENERATED_DIR not in p.parents]
    sources += sorted(FORMS_DIR.glob("*.ui"))
    return sources


def run_lupdate(ts_file: Path, *, quiet: bool = False) -> None:
    sources = [str(p) for p in translation_sources()]
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", "-source-language", "en",
         "-target-language", ts_file.stem.rsplit("_", 1)[-1], *sources, "-ts", str(ts_file)],
        check=True, capture_output=quiet,
    )


def run_lrelease(ts_file: Path) -> Path:
    qm = ts_file.with_suffix(".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm)], check=True)
    return qm


def fill_translations(ts_file: Path, table: Path) -> int:
    """Set the translation of each (context, source) listed in ``table`` (UTF-8, tab-separated).

    Read and written in one go, so several people adding strings at once lose nothing that
    lupdate already merged. Returns how many messages were filled.
    """
    import xml.etree.ElementTree as ET

    wanted: dict[tuple[str, str], str] = {}
    for number, line in enumerate(table.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise SystemExit(f"{table}:{number}: expected context<TAB>source<TAB>translation")
        context, source, translation = (p.replace("\\n", "\n") for p in parts)
        wanted[(context, source)] = translation
    tree = ET.parse(ts_file)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            key = (name, message.findtext("source", ""))
            if key in wanted:
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.text = wanted[key]
                translation.attrib.pop("type", None)
                filled += 1
    with open(ts_file, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="unicode", xml_declaration=False)
        out.write("\n")
    return filled


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.build_forms",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", action="store_true",
                        help="refresh the .ts files from the sources before compiling them")
    parser.add_argument("--fill", type=Path, metavar="TSV",
                        help="fill translations from context<TAB>source<TAB>translation lines")
    args = parser.parse_args(argv)
    GENERATED_DIR.mkdir(parents=True, exist_ok=True)
    for ui_file in sorted(FORMS_DIR.glob("*.ui")):
        compile_form(ui_file, generated_path(ui_file))
        print(f"{ui_file.relative_to(ROOT)} -> {generated_path(ui_file).relative_to(ROOT)}")
    for ts_file in TS_FILES:
        if args.lupdate:
            run_lupdate(ts_file)
        if args.fill:
            print(f"{fill_translations(ts_file, args.fill)} translations filled")
        qm = run_lrelease(ts_file)
        print(f"{ts_file.relative_to(ROOT)} -> {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
