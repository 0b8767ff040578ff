"""Transcript turns: lines of an interview or broadcast transcript, each opened by its speaker's label.

A transcript records a conversation turn by turn, each turn a line that opens with the speaker's
label and a colon: the name in capitals ("HARLAND:", "MAYA ODELL:", "SEN. ODELL (D-VT):"), a role
("HOST:", "CALLER:") or the interview's "Q:" / "A:". The "I" and "we" of a turn are its labelled
speaker's, as those of a signed post are its author's, not the writer's. A conversation has at
least two speakers, so an article is read as holding a transcript only when at least two
different labels open its lines; one capitalised line head ("UPDATE: ...") is a heading.
"""
from __future__ import annotations

import re

# A speaker label opening a line: up to four capitalised words (titles with their period, names
# with an apostrophe or hyphen), an optional party or role in brackets, or Q / A; then a colon.
_LABEL = re.compile(r"^(?P<label>(?:[A-Z][A-Z.'\-]*)(?: [A-Z][A-Z.'\-]*){0,3}(?: \([^()\n]{1,30}\))?):[ \t]",
                    re.MULTILINE)


def turn_label(text: str, offset: int) -> tuple[int, int] | None:
    """The (start, end) of the speaker label opening the transcript turn (the line) that holds
    ``offset``, or None when that line is no turn or the article holds no transcript."""
    line_start = text.rfind("\n", 0, offset) + 1
    match = _LABEL.match(text, line_start)
    if match is None or match.end() > offset or not _holds_a_transcript(text):
        return None
    return match.span("label")


def label_words(label: str) -> list[str]:
    """The label's name words, without its bracketed party or role and its titles ("SEN.")."""
    name = re.sub(r"\s*\(.*\)$", "", label)
    return [w for w in name.split() if not w.endswith(".")]


def _holds_a_transcript(text: str) -> bool:
    """At least two different speaker labels open lines of the text: a conversation."""
    labels = {re.sub(r"\s*\(.*\)$", "", m.group("label")) for m in _LABEL.finditer(text)}
    return len(labels) >= 2
