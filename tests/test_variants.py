"""Quote variant groups across the articles of a story (compare.variants)."""
from __future__ import annotations

import pytest

from conftest import EXAMPLES, shared_path
from storyline.compare.variants import assign_variant_groups, group_id

# Two outlets report one press conference of a fictional minister, Orla Fenwick.
HERALD = (
    "Fenwick met the harbour unions on Monday.\n"
    "\"We will not sell the harbour to anyone, not this year and not next year,\" Fenwick told reporters.\n"
    "She also said the ferry timetable would change in May.\n"
)
COURIER = (
    "Minister Orla Fenwick spoke after the meeting.\n"
    "\"The harbour is not for sale, this year or next year,\" the minister said.\n"
    "\"Ferry fares will stay frozen until the end of the summer,\" she added.\n"
)


def quote(qid: str, article: str, text: str, content: str, entity: str | None = "e_fenwick",
          kind: str = "direct", cue: int | None = None, speaker: str = "Orla Fenwick") -> dict:
    start = text.index(content)
    return {"id": qid, "article_id": article, "kind": kind,
            "content": {"start": start, "end": start + len(content), "text": content},
            "speaker": {"text": speaker, "entity_id": entity, "key": None},
            "cue": None if cue is None else {"start": cue, "end": cue + 4, "text": "said"}}


def fixture_quotes(entity_b: str | None = "e_fenwick", speaker_b: str = "the minister") -> list[dict]:
    """The courier's speaker is a description: only its entity id says who it is."""
    return [
        quote("q_h1", "herald", HERALD, "We will not sell the harbour to anyone, not this year and not next year"),
        quote("q_h2", "herald", HERALD, "the ferry timetable would change in May", kind="indirect"),
        quote("q_c1", "courier", COURIER, "The harbour is not for sale, this year or next year", entity=entity_b,
              speaker=speaker_b),
        quote("q_c2", "courier", COURIER, "Ferry fares will stay frozen until the end of the summer", entity=entity_b,
              speaker=speaker_b),
    ]


TEXTS = {"herald": HERALD, "courier": COURIER}
ONE_STORY = {"herald": "s_1", "courier": "s_1"}


def test_paraphrased_statement_is_one_group_other_statements_stay_apart():
    groups = assign_variant_groups(fixture_quotes(), TEXTS, ONE_STORY)
    assert groups["q_h1"] == groups["q_c1"]
    assert "q_h2" not in groups and "q_c2" not in groups


def test_group_id_is_stable_hash_of_earliest_member():
    groups = assign_variant_groups(fixture_quotes(), TEXTS, ONE_STORY)
    assert groups["q_h1"] == group_id(["q_h1", "q_c1"]) == group_id(["q_c1", "q_h1"])
    assert groups["q_h1"].startswith("g_")
    assert assign_variant_groups(list(reversed(fixture_quotes())), TEXTS, ONE_STORY) == groups


def test_different_stories_or_no_story_are_never_grouped():
    assert assign_variant_groups(fixture_quotes(), TEXTS, {"herald": "s_1", "courier": "s_2"}) == {}
    assert assign_variant_groups(fixture_quotes(), TEXTS, {"herald": "s_1"}) == {}


def test_different_known_speakers_veto_a_paraphrase():
    assert assign_variant_groups(fixture_quotes(entity_b="e_dansen", speaker_b="Piet Dansen"), TEXTS, ONE_STORY) == {}


def test_split_entities_of_one_name_stay_compatible():
    """Entity resolution may give "Fenwick" and "Orla Fenwick" two ids; a shared name word keeps them."""
    groups = assign_variant_groups(fixture_quotes(entity_b="e_fenwick_2", speaker_b="Fenwick"), TEXTS, ONE_STORY)
    assert groups["q_h1"] == groups["q_c1"]


def test_speaker_entity_callable_overrides_stored_ids():
    quotes = fixture_quotes(entity_b=None)
    for q in quotes:
        q["speaker"]["entity_id"] = None
    entity = {"herald": "e_fenwick", "courier": "e_other"}
    groups = assign_variant_groups(quotes, TEXTS, ONE_STORY, speaker_entity=lambda q: entity[q["article_id"]])
    assert groups == {}


