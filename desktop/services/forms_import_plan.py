"""Forms import, the checks: each file read and decided against the database, nothing written.

:func:`plan_files` is the per-file part of :func:`~desktop.services.forms_import.plan_forms_import`
(whose docstring says what makes a file accepted, to confirm or refused): the hidden identity and
the printed fixed part checked, a form without identity matched by its organisation code or name,
each figure typed and checked, text typed in TCVN3/VNI found, and each value compared with the
row as it is now (a fill or a conflict). One planner runs over all the files of an import, so
each document is read from the database once and a second file for the same organisation is
caught.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.domain.legacy_vn import convert_legacy, detect_legacy
from desktop.domain.numbers import format_int
from desktop.domain.text import canonical_name, fold
from desktop.reports.form_workbook import (
    FIXED_CELLS,
    FORM_FIELDS,
    FORM_KIND,
    FORM_VERSION,
    FormField,
)
from desktop.services import org_import_cells as cells
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.forms_identity import FormSecret, form_secret, verify
from desktop.services.forms_import_types import FileStatus, FormFile, LegacyText, ValueChange
from desktop.services.forms_read import FormRead, read_form
from desktop.services.tracking_fields import ROW_FIELDS, check_row, coerce
from desktop.services.workbook_safety import WorkbookError, WorkbookProblem
from desktop.store import models as m

_INPUT_FIELDS = tuple(f for f in FORM_FIELDS if f.kind != "total")


def plan_files(
    db: Database, files: Iterable[Path], *, document_id: int | None, today: date, legacy: str
) -> tuple[FormFile, ...]:
    """Each file's :class:`FormFile`, in the order given (``legacy``: "ask", "convert", "keep")."""
    planner = _Planner(db, document_id, today, legacy)
    return tuple(planner.plan(p) for p in files)


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass
class _Doc:
    id: int
    number: str
    issue_date: date | None
    rows: dict[int, dict[str, Any]] = field(default_factory=dict)  # organisation id -> row
    by_code: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)


