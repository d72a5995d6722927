"""Reading returned collection forms back: plan (preview) first, then one transaction.

``plan = plan_forms_import(db, paths)`` takes files and folders (a folder: its ``.xlsx``,
``.xlsm`` and ``.xls`` files, Excel's ``~$`` lock files left out), reads each one safely
(:mod:`.forms_read`) and decides, per file (:mod:`.forms_import_plan`; the plan's types are in
:mod:`.forms_import_types`), without writing anything:

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

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.domain.dates import format_date
from desktop.domain.errors import ValidationError
from desktop.domain.numbers import format_int
from desktop.services import backup
from desktop.services.database import Database
from desktop.services.forms_import_plan import plan_files
from desktop.services.forms_import_types import (
    FileStatus,
    FormFile,
    FormsPlan,
    LegacyText,
    ValueChange,
)
from desktop.services.tracking_write import RowChange, Undo, write_changes

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
_WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


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


# --------------------------------------------------------------------------- planning


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
    planned = plan_files(db, files, document_id=document_id, today=day, legacy=legacy)
    return FormsPlan(planned, day, document_id, legacy)


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
