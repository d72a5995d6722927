"""Demo data, step 3: the tracked documents, their deadlines and "Nơi nhận" lines.

:func:`create_documents` draws the provincial documents of the last year and a half (directives,
resolutions, conclusions, plans, programmes) and the board's plans and guidance under them,
numbers them in their terms, gives each an excerpt, a scope, its recipient groups and its
deadlines (study, first report, yearly reports), and writes documents, deadlines, recipient
lines and the new term's number sequences. The :class:`Doc` objects it returns carry what
:mod:`desktop.services.demo_tracking` needs (deadline ids, due dates, scope, groups).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.domain.enums import Confidentiality, DeadlineKind, Scope, Urgency
from desktop.domain.text import fold
from desktop.services import demo_data as data
from desktop.services.demo_orgs import ISSUER_IDS, TERM_ID, Stamp, vocabulary_ids
from desktop.store import models

_TYPE_WEIGHTS = [("CT", 30), ("NQ", 20), ("KL", 20), ("KH", 20), ("CTr", 10)]
# (first number of the 2025-2030 term, step) and the last numbers reached in 2020-2025.
_NEW_TERM_START = {"CT": (1, 2), "NQ": (1, 2), "KL": (5, 6), "KH": (8, 10), "CTr": (1, 1),
                   "HD": (1, 2)}
_OLD_TERM_START = {"CT": 41, "NQ": 26, "KL": 640, "KH": 290, "CTr": 21, "HD": 64}
#: Document types each recipient body answers with its own implementation plan.
PLAN_REQUIRED = {"CT", "NQ", "KL", "KH", "CTr"}


@dataclass(slots=True, eq=False)
class Doc:
    """One demo document, from drawing to tracking."""

    id: int
    type_code: str
    issuer: str  # issuing body symbol
    issue: date
    primary: bool
    seq: int
    parent: Doc | None = None
    number: str = ""
    symbol: str = ""
    excerpt: str = ""
    scope: str = Scope.LEVEL1.value
    groups: list[int] = field(default_factory=list)
    study_due: date | None = None
    first_due: date | None = None
    deadline_ids: dict[str, int] = field(default_factory=dict)
    periodic: list[tuple[int, date, str]] = field(default_factory=list)
    urgency: str = Urgency.NORMAL.value


def create_documents(
    s: Session, *, count: int, today: date, rng: random.Random, stamp: Stamp
) -> list[Doc]:
    """Draw and write ``count`` documents issued on or before ``today``, in issue order."""
    documents = _Documents(s, today=today, rng=rng, stamp=stamp)
    documents.build(count)
    documents.write()
    return documents.docs


class _Documents:
    def __init__(self, s: Session, *, today: date, rng: random.Random, stamp: Stamp) -> None:
        self.s = s
        self.today = today
        self.rng = rng
        self.stamp = stamp
        vocabulary_ids(s, models.DocumentType, {*_NEW_TERM_START, *data.CHILD_EXCERPTS},
                       "loại văn bản")
        self.type_rows: dict[str, tuple[int, str]] = {
            code: (tid, name)
            for tid, code, name in s.execute(
                select(models.DocumentType.id, models.DocumentType.code, models.DocumentType.name)
            ).all()
        }
        self.docs: list[Doc] = []
        self.sequences: dict[tuple[str, str], int] = {}  # (issuer, type) -> last number
        self.deadline_rows: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ drawing

    def build(self, n: int) -> None:
        if n == 0:
            return
        n_children = n // 4 if n >= 2 else 0
        primaries = self._draw_primaries(n - n_children)
        self._set_scopes(primaries)
        children = self._draw_children(primaries, n_children)
        docs = sorted(primaries + children, key=lambda d: (d.issue, not d.primary, d.seq))
        self._number(docs)
        self._describe(docs)
        self.docs = docs

    def _draw_primaries(self, n_primary: int) -> list[Doc]:
        """Provincial documents spread over the last ~540 days, the last one just issued."""
        rng, today = self.rng, self.today
        start = max(today - timedelta(days=540), data.REORG_DATE + timedelta(days=10))
        end = today - timedelta(days=5)
        if (end - start).days < 60:
            start = end - timedelta(days=540)
        span = (end - start).days
        if n_primary == 1:
            dates = [max(start, today - timedelta(days=120))]
        else:
            dates = sorted(start + timedelta(days=int(rng.random() * (span + 1)))
                           for _ in range(n_primary - 1))
            dates.append(today - timedelta(days=rng.randint(0, 2)))
        codes, weights = zip(*_TYPE_WEIGHTS, strict=True)
        primaries: list[Doc] = []
        for i, d in enumerate(dates):
            code = "CT" if i == 0 else rng.choices(codes, weights)[0]
            primaries.append(Doc(0, code, "TU", d, True, i))
        return primaries

    def _set_scopes(self, primaries: list[Doc]) -> None:
        """Most provincial documents are to be disseminated down to every party cell ("phổ
        biến đến chi bộ", as the sample directive says); about one in eight goes to the
        directly subordinate bodies only. Directives and resolutions first, always including
        the oldest directive (the one with stragglers by now). At 20,000 organisations × 50
        documents this gives the stress volume of about a million tracking rows."""
        n_primary = len(primaries)
        n_cells = max(1, n_primary - max(1, n_primary // 8))
        rest = primaries[1:]
        self.rng.shuffle(rest)
        rest.sort(key=lambda d: d.type_code not in ("CT", "NQ"))
        for d in [primaries[0], *rest][:n_cells]:
            d.scope = Scope.PARTY_CELLS.value

    def _draw_children(self, primaries: list[Doc], n_children: int) -> list[Doc]:
        """The board's plans and guidance under provincial documents at least a week old."""
        rng, today = self.rng, self.today
        children: list[Doc] = []
        candidates = [d for d in primaries if d.issue <= today - timedelta(days=8)]
        candidates.sort(key=lambda d: (d.type_code not in ("CT", "NQ", "KL"), d.seq))
        if not candidates:
            candidates = primaries[:1]
        for j in range(n_children):
            parent = candidates[j % len(candidates)]
            d = min(today, parent.issue + timedelta(days=7 + rng.randint(0, 18)))
            code = "KH" if rng.random() < 0.6 else "HD"
            child = Doc(0, code, "BTGDVTU", d, False, j, parent=parent)
            child.scope = parent.scope  # the guidance goes as far down as its directive
            children.append(child)
        return children

    def _number(self, docs: list[Doc]) -> None:
        """Ids in issue order; numbers per issuer and type, in the 2020-2025 or 2025-2030 term."""
        rng = self.rng
        counters: dict[tuple[str, str, bool], int] = {}
        for i, d in enumerate(docs, 1):
            d.id = i
            new_term = d.issue >= data.TERM_START
            key = (d.issuer, d.type_code, new_term)
            first, step = _NEW_TERM_START[d.type_code]
            if key not in counters:
                counters[key] = (first + int(rng.random() * 3) if new_term
                                 else _OLD_TERM_START[d.type_code] + int(rng.random() * 8))
            else:
                counters[key] += 1 + int(rng.random() * step)
            d.number = f"{counters[key]:02d}"
            d.symbol = f"{d.type_code}/{d.issuer}"
            if new_term:
                self.sequences[(d.issuer, d.type_code)] = counters[key]

    def _describe(self, docs: list[Doc]) -> None:
        """Excerpt, urgency, recipient groups and due dates."""
        rng = self.rng
        pools = {code: list(texts) for code, texts in data.EXCERPTS.items()}
        for pool in pools.values():
            rng.shuffle(pool)
        used: dict[str, int] = {}
        for d in docs:
            if d.parent is None:
                k = used.get(d.type_code, 0)
                used[d.type_code] = k + 1
                pool = pools[d.type_code]
                d.excerpt = pool[k % len(pool)]
            else:
                d.excerpt = data.CHILD_EXCERPTS[d.type_code].format(ref=self._reference(d.parent))
            if d.parent is not None and rng.random() < 0.15:
                d.urgency = Urgency.URGENT.value
            d.groups = [0, 1, 2, 3] if rng.random() < 0.8 else [0, 1, 2]
            # deadlines: study ~30 days, first report ~60 days, yearly report for directives
            d.study_due = d.issue + timedelta(days=25 + rng.randint(0, 10))
            d.first_due = d.study_due + timedelta(days=25 + rng.randint(0, 10))

    def _reference(self, parent: Doc) -> str:
        type_name = self.type_rows[parent.type_code][1]
        author = ("Ban Chấp hành Đảng bộ tỉnh" if parent.type_code == "NQ"
                  else "Ban Thường vụ Tỉnh ủy")
        tail = parent.excerpt.removeprefix("của Ban Thường vụ Tỉnh ủy ")
        if not tail.startswith("về "):
            tail = "về " + tail
        d = parent.issue
        return (f"{type_name} số {parent.number}-{parent.symbol}, ngày {d.day}/{d.month}/{d.year} "
                f"của {author} {tail}")

    # ------------------------------------------------------------------ writing

    def write(self) -> None:
        if not self.docs:
            return
        s = self.s
        doc_rows, line_rows = [], []
        for d in self.docs:  # one document at a time: signer and periodic draws interleave
            doc_rows.append(self._document_row(d))
            self._add_deadlines(d)
            self._add_recipient_lines(d, line_rows)
        s.execute(insert(models.Document.__table__), doc_rows)
        s.execute(insert(models.Deadline.__table__), self.deadline_rows)
        s.execute(insert(models.DocumentRecipientLine.__table__), line_rows)
        if self.sequences:
            s.execute(insert(models.NumberSequence.__table__), [
                {"issuing_body_id": ISSUER_IDS[issuer], "type_id": self.type_rows[code][0],
                 "period_key": f"term:{TERM_ID}", "last_number": last}
                for (issuer, code), last in sorted(self.sequences.items())
            ])

    def _document_row(self, d: Doc) -> dict[str, Any]:
        rng = self.rng
        type_id, type_name = self.type_rows[d.type_code]
        if d.issuer == "TU":
            if d.type_code == "NQ":
                signer = ("T/M TỈNH ỦY", "BÍ THƯ", data.SIGNER_TU_SECRETARY[2])
            elif rng.random() < 0.25:
                signer = data.SIGNER_TU_SECRETARY
            else:
                signer = data.SIGNER_TU
        else:
            signer = data.SIGNER_BTGDV if rng.random() < 0.7 else data.SIGNER_BTGDV_HEAD
        number_symbol = f"{d.number}-{d.symbol}"
        return {
            "id": d.id,
            "type_id": type_id,
            "number": d.number,
            "symbol": d.symbol,
            "issue_date": d.issue,
            "issuing_body_id": ISSUER_IDS[d.issuer],
            "excerpt": d.excerpt,
            "signer_authority": signer[0],
            "signer_title": signer[1],
            "signer_name": signer[2],
            "urgency": d.urgency,
            "confidentiality": Confidentiality.NORMAL.value,
            "scope": d.scope,
            "parent_id": d.parent.id if d.parent else None,
            "search_key": fold(f"{number_symbol} {type_name} {d.excerpt}"),
            "number_key": fold(number_symbol),
            "note": "",
            **self.stamp,
        }

    def _add_deadlines(self, d: Doc) -> None:
        """Study and first report for every document; a report each December for directives
        and about half the resolutions."""
        assert d.study_due is not None and d.first_due is not None
        d.deadline_ids["study"] = self._deadline(
            d, DeadlineKind.STUDY, d.study_due, "Hoàn thành việc học tập, quán triệt")
        d.deadline_ids["first"] = self._deadline(
            d, DeadlineKind.FIRST_REPORT, d.first_due,
            "Báo cáo kết quả học tập, quán triệt và xây dựng kế hoạch thực hiện")
        if d.primary and (d.type_code == "CT" or (d.type_code == "NQ" and self.rng.random() < 0.5)):
            y0 = d.first_due.year
            for year in range(y0, max(y0, self.today.year) + 1):
                due = date(year, 12, 15)
                if due <= d.first_due + timedelta(days=15):
                    continue
                dl = self._deadline(d, DeadlineKind.PERIODIC, due, f"Báo cáo định kỳ năm {year}",
                                    str(year))
                d.periodic.append((dl, due, str(year)))

    def _deadline(self, d: Doc, kind: DeadlineKind, due: date, label: str,
                  period: str = "") -> int:
        rows = self.deadline_rows
        rows.append({
            "id": len(rows) + 1, "document_id": d.id, "kind": kind.value,
            "due_date": due, "label": label, "period": period,
            # Reports come from the directly subordinate committees, bodies and organisations
            # (depth 1), which compile their cells' results; the cells only study.
            "depth": None if kind is DeadlineKind.STUDY else 1, **self.stamp,
        })
        return len(rows)

    @staticmethod
    def _add_recipient_lines(d: Doc, line_rows: list[dict[str, Any]]) -> None:
        """The "Nơi nhận" block: the issuer's head lines, one line per group, its tail lines."""
        if d.issuer == "TU":
            head, tail = data.RECIPIENTS_TU_HEAD, data.RECIPIENTS_TU_TAIL
        else:
            head, tail = data.RECIPIENTS_BTGDV_HEAD, data.RECIPIENTS_BTGDV_TAIL
        lines: list[tuple[str, int | None]] = [(t, None) for t in head]
        lines += [(f"- {data.GROUPS[g][0]},", g + 1) for g in d.groups]
        lines += [(t, None) for t in tail]
        for pos, (line, group_id) in enumerate(lines, 1):
            line_rows.append({"id": len(line_rows) + 1, "document_id": d.id, "position": pos,
                              "text": line, "group_id": group_id})
