"""Name lists and texts for the demo province (all fictional, in the post-2025 shape).

Kept apart from :mod:`desktop.services.demo` so the generator reads as logic, not as lists.
Order matters: lists are taken from the front when the demo is scaled down, so the most
typical entries come first.
"""

from __future__ import annotations

from datetime import date

PROVINCE = "Hà Sơn"
PROVINCE_UPPER = "HÀ SƠN"

ROOT_NAME = f"Tỉnh ủy {PROVINCE}"
ROOT_SHORT = "Tỉnh ủy"

#: The day the two-level local government started (communes directly under the province).
REORG_DATE = date(2025, 7, 1)
#: The last day of the old structure (district level, old communes).
OLD_END = date(2025, 6, 30)
#: Central boards merged earlier in 2025 (Ban Tuyên giáo + Ban Dân vận, some departments).
BOARD_MERGE_END = date(2025, 2, 28)
BOARD_MERGE_START = date(2025, 3, 1)

#: Dated denominators: at the founding of the new communes and at the end of 2025.
DENOM_EARLY = date(2025, 7, 1)
DENOM_LATE = date(2025, 12, 31)

TERM_NAME = "Nhiệm kỳ 2025 - 2030"
TERM_START = date(2025, 10, 1)

# ------------------------------------------------------------------------ communes and wards

COMMUNE_NAMES = [
    "Tân An", "Phú Lộc", "Hòa Bình", "An Phú", "Xuân Sơn", "Thạch Lâm", "Hưng Đạo", "Vĩnh Lộc",
    "Quảng Phú", "Đức Hòa", "Kim Sơn", "Mỹ Lộc", "Long Hưng", "Nghĩa Hưng", "Thanh Bình",
    "Trung Sơn", "Đông Phú", "Tây Hòa", "Nam Phong", "Bắc Lý", "Cao Phong", "Lương Sơn",
    "Lâm Sơn", "Yên Lạc", "Sơn Thủy", "Hà Trung", "Ngọc Lâm", "Cát Tiên", "Châu Phong",
    "Định Hòa", "Gia Lộc", "Hương Sơn", "Khánh Lợi", "Lộc Thủy", "Minh Đức", "Nhân Hòa",
    "Phong Điền", "Phước Sơn", "Quỳnh Lâm", "Tam Hiệp", "Thái Hòa", "Thiện Tân", "Thọ Xuân",
    "Thuận Thành", "Tiên Phước", "Trường Sơn", "Tú Sơn", "Văn Lang", "Vân Hòa", "Việt Hưng",
    "Tân Lập", "Phú Xuân", "Hòa Lạc", "An Lạc", "Xuân Lộc", "Thạch Bàn", "Hưng Long",
    "Vĩnh Hòa", "Quảng Lợi", "Đức Phong", "Kim Liên", "Mỹ Thạnh", "Long Sơn", "Nghĩa Phú",
    "Thanh Lâm", "Trung Hòa", "Đông Sơn", "Tây Lộc", "Nam Thắng", "Bắc Sơn", "Cao Sơn",
    "Lạc Sơn", "Yên Thế", "Sơn Lộc", "Hà Phong", "Ngọc Sơn", "Gia Bình", "Hương Trà",
    "Minh Tân", "Tam Phước", "Tân Phú", "Phú Mỹ", "Hòa Phong", "An Thịnh", "Xuân Phong",
    "Hưng Thịnh", "Vĩnh Thạnh", "Quảng Hòa", "Đức Thắng", "Kim Đồng", "Mỹ Hưng", "Long Thạnh",
    "Thanh Sơn", "Trung Nghĩa", "Đông Hưng", "Yên Hưng", "Sơn Hà", "Ngọc Thanh", "Tân Hòa",
    "Phú Hòa", "Hòa Thuận", "An Bình", "Xuân Trường", "Thanh Tuyền", "Tân Thành", "Phú Thịnh",
    "Tân Tiến", "Bình Sơn", "Bình Minh", "Hải Vân", "Cẩm Thạch", "Lâm Thượng", "Điện Quang",
]

