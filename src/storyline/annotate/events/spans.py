"""Source/target actor spans as token tags (BIO over S = source, T = target), for corpora that
annotate who-did-what-to-whom as spans (ConfliBERT's CAMEO NER sentences).

Two taggers share one representation (``TaggedSentence``: the corpus tokens, their character
offsets in the rebuilt sentence, its parse and our events): ``rule_tags`` maps the extractor's
actor/recipient spans onto the tokens; ``build_tagger`` is a linear token classifier over parse
features plus those rule tags, which learns the corpus's span convention (whole noun phrases with
determiners and attachments) that our participant spans do not follow.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.model import Event

ROLES = ("S", "T")
_NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", ")", "%", "'s", "’", "'", "n't", "-"}
_NO_SPACE_AFTER = {"(", "$", "-", "€", "£"}


@dataclass(slots=True)
class TaggedSentence:
    words: list[str]
    offsets: list[tuple[int, int]]
    doc: Doc
    events: list[Event]


def detokenize(words: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Sentence text from corpus tokens (no space before closing punctuation, clitics and hyphens)
    and each token's (start, end) in it, so predictions map back to token indices."""
    parts, offsets, at = [], [], 0
    for i, word in enumerate(words):
        glue = i == 0 or word in _NO_SPACE_BEFORE or words[i - 1] in _NO_SPACE_AFTER \
            or (word == "s" and words[i - 1] == "’")
        if not glue:
            parts.append(" ")
            at += 1
        parts.append(word)
        offsets.append((at, at + len(word)))
        at += len(word)
    return "".join(parts), offsets


