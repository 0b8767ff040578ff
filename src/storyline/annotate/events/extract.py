"""Per-article event extraction: triggers -> PLOVER events with actors, recipients, modes, aux
modes, contexts, location and date (the public entry point is ``extract_events``)."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.annotate import actors as entity_actors
from storyline.annotate.centering import clause_subjects
from storyline.annotate.entities import extract_mentions, has_description
from storyline.annotate.nlp import is_parse_of
from storyline.annotate.syntax import RELATIVE_PRONOUNS, relative_antecedent
from storyline.model import Event, Location, Mention, Participant, Quote, Span, Timex, stable_id

from . import coding, descriptions, geo, lexicon, places, topic, unreal
from .contexts import carry_told_means, contexts_of, refine_mode
from .dating import carry_lead_day, carry_told_day, date_of
from .descriptions import NON_STATE_CODES
from .modality import DEMAND_VERBS, apply_plover_rules, aux_modes, predicate, unreal_head
from .ontology import QUAD_OF_TYPE, cameo_root
from .participants import (NOT_ACTOR_ENTS, RECIPIENT_PREPS, ArticleContext, actor_like, age_object, agent_of, children,
                           owner_modifiers,
                           content_owner, is_actor_like, is_own, is_victim_count, modifier_participants,
                           named_possessors, np_tokens, participants, participants_of, prep_objects, subject_of,
                           relative_clause_doers, things_as_parties)
from .triggers import (PARTITIVES, Trigger, class_trigger, clause_for, clause_meeting, find_triggers, inflicted_measure,
                       lemma_of, mode_window, nest, object_of, verb_trigger)

BACKGROUND_DEPS = {"relcl", "acl"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside"}
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "capital", "port", "state"}
TARGET_PREPS = {"at", "on", "against", "to"}
OBJECT_PLACE_PREPS = {"in", "for", "to", "on", "into", "inside"}
# Events whose recipient, when the sentence names none, is the place they happen in ("imposed a
# curfew in Cizre", "strengthened its forces in Lebanon"): PLOVER codes the target by location.
PLACE_TARGETED = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONCEDE", "RETREAT", "SANCTION", "AID", "REQUEST"}
CIVIL_SECTORS = {"CVL", "EDU", "LAB", "OPP", "REF", "REL", "SOC"}
# Words opening a clause of time on a toll ("were killed when / after / as ..."), which tells how the deaths came.
TIME_CLAUSE_WORDS = frozenset({"when", "after", "as"})


def extract_events(doc: Doc, text: str, article_id: str, mentions: list[Mention] | None = None,
                   timexes: list[Timex] | None = None, published: str | None = None,
                   coded_only: bool = True, quotes: list[Quote] | None = None) -> list[Event]:
    """PLOVER events of one article; ``doc`` must be the parse of ``text`` (offsets are shared).
    ``coded_only=False`` keeps the events ``is_codable`` and ``unreal`` leave out (every
    trigger with a participant, the evidence a sentence classifier reads). ``quotes``: the
    article's quotes (the quotes stage's), whose speakers a quotation's first persons stand for."""
    if not is_parse_of(doc, text):
        raise ValueError("doc is not the parse of text: event offsets would not point into text")
    if mentions is None:
        mentions = extract_mentions(doc, text, published=published)
    ctx = ArticleContext(text, sorted(mentions, key=lambda m: m.span.start), quotes=list(quotes or []))
    events: list[Event] = []
    off_politics = coded_only and topic.is_off_politics(text)
    sents = list(doc.sents)
    built = [(trig, build_event(trig, sent, ctx, article_id, timexes, published))
             for sent in sents for trig in sentence_events(sent)]
    carry_lead_day(built, sents, text, timexes, published)
    carry_told_means(built, sents)
    carry_told_day(built, published)
    for trig, event in built:
        if not (event.actors or event.recipients):  # an event nobody takes part in is not coded
            continue
        if not coded_only or (is_codable(event, ctx, trig, off_politics) and not is_forecast(trig)
                              and not unreal.tells_no_happening(trig, event)):
            events.append(event)
    return events


def is_codable(event: Event, ctx: ArticleContext, trig: Trigger, off_politics: bool = False) -> bool:
    """PLOVER codes political events, its actors by country and sector. An event none of whose
    participants has either, in a sentence that names no actor of known country or role (only
    private people and bodies: "Nasa captured an image", "she was met with a bill"), is not coded,
    as in CAMEO/PETRARCH coding where no actor matches the dictionaries: on modern news such
    events are mostly sport, show business, commerce or a word's other sense. A sentence that
    names a state or an official ("... between the Emirates and Saudi Arabia") keeps its events.
    In an article of another topic than politics (``off_politics``: sport, show business,
    commerce) the words mostly carry those other senses, so the event needs a political party of
    its own or harm done to people (``topic.holds_off_politics``). The toll of an accident is no
    one's event (``is_accident_toll``)."""
    if off_politics and not topic.holds_off_politics(event, trig.token.lemma_.lower()):
        return False
    if is_accident_toll(event, trig):
        return False
    if any(p.country or p.sector for p in event.actors + event.recipients):
        return True
    sent = event.sentence
    return any(m.country or m.sector for m in ctx.mentions if sent.start <= m.span.start < sent.end)


def is_accident_toll(event: Event, trig: Trigger) -> bool:
    """"Seven people were killed when a tram derailed": an assault with victims and no doer named, in a
    sentence that tells a crash and no attack, is an accident's toll; PLOVER's ASSAULT is force an
    actor uses (``lexicon.ACCIDENT_LEMMAS``)."""
    if event.type != "ASSAULT" or event.actors or _names_a_doer(trig.token):
        return False
    words = [(t.lemma_.lower(), t.lower_) for t in trig.token.sent]
    return any(lemma in lexicon.ACCIDENT_LEMMAS for lemma, _ in words) and \
        not any(word.startswith(lexicon.ATTACK_STEMS) for _, word in words)


