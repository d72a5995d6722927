"""``theodoi-cli report``: official Word outputs, one subcommand each.

    theodoi-cli report ket-qua --document "15-CT/TU" --out BaoCao.docx [--date dd/mm/yyyy]
        [--as-of dd/mm/yyyy] [--number N] [--signer "Họ tên"] [--signer-title …]
        [--signer-authority …] [--profile party-36|state-30]
    theodoi-cli report template ket-qua [--edit | --restore]

Each output registers one subparser in :data:`OUTPUTS` (don-doc, hang-nam, so-theo-doi and
so-van-ban-di come later with their services); the common options are added by
:func:`_common_options`.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, date_arg


def _common_options(p: argparse.ArgumentParser, *, document: bool = True) -> None:
    if document:
        p.add_argument("--document", required=True, metavar="SỐ_KÝ_HIỆU",
                       help='văn bản được báo cáo, ví dụ "15-CT/TU"')
    p.add_argument("--out", required=True, metavar="TỆP.docx", help="tệp Word sẽ ghi")
    p.add_argument("--date", type=date_arg, help="ngày của báo cáo (dd/mm/yyyy; mặc định hôm nay)")
    p.add_argument("--number", metavar="SỐ",
                   help="số của báo cáo; mặc định lấy từ sổ văn bản đi, không có thì để trống")
    p.add_argument("--signer", metavar="HỌ_TÊN", help="người ký (mặc định của cơ quan)")
    p.add_argument("--signer-title", metavar="CHỨC_VỤ", help='ví dụ "PHÓ TRƯỞNG BAN"')
    p.add_argument("--signer-authority", metavar="QUYỀN_HẠN",
                   help='ví dụ "K/T TRƯỞNG BAN"; "" để bỏ dòng này')
    p.add_argument("--profile", metavar="HỒ_SƠ",
                   help="thể thức: party-36, state-30, party-2026 (mặc định của cơ quan)")


def register(sub: Any) -> None:
    report = sub.add_parser("report", help="in báo cáo, công văn ra tệp Word đúng thể thức")
    outputs = report.add_subparsers(dest="output", metavar="LOẠI", parser_class=type(report))
    outputs.required = True
    for name, (help_text, add, handler) in OUTPUTS.items():
        p = outputs.add_parser(name, help=help_text)
        add(p)
        p.set_defaults(handler=handler)
    tpl = outputs.add_parser("template", help="mẫu Word: chỗ lưu, sửa, khôi phục mặc định")
    tpl.add_argument("name", choices=sorted(OUTPUTS), metavar="LOẠI",
                     help=f"một trong: {', '.join(sorted(OUTPUTS))}")
    action = tpl.add_mutually_exclusive_group()
    action.add_argument("--edit", action="store_true",
                        help="tạo bản sao để sửa trong Word (nếu chưa có) và in đường dẫn")
    action.add_argument("--restore", action="store_true",
                        help="bỏ bản đã sửa, dùng lại mẫu mặc định")
    tpl.set_defaults(handler=_cmd_template)


def _add_ket_qua(p: argparse.ArgumentParser) -> None:
    _common_options(p)
    p.add_argument("--as-of", type=date_arg, help="số liệu tính đến ngày (mặc định --date)")


def _cmd_ket_qua(db: Any, args: argparse.Namespace) -> int:
    from desktop.domain.numbers import format_int
    from desktop.services.documents import find_document
    from desktop.services.report_ket_qua import KetQuaOptions, export_ket_qua

    document = find_document(db, args.document)
    options = KetQuaOptions(report_date=args.date, as_of=args.as_of, number=args.number,
                            signer_authority=args.signer_authority,
                            signer_title=args.signer_title, signer_name=args.signer,
                            profile=args.profile)
    result = export_ket_qua(db, document.id, args.out, options)
    template = "mẫu đã sửa" if result.user_template else "mẫu mặc định"
    print(f"Đã ghi báo cáo kết quả {document.number_symbol} vào {result.path}: "
          f"{format_int(result.rows)} đơn vị trong biểu tổng hợp, "
          f"{format_int(result.pending)} đơn vị chưa báo cáo (thể thức {result.profile}, "
          f"{template}) — {result.seconds:.1f} giây.")
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


OUTPUTS = {
    "ket-qua": ("báo cáo kết quả học tập, quán triệt và triển khai thực hiện một văn bản",
                _add_ket_qua, _cmd_ket_qua),
}
