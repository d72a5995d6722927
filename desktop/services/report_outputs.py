"""The official Word outputs, one registry for the command line and the GUI.

:data:`OUTPUTS` lists them in menu order (:class:`OutputSpec`: key, Vietnamese label, what the
clerk must choose, the default file name). :func:`preview` returns the figures that will be
printed, as lines a clerk checks before exporting (nothing is written); :func:`export` writes
the file(s) and returns a :class:`ReportResult` with one Vietnamese sentence for the clerk.

Each output's service holds ``export(db, request, path, progress)`` and
``preview(db, request)``: ``report_ket_qua`` (through :func:`_ket_qua_export`, its own options
built from the request), ``report_don_doc``, ``report_hang_nam`` and ``report_registers``
(so-theo-doi, so-van-ban-di). They are imported when first used, so opening the GUI's export
dialog costs nothing.

Numbers: ``request.number`` ``None`` takes the number from the outgoing register (the office's
entry for this output, document and date), else leaves it blank; ``""`` leaves it blank;
digits print that number (see :mod:`desktop.services.report_common`; the công văn đôn đốc also
enters it in the outgoing register and records the reminders, when exported — never on
preview).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import Any

from desktop.domain.dates import format_date
from desktop.domain.errors import ValidationError

__all__ = [
    "OUTPUTS",
    "OutputSpec",
    "Progress",
    "ReportRequest",
    "ReportResult",
    "export",
    "preview",
]

Progress = Callable[[float, str], None]
LETTER_MODES = ("one", "per-org", "per-org-files")


@dataclass(frozen=True)
class ReportRequest:
    output: str  # "ket-qua" | "don-doc" | "hang-nam" | "so-theo-doi" | "so-van-ban-di"
    document_id: int | None = None  # ket-qua, don-doc, so-theo-doi
    year: int | None = None  # hang-nam
    period_start: date | None = None  # so-van-ban-di (and optional for hang-nam)
    period_end: date | None = None
    report_date: date | None = None  # default today
    as_of: date | None = None  # figures as of; default report_date
    number: str | None = None  # None: from the outgoing register; "": blank
    signer_authority: str | None = None
    signer_title: str | None = None
    signer_name: str | None = None
    profile: str | None = None
    recipients: tuple[str, ...] | None = None
    organisation_ids: tuple[int, ...] | None = None  # don-doc: which late organisations
    letters: str = "one"  # don-doc: "one" | "per-org" | "per-org-files"

    @property
    def day(self) -> date:
        return self.report_date or date.today()

    @property
    def figures_day(self) -> date:
        return self.as_of or self.day


@dataclass(frozen=True)
class ReportResult:
    paths: tuple[Path, ...]  # the file(s) written
    summary: str  # one Vietnamese sentence for the clerk
    seconds: float


@dataclass(frozen=True)
class OutputSpec:
    key: str
    label: str
    needs: frozenset[str]  # subset of {"document", "year", "period"}
    default_name: Callable[[ReportRequest, str], str]
    writes_folder: bool  # True: with letters="per-org-files" the path is a folder

    def is_folder(self, request: ReportRequest) -> bool:
        """Whether this request writes a folder (one file per organisation)."""
        return self.writes_folder and request.letters == "per-org-files"


_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def ascii_name(text: str) -> str:
    """ "15-CT/TU" → "15-CT-TU", "Đảng bộ xã" → "Dang-bo-xa": safe in any file system."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    plain = plain.replace("đ", "d").replace("Đ", "D")
    return _UNSAFE.sub("-", plain).strip("-")


def _dated(stem: str) -> Callable[[ReportRequest, str], str]:
    def name(request: ReportRequest, document: str) -> str:
        parts = [stem, ascii_name(document), format_date(request.day).replace("/", "-")]
        folder = request.output == "don-doc" and request.letters == "per-org-files"
        return "_".join(p for p in parts if p) + ("" if folder else ".docx")

    return name


def _year_name(request: ReportRequest, _document: str) -> str:
    year = request.year or request.day.year
    return f"BaoCaoNam_{year}.docx"


def _period_name(request: ReportRequest, _document: str) -> str:
    start, end = request.period_start, request.period_end
    span = "_".join(format_date(d).replace("/", "-") for d in (start, end) if d is not None)
    return f"SoVanBanDi_{span or request.day.year}.docx"


OUTPUTS: dict[str, OutputSpec] = {
    spec.key: spec
    for spec in (
        OutputSpec(
            "ket-qua",
            "Báo cáo kết quả học tập, quán triệt và triển khai thực hiện",
            frozenset({"document"}),
            _dated("BaoCao"),
            False,
        ),
        OutputSpec(
            "don-doc",
            "Công văn đôn đốc các đơn vị chậm báo cáo",
            frozenset({"document"}),
            _dated("CongVanDonDoc"),
            True,
        ),
        OutputSpec(
            "hang-nam",
            "Báo cáo kết quả theo dõi thực hiện các văn bản trong năm",
            frozenset({"year"}),
            _year_name,
            False,
        ),
        OutputSpec(
            "so-theo-doi",
            "Sổ theo dõi thực hiện văn bản (in thành bảng)",
            frozenset({"document"}),
            _dated("SoTheoDoi"),
            False,
        ),
        OutputSpec(
            "so-van-ban-di",
            "Sổ đăng ký văn bản đi trong một khoảng thời gian",
            frozenset({"period"}),
            _period_name,
            False,
        ),
    )
}
_SERVICES = {
    "ket-qua": __name__,
    "don-doc": "desktop.services.report_don_doc",
    "hang-nam": "desktop.services.report_hang_nam",
    "so-theo-doi": "desktop.services.report_registers",
    "so-van-ban-di": "desktop.services.report_registers",
}


