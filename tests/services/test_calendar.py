"""The working-day calendar: the seeded Vietnamese holidays, counting across Tết, editing."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desktop.domain.errors import ValidationError
from desktop.services import calendar as cal
from desktop.services.calendar import HOLIDAY, WORKDAY, WorkCalendar
from desktop.services.database import Database
from desktop.store import models as m

D = date


@pytest.mark.parametrize(("day", "working", "why"), [
    (D(2026, 1, 1), False, "Tết Dương lịch"),
    (D(2026, 1, 2), False, "Friday exchanged for Saturday 10/01"),
    (D(2026, 1, 10), True, "make-up Saturday"),
    (D(2026, 1, 17), False, "an ordinary Saturday"),
    (D(2026, 2, 13), True, "Friday before Tết"),
    (D(2026, 2, 14), False, "Saturday, 27 tháng Chạp"),
    (D(2026, 2, 16), False, "29 tháng Chạp"),
    (D(2026, 2, 17), False, "mùng 1 Tết Bính Ngọ"),
    (D(2026, 2, 20), False, "mùng 4"),
    (D(2026, 2, 22), False, "Sunday, mùng 6"),
    (D(2026, 2, 23), True, "first working day after Tết"),
    (D(2026, 4, 26), False, "Giỗ Tổ on a Sunday"),
    (D(2026, 4, 27), False, "its substitute Monday"),
    (D(2026, 4, 28), True, "an ordinary Tuesday"),
    (D(2026, 4, 30), False, "30/4"),
    (D(2026, 5, 1), False, "1/5"),
    (D(2026, 8, 22), True, "make-up Saturday for 31/08"),
    (D(2026, 8, 31), False, "Monday exchanged"),
    (D(2026, 9, 1), False, "Quốc khánh, the day before"),
    (D(2026, 9, 2), False, "Quốc khánh"),
    (D(2026, 9, 3), True, "the day after"),
    (D(2025, 1, 27), False, "Tết Ất Tỵ, 28 tháng Chạp"),
    (D(2025, 1, 31), False, "Tết Ất Tỵ, mùng 3"),
    (D(2025, 2, 3), True, "after Tết Ất Tỵ"),
    (D(2025, 4, 7), False, "Giỗ Tổ 2025"),
    (D(2025, 4, 26), True, "make-up Saturday for 02/05/2025"),
    (D(2025, 5, 2), False, "Friday exchanged"),
    (D(2025, 9, 1), False, "Quốc khánh 2025, the adjacent day"),
    (D(2027, 2, 10), False, "substitute for mùng 1 on a Saturday"),
    (D(2027, 9, 3), False, "Quốc khánh 2027, the adjacent Friday"),
    (D(2028, 1, 3), False, "substitute for 1/1 on a Saturday"),
    (D(2028, 5, 2), False, "substitute for 30/4 on a Sunday"),
    (D(2028, 9, 4), False, "substitute for 2/9 on a Saturday"),
    (D(2029, 9, 4), False, "substitute for 2/9 on a Sunday"),
    (D(2030, 2, 7), False, "second substitute of Tết 2030"),
    (D(2030, 2, 8), True, "after Tết 2030"),
])
def test_seeded_days(sqlite_db: Database, day: date, working: bool, why: str) -> None:
    assert cal.is_working_day(sqlite_db, day) is working, why


@pytest.mark.parametrize(("year", "tet", "gio_to"), [
    (2025, D(2025, 1, 29), D(2025, 4, 7)),
    (2026, D(2026, 2, 17), D(2026, 4, 26)),
    (2027, D(2027, 2, 6), D(2027, 4, 16)),
    (2028, D(2028, 1, 26), D(2028, 4, 4)),
    (2029, D(2029, 2, 13), D(2029, 4, 23)),
    (2030, D(2030, 2, 2), D(2030, 4, 12)),  # Vietnam (UTC+7): a day before China's
])
def test_lunar_dates_in_the_seed(sqlite_db: Database, year: int, tet: date, gio_to: date) -> None:
    days = {r.day: r for r in cal.list_calendar(sqlite_db, year)}
    assert days[tet].name == "Tết Nguyên đán (mùng 1)"
    assert days[gio_to].name.startswith("Giỗ Tổ Hùng Vương")
    assert days[D(year, 9, 2)].name == "Quốc khánh"
    # five statutory Tết days, at least one of them before mùng 1
    tet_days = [d for d, r in days.items() if r.name.startswith("Tết Nguyên đán")]
    assert len(tet_days) == 5 and min(tet_days) < tet
    assert all(r.kind in (HOLIDAY, WORKDAY) for r in days.values())


@pytest.mark.parametrize(("start", "n", "expected"), [
    (D(2026, 2, 12), 1, D(2026, 2, 13)),
    (D(2026, 2, 12), 2, D(2026, 2, 23)),  # across the nine days of Tết
    (D(2026, 2, 12), 3, D(2026, 2, 24)),
    (D(2026, 2, 5), 10, D(2026, 2, 26)),  # "10 ngày làm việc kể từ ngày 05/02/2026"
    (D(2026, 2, 14), 1, D(2026, 2, 23)),  # counted from a day off
    (D(2025, 12, 31), 1, D(2026, 1, 5)),  # 1 and 2 January off, then a weekend
    (D(2026, 1, 9), 1, D(2026, 1, 10)),  # the make-up Saturday counts
    (D(2026, 2, 23), -1, D(2026, 2, 13)),
    (D(2026, 2, 13), 0, D(2026, 2, 13)),
])
def test_add_working_days(sqlite_db: Database, start: date, n: int, expected: date) -> None:
    assert cal.add_working_days(sqlite_db, start, n) == expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    (D(2026, 2, 13), D(2026, 2, 23), 1),
    (D(2026, 2, 13), D(2026, 2, 22), 0),
    (D(2026, 2, 23), D(2026, 2, 13), -1),
    (D(2026, 1, 1), D(2026, 12, 31), 260 - 12 + 2),  # weekdays − weekday holidays + make-ups
    (D(2026, 4, 24), D(2026, 5, 4), 3),  # Friday → Monday after 27/4, 30/4 and 1/5
])
def test_working_days_between(sqlite_db: Database, a: date, b: date, expected: int) -> None:
    assert cal.working_days_between(sqlite_db, a, b) == expected


def test_counting_equals_walking_day_by_day() -> None:
    rng = random.Random(7)
    start = D(2025, 12, 1)
    holidays = {start + timedelta(days=rng.randrange(200)) for _ in range(25)}
    workdays = {d for d in (start + timedelta(days=rng.randrange(200)) for _ in range(8))
                if d.weekday() >= 5}
    c = WorkCalendar(holidays, workdays)

    def working(d: date) -> bool:
        return d in workdays or (d.weekday() < 5 and d not in holidays)

    for _ in range(500):
        a = start + timedelta(days=rng.randrange(180))
        b = a + timedelta(days=rng.randrange(-60, 60))
        lo, hi, sign = (a, b, 1) if b >= a else (b, a, -1)
        walked = sum(working(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
        assert c.working_days_between(a, b) == sign * walked
        n = rng.randrange(-20, 40)
        d, left = a, abs(n)
        while left:
            d += timedelta(days=1 if n > 0 else -1)
            left -= working(d)
        assert c.add_working_days(a, n) == d
        assert c.is_working_day(d) or n == 0


def test_lateness() -> None:
    c = WorkCalendar([D(2026, 2, d) for d in range(16, 21)])
    friday = D(2026, 2, 13)
    assert c.lateness(friday, D(2026, 2, 13)) == 0
    assert c.lateness(friday, D(2026, 2, 21)) == 0  # weekend and Tết: nobody is late yet
    assert c.lateness(friday, D(2026, 2, 23)) == 1
    assert c.lateness(friday, D(2026, 2, 27)) == 5
    assert c.lateness(None, D(2026, 2, 27)) == 0


def test_editing_a_year(db: Database) -> None:
    audit = select(func.count()).select_from(m.AuditEntry)
    with db.read() as s:
        before = s.scalar(audit)
    # 24/11 "Ngày Văn hóa Việt Nam" once the notice comes
    row = cal.set_holiday(db, D(2026, 11, 24), "  Ngày Văn hóa\u00a0Việt Nam ")
    assert (row.name, row.weekday) == ("Ngày Văn hóa Việt Nam", "thứ Ba")
    assert not cal.is_working_day(db, D(2026, 11, 24))
    assert cal.add_working_days(db, D(2026, 11, 23), 1) == D(2026, 11, 25)
    # a make-up Saturday, then the same day renamed
    cal.set_workday(db, D(2026, 11, 28), "Làm bù")
    cal.set_workday(db, D(2026, 11, 28), "Làm bù ngày 24/11")
    listed = [(r.day, r.kind, r.name) for r in cal.list_calendar(db, 2026)
              if r.day.month == 11]
    assert listed == [(D(2026, 11, 24), HOLIDAY, "Ngày Văn hóa Việt Nam"),
                      (D(2026, 11, 28), WORKDAY, "Làm bù ngày 24/11")]
    assert cal.load_calendar(db).is_working_day(D(2026, 11, 28))
    removed = cal.remove_calendar_day(db, D(2026, 11, 24))
    assert removed is not None and removed.name == "Ngày Văn hóa Việt Nam"
    assert cal.remove_calendar_day(db, D(2026, 11, 24)) is None
    assert cal.is_working_day(db, D(2026, 11, 24))
    with db.read() as s:
        assert s.scalar(audit) == before + 4  # one audit row per change, none for no-ops


def test_a_make_up_day_must_be_a_weekend_day(db: Database) -> None:
    with pytest.raises(ValidationError, match="thứ Năm, vốn đã là ngày làm việc") as err:
        cal.set_workday(db, D(2026, 11, 26), "Làm bù")
    assert err.value.field == "day"
    with pytest.raises(ValidationError, match="tối đa 200"):
        cal.set_holiday(db, D(2026, 11, 26), "x" * 201)
    assert cal.list_calendar(db, 2026)[-1].day == D(2026, 9, 2)
