"""The editable vocabularies (organisation kinds, document types) and facts about the database.

Cài đặt → Danh mục lists both; a clerk adds entries, renames them, changes their flag, moves
them up or down (the order of every drop-down list) and deletes those added by mistake.

- *Names* are cleaned (NFC, one line), required, and unique within their list ignoring case and
  accents (``fold``): "Quy che" next to "Quy chế" would be two entries nobody can tell apart.
- *Document type codes* are the abbreviation in a document's symbol ("CT" in "15-CT/TU"):
  letters only (Vietnamese ones too: "QĐi", "CTr"), no space, "/" or "-". Unique, and unique
  ignoring case and accents too, because a typed symbol finds its type that way
  (``document_validation.find_type``): with "QĐ" and "QD" both present, "15-qd/tu" would be
  ambiguous. A code changes only while no document and no outgoing-register entry uses the type
  — they store their symbol as text, which would no longer match — and never for the types the
  program numbers its own letters with (:data:`PROGRAM_TYPES`).
- *Organisation kind codes* are internal keys (tracking filters, imports, the demo): made from
  the folded name for a new kind ("Hội đồng nhân dân" → ``hoi_dong_nhan_dan``, ``_2``… when
  taken) and never edited. ``is_party_cell`` decides what counts as one "chi bộ" in the
  denominators of tracking rows set up from then on.
- *Deleting* is refused, with the counts and what to do instead, while anything refers to the
  entry (organisations and their history rows; documents, outgoing-register entries and number
  sequences).
- *Two clerks at once.* These tables carry no version column (adding one needs a migration), so
  each update and delete is guarded by the values the clerk loaded — ``UPDATE … WHERE id = …
  AND name = … AND code = … AND flag = …`` (a move by the ``sort_order`` it read) — and a
  statement that matches no row raises :class:`ConflictError`. On PostgreSQL a
  transaction-level advisory lock serialises edits of the lists, so two clerks cannot both pass
  a uniqueness check and add the same entry; SQLite write transactions are serial already.
- *Audit*: new entries go in through the ORM, whose flush hook audits them; the guarded Core
  updates and deletes write their own audit row, one per changed row, in the hook's shape
  (before/after of the changed columns, the whole row for a delete).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from desktop.domain.enums import AuditAction
from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.domain.text import clean_line, fold
from desktop.services.database import Database
from desktop.services.tracking_setup import sync_tracking_in
from desktop.store import models as m

#: Key of the PostgreSQL advisory lock held while a list is edited ("TDCT" + 2).
VOCAB_LOCK_KEY = 0x54444354_02
#: Document types the program itself numbers letters with (``report_common.report_number``):
#: their code can neither change nor go, whatever uses them.
PROGRAM_TYPES = {
    "CV": "đánh số công văn đôn đốc",
    "BC": "đánh số báo cáo kết quả và báo cáo năm",
}
_KIND_CODE_MAX = 40
_CODE_MAX = 20
_ORDER_STEP = 10


@dataclass(frozen=True, slots=True)
class VocabItem:
    """One entry of an editable list, as the clerk loaded it (the guard of later edits)."""

    id: int
    code: str
    name: str
    sort_order: int = 0


@dataclass(frozen=True, slots=True)
class OrgKindItem(VocabItem):
    """An organisation kind; ``is_party_cell``: each organisation of it is one party cell."""

    is_party_cell: bool = False


@dataclass(frozen=True, slots=True)
class DocumentTypeItem(VocabItem):
    """A document type; ``code`` is the abbreviation in its documents' symbols."""

    trackable: bool = True


@dataclass(frozen=True, slots=True)
class DatabaseInfo:
    """Where the data lives and what it holds, for the settings page."""

    location: str
    dialect: str
    revision: str | None
    organisations: int
    documents: int

    @property
    def is_empty(self) -> bool:
        return self.organisations == 0 and self.documents == 0