def _names_a_doer(token: Token) -> bool:
    """The trigger's own subject or "by" agent, unless it is the accident itself ("the crash
    killed"): "a man killed two people" names a doer though no participant codes him."""
    doers = children(token, {"nsubj"}) + agent_of(token)
    return any(d.lemma_.lower() not in lexicon.ACCIDENT_LEMMAS for d in doers)


def sentence_events(sent: SpacySpan) -> list[Trigger]:
    """The top-level triggers of a sentence after aux modes and the PLOVER type rules."""
    top = without_statements(nest(find_triggers(sent)))
    top = wrap_wishes(drop_protest_topics(wrap_obligations(sent, top)))
    if any(not is_background(t) for t in top):
        top = [t for t in top if not is_background(t)]
    out = []
    for trig in top:
        if trig.content is not None:
            trig.content.aux = aux_modes(trig.content)
        trig.aux = aux_modes(trig)
        out.append(apply_plover_rules(trig))
    return out


def without_statements(top: list[Trigger]) -> list[Trigger]:
    """The triggers less those of a verb's sense that is no event (``Trigger.statement``): its clause
    goes with it ("demonstrated it was able to strike"), and as another's content it chooses nothing
    ("asked the military to demonstrate capabilities" is a request, of no mode the showing gives)."""
    for trig in top:
        if trig.content is not None and trig.content.statement:
            trig.content = None
    return [t for t in top if not t.statement]


def is_forecast(trig: Trigger) -> bool:
    """"warned the death toll may increase", "warned the launch will cause tensions": PLOVER's
    THREATEN is a coercive or forceful warning (PLOVER_MANUAL.tex), a threat of what someone will
    do; a warning whose clause tells what a thing will do or become, and holds no event, is a
    forecast (CAMEO's pessimistic comment, a statement). A clause whose subject could be a party
    ("Pyongyang would face fire", "police will no longer tolerate", "it was time to annihilate")
    stays a threat."""
    if trig.type != "THREATEN" or trig.token.lemma_.lower() != "warn" or trig.content is not None:
        return False
    clauses = children(trig.token, {"ccomp"})
    subjects = children(clauses[0], {"nsubj", "nsubjpass"}) if clauses else []
    if clauses and not subjects:  # the parser may hang the clause's subject on "warned" as its object
        subjects = children(trig.token, {"dobj"})
    return bool(subjects) and not any(map(is_actor_like, subjects))


def is_populace(p: Participant) -> bool:
    """Civilians, workers, students, or a people named by its plural ("Palestinians")."""
    last = p.text.split()[-1] if p.text else ""
    return p.sector in CIVIL_SECTORS or (p.sector is None and last.endswith("s") and coding.is_demonym(last))


def is_labour_strike(trig: Trigger, actors: list[Participant]) -> bool:
    """PLOVER's PROTEST mode strike (CAMEO 143): "members of an organization or union engage in the
    abandonment of workplaces". A "strike" owned by a workforce ("the cleaners' strike", "teachers
    staged a strike") is that; one by a state, an army or armed men is an attack. A workforce: every
    doer of an unarmed sector (``lexicon.ARMED_SECTORS``), or, of no sector, named by a plural common
    noun ("the college's cleaners"; a state's or an army's strike names it, "Israel's strike")."""
    noun = trig.obj if trig.verbal else trig.token
    if noun is None or noun.lower_ not in lexicon.STRIKE_NOUNS or not actors:
        return False
    return all(p.sector not in lexicon.ARMED_SECTORS if p.sector else _uncoded_people(p) for p in actors)


def is_police_raid(trig: Trigger, actors: list[Participant]) -> bool:
    """"Police stormed his room", "a police raid on the flat": a raid (``lexicon.RAID_WORDS``) whose doers
    are all police is the manual's COERCE 'seize' (search, confiscation, raid), not an act of war."""
    return trig.token.lemma_.lower() in lexicon.RAID_WORDS and bool(actors) \
        and all(p.sector == lexicon.POLICE_SECTOR for p in actors)


def is_weapons_launch(trig: Trigger) -> bool:
    """"North Korea launched a missile", "fired a ballistic missile", a headline's "fires missile":
    PLOVER's MOBILIZE is "military posturing [...] a demonstration of military capabilities" short
    of the use of force (CAMEO 150, missile tests); a launch is an ASSAULT when it is aimed at
    someone ("fired rockets at Israel"), which the caller checks by the recipient."""
    if trig.token.lemma_.lower() not in lexicon.LAUNCH_VERBS:
        return False
    doc = trig.token.doc
    words = [*doc[trig.first:trig.last + 1], *trig.token.children, trig.token.head]
    return any(map(is_munition, words))


def shown_to(trig: Trigger, actors: list[Participant], sentence: Span, ctx: ArticleContext) -> list[Participant]:
    """"fired a missile over Japan", "fires missile towards Japan": MOBILIZE's recipients are "entities against
    whom the actor mobilizes its military capabilities in a threatening manner if that is clear" (the
    manual); a munition launched over a state or toward it is shown to that state (the state a place of the
    route is in: "over Japan's northern island Hokkaido"), unless it is the launcher's own."""
    if not is_weapons_launch(trig):
        return []
    headline_munition = trig.token.head if is_munition(trig.token.head) else None  # a headline's "fires missile"
    words = [trig.token, trig.obj, headline_munition]
    route = [o for w in words if w is not None for c in w.children
             if c.dep_ == "prep" and c.lower_ in lexicon.SHOWN_TO_PREPS for o in c.children if o.dep_ == "pobj"]
    named = [t for o in route for t in [o, *(c for c in o.children if c.dep_ in {"poss", "compound", "amod"})]]
    for word in named:  # "Japan's northern island Hokkaido": the island, else its state's name
        place = _named_place(word, ctx)
        target = places.state_for_location(_location(place, ctx), actors, sentence, ctx) if place is not None else None
        if target is not None:
            return [target]
    return []


