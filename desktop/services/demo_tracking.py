"""Demo data, step 4: what a clerk would have entered by ``today`` for every document.

For each document and each recipient (the directly subordinate bodies in its groups and, for
documents disseminated to party cells, everything active under them) :func:`write_tracking`
draws one tracking row: sent and received (confirmed by a role, never a person), studied
(form, sessions, aggregate attendance), implementation plan. Directly subordinate bodies also
report back to the province (first report, possibly returned and resubmitted, yearly reports)
and are reminded when the first report is late.

This is the hot path (about 900,000 rows at 20,000 organisations × 50 documents): dates are
day ordinals until the row is built, enum values are plain strings, and each step is a method
of a per-document :class:`_DocumentTracker` whose constants are looked up once.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, literal_column
from sqlalchemy.orm import Session
from sqlalchemy.sql import Insert

from desktop.domain.enums import Channel, PlanStatus, ReportStatus, Scope, StudyForm
from desktop.services import demo_data as data
from desktop.services.demo_documents import PLAN_REQUIRED, Doc
from desktop.services.demo_orgs import Stamp
from desktop.services.demo_tree import Org
from desktop.store import models

Progress = Callable[[float, str], None]

_REMINDER_AFTER_DAYS = 10  # after the first report's due date
_SECOND_REMINDER_DAYS = 21  # after the first reminder

# plain strings: enum attribute access is measurable at a million rows
_ELECTRONIC = Channel.ELECTRONIC.value
_PAPER = Channel.PAPER.value
_CONFERENCE = Channel.CONFERENCE.value
_CELL_MEETING = StudyForm.CELL_MEETING.value
_MEETING = StudyForm.CONFERENCE.value
_ONLINE = StudyForm.ONLINE.value
_OTHER = StudyForm.OTHER.value
_NOT_REQUIRED = PlanStatus.NOT_REQUIRED.value
_ISSUED = PlanStatus.ISSUED.value
_DRAFTING = PlanStatus.DRAFTING.value
_ON_TIME = ReportStatus.ON_TIME.value
_LATE = ReportStatus.LATE.value
_RETURNED = ReportStatus.RETURNED.value

_ROLES_CELL = data.RECEIPT_ROLES_CELL
_ROLES_COMMITTEE = data.RECEIPT_ROLES_COMMITTEE

#: A row's study columns when nothing was studied (yet).
_NOT_STUDIED = (None, None, "", None, None, None, None)


@dataclass(frozen=True)
class TrackingTotals:
    """How many rows :func:`write_tracking` wrote."""

    tracking_rows: int
    reports: int
    reminders: int


def write_tracking(
    s: Session, docs: list[Doc], orgs: list[Org], *, today: date, rng: random.Random,
    now: datetime, stamp: Stamp, progress: Progress,
) -> TrackingTotals:
    """Tracking rows, reports and reminders of every document, ids running on across them."""
    writer = _TrackingWriter(s, docs, today=today, rng=rng, now=now, stamp=stamp)
    recipients = [_recipients(d, orgs) for d in docs]
    total = sum(len(r) for r in recipients) or 1
    done = 0
    for i, (d, recips) in enumerate(zip(docs, recipients, strict=True), 1):
        writer.track(d, recips)
        done += len(recips)
        progress(done / total, f"Đang tạo dữ liệu theo dõi văn bản {i}/{len(docs)}…")
    return TrackingTotals(writer.tracking_rows, writer.reports, writer.reminders)


def _recipients(d: Doc, orgs: list[Org]) -> list[Org]:
    """Directly subordinate bodies of ``d``'s groups, and their subtrees for cell-wide scope."""
    groups = set(d.groups)
    issue = d.issue
    tops = {o.id for o in orgs if o.depth == 1 and o.group in groups and o.active_on(issue)}
    if d.scope == Scope.LEVEL1.value:
        return [o for o in orgs if o.id in tops]
    # Org.active_on spelt out: one call less per organisation and document
    return [o for o in orgs if o.top in tops
            and (o.valid_from is None or o.valid_from <= issue)
            and (o.valid_to is None or o.valid_to >= issue)]


