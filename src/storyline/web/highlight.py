"""Article text with annotations marked up, built from character spans.

Article text is hostile input, so the HTML is assembled here piece by piece: every text piece and
attribute value is escaped with markupsafe, only tag names and attribute names from this module
are emitted raw. Spans may nest or overlap (a mention inside a quote, a time expression crossing
an event trigger): a stack of open tags is closed and re-opened at each boundary, so the output
is always well nested, and a link is never opened inside another link.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``href`` makes it a link (only site-relative paths are passed in)."""

    start: int
    end: int
    kind: str  # css class: entity, timex, quote, speaker, cue, event
    title: str = ""
    href: str | None = None
    data: tuple[tuple[str, str], ...] = field(default=())
    anchor: str | None = None  # an element id, given to the first piece of the span only (ids are unique)


def _open(mark: Mark, in_link: bool, anchor: bool = False) -> str:
    tag = "a" if mark.href and not in_link else ("mark" if mark.kind in ("quote", "event", "focus") else "span")
    attrs = [f'class="{escape(mark.kind)}"']
    if anchor:
        attrs.append(f'id="{escape(mark.anchor)}"')
    if tag == "a":
        attrs.append(f'href="{escape(mark.href)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    attrs += [f'data-{name}="{escape(value)}"' for name, value in mark.data]
    return f"<{tag} {' '.join(attrs)}>"


def _tag_of(opened: str) -> str:
    return opened[1:opened.index(" ")]


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` wrapped around their spans (invalid spans ignored)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in sorted(marks, key=lambda m: (m.start, -m.end, m.kind)):
        starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[tuple[Mark, str]] = []  # open marks with the tag each was opened as
    prev = 0
    for p in points:
        out.append(str(escape(text[prev:p])))
        prev = p
        if any(m.end == p for m, _ in stack):  # close down to the deepest ending mark, reopen the rest
            depth = min(i for i, (m, _) in enumerate(stack) if m.end == p)
            reopen = [m for m, _ in stack[depth:] if m.end != p]
            for _, opened in reversed(stack[depth:]):
                out.append(f"</{_tag_of(opened)}>")
            del stack[depth:]
            for m in reopen:
                _push(out, stack, m, reopened=True)
        for m in starts.get(p, []):
            _push(out, stack, m)
    for _, opened in reversed(stack):
        out.append(f"</{_tag_of(opened)}>")
    return Markup("".join(out))


def _push(out: list[str], stack: list[tuple[Mark, str]], mark: Mark, reopened: bool = False) -> None:
    opened = _open(mark, in_link=any(_tag_of(o) == "a" for _, o in stack), anchor=bool(mark.anchor) and not reopened)
    out.append(opened)
    stack.append((mark, opened))
