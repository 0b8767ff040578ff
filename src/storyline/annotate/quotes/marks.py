"""Quotation-mark scanner: pair opening and closing marks into quoted spans.

Written here because no maintained Python library pairs quotation marks robustly (textacy's
``direct_quotations`` handles only a few balanced styles and gives up on unbalanced text). This
scanner handles straight and curly double quotes, guillemets, single quotes told apart from
apostrophes, quotes running over several paragraphs (the opening mark repeated at each paragraph)
and unclosed marks, which are reset at the paragraph end so one stray mark never spoils the rest
of an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

DOUBLE, SINGLE = "double", "single"
OPENERS = {"“": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "«": DOUBLE, "‹": SINGLE, "‘": SINGLE, "‚": SINGLE, "‛": SINGLE}
CLOSERS = {"”": DOUBLE, "»": DOUBLE, "›": SINGLE, "’": SINGLE}
AMBIGUOUS = {'"': DOUBLE, "'": SINGLE}
MARKS = set(OPENERS) | set(CLOSERS) | set(AMBIGUOUS)
_MARK = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")
_DOUBLED = re.compile(r"(?<!')''(?!')")
_LEFT_BOUNDARY = set("([{—–-/") | set(OPENERS)
_RIGHT_BOUNDARY = set(".,;:!?)]}—–-…/") | set(CLOSERS)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """``start``/``end``: the quoted text without its marks; ``outer_*`` include the marks.

    ``closed`` is False for a mark never closed (the span then runs to its paragraph end).
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    family: str
    closed: bool = True


@dataclass(slots=True)
class _Open:
    pos: int
    family: str


def _left_is_boundary(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in _LEFT_BOUNDARY


def _right_is_boundary(text: str, i: int) -> bool:
    return i + 1 >= len(text) or text[i + 1].isspace() or text[i + 1] in _RIGHT_BOUNDARY


def classify(text: str, i: int) -> tuple[str, str] | None:
    """(role, family) of the mark at ``i``: role is open / close / either / close? (maybe an
    apostrophe); None when the character is no quotation mark here (an apostrophe)."""
    ch = text[i]
    left, right = _left_is_boundary(text, i), _right_is_boundary(text, i)
    family = OPENERS.get(ch) or CLOSERS.get(ch) or AMBIGUOUS.get(ch)
    if family is None:
        return None
    if family == SINGLE and ch not in "‹›":
        prev_alnum = i > 0 and text[i - 1].isalnum()
        next_alnum = i + 1 < len(text) and text[i + 1].isalnum()
        if prev_alnum and next_alnum:
            return None  # don't, Israel’s
        if left and not right:
            if text[i + 1:i + 3].isdigit():
                return None  # ’90s
            return "open", family
        if right and not left:
            return "close?", family  # a closing mark or a plural possessive (leaders’)
        return None
    if ch in OPENERS:
        return ("close", family) if right and not left else ("open", family)
    if ch in CLOSERS:
        return ("open", family) if left and not right else ("close", family)
    if left and not right:
        return "open", family
    if right and not left:
        return "close", family
    return "either", family


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def _opening_mark_at_start(text: str, start: int, end: int, family: str) -> int | None:
    """Position of an opening mark of ``family`` that begins the paragraph (continuation)."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i < end:
        kind = classify(text, i)
        if kind and kind[0] in ("open", "either") and kind[1] == family:
            return i
    return None


def scan_quotes(text: str) -> list[QuotedSpan]:
    """Top-level quoted spans of ``text`` in order (quotes nested inside a quote are part of it)."""
    if "''" not in text:
        return _scan(text)
    return [_skip_doubled(text, q) for q in _scan(_doubled_as_double(text))]


def _doubled_as_double(text: str) -> str:
    """Two apostrophes standing for a double quote (''So it goes,'' she said), as in archive
    and wire text: the pair becomes one '"' whose right neighbour repeats the character after the
    pair, so the mark classifies as it would without the second apostrophe. Offsets are kept."""
    chars = list(text)
    for m in _DOUBLED.finditer(text):
        i = m.start()
        chars[i], chars[i + 1] = '"', text[i + 2] if i + 2 < len(text) else " "
    return "".join(chars)


def _skip_doubled(text: str, q: QuotedSpan) -> QuotedSpan:
    """The span starts after the second apostrophe of an opening pair."""
    start = q.start + 1 if text.startswith("''", q.outer_start) and q.start == q.outer_start + 1 else q.start
    return replace(q, start=min(start, q.end))


def _scan(text: str) -> list[QuotedSpan]:
    result: list[QuotedSpan] = []
    carried: _Open | None = None  # a quote continuing from the previous paragraph
    paragraphs = _paragraph_bounds(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        stack: list[_Open] = []
        skip = -1
        if carried is not None:
            stack.append(carried)
            skip = _opening_mark_at_start(text, p_start, p_end, carried.family) or -1
            carried = None
        for m in _MARK.finditer(text, p_start, p_end):  # only the marks, not every character
            i = m.start()
            if i == skip:
                continue
            kind = classify(text, i)
            if kind is not None:
                _step(text, i, kind, stack, result)
        carried = _end_paragraph(text, stack, paragraphs, n, result)
    return result


def _step(text: str, i: int, kind: tuple[str, str], stack: list[_Open], result: list[QuotedSpan]) -> None:
    role, family = kind
    open_idx = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == family), None)
    closes = role in ("close", "close?") or (role == "either" and open_idx is not None)
    if closes:
        if open_idx is None:
            return  # stray closing mark or a possessive apostrophe
        opened = stack[open_idx]
        del stack[open_idx:]
        if not stack:
            start, end = _strip(text, opened.pos + 1, i)
            result.append(QuotedSpan(start, end, opened.pos, i + 1, family))
        return
    if role == "open" and open_idx is not None:
        # a second opening mark of one family while one is open: the first was never closed
        opened = stack[open_idx]
        del stack[open_idx:]
        if not stack:
            _add_unclosed(text, opened, i, result)
    stack.append(_Open(i, family))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_unclosed(text: str, opened: _Open, end: int, result: list[QuotedSpan]) -> None:
    while end > opened.pos + 1 and text[end - 1].isspace():
        end -= 1
    if opened.family == DOUBLE and end > opened.pos + 1:
        result.append(QuotedSpan(opened.pos + 1, end, opened.pos, end, opened.family, closed=False))


def _end_paragraph(text: str, stack: list[_Open], paragraphs: list[tuple[int, int]], n: int,
                   result: list[QuotedSpan]) -> _Open | None:
    """Carry the outermost open quote into the next paragraph when that paragraph opens with the
    same mark (multi-paragraph quotation); otherwise report it unclosed and reset."""
    if not stack:
        return None
    outer = stack[0]
    if n + 1 < len(paragraphs):
        nxt = paragraphs[n + 1]
        if _opening_mark_at_start(text, nxt[0], nxt[1], outer.family) is not None:
            return outer
    _add_unclosed(text, outer, paragraphs[n][1], result)
    return None


def quote_kind(content: tuple[int, int], quotes: list[QuotedSpan]) -> str:
    """direct: the content is a quotation; mixed: it contains or touches one; else indirect."""
    start, end = content
    for q in quotes:
        if q.start <= start and end <= q.end:
            return "direct"
    if any(q.start < end and start < q.end for q in quotes):
        return "mixed"
    return "indirect"
