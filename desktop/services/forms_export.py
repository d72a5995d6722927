"""Collection forms for a document: one .xlsx per recipient organisation, in a folder.

``export_forms(db, document_id, folder)`` writes, for each recipient that must report (the level
the document's report deadlines name — the directly subordinate committees, whose form holds the
compiled figures of their party cells; ``all_levels=True`` for every recipient), one form
(:mod:`desktop.reports.form_workbook`) with its identity and denominators filled in and the
identity signed (:mod:`.forms_identity`). ``group`` keeps the organisations of one "Nơi nhận"
group (the organisation or its top-level organisation is a member).

Why one file per organisation, not one per group: the file goes to the clerk of that one
organisation, who can then neither overwrite another's row nor sort the rows out of order, the
file is small enough for any mail box, and its identity names exactly one tracking row.

File names are ``<document>_<code>_<name>.xlsx`` folded to ASCII ("15-CT-TU_X001_Dang-bo-xa-Phu-
Loc.xlsx"): unaccented Vietnamese stays readable, while accented names are garbled by the zip
tools and mail gateways forms travel through, and differ in NFC/NFD between Windows and macOS.
The code (or the id) keeps two "Chi bộ thôn Đông" apart; the name part is cut so the whole path
stays under :data:`MAX_PATH` characters (Windows' classic limit). Each file is written through a
temporary file and renamed (:func:`desktop.services.org_export.write_atomically`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select

from desktop.domain.dates import format_date
from desktop.domain.enums import DeadlineKind, StudyForm
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.text import fold
from desktop.reports.form_workbook import FORM_KIND, FORM_SHEET, FORM_VERSION, FormData, build_form
from desktop.services.database import Database
from desktop.services.document_numbers import format_number_symbol
from desktop.services.forms_identity import form_secret, sign
from desktop.services.org_export import write_atomically
from desktop.store import models as m

__all__ = [
    "FormsExportResult",
    "FormTarget",
    "export_forms",
    "form_file_name",
    "form_targets",
    "forms_folder_name",
]

MAX_PATH = 240
_REPORT_KINDS = (DeadlineKind.FIRST_REPORT.value, DeadlineKind.PERIODIC.value)
Progress = Callable[[float, str], None]


@dataclass(frozen=True, slots=True)
class FormTarget:
    """One organisation that gets a form."""

    tracking_id: int
    organisation_id: int
    org_name: str
    org_code: str
    cells_total: int | None
    members_total: int | None


@dataclass(frozen=True)
class _DocInfo:
    id: int
    number_symbol: str
    title: str
    issue_date: date | None
    deadline: date | None
    report_depth: int | None
    office: str


@dataclass(frozen=True)
class FormsExportResult:
    folder: Path
    files: tuple[Path, ...]
    document: str
    seconds: float


def _document(s: object, document_id: int) -> _DocInfo:
    doc = s.get(m.Document, document_id)  # type: ignore[attr-defined]
    if doc is None:
        raise NotFoundError(f"Không có văn bản mã số #{document_id}.")
    body = doc.issuing_body
    regime = body.regime if body else "party"
    number = format_number_symbol(doc.number, doc.symbol, regime)
    issuer = " ".join(body.name.split()) if body else ""
    title = f"{doc.type.name} số {number}"
    if doc.issue_date:
        title += f" ngày {format_date(doc.issue_date)}"
    if issuer and not fold(doc.excerpt or "").startswith("cua "):
        title += f" của {issuer}"
    if doc.excerpt:
        title += f" {doc.excerpt}"
    reports = [d for d in doc.deadlines if d.kind in _REPORT_KINDS]
    study = [d for d in doc.deadlines if d.kind == DeadlineKind.STUDY.value]
    first = min(reports, key=lambda d: d.due_date, default=None)
    deadline = first.due_date if first else (study[0].due_date if study else None)
    depth = next(
        (d.depth for d in sorted(reports, key=lambda d: d.due_date) if d.depth is not None), None
    )
    office = next(
        (
            " ".join(b.name.split())
            for b in s.scalars(  # type: ignore[attr-defined]
                select(m.IssuingBody)
                .where(m.IssuingBody.is_own_office.is_(True))
                .order_by(m.IssuingBody.id)
            )
        ),
        "cơ quan theo dõi",
    )
    return _DocInfo(doc.id, number, title, doc.issue_date, deadline, depth, office)


def form_targets(
    db: Database, document_id: int, *, group: str | None = None, all_levels: bool = False
) -> list[FormTarget]:
    """The organisations that get a form (see the module docstring), by name order."""
    from desktop.domain.text import vi_sort_key

    t, o = m.Tracking, m.Organisation
    with db.read() as s:
        info = _document(s, document_id)
        stmt = (
            select(t.id, o.id, o.name, o.code, t.cells_total, t.members_total)
            .join(o, o.id == t.organisation_id)
            .where(t.document_id == document_id)
        )
        if info.report_depth is not None and not all_levels:
            stmt = stmt.where(o.depth == info.report_depth)
        if group:
            gid = _group_id(s, group)
            members = select(m.OrgGroupMember.organisation_id).where(
                m.OrgGroupMember.group_id == gid
            )
            stmt = stmt.where(or_(o.id.in_(members), o.top_id.in_(members)))
        rows = s.execute(stmt).all()
    targets = [
        FormTarget(tid, oid, name, code or "", cells, members)
        for tid, oid, name, code, cells, members in rows
    ]
    targets.sort(key=lambda x: vi_sort_key(x.org_name))
    return targets


def _group_id(s: object, group: str) -> int:
    groups = s.execute(
        select(
            m.OrgGroup.id,
            m.OrgGroup.name,  # type: ignore[attr-defined]
            m.OrgGroup.short_name,
        )
    ).all()
    key = fold(group)
    found = [gid for gid, name, short in groups if key in (fold(name), fold(short))]
    if not found and key:  # a unique part of the name ("ban, so" for "Các ban, sở, ngành…")
        found = [gid for gid, name, short in groups if key in fold(name)]
    if len(found) != 1:
        names = "; ".join(f"«{name}»" for _gid, name, _short in groups)
        raise ValidationError(f"Không có nhóm nơi nhận «{group}». Các nhóm có: {names}.", "group")
    return int(found[0])


_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def _slug(text: str) -> str:
    return _UNSAFE.sub("-", fold(text).replace("đ", "d")).strip("-")


def _title_slug(text: str) -> str:
    """Folded but with the capitals kept ("Dang-bo-xa-Phu-Loc")."""
    import unicodedata

    plain = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    )
    plain = plain.replace("đ", "d").replace("Đ", "D").replace("Ð", "D")
    return _UNSAFE.sub("-", plain).strip("-")


def forms_folder_name(document: str) -> str:
    """ "Phieu-15-CT-TU": the folder the GUI proposes for a document's forms."""
    return "Phieu-" + (_title_slug(document).upper() or "van-ban")


