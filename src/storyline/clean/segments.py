"""Whole-line selection that never rewrites kept text, with its map back to the input.

Kept lines are copied verbatim (only trailing whitespace and the block's edge whitespace are cut)
and joined with "\\n"; runs of blank lines collapse to one blank line, so paragraph breaks survive
dropped furniture. ``raw_segments`` ([start_in_text, start_in_raw, length], ...) satisfy
``text[t:t+n] == raw[r:r+n]`` for every segment by construction; adjacent pieces whose gap is also
identical in both are merged, so an untouched document is one segment.
"""
from __future__ import annotations

LineSpan = tuple[int, int]  # [start, end) of one line in the raw text, trailing whitespace excluded

# Whitespace (all of Unicode's lies below U+3001) plus the invisible characters scraped text
# leaves at line edges (BOM, zero-width space, word joiner).
EDGE_CHARS = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "\ufeff\u200b\u2060"


def split_lines(raw: str) -> list[LineSpan]:
    """Line spans of ``raw`` split at "\\n" (sources normalise newlines), trailing whitespace cut."""
    spans: list[LineSpan] = []
    start = 0
    for line in raw.split("\n"):
        spans.append((start, start + len(line.rstrip(EDGE_CHARS))))
        start += len(line) + 1
    return spans


def join_lines(raw: str, kept: list[LineSpan]) -> tuple[str, list[list[int]]]:
    """The kept lines as one text, and the segments that map it back onto ``raw``."""
    lines = _trim_block(raw, _collapse_blank_runs(kept))
    pieces: list[str] = []
    segments: list[list[int]] = []
    position = 0
    for start, end in lines:
        if end > start:
            segments.append([position, start, end - start])
        pieces.append(raw[start:end])
        position += end - start + 1
    text = "\n".join(pieces)
    return text, _merge_adjacent(text, raw, segments)


def _collapse_blank_runs(lines: list[LineSpan]) -> list[LineSpan]:
    """Keep at most one blank line in a row, so dropped furniture leaves no hole of blank lines."""
    result: list[LineSpan] = []
    for span in lines:
        blank = span[1] <= span[0]
        if blank and result and result[-1][1] <= result[-1][0]:
            continue
        result.append(span)
    return result


def _trim_block(raw: str, lines: list[LineSpan]) -> list[LineSpan]:
    """Drop blank lines at both ends and the first line's leading whitespace (the block's edges)."""
    while lines and lines[0][1] <= lines[0][0]:
        lines = lines[1:]
    while lines and lines[-1][1] <= lines[-1][0]:
        lines = lines[:-1]
    if lines:
        start, end = lines[0]
        first = raw[start:end]
        lines = [(end - len(first.lstrip(EDGE_CHARS)), end), *lines[1:]]
    return lines


def _merge_adjacent(text: str, raw: str, segments: list[list[int]]) -> list[list[int]]:
    """Merge neighbours whose gap (the newline between them) is the same text in both strings."""
    merged: list[list[int]] = []
    for segment in segments:
        if merged:
            t0, r0, n0 = merged[-1]
            t1, r1, n1 = segment
            if t1 - t0 == r1 - r0 and text[t0 + n0:t1] == raw[r0 + n0:r1]:
                merged[-1] = [t0, r0, t1 + n1 - t0]
                continue
        merged.append(segment)
    return merged


def segments_are_exact(text: str, raw: str, segments: list[list[int]]) -> bool:
    """The offset contract: every segment's text is the same characters in ``raw``."""
    return all(text[t:t + n] == raw[r:r + n] for t, r, n in segments)