def aims_at_someone(recipients: list[Participant]) -> bool:
    """A recipient other than the munition itself ("North Korea's latest missile was fired")."""
    return any(p.text.split()[-1].lower() not in lexicon.MUNITIONS for p in recipients if p.text)


def _uncoded_people(p: Participant) -> bool:
    """A group named by a plural common noun ("cleaners", "dockers")."""
    last = p.text.split()[-1] if p.text else ""
    return last.islower() and last.endswith("s")


def is_background(trig: Trigger) -> bool:
    """An event told in a relative clause ("a town where 28 people have been killed") describes
    a noun of the main event; when the sentence has a main event, that one is what it reports.
    Everything the clause holds is part of it: a verb coordinated with its verb ("an attack that
    killed two soldiers and injured two others") or framed by it ("Rouhani, who vowed to lift")."""
    return modifying_clause(trig.token, BACKGROUND_DEPS) is not None


def modifying_clause(token: Token, deps: set[str]) -> Token | None:
    """The verb of the clause modifying a noun (attached by one of ``deps``) that the word is part
    of, through every clause between but a reported one ("officials who say the missile was
    launched": what they say is a statement of its own); None for a word of the main clause or of
    a cleft's relative clause ("It was the Taliban who attacked": the sentence's own statement)."""
    node = token
    while node.head.i != node.i and node.dep_ != "ccomp":
        if node.dep_ in deps:
            return None if is_cleft(node) else node
        node = node.head
    return None


def participant_clause(trig: Trigger) -> Token | None:
    """The relative clause the event is told in when it describes a participant: one hung on a
    person, group or place ("Farkhunda, who was killed by a mob"), not on an event or a time ("a
    provocation which was condemned", "the moment North Korea launches"), whose clause tells the
    event itself or the time it names."""
    clause = modifying_clause(trig.token, {"relcl"})
    return clause if clause is not None and is_actor_like(clause.head) else None


def is_cleft(clause: Token) -> bool:
    """"It was X who ...": a relative clause hung on the complement of a copula whose subject is "it"."""
    noun, copula = clause.head, clause.head.head
    return noun.dep_ == "attr" and copula.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it"
                                                                 for c in copula.children)


# Stative verbs of knowing: "Y should know / realize that ..." asks no act of Y (PLOVER's REQUEST is a
# demand for an action or a policy); said by one party to another it tells Y what to expect, a warning
# (PLOVER's THREATEN: "coercive or forceful warnings"). Said to the public it is advice (``unreal``).
KNOWING_VERBS = frozenset({"know", "understand", "realize", "realise", "remember"})


def wrap_obligations(sent: SpacySpan, top: list[Trigger]) -> list[Trigger]:
    """"X said Y must do Z" is X's REQUEST to Y: events inside the clause ("must be willing to
    negotiate", "must open the port to allow ...") are its content, nested like any other. "Y
    should know that ..." is X's warning to Y (``KNOWING_VERBS``), and so is "Y would face fire and
    fury" (``unreal.warned_harm``), whose harm is its content."""
    by_token = {t.token.i: t for t in top}
    requests = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in lexicon.REPORTING:
            continue
        harm = unreal.warned_harm(tok)
        if harm is None and not any(c.dep_ == "aux" and c.lower_ in lexicon.OBLIGATION_MODALS for c in tok.children):
            continue
        subj = children(tok, {"nsubj"})
        if not subj or subj[0].pos_ == "PRON":
            continue
        if harm is not None:
            requests.append(Trigger(tok, "THREATEN", None, tok.i, tok.i, content=class_trigger(harm), obligation=True))
            continue
        kind = "THREATEN" if tok.lemma_.lower() in KNOWING_VERBS and tok.i not in by_token else "REQUEST"
        requests.append(Trigger(tok, kind, None, tok.i, tok.i, content=by_token.get(tok.i), obligation=True))
    if not requests:
        return top
    replaced = {r.token.i for r in requests}
    return sorted(nest([t for t in top if t.token.i not in replaced] + requests), key=lambda t: t.token.i)


# Verbs whose complement is an act wanted or demanded of another (``modality.unreal_head``): PLOVER codes
# the demand itself, a REQUEST by the one who wants it with the demanded party as recipient (the
# manual's REQUEST: "all requests, demands and orders"), never the wished act. "Hope" and "doubt"
# expect or question, they ask nothing.
WISH_VERBS = frozenset({"want", "wish"}) | DEMAND_VERBS


def wrap_wishes(top: list[Trigger]) -> list[Trigger]:
    """"the leader wants any deal to require Tehran to [cut] ties", "insisted that [negotiations]
    continue": the wanted act becomes the content of a REQUEST on the outermost such verb."""
    taken = {t.token.i for t in top}
    out = []
    for trig in top:
        head = demanding_verb(trig)
        if head is None or head.i in taken or _unnamed_demander(head):
            out.append(trig)
            continue
        taken.add(head.i)
        out.append(Trigger(head, "REQUEST", None, head.i, head.i, content=trig, wish=True))
    return out


