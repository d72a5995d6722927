"""Office abbreviations and fixed phrases of "Nơi nhận" lines, as data, with their expansion.

Pure Python. Recipient lines are written in office shorthand ("Các BCS Đảng; Đảng đoàn; BTV
Tỉnh Đoàn", "Các ban, sở, ngành, đoàn thể CT-XH của tỉnh", "LĐVP, PTH"); matching them against
the organisation list needs the long forms. :func:`expand_abbreviations` rewrites every
abbreviation of :data:`ABBREVIATIONS` that stands as a whole word; the rest of this module is the
vocabulary the recipient matcher uses to recognise lines that are not tracked recipients
(archive copies, the office's own leaders, people, central bodies, bodies ended in 2025).

All phrases below (except :data:`ABBREVIATIONS`) are written *folded* (``fold``: no accents,
lower case, punctuation as single spaces) because that is the form they are compared in.

Editing: add a row to :data:`ABBREVIATIONS`; mark it ``case_sensitive`` when the abbreviation is
also an ordinary Vietnamese word in lower or title case ("TU" vs "tư/tự/từ", "CA" vs "ca").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "ABBREVIATIONS",
    "ARCHIVE_PREFIXES",
    "AS_ABOVE",
    "CENTRAL_MARKERS",
    "ENDED_BODY_MARKERS",
    "INTERNAL_PHRASES",
    "LEAD_BODY_PREFIXES",
    "PEOPLE_MARKERS",
    "PLURAL_PREFIXES",
    "SCOPE_SUFFIXES",
    "STOPWORDS",
    "Abbreviation",
    "expand_abbreviations",
    "strip_notes",
]


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """One abbreviation: the forms it is written in and what it stands for."""

    forms: tuple[str, ...]
    expansion: str
    case_sensitive: bool = False


def _a(forms: str, expansion: str, case_sensitive: bool = False) -> Abbreviation:
    return Abbreviation(tuple(forms.split("|")), expansion, case_sensitive)


#: Abbreviations used in "Nơi nhận" lines and in short names. ``forms`` are alternatives
#: separated by "|" in the source; each is replaced only where it stands as a whole word.
ABBREVIATIONS: tuple[Abbreviation, ...] = (
    # leading bodies and members
    _a("BTV", "Ban Thường vụ"),
    _a("BCH", "Ban Chấp hành"),
    _a("UVBCH", "Ủy viên Ban Chấp hành"),
    _a("UVBTV", "Ủy viên Ban Thường vụ"),
    _a("TUV", "Tỉnh ủy viên", case_sensitive=True),
    _a("BCSĐ", "Ban cán sự đảng"),
    _a("BCS", "Ban cán sự"),
    _a("ĐĐ", "Đảng đoàn"),
    _a("đ/c|đ/chí|Đ/c|Đ/C", "đồng chí"),
    _a("CT-XH|CT - XH|CTXH|CT-XHội", "chính trị - xã hội"),
    # Party bodies of the province
    _a("TU", "Tỉnh ủy", case_sensitive=True),
    _a("TW|T.Ư|T.W|TƯ|T Ư", "Trung ương", case_sensitive=True),
    _a("ĐU", "Đảng ủy"),
    _a("ĐUK", "Đảng ủy Khối"),
    _a("ĐB", "Đảng bộ"),
    _a("VPTU", "Văn phòng Tỉnh ủy"),
    _a("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
    _a("BTGDVTU|BTG&DVTU", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    _a("BTGDV|BTG&DV", "Ban Tuyên giáo và Dân vận"),
    _a("BTG", "Ban Tuyên giáo"),
    _a("BTCTU", "Ban Tổ chức Tỉnh ủy"),
    _a("BTC", "Ban Tổ chức"),
    _a("BDVTU", "Ban Dân vận Tỉnh ủy"),
    _a("BDV", "Ban Dân vận"),
    _a("BNCTU", "Ban Nội chính Tỉnh ủy"),
    _a("BNC", "Ban Nội chính"),
    _a("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    _a("UBKT", "Ủy ban Kiểm tra"),
    # the office's own people and rooms
    _a("LĐVP", "lãnh đạo văn phòng"),
    _a("PTH", "Phòng Tổng hợp"),
    _a("VP", "Văn phòng"),
    _a("CQ", "cơ quan"),
    _a("VT", "văn thư", case_sensitive=True),
    # State bodies and mass organisations
    _a("UBND", "Ủy ban nhân dân"),
    _a("HĐND", "Hội đồng nhân dân"),
    _a("ĐBQH", "đại biểu Quốc hội"),
    _a("UBMTTQVN", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    _a("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    _a("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    _a("MTTQ", "Mặt trận Tổ quốc"),
    _a("LHPN", "Liên hiệp Phụ nữ"),
    _a("CCB", "Cựu chiến binh"),
    _a("LĐLĐ", "Liên đoàn Lao động"),
    _a("TNCS", "Thanh niên Cộng sản"),
    _a("ĐTN", "Đoàn Thanh niên"),
    _a("CA", "Công an", case_sensitive=True),
    _a("BCHQS", "Bộ Chỉ huy Quân sự"),
    _a("BĐBP", "Bộ đội Biên phòng"),
    _a("BQL", "Ban Quản lý"),
    _a("KCN", "khu công nghiệp"),
    _a("PT-TH|PTTH", "Phát thanh - Truyền hình"),
    # departments (short names in the organisation list)
    _a("GD&ĐT|GDĐT", "Giáo dục và Đào tạo"),
    _a("NN&MT|NNMT", "Nông nghiệp và Môi trường"),
    _a("NN&PTNT|NNPTNT", "Nông nghiệp và Phát triển nông thôn"),
    _a("TN&MT|TNMT", "Tài nguyên và Môi trường"),
    _a("KH&CN|KHCN", "Khoa học và Công nghệ"),
    _a("KH&ĐT|KHĐT", "Kế hoạch và Đầu tư"),
    _a("TT&TT|TTTT", "Thông tin và Truyền thông"),
    _a("LĐTB&XH|LĐ-TB&XH|LĐTBXH", "Lao động - Thương binh và Xã hội"),
    _a("VHTTDL|VH,TT&DL|VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    _a("DT&TG|DTTG", "Dân tộc và Tôn giáo"),
    _a("GTVT", "Giao thông vận tải"),
)

# ---------------------------------------------------------------------- phrase lists (folded)

#: Words ignored when names are compared ("Các …", "… của tỉnh", "… và …").
STOPWORDS = frozenset({"cac", "cua", "nhung", "va"})

#: A line naming a category of recipients, not one body.
PLURAL_PREFIXES = ("cac", "nhung", "toan the")

#: Words that close a line and apply to every item of a comma list ("Các ban, sở, ngành,
#: đoàn thể CT-XH của tỉnh" = "Các ban, sở, ngành của tỉnh" + "Các đoàn thể … của tỉnh").
SCOPE_SUFFIXES = (
    "tren dia ban tinh", "truc thuoc tinh uy", "cua tinh uy", "cua tinh", "tinh uy", "tinh",
)

#: "Ban Thường vụ Tỉnh đoàn" is sent to the Tỉnh đoàn: these leading bodies are stripped
#: (folded form, as printed in a reason).
LEAD_BODY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("ban thuong vu", "Ban Thường vụ"),
    ("ban chap hanh", "Ban Chấp hành"),
    ("thuong truc", "Thường trực"),
    ("thuong vu", "Thường vụ"),
    ("tap the lanh dao", "Tập thể lãnh đạo"),
    ("lanh dao", "Lãnh đạo"),
    ("cap uy", "Cấp ủy"),
)

#: Archive copies: "Lưu Văn phòng Tỉnh ủy.", "Lưu: VT, VP.".
ARCHIVE_PREFIXES = ("luu",)

#: The issuing office's own people and rooms, with the reason shown for them.
INTERNAL_PHRASES: tuple[tuple[str, str], ...] = (
    ("lanh dao van phong", "Lãnh đạo văn phòng"),
    ("lanh dao ban", "Lãnh đạo ban"),
    ("lanh dao co quan", "Lãnh đạo cơ quan"),
    ("lanh dao so", "Lãnh đạo sở"),
    ("phong tong hop", "Phòng Tổng hợp"),
    ("cac phong chuyen mon", "Các phòng chuyên môn"),
    ("cac phong", "Các phòng"),
    ("chuyen vien", "Chuyên viên"),
    ("van thu", "Văn thư"),
)

#: "Như trên": the addressees of "Kính gửi", not a recipient of its own.
AS_ABOVE = "nhu tren"

#: People, never tracked: "Các đ/c UVBCH Đảng bộ tỉnh", "Các đồng chí Tỉnh ủy viên".
PEOPLE_MARKERS = ("dong chi", "uy vien", "cac dai bieu", "ca nhan")

#: Bodies outside the province (the Centre).
CENTRAL_MARKERS = ("trung uong", "bo chinh tri", "ban bi thu", "chinh phu", "thu tuong")

#: Party bodies inside State and mass organisations that ended in the 2025 reorganisation.
ENDED_BODY_MARKERS = ("ban can su dang", "ban can su", "dang doan")

# ---------------------------------------------------------------------- expansion


def _build() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    forms: list[str] = []
    for abbr in ABBREVIATIONS:
        for form in abbr.forms:
            form = unicodedata.normalize("NFC", form)
            forms.append(form)
            if abbr.case_sensitive:
                exact[form] = abbr.expansion
            else:
                folded.setdefault(form.casefold(), abbr.expansion)
    alternatives = []
    for form in sorted(set(forms), key=len, reverse=True):
        body = re.escape(form).replace(r"\ ", r"\s*")
        case_sensitive = form in exact and form.casefold() not in folded
        alternatives.append(body if case_sensitive else f"(?i:{body})")
    pattern = re.compile(r"(?<![\w&])(?:" + "|".join(alternatives) + r")(?![\w&])")
    return pattern, exact, folded


_PATTERN, _EXACT, _FOLDED = _build()
_SPACES = re.compile(r"\s+")


def _replace(match: re.Match[str]) -> str:
    found = _SPACES.sub(" ", match.group(0))
    expansion = _EXACT.get(found)
    if expansion is None:
        expansion = _FOLDED.get(found.casefold())
    return expansion if expansion is not None else match.group(0)


def expand_abbreviations(text: str) -> str:
    """Return *text* (NFC) with every abbreviation of :data:`ABBREVIATIONS` written out.

    Only whole words are replaced, so "Sở Tư pháp" keeps its "Tư" while "BTV Tỉnh Đoàn"
    becomes "Ban Thường vụ Tỉnh Đoàn" and "CT-XH" becomes "chính trị - xã hội"::

        expand_abbreviations("Các đ/c UVBCH Đảng bộ tỉnh")
        == "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh"
    """
    text = unicodedata.normalize("NFC", text)
    return _PATTERN.sub(_replace, text)


# Parenthesised notes ("(HN + T79)", "(để báo cáo)", "(b/c)") and the same notes without
# brackets at the end of a line.
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_TRAILING_NOTES = re.compile(
    r"(?:\s*[-–,]?\s*(?:để\s+(?:báo\s+cáo|biết|thực\s+hiện|phối\s+hợp|chỉ\s+đạo|theo\s+dõi)"
    r"(?:\s*,\s*(?:báo\s+cáo|biết|thực\s+hiện|phối\s+hợp|chỉ\s+đạo|theo\s+dõi))*"
    r"|b/c|t/h|p/h|HN\s*\+\s*T\d+))+\s*$",
    re.IGNORECASE,
)


_MAY_HAVE_NOTE = re.compile(r"(?i)để|/|HN")


def strip_notes(text: str) -> str:
    """*text* without its sending notes: anything in brackets ("(HN + T79)" — where the copy
    is sent —, "(để báo cáo)") and trailing "để biết", "để báo cáo", "b/c"."""
    if "(" in text or "[" in text:
        previous = None
        while previous != text:
            previous = text
            text = _PARENTHESES.sub(" ", text)
    if _MAY_HAVE_NOTE.search(text):
        text = _TRAILING_NOTES.sub("", text)
    return _SPACES.sub(" ", text).strip()
