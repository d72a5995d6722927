"""Files attached to a document (the scanned original, annexes), kept beside the database.

A file is copied into ``<data folder>/attachments/<yyyy>/<document id>/<name>``, where the data
folder is the folder of the SQLite file (so copying that folder moves the data and its files
together), or :func:`desktop.config.data_dir` for a PostgreSQL database. ``yyyy`` is the year
the document was issued. The database stores the path relative to the data folder (always with
"/") and the SHA-256 computed while copying; :func:`attachment_path` checks the file against it
before handing it out, so a file changed or swapped on disk is never shown as the original.

Names are kept readable (Vietnamese included) but made safe for Windows: no reserved
characters or device names, no trailing dot or space, at most ``MAX_NAME_BYTES`` bytes in UTF-8,
and a " (2)" suffix when the name is taken. Opening a file with the system viewer is the UI's
job.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import config
from desktop.domain.errors import AppError, NotFoundError, ValidationError
from desktop.domain.text import clean_line
from desktop.services.database import Database
from desktop.store import models as m
from desktop.store.engine import sqlite_path

__all__ = [
    "ATTACHMENTS_DIR",
    "MAX_SIZE",
    "AttachmentChangedError",
    "AttachmentError",
    "AttachmentMissingError",
    "AttachmentRow",
    "add_attachment",
    "attachment_path",
    "attachments_of",
    "data_folder",
    "list_attachments",
    "remove_attachment",
    "remove_files",
    "sanitise_file_name",
]

ATTACHMENTS_DIR = "attachments"
MAX_SIZE = 100 * 1024 * 1024
MAX_NAME_BYTES = 180
_CHUNK = 1024 * 1024
_FALLBACK_NAME = "tep-dinh-kem"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


class AttachmentError(AppError):
    """An attachment cannot be added or handed out as it is."""


class AttachmentMissingError(AttachmentError):
    """The attachment's file is no longer where the database says it is."""


class AttachmentChangedError(AttachmentError):
    """The attachment's file differs from the one attached (size or SHA-256)."""


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    document_id: int | None
    tracking_id: int | None
    original_name: str
    description: str
    size: int
    sha256: str
    rel_path: str
    added_at: datetime | None


def _row(a: m.Attachment) -> AttachmentRow:
    return AttachmentRow(a.id, a.document_id, a.tracking_id, a.original_name, a.description,
                         a.size, a.sha256, a.rel_path, a.added_at)