class _TrackingWriter:
    """What outlives one document: the ids, the date lookup, the insert, the totals."""

    def __init__(self, s: Session, docs: list[Doc], *, today: date, rng: random.Random,
                 now: datetime, stamp: Stamp) -> None:
        self.s = s
        self.today = today
        self.rng = rng
        self.stamp = stamp
        self.tracking_insert = _versioned_insert(models.Tracking.__table__, now)
        low = min((d.issue for d in docs), default=today).toordinal()
        #: ordinal -> date for every day a row can hold (and None -> None)
        self.dates: dict[int | None, date | None] = {None: None}
        for o in range(low, today.toordinal() + 1):
            self.dates[o] = date.fromordinal(o)
        self.next_tracking_id = 1
        self.next_report_id = 1
        self.tracking_rows = 0
        self.reports = 0
        self.reminders = 0

    def track(self, d: Doc, recips: Iterable[Org]) -> None:
        tracker = _DocumentTracker(self, d)
        self.next_tracking_id = tracker.track(recips, self.next_tracking_id)
        self.next_report_id = tracker.next_report_id
        s = self.s
        if tracker.rows:
            s.execute(self.tracking_insert, tracker.rows)
        if tracker.reports:
            s.execute(insert(models.TrackingReport.__table__), tracker.reports)
        if tracker.reminders:
            s.execute(insert(models.Reminder.__table__), tracker.reminders)
        self.tracking_rows += len(tracker.rows)
        self.reports += len(tracker.reports)
        self.reminders += len(tracker.reminders)


def _versioned_insert(table: Any, now: datetime) -> Insert:
    """INSERT for many rows of a versioned table, with version and timestamps as constants.

    The timestamps are written as one SQL literal (naive UTC, SQLAlchemy's storage format)
    instead of being converted row by row by ``UTCDateTime``: a million rows save seconds.
    """
    naive = now.astimezone(UTC).replace(tzinfo=None)
    stamp = literal_column(f"'{naive:%Y-%m-%d %H:%M:%S.%f}'")
    return insert(table).values(version=1, created_at=stamp, updated_at=stamp)