def _check(request: ReportRequest) -> OutputSpec:
    spec = OUTPUTS.get(request.output)
    if spec is None:
        raise ValidationError(
            f"Không có loại văn bản in «{request.output}». Chọn một trong: {', '.join(OUTPUTS)}.",
            "output",
        )
    if "document" in spec.needs and request.document_id is None:
        raise ValidationError(f"Chọn văn bản cho «{spec.label}».", "document")
    if "year" in spec.needs and request.year is None and request.period_start is None:
        raise ValidationError(f"Chọn năm cho «{spec.label}».", "year")
    if "period" in spec.needs and (request.period_start is None or request.period_end is None):
        raise ValidationError(f"Chọn từ ngày, đến ngày cho «{spec.label}».", "period")
    if request.period_start and request.period_end and request.period_start > request.period_end:
        raise ValidationError(
            f"Từ ngày {format_date(request.period_start)} sau đến ngày "
            f"{format_date(request.period_end)}: đổi lại hai ngày.",
            "period",
        )
    if request.letters not in LETTER_MODES:
        raise ValidationError(
            f"Cách in công văn «{request.letters}» không có; chọn một trong: "
            f"{', '.join(LETTER_MODES)}.",
            "letters",
        )
    return spec


def _service(request: ReportRequest) -> Any:
    return import_module(_SERVICES[request.output])


def export(
    db: Any, request: ReportRequest, path: str | Path, progress: Progress | None = None
) -> ReportResult:
    """Write the output to ``path`` (a folder for don-doc's "per-org-files")."""
    _check(request)
    report = progress or (lambda _f, _m: None)
    if request.output == "ket-qua":
        return _ket_qua_export(db, request, Path(path), report)
    result: ReportResult = _service(request).export(db, request, Path(path), report)
    return result


def preview(db: Any, request: ReportRequest) -> list[str]:
    """The figures the output will print, as lines to check before exporting."""
    _check(request)
    if request.output == "ket-qua":
        return _ket_qua_preview(db, request)
    lines: list[str] = _service(request).preview(db, request)
    return lines


# ------------------------------------------------------------------------------- ket-qua


def _ket_qua_options(request: ReportRequest) -> Any:
    from desktop.services.report_ket_qua import KetQuaOptions

    return KetQuaOptions(
        report_date=request.report_date,
        as_of=request.as_of,
        number=request.number,
        signer_authority=request.signer_authority,
        signer_title=request.signer_title,
        signer_name=request.signer_name,
        profile=request.profile,
        recipients=request.recipients,
    )


def _ket_qua_export(
    db: Any, request: ReportRequest, path: Path, progress: Progress
) -> ReportResult:
    from desktop.domain.numbers import format_int
    from desktop.services.documents import find_document
    from desktop.services.report_ket_qua import export_ket_qua

    assert request.document_id is not None
    result = export_ket_qua(db, request.document_id, path, _ket_qua_options(request), progress)
    template = "mẫu đã sửa" if result.user_template else "mẫu mặc định"
    number_symbol = find_document(db, f"#{request.document_id}").number_symbol
    summary = (
        f"Đã ghi báo cáo kết quả {number_symbol} vào "
        f"{result.path}: {format_int(result.rows)} đơn vị trong biểu tổng hợp, "
        f"{format_int(result.pending)} đơn vị chưa báo cáo (thể thức {result.profile}, "
        f"{template})."
    )
    return ReportResult((result.path,), summary, result.seconds)


def _ket_qua_preview(db: Any, request: ReportRequest) -> list[str]:
    from desktop.reports.ket_qua import placeholder_values
    from desktop.services.report_ket_qua import gather_ket_qua

    assert request.document_id is not None
    data, profile = gather_ket_qua(db, request.document_id, _ket_qua_options(request))
    v = placeholder_values(data, profile)
    lines = [
        f"Số liệu tính đến ngày {v['ngay_so_lieu']}; số báo cáo: "
        f"{v['so_bao_cao'] or 'để trống cho văn thư'}; thể thức {profile.id}.",
        f"{v['don_vi_da_hoc_tap']} đã tổ chức học tập, quán triệt "
        f"({v['hinh_thuc'] or 'chưa có hình thức'}).",
        f"Chi bộ: {v['chi_bo'] or '0'}.",
        f"Đảng viên: {v['dang_vien'] or '0'}; {v['quan_chung']} lượt quần chúng.",
        f"{v['don_vi_da_bao_cao']} đã báo cáo; {v['so_don_vi_chua_bao_cao']} đơn vị chưa báo "
        "cáo (danh sách ở phụ lục).",
    ]
    return lines
