"""Organisation import: the columns a list may have, and how their headers are recognised.

A header matches a field when its folded text (accents, case, punctuation, spacing and any
"(...)" ignored: "Số đảng viên (người)" → "so dang vien") is one of the field's aliases. The
dialog offers :data:`FIELDS` (key and Vietnamese label) for mapping the other columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.domain.text import clean_line, fold

_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A field of the import: its key, its label, the folded headers it answers to."""

    key: str
    label: str
    aliases: tuple[str, ...]


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("stt", "STT", ("stt", "tt", "so tt", "so thu tu")),
    FieldSpec("code", "Mã đơn vị", ("ma don vi", "ma", "ma so", "ma to chuc", "ma dv",
                                    "ma to chuc dang")),
    FieldSpec("name", "Tên đơn vị", ("ten don vi", "ten to chuc dang", "ten to chuc", "ten",
                                     "don vi", "to chuc dang", "ten co so dang", "ten dv")),
    FieldSpec("short_name", "Tên viết tắt", ("ten viet tat", "viet tat", "ten goi tat",
                                             "ten tat", "ten ngan")),
    FieldSpec("parent", "Đơn vị cấp trên", ("don vi cap tren", "truc thuoc", "cap tren",
                                            "to chuc dang cap tren", "thuoc", "ma cap tren",
                                            "ten don vi cap tren", "ma don vi cap tren")),
    FieldSpec("kind", "Loại", ("loai", "loai hinh", "loai to chuc", "loai don vi",
                               "loai hinh to chuc")),
    FieldSpec("cells", "Số chi bộ", ("so chi bo", "chi bo", "tong so chi bo",
                                     "so chi bo truc thuoc")),
    FieldSpec("members", "Số đảng viên", ("so dang vien", "dang vien", "tong so dang vien",
                                          "so luong dang vien")),
    FieldSpec("group", "Nhóm", ("nhom", "nhom noi nhan", "noi nhan", "nhom don vi")),
    FieldSpec("valid_from", "Ngày thành lập", ("ngay thanh lap", "hieu luc tu", "tu ngay",
                                               "ngay hieu luc", "hieu luc tu ngay",
                                               "thanh lap")),
    FieldSpec("note", "Ghi chú", ("ghi chu",)),
)
FIELD_LABELS = {f.key: f.label for f in FIELDS}
ALIASES = {alias: f.key for f in FIELDS for alias in f.aliases}

def header_key(text: Any) -> str:
    """The matching form of a header: "Số đảng viên (người)" → "so dang vien"."""
    return fold(_PARENS.sub(" ", clean_line(str(text)))) if text is not None else ""


@dataclass(frozen=True, slots=True)
class ColumnInfo:
    """One column of the header: where, what it says, and which field it feeds (if any)."""

    index: int  # 0-based
    letter: str
    header: str
    field: str | None