def _unnamed_demander(verb: Token) -> bool:
    """"The rebels were ordered to withdraw": a passive with no "by" names no one who demands, and
    PLOVER's REQUEST is coded from its source; the ordered act stays as main tells it (hypothetical)."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not agent_of(verb)


def demanding_verb(trig: Trigger) -> Token | None:
    """The outermost verb of wish or demand whose complement holds the trigger, else None."""
    found = None
    head = unreal_head(trig)
    while head is not None and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in WISH_VERBS:
        found = head
        head = unreal_head(Trigger(head, "REQUEST", None, head.i, head.i))
    return found


def drop_protest_topics(top: list[Trigger]) -> list[Trigger]:
    """The manual: a protest's topic ("marched, calling for the minister's resignation", "protests
    calling for the president to step down") is not coded as an event of its own; a demand told as a
    participle clause of the protest (of its verb, or of its noun) is that topic."""
    protests = {t.token.i for t in top if t.type == "PROTEST"}
    return [t for t in top if not (t.type == "REQUEST" and predicate(t.token).dep_ in {"advcl", "acl"}
                                   and predicate(t.token).head.i in protests)]


def build_event(trig: Trigger, sent: SpacySpan, ctx: ArticleContext, article_id: str,
                timexes: list[Timex] | None, published: str | None) -> Event:
    text = ctx.text
    doc = sent.doc
    sent_text = text[sent.start_char:sent.end_char]  # == sent.text, without making a Token per word
    first, last = doc[trig.first], doc[trig.last]
    trigger = Span.of(text, first.idx, last.idx + len(last))
    actors, recipients = roles(trig, ctx)
    # "the isolated country", "the tubby tyrant": taken up like pronouns, by salience
    actors, recipients = (descriptions.described_parties(side, doc, ctx.mentions)
                          for side in (actors, recipients))
    location = location_of(trig, ctx)
    sentence = Span.of(text, sent.start_char, sent.end_char)
    actors, recipients, location = places.parties_not_places(actors, recipients, location, sentence, ctx)
    date, date_aux = date_of(trig, sent, text, timexes, published, participant_clause(trig))
    aux = set(trig.aux) | date_aux
    mode = refine_mode(trig, mode_window(trig, sent))
    if trig.type == "COERCE" and trig.mode == "restrict" and any(p.sector in CIVIL_SECTORS for p in actors):
        trig.type, mode = "PROTEST", "obstruct"  # civilians blocking roads protest; they do not coerce
    if trig.type == "ACCUSE" and trig.token.lemma_.lower() == "protest" and actors and all(map(is_populace, actors)):
        trig.type, mode = "PROTEST", "demo"  # people protest in the street; governments protest in words
    if trig.type == "ASSAULT" and is_labour_strike(trig, actors):
        trig.type, mode = "PROTEST", "strike"  # workers strike by leaving work; armies strike with force
    if trig.type == "ASSAULT" and is_police_raid(trig, actors):
        trig.type, mode = "COERCE", "seize"  # the police raid to search and seize; armies storm with force
    if trig.type == "CONSULT":
        mode, actors, recipients = consult_mode(mode, actors, recipients, location, sent)
    elif actors and not recipients:
        place = location if trig.type in PLACE_TARGETED and location is not None and location.country \
            else object_place(trig, ctx)
        target = places.state_for_location(place, actors, sentence, ctx) if place is not None else None
        if target is not None:  # the state the place is in (PLOVER codes parties, the place is the location)
            recipients = [target]
    if trig.type == "ASSAULT" and is_weapons_launch(trig) and not aims_at_someone(recipients):
        trig.type, mode = "MOBILIZE", "weapons"  # a launch at nobody shows force, it does not use it
    if trig.type == "MOBILIZE" and actors and not recipients:
        recipients = shown_to(trig, actors, sentence, ctx)
    if trig.type != "CONSULT":
        domestic_default(actors + recipients, sent, ctx, location)
    return Event(
        id=stable_id(article_id, str(trigger.start), trig.type, prefix="v_"),
        article_id=article_id, type=trig.type, trigger=trigger,
        sentence=sentence, mode=mode,
        aux_modes=[a for a in ("negation", "hypothetical", "future", "historical") if a in aux],
        context=contexts_of(sent_text, trig.type, tuple(p.sector for p in actors + recipients)),
        actors=actors, recipients=recipients,
        location=location, date=date, quad=QUAD_OF_TYPE[trig.type], cameo=cameo_root(trig.type, mode))


# ------------------------------------------------------------------------------------ roles

def roles(trig: Trigger, ctx: ArticleContext) -> tuple[list[Participant], list[Participant]]:
    if trig.obligation:
        speaker, _ = subject_of(trig.token.head)
        return participants(speaker, ctx), participants(children(trig.token, {"nsubj"}), ctx)
    if trig.wish and trig.content is not None:  # "wants Tehran to cut ties": Tehran is asked
        actors, _ = roles(Trigger(trig.token, trig.type, None, trig.first, trig.last), ctx)
        # "ordered Russians to be evacuated": the passive's subject undergoes the act, others are asked
        passive = any(c.dep_ == "auxpass" for c in trig.content.token.children)
        doers, others = roles(trig.content, ctx)
        # a meeting is done by all who meet (PLOVER codes every participant of CONSULT as actor)
        asked = [] if passive else doers + others if trig.content.type == "CONSULT" else doers
        spans = {p.span.start for p in actors if p.span}
        return actors, [p for p in asked if not p.span or p.span.start not in spans]
    if trig.verbal:
        actor_heads, recipient_heads = verbal_roles(trig)
    else:
        actor_heads, recipient_heads = noun_roles(trig.token)
    if trig.verbal:
        actors = participants(actor_heads, ctx)
    else:
        modifiers = [t for t in actor_heads if t.head.i == trig.token.i and t.dep_ != "prep"]
        others = [t for t in actor_heads if t not in modifiers]
        actors = modifier_participants(modifiers, ctx) + participants(others, ctx)
    spans = {p.span.start for p in actors if p.span}
    named = participants(things_as_parties(recipient_heads), ctx) + victim_counts(recipient_heads, ctx)
    recipients = [p for p in named if not p.span or p.span.start not in spans]
    return actors, [p for p in recipients if not is_pronoun_of(p) or is_target_pronoun(p, actors, trig, ctx)]


def victim_counts(heads: list[Token], ctx: ArticleContext) -> list[Participant]:
    """The people a bare count of victims stands for ("wounding 120"), which no name or noun heads."""
    return [p for t in heads if is_victim_count(t) for p in participants_of(t, ctx)]


def is_pronoun_of(p: Participant) -> bool:
    """A participant named in the sentence by an object or possessive pronoun ("her", "his", "its")."""
    return p.span is not None and p.span.text.lower() in PRONOUN_WORDS


def is_target_pronoun(recipient: Participant, actors: list[Participant], trig: Trigger, ctx: ArticleContext) -> bool:
    """Does the pronoun's antecedent stand as the target? Not when it is the actor ("North Korea fired its
    missile": what is the actor's own; English says "himself" for an act done to oneself), nor when the
    article last named it before the previous sentence: a pronoun takes up an entity of the current or the
    previous utterance (centering's locality), a name further back is a guess of the nearest name."""
    if recipient.key is None or any(a.key == recipient.key for a in actors):
        return False
    sent = trig.token.sent
    before = sent.doc[sent.start - 1].sent if sent.start > 0 else sent
    return any(m.key == recipient.key and before.start_char <= m.span.start < recipient.span.start
               for m in ctx.mentions) or named_after_fronted_clause(recipient, trig.token, ctx)


def named_after_fronted_clause(recipient: Participant, verb: Token, ctx: ArticleContext) -> bool:
    """"When police stormed his room, Mr. Paddock lay dead": a pronoun in an adverbial clause set before its
    main clause may take up a name that clause gives after it (backward anaphora, which English allows from
    a fronted subordinate clause only), so that name, said again there, confirms the pronoun's antecedent."""
    if verb.dep_ != "advcl" or verb.i > verb.head.i:
        return False
    clause_end = max(t.idx + len(t) for t in verb.subtree)
    sent_end = verb.sent.end_char
    return any(m.key == recipient.key and clause_end <= m.span.start < sent_end for m in ctx.mentions)


def verbal_roles(trig: Trigger) -> tuple[list[Token], list[Token]]:
    verb = trig.token
    if trig.obj is not None and trig.obj == inflicted_measure(verb):
        return measure_roles(verb, trig.obj)
    anchor = verb.head if verb.dep_ == "acomp" else verb
    subj, passive = subject_of(anchor)
    if passive and not is_stative_passive(verb):
        if trig.type == "MOBILIZE":  # "its fighters had been sent": the force moved is no target (as active)
            return agent_of(verb) or force_owners(subj), prep_objects(verb, {"against"})
        owners = launched_owners(trig, subj)
        doers = agent_of(verb) or owners or fired_from(trig) or manner_clause_doers(trig)
        return doers, [s for s in subj if not (owners and is_munition(s))]
    objects = objects_of(trig)
    if not objects and trig.content is not None and trig.content.verbal:  # "threatened to shell [towns]"
        objects = objects_of(trig.content)
    if trig.type == "MOBILIZE":  # "send troops to the region": a destination, not a recipient
        objects = prep_objects(verb, {"against"})
    if not objects and trig.type == "THREATEN":
        objects = threatened_objects(verb) or condition_subjects(trig)
    return subj, objects


def manner_clause_doers(trig: Trigger) -> list[Token]:
    """"Nine people were killed when a gunman opened fire": a passive toll with no "by X" names only its victims;
    a clause of time on it (when / after / as) tells how they died, and when that clause tells force (a verb of
    assault, or a subject named as an attacker: "a suicide bomber crashed a truck"), its subject is who used the
    force, PLOVER's ASSAULT actor. A clause that tells no force ("when a bus crashed") names no doer (an
    accident's toll, ``is_accident_toll``)."""
    if trig.type != "ASSAULT":
        return []
    return [s for clause in time_clauses(trig.token)
            for s in children(clause, {"nsubj"}) if is_actor_like(s) and tells_force(clause, s)]


def time_clauses(verb: Token) -> list[Token]:
    """The clauses of time on a verb, and those after it on a verb coordinated with it: "Dozens were killed and
    hundreds were injured when a gunman opened fire": an adjunct at the end of coordinated clauses modifies the
    coordination (the parser hangs it on the nearest conjunct)."""
    clauses = [c for v in [verb, *verb.conjuncts] for c in children(v, {"advcl"}) if v is verb or c.i > verb.i]
    return [c for c in clauses if is_time_clause(c)]


def is_time_clause(clause: Token) -> bool:
    """An adverbial clause opened by "when", "after" or "as" (the parser hangs the word as mark or advmod)."""
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_CLAUSE_WORDS and c.i < clause.i
               for c in clause.children)


