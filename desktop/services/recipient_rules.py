"""How one part of a "Nơi nhận" line is matched to a group or an organisation, or explained.

A *part* is a line, one of its ";"-separated parts, or a run of its ","-separated segments.
:meth:`PieceMatcher.evaluate` tries, in order:

1. the lines that are never recipients: archive copies ("Lưu …"), "Như trên", the office's own
   leaders and rooms ("LĐVP, PTH");
2. an exact match on the normalised name key — code, name, short name, name without
   "Đảng bộ"/"Chi bộ", old name — also after dropping a leading body ("BTV Tỉnh Đoàn" → the
   Tỉnh đoàn), then the same on the *loosened* key (no "Việt Nam", no closing "tỉnh", no
   province name after "tỉnh"); ties are broken on the tone-aware canonical name, then on the
   level in the tree; a line starting "Các …" matches groups only;
3. explanations: the issuing committee itself (a root of the tree), people ("các đồng chí",
   "ủy viên"), central bodies ("… Trung ương"), an organisation not active on the date (ended,
   merged — its successor is offered), a ban cán sự đảng or đảng đoàn (ended in 2025);
4. otherwise text, with the nearest names as candidates (weighted word overlap).

Near matches are *offered, never taken*. In an organisation tree a name that is missing is
usually contained in another one ("Quân sự tỉnh" in "Trường Quân sự tỉnh", "Sở Y tế" in
"Văn phòng - Sở Y tế", "xã Tân An" in "Công an xã Tân An"): on the 20,000-organisation demo,
1,518 of 3,686 names have a *different* body scoring ≥ 0.9 and 1,951 ≥ 0.85, so any overlap
threshold loose enough to accept "Ủy ban Mặt trận Tổ quốc tỉnh" for "Ủy ban MTTQ Việt Nam
tỉnh" also takes wrong bodies. The loosened key covers the harmless variations instead.

Lines naming several recipients are cut into parts by :mod:`~desktop.services.recipient_split`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta

from desktop.domain.abbreviations import (
    ARCHIVE_PREFIXES,
    AS_ABOVE,
    CENTRAL_MARKERS,
    ENDED_BODY_MARKERS,
    INTERNAL_PHRASES,
    LEAD_BODY_PREFIXES,
    PEOPLE_MARKERS,
    PLURAL_PREFIXES,
    expand_abbreviations,
    strip_notes,
)
from desktop.domain.dates import format_date
from desktop.domain.text import canonical_name, fold
from desktop.services.recipient_index import (
    GROUP,
    ORGANISATION,
    TEXT,
    TIER_ALIAS,
    TIER_LOOSE,
    TIER_NAME,
    TIER_OLD_NAME,
    TIER_SHORT,
    Candidate,
    Hit,
    RecipientIndex,
    Target,
    hit_canonical,
    name_key_tokens,
)

CANDIDATE_MIN = 0.45
"""Names scoring at least this (weighted Dice on the key words, 0..1) are offered."""
NEAR = 0.8
"""From this score the reason names the nearest candidate."""
LOOSE_SCORE = 0.95
"""Score reported for a match found only after :meth:`RecipientIndex.loosen`."""
MAX_CANDIDATES = 5

NO_MATCH = "Không khớp nhóm hay đơn vị nào — ánh xạ thủ công hoặc bỏ qua"
ARCHIVE = "Lưu trữ: không phải nơi nhận theo dõi"
AS_ABOVE_REASON = "«Như trên»: các nơi ở phần Kính gửi, không phải một nơi nhận riêng"
PEOPLE = "Cá nhân (các đồng chí): không theo dõi — chỉ theo dõi tổ chức"
CENTRAL = "Cơ quan Trung ương, ngoài tỉnh: không theo dõi"
ENDED_BODIES = ("Ban cán sự đảng, đảng đoàn đã kết thúc hoạt động khi sắp xếp bộ máy năm 2025 "
                "— ánh xạ thủ công hoặc bỏ qua")

_TIER_REASON = {
    (GROUP, TIER_NAME): "Trùng tên nhóm",
    (GROUP, TIER_SHORT): "Trùng tên tắt của nhóm",
    (ORGANISATION, TIER_NAME): "Trùng tên đơn vị",
    (ORGANISATION, TIER_SHORT): "Trùng tên tắt của đơn vị",
    (ORGANISATION, TIER_ALIAS): "Trùng tên đơn vị (không kể chữ «Đảng bộ», «Chi bộ»)",
    (GROUP, TIER_LOOSE): "Trùng tên nhóm (không kể «tỉnh», «Việt Nam», tên tỉnh)",
    (ORGANISATION, TIER_LOOSE): "Trùng tên đơn vị (không kể «tỉnh», «Việt Nam», tên tỉnh)",
}


@dataclass(frozen=True)
class Piece:
    """The outcome for one part: matched, or text with a reason and candidates."""

    label: str
    kind: str
    target: Target | None
    reason: str
    score: float = 0.0
    candidates: tuple[Candidate, ...] = ()
    matched_name: str = ""
    decided: bool = False  # text for a known reason, not for want of a match
    whole: bool = False  # the line as a whole is no recipient ("Lưu …", "LĐVP, PTH"): keep it

    @property
    def matched(self) -> bool:
        return self.kind != TEXT


def _text(label: str, reason: str, *, decided: bool = True, name: str = "",
          candidates: tuple[Candidate, ...] = (), whole: bool = False) -> Piece:
    return Piece(label, TEXT, None, reason, 0.0, candidates, name, decided, whole)


def _contains(folded: str, phrases: tuple[str, ...]) -> bool:
    padded = f" {folded} "
    return any(f" {p} " in padded for p in phrases)


def _strip_lead(words: list[str]) -> tuple[str, list[str]]:
    """("Ban Thường vụ", the rest) when the words start with a leading body, else ("", [])."""
    for folded, display in LEAD_BODY_PREFIXES:
        lead = folded.split()
        if len(words) > len(lead) and words[: len(lead)] == lead:
            return display, words[len(lead):]
    return "", []


def is_plural(folded: str) -> bool:
    """A line naming a category ("Các …", also "Cấp ủy các …")."""
    words = folded.split()
    _, rest = _strip_lead(words)
    for ws in (words, rest):
        text = " ".join(ws)
        if any(text == p or text.startswith(p + " ") for p in PLURAL_PREFIXES):
            return True
    return False


def _internal_reason(stripped: str) -> str | None:
    """"Lãnh đạo văn phòng, Phòng Tổng hợp: nội bộ" when every item is the office's own."""
    labels: list[str] = []
    for segment in re.split(r"[,;]", stripped):
        folded = fold(expand_abbreviations(segment))
        if not folded:
            continue
        hit = next((label for phrase, label in INTERNAL_PHRASES
                    if folded == phrase or folded.startswith(phrase + " ")), None)
        if hit is None:
            return None
        if hit not in labels:
            labels.append(hit)
    return f"{', '.join(labels)}: nội bộ" if labels else None