def form_file_name(
    document: str,
    code: str,
    name: str,
    *,
    folder: Path | None = None,
    organisation_id: int | None = None,
) -> str:
    """ "15-CT-TU_X001_Dang-bo-xa-Phu-Loc.xlsx", cut to fit :data:`MAX_PATH` in ``folder``."""
    doc = _title_slug(document).upper() or "van-ban"
    ident = _title_slug(code) or (f"id{organisation_id}" if organisation_id else "")
    name_part = _title_slug(name) or "don-vi"
    budget = 120
    if folder is not None:
        budget = min(budget, MAX_PATH - len(str(folder.resolve())) - 1)
    stem = "_".join(p for p in (doc, ident) if p)
    room = budget - len(stem) - len("_.xlsx")
    if room < 8:
        raise ValidationError(
            f"Đường dẫn thư mục «{folder}» quá dài để lưu phiếu (Windows giới hạn "
            f"{MAX_PATH} ký tự). Chọn thư mục ngắn hơn, ví dụ D:\\Phieu.",
            "folder",
        )
    return f"{stem}_{name_part[:room].rstrip('-')}.xlsx"


def export_forms(
    db: Database,
    document_id: int,
    folder: str | Path,
    *,
    group: str | None = None,
    all_levels: bool = False,
    targets: Sequence[FormTarget] | None = None,
    progress: Progress | None = None,
) -> FormsExportResult:
    """Write one form per organisation into ``folder`` (created when missing); ``targets``
    (from :func:`form_targets`, e.g. the rows the clerk selected) instead of all of them."""
    started = time.perf_counter()
    report = progress or (lambda _f, _m: None)
    folder = Path(folder)
    if targets is None:
        targets = form_targets(db, document_id, group=group, all_levels=all_levels)
    if not targets:
        raise ValidationError(
            "Văn bản này chưa có đơn vị nhận nào ở cấp phải báo cáo (hoặc "
            "trong nhóm đã chọn), nên không có phiếu nào để xuất.",
            "document",
        )
    with db.read() as s:
        info = _document(s, document_id)
    secret = form_secret(db)
    assert secret is not None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from desktop.services.org_export import ExportFileError

        raise ExportFileError(
            f"Không tạo được thư mục «{folder}» ({exc.strerror or exc}). Chọn thư mục khác."
        ) from exc
    forms = [label for label in (f.label for f in StudyForm)]
    written: list[Path] = []
    used: set[str] = set()
    for k, target in enumerate(targets):
        identity = sign(
            secret,
            {
                "kind": FORM_KIND,
                "version": str(FORM_VERSION),
                "document_id": str(info.id),
                "document": info.number_symbol,
                "issue_date": info.issue_date.isoformat() if info.issue_date else "",
                "organisation_id": str(target.organisation_id),
                "org_code": target.org_code,
                "org_name": target.org_name,
                "cells_total": _text(target.cells_total),
                "members_total": _text(target.members_total),
                "sheet": FORM_SHEET,
            },
        )
        data = FormData(
            document=info.number_symbol,
            document_title=info.title,
            issue_date=info.issue_date,
            org_name=target.org_name,
            org_code=target.org_code,
            cells_total=target.cells_total,
            members_total=target.members_total,
            deadline=format_date(info.deadline),
            study_forms=forms,
            identity=identity,
            office=info.office,
        )
        name = form_file_name(
            info.number_symbol,
            target.org_code,
            target.org_name,
            folder=folder,
            organisation_id=target.organisation_id,
        )
        if name.lower() in used:
            name = name[:-5] + f"_{target.organisation_id}.xlsx"
        used.add(name.lower())
        path = folder / name
        write_atomically(path, build_form(data))
        written.append(path)
        if k % 20 == 0:
            report(k / len(targets), f"Đã xuất {k}/{len(targets)} phiếu…")
    report(1.0, f"Đã xuất {len(written)} phiếu.")
    return FormsExportResult(
        folder, tuple(written), info.number_symbol, time.perf_counter() - started
    )


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