class _DocumentTracker:
    """The rows of one document. Dates are day ordinals (``dates`` turns them into dates)."""

    __slots__ = (
        "rnd", "dates", "stamp", "today", "doc_id", "issued", "study_due", "first_due",
        "first_id", "periodic", "late_denoms", "plan_required", "reminder_days",
        "rows", "reports", "reminders", "next_report_id",
    )

    def __init__(self, writer: _TrackingWriter, d: Doc) -> None:
        assert d.study_due is not None and d.first_due is not None
        self.rnd = writer.rng.random
        self.dates = writer.dates
        self.stamp = writer.stamp
        self.today = writer.today.toordinal()
        self.doc_id = d.id
        self.issued = d.issue.toordinal()
        self.study_due = d.study_due.toordinal()
        self.first_due = d.first_due.toordinal()
        self.first_id = d.deadline_ids["first"]
        self.periodic = [(dl, due.toordinal(), period) for dl, due, period in d.periodic]
        self.late_denoms = d.issue >= data.DENOM_LATE
        self.plan_required = d.type_code in PLAN_REQUIRED
        reminder = self.first_due + _REMINDER_AFTER_DAYS
        self.reminder_days = (reminder, reminder + _SECOND_REMINDER_DAYS)
        self.rows: list[dict[str, Any]] = []
        self.reports: list[dict[str, Any]] = []
        self.reminders: list[dict[str, Any]] = []
        self.next_report_id = writer.next_report_id

    def track(self, recips: Iterable[Org], tid: int) -> int:
        """One tracking row per recipient, ids from ``tid``; returns the next free id."""
        dates = self.dates
        doc_id = self.doc_id
        late_denoms, plan_required = self.late_denoms, self.plan_required
        append = self.rows.append
        receipt, study, plan = self._receipt, self._study, self._plan
        for o in recips:
            d1 = o.depth == 1
            sent, channel, received, confirmed = receipt(o, d1)
            if d1 and not late_denoms:
                cells_total, members_total = o.early
            else:
                cells_total, members_total = o.cells, o.members
            if received is None:
                studied, study_end, form, sessions, held, attending, non_members = _NOT_STUDIED
                planned, plan_status, plan_number = None, "", ""
            else:
                studied, study_end, form, sessions, held, attending, non_members = study(
                    o, received, cells_total, members_total)
                if o.is_cell or not plan_required:
                    planned, plan_status, plan_number = None, _NOT_REQUIRED, ""
                else:
                    planned, plan_status, plan_number = plan(o, received, studied)
            append({
                "id": tid,
                "document_id": doc_id,
                "organisation_id": o.id,
                "sent_date": dates[sent],
                "sent_channel": channel,
                "received_date": dates[received],
                "received_confirmed_by": confirmed,
                "study_date": dates[studied],
                "study_end_date": dates[study_end],
                "study_form": form,
                "study_sessions": sessions,
                "cells_held": held,
                "cells_total": cells_total,
                "members_attending": attending,
                "members_total": members_total,
                "non_members": non_members,
                "plan_number": plan_number,
                "plan_date": dates[planned],
                "plan_status": plan_status,
                "note": "",
            })
            # reports back to the province and reminders: depth-1 recipients only
            if d1 and sent is not None:
                first_received = None
                if studied is not None:
                    first_received = self._first_report(o, tid, studied, study_end, planned)
                    self._periodic_reports(o, tid, studied)
                self._remind(tid, first_received)
            tid += 1
        return tid

    # ------------------------------------------------------------------ one row's steps

    def _receipt(self, o: Org, d1: bool) -> tuple[int | None, str, int | None, str]:
        """Sent (date, channel), received, and the role confirming receipt."""
        rnd = self.rnd
        x = rnd()
        if d1:
            sent = self.issued + int(rnd() * 3)
            channel = _ELECTRONIC if x < 0.75 else _PAPER if x < 0.95 else _CONFERENCE
        else:
            sent = self.issued + 2 + int(rnd() * 9)
            channel = _PAPER if x < 0.5 else _ELECTRONIC if x < 0.8 else _CONFERENCE
        today = self.today
        if sent > today:
            return None, "", None, ""
        if channel == _CONFERENCE:
            received = sent
        elif channel == _ELECTRONIC:
            received = sent + int(rnd() * 2)
        else:
            received = sent + 1 + int(rnd() * 5)
        if received > today:
            return sent, channel, None, ""
        roles = _ROLES_CELL if o.is_cell else _ROLES_COMMITTEE
        return sent, channel, received, roles[int(rnd() * len(roles))]

    def _study(
        self, o: Org, received: int, cells_total: int, members_total: int
    ) -> tuple[int | None, int | None, str, int | None, int | None, int | None, int | None]:
        """Study (học tập, quán triệt): (date, end date, form, sessions, cells held, members
        attending, non-members); late or never by the body's reliability."""
        rnd = self.rnd
        p_never = o.p_never
        x = rnd()
        if x < p_never:
            return _NOT_STUDIED
        if x < p_never + o.p_late:
            study = self.study_due + 3 + int(rnd() * 90)
        else:
            room = self.study_due - received - 2
            study = received + 2 + int(rnd() * (room if room > 1 else 5))
        today = self.today
        if study > today:
            return _NOT_STUDIED
        study_end = None
        x = rnd()
        if o.is_cell:
            form = _CELL_MEETING if x < 0.85 else _MEETING if x < 0.95 else _OTHER
            sessions = 2 if rnd() < 0.08 else 1
            held = 1
            absent = int(rnd() * (members_total * 0.2 + 1))
            attending = members_total - min(absent, members_total)
            non_members = int(rnd() * 6)
        else:
            form = _MEETING if x < 0.6 else _ONLINE if x < 0.95 else _OTHER
            sessions = 1 + int(rnd() * (3 if cells_total < 50 else 6))
            held = attending = None
            if members_total:
                held = cells_total - (0 if rnd() < 0.7
                                      else int(rnd() * (cells_total * 0.08 + 1)))
                attending = int(members_total * (0.88 + rnd() * 0.12))
                non_members = int(attending * (0.1 + rnd() * 0.5))
            else:
                non_members = 15 + int(rnd() * 135)
            if sessions > 1:
                study_end = study + 1 + int(rnd() * 14)
                if study_end > today:
                    study_end = None
        return study, study_end, form, sessions, held, attending, non_members

    def _plan(self, o: Org, received: int, study: int | None) -> tuple[int | None, str, str]:
        """The implementation plan of a body that owes one: (date, status, number)."""
        rnd = self.rnd
        x = rnd()
        if x < o.p_never:
            plan = None
        elif x < o.p_never + o.p_late:
            plan = received + 45 + int(rnd() * 75)
        else:
            plan = received + 5 + int(rnd() * 30)
        today = self.today
        if plan is not None and plan <= today:
            o.plan_no += 1
            number = (f"{o.plan_no:02d}-KH/{o.abbr}" if o.regime == "party"
                      else f"{o.plan_no}/KH-{o.abbr}")
            return plan, _ISSUED, number
        if study is not None or today - received > 14:
            return None, _DRAFTING, ""
        return None, "", ""

    # ------------------------------------------------------------------ depth 1: reports

    def _first_report(
        self, o: Org, tid: int, study: int, study_end: int | None, plan: int | None
    ) -> int | None:
        """The first report after study and plan (returned now and then, then resubmitted);
        returns the day the province received it, ``None`` if not by today."""
        rnd, today, first_due = self.rnd, self.today, self.first_due
        base = max(study_end or study, plan or study)
        if rnd() < o.p_late * 1.5:
            rep = max(base, first_due) + 3 + int(rnd() * 50)
        else:
            room = first_due - base - 1
            rep = base + 1 + int(rnd() * (room if room > 2 else 10))
        got = rep + int(rnd() * 4)
        if got > today:
            return None
        status = _ON_TIME if got <= first_due else _LATE
        note = ""
        returned = rnd() < 0.03
        if returned:
            status = _RETURNED
            note = data.REPORT_RETURN_NOTES[int(rnd() * 3)]
        self._report(tid, self.first_id, "", o, rep, got, status, note)
        if returned:
            rep2 = got + 5 + int(rnd() * 15)
            got2 = rep2 + int(rnd() * 3)
            if got2 <= today:
                status = _ON_TIME if got2 <= first_due else _LATE
                self._report(tid, self.first_id, "", o, rep2, got2, status,
                             "Báo cáo bổ sung theo yêu cầu.")
        return got

    def _periodic_reports(self, o: Org, tid: int, study: int) -> None:
        """Yearly reports due after the study (some skipped, some late)."""
        rnd, today = self.rnd, self.today
        for dl_id, due, period in self.periodic:
            if study >= due - 20:
                continue
            x = rnd()
            if x < o.p_never * 2:
                continue
            if x < o.p_never * 2 + o.p_late:
                rep = due + 3 + int(rnd() * 43)
            else:
                rep = max(study + 1, due - 25 + int(rnd() * 25))
            got = rep + int(rnd() * 4)
            if got <= today:
                self._report(tid, dl_id, period, o, rep, got,
                             _ON_TIME if got <= due else _LATE, "")

    def _report(
        self, tid: int, deadline_id: int, period: str, o: Org, rep: int, got: int,
        status: str, note: str,
    ) -> None:
        o.report_no += 1
        number = (f"{o.report_no:02d}-BC/{o.abbr}" if o.regime == "party"
                  else f"{o.report_no}/BC-{o.abbr}")
        self.reports.append({
            "id": self.next_report_id, "tracking_id": tid, "deadline_id": deadline_id,
            "period": period, "number": number, "report_date": self.dates[rep],
            "received_date": self.dates[got], "status": status, "note": note, **self.stamp,
            "document_id": self.doc_id,
        })
        self.next_report_id += 1

    def _remind(self, tid: int, first_received: int | None) -> None:
        """Reminders 10 and 31 days after the first report's due date, unless it came."""
        for when in self.reminder_days:
            if when <= self.today and (first_received is None or first_received > when):
                self.reminders.append({"tracking_id": tid, "sent_date": self.dates[when],
                                       "channel": _ELECTRONIC, "outgoing_id": None,
                                       "note": data.REMINDER_NOTE})