def tells_force(clause: Token, subject: Token) -> bool:
    """Does the clause tell force used: its verb an assault of the lexicon ("opened fire", "carried out
    strikes"), or its subject named as one who attacks ("gunman", "bomber", "militant")?"""
    trig = verb_trigger(clause)
    return (trig is not None and trig.type == "ASSAULT") or \
        any(t.lower_.startswith(lexicon.ATTACK_STEMS) for t in np_tokens(subject))


def measure_roles(verb: Token, measure: Token) -> tuple[list[Token], list[Token]]:
    """"The UN hit North Korea with sanctions", "Iran was slapped with EU sanctions", "although cut off and
    hit with several rounds of United Nations sanctions": the one a measure is inflicted on is the verb's
    object, or with none its subject, whatever voice the parse gives it (these verbs are transitive: with
    no object the clause is a passive, perhaps a reduced one); who inflicts it is the active subject
    beside an object, the "by" agent, or the body the measure is named as (``owner_modifiers``)."""
    objects = [o for o in children(verb, {"dobj"}) if o.pos_ != "PRON" or is_person_object(o)]
    subjects, passive = subject_of(verb)
    noun = next(iter(prep_objects(measure, {"of"})), measure) if measure.lower_ in PARTITIVES else measure
    imposers = agent_of(verb) + agent_of(noun) + owner_modifiers(noun)
    if objects:
        return (imposers if passive else subjects + imposers), objects
    return imposers, subjects


