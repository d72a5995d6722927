"""Reading returned collection forms back: plan (preview) first, then one transaction.

``plan = plan_forms_import(db, paths)`` takes files and folders (a folder: its ``.xlsx``,
``.xlsm`` and ``.xls`` files, Excel's ``~$`` lock files left out), reads each one safely
(:mod:`.forms_read`) and decides, per file, without writing anything:

- **accepted** — the hidden identity is signed by this database (:mod:`.forms_identity`), of
  the current form version, for a document and a recipient that exist, the visible fixed part
  (organisation, code, document, denominators) still says what the identity says, and every
  figure is valid;
- **needs confirmation** — no hidden identity (a form retyped or copied by hand): the document
  is read from the form, the organisation matched by its code or its name among the document's
  recipients; the clerk confirms the match (``confirmed=``) or leaves the file out;
- **refused**, with the reason and every bad cell (``'Phiếu báo cáo'!C14: …``): an unsafe or
  broken file (see :mod:`.workbook_safety`), not a form, another document than the one being
  imported, an unknown organisation, an old form version, a form of another database, a
  changed identity or fixed part, a figure that cannot be right (attendance above the total,
  a date before the document's issue date or not yet come, text in a number cell), text typed
  in TCVN3/VNI when the caller has not said whether to convert it (``legacy="convert"`` or
  ``"keep"``), two files for the same organisation.

Figures typed as text are read as a Vietnamese clerk means them: "1.234" is one thousand two
hundred and thirty-four, "5/2/2026" is 5 February. An empty cell changes nothing. Each value is
compared with the database: equal (nothing to do), a fill (the database has nothing), or a
**conflict** (already entered differently) — kept by default; ``take_file_values`` takes the
file's value (all conflicts, or the given ``(tracking_id, field)`` pairs).

``apply_forms_import(db, plan)`` writes everything in ONE transaction through the tracking
write path (:func:`~desktop.services.tracking_write.write_changes`: version checks against the
rows as planned, one audit row per changed row) plus one audit row naming the files and their
SHA-256, and returns an :class:`~desktop.services.tracking_write.Undo` the grid's undo stack
applies with :func:`~desktop.services.tracking_edit.apply_undo`. All or nothing: if any file is
refused or unconfirmed, nothing is written — unless ``only_accepted=True`` (the GUI offers it;
the command line never does).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.dates import format_date
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
from desktop.services import backup
from desktop.services import org_import_cells as cells
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.forms_identity import FormSecret, form_secret, verify
from desktop.services.forms_read import FormRead, read_form
from desktop.services.tracking_fields import ROW_FIELDS, check_row, coerce
from desktop.services.tracking_write import RowChange, Undo, write_changes
from desktop.services.workbook_safety import WorkbookError, WorkbookProblem
from desktop.store import models as m

__all__ = [
    "FileStatus",
    "FormFile",
    "FormsApplyResult",
    "FormsPlan",
    "FormsRefusedError",
    "LegacyText",
    "ValueChange",
    "apply_forms_import",
    "collect_paths",
    "plan_forms_import",
]

LEGACY_CHOICES = ("ask", "convert", "keep")
_INPUT_FIELDS = tuple(f for f in FORM_FIELDS if f.kind != "total")
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


class FileStatus(StrEnum):
    ACCEPTED = "accepted"
    CONFIRM = "needs_confirmation"
    REFUSED = "refused"

    @property
    def label(self) -> str:
        return {"accepted": "Nhận", "needs_confirmation": "Cần xác nhận", "refused": "Từ chối"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class ValueChange:
    """One figure of a file against the database: a fill or a conflict."""

    field: str
    label: str
    cell: str
    before: Any
    after: Any
    conflict: bool


@dataclass(frozen=True, slots=True)
class LegacyText:
    """A text cell that looks typed in TCVN3 or VNI, with its Unicode reading."""

    cell: str
    field: str
    encoding: str
    original: str
    converted: str


@dataclass(frozen=True)
class FormFile:
    """One file of the plan."""

    path: Path
    status: FileStatus
    reason: str = ""  # why refused / what to confirm
    document_id: int | None = None
    document: str = ""
    organisation_id: int | None = None
    org_name: str = ""
    tracking_id: int | None = None
    version: int | None = None
    sheet: str = ""
    changes: tuple[ValueChange, ...] = ()
    unchanged: int = 0
    problems: tuple[WorkbookProblem, ...] = ()
    warnings: tuple[str, ...] = ()
    legacy: tuple[LegacyText, ...] = ()
    sha256: str = ""

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def conflicts(self) -> tuple[ValueChange, ...]:
        return tuple(c for c in self.changes if c.conflict)

    @property
    def fills(self) -> tuple[ValueChange, ...]:
        return tuple(c for c in self.changes if not c.conflict)


@dataclass(frozen=True)
class FormsPlan:
    files: tuple[FormFile, ...]
    today: date
    document_id: int | None = None
    legacy: str = "ask"

    @property
    def accepted(self) -> tuple[FormFile, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.ACCEPTED)

    @property
    def to_confirm(self) -> tuple[FormFile, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.CONFIRM)

    @property
    def refused(self) -> tuple[FormFile, ...]:
        return tuple(f for f in self.files if f.status is FileStatus.REFUSED)

    @property
    def ok(self) -> bool:
        return not self.refused

    @property
    def conflicts(self) -> tuple[tuple[FormFile, ValueChange], ...]:
        return tuple(
            (f, c) for f in self.files if f.status is not FileStatus.REFUSED for c in f.conflicts
        )

    def problems(self) -> list[str]:
        """Every refusal as "«file»: 'Sheet'!C14: reason" (or "«file»: reason")."""
        out: list[str] = []
        for f in self.refused:
            if not f.problems:
                out.append(f"«{f.name}»: {f.reason}")
            for p in f.problems:
                out.append(f"«{f.name}»: {p}")
        return out


class FormsRefusedError(ValidationError):
    """Some files are refused or unconfirmed; nothing was written. ``problems`` lists them."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            f"Có {format_int(len(problems))} lỗi trong các tệp phiếu nên chưa nhập "
            f"gì. Lỗi đầu tiên — {problems[0]}",
            "files",
        )
        self.problems = problems


