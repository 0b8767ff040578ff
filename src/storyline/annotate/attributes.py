"""The model's attribute ruler (tag -> POS, morphology, some lemmas), applied by table lookup.

spaCy's ``AttributeRuler`` runs a general token ``Matcher`` over ~180 patterns for every token; in
``en_core_web_sm`` it costs about a sixth of the whole parse. Nearly all of those patterns look at
one token's TAG, LOWER, DEP and IS_SPACE, so the set of rules that fire is a function of those four
values and can be memoised. This component keeps the ruler's own rules, order and setter (later
rules win, as in spaCy) and gives identical annotations (tests compare it token by token); patterns
that span several tokens still go through a ``Matcher`` with just those few. A ruler with pattern
operators this lookup does not know is left in place.
"""
# no ``from __future__ import annotations``: the factory's signature is read at run time (confection < 0.2,
# which the pinned spaCy 3.8.7 resolves to, cannot resolve string annotations)

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what the memo key holds, in this order (see _key)
Key = tuple[str, str, str, bool]
MEMO_SIZE = 200_000


def _test(value: object) -> Callable[[object], bool] | None:
    """A predicate for one pattern value (a literal, or {"IN": [...]} / {"NOT_IN": [...]} /
    {"REGEX": ...}, searched as spaCy's Matcher does)."""
    if not isinstance(value, dict):
        return lambda x: x == value
    if set(value) == {"REGEX"}:
        regex = re.compile(value["REGEX"])
        return lambda x: isinstance(x, str) and regex.search(x) is not None
    if set(value) == {"IN"}:
        allowed = frozenset(value["IN"])
        return lambda x: x in allowed
    if set(value) == {"NOT_IN"}:
        banned = frozenset(value["NOT_IN"])
        return lambda x: x not in banned
    return None


def _token_predicate(spec: dict) -> Callable[[Key], bool] | None:
    tests = []
    for name, value in spec.items():
        test = _test(value)
        if name not in FEATURES or test is None:
            return None
        tests.append((FEATURES.index(name), test))
    return lambda key: all(test(key[i]) for i, test in tests)


def _key(token: Token) -> Key:
    return token.tag_, token.lower_, token.dep_, token.is_space


class TableAttributeRuler:
    """Drop-in for the model's ``attribute_ruler`` (see the module docstring)."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.by_lower: dict[str, list[tuple[int, Callable[[Key], bool]]]] = {}  # rules naming the word
        self.by_tag: dict[str, list[tuple[int, Callable[[Key], bool]]]] = {}  # the rest, by the tag they need
        self.any_tag: list[tuple[int, Callable[[Key], bool]]] = []  # and those needing no single tag
        self.multi = Matcher(ruler.vocab)
        self.supported = True
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if len(pattern) == 1 and rule["index"] in (0, -1):
                    self._add_single(rule_id, pattern[0])
                else:
                    self.multi.add(str(rule_id), [pattern])
        self.memo: dict[Key, list[int]] = {}

    def _add_single(self, rule_id: int, spec: dict) -> None:
        predicate = _token_predicate(spec)
        if predicate is None:
            self.supported = False
            return
        lower = spec.get("LOWER")
        words = [lower] if isinstance(lower, str) else lower.get("IN") if isinstance(lower, dict) else None
        for word in words or ():
            self.by_lower.setdefault(word, []).append((rule_id, predicate))
        tag = spec.get("TAG")
        if not words:
            (self.by_tag.setdefault(tag, []) if isinstance(tag, str) else self.any_tag).append((rule_id, predicate))

    def _rules_for(self, key: Key) -> list[int]:
        rules = self.memo.get(key)
        if rules is None:
            if len(self.memo) >= MEMO_SIZE:  # bounded: memory stays flat on any corpus
                self.memo.clear()
            candidates = self.by_tag.get(key[0], []) + self.any_tag + self.by_lower.get(key[1], [])
            rules = self.memo[key] = sorted({rule_id for rule_id, matches in candidates if matches(key)})
        return rules

    def __call__(self, doc: Doc) -> Doc:
        fired: list[list[int]] = [self._rules_for(_key(t)) for t in doc]
        for match_id, start, end in self.multi(doc, allow_missing=True):
            rule_id = int(self.ruler.vocab.strings[match_id])
            target = doc[start:end][self.ruler.indices[rule_id]].i
            fired[target] = sorted({*fired[target], rule_id})
        attrs = self.ruler.attrs
        for token, rules in zip(doc, fired):
            for rule_id in rules:
                set_token_attrs(token, attrs[rule_id])
        return doc


@Language.factory("storyline_attribute_ruler")
def make_table_attribute_ruler(nlp: Language, name: str) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.get_pipe("attribute_ruler"))

