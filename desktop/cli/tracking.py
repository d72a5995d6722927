"""Commands on the tracking grid: ``theodoi-cli tracking set|list``.

``set`` records what came back from one organisation for one document (receipt, study session,
plan, a report) in one transaction; every value is checked by the services, and a refusal
exits 1 with a Vietnamese message naming the field and nothing written. Values are taken as
typed (dates day first, "1.234", an enum's code or its Vietnamese label), so argparse itself
never refuses them with a usage error.

``list`` prints the document's rows (filters as in the grid) as a Vietnamese table, or with
``--json`` as data for scripts (codes and ISO dates).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from typing import Any

from desktop.cli.common import EXIT_OK, Parser, date_arg

#: option → tracking field
_ROW_OPTIONS = (
    ("--sent", "sent_date", "NGÀY", "ngày gửi văn bản (dd/mm/yyyy)"),
    ("--received", "received_date", "NGÀY", "ngày đơn vị nhận văn bản (dd/mm/yyyy)"),
    ("--channel", "sent_channel", "KÊNH", "hình thức gửi, nhận: giay, dien_tu, hoi_nghi"),
    ("--confirmed-by", "received_confirmed_by", "CHỨC_VỤ",
     "chức vụ người xác nhận đã nhận (không ghi tên người)"),
    ("--session", "study_date", "NGÀY", "ngày học tập, quán triệt (dd/mm/yyyy)"),
    ("--session-end", "study_end_date", "NGÀY", "ngày kết thúc học tập (nếu nhiều buổi)"),
    ("--form", "study_form", "HÌNH_THỨC",
     "hình thức học tập: hoi_nghi, truc_tuyen, sinh_hoat_chi_bo, khac"),
    ("--sessions", "study_sessions", "N", "số buổi, hội nghị"),
    ("--cells-held", "cells_held", "N", "số chi bộ đã học tập"),
    ("--cells-total", "cells_total", "N", "tổng số chi bộ"),
    ("--members-attending", "members_attending", "N", "số đảng viên tham gia"),
    ("--members-total", "members_total", "N", "tổng số đảng viên"),
    ("--non-members", "non_members", "N", "số lượt quần chúng tham gia"),
    ("--plan-number", "plan_number", "SỐ", 'số kế hoạch, ví dụ "05-KH/ĐU"'),
    ("--plan-date", "plan_date", "NGÀY", "ngày ban hành kế hoạch"),
    ("--plan-status", "plan_status", "TÌNH_TRẠNG",
     "tình trạng kế hoạch: dang_xay_dung, da_ban_hanh, khong_yeu_cau"),
    ("--note", "note", "GHI_CHÚ", "ghi chú"),
)
_REPORT_OPTIONS = (
    ("--report-date", "received_date", "NGÀY", "ngày văn phòng nhận được báo cáo"),
    ("--report-number", "number", "SỐ", 'số báo cáo, ví dụ "12-BC/ĐU"'),
    ("--report-signed", "report_date", "NGÀY", "ngày ghi trên báo cáo"),
    ("--report-period", "period", "KỲ", 'kỳ báo cáo, ví dụ "6 tháng đầu năm 2026"'),
    ("--report-status", "status", "ĐÁNH_GIÁ",
     "dung_han, qua_han, tra_lai (bỏ trống: tính theo hạn)"),
)


def _dest(option: str) -> str:
    return option.lstrip("-").replace("-", "_")


def register(sub: Any) -> None:
    tracking = sub.add_parser("tracking", help="theo dõi tiếp nhận, học tập, báo cáo")
    tr_sub = tracking.add_subparsers(dest="action", metavar="VIỆC", parser_class=Parser)
    tr_sub.required = True

    st = tr_sub.add_parser(
        "set", help="ghi số liệu một đơn vị đã gửi về cho một văn bản",
        description='Ví dụ: tracking set --document "15-CT/TU" --org X001 --received '
        "05/02/2026 --channel dien_tu --session 20/02/2026 --members-attending 120")
    st.add_argument("--document", required=True, metavar="SỐ_KÝ_HIỆU",
                    help='văn bản, ví dụ "15-CT/TU" hoặc mã số "#12"')
    st.add_argument("--org", required=True, metavar="MÃ_ĐƠN_VỊ", help="mã của đơn vị")
    for option, _field, metavar, text in _ROW_OPTIONS + _REPORT_OPTIONS:
        st.add_argument(option, metavar=metavar, help=text)
    st.add_argument("--as-of", type=date_arg, help="coi hôm nay là ngày này (dd/mm/yyyy)")
    st.add_argument("--json", action="store_true", help="in dòng đã ghi dạng JSON")
    st.set_defaults(handler=_cmd_set)

    ls = tr_sub.add_parser("list", help="liệt kê các đơn vị nhận một văn bản và tình trạng")
    ls.add_argument("--document", required=True, metavar="SỐ_KÝ_HIỆU",
                    help='văn bản, ví dụ "15-CT/TU"')
    ls.add_argument("--overdue", action="store_true", help="chỉ các đơn vị quá hạn")
    ls.add_argument("--status", action="append", metavar="TÌNH_TRẠNG",
                    help="chỉ tình trạng này (ghi nhiều lần được): chua_nhan, da_nhan, "
                    "da_quan_triet, da_co_ke_hoach, tra_lai, da_bao_cao_qua_han, "
                    "da_bao_cao_dung_han")
    ls.add_argument("--group", metavar="NHÓM", help="chỉ một nhóm nơi nhận")
    ls.add_argument("--level", metavar="CẤP", help="chỉ các đơn vị ở cấp này (1: trực thuộc)")
    ls.add_argument("--search", help="tìm theo tên, mã đơn vị (không cần dấu)")
    ls.add_argument("--sort", default="org", metavar="CỘT",
                    help="sắp xếp theo cột (org, name, status, days_overdue, received_date…)")
    ls.add_argument("--desc", action="store_true", help="sắp xếp giảm dần")
    ls.add_argument("--as-of", type=date_arg, help="tính đến ngày (dd/mm/yyyy)")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    ls.set_defaults(handler=_cmd_list)


def _row_json(row: Any) -> dict[str, Any]:
    data = asdict(row)
    data.update(status_label=row.status_label, overdue=row.overdue,
                members_percent=row.members_percent)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in data.items()}


def _find_row(db: Any, document: str, code: str) -> tuple[Any, Any]:
    from sqlalchemy import func, select

    from desktop.domain.errors import NotFoundError
    from desktop.services.documents import find_document
    from desktop.store import models as m

    doc = find_document(db, document)
    t, o = m.Tracking, m.Organisation
    with db.read() as s:
        found = s.execute(
            select(t.id, t.version).join(o, o.id == t.organisation_id)
            .where(t.document_id == doc.id, func.upper(o.code) == code.strip().upper())
        ).first()
    if found is None:
        raise NotFoundError(
            f"Văn bản {doc.number_symbol} không có dòng theo dõi cho đơn vị mã «{code}». Xem "
            f'các đơn vị nhận bằng lệnh «theodoi-cli tracking list --document "'
            f'{doc.number_symbol}"».')
    return doc, found


def _cmd_set(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.dates import format_date
    from desktop.services.tracking_edit import ReportInput, update_row

    doc, (tracking_id, version) = _find_row(db, args.document, args.org)
    changes = {field: getattr(args, _dest(option)) for option, field, _m, _h in _ROW_OPTIONS
               if getattr(args, _dest(option)) is not None}
    report_values = {field: getattr(args, _dest(option))
                     for option, field, _m, _h in _REPORT_OPTIONS
                     if getattr(args, _dest(option)) is not None}
    report = ReportInput(**report_values) if report_values else None
    result = update_row(db, tracking_id, changes, version, report=report, today=args.as_of)
    row = result.row
    if args.json:
        print(json.dumps(_row_json(row), ensure_ascii=False, indent=2))
        return EXIT_OK
    if result.undo.empty:
        print(f"Không có gì thay đổi ở dòng «{row.org_name}» (văn bản {doc.number_symbol}).")
    else:
        print(f"Đã ghi dòng «{row.org_name}» (văn bản {doc.number_symbol}): "
              f"{result.undo.description[0].lower()}{result.undo.description[1:]}.")
    late = f", quá hạn {row.days_overdue} ngày làm việc" if row.overdue else ""
    due = f"; hạn {format_date(row.due_date)}" if row.due_date else ""
    print(f"  Tình trạng: {row.status_label}{late}{due}.")
    return EXIT_OK


def _cmd_list(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.errors import ValidationError
    from desktop.services.document_lookup import find_group
    from desktop.services.documents import find_document
    from desktop.services.tracking_grid import SortSpec, TrackingFilter, fetch_rows, row_ids

    doc = find_document(db, args.document)
    level = None
    if args.level is not None:
        if not args.level.strip().isdigit():
            raise ValidationError(f"Cấp phải là một số (1, 2, …), không phải «{args.level}».",
                                  "level")
        level = int(args.level)
    flt = TrackingFilter(statuses=frozenset(args.status or ()), overdue_only=args.overdue,
                         group_id=find_group(db, args.group).id if args.group else None,
                         depth=level, search=args.search or "")
    ids = row_ids(db, doc.id, flt, SortSpec(args.sort, args.desc), args.as_of)
    rows = fetch_rows(db, ids, args.as_of)
    if args.json:
        print(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_table(doc, rows)
    return EXIT_OK


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _print_table(doc: Any, rows: list[Any]) -> None:
    from desktop.domain.dates import format_date
    from desktop.domain.numbers import format_int, format_percent

    print(f"{doc.type_name} số {doc.number_symbol} ngày {format_date(doc.issue_date)}")
    if not rows:
        print("Không có đơn vị nào khớp.")
        return
    code_w = max(3, *(len(r.org_code or "") for r in rows))
    header = (f"{'Mã':<{code_w}}  {'Đơn vị':<40}  {'Nhận':<10}  {'Học tập':<10}  "
              f"{'Dự/Tổng ĐV':>17}  {'Kế hoạch':<10}  {'Báo cáo':<10}  {'Tình trạng':<22}  "
              "Quá hạn")
    print(header)
    print("-" * len(header))
    for r in rows:
        members = ""
        if r.members_attending is not None:
            members = f"{format_int(r.members_attending)}/{format_int(r.members_total)}"
            if r.members_percent is not None:
                members += f" {format_percent(r.members_percent, 0)}"
        late = f"{r.days_overdue} ngày" if r.overdue else ""
        print(f"{r.org_code or '':<{code_w}}  {_cut(r.org_name, 40):<40}  "
              f"{format_date(r.received_date):<10}  {format_date(r.study_date):<10}  "
              f"{members:>17}  {format_date(r.plan_date):<10}  "
              f"{format_date(r.report_received_date):<10}  {r.status_label:<22}  {late}")
    overdue = sum(1 for r in rows if r.overdue)
    print(f"— {format_int(len(rows))} đơn vị; {format_int(overdue)} đơn vị quá hạn "
          "(tính theo ngày làm việc)")
