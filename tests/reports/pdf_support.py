"""LibreOffice → PDF → text/PNG helpers for the Word output tests (reused by every output).

``soffice`` runs headless with a private profile folder (never the user's), several files in
one call to amortise its ~1 s start. Without ``soffice`` the PDF tests skip — except in CI
(``CI=true``), where they fail, as the PostgreSQL tests do (tests/conftest.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_soffice() -> str:
    """The ``soffice`` executable; skip (fail in CI) when LibreOffice is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    tools = found and shutil.which("pdftotext") and shutil.which("pdfinfo")
    if not tools:
        message = "LibreOffice (soffice) and poppler (pdftotext, pdfinfo) are needed"
        if IN_CI:
            pytest.fail(message + " (mandatory in CI)")
        pytest.skip(message)
    return str(found)


def to_pdf(docx_files: list[Path], out_dir: Path, profile_dir: Path) -> list[Path]:
    """Convert the files with one LibreOffice run; the PDFs, in the same order."""
    soffice = require_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless",
         "--norestore", "--convert-to", "pdf", "--outdir", str(out_dir),
         *map(str, docx_files)],
        check=True, capture_output=True, timeout=240,
    )
    pdfs = [out_dir / (f.stem + ".pdf") for f in docx_files]
    missing = [p.name for p in pdfs if not p.is_file()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines()
                    if line.startswith("Pages:")))


def pages_text(pdf: Path, *, layout: bool = True) -> list[str]:
    """The text of each page (pdftotext; ``layout`` keeps the columns side by side)."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def lines_of(page: str) -> list[str]:
    """Lines of a layout page, each column segment separately (split on runs of spaces)."""
    import re

    return [seg.strip() for line in page.splitlines() for seg in re.split(r"\s{3,}", line)
            if seg.strip()]


def render_png(pdf: Path, out_prefix: Path, dpi: int = 60) -> list[Path]:
    """PNG pages (pdftoppm) to look at; returns their paths."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_prefix)],
                   check=True, capture_output=True)
    return sorted(out_prefix.parent.glob(out_prefix.name + "-*.png"))
