"""The names "Nơi nhận" lines are matched against, loaded once and keyed for fast lookup.

:class:`RecipientIndex` reads the groups and the organisations (with their old names) in one
read transaction and keeps, in memory:

* an *exact* table: normalised name key → the groups/organisations carrying that name, by tier
  (full name, short name, the name without "Đảng bộ"/"Chi bộ", an old name), and the codes;
* an *inverted* index of the key words with inverse-document-frequency weights for the fuzzy
  score (weighted Dice: ``2·w(A∩B) / (w(A) + w(B))``), searched with prefix filtering (only
  the rarest words of a query are looked up, so a 20,000-organisation list costs a few
  hundred entries per query, not 20,000);
* the organisations *not active* on the date (ended, merged, not yet founded) and the roots
  (the Tỉnh ủy itself), which are never matched but explain why a line stays text.

Keys (:func:`name_key`): notes removed, abbreviations expanded, folded (no accents, case or
punctuation), "đảng ủy"/"chi ủy" read as "đảng bộ"/"chi bộ", and "các", "của", "và" dropped.
"""

from __future__ import annotations

import gc
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import or_, select

from desktop.domain.abbreviations import STOPWORDS, expand_abbreviations, strip_notes
from desktop.domain.text import canonical_name, fold
from desktop.services.database import Database
from desktop.services.organisations import active_on
from desktop.store import models as m

GROUP = "group"
ORGANISATION = "organisation"
TEXT = "text"

# Tiers of an exact match, best first.
TIER_NAME, TIER_SHORT, TIER_ALIAS, TIER_OLD_NAME, TIER_LOOSE = range(5)

_COMMITTEE_WORDS = ("dang bo ", "chi bo ")
# "đảng ủy X" is the committee of "đảng bộ X" (not "đồng chí ủy viên", "đảng Ủy ban …").
_COMMITTEE_SYNONYM = re.compile(r"\b(?<!dong )(dang|chi) uy\b(?! ban| vien)")
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper())
# Names from the database are expanded only when they may hold an abbreviation (two capitals
# in a row, "&", "/" or "T.Ư"): most names have none, and expanding is the costly step.
_MAY_ABBREVIATE = re.compile(f"[{_UPPER}]{{2}}|[&/]|[{_UPPER}]\\.")


class Candidate(NamedTuple):
    """A group or organisation a line could mean, for the clerk to choose from."""

    kind: str  # "group" | "organisation"
    id: int
    name: str
    score: float  # 0..1


@dataclass(slots=True)
class Target:
    """A group or an organisation, as the matcher knows it."""

    kind: str
    id: int
    name: str
    depth: int = 0
    valid_from: date | None = None
    valid_to: date | None = None
    merged_into: int | None = None
    parent_id: int | None = None
    old_until: date | None = None  # for an old-name entry: the last day of that name


#: An exact hit: (tier, target, the name hit as written). A plain tuple: 80,000 are made for
#: 20,000 organisations and a NamedTuple costs twice as much to build.
Hit = tuple[int, Target, str]


def hit_canonical(hit: Hit) -> str:
    """The name hit, on the tone-placement-aware form (for ties between folded keys)."""
    return canonical_name(strip_notes(hit[2]))


def name_key_tokens(text: str, *, always_expand: bool = True) -> list[str]:
    """The words a name is compared on (see the module docstring)."""
    text = strip_notes(text)
    if always_expand or _MAY_ABBREVIATE.search(text):
        text = expand_abbreviations(text)
    folded = fold(text)
    if " uy" in folded:
        folded = _COMMITTEE_SYNONYM.sub(r"\1 bo", folded)
    return [t for t in folded.split() if t not in STOPWORDS]


#: Keys of database names, shared by every load: a key depends on the text alone, and names
#: repeat ("Chi bộ Đội 1") and survive from one load to the next.
_KEY_CACHE: dict[str, str] = {}
_KEY_CACHE_MAX = 200_000