@dataclass(frozen=True, slots=True)
class _List:
    """What differs between the two lists."""

    model: Any
    item: type[OrgKindItem] | type[DocumentTypeItem]
    flag: str
    what: str  # "loại văn bản", as the messages name an entry
    name_max: int
    example: str

    @property
    def table(self) -> Any:
        return self.model.__table__

    def to_item(self, row: Any) -> Any:
        return self.item(id=row.id, code=row.code, name=row.name, sort_order=row.sort_order,
                         **{self.flag: bool(getattr(row, self.flag))})

    def columns(self) -> tuple[Any, ...]:
        t = self.table.c
        return (t.id, t.code, t.name, t.sort_order, t[self.flag])

    def label(self, item: VocabItem) -> str:
        """How messages name an entry: a type with its code, a kind by its name alone (its
        code is internal)."""
        if self.item is DocumentTypeItem:
            return f"«{item.name}» ({item.code})"
        return f"«{item.name}»"


_KINDS = _List(m.OrgKind, OrgKindItem, "is_party_cell", "loại hình đơn vị", 200,
               "Hội đồng nhân dân")
_TYPES = _List(m.DocumentType, DocumentTypeItem, "trackable", "loại văn bản", 120, "Quy chế")


def _list_of(item: VocabItem) -> _List:
    if isinstance(item, OrgKindItem):
        return _KINDS
    if isinstance(item, DocumentTypeItem):
        return _TYPES
    raise TypeError(f"not an entry of an editable list: {item!r}")


# ------------------------------------------------------------------------------- reading


def _rows(s: Session, spec: _List) -> list[Any]:
    t = spec.table.c
    return list(s.execute(select(*spec.columns()).order_by(t.sort_order, t.id)))


def org_kinds(db: Database) -> list[OrgKindItem]:
    """The organisation kinds in their display order."""
    with db.read() as s:
        return [_KINDS.to_item(row) for row in _rows(s, _KINDS)]


def document_types(db: Database) -> list[DocumentTypeItem]:
    """The document types in their display order."""
    with db.read() as s:
        return [_TYPES.to_item(row) for row in _rows(s, _TYPES)]


def current(db: Database, item: VocabItem) -> Any:
    """The entry as stored now (to reload a dialog after a conflict); NotFoundError if gone."""
    spec = _list_of(item)
    with db.read() as s:
        return spec.to_item(_current_row(s, spec, item))


def code_lock_reason(db: Database, item: DocumentTypeItem) -> str:
    """Why the type's code cannot change now ("" when it can), for the dialog to say upfront."""
    with db.read() as s:
        return _code_lock(s, item)


def delete_refusal(db: Database, item: VocabItem) -> str:
    """Why the entry cannot be deleted ("" when it can): asked before the clerk confirms."""
    spec = _list_of(item)
    with db.read() as s:
        return _delete_refusal(s, spec, spec.to_item(_current_row(s, spec, item)))


def is_empty(db: Database) -> bool:
    """True when there is neither an organisation nor a document (a first run)."""
    with db.read() as s:
        has_doc = s.scalar(select(m.Document.id).limit(1)) is not None
        has_org = has_doc or s.scalar(select(m.Organisation.id).limit(1)) is not None
    return not (has_doc or has_org)


def database_info(db: Database) -> DatabaseInfo:
    from desktop.store.schema import current_revision

    with db.read() as s:
        orgs = int(s.scalar(select(func.count()).select_from(m.Organisation)) or 0)
        docs = int(s.scalar(select(func.count()).select_from(m.Document)) or 0)
    return DatabaseInfo(db.location, db.dialect, current_revision(db.engine), orgs, docs)


# ------------------------------------------------------------------------------- writing