WARD_NAMES = [
    "Hà Sơn", "Đông Thành", "Tây Thành", "Nam Thành", "Bắc Thành", "Trường Thi", "Thành Công",
    "Quang Minh", "Hưng Bình", "Phú Sơn", "Lê Lợi", "Trần Phú", "Hạc Thành", "Bình Kiến",
    "Ngọc Trạo", "Đông Vệ", "An Hoạch", "Sơn Bình", "Hòa Khánh", "Thanh Hà", "Phú Cường",
    "Đông Hải", "Tân Sơn", "Cửa Sông", "Bến Thủy",
]

SPECIAL_ZONE_NAMES = ["Hòn Ngư", "Cồn Lam"]

#: Old communes ended on 30/06/2025 and merged into a new commune (grouped by old district).
OLD_DISTRICTS = [
    ("huyện", "Phú Hà", ["Liên Hiệp", "Thạch Đồng", "Quang Lộc"]),
    ("huyện", "Sơn Lâm", ["Hồng Phong", "Tân Dân"]),
    ("thị xã", "Hà Lâm", ["Đồng Tâm", "Vạn Xuân"]),
]

VILLAGE_PREFIXES = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Tân"]
VILLAGE_BASES = [
    "Phú", "Lộc", "An", "Hòa", "Thịnh", "Xuân", "Lâm", "Sơn", "Thành", "Mỹ", "Hưng", "Bình",
    "Long", "Lương", "Yên", "Khê", "Đồng", "Giang", "Hà", "Phong", "Quang", "Thủy", "Trà",
    "Vân", "Ninh", "Định", "Hải", "Cát", "Liên", "Nghĩa",
]

#: Institutional party cells of a commune ({kind} = "xã"/"phường"/"đặc khu", {place}).
COMMUNE_INSTITUTIONS = [
    "Chi bộ Cơ quan Đảng - Mặt trận - Đoàn thể {kind} {place}",
    "Chi bộ Ủy ban nhân dân {kind} {place}",
    "Chi bộ Công an {kind} {place}",
    "Chi bộ Quân sự {kind} {place}",
    "Chi bộ Trạm Y tế {kind} {place}",
    "Chi bộ Trường THCS {place}",
    "Chi bộ Trường Tiểu học {place}",
    "Chi bộ Trường Mầm non {place}",
    "Chi bộ Trung tâm Phục vụ hành chính công {kind} {place}",
    "Chi bộ Trường THCS {place} 2",
    "Chi bộ Trường Tiểu học {place} 2",
    "Chi bộ Trường Mầm non {place} 2",
]

# ------------------------------------------------------------------------ other depth-1 bodies
# (name, short name, symbol used in their own plan/report numbers, regime)

PARTY_COMMITTEES = [
    ("Đảng bộ các cơ quan Đảng tỉnh", "ĐB các cơ quan Đảng tỉnh", "ĐU", "party", "co_quan"),
    ("Đảng bộ Ủy ban nhân dân tỉnh", "ĐB UBND tỉnh", "ĐU", "party", "ubnd"),
    ("Đảng bộ Quân sự tỉnh", "Quân sự tỉnh", "ĐU", "party", "quan_su"),
    ("Đảng bộ Công an tỉnh", "Công an tỉnh", "ĐU", "party", "cong_an"),
    ("Đảng bộ Bộ đội Biên phòng tỉnh", "Biên phòng tỉnh", "ĐU", "party", "bien_phong"),
]

#: Relative share of grassroots units each party committee gets (a commune weighs about 1).
PARTY_COMMITTEE_WEIGHTS = {
    "co_quan": 1.2, "ubnd": 4.0, "quan_su": 1.5, "cong_an": 1.5, "bien_phong": 0.8,
}

