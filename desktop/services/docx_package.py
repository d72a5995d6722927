"""Opening a Word file a clerk picked, safely: what it is, whether it is sound, then python-docx.

A .docx is a zip of XML parts. Before python-docx (and lxml) see it, :func:`check_docx` looks at
the bytes and the zip directory only — no decompression beyond the first bytes of the XML
parts — and refuses, with a Vietnamese message that says what to do:

* a missing, empty or oversized file (:data:`MAX_DOCX_BYTES`);
* other formats recognised by their signature: Word 97-2003 ``.doc`` and password-protected
  Word files (both OLE2 compound files), PDF, RTF, HTML/XML saved with a .doc name, Excel and
  PowerPoint packages, macro-enabled or template Word files;
* a zip that is damaged, encrypted, has too many members (:data:`MAX_MEMBERS`), expands to too
  much (:data:`MAX_UNCOMPRESSED`) or too steeply (:data:`MAX_RATIO` — a zip bomb), or whose XML
  declares a DTD or entities before its root element, or pads its prolog past 64 KB (billion
  laughs, XXE; python-docx's parser does not resolve entities either: two locks). Python's
  ``zipfile`` never inflates past a member's declared size, so the declared sizes suffice.

This duplicates, on purpose and in small, the workbook pre-scan of
``desktop/services/workbook_safety.py`` (written at the same time by another engineer); the
two can share one zip pre-scan later.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import ValidationError

if TYPE_CHECKING:  # python-docx is imported only when a file is actually read
    from docx.document import Document

MAX_DOCX_BYTES = 30 * 1024 * 1024
"""An issued document is a few hundred KB; scans embedded as images rarely exceed 10 MB."""
MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200
"""Largest compression ratio of one member over 1 MB (XML compresses ~10-30x)."""
_RATIO_FLOOR = 1024 * 1024
_HEAD_BYTES = 64 * 1024
_ROOT_START = re.compile(rb"<[A-Za-z_]")  # the root element (not "<?", "<!--", "<!DOCTYPE")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")


def _name(path: Path) -> str:
    return path.name or str(path)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " MB"


def _refuse(path: Path, why: str, fix: str) -> ValidationError:
    return ValidationError(f"Tệp «{_name(path)}» {why}. {fix}", field="path")


_RESAVE = ("Mở tệp trong Word, chọn Tệp → Lưu thành → «Tài liệu Word (*.docx)», rồi chọn lại "
           "tệp mới.")
_ODD = ("có cấu trúc bất thường ({detail}) nên không được mở, để bảo vệ máy tính")


def check_docx(path: Path) -> None:
    """Raise :class:`ValidationError` unless ``path`` looks like a sound, harmless .docx."""
    if not path.exists():
        raise _refuse(path, "không tồn tại", "Kiểm tra lại đường dẫn rồi chọn lại tệp.")
    if not path.is_file():
        raise _refuse(path, "là một thư mục, không phải tệp Word", "Chọn một tệp .docx.")
    size = path.stat().st_size
    if size == 0:
        raise _refuse(path, "rỗng (0 byte)",
                      "Có thể tệp chưa được lưu hay tải về xong: chọn bản .docx đầy đủ.")
    if size > MAX_DOCX_BYTES:
        raise _refuse(
            path, f"quá lớn ({_mb(size)}, tối đa {_mb(MAX_DOCX_BYTES)})",
            "Văn bản ban hành thường chỉ vài trăm KB: chọn đúng tệp văn bản, hoặc lưu một bản "
            "không kèm ảnh quét.")
    with path.open("rb") as f:
        head = f.read(512)
    _refuse_other_formats(path, head)
    try:
        with zipfile.ZipFile(path) as zf:
            _scan_zip(path, zf)
    except zipfile.BadZipFile as exc:
        raise _refuse(path, "bị hỏng hoặc chưa tải về đầy đủ (phần nén không đọc được)",
                      "Tải lại tệp, hoặc mở trong Word rồi lưu lại, và thử lại.") from exc


def _refuse_other_formats(path: Path, head: bytes) -> None:
    if head.startswith(_OLE2):
        raise _refuse(
            path, "là tệp Word 97-2003 (.doc) hoặc tệp Word có đặt mật khẩu; chương trình chỉ "
            "đọc được tệp .docx không mật khẩu", _RESAVE + " Nếu tệp có mật khẩu, bỏ mật khẩu "
            "trước khi lưu.")
    if head.startswith(b"%PDF"):
        raise _refuse(path, "là tệp PDF, không phải văn bản Word",
                      "Chọn bản .docx của văn bản, hoặc nhập tay các thông tin của văn bản.")
    if head.lstrip().startswith(b"{\\rtf"):
        raise _refuse(path, "là tệp RTF, không phải .docx", _RESAVE)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<html", b"<!doctype", b"<?xml", b"mime-version")):
        raise _refuse(path, "là trang web hoặc tệp XML/MHT đặt tên như văn bản Word", _RESAVE)
    if not head.startswith(_ZIP):
        raise _refuse(path, "không phải tệp Word .docx (nội dung không đúng định dạng)",
                      _RESAVE)


def _scan_zip(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _refuse(path, _ODD.format(detail=f"{len(infos)} thành phần"), _RESAVE)
    names = {i.filename for i in infos}
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(path, "có phần nội dung bị mã hóa", "Bỏ mật khẩu rồi " +
                          _RESAVE[0].lower() + _RESAVE[1:])
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(
            1, info.compress_size
        ):
            raise _refuse(path, _ODD.format(detail="nén quá mức"), _RESAVE)
    if total > MAX_UNCOMPRESSED:
        raise _refuse(path, _ODD.format(detail=f"giải nén ra {_mb(total)}"), _RESAVE)
    if "word/document.xml" not in names:
        if "xl/workbook.xml" in names:
            raise _refuse(path, "là bảng tính Excel, không phải văn bản Word",
                          "Chọn tệp .docx của văn bản.")
        if "ppt/presentation.xml" in names:
            raise _refuse(path, "là tệp PowerPoint, không phải văn bản Word",
                          "Chọn tệp .docx của văn bản.")
        raise _refuse(path, "là tệp nén nhưng không phải văn bản Word (thiếu phần "
                      "word/document.xml)", "Chọn đúng tệp .docx của văn bản.")
    if "[Content_Types].xml" not in names:
        raise _refuse(path, "thiếu phần mô tả nội dung ([Content_Types].xml) nên bị coi là "
                      "hỏng", _RESAVE)
    for info in infos:
        if info.filename.endswith((".xml", ".rels")):
            with zf.open(info) as member:
                start = member.read(_HEAD_BYTES)
            root = _ROOT_START.search(start)
            prolog = start[: root.start()] if root else start
            if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog or (
                root is None and len(start) == _HEAD_BYTES
            ):  # a DTD, or a prolog padded past what is read to hide one
                raise _refuse(path, _ODD.format(detail="khai báo DTD/ENTITY trong XML"),
                              _RESAVE)
            if info.filename == "[Content_Types].xml":
                if b"macroEnabled.main" in start:
                    raise _refuse(path, "là văn bản Word có macro (.docm)", _RESAVE)
                if b"template.main" in start:
                    raise _refuse(path, "là tệp mẫu Word (.dotx)", _RESAVE)


def open_docx(path: str | Path) -> Document:
    """Check ``path`` (:func:`check_docx`) and open it with python-docx (imported here)."""
    path = Path(path)
    check_docx(path)
    import docx  # lazily: the GUI never pays for it at start-up

    try:
        document: Any = docx.Document(str(path))
    except Exception as exc:  # python-docx/lxml raise many kinds on a damaged package
        raise _refuse(path, "bị hỏng hoặc không phải văn bản Word .docx hợp lệ",
                      _RESAVE) from exc
    return document
