"""Attachments on real files, on SQLite and PostgreSQL: copied beside the data with a
Vietnamese name, checked by SHA-256 when handed out, refused above 100 MB."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import NotFoundError, ValidationError
from desktop.services.attachments import (
    MAX_NAME_BYTES,
    MAX_SIZE,
    AttachmentChangedError,
    AttachmentMissingError,
    add_attachment,
    attachment_path,
    data_folder,
    list_attachments,
    remove_attachment,
    sanitise_file_name,
)
from desktop.services.database import Database
from desktop.services.document_register import (
    DocumentInput,
    create_document,
    delete_document,
    get_document,
)
from desktop.store import models as m

NAME = "Chỉ thị 15-CT_TU về mạng xã hội (bản quét).pdf"


@pytest.fixture
def folder(db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder: beside the SQLite file, or THEODOI_DATA_DIR for PostgreSQL."""
    monkeypatch.setenv("THEODOI_DATA_DIR", str(tmp_path / "Dữ liệu chung"))
    return data_folder(db)


@pytest.fixture
def doc_id(db: Database) -> int:
    with db.transaction() as s:
        body = m.IssuingBody(name="TỈNH ỦY HÀ SƠN", symbol="TU", regime="party")
        s.add(body)
        s.flush()
        body_id = body.id
    return create_document(db, DocumentInput("CT", "15", "CT/TU", date(2026, 2, 5), body_id,
                                             "về mạng xã hội")).id


def _source(tmp_path: Path, name: str = NAME, data: bytes = b"%PDF-1.7 ban quet\n" * 1000
            ) -> Path:
    src = tmp_path / "Tài liệu gốc" / name
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_bytes(data)
    return src


def test_add_copies_beside_the_data_and_hands_the_file_back(
    db: Database, folder: Path, doc_id: int, tmp_path: Path
) -> None:
    src = _source(tmp_path)
    original = src.read_bytes()
    if db.dialect == "sqlite":
        assert folder == Path(str(db.location)).parent
    else:
        assert folder == tmp_path / "Dữ liệu chung"
    row = add_attachment(db, doc_id, src, "Bản quét có chữ ký")
    assert row.rel_path == f"attachments/2026/{doc_id}/{NAME}"
    assert row.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    assert row.size == src.stat().st_size and row.original_name == NAME
    path = attachment_path(db, row.id)
    assert path == folder / "attachments" / "2026" / str(doc_id) / NAME
    assert path.read_bytes() == src.read_bytes()
    assert [a.id for a in list_attachments(db, doc_id)] == [row.id]
    assert get_document(db, doc_id).attachments == (row,)
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    # the same name again gets a suffix; the first stays as it was
    second = add_attachment(db, doc_id, _source(tmp_path, data=b"other"))  # same source name
    assert second.rel_path.endswith("(bản quét) (2).pdf")
    assert attachment_path(db, row.id).read_bytes() == original
    assert attachment_path(db, second.id).read_bytes() == b"other"


def test_a_changed_or_missing_file_is_never_handed_out(
    db: Database, folder: Path, doc_id: int, tmp_path: Path
) -> None:
    row = add_attachment(db, doc_id, _source(tmp_path))
    path = attachment_path(db, row.id)
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF  # same size, one byte different
    path.write_bytes(bytes(data))
    with pytest.raises(AttachmentChangedError) as info:
        attachment_path(db, row.id)
    assert "SHA-256 không khớp" in info.value.message and NAME in info.value.message
    path.unlink()
    with pytest.raises(AttachmentMissingError) as info:
        attachment_path(db, row.id)
    assert "Không tìm thấy tệp đính kèm" in info.value.message
    with pytest.raises(NotFoundError):
        attachment_path(db, 9999)


def test_too_big_and_missing_sources_are_refused(
    db: Database, folder: Path, doc_id: int, tmp_path: Path
) -> None:
    big = tmp_path / "Phim hội nghị.mp4"
    with big.open("wb") as f:  # sparse: takes no disk space
        f.truncate(MAX_SIZE + 1)
    with pytest.raises(ValidationError) as info:
        add_attachment(db, doc_id, big)
    assert "quá giới hạn 100 MB" in info.value.message and "100,0 MB" in info.value.message
    with pytest.raises(ValidationError) as info:
        add_attachment(db, doc_id, tmp_path / "không có.pdf")
    assert "Không tìm thấy tệp" in info.value.message
    with pytest.raises(NotFoundError):
        add_attachment(db, 9999, _source(tmp_path))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Attachment)) == 0
    assert not (folder / "attachments").exists() or not any(
        p.is_file() for p in (folder / "attachments").rglob("*"))


def test_remove_deletes_the_file_and_empty_folders(
    db: Database, folder: Path, doc_id: int, tmp_path: Path
) -> None:
    row = add_attachment(db, doc_id, _source(tmp_path))
    path = attachment_path(db, row.id)
    remove_attachment(db, row.id)
    assert not path.exists() and not path.parent.exists()
    assert (folder / "attachments").is_dir()
    assert list_attachments(db, doc_id) == []
    with pytest.raises(NotFoundError):
        remove_attachment(db, row.id)


def test_deleting_the_document_deletes_its_files(
    db: Database, folder: Path, doc_id: int, tmp_path: Path
) -> None:
    row = add_attachment(db, doc_id, _source(tmp_path))
    path = attachment_path(db, row.id)
    delete_document(db, doc_id, get_document(db, doc_id).version)
    assert not path.exists()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Attachment)) == 0


@pytest.mark.parametrize(("name", "safe"), [
    ("Báo cáo.docx", "Báo cáo.docx"),
    ("Ba\u0301o ca\u0301o.docx", "Báo cáo.docx"),  # NFD from a Mac or a zip
    ('a<b>:c"d|e?f*.pdf', "a_b__c_d_e_f_.pdf"),
    ("CON.txt", "_CON.txt"),
    ("lpt1", "_lpt1"),
    ("tên cuối có dấu chấm. . .", "tên cuối có dấu chấm"),
    ("   ", "tep-dinh-kem"),
    ("..", "tep-dinh-kem"),
    (".pdf", "pdf"),
    ("C:\\Users\\văn thư\\Kế hoạch.xlsx", "Kế hoạch.xlsx"),
    ("thư\x00mục\tmới.pdf", "thư_mục_mới.pdf"),
])
def test_sanitised_names(name: str, safe: str) -> None:
    assert sanitise_file_name(name) == safe


def test_long_names_fit_the_file_system() -> None:
    name = "Nghị quyết về tăng cường công tác " * 20 + ".pdf"
    safe = sanitise_file_name(name)
    assert safe.endswith(".pdf") and len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert os.path.basename(safe) == safe