def test_one_article_gives_one_statement_per_group_told_once_or_twice():
    """An article that quotes a statement twice (a lead, then the body) has both in its group;
    its other statements stay out, also when they would chain through another outlet."""
    repeat = "Later she repeated: \"We will not sell the harbour, not this year and not next year.\"\n"
    text = HERALD + repeat
    quotes = fixture_quotes()
    quotes[0] = quote("q_h1", "herald", text, "We will not sell the harbour to anyone, not this year and not next year")
    quotes.append(quote("q_h3", "herald", text, "We will not sell the harbour, not this year and not next year"))
    groups = assign_variant_groups(quotes, {**TEXTS, "herald": text}, ONE_STORY)
    assert groups["q_c1"] == groups["q_h1"] == groups["q_h3"]
    assert "q_h2" not in groups and "q_c2" not in groups


def test_wire_copies_group_like_the_original_and_pair_with_other_texts():
    """Twenty copies of two reports (a wire story in many outlets): every copy of a statement is in
    its statement's group, the other statements stay out, and a quote's copies do not crowd the
    other texts out of its candidate pairs (they join through each other)."""
    from storyline.compare.variants import COPIES_LINKED, _Scorer, _stored_entity, _view

    quotes, texts, stories = [], {}, {}
    for k in range(20):
        for q in fixture_quotes():
            article = f"{q['article_id']}_{k}"
            quotes.append({**q, "id": f"{q['id']}_{k}", "article_id": article})
            texts[article], stories[article] = TEXTS[q["article_id"]], "s_1"
    groups = assign_variant_groups(quotes, texts, stories)
    harbour = {groups[f"{qid}_{k}"] for qid in ("q_h1", "q_c1") for k in range(20)}
    assert len(harbour) == 1
    fares = {groups.get(f"q_c2_{k}") for k in range(20)}
    assert None not in fares and len(fares) == 1 and fares != harbour  # copies of one statement
    views = [_view(q, "s_1", texts[q["article_id"]], _stored_entity) for q in quotes]
    partners: dict[str, set[str]] = {}
    for a, b, _ in _Scorer(views).candidates():
        assert a.article_id != b.article_id
        partners.setdefault(a.id, set()).add(b.id)
        partners.setdefault(b.id, set()).add(a.id)
    mine = partners["q_h1_5"]  # a copy that no other copy pairs with first
    assert {p.rsplit("_", 1)[0] for p in mine} >= {"q_h1", "q_c1"}  # copies and the other outlet's paraphrase
    assert sum(p.startswith("q_h1_") for p in mine) == COPIES_LINKED


def test_pieces_of_an_interrupted_quote_join_one_group():
    """One outlet interrupts the quote with its cue, the other quotes it whole."""
    text = ("\"We will not sell the harbour to anyone,\" Fenwick said, "
            "\"not this year and not next year, whatever the offer.\"\n")
    cue = text.index("said")
    whole = ("\"We will not sell the harbour to anyone, not this year and not next year, "
             "whatever the offer,\" she said.\n")
    quotes = [quote("q_a", "herald", text, "We will not sell the harbour to anyone", cue=cue),
              quote("q_b", "herald", text, "not this year and not next year, whatever the offer.", cue=cue),
              quote("q_c", "courier", whole,
                    "We will not sell the harbour to anyone, not this year and not next year, whatever the offer")]
    groups = assign_variant_groups(quotes, {"herald": text, "courier": whole}, ONE_STORY)
    assert groups.get("q_a") == groups.get("q_c") == groups.get("q_b") is not None


# ----------------------------------------------------------------------------- end to end

def store_groups(tmp_path_factory, *inputs) -> tuple[dict[str, str], list[dict]]:
    """Ingest ``inputs`` into a fresh store; variant groups over its stories as the pipeline has them."""
    from storyline.pipeline import RunOptions, ingest
    from storyline.store import Store

    store = Store(tmp_path_factory.mktemp("variants") / "s.db")
    ingest([str(p) for p in inputs], store, RunOptions(workers=1, progress=False))
    articles = list(store.iter_articles())
    quotes = list(store.iter_rows("quotes"))
    links = store.entity_links()
    groups = assign_variant_groups(
        quotes, {a.id: a.text for a in articles}, {a.id: a.story_id for a in articles if a.story_id},
        speaker_entity=lambda q: links.get((q["article_id"], q["speaker"].get("key") or "")))
    return groups, quotes


def group_of(groups: dict[str, str], quotes: list[dict], fragment: str) -> set[str | None]:
    found = [q for q in quotes if fragment in q["content"]["text"]]
    assert found, fragment
    return {groups.get(q["id"]) for q in found}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return store_groups(tmp_path_factory, EXAMPLES / "corpus")


