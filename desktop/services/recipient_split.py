"""A "Nơi nhận" line that names several recipients, cut into its parts.

:func:`line_pieces` cuts a line at ";" ("Các BCS Đảng; Đảng đoàn; BTV Tỉnh Đoàn"). A part that
matches nothing as a whole but holds commas is cut into the runs of its comma list that each
match exactly, the runs sharing the list's leading "Các" and its closing scope ("của tỉnh"):

    "Các ban, sở, ngành, đoàn thể CT-XH của tỉnh"
        → "Các ban, sở, ngành [của tỉnh]"      (group "Các ban, sở, ngành của tỉnh")
        + "[Các] đoàn thể CT-XH của tỉnh"      (group "Các đoàn thể chính trị - xã hội tỉnh")

The best cut covers the most segments with matches, then has the best scores, then the fewest
runs (a small dynamic programme over at most :data:`MAX_SEGMENTS` segments). Segments left
over are explained like any other text. A line that is no recipient as a whole ("Lưu: VT,
VP.", "LĐVP, PTH") is never cut.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.abbreviations import SCOPE_SUFFIXES, expand_abbreviations, strip_notes
from desktop.domain.text import fold
from desktop.services.recipient_index import TEXT
from desktop.services.recipient_rules import NO_MATCH, Piece, PieceMatcher, is_plural

MAX_SEGMENTS = 8

_Plan = tuple[int, float, int, list[tuple[int, Piece | None]]]


def line_pieces(matcher: PieceMatcher, core: str) -> list[Piece]:
    """The recipients named by one line (its core wording, without bullet and ";")."""
    parts = _split_semicolons(core)
    if not parts:
        return [Piece(core, TEXT, None, NO_MATCH)]
    pieces: list[Piece] = []
    for part in parts:
        piece = matcher.evaluate(part)
        if not piece.matched and not piece.whole and "," in strip_notes(part):
            split = comma_pieces(matcher, part)
            if split:
                pieces.extend(split)
                continue
        pieces.append(piece)
    return pieces


def comma_pieces(matcher: PieceMatcher, part: str) -> list[Piece] | None:
    """The best cut of a comma list into runs that each match, or None when none does."""
    stripped = strip_notes(part)
    segs = [s.strip() for s in stripped.split(",") if s.strip()]
    n = len(segs)
    if not 2 <= n <= MAX_SEGMENTS:
        return None
    plural = is_plural(fold(expand_abbreviations(stripped)))
    first = segs[0].split()
    prefix = first[0] if len(first) > 1 and fold(first[0]) in ("cac", "nhung") else ""
    suffix = _scope_suffix(segs[-1])
    memo: dict[tuple[int, int], Piece | None] = {}

    def run(i: int, j: int) -> Piece | None:
        if (i, j) not in memo:
            base = ", ".join(segs[i: j + 1])
            variants = [base]
            if prefix and i > 0:
                variants.append(f"{prefix} {base}")
            if suffix and j < n - 1 and not fold(base).endswith(fold(suffix)):
                variants += [f"{v} {suffix}" for v in variants]
            best: Piece | None = None
            for v in variants:
                p = matcher.match(v, fold(expand_abbreviations(v)), plural, offer=False)
                if p.matched and (best is None or p.score > best.score):
                    best = p
            memo[(i, j)] = replace(best, label=base) if best else None
        return memo[(i, j)]

    # plans[i]: (segments covered, score sum, -runs, [(first segment, piece or None)…])
    plans: list[_Plan] = [(0, 0.0, 0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        covered, score, runs, plan = plans[i + 1]
        options: list[_Plan] = [(covered, score, runs, [(i, None), *plan])]
        for j in range(i, n):
            p = run(i, j)
            if p is not None:
                covered, score, runs, plan = plans[j + 1]
                options.append((covered + j - i + 1, score + p.score, runs - 1,
                                [(i, p), *plan]))
        plans[i] = max(options, key=lambda o: (o[0], o[1], o[2]))
    if plans[0][0] == 0:
        return None
    pieces: list[Piece] = []
    left_over: list[str] = []
    for i, p in plans[0][3]:
        if p is None:
            left_over.append(segs[i])
            continue
        if left_over:
            pieces.append(matcher.evaluate(", ".join(left_over), plural))
            left_over = []
        pieces.append(p)
    if left_over:
        pieces.append(matcher.evaluate(", ".join(left_over), plural))
    return pieces


def _split_semicolons(text: str) -> list[str]:
    """``text`` cut at the ";" outside brackets."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _scope_suffix(segment: str) -> str:
    """The closing words shared by a comma list ("của tỉnh"), as written, or ""."""
    words = segment.split()
    folded = fold(segment).split()
    for suffix in SCOPE_SUFFIXES:
        sw = suffix.split()
        if len(folded) > len(sw) and folded[-len(sw):] == sw:
            original = " ".join(words[-len(sw):])
            if fold(original) == suffix:
                return original
    return ""