def add_org_kind(db: Database, name: str, is_party_cell: bool = False) -> OrgKindItem:
    """A new kind at the end of the list; its code is made from the name."""
    with db.transaction() as s:
        _lock(s)
        cleaned = _clean_name(s, _KINDS, name)
        taken = {c.casefold() for c in s.scalars(select(m.OrgKind.code))}
        kind = m.OrgKind(code=_kind_code(cleaned, taken), name=cleaned,
                         sort_order=_next_order(s, _KINDS), is_party_cell=bool(is_party_cell))
        s.add(kind)
        s.flush()
        return _KINDS.to_item(kind)


def add_document_type(db: Database, code: str, name: str,
                      trackable: bool = True) -> DocumentTypeItem:
    """A new document type at the end of the list."""
    with db.transaction() as s:
        _lock(s)
        cleaned = _clean_name(s, _TYPES, name)
        checked = _clean_code(s, code)
        doc_type = m.DocumentType(code=checked, name=cleaned, sort_order=_next_order(s, _TYPES),
                                  trackable=bool(trackable))
        s.add(doc_type)
        s.flush()
        return _TYPES.to_item(doc_type)


def update_org_kind(db: Database, loaded: OrgKindItem, name: str,
                    is_party_cell: bool) -> OrgKindItem:
    """Rename a kind and set its flag; ``loaded`` is the entry as the clerk saw it."""
    return _update(db, _KINDS, loaded, name=name, is_party_cell=bool(is_party_cell))


def update_document_type(db: Database, loaded: DocumentTypeItem, code: str, name: str,
                         trackable: bool) -> DocumentTypeItem:
    """Rename a type, change its code (only while unused) and its flag; a changed flag
    synchronises the tracking rows of the type's documents in the same transaction."""
    return _update(db, _TYPES, loaded, name=name, code=code, trackable=bool(trackable))


def move(db: Database, item: VocabItem, step: int) -> Any:
    """Swap the entry with its neighbour above (``step`` -1) or below (+1); the entry as now.

    Nothing is written at either end of the list. Entries sharing a ``sort_order`` (typed in by
    hand, or an old import) are first renumbered 10, 20, 30… in their shown order, so the swap
    always changes what the clerk sees; a row renumbered and swapped gets one audit row.
    """
    if step not in (-1, 1):
        raise ValueError(f"step must be -1 or 1, not {step!r}")
    spec = _list_of(item)
    with db.transaction() as s:
        _lock(s)
        rows = _rows(s, spec)
        position = next((i for i, r in enumerate(rows) if r.id == item.id), None)
        if position is None:
            raise _gone(spec, item)
        if rows[position].sort_order != item.sort_order:
            raise _conflict(spec, item)
        other = position + step
        if not 0 <= other < len(rows):
            return spec.to_item(rows[position])
        orders = [r.sort_order for r in rows]
        if len(set(orders)) != len(orders):
            orders = [(i + 1) * _ORDER_STEP for i in range(len(rows))]
        orders[position], orders[other] = orders[other], orders[position]
        t = spec.table
        for row, order in zip(rows, orders, strict=True):
            if row.sort_order == order:
                continue
            done = s.execute(update(t).where(t.c.id == row.id, t.c.sort_order == row.sort_order)
                             .values(sort_order=order))
            if done.rowcount != 1:
                raise _conflict(spec, spec.to_item(row))
            _audit(db, s, AuditAction.UPDATE, spec, row.id, {"sort_order": row.sort_order},
                   {"sort_order": order}, f"Đổi thứ tự {spec.what} {spec.label(spec.to_item(row))}")
        return spec.to_item(_current_row(s, spec, item))


def delete(db: Database, item: VocabItem) -> None:
    """Delete an entry nothing uses; ``item`` is the entry as the clerk saw it."""
    spec = _list_of(item)
    with db.transaction() as s:
        _lock(s)
        row = _current_row(s, spec, item)
        stored = spec.to_item(row)
        if not _same(spec, stored, item):
            raise _conflict(spec, item)
        refusal = _delete_refusal(s, spec, stored)
        if refusal:
            raise ValidationError(refusal, "id")
        t = spec.table
        done = s.execute(sql_delete(t).where(*_guard(spec, item)))
        if done.rowcount != 1:
            raise _conflict(spec, item)
        _audit(db, s, AuditAction.DELETE, spec, item.id, _as_row(spec, stored), None,
               f"Xóa {spec.what} {spec.label(stored)}")