class PieceMatcher:
    """Matches parts of lines against one :class:`RecipientIndex`."""

    def __init__(self, index: RecipientIndex) -> None:
        self.index = index

    # ------------------------------------------------------------------ one part

    def evaluate(self, label: str, plural: bool | None = None) -> Piece:
        stripped = strip_notes(label)
        folded = fold(expand_abbreviations(stripped))
        if not folded:
            return _text(label, NO_MATCH, decided=False)
        plural = is_plural(folded) if plural is None else plural
        words = folded.split()
        if words[0] in ARCHIVE_PREFIXES:
            return _text(label, ARCHIVE, whole=True)
        if folded == AS_ABOVE or folded.startswith(AS_ABOVE + " "):
            return _text(label, AS_ABOVE_REASON, whole=True)
        internal = _internal_reason(stripped)
        if internal:
            return _text(label, internal, whole=True)
        auto = self.match(stripped, folded, plural)
        if auto.matched:
            return replace(auto, label=label)
        root = self._root(stripped)
        if root is not None:
            return _text(label, f"«{root.name}» là cấp ủy ban hành: không phải nơi nhận theo dõi",
                         name=root.name)
        if _contains(folded, PEOPLE_MARKERS):
            return _text(label, PEOPLE)
        if _contains(folded, CENTRAL_MARKERS):
            return _text(label, CENTRAL)
        if not plural:
            ended = self._inactive(stripped)
            if ended is not None:
                return replace(ended, label=label)
        if _contains(folded, ENDED_BODY_MARKERS):
            return _text(label, ENDED_BODIES, candidates=auto.candidates)
        return replace(auto, label=label)

    def match(self, stripped: str, folded: str, plural: bool, offer: bool = True) -> Piece:
        """An exact match (any tier), or a text piece with why and — when ``offer`` — the
        nearest names as candidates."""
        index = self.index
        code = index.codes.get(stripped.strip().casefold())
        if code is not None and not plural:
            return Piece(stripped, ORGANISATION, code, "Trùng mã đơn vị", 1.0,
                         matched_name=code.name)
        tokens = name_key_tokens(stripped)
        lead, rest = _strip_lead(tokens)
        tied: list[Candidate] = []
        for lookup in (index.exact, index.loose):
            for k, via in ((tokens, ""), (rest, lead)):
                if not k:
                    continue
                chosen, ties = self._choose(lookup(" ".join(k)), stripped, plural)
                if chosen is not None:
                    tier, target, _name = chosen
                    reason = self._tier_reason(tier, target)
                    if via:
                        reason += f" (gửi {via} của đơn vị)"
                    return Piece(stripped, target.kind, target, reason,
                                 LOOSE_SCORE if tier == TIER_LOOSE else 1.0,
                                 matched_name=target.name)
                tied = tied or ties
            if tied:
                break
        if not offer:
            return _text(stripped, NO_MATCH, decided=False)
        near: list[tuple[float, Target]] = []
        seen = {(c.kind, c.id) for c in tied}
        for score, hits in index.fuzzy(rest or tokens, CANDIDATE_MIN):
            for _tier, target, _name in sorted(hits, key=lambda h: (h[0], h[1].depth)):
                if (target.kind, target.id) not in seen:
                    seen.add((target.kind, target.id))
                    near.append((score, target))
        candidates = (tuple(tied) + index.candidates(near))[:MAX_CANDIDATES]
        if tied:
            plural_orgs = plural and all(c.kind == ORGANISATION for c in tied)
            reason = (f"Dòng chỉ một loại nơi nhận («{stripped}») nhưng không khớp nhóm nào "
                      "— tạo nhóm hoặc ánh xạ thủ công") if plural_orgs else (
                      f"Có {len(tied)} nơi cùng tên «{stripped}» — chọn thủ công")
            return _text(stripped, reason, decided=True, candidates=candidates)
        if near and near[0][0] >= NEAR:
            score, target = near[0]
            return _text(stripped, f"Chưa khớp chính xác; gần giống nhất «{target.name}» (độ "
                         f"khớp {round(score * 100)}%) — chọn trong danh sách, ánh xạ thủ công "
                         "hoặc bỏ qua", decided=False, candidates=candidates)
        return _text(stripped, NO_MATCH, decided=False, candidates=candidates)

    def _choose(
        self, hits: list[Hit], stripped: str, plural: bool
    ) -> tuple[Hit | None, list[Candidate]]:
        """The one hit to take, or the tied candidates."""
        if not hits:
            return None, []
        best: dict[tuple[str, int], Hit] = {}
        for hit in hits:
            k = (hit[1].kind, hit[1].id)
            if k not in best or hit[0] < best[k][0]:
                best[k] = hit
        chosen = [h for h in best.values() if h[1].kind == GROUP or not plural]
        if not chosen:  # a plural line naming organisations: offer them, match nothing
            return None, list(self.index.candidates([(1.0, h[1]) for h in best.values()]))
        top_tier = min(h[0] for h in chosen)
        top = [h for h in chosen if h[0] == top_tier]
        if len(top) > 1:
            wanted = canonical_name(expand_abbreviations(stripped))
            same = [h for h in top if canonical_name(expand_abbreviations(hit_canonical(h)))
                    == wanted]
            top = same or top
        if len(top) > 1:
            groups = [h for h in top if h[1].kind == GROUP]
            top = groups if groups and plural else [h for h in top if h[1].kind != GROUP] or top
        if len(top) > 1:
            shallowest = min(h[1].depth for h in top)
            top = [h for h in top if h[1].depth == shallowest]
        if len(top) == 1:
            return top[0], []
        top.sort(key=lambda h: (h[1].name, h[1].id))
        return None, list(self.index.candidates([(1.0, h[1]) for h in top]))

    def _tier_reason(self, tier: int, target: Target) -> str:
        if tier == TIER_OLD_NAME and target.old_until is not None:
            return f"Tên cũ (đến ngày {format_date(target.old_until)}) của «{target.name}»"
        reason = _TIER_REASON.get((target.kind, tier), "Trùng tên")
        if tier in (TIER_SHORT, TIER_ALIAS, TIER_LOOSE):
            reason += f" «{target.name}»"
        return reason

    def _root(self, stripped: str) -> Target | None:
        tokens = name_key_tokens(stripped)
        _, rest = _strip_lead(tokens)
        for k in (tokens, rest):
            root = self.index.root_exact.get(" ".join(k)) if k else None
            if root is not None:
                return root
        return None

    def _inactive(self, stripped: str) -> Piece | None:
        """An organisation that exists in the list but not on the date."""
        index = self.index
        tokens = name_key_tokens(stripped)
        target = index.inactive_codes.get(stripped.strip().casefold())
        score = 1.0
        if target is None:
            _, rest = _strip_lead(tokens)
            hits = index.inactive(" ".join(tokens)) or (rest and index.inactive(" ".join(rest)))
            if not hits:
                return None
            target = min(hits, key=lambda h: (h[0], h[1].depth))[1]
        candidates: tuple[Candidate, ...] = ()
        if target.valid_to is not None and target.valid_to < index.as_of:
            reason = f"«{target.name}» chỉ hoạt động đến ngày {format_date(target.valid_to)}"
            successor = index.targets_by_org.get(target.merged_into or -1)
            if successor is not None and index.is_active(successor):
                reason += f", đã hợp nhất vào «{successor.name}»"
                candidates = (Candidate(ORGANISATION, successor.id, successor.name,
                                        round(score, 3)),)
            reason += " — chọn đơn vị kế tục hoặc bỏ qua"
        else:
            start = target.valid_from or (index.as_of + timedelta(days=1))
            reason = (f"«{target.name}» chỉ hoạt động từ ngày {format_date(start)}, sau ngày "
                      "của văn bản — kiểm tra ngày hoặc ánh xạ thủ công")
        return _text(stripped, reason, name=target.name, candidates=candidates)
