"""Format profiles: the layout numbers of an official document, read from ``resources/formats``.

One TOML file per regime (``party-36.toml`` for the Party's Hướng dẫn 36-HD/VPTW,
``state-30.toml`` for Nghị định 30/2020, ``party-2026.toml`` for the Party's 2026 successor —
a copy of party-36 until its values are confirmed). Every number the Word writers use comes
from here: paper, margins, fonts, each element's size and style, the widths of the header and
signature tables, line spacing, numbering and punctuation. The code holds none of them.

:func:`load_profile` reads a file into frozen dataclasses and refuses a broken one with a
:class:`ProfileError` naming the file and the key (in Vietnamese). The office's own values
(name lines, symbol, place name, signer, recipient punctuation) are not part of a profile:
they are an :class:`OfficeValues`, filled by the service from ``issuing_bodies`` and the
``settings`` table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop.domain.errors import AppError

__all__ = [
    "ALIGNMENTS",
    "DEFAULT_PROFILES",
    "ELEMENTS",
    "BodySpacing",
    "ElementStyle",
    "FooterLayout",
    "HeaderLayout",
    "OfficeValues",
    "PageSetup",
    "Profile",
    "ProfileError",
    "Rules",
    "available_profiles",
    "formats_dir",
    "load_profile",
    "load_profile_file",
]

ALIGNMENTS = ("left", "center", "right", "justify")
ELEMENTS = (
    "title", "motto", "superior", "issuer", "issuer_mark", "number", "date_line", "type_title",
    "excerpt", "separator", "body", "heading1", "heading2", "recipients_label", "recipients",
    "authority", "signer_title", "signer_name", "page_number", "appendix_label",
    "appendix_title", "appendix_note", "table_header", "table_cell",
)  # fmt: skip
#: The profile used for each regime when an issuing body names none.
DEFAULT_PROFILES = {"party": "party-36", "state": "state-30"}


class ProfileError(AppError):
    """A format profile is missing or broken; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class ElementStyle:
    """How one element of the document is set (sizes in points)."""

    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    align: str = "left"
    space_before: float = 0
    space_after: float = 0


@dataclass(frozen=True, slots=True)
class PageSetup:
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    mirror_margins: bool
    header_distance_mm: float
    footer_distance_mm: float
    font: str
    landscape_appendix: bool

    @property
    def usable_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


@dataclass(frozen=True, slots=True)
class BodySpacing:
    line_spacing: str  # "exact" (value in points) or "multiple" (value in lines)
    line_spacing_value: float
    space_before_pt: float
    space_after_pt: float
    first_line_indent_mm: float


@dataclass(frozen=True, slots=True)
class HeaderLayout:
    left_mm: float
    right_mm: float
    title: str
    motto: str
    rule_under: str  # "title" or "motto"
    rule_length_mm: float
    issuer_mark: str  # "*" (Party) or "rule" (State)
    issuer_rule_mm: float


@dataclass(frozen=True, slots=True)
class FooterLayout:
    left_mm: float
    right_mm: float
    signature_blank_lines: int


@dataclass(frozen=True, slots=True)
class Rules:
    number_prefix: str
    number_pattern: str
    number_zero_pad: int
    blank_number: str
    excerpt_separator: str
    section_numbering: str
    text_end: str
    recipient_line_end: str
    recipient_last_end: str
    appendix_label: str
    appendix_numerals: str


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    regime: str
    page: PageSetup
    body: BodySpacing
    header: HeaderLayout
    footer: FooterLayout
    rules: Rules
    elements: dict[str, ElementStyle] = field(default_factory=dict)
    path: Path | None = None

    def element(self, name: str) -> ElementStyle:
        return self.elements[name]


@dataclass(frozen=True, slots=True)
class OfficeValues:
    """The issuing office's own values, printed in the header, the text and the signature.

    ``name_lines`` are the issuing body's name as printed (one entry a line); ``name_in_text``
    is how the text names it ("Ban Tuyên giáo và Dân vận Tỉnh ủy"). ``recipient_line_end`` /
    ``recipient_last_end`` override the profile's punctuation when not empty.
    """

    superior_name: str
    name_lines: tuple[str, ...]
    symbol: str
    place_name: str
    name_in_text: str = ""
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipient_line_end: str = ""
    recipient_last_end: str = ""
    drafting_unit: str = ""  # State công văn: "VP" in "Số: 15/UBND-VP"


def formats_dir() -> Path:
    from desktop.config import resources_dir

    return resources_dir() / "formats"


def available_profiles() -> list[str]:
    """The ids of the profiles shipped in ``resources/formats`` (file names without .toml)."""
    return sorted(p.stem for p in formats_dir().glob("*.toml"))


@lru_cache(maxsize=16)
def load_profile(profile_id: str) -> Profile:
    """The shipped profile ``profile_id`` ("party-36", "state-30", "party-2026")."""
    path = formats_dir() / f"{profile_id}.toml"
    if not path.is_file():
        known = ", ".join(available_profiles()) or "(không có)"
        raise ProfileError(
            f"Không có hồ sơ thể thức «{profile_id}». Các hồ sơ có sẵn: {known}."
        )
    return load_profile_file(path)