def threatened_objects(verb: Token) -> list[Token]:
    """"North Korea threatened to sink Japan": a threat is aimed at whom the threatened act would
    be done to (PLOVER THREATEN: the target is who is threatened), the party object of its
    infinitive, when that act is no event of the lexicon (which names its own target)."""
    return [o for c in children(verb, {"xcomp"}) for o in children(c, {"dobj"})
            if is_actor_like(o) and o.pos_ != "PRON" and not is_own(o)]


def launched_owners(trig: Trigger, subjects: list[Token]) -> list[Token]:
    """"A South Korean missile is fired", "North Korea's latest missile was launched": a weapon named
    as its owner's is launched by its owner (the modifier names its user, as in "a North Korean
    missile test"); the weapon itself is no party to the event."""
    if not is_weapons_launch(trig):
        return []
    return [o for s in subjects if is_munition(s) for o in owner_modifiers(s)]


def force_owners(subjects: list[Token]) -> list[Token]:
    """"Its fighters had been sent", "Russian troops were deployed": with no "by X", the owner named on
    the force moved (a possessor, a people's or a state's name) is who moves it, as a weapon's owner
    launches it (``launched_owners``)."""
    pronouns = [c for s in subjects for c in s.children if c.dep_ == "poss" and c.pos_ == "PRON"]
    return [o for s in subjects for o in owner_modifiers(s)] + pronouns


def is_munition(token: Token) -> bool:
    return token.lower_ in lexicon.MUNITIONS


def fired_from(trig: Trigger) -> list[Token]:
    """"A missile was launched from North Korea", "rockets were fired from Gaza": with no "by X", the
    place force is used from stands for its user (the state or territory), as event coders code it."""
    if trig.type != "ASSAULT":
        return []
    return [t for t in prep_objects(trig.token, {"from"}) if t.ent_type_ == "GPE"]


def is_stative_passive(verb: Token) -> bool:
    """"Chile is opposed to ...", "troops were engaged in ...": a state of the subject, which is
    therefore the actor, not a passive with a hidden agent."""
    return lemma_of(verb) in lexicon.STATIVE_PASSIVES and not agent_of(verb)


def condition_subjects(trig: Trigger) -> list[Token]:
    """"X threatened to Y unless/if Z ...": Z is the one threatened (who must comply)."""
    verbs = [trig.token] + ([trig.content.token] if trig.content is not None else [])
    for verb in verbs:
        for clause in children(verb, {"advcl"}):
            if any(c.dep_ == "mark" and c.lower_ in lexicon.CONDITIONAL_MARKS for c in clause.children):
                subj = [t for t in children(clause, {"nsubj", "nsubjpass"}) if is_actor_like(t) and t.pos_ != "PRON"]
                if subj:
                    return subj
    return []


def objects_of(trig: Trigger) -> list[Token]:
    """Recipient heads: dative, actor-like direct object (or the owner of a content object), the
    subject of a "that" clause, and prepositional objects ("with X", "on X", "against X")."""
    verb = trig.token
    dative = children(verb, {"dative", "iobj"})
    if dative:
        return [d for d in dative if d.pos_ != "ADP"] or prep_objects(verb, {"to"})
    obj = relative_object(verb) or object_of(verb) or age_object(verb)
    if obj is not None and obj.dep_ != "nsubjpass":
        if owners := named_possessors(obj):  # "targeting North Korea's exports": North Korea
            return owners + [c for c in obj.conjuncts if c.i > obj.i]  # and the objects joined to it
        if is_actor_like(obj) and (obj.pos_ != "PRON" or is_person_object(obj)) and not is_own(obj) \
                or is_victim_count(obj):
            return [obj]
        owner = content_owner(obj) or harmed_owner(obj, trig.type)
        if owner:
            return owner
        found = prep_objects(obj, RECIPIENT_PREPS | {"of"})
        if found:
            return actor_like(found)
    for clause in children(verb, {"ccomp"}):
        subj = children(clause, {"nsubj", "nsubjpass"})
        if subj and subj[0].pos_ != "PRON":
            return subj
    for mark in clause_for(verb):  # "called for X to act": X is asked; "for X to be tried" asks others
        subj = children(mark.head, {"nsubj"})
        if subj and subj[0].pos_ != "PRON":
            return subj
    return [o for t in actor_like(prep_objects(verb, RECIPIENT_PREPS)) for o in named_possessors(t) or [t]]


