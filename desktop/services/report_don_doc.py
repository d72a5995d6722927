"""Use case: the công văn đôn đốc (``don-doc``) to the organisations late with their report on
a document, and the record of the reminders sent.

*Late* (read in one transaction, with the definitions of
:class:`~desktop.services.tracking_status.StatusSql`, as the statistics and the grid): the
organisation must report (the level of the report deadline) and the latest report deadline
that has passed for it has no accepted report answering it. The letter counts those who must
report and those who have reported ("đã nhận được báo cáo của 38/45 đơn vị") and asks for the
report within five working days of the letter (the office's calendar).

``request.letters``: "one" (one letter to all, the list attached), "per-org" (one letter per
organisation in one file, each on its own pages with its own numbering) or "per-org-files" (a
folder, one file each). ``request.organisation_ids`` narrows the late organisations.

Number and reminders, only on :func:`export` (never on :func:`preview`): with a number
(typed, or ``None`` and found in the outgoing register for this document and day) the letter
has an entry in ``outgoing_register`` (type CV, created when the clerk typed a new number,
the sequence moved past it; a number already used for another text is refused), and every
organisation written to gets a ``reminders`` row (sent on the letter's date, on paper, tied to
that entry; a blank number leaves ``outgoing_id`` empty). Exporting the same letter again
adds nothing. The rows are written in the transaction that writes the file(s): a file that
cannot be written records nothing.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.domain.dates import format_date
from desktop.domain.enums import Channel
from desktop.domain.errors import NotFoundError, ValidationError
from desktop.domain.numbers import format_int
from desktop.reports.don_doc import (
    OUTPUT,
    OUTPUT_PER_ORG,
    DonDocData,
    LateOrg,
    build_don_doc,
    build_letters,
)
from desktop.reports.official import number_text
from desktop.reports.templates import template_for
from desktop.services.database import Database
from desktop.services.report_common import (
    Office,
    document_citation,
    office_for,
    recipients_setting,
    register_outgoing,
    report_number,
    write_docx,
)
from desktop.services.report_outputs import Progress, ReportRequest, ReportResult, ascii_name
from desktop.services.tracking_deadlines import load_terms, row_start
from desktop.services.tracking_status import RowStatus, StatusSql
from desktop.store import models as m

__all__ = ["LateRow", "export", "gather", "organisation_ids", "preview"]

_RECIPIENTS = {
    "party": ("Như trên", "Thường trực Tỉnh ủy (b/c)", "Lãnh đạo Ban", "Lưu Văn phòng Ban"),
    "state": ("Như trên", "Lưu: VT"),
}
_NEW_DEADLINE_WORKING_DAYS = 5


@dataclass(frozen=True, slots=True)
class LateRow:
    """Which tracking row a letter goes to (for the reminders and the file names)."""

    tracking_id: int
    organisation_id: int
    code: str
    name: str


def _late_rows(s: Any, document_id: int, terms: Any) -> tuple[int, int, list[Any]]:
    t, o = m.Tracking, m.Organisation
    sql = StatusSql(s, terms)
    stmt = (
        select(
            t.id,
            o.id.label("org_id"),
            o.code,
            o.name,
            t.received_date,
            t.sent_date,
            sql.reported_any.label("reported"),
            sql.report_late.label("late"),
            sql.status.label("status"),
        )
        .select_from(t)
        .join(o, o.id == t.organisation_id)
    )
    stmt = (
        sql.select_from(stmt)
        .where(t.document_id == document_id, sql.must_report)
        .order_by(o.sort_order, o.id)
    )
    rows = s.execute(stmt).all()
    return len(rows), sum(1 for r in rows if r.reported), [r for r in rows if r.late > 0]


def gather(db: Database, request: ReportRequest) -> tuple[DonDocData, Office, list[LateRow], str]:
    """The letter's data, the office, the rows written to and the document's number."""
    assert request.document_id is not None
    as_of = request.figures_day
    with db.read() as s:
        office = office_for(s, request)
        cited = document_citation(s, request.document_id)
        title = cited.title
        terms = load_terms(s, cited.document_id, as_of)
        must, reported, rows = _late_rows(s, cited.document_id, terms)
        if request.organisation_ids is not None:
            wanted = set(request.organisation_ids)
            rows = [r for r in rows if r.org_id in wanted]
        if not rows:
            raise ValidationError(
                f"Đến ngày {format_date(as_of)} không có đơn vị nào (trong các đơn vị đã chọn) "
                f"quá hạn báo cáo {title}: không cần công văn đôn đốc.",
                "organisations",
            )
        late, targets = [], []
        for r in rows:
            start = row_start(r.received_date, r.sent_date, terms.issue_date)
            rule = next(x for x in reversed(terms.reports) if terms.late(x, start) > 0)
            late.append(
                LateOrg(r.name, terms.due(rule, start), int(r.late), RowStatus(r.status).label)
            )
            targets.append(LateRow(r.id, r.org_id, r.code or "", r.name))
        passed = [x for x in terms.reports if terms.late(x, None) > 0]
        deadline = (
            terms.due(passed[-1], None)
            if passed
            else min((x.due for x in late if x.due), default=None)
        )
        number = report_number(s, office, request.number, "CV", cited.document_id, request.day)
        recipients = recipients_setting(
            s, "report.don_doc.recipients", _RECIPIENTS, office.profile.regime, request.recipients
        )
        new_deadline = terms.calendar.add_working_days(request.day, _NEW_DEADLINE_WORKING_DAYS)
    head = office.letterhead(request.day, number, "CV", recipients)
    data = DonDocData(
        head, title, cited.excerpt, as_of, must, reported, late, deadline, new_deadline
    )
    return data, office, targets, cited.number_symbol


def organisation_ids(db: Database, document_id: int, codes: Sequence[str]) -> tuple[int, ...]:
    """The recipients of the document with these codes (any letter case); an unknown code is
    refused by name."""
    t, o = m.Tracking, m.Organisation
    wanted = {c.strip().upper(): c for c in codes if c.strip()}
    with db.read() as s:
        found = dict(
            s.execute(
                select(func.upper(o.code), o.id)
                .join(t, t.organisation_id == o.id)
                .where(t.document_id == document_id, func.upper(o.code).in_(list(wanted)))
            ).all()
        )
    missing = [wanted[c] for c in wanted if c not in found]
    if missing:
        raise NotFoundError(
            f"Văn bản không gửi đến đơn vị mã {', '.join(missing)}. Kiểm tra "
            "mã đơn vị trong danh sách nhận."
        )
    return tuple(found[c] for c in wanted)


def preview(db: Database, request: ReportRequest) -> list[str]:
    data, office, _targets, _ns = gather(db, request)
    names = ", ".join(x.name for x in data.late[:10]) + ("…" if len(data.late) > 10 else "")
    number = number_text(office.profile, data.head) if data.head.number else "để trống cho văn thư"
    return [
        f"{format_int(data.reported)}/{format_int(data.must_report)} đơn vị đã báo cáo; "
        f"{format_int(len(data.late))} đơn vị sẽ nhận công văn: {names}.",
        f"Hạn báo cáo đã qua: {format_date(data.deadline) or 'theo từng đơn vị'}; đề nghị gửi "
        f"trước ngày {format_date(data.new_deadline)}.",
        f"Số công văn: {number}; ngày {format_date(data.head.issued)}; thể thức "
        f"{office.profile.id}.",
    ]


def _symbol(office: Office) -> str:
    from desktop.reports.blocks import symbol_pattern

    pattern = symbol_pattern(office.profile, "CV", office.values.drafting_unit)
    return pattern.format(number="", type="CV", body=office.values.symbol).lstrip("-/ ")


def _file_name(number_symbol: str, target: LateRow) -> str:
    ident = ascii_name(target.code) or f"id{target.organisation_id}"
    name = ascii_name(target.name)[:60].rstrip("-") or "don-vi"
    return f"CongVanDonDoc_{ascii_name(number_symbol)}_{ident}_{name}.docx"


def _record(
    s: Any, office: Office, request: ReportRequest, data: DonDocData, targets: list[LateRow]
) -> Any:
    """The outgoing register entry (when numbered) and one reminder per organisation."""
    entry = None
    if data.head.number:
        entry = register_outgoing(
            s,
            office,
            "CV",
            data.head.number,
            _symbol(office),
            request.day,
            f"về việc đôn đốc báo cáo kết quả học tập, quán triệt và triển khai thực hiện "
            f"{data.document_title}",
            "; ".join(t.name for t in targets),
            request.document_id,
        )
    outgoing_id = entry.id if entry is not None else None
    r = m.Reminder
    done = set(
        s.scalars(
            select(r.tracking_id).where(
                r.tracking_id.in_([t.tracking_id for t in targets]),
                r.sent_date == request.day,
                r.outgoing_id.is_(None) if outgoing_id is None else r.outgoing_id == outgoing_id,
            )
        )
    )
    note = "Công văn đôn đốc báo cáo" + (
        f" số {number_text(office.profile, data.head)}" if entry is not None else ""
    )
    added = 0
    for t in targets:
        if t.tracking_id not in done:
            s.add(
                r(
                    tracking_id=t.tracking_id,
                    sent_date=request.day,
                    channel=Channel.PAPER.value,
                    outgoing_id=outgoing_id,
                    note=note,
                )
            )
            added += 1
    return entry, added


def export(db: Database, request: ReportRequest, path: Path, progress: Progress) -> ReportResult:
    started = time.perf_counter()
    progress(0.0, "Đang đọc số liệu…")
    data, office, targets, number_symbol = gather(db, request)
    stage = lambda f, msg: progress(0.1 + 0.8 * f, msg)  # noqa: E731
    if request.letters == "one":
        files = [(path, build_don_doc(data, office.profile, template_for(OUTPUT).path, stage))]
    else:
        template = template_for(OUTPUT_PER_ORG).path
        one_file = request.letters == "per-org"
        contents = build_letters(data, office.profile, template, one_file=one_file, progress=stage)
        if one_file:
            files = [(path, contents[0])]
        else:
            files = [
                (path / _file_name(number_symbol, t), c)
                for t, c in zip(targets, contents, strict=True)
            ]
    progress(0.9, "Đang ghi tệp và sổ đôn đốc…")
    with db.transaction() as s:
        entry, added = _record(s, office, request, data, targets)
        if request.letters == "per-org-files":
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ValidationError(
                    f"Không tạo được thư mục «{path}» ({exc.strerror or exc}). Chọn thư mục khác.",
                    "path",
                ) from exc
        for file, content in files:
            write_docx(file, content)
    progress(1.0, "Đã ghi tệp.")
    where = f"{format_int(len(files))} tệp trong {path}" if len(files) > 1 else str(path)
    number = (
        f"số {number_text(office.profile, data.head)} đã vào sổ văn bản đi"
        if entry is not None
        else "số để trống cho văn thư"
    )
    summary = (
        f"Đã ghi công văn đôn đốc {number_symbol} vào {where}: "
        f"{format_int(len(targets))} đơn vị quá hạn "
        f"({format_int(data.reported)}/{format_int(data.must_report)} đơn vị đã báo "
        f"cáo); {number}; ghi thêm {format_int(added)} lần đôn đốc."
    )
    return ReportResult(tuple(p for p, _c in files), summary, time.perf_counter() - started)