class _Planner:
    def __init__(self, db: Database, document_id: int | None, today: date, legacy: str) -> None:
        self.db = db
        self.document_id = document_id
        self.today = today
        self.legacy = legacy
        self.secret: FormSecret | None = form_secret(db, create=False)
        self.docs: dict[int, _Doc | None] = {}
        self.seen: dict[int, str] = {}  # tracking id -> file name

    # -- database look-ups (one read session per document, cached)

    def doc(self, document_id: int) -> _Doc | None:
        if document_id not in self.docs:
            self.docs[document_id] = self._load_doc(document_id)
        return self.docs[document_id]

    def _load_doc(self, document_id: int) -> _Doc | None:
        t, o = m.Tracking.__table__, m.Organisation
        with self.db.read() as s:
            doc = s.get(m.Document, document_id)
            if doc is None:
                return None
            regime = doc.issuing_body.regime if doc.issuing_body else "party"
            info = _Doc(
                doc.id, format_number_symbol(doc.number, doc.symbol, regime), doc.issue_date
            )
            for row in (
                s.connection()
                .execute(
                    select(*t.c, o.name.label("org_name"), o.code.label("org_code"))
                    .join(o, o.id == t.c.organisation_id)
                    .where(t.c.document_id == document_id)
                )
                .mappings()
            ):
                info.rows[row["organisation_id"]] = dict(row)
                if row["org_code"]:
                    info.by_code[fold(row["org_code"])] = row["organisation_id"]
                info.by_name.setdefault(canonical_name(row["org_name"]), []).append(
                    row["organisation_id"]
                )
        return info

    def doc_by_number(self, text: str) -> int | None:
        key = fold(text)
        if not key:
            return None
        with self.db.read() as s:
            ids = list(s.scalars(select(m.Document.id).where(m.Document.number_key == key)))
        return ids[0] if len(ids) == 1 else None

    # -- one file

    def plan(self, path: Path) -> FormFile:
        digest = _sha256(path)
        try:
            read = read_form(path)
        except WorkbookError as exc:
            return FormFile(
                path,
                FileStatus.REFUSED,
                exc.problems[0].message,
                problems=exc.problems,
                sha256=digest,
            )
        if not read.sheet:
            return FormFile(
                path,
                FileStatus.REFUSED,
                (
                    "Tệp không phải là phiếu báo cáo do chương trình xuất (không thấy các dòng "
                    "«Ngày nhận văn bản», «Số đảng viên tham gia học tập»…). Dùng đúng phiếu đã "
                    "gửi cho đơn vị."
                ),
                sha256=digest,
            )
        planned = (self._identified if read.identity is not None else self._unidentified)(
            read, digest
        )
        if read.has_macros:
            planned = replace(
                planned,
                warnings=planned.warnings
                + (
                    "Tệp có macro (.xlsm): macro không được chạy hay giữ lại, chỉ đọc giá trị "
                    "các ô. Lần sau lưu phiếu dạng .xlsx.",
                ),
            )
        return planned

    def _refuse(self, read: FormRead, digest: str, reason: str, **kw: Any) -> FormFile:
        return FormFile(
            read.path, FileStatus.REFUSED, reason, sheet=read.sheet, sha256=digest, **kw
        )

    def _identified(self, read: FormRead, digest: str) -> FormFile:
        ident = read.identity or {}
        if ident.get("kind") != FORM_KIND:
            return self._refuse(
                read,
                digest,
                "Tệp có trang ẩn nhưng không phải phiếu báo cáo "
                "của chương trình. Dùng đúng phiếu đã gửi cho đơn vị.",
            )
        version = ident.get("version", "")
        if version != str(FORM_VERSION):
            newer = version.isdigit() and int(version) > FORM_VERSION
            return self._refuse(
                read,
                digest,
                (
                    f"Phiếu mẫu phiên bản {version or '?'} do phiên bản mới hơn của chương trình "
                    "xuất; hãy cập nhật chương trình."
                    if newer
                    else f"Phiếu theo mẫu cũ (phiên bản {version or '?'}, mẫu hiện tại là "
                    f"{FORM_VERSION}). Xuất phiếu mới cho đơn vị rồi nhờ đơn vị điền lại."
                ),
            )
        if self.secret is None or ident.get("key_id") != self.secret.key_id:
            return self._refuse(
                read,
                digest,
                (
                    "Phiếu do một cơ sở dữ liệu khác xuất (máy khác hoặc tệp dữ liệu khác), không "
                    "phải cơ sở dữ liệu đang mở. Nhập phiếu trên đúng máy đã xuất phiếu."
                ),
            )
        if not verify(self.secret, ident):
            return self._refuse(
                read,
                digest,
                (
                    "Phần thông tin ẩn nhận diện phiếu đã bị sửa (mã kiểm tra không khớp), nên "
                    "không biết phiếu của đơn vị nào. Xuất lại phiếu cho đơn vị."
                ),
            )
        try:
            document_id, org_id = int(ident["document_id"]), int(ident["organisation_id"])
        except (KeyError, ValueError):
            return self._refuse(
                read, digest, "Thông tin ẩn của phiếu không đầy đủ. Xuất lại phiếu cho đơn vị."
            )
        kw = {
            "document_id": document_id,
            "document": ident.get("document", ""),
            "organisation_id": org_id,
            "org_name": ident.get("org_name", ""),
        }
        if self.document_id is not None and document_id != self.document_id:
            want = self.doc(self.document_id)
            return self._refuse(
                read,
                digest,
                (
                    f"Phiếu của văn bản {ident.get('document')}, không phải văn bản đang nhập "
                    f"({want.number if want else self.document_id}). Chọn đúng văn bản hoặc bỏ tệp "
                    "này ra."
                ),
                **kw,
            )
        doc = self.doc(document_id)
        if doc is None:
            return self._refuse(
                read,
                digest,
                (f"Văn bản {ident.get('document')} của phiếu không còn trong cơ sở dữ liệu."),
                **kw,
            )
        row = doc.rows.get(org_id)
        if row is None:
            return self._refuse(
                read,
                digest,
                (
                    f"Đơn vị «{ident.get('org_name')}» không (còn) là nơi nhận của văn bản "
                    f"{doc.number}, hoặc không còn trong danh sách đơn vị."
                ),
                **kw,
            )
        problems = self._fixed_part(read, ident)
        warnings: list[str] = []
        if read.renamed_from:
            warnings.append(
                f"Trang tính «{read.renamed_from}» đã bị đổi tên thành "
                f"«{read.sheet}»; vẫn đọc được."
            )
        for f in _INPUT_FIELDS:
            if f.key not in read.cells:
                problems.append(
                    WorkbookProblem(
                        read.sheet,
                        "",
                        f.key,
                        (f"Thiếu dòng «{f.label}» (dòng đã bị xóa). Xuất lại phiếu cho đơn vị."),
                    )
                )
        return self._values(read, digest, doc, row, problems, warnings, FileStatus.ACCEPTED, "", kw)

    def _fixed_part(self, read: FormRead, ident: Mapping[str, str]) -> list[WorkbookProblem]:
        problems: list[WorkbookProblem] = []
        for key in FIXED_CELLS:
            raw = read.cells.get(key)
            shown = raw.value if raw else None
            expected = ident.get(key, "")
            if key in ("cells_total", "members_total"):
                same = _as_text_number(shown) == expected
            else:
                same = fold(str(shown or "")) == fold(expected) and " ".join(
                    str(shown or "").split()
                ) == " ".join(expected.split())
            if not same:
                problems.append(
                    WorkbookProblem(
                        read.sheet,
                        raw.cell if raw else FIXED_CELLS[key],
                        key,
                        (
                            f"Ô in sẵn đã bị sửa (lúc gửi là «{expected}», nay là "
                            f"«{shown or ''}»). Không sửa phần in sẵn: trả lại ô như cũ hoặc xuất "
                            "lại phiếu; số liệu sai thì ghi vào ô Ghi chú."
                        ),
                    )
                )
        return problems

    def _unidentified(self, read: FormRead, digest: str) -> FormFile:
        typed_doc = _text(read.cells.get("document"))
        document_id = self.doc_by_number(typed_doc) if typed_doc else None
        if self.document_id is not None:
            if typed_doc and document_id not in (None, self.document_id):
                want = self.doc(self.document_id)
                return self._refuse(
                    read,
                    digest,
                    (
                        f"Phiếu ghi văn bản «{typed_doc}», không phải văn bản đang nhập "
                        f"({want.number if want else ''}). Chọn đúng văn bản hoặc bỏ tệp này ra."
                    ),
                )
            document_id = self.document_id
        if document_id is None:
            return self._refuse(
                read,
                digest,
                (
                    "Phiếu không có thông tin ẩn nhận diện (có thể gõ lại hoặc sao chép bằng "
                    f"tay) và không rõ của văn bản nào («{typed_doc}»). Chọn văn bản khi "
                    "nhập, hoặc dùng đúng phiếu đã gửi."
                ),
            )
        doc = self.doc(document_id)
        if doc is None:
            return self._refuse(read, digest, f"Không có văn bản #{document_id}.")
        typed_name = _text(read.cells.get("org_name"))
        guess = detect_legacy(typed_name)
        if guess is not None:
            typed_name = guess.converted
        typed_code = _text(read.cells.get("org_code"))
        org_id: int | None = doc.by_code.get(fold(typed_code)) if typed_code else None
        how = f"mã «{typed_code}»"
        if org_id is None and typed_name:
            found = doc.by_name.get(canonical_name(typed_name), [])
            org_id = found[0] if len(found) == 1 else None
            how = f"tên «{typed_name}»"
        kw = {"document_id": doc.id, "document": doc.number}
        if org_id is None:
            return self._refuse(
                read,
                digest,
                (
                    f"Phiếu không có thông tin ẩn nhận diện và không tìm thấy đơn vị «{typed_name}»"
                    f"{f' (mã {typed_code})' if typed_code else ''} trong các nơi nhận của văn bản "
                    f"{doc.number}. Dùng đúng phiếu đã gửi cho đơn vị."
                ),
                **kw,
            )
        row = doc.rows[org_id]
        reason = (
            f"Phiếu không có thông tin ẩn nhận diện (gõ lại hoặc sao chép bằng tay); "
            f"ghép theo {how} với đơn vị «{row['org_name']}». Hãy xác nhận đúng đơn vị."
        )
        kw.update(organisation_id=org_id, org_name=row["org_name"])
        return self._values(read, digest, doc, row, [], [], FileStatus.CONFIRM, reason, kw)

    # -- the figures

    def _values(
        self,
        read: FormRead,
        digest: str,
        doc: _Doc,
        row: dict[str, Any],
        problems: list[WorkbookProblem],
        warnings: list[str],
        status: FileStatus,
        reason: str,
        kw: dict[str, Any],
    ) -> FormFile:
        values: dict[str, Any] = {}
        where: dict[str, str] = {}
        legacy: list[LegacyText] = []
        uncached = set(read.uncached)
        for f in _INPUT_FIELDS:
            raw = read.cells.get(f.key)
            if raw is None:
                continue
            where[f.key] = raw.cell
            if raw.cell in uncached:
                problems.append(
                    WorkbookProblem(
                        read.sheet,
                        raw.cell,
                        f.key,
                        (
                            "Ô có công thức nhưng chưa có kết quả được lưu. Gõ số trực tiếp "
                            "(hoặc mở bằng Excel, nhấn Ctrl+Alt+F9, lưu) rồi gửi lại."
                        ),
                    )
                )
                continue
            try:
                value = self._typed(f, raw.value, read.epoch)
            except (cells.CellProblem, ValidationError) as exc:
                problems.append(WorkbookProblem(read.sheet, raw.cell, f.key, _reason(exc)))
                continue
            if value is None or value == "":
                continue
            if isinstance(value, str) and f.kind in ("line", "text"):
                guess = detect_legacy(value)
                if guess is not None:
                    legacy.append(
                        LegacyText(raw.cell, f.key, guess.encoding.value, value, guess.converted)
                    )
                    where_text = WorkbookProblem(read.sheet, raw.cell).location
                    if self.legacy == "convert":
                        value = convert_legacy(value, guess.encoding)
                        warnings.append(
                            f"{where_text}: đã chuyển từ bảng mã "
                            f"{guess.encoding.label} sang Unicode: «{value}»."
                        )
                    elif self.legacy == "ask":
                        problems.append(
                            WorkbookProblem(
                                read.sheet,
                                raw.cell,
                                f.key,
                                (
                                    f"Chữ có vẻ gõ bằng bảng mã {guess.encoding.label}: "
                                    f"«{guess.original}»"
                                    f" — đọc theo Unicode là «{guess.converted}». Chọn chuyển sang "
                                    "Unicode (--convert-legacy) hoặc giữ nguyên (--keep-legacy)."
                                ),
                            )
                        )
                        continue
            values[f.key] = value
        merged = {**row, **values}
        for key in values:
            try:
                check_row(merged, {key}, doc.issue_date, self.today, "§")
            except ValidationError as exc:
                bad = exc.field or key
                problems.append(
                    WorkbookProblem(read.sheet, where.get(bad, where[key]), bad, _reason(exc))
                )
        tid = int(row["id"])
        if tid in self.seen and status is not FileStatus.REFUSED:
            problems.append(
                WorkbookProblem(
                    read.sheet,
                    "",
                    "",
                    (
                        f"Đơn vị «{row['org_name']}» đã có phiếu khác trong lần nhập này "
                        f"(«{self.seen[tid]}»). Chỉ giữ một phiếu cho mỗi đơn vị."
                    ),
                )
            )
        self.seen.setdefault(tid, read.path.name)
        changes: list[ValueChange] = []
        unchanged = 0
        for key, after in values.items():
            before = row[key]
            if before == after:
                unchanged += 1
                continue
            changes.append(
                ValueChange(
                    key,
                    ROW_FIELDS[key].label,
                    where[key],
                    before,
                    after,
                    conflict=before not in (None, ""),
                )
            )
        problems = list(dict.fromkeys(problems))
        if problems:
            status = FileStatus.REFUSED
            reason = f"{format_int(len(problems))} lỗi trong phiếu; sửa các ô được nêu rồi gửi lại."
        return FormFile(
            read.path,
            status,
            reason,
            tracking_id=tid,
            version=row["version"],
            sheet=read.sheet,
            changes=tuple(changes),
            unchanged=unchanged,
            problems=tuple(problems),
            warnings=tuple(warnings),
            legacy=tuple(legacy),
            sha256=digest,
            **kw,
        )

    def _typed(self, f: FormField, value: Any, epoch: Any) -> Any:
        if value is None:
            return None
        if f.kind == "date":
            from openpyxl.utils.datetime import CALENDAR_WINDOWS_1900

            return cells.read_date(value, f.label, epoch or CALENDAR_WINDOWS_1900)
        if f.kind == "int":
            return coerce(f.key, cells.read_int(value, f.label), "§")
        if f.kind == "text":
            return coerce(f.key, cells.read_note(value), "§")
        text, _removed = cells.read_text(value, 100_000)
        return coerce(f.key, text, "§")


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text[3:] if text.startswith("§: ") else text


def _text(raw: Any) -> str:
    if raw is None or raw.value is None:
        return ""
    return " ".join(str(raw.value).split())


def _as_text_number(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
