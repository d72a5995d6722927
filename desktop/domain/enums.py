"""Closed vocabularies of the workflow, stored as short codes, shown with Vietnamese labels.

The codes are what the database holds (plain strings, so adding a value never needs a native
enum migration on PostgreSQL); the labels are the official Vietnamese terms printed in reports.
"""

from __future__ import annotations

from enum import StrEnum


class _Labelled(StrEnum):
    """A string enum whose members carry a Vietnamese label."""

    @property
    def label(self) -> str:
        # keyed by class as well: string members of different enums with the same code
        # ("khac") are equal to each other
        return _LABELS[(type(self), self.value)]


class Regime(_Labelled):
    """Which official format a body writes in."""

    PARTY = "party"
    STATE = "state"


class Channel(_Labelled):
    """How a document was sent or received."""

    PAPER = "giay"
    ELECTRONIC = "dien_tu"
    CONFERENCE = "hoi_nghi"


class StudyForm(_Labelled):
    """How an organisation studied and discussed a document."""

    CONFERENCE = "hoi_nghi"
    ONLINE = "truc_tuyen"
    CELL_MEETING = "sinh_hoat_chi_bo"
    OTHER = "khac"


class PlanStatus(_Labelled):
    """State of an organisation's implementation plan."""

    DRAFTING = "dang_xay_dung"
    ISSUED = "da_ban_hanh"
    NOT_REQUIRED = "khong_yeu_cau"


class ReportStatus(_Labelled):
    """How a report that came back is judged."""

    ON_TIME = "dung_han"
    LATE = "qua_han"
    RETURNED = "tra_lai"


class DeadlineKind(_Labelled):
    """What a document deadline is for."""

    STUDY = "hoc_tap"
    FIRST_REPORT = "bao_cao_lan_dau"
    PERIODIC = "bao_cao_dinh_ky"
    OTHER = "khac"


class Urgency(_Labelled):
    NORMAL = "thuong"
    URGENT = "khan"
    VERY_URGENT = "thuong_khan"
    EXPRESS = "hoa_toc"


class Confidentiality(_Labelled):
    NORMAL = "thuong"
    CONFIDENTIAL = "mat"
    SECRET = "toi_mat"
    TOP_SECRET = "tuyet_mat"


class Scope(_Labelled):
    """How far down a document must be disseminated."""

    LEVEL1 = "cap_truc_thuoc"
    PARTY_CELLS = "chi_bo"
    MEMBERS = "dang_vien"


class Stage(_Labelled):
    """Where an organisation stands on one document; ordered."""

    NOT_RECEIVED = "chua_nhan"
    RECEIVED = "da_nhan"
    STUDIED = "da_quan_triet"
    PLANNED = "da_co_ke_hoach"
    REPORTED = "da_bao_cao"


class AuditAction(_Labelled):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    BULK = "bulk"


_LABEL_PAIRS: list[tuple[StrEnum, str]] = [
    (Regime.PARTY, "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"),
    (Regime.STATE, "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)"),
    (Channel.PAPER, "Giấy"),
    (Channel.ELECTRONIC, "Điện tử"),
    (Channel.CONFERENCE, "Hội nghị"),
    (StudyForm.CONFERENCE, "Hội nghị trực tiếp"),
    (StudyForm.ONLINE, "Hội nghị trực tuyến"),
    (StudyForm.CELL_MEETING, "Sinh hoạt chi bộ"),
    (StudyForm.OTHER, "Hình thức khác"),
    (PlanStatus.DRAFTING, "Đang xây dựng"),
    (PlanStatus.ISSUED, "Đã ban hành"),
    (PlanStatus.NOT_REQUIRED, "Không yêu cầu"),
    (ReportStatus.ON_TIME, "Đúng hạn"),
    (ReportStatus.LATE, "Quá hạn"),
    (ReportStatus.RETURNED, "Trả lại, yêu cầu bổ sung"),
    (DeadlineKind.STUDY, "Hạn học tập, quán triệt"),
    (DeadlineKind.FIRST_REPORT, "Hạn báo cáo lần đầu"),
    (DeadlineKind.PERIODIC, "Hạn báo cáo định kỳ"),
    (DeadlineKind.OTHER, "Hạn khác"),
    (Urgency.NORMAL, ""),
    (Urgency.URGENT, "KHẨN"),
    (Urgency.VERY_URGENT, "THƯỢNG KHẨN"),
    (Urgency.EXPRESS, "HỎA TỐC"),
    (Confidentiality.NORMAL, ""),
    (Confidentiality.CONFIDENTIAL, "MẬT"),
    (Confidentiality.SECRET, "TỐI MẬT"),
    (Confidentiality.TOP_SECRET, "TUYỆT MẬT"),
    (Scope.LEVEL1, "Đến các tổ chức đảng trực thuộc"),
    (Scope.PARTY_CELLS, "Phổ biến đến chi bộ"),
    (Scope.MEMBERS, "Phổ biến đến cán bộ, đảng viên"),
    (Stage.NOT_RECEIVED, "Chưa nhận"),
    (Stage.RECEIVED, "Đã nhận"),
    (Stage.STUDIED, "Đã quán triệt"),
    (Stage.PLANNED, "Đã có kế hoạch"),
    (Stage.REPORTED, "Đã báo cáo"),
    (AuditAction.CREATE, "Tạo mới"),
    (AuditAction.UPDATE, "Sửa"),
    (AuditAction.DELETE, "Xóa"),
    (AuditAction.BULK, "Sửa hàng loạt"),
]

_LABELS: dict[tuple[type, str], str] = {(type(m), m.value): label for m, label in _LABEL_PAIRS}
