"""What every edit of the organisation tree shares: loading, locking, validation, history rows.

Rules kept here, once:

- *Locking.* Structural edits serialise: SQLite write transactions already hold the write
  lock from BEGIN IMMEDIATE; on PostgreSQL :func:`lock_tree` takes a transaction-scoped
  advisory lock, so two clerks can never each pass a cycle check and together build a cycle.
  Each edited row is also checked against the version the clerk saw (:func:`check_version`),
  and SQLAlchemy's ``version_id_col`` catches a change between our read and our write.
- *History.* :func:`record_state` keeps ``org_history`` a chain of non-overlapping periods
  that ends the day before the current state began: a dated change on ``on`` closes the
  current state on ``on - 1``; a second change on the same day adds no row (the state before
  ``on`` is already kept) but appends its reason ("rename+move"); a change dated before the
  last recorded one is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

from sqlalchemy import Integer, cast, func, literal, or_, select, text
from sqlalchemy.orm import Session

from desktop.domain.dates import format_date
from desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from desktop.domain.text import canonical_name, clean_line
from desktop.services.database import Database
from desktop.store import models as m

ONE_DAY = timedelta(days=1)
#: Key of the PostgreSQL advisory lock held by structural edits of the tree ("TDCT" + 1).
TREE_LOCK_KEY = 0x54444354_01
_HISTORY_REASON_MAX = 40


@contextmanager
def tree_edit(db: Database) -> Iterator[Session]:
    """One write transaction editing the tree: locked (see :func:`lock_tree`) and without
    autoflush, so each changed row is written, versioned and audited once, at the end."""
    with db.transaction() as s, s.no_autoflush:
        lock_tree(s)
        yield s


def lock_tree(s: Session) -> None:
    """Serialise structural edits of the tree (PostgreSQL; SQLite writers are serial already)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": TREE_LOCK_KEY})


def load_org(s: Session, org_id: int) -> m.Organisation:
    org = s.get(m.Organisation, org_id)
    if org is None:
        raise NotFoundError(
            f"Không có đơn vị mã số #{org_id} (có thể vừa bị người khác xóa). "
            "Hãy tải lại danh sách."
        )
    return org


def check_version(obj: m.Organisation | m.OrgGroup | m.OrgDenominator, expected: int | None,
                  what: str) -> None:
    """``ConflictError`` when the row is no longer the version the clerk saw (``what`` names it)."""
    if expected is not None and obj.version != expected:
        raise ConflictError(
            f"{what} vừa được người khác sửa (bản đang mở là bản {expected}, bản mới nhất là "
            f"bản {obj.version}). Hãy tải lại để xem bản mới nhất rồi làm lại. "
            "Chưa có gì bị thay đổi."
        )


def quoted(org: m.Organisation) -> str:
    return f"«{org.name}»"


def require_active(org: m.Organisation, day: date, field: str, role: str = "Đơn vị") -> None:
    """``ValidationError`` unless ``org`` exists on ``day``."""
    if org.valid_to is not None and org.valid_to < day:
        raise ValidationError(
            f"{role} {quoted(org)} đã kết thúc hoạt động từ ngày "
            f"{format_date(org.valid_to + ONE_DAY)}, nên không dùng được cho ngày "
            f"{format_date(day)}. Hãy chọn một đơn vị đang hoạt động.",
            field,
        )
    if org.valid_from is not None and org.valid_from > day:
        raise ValidationError(
            f"{role} {quoted(org)} đến ngày {format_date(org.valid_from)} mới thành lập, nên "
            f"không dùng được cho ngày {format_date(day)}. Hãy chọn ngày khác hoặc đơn vị khác.",
            field,
        )


# ------------------------------------------------------------------------------ field cleaning


def clean_required(value: str | None, field: str, label: str, max_len: int) -> str:
    cleaned = clean_line(value)
    if not cleaned:
        raise ValidationError(f"Chưa nhập {label}. Hãy nhập {label} rồi lưu lại.", field)
    return limit_length(cleaned, field, label, max_len)


def limit_length(value: str, field: str, label: str, max_len: int) -> str:
    if len(value) > max_len:
        raise ValidationError(
            f"{label.capitalize()} dài {len(value)} ký tự, quá giới hạn {max_len} ký tự. "
            "Hãy viết gọn lại.",
            field,
        )
    return value


def clean_code(s: Session, code: str | None, own_id: int | None = None) -> str | None:
    """An organisation code: cleaned, empty means none, unique (ignoring case)."""
    cleaned = clean_line(code)
    if not cleaned:
        return None
    limit_length(cleaned, "code", "mã đơn vị", 40)
    org = m.Organisation
    stmt = select(org.id, org.name).where(func.upper(org.code) == cleaned.upper())
    if own_id is not None:
        stmt = stmt.where(org.id != own_id)
    clash = s.execute(stmt.limit(1)).first()
    if clash is not None:
        raise ValidationError(
            f"Mã «{cleaned}» đã dùng cho đơn vị «{clash.name}». Mỗi đơn vị cần một mã riêng: "
            "hãy nhập mã khác hoặc để trống.",
            "code",
        )
    return cleaned