def test_demo_darrow_line_in_three_outlets_is_one_group(demo):
    groups, quotes = demo
    variants = group_of(groups, quotes, "ceasefire of words") | group_of(groups, quotes, "trade empty words")
    assert len(variants) == 1 and None not in variants
    members = [q for q in quotes if groups.get(q["id"]) in variants]
    assert len({q["article_id"] for q in members}) == 3


def test_demo_vaelstrom_line_in_two_outlets_is_one_group(demo):
    groups, quotes = demo
    variants = group_of(groups, quotes, "drone over its head") | group_of(groups, quotes, "drone hanging over its head")
    assert len(variants) == 1 and None not in variants


def test_demo_different_darrow_statements_stay_apart(demo):
    groups, quotes = demo
    [darrow] = group_of(groups, quotes, "ceasefire of words")
    for other in ("Threats made in Skarrow", "within reach", "every line of it"):
        assert darrow not in group_of(groups, quotes, other)


def test_seeds_trump_post_rendered_two_ways(tmp_path_factory):
    groups, quotes = store_groups(tmp_path_factory, shared_path("seeds"))
    first = group_of(groups, quotes, "nothing definitive reached") | group_of(groups, quotes, "nothing final")
    second = (group_of(groups, quotes, "let the Prime Minister know")
              | group_of(groups, quotes, "made it clear to the prime"))
    assert len(first) == 1 and None not in first
    assert len(second) == 1 and None not in second
    assert first != second
    for other in ("No nuclear weapons, no missiles", "That ended badly for them"):
        assert not group_of(groups, quotes, other) & (first | second)



# Two officials make different statements about one works; a third outlet names only the works.
PORT = ("Reporters gathered outside the port authority on Tuesday.\n"
        "Harbour master Ilse Brandt said the north channel must be dredged before the autumn storms arrive.\n")
MINUTES = "The port authority met on Tuesday.\nOfficials discussed the north channel.\n"
COUNCIL = ("Councillor Tomas Vey spoke at the council on Tuesday evening.\n"
           "Vey said the works on the north channel had cost twice their budget and should be audited.\n")


def test_a_fragment_matching_two_statements_does_not_chain_them_into_one_group():
    quotes = [
        quote("q_port", "port", PORT, "the north channel must be dredged before the autumn storms arrive",
              entity="e_brandt", kind="indirect", speaker="Ilse Brandt"),
        quote("q_minutes", "minutes", MINUTES, "the north channel", entity=None, kind="indirect",
              speaker="Officials"),
        quote("q_council", "council", COUNCIL,
              "the works on the north channel had cost twice their budget and should be audited",
              entity="e_vey", kind="indirect", speaker="Tomas Vey"),
    ]
    groups = assign_variant_groups(quotes, {"port": PORT, "minutes": MINUTES, "council": COUNCIL},
                                   {"port": "s_1", "minutes": "s_1", "council": "s_1"})
    assert groups.get("q_minutes") is not None  # the fragment joins one of them
    assert groups.get("q_port") is None or groups.get("q_port") != groups.get("q_council")


# ----------------------------------------------------------------------------- a statement told in parts

def said(qid: str, article: str, text: str, content: str, cue: str, speaker: str, entity: str | None = "e_fenwick",
         kind: str = "indirect") -> dict:
    """A quote whose cue and speaker spans are found in ``text`` (the speaker's first mention)."""
    q = quote(qid, article, text, content, entity=entity, kind=kind, speaker=speaker)
    start, at = text.index(speaker), text.index(cue, text.index(speaker))
    q["speaker"]["span"] = {"start": start, "end": start + len(speaker), "text": speaker}
    q["cue"] = {"start": at, "end": at + len(cue), "text": cue}
    return q


# One outlet reports a statement in one sentence with two cues, the second a participle (the
# extractor gives each cue its content); another quotes it as one.
SPLIT = ("Fenwick spoke to dock workers on Monday.\n"
         "Fenwick said the ferry timetable from the north quay would change in May, "
         "adding that the harbour pilots would keep their night shifts.\n")
WHOLE = ("The minister visited the docks on Monday.\n"
         "\"The ferry timetable from the north quay changes in May and the harbour pilots keep their night shifts,\" "
         "Fenwick said.\n")