def load_profile_file(path: Path) -> Profile:
    """Read and check one profile file; :class:`ProfileError` names the file and the key."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"Không đọc được hồ sơ thể thức «{path.name}»: {exc.strerror}.") \
            from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(
            f"Hồ sơ thể thức «{path.name}» sai cú pháp TOML ({exc}). Sửa tệp hoặc cài lại "
            "chương trình."
        ) from exc
    return _Reader(path, raw).profile()


class _Reader:
    def __init__(self, path: Path, raw: dict[str, Any]) -> None:
        self.path = path
        self.raw = raw

    def fail(self, key: str, what: str) -> ProfileError:
        return ProfileError(
            f"Hồ sơ thể thức «{self.path.name}» hỏng ở khóa «{key}»: {what}. Sửa tệp "
            f"{self.path} hoặc cài lại chương trình."
        )

    def table(self, key: str) -> dict[str, Any]:
        node: Any = self.raw
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise self.fail(key, "thiếu mục này")
            node = node[part]
        if not isinstance(node, dict):
            raise self.fail(key, "phải là một bảng [..]")
        return node

    def value(self, table: str, name: str, kind: type, default: Any = ...) -> Any:
        data = self.table(table)
        key = f"{table}.{name}"
        if name not in data:
            if default is ...:
                raise self.fail(key, "thiếu giá trị")
            return default
        value = data[name]
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(key, f"phải là một số (đang là {value!r})")
            if value < 0:
                raise self.fail(key, f"không được âm (đang là {value!r})")
            return float(value)
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise self.fail(key, f"phải là số nguyên không âm (đang là {value!r})")
            return value
        if not isinstance(value, kind):
            names = {bool: "true hoặc false", str: "một chuỗi trong ngoặc kép"}
            raise self.fail(key, f"phải là {names.get(kind, kind.__name__)} (đang là {value!r})")
        return value

    def choice(self, table: str, name: str, choices: tuple[str, ...]) -> str:
        value = self.value(table, name, str)
        if value not in choices:
            raise self.fail(f"{table}.{name}",
                            f"phải là một trong {', '.join(choices)} (đang là {value!r})")
        return str(value)

    def profile(self) -> Profile:
        v = self.value
        regime = self.choice("profile", "regime", ("party", "state"))
        page = PageSetup(
            *(v("page", n, float) for n in ("width_mm", "height_mm", "top_mm", "bottom_mm",
                                            "left_mm", "right_mm")),
            v("page", "mirror_margins", bool), v("page", "header_distance_mm", float),
            v("page", "footer_distance_mm", float), v("page", "font", str),
            v("page", "landscape_appendix", bool),
        )
        if page.usable_width_mm <= 0 or page.height_mm <= page.top_mm + page.bottom_mm:
            raise self.fail("page", "lề lớn hơn khổ giấy")
        body = BodySpacing(
            self.choice("body", "line_spacing", ("exact", "multiple")),
            v("body", "line_spacing_value", float), v("body", "space_before_pt", float),
            v("body", "space_after_pt", float), v("body", "first_line_indent_mm", float),
        )
        header = HeaderLayout(
            v("header", "left_mm", float), v("header", "right_mm", float),
            v("header", "title", str), v("header", "motto", str),
            self.choice("header", "rule_under", ("title", "motto")),
            v("header", "rule_length_mm", float), self.choice("header", "issuer_mark",
                                                              ("*", "rule")),
            v("header", "issuer_rule_mm", float),
        )
        footer = FooterLayout(v("footer", "left_mm", float), v("footer", "right_mm", float),
                              v("footer", "signature_blank_lines", int))
        for name, layout in (("header", header), ("footer", footer)):
            width = layout.left_mm + layout.right_mm
            if width > page.usable_width_mm + 0.5:
                raise self.fail(f"{name}.left_mm", f"hai cột rộng {width:g} mm, quá bề rộng "
                                f"vùng in {page.usable_width_mm:g} mm")
        rules = Rules(
            v("rules", "number_prefix", str), v("rules", "number_pattern", str),
            v("rules", "number_zero_pad", int), v("rules", "blank_number", str),
            v("rules", "excerpt_separator", str), v("rules", "section_numbering", str),
            v("rules", "text_end", str), v("rules", "recipient_line_end", str),
            v("rules", "recipient_last_end", str), v("rules", "appendix_label", str),
            self.choice("rules", "appendix_numerals", ("arabic", "roman")),
        )
        for key, needed in (("number_pattern", ("{number}", "{type}", "{body}")),
                            ("section_numbering", ("{roman}", "{title}")),
                            ("appendix_label", ("{n}",))):
            text = getattr(rules, key)
            missing = [n for n in needed if n not in text]
            if missing:
                raise self.fail(f"rules.{key}", f"thiếu {', '.join(missing)}")
        default = self.table("elements.default")
        elements = {name: self.element(name, default) for name in ELEMENTS}
        return Profile(v("profile", "id", str), v("profile", "name", str), regime, page, body,
                       header, footer, rules, elements, self.path)

    def element(self, name: str, default: dict[str, Any]) -> ElementStyle:
        table = f"elements.{name}"
        data = self.table(table)
        merged = {**default, **data}
        fake = _Reader(self.path, {"elements": {name: merged}})
        style = ElementStyle(
            size=fake.value(table, "size", float),
            bold=fake.value(table, "bold", bool, False),
            italic=fake.value(table, "italic", bool, False),
            underline=fake.value(table, "underline", bool, False),
            caps=fake.value(table, "caps", bool, False),
            align=fake.choice(table, "align", ALIGNMENTS),
            space_before=fake.value(table, "space_before", float, 0.0),
            space_after=fake.value(table, "space_after", float, 0.0),
        )
        if not 4 <= style.size <= 72:
            raise self.fail(f"{table}.size", f"cỡ chữ phải từ 4 đến 72 (đang là {style.size:g})")
        return style
