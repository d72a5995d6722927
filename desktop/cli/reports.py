"""``theodoi-cli report``: the official Word outputs, one subcommand each, built from the
registry :data:`desktop.services.report_outputs.OUTPUTS` (the GUI uses the same one).

    theodoi-cli report ket-qua --document "15-CT/TU" --out BaoCao.docx [--date dd/mm/yyyy]
        [--as-of dd/mm/yyyy] [--number N] [--signer "Họ tên"] [--signer-title …]
        [--signer-authority …] [--profile party-36|state-30]
    theodoi-cli report don-doc --document "15-CT/TU" --out CongVan.docx
        [--letters one|per-org|per-org-files] [--org X001 …]
    theodoi-cli report hang-nam --year 2026 --out BaoCaoNam.docx
    theodoi-cli report so-theo-doi --document "15-CT/TU" --out SoTheoDoi.docx
    theodoi-cli report so-van-ban-di --from 01/01/2026 --to 31/12/2026 --out SoDi.docx
    theodoi-cli report template ket-qua [--edit | --restore]

What each output needs (a document, a year, a period) comes from its
:class:`~desktop.services.report_outputs.OutputSpec`; the options every output shares are
added by :func:`_common_options`. ``--preview`` prints the figures without writing anything.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, date_arg, positive


def _common_options(p: argparse.ArgumentParser, needs: frozenset[str]) -> None:
    if "document" in needs:
        p.add_argument("--document", required=True, metavar="SỐ_KÝ_HIỆU",
                       help='văn bản được báo cáo, ví dụ "15-CT/TU"')
    if "year" in needs:
        p.add_argument("--year", type=positive, metavar="NĂM",
                       help="năm ban hành các văn bản (mặc định năm của --date)")
    if "period" in needs or "year" in needs:
        required = "period" in needs
        p.add_argument("--from", dest="period_start", type=date_arg, required=required,
                       metavar="dd/mm/yyyy", help="từ ngày")
        p.add_argument("--to", dest="period_end", type=date_arg, required=required,
                       metavar="dd/mm/yyyy", help="đến ngày")
    p.add_argument("--out", required=True, metavar="TỆP.docx", help="tệp Word sẽ ghi")
    p.add_argument("--date", type=date_arg, help="ngày của văn bản in ra (dd/mm/yyyy; mặc "
                   "định hôm nay)")
    p.add_argument("--as-of", type=date_arg, help="số liệu tính đến ngày (mặc định --date)")
    p.add_argument("--number", metavar="SỐ",
                   help="số văn bản; mặc định lấy từ sổ văn bản đi, không có thì để trống")
    p.add_argument("--signer", metavar="HỌ_TÊN", help="người ký (mặc định của cơ quan)")
    p.add_argument("--signer-title", metavar="CHỨC_VỤ", help='ví dụ "PHÓ TRƯỞNG BAN"')
    p.add_argument("--signer-authority", metavar="QUYỀN_HẠN",
                   help='ví dụ "K/T TRƯỞNG BAN"; "" để bỏ dòng này')
    p.add_argument("--profile", metavar="HỒ_SƠ",
                   help="thể thức: party-36, state-30, party-2026 (mặc định của cơ quan)")
    p.add_argument("--preview", action="store_true",
                   help="chỉ in các số liệu sẽ đưa vào văn bản, không ghi tệp")


def _add_don_doc(p: argparse.ArgumentParser) -> None:
    p.add_argument("--letters", choices=("one", "per-org", "per-org-files"), default="one",
                   help="one: một công văn kèm danh sách (mặc định); per-org: mỗi đơn vị một "
                        "công văn, chung một tệp; per-org-files: mỗi đơn vị một tệp, --out là "
                        "thư mục")
    p.add_argument("--org", action="append", metavar="MÃ_ĐƠN_VỊ",
                   help="chỉ gửi các đơn vị này (mã đơn vị; lặp lại được)")


def register(sub: Any) -> None:
    from desktop.services.report_outputs import OUTPUTS

    report = sub.add_parser("report", help="in báo cáo, công văn, sổ ra tệp Word đúng thể thức")
    outputs = report.add_subparsers(dest="output", metavar="LOẠI", parser_class=type(report))
    outputs.required = True
    for key, spec in OUTPUTS.items():
        p = outputs.add_parser(key, help=spec.label[:1].lower() + spec.label[1:])
        _common_options(p, spec.needs)
        if key == "don-doc":
            _add_don_doc(p)
        p.set_defaults(handler=_cmd_output)
    tpl = outputs.add_parser("template", help="mẫu Word: chỗ lưu, sửa, khôi phục mặc định")
    names = sorted(_template_names())
    tpl.add_argument("name", choices=names, metavar="MẪU", help=f"một trong: {', '.join(names)}")
    action = tpl.add_mutually_exclusive_group()
    action.add_argument("--edit", action="store_true",
                        help="tạo bản sao để sửa trong Word (nếu chưa có) và in đường dẫn")
    action.add_argument("--restore", action="store_true",
                        help="bỏ bản đã sửa, dùng lại mẫu mặc định")
    tpl.set_defaults(handler=_cmd_template)


def _template_names() -> list[str]:
    from desktop.reports.make_templates import TEMPLATES

    return list(TEMPLATES)


def _request(db: Any, args: argparse.Namespace) -> Any:
    from desktop.services.documents import find_document
    from desktop.services.report_outputs import ReportRequest

    document = find_document(db, args.document) if getattr(args, "document", None) else None
    org_ids = None
    if getattr(args, "org", None):
        from desktop.services.report_don_doc import organisation_ids

        assert document is not None
        org_ids = organisation_ids(db, document.id, args.org)
    return ReportRequest(
        output=args.output, document_id=document.id if document else None,
        year=getattr(args, "year", None), period_start=getattr(args, "period_start", None),
        period_end=getattr(args, "period_end", None), report_date=args.date,
        as_of=args.as_of, number=args.number, signer_authority=args.signer_authority,
        signer_title=args.signer_title, signer_name=args.signer, profile=args.profile,
        organisation_ids=org_ids, letters=getattr(args, "letters", "one"),
    )


def _cmd_output(db: Any, args: argparse.Namespace) -> int:
    from desktop.services.report_outputs import export, preview

    request = _request(db, args)
    if args.preview:
        for line in preview(db, request):
            print(line)
        return EXIT_OK
    result = export(db, request, args.out)
    print(f"{result.summary} ({result.seconds:.1f} giây)")
    return EXIT_OK


def _cmd_template(db: Any, args: argparse.Namespace) -> int:
    from desktop.reports.templates import edit_copy, restore_default, template_for

    if args.restore:
        moved = restore_default(args.name)
        print("Đã khôi phục mẫu mặc định" + (" (bản đã sửa được giữ lại với đuôi .bak)."
                                              if moved else "; trước đó chưa có bản sửa."))
    elif args.edit:
        print(f"Mở tệp này trong Word để sửa mẫu: {edit_copy(args.name)}")
    else:
        info = template_for(args.name)
        kind = "bản đã sửa" if info.is_user_copy else "mẫu mặc định"
        print(f"Mẫu «{args.name}» đang dùng ({kind}): {info.path}")
    return EXIT_OK