def name_key(text: str, *, always_expand: bool = True) -> str:
    return " ".join(name_key_tokens(text, always_expand=always_expand))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while ~100,000 small objects are read and built: it
    would otherwise rescan the growing heap many times (a third of the time at 20,000
    organisations). Nothing made here forms a reference cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class RecipientIndex:
    """Everything a recipient line is matched against, as of one date."""

    def __init__(self, as_of: date) -> None:
        self.as_of = as_of
        self.old_names: dict[str, list[Hit]] = defaultdict(list)
        self.inactive_exact: dict[str, list[Hit]] = defaultdict(list)
        self.root_exact: dict[str, Target] = {}
        self.targets_by_org: dict[int, Target] = {}
        self.codes: dict[str, Target] = {}  # casefolded code -> organisation
        self.inactive_codes: dict[str, Target] = {}
        # the distinct keys of active targets (names repeat a lot), each with its hits, words
        # and weight; ``_postings`` lists the keys holding each word
        self._key_id: dict[str, int] = {}
        self._key_hits: list[list[Hit]] = []
        self._key_tokens: list[frozenset[str]] = []
        self._loose: dict[str, list[int]] = defaultdict(list)
        self._province: list[str] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._weights: dict[str, float] = {}
        self._key_weight: list[float] = []
        self._unknown_weight = 1.0
        self._inactive_loose: dict[str, list[Hit]] = defaultdict(list)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, db: Database, as_of: date) -> RecipientIndex:
        """Read groups, organisations and old names in one read transaction.

        Active organisations are filtered in SQL and read without their dates (converting
        20,000 dates costs more than everything else); the few others are read in full.
        """
        org = m.Organisation
        active = active_on(as_of)
        with _gc_paused(), db.read() as s:  # nothing read or built here forms a cycle
            conn = s.connection()
            groups = conn.execute(
                select(m.OrgGroup.id, m.OrgGroup.name, m.OrgGroup.short_name)
            ).all()
            current = conn.execute(
                select(org.id, org.name, org.short_name, org.code, org.depth, org.parent_id)
                .where(org.parent_id.is_not(None), active)
            ).all()
            others = conn.execute(
                select(org.id, org.name, org.short_name, org.code, org.parent_id, org.depth,
                       org.valid_from, org.valid_to, org.merged_into_id)
                .where(or_(org.parent_id.is_(None), ~active))
            ).all()
            history = conn.execute(
                select(m.OrgHistory.organisation_id, m.OrgHistory.name,
                       m.OrgHistory.short_name, m.OrgHistory.valid_to)
            ).all()
            return cls._build(as_of, groups, current, others, history)

    @classmethod
    def _build(
        cls, as_of: date, groups: Sequence[Any], current: Sequence[Any],
        others: Sequence[Any], history: Sequence[Any],
    ) -> RecipientIndex:
        index = cls(as_of)
        keys = _KEY_CACHE
        if len(keys) > _KEY_CACHE_MAX:
            keys.clear()

        def key(text: str) -> str:
            k = keys.get(text)
            if k is None:
                k = keys[text] = name_key(text, always_expand=False)
            return k

        add = index._add
        for gid, name, short in groups:
            target = Target(GROUP, gid, name)
            add(key(name), TIER_NAME, target, name)
            if short:
                add(key(short), TIER_SHORT, target, short)
        by_id = index.targets_by_org
        codes = index.codes
        key_id = index._key_id
        key_hits = index._key_hits
        # The hot loop (20,000 rows): a name already keyed is one dict lookup and one append.
        for oid, name, short, code, depth, parent_id in current:
            target = by_id[oid] = Target(ORGANISATION, oid, name, depth, parent_id=parent_id)
            k = keys.get(name) or key(name)
            found = key_id.get(k)
            if found is None:
                add(k, TIER_NAME, target, name)
            else:
                key_hits[found].append((TIER_NAME, target, name))
            if short:
                ks = keys.get(short) or key(short)
                if ks != k:
                    found = key_id.get(ks)
                    if found is None:
                        add(ks, TIER_SHORT, target, short)
                    else:
                        key_hits[found].append((TIER_SHORT, target, short))
            if k.startswith(_COMMITTEE_WORDS) and k.count(" ") > 1:
                add(k.split(" ", 2)[2], TIER_ALIAS, target, name)
            if code:
                codes.setdefault(code.casefold(), target)
        for oid, name, short, code, parent_id, depth, vfrom, vto, merged in others:
            target = by_id[oid] = Target(ORGANISATION, oid, name, depth, vfrom, vto, merged,
                                         parent_id)
            if parent_id is None:
                for text in (name, short):
                    if text:
                        index.root_exact.setdefault(key(text), target)
                continue
            index._add_inactive(key(name), TIER_NAME, target, name)
            if short:
                index._add_inactive(key(short), TIER_SHORT, target, short)
            k = key(name)
            if k.startswith(_COMMITTEE_WORDS) and k.count(" ") > 1:
                index._add_inactive(k.split(" ", 2)[2], TIER_ALIAS, target, name)
            if code:
                index.inactive_codes.setdefault(code.casefold(), target)
        for oid, name, short, hto in history:
            target = by_id.get(oid)
            if target is None or target.depth == 0 or not index.is_active(target):
                continue
            old = Target(ORGANISATION, oid, target.name, target.depth,
                         parent_id=target.parent_id, old_until=hto)
            for text in (name, short):
                if text and key(text) not in index._key_id:
                    index.old_names[key(text)].append((TIER_OLD_NAME, old, text))
        index._finish()
        return index

    def candidates(self, found: Sequence[tuple[float, Target]]) -> tuple[Candidate, ...]:
        """Candidates for the clerk; a name shared by several says which body it is under."""
        seen: dict[str, int] = defaultdict(int)
        for _, t in found:
            seen[t.name] += 1
        out = []
        for score, t in found:
            name = t.name
            parent = self.targets_by_org.get(t.parent_id) if t.parent_id else None
            if seen[name] > 1 and parent is not None:
                name = f"{name} ({parent.name})"
            out.append(Candidate(t.kind, t.id, name, round(score, 3)))
        return tuple(out)

    def is_active(self, target: Target) -> bool:
        return (target.valid_from is None or target.valid_from <= self.as_of) and (
            target.valid_to is None or target.valid_to >= self.as_of
        )

    def exact(self, k: str) -> list[Hit]:
        """Active groups and organisations whose name, short name or alias has key ``k``,
        then those that had it as an old name."""
        key_id = self._key_id.get(k)
        if key_id is not None:
            return self._key_hits[key_id]
        return self.old_names.get(k, [])

    def loose(self, k: str) -> list[Hit]:
        """Hits whose key equals ``k`` once both lose the words that never tell two bodies
        apart (:meth:`loosen`), as :data:`TIER_LOOSE` hits."""
        key_ids = self._loose.get(self.loosen(k), ())
        return [(TIER_LOOSE, target, text)
                for key_id in key_ids for _tier, target, text in self._key_hits[key_id]]

    def inactive(self, k: str) -> list[Hit]:
        """Organisations not active on the date whose key (or loosened key) is ``k``."""
        return self.inactive_exact.get(k) or self._inactive_loose.get(self.loosen(k), [])

    def loosen(self, k: str) -> str:
        """``k`` without "Việt Nam", the province's name after "tỉnh" or "Tỉnh ủy", and a
        closing "tỉnh":
        "Ủy ban MTTQ Việt Nam tỉnh" = "Ủy ban Mặt trận Tổ quốc tỉnh Hà Sơn" = "Ủy ban MTTQ".
        (The province's name alone is kept: the capital's ward often bears it.)"""
        words = k.split()
        out: list[str] = []
        i = 0
        province = self._province
        while i < len(words):
            if words[i: i + 2] == ["viet", "nam"]:
                i += 2
                continue
            out.append(words[i])
            after_tinh = out[-1:] == ["tinh"] or out[-2:] == ["tinh", "uy"]
            if after_tinh and province and words[i + 1: i + 1 + len(province)] == province:
                i += len(province)
            i += 1
        if len(out) > 1 and out[-1] == "tinh":
            out.pop()
        return " ".join(out)

    def _add(self, k: str, tier: int, target: Target, text: str) -> None:
        if not k:
            return
        key_id = self._key_id.get(k)
        if key_id is not None:
            self._key_hits[key_id].append((tier, target, text))
            return
        key_id = self._key_id[k] = len(self._key_hits)
        self._key_hits.append([(tier, target, text)])
        tokens = frozenset(k.split())
        self._key_tokens.append(tokens)
        postings = self._postings
        for t in tokens:
            postings[t].append(key_id)

    def _add_inactive(self, k: str, tier: int, target: Target, text: str) -> None:
        if not k:
            return
        self.inactive_exact[k].append((tier, target, text))

    def _finish(self) -> None:
        roots = {k for k in self.root_exact if k.startswith("tinh uy ")}
        if len(roots) == 1:  # "Tỉnh ủy Hà Sơn": the province is "ha son"
            self._province = roots.pop().split()[2:]
        for k, key_id in self._key_id.items():
            self._loose[self.loosen(k)].append(key_id)
        for k, hits in self.inactive_exact.items():
            self._inactive_loose[self.loosen(k)].extend(hits)
        n = max(1, len(self._key_tokens))
        self._weights = {t: math.log(1 + n / len(p)) for t, p in self._postings.items()}
        self._unknown_weight = math.log(1 + n)
        w = self._weights
        self._key_weight = [sum(w[t] for t in tokens) for tokens in self._key_tokens]

    # ------------------------------------------------------------------ lookups

    def fuzzy(self, tokens: list[str], minimum: float, limit: int = 12) -> list[
        tuple[float, list[Hit]]
    ]:
        """Names of active groups and organisations scoring at least ``minimum`` (weighted
        Dice on the key words), best first: (score, the hits sharing that name key)."""
        query = frozenset(tokens)
        if not query:
            return []
        w = self._weights
        unknown = self._unknown_weight
        by_weight = sorted(query, key=lambda t: (-w.get(t, unknown), t))
        wq = sum(w.get(t, unknown) for t in query)
        # Prefix filtering: a candidate sharing none of the words in ``probe`` scores at most
        # 2(wq - wp) / (2wq - wp); probe the rarest words until that bound is below minimum.
        probe_weight = 0.0
        entries: set[int] = set()
        for t in by_weight:
            entries.update(self._postings.get(t, ()))
            probe_weight += w.get(t, unknown)
            rest = wq - probe_weight
            if 2 * rest / (2 * wq - probe_weight) < minimum:
                break
        found: list[tuple[float, int]] = []
        key_weight = self._key_weight
        for e in entries:
            we = key_weight[e]
            if 2 * min(wq, we) / (wq + we) < minimum:  # too long or too short to reach it
                continue
            shared = query & self._key_tokens[e]
            score = 2 * sum(w.get(t, unknown) for t in shared) / (wq + we)
            if score >= minimum:
                found.append((score, e))
        found.sort(key=lambda x: (-x[0], x[1]))
        return [(score, self._key_hits[e]) for score, e in found[:limit]]