# Object pronouns that can only stand for persons: "arrested her", "sentenced him" (English: the
# objective case of "he"/"she"). "it" and "them" stand as readily for things ("fired it", "destroyed
# them"), which are no parties.
PERSON_OBJECT_PRONOUNS = frozenset({"him", "her"})
# Events whose direct object is harmed, seized or penalised: what is done to a thing is done to its owner
# (PLOVER's target is who the act is done to): "stormed his room", "targeting its exports".
HARMED_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# Possessive pronouns whose owner the article's nearest name of their kind gives (``ArticleContext.antecedent``);
# "their" is left out: its antecedent is a plural, which that nearest name is not.
OWNER_PRONOUNS = frozenset({"his", "her", "its"})
PRONOUN_WORDS = PERSON_OBJECT_PRONOUNS | OWNER_PRONOUNS


def is_person_object(token: Token) -> bool:
    """A direct object "him" or "her": a person the act is done to ("Israel has held Tamimi since
    arresting her"), resolved as the article names them."""
    return token.lower_ in PERSON_OBJECT_PRONOUNS and token.dep_ in {"dobj", "dative"}


def harmed_owner(obj: Token, event_type: str) -> list[Token]:
    """"police stormed his room", "sanctions targeting its exports": the owner the possessive pronoun
    names is the recipient of an act of force, coercion or sanction done to a thing (``HARMED_TYPES``).
    A person of one's own ("his brother") is a party of their own, not a thing owned."""
    if event_type not in HARMED_TYPES or is_actor_like(obj):
        return []
    return [c for c in obj.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS]


def relative_object(verb: Token) -> Token | None:
    """The object of a relative clause's verb is the noun the clause modifies when the relative
    pronoun fills the object slot ("the village, which US forces bombed") or nothing does and the
    clause has its own subject ("the village US forces bombed"): the gap is the object (grammar of
    English relative clauses)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    obj = object_of(verb)
    if obj is not None:
        return relative_antecedent(obj, ("dobj",))
    words = {c.lower_ for c in verb.children}
    has_gap = clause_subjects(verb) and not (words & RELATIVE_PRONOUNS) and not children(verb, {"prep", "dative"})
    return verb.head if has_gap else None


def noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    named = is_in_proper_name(noun)
    actors = [c for c in noun.children if c.dep_ in {"poss", "compound", "nmod", "amod"} and is_actor_like(c)
              and c.pos_ != "PRON" and c.ent_type_ not in NOT_ACTOR_ENTS and not places.is_place_modifier(c)
              and not (named and c.dep_ != "poss")]
    actors += agent_of(noun) + prep_objects(noun, {"between", "among"}) + relative_clause_doers(noun)
    if not actors and clause_meeting(noun):
        actors = subject_of(noun.head.head)[0]
    recipients = actor_like(prep_objects(noun, RECIPIENT_PREPS))
    return actors, recipients


# A sentence whose longer words are mostly capitalized is a headline or a title: its capitals mark no names.
TITLE_CASE_SHARE = 0.6


def is_in_proper_name(noun: Token) -> bool:
    """"the 1950-53 Korean War", "the Las Vegas Massacre", "the Rail Accident Investigations branch": an
    event noun capitalized inside a sentence is a word of a proper name (English capitalizes common nouns
    only at a sentence's start or in titles), and the name's other words ("Korean", "Las Vegas") name the
    happening or a body, not who did it; a headline's capitals say nothing of the kind."""
    sent = noun.sent
    if noun.i == sent.start or not noun.text[:1].isupper() or noun.text.isupper():
        return False
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].isupper() for t in words) < TITLE_CASE_SHARE * len(words)


def consult_mode(mode: str | None, actors: list[Participant], recipients: list[Participant],
                 location: Location | None, sent: SpacySpan) -> tuple[str | None, list[Participant], list[Participant]]:
    """Meetings are reciprocal (all sides are actors) unless someone visits a host; a meeting in a
    country none of the sides belongs to is 'third-party'."""
    sides = actors + recipients
    countries = {p.country for p in sides if p.country}
    if location and location.country and len(countries) >= 2 and location.country not in countries:
        return "third-party", sides, []
    hosts = [p for p in sides if location and location.country and p.country == location.country]
    guests = [p for p in sides if p.country and p not in hosts]
    if mode is None and hosts and guests:
        return "visit", guests, hosts
    if mode == "visit":
        return mode, actors, recipients
    return mode, sides, []


def domestic_default(sides: list[Participant], sent: SpacySpan, ctx: ArticleContext,
                     location: Location | None) -> None:
    """An uncoded participant ("President X", "Islamic fundamentalists") of an event in a sentence
    that names exactly one state belongs to that state: news names the country once and leaves
    its domestic actors bare. Meetings are left alone (their sides are usually foreign). A named
    person with no title is not so given a state (``belongs_elsewhere``)."""
    named = {m.country for m in ctx.mentions if sent.start_char <= m.span.start < sent.end_char and m.country}
    named |= {location.country} if location is not None and location.country else set()
    states = {c for c in named if c not in NON_STATE_CODES}
    if len(states) != 1 or len(named) != 1:
        return
    state = next(iter(states))
    for side in sides:
        if side.country is None and not names_a_state(side) and \
                not belongs_elsewhere(side, state, sent.doc, ctx, location):
            side.country = state


