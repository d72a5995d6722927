"""Generate the shipped Word templates in ``resources/templates/`` (run once; commit the output).

    uv run python -m desktop.reports.make_templates

The output is reproducible: the same script gives byte-identical files (fixed document
properties and zip timestamps). Each template holds the wording of one output with ``{{ … }}``
placeholders and the ``VB_*`` paragraph styles; the layout numbers are set again from the
format profile every time a report is written, so only the words matter here.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from docx import Document

from desktop.reports.docx_base import (
    EXTRA_ELEMENTS,
    apply_extra_styles,
    apply_profile,
    style_id,
)
from desktop.reports.profiles import load_profile

__all__ = ["DON_DOC", "DON_DOC_DON_VI", "HANG_NAM", "KET_QUA", "SO_THEO_DOI", "SO_VAN_BAN_DI",
           "TEMPLATES", "build_template", "main", "write_reproducibly"]

_FIXED = datetime(2026, 1, 1, 0, 0, 0)

# (style element, text); "heading1" paragraphs are numbered I, II… by the writer.
KET_QUA: list[tuple[str, str]] = [
    ("body", "{{ khoi_tieu_de }}"),
    ("type_title", "BÁO CÁO"),
    ("excerpt", "kết quả học tập, quán triệt và triển khai thực hiện {{ van_ban }} "
                "{{ trich_yeu_van_ban }}"),
    ("separator", "{{ gach_duoi_trich_yeu }}"),
    ("body", "Thực hiện {{ van_ban }} {{ trich_yeu_van_ban }}, {{ don_vi }} báo cáo kết quả "
             "học tập, quán triệt và triển khai thực hiện như sau:"),
    ("heading1", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO VÀ TỔ CHỨC HỌC TẬP, QUÁN TRIỆT"),
    ("heading2", "1. Công tác lãnh đạo, chỉ đạo"),
    ("body", "Ngay sau khi nhận được {{ van_ban }}, {{ don_vi }} đã tham mưu ban hành văn bản "
             "hướng dẫn, đôn đốc các đơn vị tổ chức học tập, quán triệt và xây dựng kế hoạch "
             "triển khai thực hiện phù hợp với tình hình thực tế của từng đơn vị."),
    ("heading2", "2. Kết quả học tập, quán triệt"),
    ("body", "Tính đến ngày {{ ngay_so_lieu }}, {{ don_vi_da_hoc_tap }} đã tổ chức học tập, "
             "quán triệt {{ van_ban }} với các hình thức: {{ hinh_thuc }}. Kết quả: "
             "{{ chi_bo }} đã tổ chức học tập, quán triệt; {{ dang_vien }} và {{ quan_chung }} "
             "lượt quần chúng tham gia."),
    ("body", "Đã có {{ don_vi_da_bao_cao }} gửi báo cáo kết quả; còn "
             "{{ so_don_vi_chua_bao_cao }} đơn vị chưa báo cáo (có biểu tổng hợp và danh sách "
             "kèm theo)."),
    ("heading1", "KẾT QUẢ TRIỂN KHAI THỰC HIỆN"),
    ("body", "Các cấp ủy, tổ chức đảng đã cụ thể hóa nội dung văn bản vào chương trình, kế "
             "hoạch công tác; tăng cường tuyên truyền, giáo dục, cung cấp thông tin định hướng "
             "cho cán bộ, đảng viên qua sinh hoạt chi bộ, cơ quan, đoàn thể."),
    ("heading1", "ĐÁNH GIÁ CHUNG"),
    ("heading2", "1. Ưu điểm"),
    ("body", "Việc học tập, quán triệt được tiến hành nghiêm túc, đúng thời gian; nhận thức, "
             "trách nhiệm của cán bộ, đảng viên được nâng lên."),
    ("heading2", "2. Hạn chế, khuyết điểm"),
    ("body", "Một số đơn vị báo cáo chậm so với thời gian quy định; chất lượng báo cáo của một "
             "số nơi chưa cao."),
    ("heading2", "3. Nguyên nhân"),
    ("body", "Một số cấp ủy chưa quan tâm đúng mức đến công tác kiểm tra, đôn đốc việc thực "
             "hiện chế độ báo cáo."),
    ("heading1", "NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI"),
    ("body", "Tiếp tục chỉ đạo các đơn vị chưa tổ chức học tập, quán triệt khẩn trương hoàn "
             "thành và báo cáo kết quả; tăng cường kiểm tra, giám sát việc thực hiện."),
    ("heading1", "ĐỀ XUẤT, KIẾN NGHỊ"),
    ("body", "Không có."),
    ("body", "Trên đây là báo cáo kết quả học tập, quán triệt và triển khai thực hiện "
             "{{ van_ban }} của {{ don_vi }}."),
    ("body", "{{ khoi_ky }}"),
    ("body", "{{ phu_luc }}"),
]

# the công văn đôn đốc: one letter with the list of late organisations attached …
_LETTER_HEAD: list[tuple[str, str]] = [
    ("body", "{{ khoi_tieu_de }}"),
    ("letter_excerpt", "{{ ve_viec }} đôn đốc báo cáo kết quả học tập, quán triệt và triển "
                       "khai thực hiện {{ van_ban }}"),
    ("salutation", "Kính gửi: {{ kinh_gui }}."),
    ("body", "Thực hiện {{ van_ban }} {{ trich_yeu_van_ban }}, các đơn vị báo cáo kết quả học "
             "tập, quán triệt và triển khai thực hiện trước ngày {{ han_bao_cao }}."),
]
DON_DOC: list[tuple[str, str]] = _LETTER_HEAD + [
    ("body", "Đến ngày {{ ngay_so_lieu }}, {{ don_vi }} đã nhận được báo cáo của "
             "{{ don_vi_da_bao_cao }}; còn {{ so_don_vi_chua_bao_cao }} đơn vị quá hạn chưa gửi "
             "báo cáo (có danh sách kèm theo)."),
    ("body", "Đề nghị các đơn vị khẩn trương hoàn thành, gửi báo cáo về {{ don_vi }} trước ngày "
             "{{ han_moi }} để tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy. Quá thời hạn trên, "
             "{{ don_vi }} sẽ báo cáo Thường trực Tỉnh ủy danh sách các đơn vị chưa thực hiện."),
    ("body", "{{ khoi_ky }}"),
    ("body", "{{ danh_sach }}"),
]
# … or one letter per organisation
DON_DOC_DON_VI: list[tuple[str, str]] = _LETTER_HEAD + [
    ("body", "Đến ngày {{ ngay_so_lieu }}, {{ don_vi }} đã nhận được báo cáo của "
             "{{ don_vi_da_bao_cao }}; {{ kinh_gui }} chưa gửi báo cáo, đã quá hạn "
             "{{ so_ngay_qua_han }} ngày làm việc."),
    ("body", "Đề nghị {{ kinh_gui }} khẩn trương hoàn thành, gửi báo cáo về {{ don_vi }} trước "
             "ngày {{ han_moi }} để tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy."),
    ("body", "{{ khoi_ky }}"),
]
HANG_NAM: list[tuple[str, str]] = [
    ("body", "{{ khoi_tieu_de }}"),
    ("type_title", "BÁO CÁO"),
    ("excerpt", "kết quả theo dõi việc học tập, quán triệt và triển khai thực hiện các văn bản "
                "{{ ky_bao_cao }}"),
    ("separator", "{{ gach_duoi_trich_yeu }}"),
    ("body", "Thực hiện chức năng, nhiệm vụ được giao, {{ don_vi }} báo cáo kết quả theo dõi "
             "việc học tập, quán triệt và triển khai thực hiện các văn bản ban hành "
             "{{ ky_bao_cao }} như sau:"),
    ("heading1", "TÌNH HÌNH CHUNG"),
    ("body", "Tính đến ngày {{ ngay_so_lieu }}, {{ don_vi }} theo dõi {{ so_van_ban }} văn bản, "
             "gửi đến {{ luot_don_vi }} lượt đơn vị. Đã nhận: {{ da_nhan }}; đã tổ chức học "
             "tập, quán triệt: {{ da_hoc_tap }}; đã báo cáo kết quả: {{ da_bao_cao }} phải báo "
             "cáo; còn {{ qua_han }} lượt đơn vị quá hạn."),
    ("body", "Kết quả học tập, quán triệt: {{ chi_bo }}; {{ dang_vien }}."),
    ("heading1", "KẾT QUẢ THỰC HIỆN TỪNG VĂN BẢN"),
    ("body", "{{ cac_van_ban }}"),
    ("heading1", "ĐÁNH GIÁ CHUNG"),
    ("body", "Các cấp ủy, tổ chức đảng cơ bản thực hiện nghiêm túc việc học tập, quán triệt và "
             "báo cáo kết quả; một số đơn vị còn chậm báo cáo so với thời gian quy định."),
    ("heading1", "NHIỆM VỤ THỜI GIAN TỚI"),
    ("body", "Tiếp tục theo dõi, đôn đốc các đơn vị chưa hoàn thành; tăng cường kiểm tra, giám "
             "sát việc thực hiện các văn bản."),
    ("body", "Trên đây là báo cáo kết quả theo dõi việc học tập, quán triệt và triển khai thực "
             "hiện các văn bản {{ ky_bao_cao }} của {{ don_vi }}."),
    ("body", "{{ khoi_ky }}"),
    ("body", "{{ phu_luc }}"),
]
SO_THEO_DOI: list[tuple[str, str]] = [
    ("body", "{{ khoi_tieu_de }}"),
    ("type_title", "SỔ THEO DÕI"),
    ("excerpt", "việc nhận, học tập, quán triệt, xây dựng kế hoạch và báo cáo kết quả thực hiện "
                "{{ van_ban }} {{ trich_yeu_van_ban }}"),
    ("appendix_note", "(Số liệu tính đến ngày {{ ngay_so_lieu }}: {{ so_don_vi }} đơn vị nhận "
                      "văn bản; {{ tong_hop }})"),
    ("body", "{{ bang }}"),
]
SO_VAN_BAN_DI: list[tuple[str, str]] = [
    ("body", "{{ khoi_tieu_de }}"),
    ("type_title", "SỔ ĐĂNG KÝ VĂN BẢN ĐI"),
    ("excerpt", "của {{ don_vi }} từ ngày {{ tu_ngay }} đến ngày {{ den_ngay }}"),
    ("appendix_note", "(Gồm {{ so_van_ban }} văn bản)"),
    ("body", "{{ bang }}"),
]

TEMPLATES = {"ket-qua": KET_QUA, "don-doc": DON_DOC, "don-doc-don-vi": DON_DOC_DON_VI,
             "hang-nam": HANG_NAM, "so-theo-doi": SO_THEO_DOI, "so-van-ban-di": SO_VAN_BAN_DI}
_TITLES = {
    "ket-qua": "Mẫu báo cáo kết quả học tập, quán triệt",
    "don-doc": "Mẫu công văn đôn đốc (một công văn, danh sách kèm theo)",
    "don-doc-don-vi": "Mẫu công văn đôn đốc (mỗi đơn vị một công văn)",
    "hang-nam": "Mẫu báo cáo kết quả theo dõi trong năm",
    "so-theo-doi": "Mẫu sổ theo dõi thực hiện văn bản",
    "so-van-ban-di": "Mẫu sổ đăng ký văn bản đi",
}


def build_template(paragraphs: list[tuple[str, str]], name: str = "ket-qua") -> bytes:
    """A template's bytes: the ``VB_*`` styles (set from party-36) and the paragraphs."""
    doc = Document()
    profile = load_profile("party-36")
    apply_profile(doc, profile)
    extra = tuple(sorted({e for e, _t in paragraphs if e in EXTRA_ELEMENTS[profile.regime]}))
    if extra:
        apply_extra_styles(doc, profile, extra)
    body = doc.element.body
    section_properties = body.sectPr
    for child in list(body):
        if child is not section_properties:
            body.remove(child)
    for element, text in paragraphs:
        paragraph = doc.add_paragraph(text)
        paragraph._p.get_or_add_pPr().style = style_id(element)
    props = doc.core_properties
    props.author = props.last_modified_by = "Theo dõi Chỉ thị"
    props.title = _TITLES[name]
    props.created = props.modified = _FIXED
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_reproducibly(data: bytes, path: Path) -> None:
    """Re-zip with fixed timestamps so that the committed file only changes with its
    content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    from desktop.config import resources_dir

    folder = resources_dir() / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for name, paragraphs in TEMPLATES.items():
        path = folder / f"{name}.docx"
        write_reproducibly(build_template(paragraphs, name), path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