def split_quotes() -> list[dict]:
    return [said("q_s1", "split", SPLIT, "the ferry timetable from the north quay would change in May", "said",
                 "Fenwick"),
            said("q_s2", "split", SPLIT, "the harbour pilots would keep their night shifts", "adding", "Fenwick")]


def whole_quote() -> dict:
    return said("q_w", "whole", WHOLE, "The ferry timetable from the north quay changes in May and the harbour "
                "pilots keep their night shifts", "said", "Fenwick", kind="direct")


def test_a_report_continued_by_a_participle_is_one_statement_with_the_outlet_that_quotes_it_whole():
    """Neither half reads like the whole quote; the halves joined do, and both take its group."""
    groups = assign_variant_groups([*split_quotes(), whole_quote()], {"split": SPLIT, "whole": WHOLE},
                                   {"split": "s_1", "whole": "s_1"})
    assert groups.get("q_s1") == groups.get("q_s2") == groups.get("q_w") is not None
    assert set(groups) == {"q_s1", "q_s2", "q_w"}  # the joined whole is no quote of its own


@pytest.mark.parametrize("sentence, cues, one", [
    ("Fenwick said the quay would reopen in May, adding that the pilots would keep their shifts.",
     ("said", "adding"), True),
    ("Fenwick said the quay would reopen in May, while reiterating that the pilots would keep their shifts.",
     ("said", "reiterating"), True),
    ("Fenwick confirmed the quay would reopen in May but warned the pilots would lose their shifts.",
     ("confirmed", "warned"), True),
    # a clause with its own subject is another report
    ("Fenwick said the quay would reopen in May, and she said the pilots would keep their shifts.",
     ("said", "said the pilots"), False),
    # a relative clause's report is background to the sentence's own
    ("Fenwick, who promised the quay would reopen in May, said the pilots would keep their shifts.",
     ("promised", "said"), False),
    ("Fenwick said the quay would reopen in May. Fenwick said the pilots would keep their shifts.",
     ("said", "said the pilots"), False),  # another sentence
])
def test_statements_are_consecutive_contents_of_one_continued_report(sentence, cues, one):
    """The first content is "the quay would reopen in May", the second "the pilots ... shifts"."""
    from storyline.compare.variants import statements

    second = sentence[sentence.index("the pilots"):sentence.index("shifts") + len("shifts")]
    a = said("q_a", "art", sentence, "the quay would reopen in May", cues[0], "Fenwick")
    b = said("q_b", "art", sentence, second, cues[1].split()[0], "Fenwick")
    b["cue"]["start"] = sentence.index(cues[1])  # the second cue word where it stands
    assert statements([b, a], {"art": sentence}) == ([[a, b]] if one else [])


def test_pieces_of_one_interrupted_content_are_one_statement_but_not_two_speakers():
    from storyline.compare.variants import statements

    text = "Later, Fenwick said, the quay would reopen, and Dansen said the pilots would strike.\n"
    a = said("q_a", "art", text, "Later", "said", "Fenwick")
    b = said("q_b", "art", text, "the quay would reopen", "said", "Fenwick")
    c = said("q_c", "art", text, "the pilots would strike", "said", "Dansen", entity="e_dansen")
    assert statements([a, b, c], {"art": text}) == [[a, b]]


def test_halves_another_outlet_quotes_as_two_statements_stay_two_groups():
    """Each half is quoted on its own elsewhere (two statements there): the joined whole does not
    merge their groups, and each half keeps its own."""
    timetable = ("Fenwick spoke on Monday.\n"
                 "\"The ferry timetable from the north quay will change in May,\" Fenwick said.\n")
    pilots = ("Fenwick spoke on Monday.\n"
              "\"The harbour pilots will keep their night shifts,\" Fenwick said.\n")
    quotes = [*split_quotes(),
              said("q_t", "timetable", timetable, "The ferry timetable from the north quay will change in May",
                   "said", "Fenwick", kind="direct"),
              said("q_p", "pilots", pilots, "The harbour pilots will keep their night shifts", "said", "Fenwick",
                   kind="direct")]
    groups = assign_variant_groups(quotes, {"split": SPLIT, "timetable": timetable, "pilots": pilots},
                                   {"split": "s_1", "timetable": "s_1", "pilots": "s_1"})
    assert groups.get("q_s1") == groups.get("q_t") is not None
    assert groups.get("q_s2") == groups.get("q_p") is not None
    assert groups["q_t"] != groups["q_p"]
