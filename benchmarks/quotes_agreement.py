"""How far two PolNeAR annotators agree, scored exactly as ``quotes_polnear`` scores the model.

PolNeAR gives a few articles (the "annotator-training" compartment) to several annotators. The
benchmark takes the first annotator's file (sorted order) as gold; here each other annotator's
file of the same article is scored against it as if it were a prediction: exact and overlap
precision/recall/F1 per role, and how often the two agree on the Content and the Source of an
attribution whose Cue they both marked the same. It is the ceiling that label noise puts on any
model scored against one annotator.

    python benchmarks/quotes_agreement.py --split train
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks._report import report, require_shared  # noqa: E402
from benchmarks.quotes_polnear import HEADER, ROLES, Scores, normalise, parse_ann  # noqa: E402


def annotator_files(split: str) -> dict[str, list[Path]]:
    """Article stem -> its .ann files in sorted order, for articles with two or more."""
    base = require_shared("data", "quotes", "polnear", split)
    anns: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((base / "attributions").glob("*.ann")):
        anns[path.stem.rsplit("_", 1)[0]].append(path)
    return {name: files for name, files in anns.items() if len(files) > 1}


def agreement(split: str) -> tuple[Scores, dict[str, list[int]], int, int]:
    """Scores of every other annotator against the first; per role [agreeing, both marked] over
    attributions with the same Cue; number of articles and annotator pairs."""
    base = require_shared("data", "quotes", "polnear", split)
    scores, same_cue, pairs = Scores(), {"Content": [0, 0], "Source": [0, 0]}, 0
    multi = annotator_files(split)
    for name, files in multi.items():
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        gold = parse_ann(files[0].read_text(encoding="utf-8"))
        for path in files[1:]:
            other = parse_ann(path.read_text(encoding="utf-8"))
            pairs += 1
            for role in ROLES:
                g = [normalise(text, a.roles[role]) for a in gold if role in a.roles]
                p = [normalise(text, a.roles[role]) for a in other if role in a.roles]
                scores.add(role, [x for x in g if x], [x for x in p if x])
            by_cue = {normalise(text, a.roles["Cue"]): a for a in other if "Cue" in a.roles}
            for a in gold:
                b = by_cue.get(normalise(text, a.roles["Cue"])) if "Cue" in a.roles else None
                for role, counts in same_cue.items():
                    if b is not None and role in a.roles and role in b.roles:
                        counts[1] += 1
                        counts[0] += normalise(text, a.roles[role]) == normalise(text, b.roles[role])
    return scores, same_cue, len(multi), pairs


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="train", choices=["dev", "train"])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    scores, same_cue, articles, pairs = agreement(args.split)
    rows = scores.rows("other annotator vs first")
    for role, (agree, both) in same_cue.items():
        rows.append([f"same Cue: {role} equal", role, both, both, agree / both if both else 0.0, "", "", "", "", ""])
    notes = (f"PolNeAR {args.split}, {articles} articles with several annotators, {pairs} annotator pairs (the first "
             "file in sorted order is gold, as in quotes_polnear.py; each other file is scored as a prediction). "
             "'same Cue' rows: of the attributions whose normalised Cue both marked, the share (in the exact P "
             "column) whose Content or Source is also equal.")
    report(f"Quotes: PolNeAR inter-annotator agreement ({args.split})", list(HEADER), rows, notes, write=not args.no_write)


if __name__ == "__main__":
    main()
