"""What the document dialog shows and reads back, independent of where it came from.

:class:`DocumentValues` is filled from a saved document (:meth:`DocumentValues.from_detail`),
from a .docx read by the import (:mod:`desktop.ui.dialogs.docx_import_dialog`) or left empty
for a new document. :func:`split_number_text` reads the one "Số, ký hiệu" field: the whole
"15-CT/TU" (or "15/QĐ-UBND" for a State body), or the number alone, the symbol then being the
type's abbreviation and the issuing body's symbol.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.dates import format_date
from desktop.domain.text import clean_line
from desktop.services.document_dto import DeadlineInput, DocumentDetail
from desktop.services.document_numbers import parse_number_symbol
from desktop.ui.models.recipient_match_model import RecipientEntry, entries_from_rows

_SEPARATORS = {"party": ("-", "/"), "state": ("/", "-")}


@dataclass(frozen=True, slots=True)
class ParentRef:
    """The document a new one implements, as the chooser shows it."""

    id: int
    label: str


def ref_label(number_symbol: str, issue_date: date | None, excerpt: str) -> str:
    """"03-CT/TU ngày 20/01/2026 — về tăng cường …" (shortened)."""
    head = number_symbol
    if issue_date is not None:
        head = f"{head} ({format_date(issue_date)})"
    text = clean_line(excerpt)
    if len(text) > 90:
        text = text[:89].rstrip() + "…"
    return f"{head} — {text}" if text else head


@dataclass(frozen=True)
class DocumentValues:
    """Every field of the document dialog."""

    type_code: str = ""
    issuing_body_id: int | None = None
    number_text: str = ""
    issue_date: date | None = None
    excerpt: str = ""
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    urgency: str = "thuong"
    confidentiality: str = "thuong"
    scope: str = "cap_truc_thuoc"
    parent: ParentRef | None = None
    note: str = ""
    deadlines: tuple[DeadlineInput, ...] = ()
    recipients: tuple[RecipientEntry, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def has_signer(self) -> bool:
        return any((self.signer_authority, self.signer_title, self.signer_name))

    @classmethod
    def from_detail(cls, d: DocumentDetail) -> DocumentValues:
        parent = None
        if d.parent is not None:
            parent = ParentRef(d.parent.id, ref_label(d.parent.number_symbol,
                                                      d.parent.issue_date, d.parent.excerpt))
        elif d.parent_id is not None:
            parent = ParentRef(d.parent_id, f"#{d.parent_id}")
        return cls(
            type_code=d.type_code, issuing_body_id=d.issuing_body_id, number_text=d.number_symbol,
            issue_date=d.issue_date, excerpt=d.excerpt, signer_authority=d.signer_authority,
            signer_title=d.signer_title, signer_name=d.signer_name, urgency=d.urgency,
            confidentiality=d.confidentiality, scope=d.scope, parent=parent, note=d.note,
            deadlines=tuple(x.to_input() for x in d.deadlines),  # working days kept
            recipients=tuple(entries_from_rows(d.recipient_lines)),
        )


def derived_symbol(type_code: str, body_symbol: str, regime: str) -> str:
    """The symbol a document of this type and body must have: "CT/TU", "QĐ-UBND"."""
    _, sep = _SEPARATORS.get(regime, _SEPARATORS["party"])
    return f"{type_code}{sep}{body_symbol}" if type_code and body_symbol else ""


def split_number_text(text: str, regime: str, type_code: str, body_symbol: str) -> tuple[str, str]:
    """(number, symbol) of what was typed in "Số, ký hiệu".

    The number alone ("15", "05") takes the symbol the type and body give; anything else is
    read by :func:`~desktop.services.document_numbers.parse_number_symbol`, which raises a
    ValidationError (field "number" or "symbol") saying what is wrong in this regime.
    """
    regime = regime if regime in _SEPARATORS else "party"
    typed = clean_line(text)
    if not typed or typed.isdigit():
        return typed, derived_symbol(type_code, body_symbol, regime)
    return parse_number_symbol(typed, regime)
