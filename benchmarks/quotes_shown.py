"""Quotes as a reader is shown them on modern news: precision of each field, labelled by reading.

Runs the product's per-article path (``annotate_batch`` with the quote component, the mode
``storyline analyze`` uses, fast by default, ``--mode accurate`` as an option) over every article
of ../shared/data/clustering/news_cluster.jsonl as ``storyline analyze`` reads the file (the JSON
reader and the clean stage, which drops captions and share buttons; spans are mapped back onto
the file's text, which the labels' offsets are in), resolves entities corpus-wide as the pipeline
does, and links each quote's speaker to its canonical entity. Quotes are drawn at random from that
output (``--sample N --seed S --stratum NAME``: N/2 from the stories of each half, less those
already labelled, printed with their paragraph and the one before it) and labelled by reading in
benchmarks/data/quote_shown.jsonl (ids, offsets, the entity id, kind and a sha1 prefix of the
medium shown; no article text). Stories are split by a hash of their label (``half_of``): "fit" is the half studied while
changing the extractor, "held-out" is read once per draw.

Labels, decided before reading (a quote that is no attribution has every other field wrong):
- ``attribution``: yes / no. Yes: a statement, belief, finding or demand presented as someone's
  (PARC's sense: "said", "believes", "found that", "called for", a headline "X says ..."). No: no
  source at all ("is expected to", "it seems"), an action or a thing rather than something said
  ("took the stage for", "issued an apology", "knows those stories", "arguing about a script"),
  page furniture, and the writer's own or a quoted speaker's first-person thoughts ("I thought
  that", "Knew it would ...");
- ``content``: exact / boundary (the right statement, span too long or too short) / wrong;
- ``speaker_span``: right / wrong / missing (the text names one and none is shown);
- ``speaker_entity``: right (the canonical entity the article means, "he" -> that person; no entity
  for an anonymous source or an unnamed body; a name polluted by page furniture, "Facebook
  Twitter Pinterest X", is wrong) / wrong / unresolved (the article names the speaker or the
  body, none is shown);
- ``cue``: right (the reporting word, with its auxiliaries, adverbs or "in a statement") / wrong;
- ``medium``: right (also none shown where none is stated) / wrong / missed ("told CNN",
  "via Twitter", "tweeted", "in an Instagram post"; an event such as a rally is no medium);
- ``kind``: right / wrong (direct: all in quotation marks; mixed: part; indirect: none), judged
  against the statement itself, so a content cut off before its quotation is wrong too.

Strata: ``shown`` (120, --seed 20, main before any change), ``shown-after`` (60, --seed 21, after
the statements-only filter, pronoun and medium changes), ``shown-final`` (60, --seed 22, after the
noun-phrase rule, tweets and capitalized surnames; before the appositive and "it" rules),
``shown-s21`` (60, --seed 23, after quotes21: articles read through the clean stage, headline
names, relative pronouns, organisation descriptions), ``shown-s22`` (40, --seed 24, after quotes22:
he/she agreement with honorifics and sexed titles, a publication addressed by name as the medium; before
the Korean-name change, so it is re-scored too), ``shown-s23`` (40, --seed 25, session 21 before quotes25's
changes: after quotes23's non-statements and quotes24's sources that cannot speak), ``shown-s24`` (40, --seed 26,
session 21 after quotes26's he/she agreement with given names, drawn from that output, whose name list,
gender-guesser's, quotes27 replaced by the census lists of ``names``: none of the 40 differs from main's
output or from quotes27's), ``shown-s25`` (40, --seed 27, session 22 before quotes28's changes: main after
session 21's merges, one entity per name, story surnames, shared centering), ``shown-s26`` (40, --seed 28, session
22 after quotes29's changes: decisions on things offered, pictures and the writer's questions are no statements, a
content ends only before a clause that reports), ``shown-s27`` (40, --seed 29, session 22 after quotes30's
changes: a transcript turn is its labelled speaker's, ", as reported by X" reports, a dateline with its wire is no
source), ``shown-s28`` (40, --seed 30, session 23 after quotes31's changes: a description takes up the person named
next to its noun, a title names the description's role, the time of the saying is outside the content),
``shown-s29`` (40, --seed 31, session 23 on main after quotes31's and quotes32's merges: descriptions by the
parse's edges, bodies take up no person, a participle's report continues the report's subject, media of "told"),
``shown-s30`` (40, --seed 36, session 24 on main after quotes33-35's merges: contents after reporting clauses,
inverted reporting clauses, the sentence before as content, joined interrupted sentences),
``shown-s31`` (40, --seed 40, session 25 on session 24's merged main: quotes36's organisations' spokespeople,
gallery titles, cues before a phrase with its own verb, the hearer of tell; entities25's untagged names),
``shown-s32`` (40, --seed 43, session 26 on session 25's final main: quotes37-39's bodies mistyped or cut,
circumstance phrases, aims, crossheads, governments by state, bodies by description; entities27-29).
``shown-after``, ``shown-final``, ``shown-s21``, ``shown-s22``, ``shown-s23``, ``shown-s24``, ``shown-s25``,
``shown-s26``, ``shown-s27``, ``shown-s28``, ``shown-s29``, ``shown-s30``, ``shown-s31`` and ``shown-s32`` are also
scored "re-scored on the current output": a quote whose output changed since is labelled again in
benchmarks/data/quote_shown_rescored.jsonl (one row per output it was shown as), a quote no longer shown is left out.

    python benchmarks/quotes_shown.py --sample 60 --seed 22 --stratum shown-final   # draw to label
    python benchmarks/quotes_shown.py [--mode accurate] [--no-write]               # score the labels
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _news_cluster import all_articles, cleaned_articles, items_on_file_text, linked_quotes  # noqa: E402
from _report import report  # noqa: E402
from _shown import (cached_json, draw_arguments, draw_by_half, groups_by_draw, label_rows, marked,  # noqa: E402
                    print_wrong_labels, wrong_labels)
from _shown import rescored as rescored_rows  # noqa: E402


LABELS = Path(__file__).resolve().parent / "data" / "quote_shown.jsonl"
# Labels of drawn quotes whose output changed after they were labelled, read again on the new output.
RELABELLED = Path(__file__).resolve().parent / "data" / "quote_shown_rescored.jsonl"
# Strata drawn from an earlier output (main before quotes21, quotes21's, quotes22's before its last change,
# main before quotes25, quotes26's, main before quotes28, quotes29's, quotes30's, quotes31's, main after
# quotes32, main after quotes35, session 24's merged main, session 25's final main): re-scored on the current
# output.
RESCORED = ("shown-after", "shown-final", "shown-s21", "shown-s22", "shown-s23", "shown-s24", "shown-s25",
            "shown-s26", "shown-s27", "shown-s28", "shown-s29", "shown-s30", "shown-s31",
            "shown-s32")
FIELDS = ("content", "speaker_span", "speaker_entity", "cue", "medium", "kind")
RIGHT = {"content": ("exact",), "speaker_span": ("right",), "speaker_entity": ("right",), "cue": ("right",),
         "medium": ("right",), "kind": ("right",)}
STRATA = {"shown": "session 20, main before any change",
          "shown-after": "session 20, after the statements-only filter, pronouns, medium",
          "shown-final": "session 20, after the noun-phrase rule, tweets, capitalized surnames too",
          "shown-s21": "session 20 (quotes21), articles cleaned as analyze does, headline names, relative pronouns, "
                       "organisation descriptions",
          "shown-s22": "session 20 (quotes22), he/she agreement, publications addressed by name; drawn before "
                       "the Korean-name change",
          "shown-s23": "session 21 (quotes25), fresh draw after quotes23 and quotes24 (non-statements, things "
                       "as sources, unhyphenated Korean names)",
          "shown-s24": "session 21 (quotes26), fresh draw after he/she agreement with given names",
          "shown-s25": "session 22 (quotes28), fresh draw on main after session 21's merges (one entity per name, "
                       "story surnames, shared centering)",
          "shown-s26": "session 22 (quotes29), fresh draw after quotes28 and quotes29 (decisions on things, pictures, "
                       "questions; reporting clauses only end a content)",
          "shown-s27": "session 22 (quotes30), fresh draw after transcript turns, ', as reported by X', "
                       "datelines with a wire",
          "shown-s28": "session 23 (quotes31), fresh draw after descriptions taken up by the name set next to their "
                       "noun, titles that hold the description's role, the time of the saying out of the content",
          "shown-s29": "session 23 (quotesdraw29), fresh draw on main after quotes31 and quotes32 (descriptions by the "
                       "parse, bodies as no persons, participles' reports, media of 'told')",
          "shown-s30": "session 24 (quotesdraw30), fresh draw on main after quotes33-35 (contents after reporting "
                       "clauses, inverted reporting clauses, the sentence before as content, joined interrupted "
                       "sentences)",
          "shown-s31": "session 25 (quotesdraw31), fresh draw on session 24's merged main (quotes36: organisations' "
                       "spokespeople, gallery titles, cues before a phrase with its own verb, the hearer of tell; "
                       "entities25: untagged names)",
          "shown-s32": "session 26 (quotesdraw32), fresh draw on session 25's final main (quotes37-39: bodies "
                       "mistyped or cut, circumstance phrases, aims, crossheads, governments by state, bodies by "
                       "description; entities27-29)"}


# ----------------------------------------------------------------------------- output

def cached_extract(mode: str, cache: str | None) -> tuple[list[dict], dict[str, str]]:
    """``shown_quotes``, read from / written to ``cache`` when given (a run takes minutes)."""
    data = cached_json(cache, lambda: dict(zip(("quotes", "names"), shown_quotes(mode))))
    return data["quotes"], data["names"]


def shown_quotes(mode: str) -> tuple[list[dict], dict[str, str]]:
    """The quotes of the articles as ``storyline analyze`` reads the file (furniture and captions
    dropped), their spans mapped back onto the file's text, which the labels' offsets are in."""
    articles = cleaned_articles()
    quotes, names = linked_quotes(articles, mode)
    return items_on_file_text(quotes, articles, lambda q: [q["content"], q["speaker"].get("span"), q.get("cue")]), names


# ----------------------------------------------------------------------------- drawing

def label_skeleton(q: dict, story: str, stratum: str) -> dict:
    """The label row of a drawn quote: what was shown (offsets, entity id, kind), labels to fill."""
    return {"stratum": stratum, "story": story, "article": q["article_id"], **_shown(q),
            "labels": {"attribution": "", **{f: "" for f in FIELDS}}}


def _shown(q: dict) -> dict:
    def offsets(span: dict | None) -> list[int] | None:
        return [span["start"], span["end"]] if span else None
    return {"content": offsets(q["content"]), "speaker": offsets(q["speaker"].get("span")),
            "cue": offsets(q.get("cue")), "entity": q["speaker"].get("entity_id"),
            "medium": medium_digest(q.get("medium")), "kind": q["kind"]}


def medium_digest(medium: str | None) -> str | None:
    """The medium shown, as a sha1 prefix: label files hold no words of the articles."""
    return hashlib.sha1(medium.encode("utf-8")).hexdigest()[:12] if medium else None


def _key(q: dict) -> tuple[str, int, int]:
    return q["article_id"], q["content"]["start"], q["content"]["end"]


def print_drawn(q: dict, text: str, names: dict[str, str], row: dict) -> None:
    """The label row, then what the reader is shown, then the paragraph with the content in
    [[ ]], the speaker span in {{ }} and the cue in << >>."""
    print(json.dumps(row))
    entity = names.get(q["speaker"].get("entity_id") or "", "-")
    print(f"  speaker={q['speaker']['text']!r} entity={entity!r} medium={q.get('medium')!r} kind={q['kind']}")
    before = text[:text.rfind("\n", 0, q["content"]["start"])].rstrip()
    print(f"  before: ...{before[-400:]!r}")
    print(f"  para: {marked_paragraph(text, q)}\n")


def marked_paragraph(text: str, q: dict) -> str:
    marks = [(q["content"]["start"], "[["), (q["content"]["end"], "]]")]
    for span, (left, right) in ((q["speaker"].get("span"), ("{{", "}}")), (q.get("cue"), ("<<", ">>"))):
        if span:
            marks += [(span["start"], left), (span["end"], right)]
    start = text.rfind("\n", 0, min(p for p, _ in marks)) + 1
    end = text.find("\n", max(p for p, _ in marks))
    end = len(text) if end < 0 else end
    return marked(text, marks, start, end)


# ----------------------------------------------------------------------------- scoring

def is_right(labels: dict, field: str) -> bool:
    """A field is right as shown when the quote is an attribution and its label is a right one."""
    return labels["attribution"] == "yes" and labels[field] in RIGHT[field]


def score(rows: list[dict], quotes: list[dict]) -> list[list[object]]:
    """Per draw and half: drawn quotes, share right of each field, share all right, and how many
    the current output still shows unchanged (the labels describe the output they were drawn from)."""
    current = {_key(q): _shown(q) for q in quotes}
    table = []
    for name, members in groups_by_draw(rows, STRATA):
        n = len(members)
        shares = [sum(r["labels"]["attribution"] == "yes" for r in members) / n]
        shares += [sum(is_right(r["labels"], f) for r in members) / n for f in FIELDS]
        shares.insert(2, sum(r["labels"]["attribution"] == "yes" and r["labels"]["content"] in ("exact", "boundary")
                             for r in members) / n)
        whole = sum(all(is_right(r["labels"], f) for f in FIELDS) for r in members) / n
        unchanged = sum(current.get((r["article"], *r["content"])) == _shown_of(r) for r in members)
        table.append([name, n, *shares, whole, unchanged])
    return table


def rescored(rows: list[dict], relabelled: list[dict], quotes: list[dict]) -> tuple[list[dict], Counter]:
    """The rows of ``RESCORED`` strata as the current output shows them (``_shown.rescored``)."""
    current = {_key(q): _shown(q) for q in quotes}
    return rescored_rows(rows, relabelled, current, RESCORED, lambda r: (r["article"], *r["content"]), _shown_of)


def _shown_of(row: dict) -> dict:
    return {k: row[k] for k in ("content", "speaker", "cue", "entity", "medium", "kind")}


def error_classes(rows: list[dict]) -> list[list[object]]:
    """Counts of each wrong label per field and half (what the fit half's reading classifies)."""
    return wrong_labels(rows, ("attribution", *FIELDS),
                        lambda field, value: value in ("yes", "n/a", *RIGHT.get(field, ())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", default="fast", choices=("fast", "accurate"))
    draw_arguments(parser, STRATA)
    args = parser.parse_args()
    articles = all_articles()
    quotes, names = cached_extract(args.mode, args.cache)
    rows = label_rows(LABELS)
    if args.sample:
        by_id = {a.id: a for a in articles}
        labelled = {(r["article"], *r["content"]) for r in rows}
        for q in draw_by_half(articles, quotes, args.sample, args.seed, labelled, _key):
            art = by_id[q["article_id"]]
            print_drawn(q, art.text, names, label_skeleton(q, art.story_id, args.stratum))
        return
    relabelled = label_rows(RELABELLED)
    again, gone = rescored(rows, relabelled, quotes)
    header = ["draw, half", "quotes", "attribution", "content exact", "content exact or boundary", "speaker span",
              "speaker entity", "cue", "medium", "kind", "all fields right", "still shown unchanged"]
    report(f"Quotes as shown on modern news (news_cluster, {args.mode} mode, quotes drawn from the output)", header,
           score(rows + again, quotes),
           notes="Quotes drawn at random from the output of the product's per-article path over the 383 articles "
                 "of news_cluster (speakers linked to corpus-wide entities), half from the stories of each half "
                 "(sha1 of the story label), and labelled by reading the paragraph "
                 "(benchmarks/data/quote_shown.jsonl; scheme in the script's docstring). Each draw is labelled on "
                 "the output it was drawn from: 'shown' from main before any change, 'shown-after' and "
                 "'shown-final' after the changes of session 20 (see the strata in the docstring). Each share is "
                 "of the drawn quotes: a field counts right only on a real attribution. 'still shown unchanged': "
                 "drawn quotes the current output shows with the same content, speaker span, entity, cue, medium "
                 "and kind. 're-scored on the current output': the earlier draws (" + ", ".join(RESCORED) + ") "
                 "as the current output shows them (a changed quote labelled again, benchmarks/data/"
                 "quote_shown_rescored.jsonl; quotes no longer shown left out: "
                 + ", ".join(f"{s} {h} {n}" for (s, h), n in sorted(gone.items())) + ").",
           write=not args.no_write)
    print_wrong_labels(error_classes(rows), 15)


if __name__ == "__main__":
    main()