def belongs_elsewhere(side: Participant, state: str, doc: Doc, ctx: ArticleContext, location: Location | None) -> bool:
    """A named person with no title ("Tamimi", not "President X") is a private person, and the one
    state a sentence names is no sign of whom they belong to when it is another party ("Israel
    sentenced her", "shot by US forces"), or a place the event did not happen in ("amid an uproar in
    Israel"): CAMEO / PLOVER code an actor by the state it belongs to, not by the state that acts on
    it or where it is talked about. Where the event happens to a private person is the weak sign the
    default keeps ("Alleyne died after being shot in Barbados"), unless the article describes the
    person (``has_description``: the description says their nationality where the article knows it,
    "a North Korea expert" no state) or a leader's table knows them."""
    mentions = [m for m in ctx.mentions if side.key and m.key == side.key]
    spans = [s for s in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") for m in mentions) if s]
    if not spans or mentions[0].type != "PERSON" or any(m.title for m in mentions) or \
            any(s[-1].tag_ == "NNPS" for s in spans):
        return False  # a title's bare office ("President X"), or a plural name: a team ("the Cubs"), no person
    if entity_actors.is_leader_name(mentions[0].name) or any(has_description(doc, s.start, s.end) for s in spans):
        return True
    return location is None or location.country != state


def names_a_state(p: Participant) -> bool:
    """"both countries", "other nations", "all states": a plural of a noun for states names several,
    never the one state a sentence names; "a country of samurai warriors", singular, names a state
    too, not one of the state's own actors: a definite one is taken up by salience
    (``descriptions``), an indefinite one introduces a state of its own."""
    last = p.text.split()[-1] if p.text else ""
    return coding.is_state_noun(last.lower())


# ------------------------------------------------------------------------------ where, when

def object_place(trig: Trigger, ctx: ArticleContext) -> Location | None:
    """A place named inside what the event is about ("extended the mandate of the force in
    Lebanon", "opened an embassy in Tehran", "an aid programme for Bosnia"): with no actor as
    recipient, PLOVER codes the recipient by that place."""
    if trig.verbal:
        anchors = [o for o in (object_of(trig.token),) if o is not None]
        anchors += prep_objects(trig.token, OBJECT_PLACE_PREPS)
    else:
        anchors = [trig.token]
    for anchor in anchors:
        for tok in anchor.subtree:
            if tok.dep_ == "pobj" and tok.head.lower_ in OBJECT_PLACE_PREPS and tok.head.i != trig.token.i:
                place = _named_place(tok, ctx)
                located = _location(place, ctx) if place is not None else None
                if located is not None and located.country:
                    return located
    return None


def location_of(trig: Trigger, ctx: ArticleContext) -> Location | None:
    """The place the event happened: "in/at/near X" on the trigger, its predicate, its object or
    the object of its preposition ("fired at targets in Jericho")."""
    anchors = [trig.token, predicate(trig.token)]
    if trig.obj is not None:
        anchors.append(trig.obj)
    anchors += [o for a in anchors[:2] for o in prep_objects(a, TARGET_PREPS)]
    if trig.obj is not None:  # "held a meeting with visiting X at the White House"
        anchors += [g for p in children(trig.obj, {"prep"}) for g in children(p, {"pcomp"})]
    for anchor in anchors:
        for place in prep_objects(anchor, PLACE_PREPS):
            place = _named_place(place, ctx)
            if place is not None:
                return _location(place, ctx)
    return None


def _named_place(token: Token, ctx: ArticleContext) -> Token | None:
    """"Oman's capital, Muscat" -> Muscat; a seat of government ("the White House") is a place
    too; skip non-places."""
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ in places.PLACE_TYPES:
            return child
    mention = ctx.mention_at(token)
    if token.ent_type_ in places.PLACE_TYPES or coding.country_of_name(token.text) \
            or (mention is not None and coding.seat_sector(mention.name)):
        return token
    for child in token.children:
        if child.dep_ in {"poss", "compound"} and child.ent_type_ in places.PLACE_TYPES:
            return token
    if token.lower_ in PLACE_NOUNS:  # "the town of Cizre"
        named = [o for o in prep_objects(token, {"of"}) if o.ent_type_ in places.PLACE_TYPES or geo.locate(o.text)]
        return named[0] if named else None
    return None


def _location(token: Token, ctx: ArticleContext) -> Location:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    mention = ctx.mention_at(token)
    if mention is not None:
        start, end = mention.span.start, mention.span.end
    elif ent is not None and ent.label_ in places.PLACE_TYPES:
        start, end = ent.start_char, ent.end_char
        if token.doc[ent.start].lower_ == "the":
            start = token.doc[ent.start + 1].idx
    else:
        start, end = token.idx, token.idx + len(token)
    span = Span.of(ctx.text, start, end)
    hint = _sentence_country(token, span.text, ctx) or (mention.country if mention and mention.country
                                                         else coding.code_phrase(span.text.split()).country)
    place = geo.locate(span.text, hint)
    if place is not None and place.lat is None and place.country and coding.seat_sector(span.text):
        place = geo.capital_place(place.country)  # the White House, the Kremlin: in the capital
    if place is None:
        return Location(text=span.text, span=span, country=hint)
    return Location(text=span.text, span=span, country=place.country, lat=place.lat, lon=place.lon)


def _sentence_country(token: Token, name: str, ctx: ArticleContext) -> str | None:
    """A city name several states share belongs to the one state the sentence names that has a
    city of that name ("Tripoli ... the north Lebanese port" is in Lebanon)."""
    sent = token.sent
    named = {coding.country_of_name(t.text) for t in sent if t.i != token.i and t.pos_ in {"ADJ", "PROPN"}}
    named |= {m.country for m in ctx.mentions if sent.start_char <= m.span.start < sent.end_char
              and not m.span.start <= token.idx < m.span.end}
    fits = {c for c in named if c and geo.has_city(name, c)}
    return fits.pop() if len(fits) == 1 else None
