"""Small reads and checks the "Văn bản" page and its dialogs need beyond the register services.

- :func:`list_register` — the documents list with everything a row shows, including the
  issuing body's regime, so a State document reads "15/QĐ-UBND" and a Party one "15-CT/TU"
  (:class:`RegisterRow` is a :class:`~desktop.services.dto.DocumentRow` whose
  ``number_symbol`` follows the regime);
- :func:`register_years` — the years documents were issued in, for the year filter;
- :func:`validation_problems` — every problem of a document input at once, each with its field:
  :func:`~desktop.services.document_validation.validate_document` stops at the first, so the
  field it names is replaced by a value known to pass and the check runs again.

Pure reads: no Qt, one read transaction each (one per round for the checks).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from desktop.domain.errors import ValidationError
from desktop.domain.text import LIKE_ESCAPE, fold, search_pattern
from desktop.services.database import Database
from desktop.services.document_dto import DocumentInput
from desktop.services.document_numbers import format_number_symbol
from desktop.services.document_validation import validate_document
from desktop.services.dto import DocumentRow
from desktop.store import models as m

__all__ = ["Problem", "RegisterRow", "list_register", "register_years", "validation_problems"]

_SEPARATORS = {"party": ("-", "/"), "state": ("/", "-")}


@dataclass(frozen=True, slots=True)
class RegisterRow(DocumentRow):
    """A row of the register: a :class:`DocumentRow` that knows its issuing body's regime."""

    regime: str = "party"
    issuing_body_id: int | None = None
    issuing_body_symbol: str = ""

    @property
    def number_symbol(self) -> str:
        """"15-CT/TU" (Party) or "15/QĐ-UBND" (State)."""
        regime = self.regime if self.regime in _SEPARATORS else "party"
        return format_number_symbol(self.number, self.symbol, regime)


def list_register(
    db: Database,
    search: str | None = None,
    *,
    type_code: str | None = None,
    year: int | None = None,
    issuing_body_id: int | None = None,
    exclude_id: int | None = None,
    limit: int | None = None,
) -> list[RegisterRow]:
    """Documents, newest first, filtered like :func:`desktop.services.documents.list_documents`
    (``search`` ignores case, accents and punctuation); ``exclude_id`` leaves one out."""
    d, t, b = m.Document, m.DocumentType, m.IssuingBody
    stmt = (
        select(d.id, t.code, t.name, d.number, d.symbol, d.issue_date, d.excerpt, b.name,
               d.scope, d.parent_id, b.regime, d.issuing_body_id, b.symbol)
        .join(t, t.id == d.type_id)
        .outerjoin(b, b.id == d.issuing_body_id)
        .order_by(d.issue_date.desc(), d.id.desc())
    )
    if search and fold(search):
        stmt = stmt.where(d.search_key.like(search_pattern(search), escape=LIKE_ESCAPE))
    if type_code:
        stmt = stmt.where(t.code == type_code)
    if year is not None:
        stmt = stmt.where(d.issue_date >= date(year, 1, 1), d.issue_date <= date(year, 12, 31))
    if issuing_body_id is not None:
        stmt = stmt.where(d.issuing_body_id == issuing_body_id)
    if exclude_id is not None:
        stmt = stmt.where(d.id != exclude_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.read() as s:
        rows = s.execute(stmt).all()
    return [
        RegisterRow(id=r[0], type_code=r[1], type_name=r[2], number=r[3], symbol=r[4],
                    issue_date=r[5], excerpt=r[6], issuing_body=" ".join((r[7] or "").split()),
                    scope=r[8], parent_id=r[9], regime=r[10] or "party",
                    issuing_body_id=r[11], issuing_body_symbol=r[12] or "")
        for r in rows
    ]


def register_years(db: Database) -> list[int]:
    """The years documents were issued in, newest first."""
    with db.read() as s:
        days = s.scalars(select(m.Document.issue_date).distinct()
                         .where(m.Document.issue_date.is_not(None))).all()
    return sorted({day.year for day in days}, reverse=True)


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a document cannot be saved; ``field`` as the service names it ("" if none)."""

    field: str
    message: str


class _Passing:
    """Values known to pass each check, to step past a field once its problem is recorded."""

    def __init__(self, db: Database) -> None:
        with db.read() as s:
            self.types = {code: code for code in s.scalars(
                select(m.DocumentType.code).order_by(m.DocumentType.sort_order))}
            self.bodies = {b.id: (b.symbol, b.regime) for b in s.scalars(
                select(m.IssuingBody).order_by(m.IssuingBody.id))}

    def symbol(self, inp: DocumentInput) -> str:
        symbol, regime = self.bodies.get(inp.issuing_body_id or -1, ("", "party"))
        _, sep = _SEPARATORS.get(regime, _SEPARATORS["party"])
        return f"{inp.type_code}{sep}{symbol}"

    def fix(self, inp: DocumentInput, field: str) -> DocumentInput | None:
        """``inp`` with ``field`` replaced by a passing value (None: nothing to replace)."""
        if field == "type_code" and self.types:
            inp = replace(inp, type_code=next(iter(self.types)))
            return replace(inp, symbol=self.symbol(inp))
        if field == "issuing_body_id" and self.bodies:
            inp = replace(inp, issuing_body_id=next(iter(self.bodies)))
            return replace(inp, symbol=self.symbol(inp))
        simple: dict[str, dict[str, object]] = {
            "number": {"number": "1"},
            "symbol": {"symbol": self.symbol(inp)},
            "issue_date": {"issue_date": date.today(), "deadlines": ()},
            "excerpt": {"excerpt": "-"},
            "signer_authority": {"signer_authority": ""},
            "signer_title": {"signer_title": ""},
            "signer_name": {"signer_name": ""},
            "urgency": {"urgency": "thuong"},
            "confidentiality": {"confidentiality": "thuong"},
            "scope": {"scope": "cap_truc_thuoc"},
            "parent_id": {"parent_id": None},
            "deadlines": {"deadlines": ()},
            "recipient_lines": {"recipient_lines": ()},
        }
        if field not in simple:
            return None
        return replace(inp, **simple[field])  # type: ignore[arg-type]


def validation_problems(
    db: Database, inp: DocumentInput, document_id: int | None = None, *, max_rounds: int = 16
) -> list[Problem]:
    """Every problem :func:`validate_document` finds in ``inp`` (empty: it can be saved).

    The duplicate-number check runs only once every field passes, as it does when saving.
    """
    problems: list[Problem] = []
    passing: _Passing | None = None
    current: DocumentInput | None = inp
    seen: set[str] = set()
    for _ in range(max_rounds):
        if current is None:
            break
        try:
            validate_document(db, current, document_id)
            break
        except ValidationError as exc:
            field = exc.field or ""
            if field in seen:
                break
            seen.add(field)
            problems.append(Problem(field, exc.message))
            passing = passing or _Passing(db)
            current = passing.fix(current, field)
    return problems
