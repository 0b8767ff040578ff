"""Photo galleries set as text: each caption line opens with the gallery's label and title
("Photos: Floods in Tarn Valley Rescuers carry ..."), the same words on every line, then the
caption itself, closed by its marker ("Hide Caption 2 of 30"). The title names the gallery, as a
heading does; it is no sentence, so its last word ("... halftime show") is no verb of a report.
Each caption is a text of its own, written for its picture: what it says of "she" is of someone
it names, never of a person only another caption names (``caption_start``).
"""
from __future__ import annotations

import os
import re

# A caption line's label, as the clean stage's caption patterns open ("Photos:", "Photo:", "Images:").
_LABEL = re.compile(r"(?im)^(?:photo|photograph|image|picture)s?\s?:\s*")
# A gallery has at least this many captions sharing the title (two may share their first words by chance).
_MIN_CAPTIONS = 3


def gallery_titles(text: str) -> list[tuple[int, int]]:
    """(start, end) of each caption line's label and title: the longest run of whole words that
    every labelled line of the article opens with. A title is what the captions share; none when
    fewer than ``_MIN_CAPTIONS`` lines are labelled or they share no word."""
    starts = [(m.start(), m.end()) for m in _LABEL.finditer(text)]
    if len(starts) < _MIN_CAPTIONS:
        return []
    lines = [text[end:_line_end(text, end)] for _, end in starts]
    shared = os.path.commonprefix(lines)
    cut = len(shared) if all(len(line) == len(shared) or not line[len(shared)].isalnum() for line in lines) \
        else shared.rfind(" ")
    if cut <= 0:
        return []
    return [(start, end + cut) for start, end in starts]


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


# The marker closing a gallery caption, where the next picture's caption begins.
_CAPTION_END = re.compile(r"Hide Caption \d+ of \d+")


def caption_start(text: str, offset: int) -> int | None:
    """Where the gallery caption holding ``offset`` begins: after the marker closing the caption
    before it on the same line, else at the line's start (its label and title, which every caption
    shares). None when ``offset`` is in no caption, that is when no marker closes its line after it."""
    line_start = text.rfind("\n", 0, offset) + 1
    if not _CAPTION_END.search(text, offset, _line_end(text, offset)):
        return None
    closed = [m.end() for m in _CAPTION_END.finditer(text, line_start, offset)]
    return closed[-1] if closed else line_start


def in_gallery_title(offset: int, titles: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in titles)
