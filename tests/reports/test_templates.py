"""Templates clerks edit: the edited copy wins, "restore the default" brings the shipped one
back, placeholders split by Word over several runs still work, and a broken template is
refused with a Vietnamese message naming the placeholder."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document

from desktop.reports.make_templates import KET_QUA, build_template, write_reproducibly
from desktop.reports.templates import (
    TemplateError,
    default_template,
    edit_copy,
    restore_default,
    template_for,
    user_template,
)
from desktop.services.report_ket_qua import KetQuaOptions, export_ket_qua

from . import report_support as rs


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = rs.demo_db(tmp_path_factory.mktemp("tpl") / "demo.sqlite3", orgs=100)
    yield db
    db.close()


def rewrite(src: Path, dst: Path, change: Callable[[str], str]) -> None:
    """Copy a .docx, changing the XML of its body."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def export(demo, path: Path) -> str:  # type: ignore[no-untyped-def]
    export_ket_qua(demo, rs.document_id(demo, "01-CT/TU"), path, KetQuaOptions(number="3"))
    return rs.all_text(Document(str(path)))


def test_shipped_template_is_what_the_generator_makes(tmp_path: Path) -> None:
    shipped = Document(str(default_template("ket-qua")))
    assert [p.text for p in shipped.paragraphs] == [t for _, t in KET_QUA]
    fresh = tmp_path / "ket-qua.docx"
    write_reproducibly(build_template(KET_QUA), fresh)  # byte for byte: not stale
    assert fresh.read_bytes() == default_template("ket-qua").read_bytes()


def test_edited_copy_takes_precedence_and_restore_brings_the_default_back(
        data_dir: Path, demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert template_for("ket-qua").is_user_copy is False
    copy = edit_copy("ket-qua")
    assert copy == user_template("ket-qua") and copy.parent == data_dir / "templates"
    rewrite(default_template("ket-qua"), copy,
            lambda xml: xml.replace("Không có.", "Đề nghị Thường trực Tỉnh ủy {{ don_vi }}."))
    assert template_for("ket-qua").is_user_copy
    text = export(demo, tmp_path / "edited.docx")
    assert "Đề nghị Thường trực Tỉnh ủy Ban Tuyên giáo và Dân vận Tỉnh ủy Hà Sơn." in text

    assert restore_default("ket-qua") is True
    assert not copy.exists() and copy.with_name("ket-qua.docx.bak").is_file()
    assert restore_default("ket-qua") is False
    text = export(demo, tmp_path / "default.docx")
    assert "Đề nghị Thường trực" not in text and "Không có." in text


def test_a_placeholder_split_over_runs_still_works(data_dir: Path, demo, tmp_path: Path
                                                   ) -> None:  # type: ignore[no-untyped-def]
    split = '{{ don</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">_vi }}'
    rewrite(default_template("ket-qua"), user_template("ket-qua"),
            lambda xml: xml.replace("{{ don_vi }}", split))
    text = export(demo, tmp_path / "split.docx")
    assert "{{" not in text and "don_vi" not in text
    assert "Ban Tuyên giáo và Dân vận Tỉnh ủy Hà Sơn báo cáo kết quả" in text


@pytest.mark.parametrize(("before", "after", "named"), [
    ("{{ don_vi }}", "{{ don_vi_moi }}", "{{ don_vi_moi }}"),
    ("{{ don_vi }}", "{{ don_vi", "{{ don_vi"),
    ("{{ don_vi }}", "{{ don vi }}", "{{ don vi }}"),
    ("{{ don_vi }}", "{% if x %}", "{% if x %}"),
    ("{{ khoi_ky }}", "Xem {{ khoi_ky }}", "{{ khoi_ky }}"),
    ("{{ phu_luc }}", "phụ lục", "{{ phu_luc }}"),
])
def test_a_broken_template_names_the_placeholder(data_dir: Path, demo, tmp_path: Path,
                                                 before: str, after: str, named: str
                                                 ) -> None:  # type: ignore[no-untyped-def]
    rewrite(default_template("ket-qua"), user_template("ket-qua"),
            lambda xml: xml.replace(before, after, 1))
    out = tmp_path / "out.docx"
    out.write_bytes(b"old")
    with pytest.raises(TemplateError) as info:
        export(demo, out)
    message = info.value.message
    assert named in message and "ket-qua.docx" in message
    assert "Khôi phục mẫu mặc định" in message
    assert out.read_bytes() == b"old"  # nothing written


def test_a_template_that_is_not_a_docx(data_dir: Path, demo, tmp_path: Path
                                       ) -> None:  # type: ignore[no-untyped-def]
    user_template("ket-qua").parent.mkdir(parents=True)
    user_template("ket-qua").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(TemplateError, match="không phải tệp Word"):
        export(demo, tmp_path / "x.docx")