def bio_spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(role, first token, end token) of every B/I run; an I without its B starts a span."""
    spans, role, start = set(), None, 0
    for i, tag in enumerate(list(tags) + ["O"]):
        kind, _, label = tag.partition("-")
        if role is not None and (kind != "I" or label != role):
            spans.add((role, start, i))
            role = None
        if kind == "B" or (kind == "I" and role is None):
            role, start = label, i
    return spans


def main_event(sent: TaggedSentence) -> Event | None:
    """The event highest in the parse (the sentence's main report); ties go to the earliest."""
    def depth(event: Event) -> tuple[int, int]:
        token = _token_at(sent.doc, event.trigger.start)
        return (len(list(token.ancestors)) if token is not None else 99, event.trigger.start)
    coded = [e for e in sent.events if e.actors or e.recipients]
    return min(coded, key=depth) if coded else None


def rule_tags(sent: TaggedSentence) -> list[str]:
    """BIO tags from the main event's actors (S) and recipients (T); meetings without a recipient
    are reciprocal, which this corpus tags R."""
    tags = ["O"] * len(sent.words)
    event = main_event(sent)
    if event is None:
        return tags
    for role, sides in (("S", event.actors), ("T", event.recipients)):
        for p in sides:
            if p.span is None:
                continue
            covered = [i for i, (a, b) in enumerate(sent.offsets) if a < p.span.end and p.span.start < b]
            if covered and all(tags[i] == "O" for i in covered):
                tags[covered[0]] = f"B-{role}"
                for i in covered[1:]:
                    tags[i] = f"I-{role}"
    return tags


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _shape(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[A-Z]", "X", re.sub(r"[a-z]", "x", re.sub(r"\d", "d", word))))


def _side(token: Token) -> str:
    """Where the token hangs off its clause verb: subject side, object side, which preposition."""
    node = token
    for _ in range(12):
        head = node.head
        if node.dep_ in {"nsubj", "nsubjpass", "agent"}:
            return f"subj:{head.pos_}"
        if node.dep_ in {"dobj", "dative", "attr"}:
            return f"obj:{head.pos_}"
        if node.dep_ == "prep" and head.pos_ in {"VERB", "AUX"}:
            return f"prep:{node.lower_}"
        if head.i == node.i or node.pos_ in {"VERB", "AUX"}:
            return "verb"
        node = head
    return "deep"


def _trigger_path(token: Token, trigger: Token | None) -> str:
    """How the token hangs off the main event's trigger: the dependency (and preposition) of the
    trigger's child it sits under, and how deep; "none" outside the trigger's subtree."""
    if trigger is None:
        return "notrigger"
    if token.i == trigger.i:
        return "trigger"
    node, depth = token, 0
    while node.head.i != node.i and depth < 15:
        if node.head.i == trigger.i:
            label = f"prep:{node.lower_}" if node.dep_ == "prep" else node.dep_
            return f"{label}:{min(depth, 3)}"
        node, depth = node.head, depth + 1
    return "above" if token.is_ancestor(trigger) else "none"


def token_features(sent: TaggedSentence, rules: list[str]) -> list[dict[str, object]]:
    """Per corpus token: word, shape, parse (POS, dependency, side of its clause verb, path from the
    main event's trigger), entity label and the rule tagger's tags around it."""
    tokens = [_token_at(sent.doc, a) for a, _ in sent.offsets]
    event = main_event(sent)
    trigger = _token_at(sent.doc, event.trigger.start) if event is not None else None
    feats = []
    for i, (word, tok) in enumerate(zip(sent.words, tokens)):
        f: dict[str, object] = {"w": word.lower(), "shape": _shape(word), "suf": word[-3:].lower(),
                                "rule": rules[i], "bias": 1}
        if tok is not None:
            f.update({"pos": tok.pos_, "dep": tok.dep_, "hdep": tok.head.dep_, "hpos": tok.head.pos_,
                      "ent": f"{tok.ent_iob_}-{tok.ent_type_}", "side": _side(tok),
                      "before_root": str(tok.i < tok.sent.root.i), "dep|side": f"{tok.dep_}|{_side(tok)}",
                      "trig": _trigger_path(tok, trigger), "trig|pos": f"{_trigger_path(tok, trigger)}|{tok.pos_}"})
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(sent.words):
                f[f"rule{d}"] = rules[j]
                f[f"w{d}"] = sent.words[j].lower()
                other = tokens[j]
                if other is not None:
                    f[f"pos{d}"] = other.pos_
                    f[f"dep{d}"] = other.dep_
            else:
                f[f"w{d}"] = "<edge>"
        feats.append(f)
    return feats


def _allowed(prev: str, tag: str) -> bool:
    """BIO: an I- continues a span of its own role."""
    return not tag.startswith("I-") or (prev != "O" and prev[2:] == tag[2:])


def decode(classes: Sequence[str], scores) -> list[str]:
    """Best valid BIO sequence under per-token classifier scores (Viterbi, hard constraints), then
    one span per role (the highest-scoring): a sentence reports one event, whose source and
    target are one phrase each far more often than two."""
    n, labels = len(scores), list(classes)
    best = [[float(scores[0][k]) if _allowed("O", t) else -1e9 for k, t in enumerate(labels)]]
    back: list[list[int]] = []
    for i in range(1, n):
        row, ptr = [], []
        for k, tag in enumerate(labels):
            cands = [(best[-1][j], j) for j, prev in enumerate(labels) if _allowed(prev, tag)]
            value, j = max(cands)
            row.append(value + float(scores[i][k]))
            ptr.append(j)
        best.append(row)
        back.append(ptr)
    k = max(range(len(labels)), key=lambda x: best[-1][x])
    path = [k]
    for ptr in reversed(back):
        k = ptr[k]
        path.append(k)
    tags = [labels[k] for k in reversed(path)]
    return _one_span_per_role(tags, scores, labels)


def _one_span_per_role(tags: list[str], scores, labels: list[str]) -> list[str]:
    spans = bio_spans(tags)
    keep = set()
    for role in ROLES:
        mine = [sp for sp in spans if sp[0] == role]
        if mine:
            keep.add(max(mine, key=lambda sp: sum(float(scores[i][labels.index(tags[i])]) for i in range(sp[1], sp[2]))))
    out = ["O"] * len(tags)
    for role, a, b in keep:
        out[a:b] = [f"B-{role}"] + [f"I-{role}"] * (b - a - 1)
    return out


def predict_tags(model, sent: TaggedSentence) -> list[str]:
    scores = model.decision_function(token_features(sent, rule_tags(sent)))
    return decode(model.classes_, scores)


def _int32_indices(matrix):
    """DictVectorizer may emit int64 sparse indices, which LinearSVC refuses."""
    matrix = matrix.tocsr()
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    return matrix


def build_tagger(C: float = 0.3):
    """Linear SVM over one-hot token features (deterministic, small, CPU-fast)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer
    from sklearn.svm import LinearSVC
    return make_pipeline(DictVectorizer(), FunctionTransformer(_int32_indices, accept_sparse=True),
                         LinearSVC(C=C, random_state=0))


def _flatten(sents: Sequence[TaggedSentence], idx: Sequence[int]) -> list[dict[str, object]]:
    return [f for i in idx for f in token_features(sents[i], rule_tags(sents[i]))]


def cross_validated_tags(sents: Sequence[TaggedSentence], gold: Sequence[Sequence[str]],
                         folds: int = 5) -> list[list[str]]:
    """Tags for every sentence from a tagger trained on the other folds only (folds group
    sentences sharing their first 40 letters, so re-worded duplicates never straddle a split)."""
    from sklearn.model_selection import GroupKFold

    groups = [re.sub(r"[^a-z]", "", " ".join(s.words).casefold())[:40] for s in sents]
    out: list[list[str]] = [[] for _ in sents]
    index = list(range(len(sents)))
    for train, test in GroupKFold(n_splits=folds).split(index, groups=groups):
        labels = [t if t[2:] in ROLES else "O" for i in train for t in gold[i]]
        model = build_tagger().fit(_flatten(sents, train), labels)
        for i in test:
            out[i] = predict_tags(model, sents[i])
    return out