def data_folder(db: Database) -> Path:
    """The folder attachments live under: the SQLite file's folder, else the user data folder."""
    path = sqlite_path(db.engine.url.render_as_string(hide_password=False))
    return path.parent if path is not None else config.data_dir()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def sanitise_file_name(name: str) -> str:
    """A file name safe on Windows and Linux that still reads like the original."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").rsplit("/", 1)[-1]
    base = clean_line(_FORBIDDEN.sub("_", base)).strip(" .")
    if not base:
        return _FALLBACK_NAME
    stem, dot, ext = base.rpartition(".")
    if not dot or not stem or len(ext) > 16 or " " in ext:
        stem, ext = base, ""
    stem = stem.rstrip(" .") or _FALLBACK_NAME
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    suffix = f".{ext}" if ext else ""
    budget = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    while len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    return stem.rstrip(" .") + suffix


def _free_name(folder: Path, name: str) -> str:
    """``name``, or "name (2).ext" … when taken (compared ignoring case, as on Windows)."""
    taken = {p.name.casefold() for p in folder.iterdir()} if folder.is_dir() else set()
    if name.casefold() not in taken:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    n = 2
    while True:
        candidate = f"{stem} ({n}){'.' + ext if ext else ''}"
        if candidate.casefold() not in taken:
            return candidate
        n += 1


def _copy(source: Path, target: Path, shown: str) -> tuple[str, int]:
    """Copy through a temporary file in the target folder; (SHA-256, size)."""
    digest = hashlib.sha256()
    size = 0
    tmp = target.with_name(f".{uuid.uuid4().hex}.tmp")
    try:
        with source.open("rb") as src, tmp.open("xb") as dst:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > MAX_SIZE:
                    raise ValidationError(_too_big(shown, size), "file")
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise AttachmentError(
            f"Không chép được tệp «{shown}» vào thư mục đính kèm ({exc.strerror or exc}). "
            "Kiểm tra chỗ trống trên đĩa và quyền ghi vào thư mục dữ liệu; chưa có gì thay đổi."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return digest.hexdigest(), size


def _too_big(shown: str, size: int) -> str:
    return (f"Tệp «{shown}» nặng {_megabytes(size)} MB, quá giới hạn 100 MB của một tệp đính "
            "kèm. Hãy nén tệp hoặc quét lại với độ phân giải thấp hơn rồi đính kèm lại.")


def add_attachment(
    db: Database, document_id: int, source_path: str | os.PathLike[str], description: str = ""
) -> AttachmentRow:
    """Copy ``source_path`` into the document's attachment folder and record it."""
    source = Path(source_path)
    shown = source.name
    if not source.is_file():
        raise ValidationError(
            f"Không tìm thấy tệp «{source}» (hoặc đó là một thư mục). Chọn lại tệp cần đính kèm.",
            "file")
    if source.stat().st_size > MAX_SIZE:
        raise ValidationError(_too_big(shown, source.stat().st_size), "file")
    with db.read() as s:
        doc = s.get(m.Document, document_id)
        if doc is None:
            raise NotFoundError(f"Không có văn bản mã số #{document_id}.")
        year = (doc.issue_date or date.today()).year
    folder_rel = PurePosixPath(ATTACHMENTS_DIR, f"{year:04d}", str(document_id))
    folder = data_folder(db).joinpath(*folder_rel.parts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AttachmentError(
            f"Không tạo được thư mục đính kèm «{folder}» ({exc.strerror or exc}). "
            "Kiểm tra quyền ghi vào thư mục dữ liệu; chưa có gì thay đổi.") from exc
    name = _free_name(folder, sanitise_file_name(source.name))
    target = folder / name
    sha256, size = _copy(source, target, shown)
    try:
        with db.transaction() as s:
            if s.get(m.Document, document_id) is None:
                raise NotFoundError(f"Văn bản mã số #{document_id} vừa bị xóa.")
            att = m.Attachment(
                document_id=document_id, rel_path=str(folder_rel / name), sha256=sha256,
                size=size, original_name=clean_line(source.name)[:300],
                description=clean_line(description)[:300],
            )
            s.add(att)
            s.flush()
            row = _row(att)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return row


def _resolve(db: Database, rel_path: str) -> Path:
    root = data_folder(db)
    path = root.joinpath(*PurePosixPath(rel_path).parts)
    attachments = (root / ATTACHMENTS_DIR).resolve()
    if not path.resolve().is_relative_to(attachments):
        raise AttachmentError(
            f"Đường dẫn tệp đính kèm «{rel_path}» nằm ngoài thư mục đính kèm; không mở tệp này.")
    return path


def attachment_path(db: Database, attachment_id: int) -> Path:
    """The attachment's file, after checking it is the one attached (size and SHA-256)."""
    with db.read() as s:
        att = s.get(m.Attachment, attachment_id)
        if att is None:
            raise NotFoundError(f"Không có tệp đính kèm mã số #{attachment_id}.")
        row = _row(att)
    path = _resolve(db, row.rel_path)
    if not path.is_file():
        raise AttachmentMissingError(
            f"Không tìm thấy tệp đính kèm «{row.original_name}» tại «{path}». Tệp có thể đã bị "
            "xóa hoặc chuyển đi: chép lại tệp vào đúng chỗ đó, hoặc xóa mục này và đính kèm lại.")
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            size += len(chunk)
            digest.update(chunk)
    if size != row.size or digest.hexdigest() != row.sha256:
        raise AttachmentChangedError(
            f"Tệp đính kèm «{row.original_name}» đã bị thay đổi sau khi đính kèm (mã kiểm tra "
            f"SHA-256 không khớp; tệp tại «{path}»). Chương trình không mở tệp này để tránh nhầm "
            "với bản gốc: hãy chép lại bản gốc vào đúng chỗ, hoặc xóa mục này và đính kèm lại.")
    return path


def attachments_of(s: Session, document_id: int) -> list[AttachmentRow]:
    """A document's own attachments (not those of its tracking rows), oldest first."""
    stmt = (select(m.Attachment).where(m.Attachment.document_id == document_id)
            .order_by(m.Attachment.added_at, m.Attachment.id))
    return [_row(a) for a in s.scalars(stmt)]


def list_attachments(db: Database, document_id: int) -> list[AttachmentRow]:
    with db.read() as s:
        return attachments_of(s, document_id)


def remove_files(db: Database, rel_paths: list[str]) -> None:
    """Delete attachment files whose rows are gone, and the folders they leave empty."""
    attachments = data_folder(db) / ATTACHMENTS_DIR
    for rel in rel_paths:
        try:
            path = _resolve(db, rel)
        except AttachmentError:
            continue
        path.unlink(missing_ok=True)
        parent = path.parent
        while parent != attachments and parent.is_relative_to(attachments):
            try:
                parent.rmdir()  # only when empty
            except OSError:
                break
            parent = parent.parent


def remove_attachment(db: Database, attachment_id: int) -> None:
    """Forget an attachment and delete its file."""
    with db.transaction() as s:
        att = s.get(m.Attachment, attachment_id)
        if att is None:
            raise NotFoundError(f"Không có tệp đính kèm mã số #{attachment_id}.")
        rel = att.rel_path
        s.delete(att)
    remove_files(db, [rel])
