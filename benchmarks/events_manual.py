"""Example sentences of the PLOVER manual (../shared/data/events/PLOVER_MANUAL.tex) as a second event-type
evaluation, independent of the gold records the lexicon was developed on.

The manual states the intended coding of a handful of quoted sentences. An example is a quoted
(``...'') span outside LaTeX comments of at least four words, without an inner ellipsis, whose parse
has a subject (a clause, not a keyword list or a phrase). Its gold type is read from the paragraph
or list item it sits in, in this order:

1. "coded as X" / "only the X should be coded" (one type named that way);
2. "will not be coded" -> the sentence must give no event (a negative example);
3. a verbatim block of CAMEO events (lines like "ABC DEF 112") -> their codes through CAMEO2PLOVER-2021.txt;
4. otherwise, inside the chapter section of an event type, that section's type.

Quotes without any of these (the auxiliary-mode examples, titles, terms) are counted and skipped.
The manual is small on examples: the table's notes say how many each type has.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._report import report, require_shared  # noqa: E402
from benchmarks.events_plover import score  # noqa: E402
from storyline.annotate.events import PLOVER_TYPES, extract_events  # noqa: E402
from storyline.annotate.nlp import load  # noqa: E402

NONE = "none"  # gold for "will not be coded" examples
# Names the manual uses for a category that are not the category's name: the old FIGHT and THREAT,
# and COERCE's mode 'restrict' written as if it were a category.
TYPE_ALIASES = {"FIGHT": "ASSAULT", "THREAT": "THREATEN", "RESTRICT": "COERCE"}
QUOTE = re.compile(r"``(.+?)(?:''|\")", re.S)
POSITIVE = re.compile(r"(?:coded as|only the)\s+\\plcat\{(\w+)\}")
NOT_CODED = re.compile(r"will not be coded|should not be coded")
CAMEO_EVENT = re.compile(r"^\s*[A-Z]{3}\s+[A-Z]{3}\s+(\d{2,4})\s*$", re.M)
SECTION = re.compile(r"\\section\*?\{([^}]*)\}")
UNIT_BREAK = re.compile(r"\n\s*\n|\\item\b|\\section\*?\{|\\subsection\*?\{|\\chapter\*?\{")


@dataclass(frozen=True)
class Example:
    text: str
    gold: str | None  # a PLOVER type, NONE, or None when the manual states no coding
    line: int  # where the quote starts in the .tex (1-based)


def strip_comments(tex: str) -> str:
    """Drop LaTeX comments (an unescaped % to the end of the line), keeping line numbers."""
    return "\n".join(re.sub(r"(?<!\\)%.*", "", line) for line in tex.split("\n"))


def latex_to_text(fragment: str) -> str:
    """Plain sentence text of a quoted fragment: unwrap \\emph{..}, expand \\ldots, unescape $ and &."""
    text = re.sub(r"\\(?:emph|textit|ti|textbf|txt)\{([^}]*)\}", r"\1", fragment)
    text = re.sub(r"\\(?:ldots|dots)\b\s*", "...", text)
    text = text.replace("\\$", "$").replace("\\&", "&").replace("\u2019", "'").replace("~", " ")
    return re.sub(r"\s+", " ", text).strip()


def is_example(text: str) -> bool:
    """Four or more words without an inner ellipsis ("said...would leave" is a fragment)."""
    body = text.rstrip(". ")
    return len(body.split()) >= 4 and "..." not in body


def cameo_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type from the conversion table (lines "<code>: <TYPE>, <mode>, ...")."""
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = TYPE_ALIASES.get(m.group(2), m.group(2))
    return table


def plover_type(name: str) -> str | None:
    name = TYPE_ALIASES.get(name.upper(), name.upper())
    return name if name in PLOVER_TYPES else None


def unit_gold(unit: str, section: str, cameo: dict[str, str]) -> str | None:
    """The coding a paragraph/item states for the examples it quotes (rules 1-4 of the docstring)."""
    stated = {t for t in map(plover_type, POSITIVE.findall(unit)) if t}
    if len(stated) == 1:
        return stated.pop()
    if NOT_CODED.search(unit):
        return NONE
    from_cameo = {cameo.get(code) or cameo.get(code[:2]) for code in CAMEO_EVENT.findall(unit)} - {None}
    if len(from_cameo) == 1:
        return from_cameo.pop()
    return plover_type(section)