@dataclass(frozen=True)
class FormsApplyResult:
    files: int
    rows_changed: int
    values_written: int
    skipped_files: tuple[Path, ...]
    undo: Undo


# --------------------------------------------------------------------------- the files


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder gives its workbooks (not its subfolders), sorted by name."""
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            out.extend(
                sorted(
                    (
                        p
                        for p in path.iterdir()
                        if p.is_file()
                        and p.suffix.lower() in _WORKBOOK_SUFFIXES
                        and not p.name.startswith(("~$", "."))
                    ),
                    key=lambda p: p.name.lower(),
                )
            )
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


# --------------------------------------------------------------------------- planning


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


def plan_forms_import(
    db: Database,
    paths: Iterable[str | Path],
    *,
    document_id: int | None = None,
    today: date | None = None,
    legacy: str = "ask",
) -> FormsPlan:
    """Read and check every file (see the module docstring); write nothing."""
    if legacy not in LEGACY_CHOICES:
        raise ValueError(f"legacy must be one of {LEGACY_CHOICES}")
    day = today or date.today()
    files = collect_paths(paths)
    if not files:
        raise ValidationError(
            "Không có tệp phiếu nào để nhập (thư mục trống hoặc không có tệp .xlsx).", "files"
        )
    planner = _Planner(db, document_id, day, legacy)
    return FormsPlan(tuple(planner.plan(p) for p in files), day, document_id, legacy)


# --------------------------------------------------------------------------- applying


def apply_forms_import(
    db: Database,
    plan: FormsPlan,
    *,
    take_file_values: bool | Collection[tuple[int, str]] = False,
    confirmed: Collection[str | Path] = (),
    only_accepted: bool = False,
) -> FormsApplyResult:
    """Write the plan in one transaction (see the module docstring)."""
    sure = {Path(p) for p in confirmed}
    unconfirmed = [f for f in plan.to_confirm if f.path not in sure]
    if not only_accepted and (plan.refused or unconfirmed):
        problems = plan.problems() + [f"«{f.name}»: {f.reason}" for f in unconfirmed]
        raise FormsRefusedError(problems)
    chosen = [
        f
        for f in plan.files
        if f.status is FileStatus.ACCEPTED or (f.status is FileStatus.CONFIRM and f.path in sure)
    ]
    skipped = tuple(f.path for f in plan.files if f not in chosen)

    def take(f: FormFile, c: ValueChange) -> bool:
        if isinstance(take_file_values, bool):
            return take_file_values
        return (f.tracking_id, c.field) in take_file_values

    items: list[RowChange] = []
    for f in chosen:
        values = {c.field: c.after for c in f.changes if not c.conflict or take(f, c)}
        if values and f.tracking_id is not None:
            items.append(RowChange(f.tracking_id, values, f.version))
    written = sum(len(i.changes) for i in items)
    with db.transaction() as s:
        backup.before_session(s, "import")  # a verified copy of the data as it was, first
        steps = write_changes(db, s, items, plan.today, what="Nhập phiếu Excel")
        if items:
            db.audit_bulk(
                s,
                "forms_import",
                f"Nhập {len(chosen)} phiếu báo cáo từ tệp Excel: {len(steps)} dòng "
                f"theo dõi, {written} số liệu",
                after={
                    "as_of": plan.today.isoformat(),
                    "files": [
                        {"file": f.name, "sha256": f.sha256, "tracking_id": f.tracking_id}
                        for f in chosen
                    ],
                },
            )
    undo = Undo(
        f"Nhập {len(chosen)} phiếu báo cáo ({format_date(plan.today)})", changes=tuple(steps)
    )
    return FormsApplyResult(len(chosen), len(steps), written, skipped, undo)