BOARDS_AND_DEPARTMENTS = [
    ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "BTGDVTU", "BTGDVTU", "party"),
    ("Ban Tổ chức Tỉnh ủy", "BTCTU", "BTCTU", "party"),
    ("Sở Nông nghiệp và Môi trường", "Sở NN&MT", "SNNMT", "state"),
    ("Sở Tài chính", "Sở Tài chính", "STC", "state"),
    ("Ủy ban Kiểm tra Tỉnh ủy", "UBKTTU", "UBKTTU", "party"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", "SGDĐT", "state"),
    ("Văn phòng Tỉnh ủy", "VPTU", "VPTU", "party"),
    ("Sở Nội vụ", "Sở Nội vụ", "SNV", "state"),
    ("Ban Nội chính Tỉnh ủy", "BNCTU", "BNCTU", "party"),
    ("Sở Y tế", "Sở Y tế", "SYT", "state"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL", "SVHTTDL", "state"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN", "SKHCN", "state"),
    ("Trường Chính trị tỉnh", "Trường Chính trị", "TCT", "party"),
    ("Sở Tư pháp", "Sở Tư pháp", "STP", "state"),
    ("Sở Công Thương", "Sở Công Thương", "SCT", "state"),
    ("Sở Xây dựng", "Sở Xây dựng", "SXD", "state"),
    ("Sở Dân tộc và Tôn giáo", "Sở DT&TG", "SDTTG", "state"),
    ("Thanh tra tỉnh", "Thanh tra tỉnh", "TTr", "state"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh", "VPUBND", "state"),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "VP Đoàn ĐBQH và HĐND", "VPĐĐBQH", "state"),
    ("Ban Quản lý các khu công nghiệp tỉnh", "BQL các KCN", "BQLKCN", "state"),
]

MASS_ORGANISATIONS = [
    ("Ủy ban MTTQ Việt Nam tỉnh", "MTTQ tỉnh", "MTTQ-BTT", "party"),
    ("Tỉnh đoàn", "Tỉnh đoàn", "TĐTN-VP", "party"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh", "HPN", "party"),
    ("Hội Nông dân tỉnh", "Hội Nông dân tỉnh", "HND", "party"),
    ("Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh", "HCCB", "party"),
    ("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "LĐLĐ", "party"),
]

PRESS = [
    (f"Báo {PROVINCE}", f"Báo {PROVINCE}", "BHS", "party"),
    ("Đài Phát thanh - Truyền hình tỉnh", "Đài PT-TH tỉnh", "PTTH", "state"),
    (f"Tạp chí Văn nghệ {PROVINCE}", "Tạp chí Văn nghệ", "TCVN", "state"),
]

#: Bodies ended when merged in early 2025: (name, short name, kind code, successor's name).
MERGED_BOARDS = [
    ("Ban Tuyên giáo Tỉnh ủy", "BTGTU", "ban_so_nganh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Ban Dân vận Tỉnh ủy", "BDVTU", "ban_so_nganh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT", "ban_so_nganh", "Sở Nông nghiệp và Môi trường"),
    ("Đảng bộ Khối các cơ quan tỉnh", "ĐB Khối các cơ quan", "dang_bo_truc_thuoc",
     "Đảng bộ các cơ quan Đảng tỉnh"),
    ("Ban Cán sự đảng Ủy ban nhân dân tỉnh", "BCS đảng UBND tỉnh", "khac",
     "Đảng bộ Ủy ban nhân dân tỉnh"),
]

#: One in-place rename (kept in org_history): current name -> (old name, old short name).
RENAMED = {
    "Sở Nông nghiệp và Môi trường": ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
}

# ------------------------------------------------------------------------ grassroots units
# A unit becomes "Đảng bộ <name>" (with party cells under it) or "Chi bộ <name>" (chi bộ cơ sở).
# Each is (name, cell style); the cell style picks the names of its party cells.

GRASSROOTS_UNITS: dict[str, list[tuple[str, str]]] = {
    "co_quan": [
        ("Văn phòng Tỉnh ủy", "office"),
        ("Ban Tổ chức Tỉnh ủy", "office"),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy", "office"),
        ("Ủy ban Kiểm tra Tỉnh ủy", "office"),
        ("Ban Nội chính Tỉnh ủy", "office"),
        ("Trường Chính trị tỉnh", "office"),
        ("Cơ quan Ủy ban MTTQ Việt Nam tỉnh", "office"),
        (f"Báo {PROVINCE}", "office"),
        ("Đài Phát thanh - Truyền hình tỉnh", "office"),
        ("Cơ quan Tỉnh đoàn", "office"),
        ("Cơ quan Hội Liên hiệp Phụ nữ tỉnh", "office"),
        ("Cơ quan Hội Nông dân tỉnh", "office"),
        ("Cơ quan Hội Cựu chiến binh tỉnh", "office"),
        ("Cơ quan Liên đoàn Lao động tỉnh", "office"),
        ("Cơ quan Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "office"),
        ("Hội Nhà báo tỉnh", "office"),
    ],
    "ubnd": [
        ("Sở Tài chính", "office"),
        ("Sở Nội vụ", "office"),
        ("Sở Giáo dục và Đào tạo", "office"),
        ("Sở Y tế", "office"),
        (f"Bệnh viện Đa khoa tỉnh {PROVINCE}", "hospital"),
        ("Sở Nông nghiệp và Môi trường", "office"),
        ("Sở Xây dựng", "office"),
        ("Sở Công Thương", "office"),
        ("Sở Tư pháp", "office"),
        ("Sở Văn hóa, Thể thao và Du lịch", "office"),
        ("Sở Khoa học và Công nghệ", "office"),
        ("Sở Dân tộc và Tôn giáo", "office"),
        ("Thanh tra tỉnh", "office"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "office"),
        (f"Trường Đại học {PROVINCE}", "school"),
        (f"Trường Cao đẳng Y tế {PROVINCE}", "school"),
        ("Bệnh viện Y học cổ truyền tỉnh", "hospital"),
        ("Trung tâm Kiểm soát bệnh tật tỉnh", "hospital"),
        ("Ban Quản lý các khu công nghiệp tỉnh", "office"),
        ("Quỹ Đầu tư phát triển tỉnh", "office"),
        (f"Công ty Cổ phần Cấp nước {PROVINCE}", "company"),
        ("Công ty TNHH MTV Lâm nghiệp Sơn Lâm", "company"),
        (f"Công ty Cổ phần Môi trường đô thị {PROVINCE}", "company"),
        ("Bệnh viện Đa khoa khu vực Phú Hà", "hospital"),
        ("Bệnh viện Đa khoa khu vực Hà Lâm", "hospital"),
        ("Bệnh viện Sản - Nhi tỉnh", "hospital"),
        ("Bệnh viện Phổi tỉnh", "hospital"),
        ("Bệnh viện Tâm thần tỉnh", "hospital"),
    ],
    "quan_su": [
        ("Cơ quan Tham mưu", "military"),
        ("Cơ quan Chính trị", "military"),
        ("Cơ quan Hậu cần - Kỹ thuật", "military"),
        ("Ban Chỉ huy Phòng thủ khu vực 1", "military"),
        ("Ban Chỉ huy Phòng thủ khu vực 2", "military"),
        ("Ban Chỉ huy Phòng thủ khu vực 3", "military"),
        ("Trung đoàn bộ binh 812", "military"),
        ("Tiểu đoàn Huấn luyện - Cơ động", "military"),
        ("Trường Quân sự tỉnh", "military"),
        ("Ban Chỉ huy Phòng thủ khu vực 4", "military"),
        ("Đại đội Trinh sát", "military"),
        ("Đại đội Công binh", "military"),
    ],
    "cong_an": [
        ("Phòng Tham mưu", "police"),
        ("Phòng An ninh chính trị nội bộ", "police"),
        ("Phòng Cảnh sát hình sự", "police"),
        ("Phòng Cảnh sát giao thông", "police"),
        ("Phòng Cảnh sát cơ động", "police"),
        ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "police"),
        ("Phòng Tổ chức cán bộ", "police"),
        ("Phòng Hậu cần", "police"),
        ("Phòng An ninh đối ngoại", "police"),
        ("Phòng Cảnh sát điều tra tội phạm về ma túy", "police"),
        ("Phòng Quản lý hành chính về trật tự xã hội", "police"),
        ("Trại tạm giam Công an tỉnh", "police"),
        ("Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "police"),
    ],
    "bien_phong": [
        ("Cơ quan Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "military"),
        ("Đồn Biên phòng Cửa Sông", "military"),
        ("Đồn Biên phòng Hòn Ngư", "military"),
        ("Đồn Biên phòng Cồn Lam", "military"),
        ("Hải đội Biên phòng 2", "military"),
        ("Đồn Biên phòng Đông Hải", "military"),
        ("Tiểu đoàn Huấn luyện - Cơ động Biên phòng", "military"),
    ],
}

CELL_NAMES: dict[str, list[str]] = {
    "office": [
        "Chi bộ Văn phòng", "Chi bộ Phòng Tổng hợp", "Chi bộ Phòng Tổ chức cán bộ",
        "Chi bộ Phòng Kế hoạch - Tài chính", "Chi bộ Phòng Nghiệp vụ", "Chi bộ Thanh tra",
        "Chi bộ Phòng Pháp chế", "Chi bộ Phòng Quản lý chuyên ngành",
        "Chi bộ Trung tâm Thông tin", "Chi bộ Phòng Hành chính - Quản trị",
        "Chi bộ Phòng Chính sách", "Chi bộ Phòng Kiểm tra - Giám sát",
    ],
    "hospital": [
        "Chi bộ Khoa Nội", "Chi bộ Khoa Ngoại", "Chi bộ Khoa Sản", "Chi bộ Khoa Nhi",
        "Chi bộ Khoa Hồi sức cấp cứu", "Chi bộ Khoa Xét nghiệm", "Chi bộ Khoa Dược",
        "Chi bộ Phòng Kế hoạch tổng hợp", "Chi bộ Khoa Chẩn đoán hình ảnh",
        "Chi bộ Khoa Truyền nhiễm", "Chi bộ Phòng Điều dưỡng", "Chi bộ Khoa Khám bệnh",
    ],
    "school": [
        "Chi bộ Khoa Khoa học cơ bản", "Chi bộ Khoa Kinh tế", "Chi bộ Khoa Sư phạm",
        "Chi bộ Khoa Kỹ thuật - Công nghệ", "Chi bộ Khoa Ngoại ngữ", "Chi bộ Phòng Đào tạo",
        "Chi bộ Phòng Tổ chức - Hành chính", "Chi bộ Khoa Điều dưỡng",
        "Chi bộ Khoa Lý luận chính trị", "Chi bộ Trung tâm Thư viện",
        "Chi bộ Sinh viên 1", "Chi bộ Sinh viên 2",
    ],
    "company": [
        "Chi bộ Văn phòng Công ty", "Chi bộ Xí nghiệp 1", "Chi bộ Xí nghiệp 2",
        "Chi bộ Phân xưởng Sản xuất", "Chi bộ Phòng Kỹ thuật", "Chi bộ Chi nhánh Phú Hà",
        "Chi bộ Chi nhánh Hà Lâm", "Chi bộ Đội Thi công", "Chi bộ Phòng Kinh doanh",
    ],
    "military": [
        "Chi bộ Ban Chỉ huy", "Chi bộ Đại đội 1", "Chi bộ Đại đội 2", "Chi bộ Đại đội 3",
        "Chi bộ Đại đội 4", "Chi bộ Trung đội Thông tin", "Chi bộ Ban Tham mưu",
        "Chi bộ Ban Chính trị", "Chi bộ Ban Hậu cần", "Chi bộ Đại đội 5", "Chi bộ Đại đội 6",
    ],
    "police": [
        "Chi bộ Đội Tổng hợp", "Chi bộ Đội 1", "Chi bộ Đội 2", "Chi bộ Đội 3", "Chi bộ Đội 4",
        "Chi bộ Đội 5", "Chi bộ Đội Nghiệp vụ", "Chi bộ Đội Điều tra", "Chi bộ Đội 6",
        "Chi bộ Đội 7",
    ],
}

# ------------------------------------------------------------------------ roles (never names)

RECEIPT_ROLES_COMMITTEE = ["Văn thư", "Văn phòng Đảng ủy", "Văn thư cơ quan", "Chánh Văn phòng"]
RECEIPT_ROLES_CELL = ["Bí thư chi bộ", "Phó Bí thư chi bộ", "Văn thư Đảng ủy"]

# ------------------------------------------------------------------------ issuing bodies

SIGNER_TU = ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Minh Khang")
SIGNER_TU_SECRETARY = ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Quốc Vinh")
SIGNER_BTGDV = ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phạm Thị Thanh Hương")
SIGNER_BTGDV_HEAD = ("", "TRƯỞNG BAN", "Hoàng Văn Nam")
SIGNER_VPTU = ("K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Đỗ Thị Mai Lan")
SIGNER_UBND = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trịnh Xuân Hòa")

# ------------------------------------------------------------------------ document texts

EXCERPTS: dict[str, list[str]] = {
    "CT": [
        "về tăng cường công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan "
        "điểm sai trái, thù địch trong tình hình mới",
        "về định hướng tiếp cận, xử lý và chia sẻ thông tin trên mạng xã hội cho cán bộ, đảng "
        "viên, đoàn viên, hội viên các đoàn thể chính trị - xã hội trên địa bàn tỉnh",
        "về nâng cao chất lượng sinh hoạt chi bộ trong Đảng bộ tỉnh",
        "về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí, "
        "tiêu cực",
        "về tăng cường công tác phát triển đảng viên trong tình hình mới",
        "về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác phòng cháy, chữa cháy và "
        "cứu nạn, cứu hộ",
        "về tăng cường công tác bảo đảm trật tự, an toàn giao thông trên địa bàn tỉnh",
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới",
        "về tăng cường công tác quản lý đảng viên sinh hoạt nơi cư trú",
        "về tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025 - 2027",
        "về tăng cường công tác phòng, chống thiên tai, tìm kiếm cứu nạn",
        "về đẩy mạnh công tác chuyển đổi số trong các cơ quan Đảng, Mặt trận và đoàn thể",
        "về thực hiện nghiêm kỷ luật, kỷ cương hành chính trong cán bộ, công chức, viên chức",
        "về tăng cường công tác phòng, chống tội phạm và tệ nạn ma túy",
    ],
    "NQ": [
        "về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh giai đoạn "
        "2025 - 2030, định hướng đến năm 2035",
        "về phát triển nông nghiệp xanh, nông thôn mới hiện đại giai đoạn 2025 - 2030",
        "về phát triển du lịch trở thành ngành kinh tế mũi nhọn của tỉnh",
        "về nâng cao chất lượng nguồn nhân lực tỉnh giai đoạn 2025 - 2030, tầm nhìn đến năm 2045",
        "về xây dựng đội ngũ cán bộ cấp xã đáp ứng yêu cầu nhiệm vụ sau sắp xếp",
        "về phát triển kinh tế biển và đảo gắn với bảo đảm quốc phòng, an ninh",
        "về phát triển văn hóa, con người tỉnh đáp ứng yêu cầu phát triển bền vững",
        "về đẩy mạnh phát triển kinh tế tư nhân trên địa bàn tỉnh",
        "về phát triển hệ thống kết cấu hạ tầng giao thông đồng bộ, hiện đại",
        "về nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng",
    ],
    "KL": [
        "của Ban Thường vụ Tỉnh ủy về tiếp tục thực hiện công tác cải cách hành chính, cải thiện "
        "môi trường đầu tư kinh doanh",
        "của Ban Thường vụ Tỉnh ủy về kết quả sơ kết 6 tháng thực hiện mô hình chính quyền địa "
        "phương hai cấp",
        "của Ban Thường vụ Tỉnh ủy về công tác giảm nghèo bền vững",
        "của Ban Thường vụ Tỉnh ủy về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội "
        "năm 2025",
        "của Ban Thường vụ Tỉnh ủy về công tác chăm sóc sức khỏe Nhân dân",
        "của Ban Thường vụ Tỉnh ủy về công tác quản lý đất đai, tài nguyên, khoáng sản",
        "của Ban Thường vụ Tỉnh ủy về tiếp tục đẩy mạnh công tác xây dựng, chỉnh đốn Đảng",
        "của Ban Thường vụ Tỉnh ủy về công tác bảo vệ môi trường, ứng phó với biến đổi khí hậu",
    ],
    "KH": [
        "triển khai thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX, nhiệm kỳ "
        "2025 - 2030",
        "tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam",
        "thực hiện chủ đề năm 2026 của Ban Chấp hành Đảng bộ tỉnh",
        "kiểm tra, giám sát của Ban Thường vụ Tỉnh ủy năm 2026",
        "tổ chức lấy ý kiến góp ý các dự thảo văn kiện trình Đại hội đại biểu toàn quốc lần "
        "thứ XIV của Đảng",
        "tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các "
        "cấp nhiệm kỳ 2026 - 2031",
        "tổng kết công tác xây dựng Đảng năm 2025",
        "thực hiện công tác dân vận của hệ thống chính trị năm 2026",
    ],
    "CTr": [
        "hành động thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX",
        "làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2025 - 2030",
    ],
}

#: Templates for a child document implementing its parent ({ref} = "Chỉ thị số 15-CT/TU, ...").
CHILD_EXCERPTS = {
    "KH": "học tập, quán triệt và triển khai thực hiện {ref}",
    "HD": "tuyên truyền, học tập, quán triệt {ref}",
}

RECIPIENTS_TU_HEAD = [
    "- Ban Bí thư Trung ương Đảng (để báo cáo),",
    "- Ban Tuyên giáo và Dân vận Trung ương,",
    "- Các đồng chí Tỉnh ủy viên,",
]
RECIPIENTS_TU_TAIL = ["- Lưu Văn phòng Tỉnh ủy."]
RECIPIENTS_BTGDV_HEAD = [
    "- Thường trực Tỉnh ủy (để báo cáo),",
    "- Ban Tuyên giáo và Dân vận Trung ương,",
]
RECIPIENTS_BTGDV_TAIL = ["- Lãnh đạo Ban,", "- Lưu Văn phòng Ban."]

GROUPS = [
    ("Các đảng bộ trực thuộc Tỉnh ủy", "Đảng bộ trực thuộc"),
    ("Các ban, sở, ngành của tỉnh", "Ban, sở, ngành"),
    ("Các đoàn thể chính trị - xã hội tỉnh", "Đoàn thể CT-XH"),
    ("Các cơ quan báo chí của tỉnh", "Cơ quan báo chí"),
]

REPORT_RETURN_NOTES = [
    "Thiếu số liệu biểu thống kê, đề nghị bổ sung.",
    "Chưa có số liệu chi bộ, đảng viên tham gia học tập, đề nghị bổ sung.",
    "Báo cáo chưa đúng mẫu hướng dẫn, đề nghị hoàn chỉnh.",
]
REMINDER_NOTE = "Công văn đôn đốc báo cáo kết quả học tập, quán triệt và triển khai thực hiện."