def manual_examples(tex: str, cameo: dict[str, str]) -> list[Example]:
    """Example-like quotes (deduplicated by text, the first stated coding kept) with their gold."""
    tex = strip_comments(tex)
    examples: dict[str, Example] = {}
    breaks = [m.start() for m in UNIT_BREAK.finditer(tex)] + [len(tex)]
    start = 0
    for end in breaks:
        unit = tex[start:end]
        quotes = [(m.start(), latex_to_text(m.group(1))) for m in QUOTE.finditer(unit)]
        quotes = [(pos, q) for pos, q in quotes if is_example(q)]
        gold = unit_gold(unit, _section_at(tex, start), cameo) if quotes else None
        for pos, text in quotes:
            if text not in examples or examples[text].gold is None:
                examples[text] = Example(text, gold, tex.count("\n", 0, start + pos) + 1)
        start = end
    return list(examples.values())


def _section_at(tex: str, pos: int) -> str:
    sections = list(SECTION.finditer(tex, 0, pos + 1))
    return sections[-1].group(1) if sections else ""


def has_subject(doc) -> bool:
    return any(t.dep_ in {"nsubj", "nsubjpass"} for t in doc)


def evaluate(examples: list[Example]) -> list[tuple[Example, list]]:
    """Run the extractor on every example that parses as a clause."""
    nlp = load()
    parsed = [(ex, doc) for ex, doc in zip(examples, nlp.pipe([e.text for e in examples])) if has_subject(doc)]
    return [(ex, extract_events(doc, ex.text, f"m{i}")) for i, (ex, doc) in enumerate(parsed)]


def summary_row(results: list[tuple[Example, list]]) -> tuple[list[object], Counter, int]:
    """The table row (type P/R/F1 and top-1 over typed examples, hits per type, negatives coded),
    the number of typed examples per type, and the number of quoted clauses with no stated type."""
    typed = [(ex, events) for ex, events in results if ex.gold not in {None, NONE}]
    negatives = [events for ex, events in results if ex.gold == NONE]
    per_type = Counter(ex.gold for ex, _ in typed)
    s = score([{"event": ex.gold} for ex, _ in typed], [events for _, events in typed])
    found = Counter(ex.gold for ex, events in typed if ex.gold in {e.type for e in events})
    hits = ", ".join(f"{t} {found[t]}/{per_type[t]}" for t in PLOVER_TYPES if per_type[t])
    row = ["rules (lexicon + parse), no training", len(typed), len(per_type), s["precision"], s["recall"],
           s["f1"], s["top1"], hits, f"{sum(map(bool, negatives))}/{len(negatives)}"]
    return row, per_type, sum(ex.gold is None for ex, _ in results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print every example with its prediction")
    args = parser.parse_args()
    tex = require_shared("data", "events", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    cameo = cameo_table(require_shared("data", "events", "CAMEO2PLOVER-2021.txt"))
    results = evaluate(manual_examples(tex, cameo))
    if args.errors:
        for ex, events in results:
            print(f"l.{ex.line}", ex.gold, [e.type for e in events], "|", ex.text)
    row, per_type, untyped = summary_row(results)
    counts = ", ".join(f"{t} {per_type.get(t, 0)}" for t in PLOVER_TYPES)
    header = ["method", "typed examples", "types with examples", "type P", "type R", "type F1", "top-1 acc",
              "found per type", "negative examples coded"]
    report("Events: PLOVER manual examples", header, [row], notes=(
        "Quoted example sentences of the PLOVER manual whose coding the manual states (see the script's "
        "docstring for how the gold type is read from the LaTeX); F1 over (example, type) pairs as in the "
        f"gold-record benchmark. Examples per type: {counts}. The manual quotes few whole sentences, so "
        f"this is a small check, not a per-type estimate. {untyped} further quoted clauses state no type "
        "(the auxiliary-mode examples and the like). Negative examples: sentences the manual says are not "
        "coded (no named actor)."), write=not args.no_write)


if __name__ == "__main__":
    main()
