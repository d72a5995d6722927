"""Working days: the Monday–Friday week less public holidays, plus make-up working days.

The exceptions live in the table ``calendar_days`` (one row a day: ``holiday`` — a public
holiday or a day off given in exchange or as a substitute —, or ``workday`` — a make-up working
day, "làm bù", usually a Saturday), seeded by the 0001 migration for 2025–2030 and edited per
year by the clerk (:func:`set_holiday`, :func:`set_workday`, :func:`remove_calendar_day`);
there is never any network access.

Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112): Tết Dương lịch 1/1; Tết Nguyên
đán (5 days, fixed each year by the Thủ tướng's notice); Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4;
1/5; Quốc khánh 2/9 and one day next to it. A holiday on a weekend gives a substitute weekday
off ("nghỉ bù"); the government often exchanges a working day for a Saturday ("hoán đổi", the
Saturday becomes a make-up working day). The seeded 2025–2026 days follow the notices; 2027–2030
are the statutory days computed from the lunar calendar and **must be checked each year against
the Thủ tướng's notice** (see the migration). "Ngày Văn hóa Việt Nam" 24/11 (Nghị quyết
80-NQ/TW, 2026) is not seeded: add it with :func:`set_holiday` once the law names it a holiday.

Counting is done by :class:`WorkCalendar`, loaded once (two sorted lists of exceptions), so
``working_days_between`` is two binary searches and ``add_working_days`` a binary search over
days — no loop over the calendar.

Conventions (used by the deadlines and the overdue counts):
- ``working_days_between(a, b)`` counts the working days ``d`` with ``a < d <= b`` (negative
  when ``b < a``);
- ``add_working_days(start, n)`` is the n-th working day after ``start`` (``start`` itself is
  not counted: "10 ngày làm việc kể từ ngày nhận" ends on the 10th working day after receipt);
- a deadline ``due`` is *late by* ``lateness(due, today)`` working days: the working days after
  the due date up to today. A holiday right after a due date does not make anyone late.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.dates import MAX_YEAR, MIN_YEAR, format_date
from desktop.domain.errors import ValidationError
from desktop.domain.text import clean_line
from desktop.services.database import Database
from desktop.store import models as m

__all__ = [
    "HOLIDAY",
    "WEEKDAYS_VI",
    "WORKDAY",
    "CalendarDayRow",
    "WorkCalendar",
    "add_working_days",
    "calendar_in",
    "is_working_day",
    "list_calendar",
    "load_calendar",
    "remove_calendar_day",
    "set_holiday",
    "set_workday",
    "working_days_between",
]

HOLIDAY = "holiday"
WORKDAY = "workday"
WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_NAME_MAX = 200


@dataclass(frozen=True, slots=True)
class CalendarDayRow:
    """One exception of the calendar, as listed for a year."""

    day: date
    kind: str  # HOLIDAY | WORKDAY
    name: str

    @property
    def weekday(self) -> str:
        """"thứ Hai" … "Chủ nhật"."""
        return WEEKDAYS_VI[self.day.weekday()]


def _weekdays_through(ordinal: int) -> int:
    """Monday–Friday days among ordinals 1..ordinal (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


class WorkCalendar:
    """Which days are working days; loaded once, then every count is a few binary searches."""

    __slots__ = ("_off", "_on", "_off_set", "_on_set")

    def __init__(self, holidays: Iterable[date] = (), workdays: Iterable[date] = ()) -> None:
        on = {d for d in workdays if d.weekday() >= 5}
        off = {d for d in holidays if d.weekday() < 5 and d not in on}
        self._off_set = frozenset(off)
        self._on_set = frozenset(on)
        self._off = sorted(d.toordinal() for d in off)
        self._on = sorted(d.toordinal() for d in on)

    def is_working_day(self, day: date) -> bool:
        if day.weekday() < 5:
            return day not in self._off_set
        return day in self._on_set

    def count_through(self, day: date) -> int:
        """Working days from the start of the era up to and including ``day`` (a running
        index: two days' difference is the number of working days between them)."""
        o = day.toordinal()
        return _weekdays_through(o) - bisect_right(self._off, o) + bisect_right(self._on, o)

    def working_days_between(self, a: date, b: date) -> int:
        """Working days ``d`` with ``a < d <= b``; negative (−count of ``b < d <= a``) when
        ``b`` is before ``a``."""
        return self.count_through(b) - self.count_through(a)

    def _first_reaching(self, target: int, low: date) -> date:
        """The first day after ``low`` whose running index reaches ``target``."""
        lo, hi = low.toordinal(), low.toordinal() + 16
        while self.count_through(date.fromordinal(hi)) < target:
            lo, hi = hi, hi + (hi - lo) * 2
        while lo + 1 < hi:  # count_through(lo) < target <= count_through(hi)
            mid = (lo + hi) // 2
            if self.count_through(date.fromordinal(mid)) >= target:
                hi = mid
            else:
                lo = mid
        return date.fromordinal(hi)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (n > 0), the n-th before it (n < 0), or
        ``start`` itself (n == 0)."""
        if n == 0:
            return start
        if n > 0:
            return self._first_reaching(self.count_through(start) + n, start)
        target = self.count_through(start - timedelta(days=1)) + n + 1
        low = start - timedelta(days=(-n) * 2 + 30)
        while self.count_through(low) >= target:
            low -= timedelta(days=(-n) * 2 + 30)
        return self._first_reaching(target, low)

    def next_working_day(self, day: date) -> date:
        """``day`` if it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """``day`` if it is a working day, else the last working day before it."""
        return day if self.is_working_day(day) else self.add_working_days(day, -1)

    def lateness(self, due: date | None, today: date) -> int:
        """Working days a deadline ``due`` is late by on ``today`` (0: not late, or no date)."""
        if due is None:
            return 0
        late = self.count_through(today) - self.count_through(due)
        return late if late > 0 else 0


# --------------------------------------------------------------------------- loading


def calendar_in(s: Session) -> WorkCalendar:
    """The calendar as stored, read in the caller's session (one small query)."""
    c = m.CalendarDay
    rows = s.execute(select(c.day, c.kind)).all()
    return WorkCalendar((d for d, k in rows if k == HOLIDAY), (d for d, k in rows if k == WORKDAY))


def load_calendar(db: Database) -> WorkCalendar:
    with db.read() as s:
        return calendar_in(s)


def is_working_day(db: Database, day: date) -> bool:
    return load_calendar(db).is_working_day(day)


def add_working_days(db: Database, start: date, n: int) -> date:
    return load_calendar(db).add_working_days(start, n)


def working_days_between(db: Database, a: date, b: date) -> int:
    return load_calendar(db).working_days_between(a, b)


# --------------------------------------------------------------------------- editing


def list_calendar(db: Database, year: int) -> list[CalendarDayRow]:
    """The holidays and make-up working days of ``year``, in date order."""
    c = m.CalendarDay
    with db.read() as s:
        rows = s.execute(
            select(c.day, c.kind, c.name)
            .where(c.day >= date(year, 1, 1), c.day <= date(year, 12, 31))
            .order_by(c.day)
        ).all()
    return [CalendarDayRow(*row) for row in rows]


def _check_day(day: date) -> None:
    if not isinstance(day, date) or not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(
            f"Ngày {day!s} không hợp lệ: lịch làm việc chỉ nhận ngày từ năm {MIN_YEAR} đến "
            f"năm {MAX_YEAR}.", "day")


def _clean_name(name: str | None, default: str) -> str:
    text = clean_line(name) or default
    if len(text) > _NAME_MAX:
        raise ValidationError(
            f"Tên ngày quá dài ({len(text)} ký tự, tối đa {_NAME_MAX}). Hãy viết ngắn lại.",
            "name")
    return text


def _put(db: Database, day: date, kind: str, name: str) -> CalendarDayRow:
    with db.transaction() as s:
        row = s.get(m.CalendarDay, day)
        if row is None:
            s.add(m.CalendarDay(day=day, kind=kind, name=name))
        elif (row.kind, row.name) != (kind, name):
            row.kind, row.name = kind, name
    return CalendarDayRow(day, kind, name)


def set_holiday(db: Database, day: date, name: str = "") -> CalendarDayRow:
    """Make ``day`` a day off (a holiday, a substitute day, a day exchanged for a Saturday).

    A holiday on a Saturday or Sunday changes no count (the day is off anyway); it may still be
    listed for the record, and its substitute weekday is added as a holiday of its own."""
    _check_day(day)
    return _put(db, day, HOLIDAY, _clean_name(name, "Ngày nghỉ"))


def set_workday(db: Database, day: date, name: str = "") -> CalendarDayRow:
    """Make a Saturday or Sunday a make-up working day ("làm bù")."""
    _check_day(day)
    if day.weekday() < 5:
        raise ValidationError(
            f"Ngày {format_date(day)} là {WEEKDAYS_VI[day.weekday()]}, vốn đã là ngày làm "
            "việc. Ngày làm bù chỉ đặt vào thứ Bảy hoặc Chủ nhật; muốn bỏ một ngày nghỉ thì "
            "xóa ngày nghỉ đó khỏi lịch.", "day")
    return _put(db, day, WORKDAY, _clean_name(name, "Ngày làm bù"))


def remove_calendar_day(db: Database, day: date) -> CalendarDayRow | None:
    """Remove ``day`` from the calendar (it becomes an ordinary day of its weekday); returns
    what was removed, so the UI can put it back, or ``None`` if it was not listed."""
    with db.transaction() as s:
        row = s.get(m.CalendarDay, day)
        if row is None:
            return None
        removed = CalendarDayRow(row.day, row.kind, row.name)
        s.delete(row)
    return removed