# ------------------------------------------------------------------------------- checks


def _lock(s: Session) -> None:
    """Serialise edits of the lists (PostgreSQL; SQLite writers are serial already)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": VOCAB_LOCK_KEY})


def _current_row(s: Session, spec: _List, item: VocabItem) -> Any:
    row = s.execute(select(*spec.columns()).where(spec.table.c.id == item.id)).first()
    if row is None:
        raise _gone(spec, item)
    return row


def _gone(spec: _List, item: VocabItem) -> NotFoundError:
    return NotFoundError(
        f"Không còn {spec.what} {spec.label(item)} trong danh mục (có thể vừa bị người khác "
        "xóa). Hãy tải lại danh sách."
    )


def _conflict(spec: _List, item: VocabItem) -> ConflictError:
    return ConflictError(
        f"{spec.what.capitalize()} {spec.label(item)} vừa được người khác sửa hoặc sắp xếp "
        "lại. Hãy tải lại danh sách để xem bản mới nhất rồi làm lại. Chưa có gì bị thay đổi."
    )


def _same(spec: _List, stored: VocabItem, loaded: VocabItem) -> bool:
    """The values an edit is guarded by (not ``sort_order``: a move by someone else does not
    make a rename or a delete wrong)."""
    return (stored.code, stored.name, getattr(stored, spec.flag)) == (
        loaded.code, loaded.name, getattr(loaded, spec.flag))


def _guard(spec: _List, item: VocabItem) -> tuple[Any, ...]:
    c = spec.table.c
    return (c.id == item.id, c.code == item.code, c.name == item.name,
            c[spec.flag] == bool(getattr(item, spec.flag)))


def _clean_name(s: Session, spec: _List, name: str | None, own_id: int | None = None) -> str:
    cleaned = clean_line(name)
    if not cleaned:
        raise ValidationError(f"Chưa nhập tên {spec.what}. Hãy nhập tên (ví dụ «{spec.example}») "
                              "rồi lưu lại.", "name")
    if len(cleaned) > spec.name_max:
        raise ValidationError(f"Tên dài {len(cleaned)} ký tự, quá giới hạn {spec.name_max} ký "
                              "tự. Hãy viết gọn lại.", "name")
    key = fold(cleaned)
    c = spec.table.c
    for other_id, code, other in s.execute(select(c.id, c.code, c.name)):
        if other_id != own_id and fold(other) == key:
            shown = f"«{other}» ({code})" if spec is _TYPES else f"«{other}»"
            raise ValidationError(
                f"Danh mục đã có {spec.what} {shown} (tên được so không phân biệt chữ hoa, "
                "chữ thường và dấu). Hãy đặt tên khác hoặc dùng mục đã có.", "name")
    return cleaned


_LETTER = re.compile(r"[^\W\d_]")


def _clean_code(s: Session, code: str | None, own_id: int | None = None) -> str:
    cleaned = clean_line(code)
    if not cleaned:
        raise ValidationError(
            "Chưa nhập ký hiệu của loại văn bản: phần viết tắt trong số, ký hiệu, ví dụ QC "
            "trong «05-QC/TU». Hãy nhập ký hiệu rồi lưu lại.", "code")
    if " " in cleaned:
        raise ValidationError(f"Ký hiệu «{cleaned}» có dấu cách. Ký hiệu gồm các chữ cái viết "
                              "liền, ví dụ QC, QĐi, CTr.", "code")
    if "/" in cleaned or "-" in cleaned:
        raise ValidationError(
            f"Ký hiệu «{cleaned}» có dấu «/» hoặc «-». Chỉ nhập phần viết tắt của loại văn bản "
            "(QC), không nhập số hay ký hiệu cơ quan ban hành (05-QC/TU).", "code")
    if _LETTER.sub("", cleaned):  # anything left is not a letter
        raise ValidationError(f"Ký hiệu «{cleaned}» chỉ được gồm chữ cái (có thể là chữ tiếng "
                              "Việt như Đ), không có chữ số hay dấu, ví dụ QC, QĐi, CTr.", "code")
    if len(cleaned) > _CODE_MAX:
        raise ValidationError(f"Ký hiệu dài {len(cleaned)} chữ, quá giới hạn {_CODE_MAX} chữ. "
                              "Hãy viết tắt gọn hơn.", "code")
    t = m.DocumentType
    for other_id, other, name in s.execute(select(t.id, t.code, t.name)):
        if other_id == own_id:
            continue
        if other == cleaned:
            raise ValidationError(f"Ký hiệu «{cleaned}» đã là ký hiệu của loại «{name}». Mỗi "
                                  "loại văn bản cần một ký hiệu riêng.", "code")
        if fold(other) == fold(cleaned):
            raise ValidationError(
                f"Ký hiệu «{cleaned}» trùng với ký hiệu «{other}» của loại «{name}» (chỉ khác "
                "chữ hoa, chữ thường hoặc dấu): khi đọc số và ký hiệu của một văn bản, chương "
                "trình không phân biệt được hai loại này. Hãy chọn ký hiệu khác.", "code")
    return cleaned


def _kind_code(name: str, taken: set[str]) -> str:
    base = fold(name).replace(" ", "_")[: _KIND_CODE_MAX - 4].rstrip("_") or "loai"
    code, number = base, 2
    while code.casefold() in taken:
        code = f"{base}_{number}"
        number += 1
    return code


def _next_order(s: Session, spec: _List) -> int:
    last = s.scalar(select(func.max(spec.table.c.sort_order)))
    return (int(last) if last is not None else 0) + _ORDER_STEP


def _count(s: Session, column: Any, value: int) -> int:
    return int(s.scalar(select(func.count()).where(column == value)) or 0)


def _code_lock(s: Session, item: DocumentTypeItem) -> str:
    if item.code in PROGRAM_TYPES:
        return (f"Ký hiệu «{item.code}» được chương trình dùng để {PROGRAM_TYPES[item.code]}, "
                "nên không đổi được. Có thể đổi tên loại.")
    documents = _count(s, m.Document.type_id, item.id)
    outgoing = _count(s, m.OutgoingEntry.type_id, item.id)
    if not documents and not outgoing:
        return ""
    uses = _join([f"{documents} văn bản" if documents else "",
                  f"{outgoing} văn bản trong sổ văn bản đi" if outgoing else ""])
    return (f"Không đổi được ký hiệu «{item.code}» vì loại «{item.name}» đang được dùng cho "
            f"{uses}: số, ký hiệu của các văn bản đó (như «15-{item.code}/TU») đã ghi theo ký "
            "hiệu này. Có thể đổi tên loại; nếu cần ký hiệu khác, hãy thêm một loại mới.")


def _delete_refusal(s: Session, spec: _List, item: VocabItem) -> str:
    if spec is _KINDS:
        orgs = _count(s, m.Organisation.kind_id, item.id)
        history = _count(s, m.OrgHistory.kind_id, item.id)
        if orgs:
            extra = (f" (và {history} dòng lịch sử đơn vị, tức trạng thái trước đây)"
                     if history else "")
            return (f"Không xóa được loại hình «{item.name}» vì có {orgs} đơn vị thuộc loại hình "
                    f"này{extra}. Hãy chuyển các đơn vị đó sang loại hình khác trước (trang Đơn "
                    "vị → Sửa), hoặc đổi tên loại hình thay vì xóa.")
        if history:
            return (f"Không xóa được loại hình «{item.name}» vì lịch sử của đơn vị còn ghi loại "
                    f"hình này ở {history} dòng (trạng thái trước đây, dùng khi xem và báo cáo "
                    "theo ngày cũ). Có thể đổi tên loại hình thay vì xóa.")
        return ""
    if item.code in PROGRAM_TYPES:
        return (f"Không xóa được loại «{item.name}» ({item.code}) vì chương trình dùng ký hiệu "
                f"này để {PROGRAM_TYPES[item.code]}. Có thể đổi tên loại.")
    documents = _count(s, m.Document.type_id, item.id)
    outgoing = _count(s, m.OutgoingEntry.type_id, item.id)
    numbers = _count(s, m.NumberSequence.type_id, item.id)
    if not (documents or outgoing or numbers):
        return ""
    uses = _join([f"{documents} văn bản" if documents else "",
                  f"{outgoing} văn bản trong sổ văn bản đi" if outgoing else "",
                  f"{numbers} dãy số văn bản đi" if numbers else ""])
    return (f"Không xóa được loại «{item.name}» ({item.code}) vì đang được dùng cho {uses}. "
            "Hãy đổi loại của các văn bản đó trước, hoặc đổi tên loại thay vì xóa; nếu chỉ "
            "không muốn theo dõi loại này nữa, hãy bỏ chọn «Theo dõi thực hiện».")


def _join(parts: list[str]) -> str:
    present = [p for p in parts if p]
    return ", ".join(present[:-1]) + " và " + present[-1] if len(present) > 1 else present[0]


# ------------------------------------------------------------------------------- the update


def _update(db: Database, spec: _List, loaded: Any, **wanted: Any) -> Any:
    if _list_of(loaded) is not spec:
        raise TypeError(f"{loaded!r} is not an entry of the list of {spec.what}")
    with db.transaction() as s:
        _lock(s)
        stored = spec.to_item(_current_row(s, spec, loaded))
        if not _same(spec, stored, loaded):
            raise _conflict(spec, loaded)
        values: dict[str, Any] = {"name": _clean_name(s, spec, wanted["name"], loaded.id),
                                  spec.flag: wanted[spec.flag]}
        if spec is _TYPES:
            code = clean_line(wanted["code"])
            if code != loaded.code:
                reason = _code_lock(s, loaded)
                if reason:
                    raise ValidationError(reason, "code")
                code = _clean_code(s, code, loaded.id)
            values["code"] = code
        changed = {k: v for k, v in values.items() if getattr(loaded, k) != v}
        if not changed:
            return stored
        done = s.execute(update(spec.table).where(*_guard(spec, loaded)).values(**changed))
        if done.rowcount != 1:
            raise _conflict(spec, loaded)
        after = spec.to_item(_current_row(s, spec, loaded))
        _audit(db, s, AuditAction.UPDATE, spec, loaded.id,
               {k: getattr(loaded, k) for k in changed}, changed,
               f"Sửa {spec.what} {spec.label(loaded)}")
        if spec is _TYPES and "trackable" in changed:
            # the type's documents follow at once: tracked now, their recipients get rows;
            # no longer tracked, the rows without data go (those with data stay, named)
            for doc_id in s.scalars(select(m.Document.id).where(m.Document.type_id == loaded.id)):
                sync_tracking_in(db, s, doc_id)
        return after


def _as_row(spec: _List, item: VocabItem) -> dict[str, Any]:
    return {"id": item.id, "code": item.code, "name": item.name, "sort_order": item.sort_order,
            spec.flag: getattr(item, spec.flag)}


def _audit(db: Database, s: Session, action: AuditAction, spec: _List, entity_id: int,
           before: dict[str, Any] | None, after: dict[str, Any] | None, summary: str) -> None:
    """One audit row for a write done through Core (the flush hook sees ORM writes only)."""
    s.add(m.AuditEntry(
        actor=db.actor, action=action.value, entity=spec.table.name, entity_id=entity_id,
        before=_dumps(before) if before is not None else None,
        after=_dumps(after) if after is not None else None, summary=summary[:300],
    ))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
