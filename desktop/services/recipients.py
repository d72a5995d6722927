"""The "Nơi nhận" block of a document: split it into lines and match each line to a group of
organisations, one organisation, or plain text that tracks nobody.

* :func:`split_recipient_block` turns pasted text (heading, bullets, wrapped lines, NBSP, NFD
  text from Word) into one printed line per entry: ``"- Các đảng bộ trực thuộc Tỉnh ủy;"``.
* :func:`match_recipient_lines` gives one :class:`RecipientMatch` per recipient named. A line
  naming several ("Các ban, sở, ngành, đoàn thể CT-XH của tỉnh" = two groups; "Các BCS Đảng;
  Đảng đoàn; BTV Tỉnh Đoàn" = three parts) gives one match per part, in order, when at least
  one part matches something: the first part carries the printed line in ``text``, the others
  an empty ``text`` (so the line is printed once — :func:`printed_lines`); ``line_index`` and
  ``part_index`` say where each came from. A line whose parts match nothing stays one text
  match.
* Lines that are never tracked are recognised and explained (Vietnamese ``reason``): archive
  copies ("Lưu …"), the office's own leaders and rooms ("LĐVP, PTH"), people ("Các đ/c UVBCH
  …"), central bodies ("… Trung ương"), the issuing committee itself, bodies ended in 2025
  (ban cán sự đảng, đảng đoàn) and organisations not active on the date.

Matching (:mod:`~desktop.services.recipient_rules`, :mod:`~desktop.services.recipient_index`)
is exact on a normalised key — accents, case, tone placement, punctuation, abbreviations and
notes ignored; name, short name, name without "Đảng bộ"/"Chi bộ", old name, code; then the
same without "Việt Nam"/"tỉnh" — with ties broken on
:func:`~desktop.domain.text.canonical_name` and the level in the tree. Lines starting "Các …"
name a category and match groups only. A near match (weighted word overlap) is only offered
in ``candidates``, best first, never taken: see the measurement in ``recipient_rules``.

:class:`RecipientMatcher` keeps the loaded names for repeated matching (a dialog open while the
clerk edits the block); :func:`match_recipient_lines` loads and matches once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from desktop.domain.text import clean_line, clean_text, fold
from desktop.services.database import Database
from desktop.services.recipient_index import GROUP, ORGANISATION, TEXT, Candidate, RecipientIndex
from desktop.services.recipient_rules import CANDIDATE_MIN, Piece, PieceMatcher
from desktop.services.recipient_split import line_pieces

__all__ = [
    "CANDIDATE_MIN",
    "Candidate",
    "KIND_GROUP",
    "KIND_ORGANISATION",
    "KIND_TEXT",
    "RecipientMatch",
    "RecipientMatcher",
    "match_recipient_lines",
    "printed_lines",
    "split_recipient_block",
]

KIND_GROUP = GROUP
KIND_ORGANISATION = ORGANISATION
KIND_TEXT = TEXT


@dataclass(frozen=True)
class RecipientMatch:
    """One recipient named by a "- …;" line of the "Nơi nhận" block."""

    text: str  # the line as printed ("- Các đảng bộ trực thuộc Tỉnh ủy;"); "" for later parts
    label: str  # the core text of this part ("Các đảng bộ trực thuộc Tỉnh ủy")
    kind: str  # "group" | "organisation" | "text"
    group_id: int | None
    organisation_id: int | None
    matched_name: str  # name of the group/organisation matched (or recognised), else ""
    reason: str  # why, in Vietnamese
    candidates: tuple[Candidate, ...] = ()  # best choices when not matched (or ambiguous)
    score: float = 0.0  # 1.0 exact, the overlap score for a near match, 0.0 for text
    line_index: int = 0  # index of the input line this match comes from
    part_index: int = 0  # 0 for the first (or only) recipient named on the line

    @property
    def tracked(self) -> bool:
        """True when the line names a group or an organisation (its members get tracked)."""
        return self.kind != KIND_TEXT


# ------------------------------------------------------------------------------- splitting

_BULLET = re.compile(r"^\s*(?:[-–—‒−+•·∙▪◦●*]+|\d{1,2}[.)])\s*")
# also "**Nơi nhận:**", as text copied from a Markdown or web page shows it
_HEADING = re.compile(r"^\s*[*_]*\s*nơi\s+nhận\s*:?\s*[*_]*\s*", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(?:T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s*\S")
_ONLY_PUNCTUATION = re.compile(r"^[\W_]*$")
_SPACE_BEFORE_END = re.compile(r"\s+([;,.])$")
_TERMINATORS = ";,."


def split_recipient_block(text: str) -> list[str]:
    """One printed line per recipient entry of a pasted "Nơi nhận" block.

    Drops the "Nơi nhận:" heading (and anything before it), blank lines and separator lines;
    accepts the bullets "-", "–", "+", "•" (and numbered "1."), joins a line wrapped over two
    physical lines, cuts a signature column pasted beside the list after a tab, and stops at
    the signature ("T/M …", "KT. …") or after the closing "Lưu ….". Each entry is returned
    NFC-clean as ``"- <wording><its own ; , or .>"`` (an entry without one gets none here;
    :func:`match_recipient_lines` adds it).
    """
    # the list side of each line: a signature column pasted after a tab is cut off
    lines = [clean_line(_left_part(raw)) for raw in clean_text(text).split("\n")]
    for i, line in enumerate(lines):  # start after the heading when there is one
        if _HEADING.match(line):
            lines = [_HEADING.sub("", line, count=1), *lines[i + 1:]]
            break
    has_bullets = any(_is_bulleted(line) for line in lines)
    entries: list[str] = []
    open_entry = False  # the last entry may continue on the next line
    for line in lines:
        if _AUTHORITY.match(line):
            break
        if not line:
            open_entry = False
            continue
        bullet = _BULLET.match(line)
        body = line[bullet.end():] if bullet else line
        if _ONLY_PUNCTUATION.match(body):
            continue
        body = _SPACE_BEFORE_END.sub(r"\1", body)
        if (not bullet and entries and open_entry
                and (has_bullets or body[:1].islower())):
            entries[-1] = f"{entries[-1]} {body}"
        else:
            entries.append(body)
        open_entry = not entries[-1].endswith(tuple(_TERMINATORS))
        if entries[-1].endswith(".") and fold(entries[-1]).startswith("luu"):
            break
    return [f"- {entry}" for entry in entries]


def _is_bulleted(line: str) -> bool:
    bullet = _BULLET.match(line)
    return bool(bullet) and not _ONLY_PUNCTUATION.match(line[bullet.end():])


def _left_part(raw: str) -> str:
    """The list side of a line copied from a 2-column closing table ("- Như trên;<tab>PHÓ
    GIÁM ĐỐC"); "" for a line of the signature column only ("<tab>Nguyễn Văn A")."""
    bullet = _BULLET.match(raw)
    if bullet:  # "-<tab>Các đảng bộ…": the tab after a bullet is not a column
        return raw[: bullet.end()] + raw[bullet.end():].lstrip().split("\t")[0]
    return raw.split("\t")[0]


def _printed(line: str, last: bool) -> tuple[str, str]:
    """(the line as printed, its core wording) for one input line."""
    line = clean_line(line)
    bullet = _BULLET.match(line)
    core = line[bullet.end():] if bullet else line
    core = core.rstrip()
    end = core[-1] if core.endswith(tuple(_TERMINATORS)) else ("." if last else ";")
    core = core.rstrip(_TERMINATORS).rstrip()
    return f"- {core}{end}", core


# ------------------------------------------------------------------------------- matching


class RecipientMatcher:
    """The organisation and group names as of a date, loaded once, to match lines against."""

    def __init__(self, index: RecipientIndex) -> None:
        self._pieces = PieceMatcher(index)

    @classmethod
    def load(cls, db: Database, as_of: date | None = None) -> RecipientMatcher:
        """Load the names (one read transaction). ``as_of`` defaults to today."""
        return cls(RecipientIndex.load(db, as_of or date.today()))

    @property
    def as_of(self) -> date:
        return self._pieces.index.as_of

    def match_lines(self, lines: Sequence[str]) -> list[RecipientMatch]:
        """One match per recipient named, in the order of the lines (see the module doc)."""
        kept = [line for line in lines if clean_line(line)]
        matches: list[RecipientMatch] = []
        for i, line in enumerate(kept):
            matches.extend(self._match_line(line, i, last=i == len(kept) - 1))
        return matches

    def _match_line(self, line: str, line_index: int, last: bool) -> list[RecipientMatch]:
        text, core = _printed(line, last)
        pieces = line_pieces(self._pieces, core)
        if len(pieces) > 1 and not any(p.matched for p in pieces):
            pieces = [_merge_text_pieces(core, pieces)]
        return [
            RecipientMatch(
                text=text if n == 0 else "",
                label=p.label,
                kind=p.kind,
                group_id=p.target.id if p.target and p.kind == KIND_GROUP else None,
                organisation_id=p.target.id if p.target and p.kind == KIND_ORGANISATION
                else None,
                matched_name=p.matched_name,
                reason=p.reason,
                candidates=p.candidates,
                score=p.score,
                line_index=line_index,
                part_index=n,
            )
            for n, p in enumerate(pieces)
        ]


def _merge_text_pieces(core: str, pieces: list[Piece]) -> Piece:
    """Parts of one line that all stay text: one text match for the line."""
    reasons: list[str] = []
    for p in pieces:
        if p.reason not in reasons:
            reasons.append(p.reason)
    best: dict[tuple[str, int], Candidate] = {}
    for p in pieces:
        for c in p.candidates:
            if (c.kind, c.id) not in best or best[(c.kind, c.id)].score < c.score:
                best[(c.kind, c.id)] = c
    candidates = sorted(best.values(), key=lambda c: (-c.score, c.name))[:5]
    names = [p.matched_name for p in pieces if p.matched_name]
    return replace(pieces[0], label=core,
                   reason="; ".join(reasons), candidates=tuple(candidates),
                   matched_name=", ".join(names))


def match_recipient_lines(
    db: Database, lines: Sequence[str], as_of: date | None = None
) -> list[RecipientMatch]:
    """Match "Nơi nhận" lines (as given by :func:`split_recipient_block`, or typed) against the
    groups and the organisations active on ``as_of`` (default today)."""
    return RecipientMatcher.load(db, as_of).match_lines(lines)


def printed_lines(matches: Sequence[RecipientMatch]) -> list[str]:
    """The "Nơi nhận" lines to print, once each, in order."""
    return [m.text for m in matches if m.text]