def resolve_kind(s: Session, kind: int | str | None) -> int | None:
    """An ``org_kinds`` id from an id or a code (None stays None)."""
    if kind is None or kind == "":
        return None
    if isinstance(kind, int):
        found = s.get(m.OrgKind, kind)
        kind_id = found.id if found is not None else None
    else:
        kind_id = s.scalar(select(m.OrgKind.id).where(m.OrgKind.code == clean_line(kind)))
    if kind_id is None:
        raise ValidationError(
            f"Không có loại đơn vị «{kind}». Hãy chọn một loại trong danh sách.", "kind"
        )
    return kind_id


def refuse_sibling_name(s: Session, name: str, parent_id: int | None, day: date,
                        own_id: int | None = None) -> None:
    """Two organisations under one parent, alive at the same time, may not share a name."""
    org = m.Organisation
    stmt = select(org.id, org.name).where(
        org.parent_id.is_(None) if parent_id is None else org.parent_id == parent_id,
        or_(org.valid_to.is_(None), org.valid_to >= day),
    )
    if own_id is not None:
        stmt = stmt.where(org.id != own_id)
    key = canonical_name(name)
    for _id, sibling in s.execute(stmt):
        if canonical_name(sibling) == key:
            raise ValidationError(
                f"Đơn vị cấp trên này đã có một đơn vị đang hoạt động tên «{sibling}». "
                "Hãy đặt tên khác (ví dụ thêm tên địa bàn) hoặc sửa đơn vị đã có.",
                "name",
            )


def next_sort_order(s: Session, parent_id: int | None) -> int:
    org = m.Organisation
    where = org.parent_id.is_(None) if parent_id is None else org.parent_id == parent_id
    return int(s.scalar(select(func.max(org.sort_order)).where(where)) or 0) + 1


# ------------------------------------------------------------------------------ history


def last_history(s: Session, org_id: int) -> m.OrgHistory | None:
    h = m.OrgHistory
    return s.scalars(
        select(h).where(h.organisation_id == org_id).order_by(h.valid_to.desc()).limit(1)
    ).first()


def current_state_start(s: Session, org: m.Organisation) -> date | None:
    """The first day of the organisation's current name and place (None: always)."""
    last = last_history(s, org.id)
    return last.valid_to + ONE_DAY if last is not None else org.valid_from


def check_change_date(s: Session, org: m.Organisation, on: date, field: str = "on") -> date | None:
    """Refuse a dated change before the current state began or after the organisation ended;
    returns the current state's first day."""
    start = current_state_start(s, org)
    if start is not None and on < start:
        since = "thành lập" if start == org.valid_from else "có thay đổi gần nhất"
        raise ValidationError(
            f"Đơn vị {quoted(org)} {since} từ ngày {format_date(start)}; ngày thay đổi "
            f"({format_date(on)}) phải từ ngày đó trở đi. Hãy sửa lại ngày.",
            field,
        )
    if org.valid_to is not None and on > org.valid_to:
        require_active(org, on, field)
    return start


def record_state(s: Session, org: m.Organisation, on: date, reason: str) -> None:
    """Keep the organisation's current name, short name, parent and kind as its state until
    ``on - 1`` (see the module docstring); call before changing them."""
    start = check_change_date(s, org, on)
    if start is not None and on == start:
        last = last_history(s, org.id)
        if last is not None and reason not in last.reason.split("+"):
            combined = f"{last.reason}+{reason}" if last.reason else reason
            last.reason = combined[:_HISTORY_REASON_MAX]
        return
    s.add(m.OrgHistory(
        organisation_id=org.id, valid_from=start, valid_to=on - ONE_DAY, name=org.name,
        short_name=org.short_name or "", parent_id=org.parent_id, kind_id=org.kind_id,
        reason=reason,
    ))


def ancestor_ids(s: Session, org_id: int) -> list[int]:
    """``org_id`` and every organisation above it (current links), nearest first."""
    org = m.Organisation
    up = select(org.id, org.parent_id, cast(literal(0), Integer).label("n")).where(
        org.id == org_id
    ).cte("up", recursive=True)
    parent = select(org.id, org.parent_id, cast(up.c.n + 1, Integer).label("n")).where(
        org.id == up.c.parent_id, up.c.n < 10_000
    )
    up = up.union(parent)
    return [r[0] for r in s.execute(select(up.c.id).order_by(up.c.n))]
