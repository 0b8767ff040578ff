"""Which way a bare "Wednesday" or "June" points: the tense of the verb that governs the expression.

With a spaCy parse we read that verb (its tag and auxiliaries), not any future auxiliary elsewhere
in the sentence: in "X said talks will go on, shortly after meeting Y on Wednesday" the weekday
hangs from "meeting". A verb without tense of its own (gerund, participle) takes the tense of the
frame it completes ("plans to meet" -> future) or, as an adjunct, that of the main clause (the
reporting verb). Without a parse, the nearest tense cue in the sentence decides. News defaults to
the past.
"""
from __future__ import annotations

import re

from storyline.annotate.syntax import nearest_ancestor

from .lexicon import WEEKDAYS
from .normalise import Direction

# the verb that tells an expression's tense: its nearest verb or auxiliary head
_VERBAL, _VERB_REACH = ("VERB", "AUX"), 8
FUTURE_AUXILIARIES = {"will", "wo", "'ll", "shall", "would", "'d"}
PLANNING_LEMMAS = {"expect", "plan", "schedule", "intend", "hope", "want", "set", "due", "aim", "prepare",
                   "agree", "promise", "vow", "threaten", "seek", "likely"}
RANKING_WORDS = {"first", "last", "only", "second", "third", "next", "latest"}
# verbs that move a date: their "until"/"to" object is the new, later date
# verbs that put an event off or call it off: the event did not take place on its day
CALLED_OFF_LEMMAS = {"postpone", "delay", "defer", "cancel", "scrap", "suspend", "adjourn", "reschedule", "move"}
DEADLINE_LEMMAS = {"postpone", "extend", "delay", "adjourn", "defer", "push", "put", "give", "grant", "suspend"}
DEADLINE_PREPOSITIONS = {"until", "till", "to", "through"}
# "is set for Friday", "are slated for March": a plan only with a present-tense "be" ("the record set on
# Aug. 6" is a past event)
PLANNED_IN_PRESENT = {"set", "slate"}
# "results are due on Thursday", "the vote is set for Friday"
PLANNED_COMPLEMENTS = {"due", "set", "slated", "scheduled", "poised", "likely", "expected"}
PLANNED_ADJECTIVES = {"planned", "scheduled", "upcoming", "expected", "proposed", "forthcoming"}
# "in Sunday's election", "at Friday's meeting": the event the clause takes place at
OCCASION_PREPOSITIONS = {"in", "at", "during", "for", "before", "until", "till"}
# a part or stage of an event, which "of" joins to it as an occasion ("the start of Saturday's race"); other nouns
# before "of" tell what the event left ("the victims of Tuesday's crash", "the cause of Monday's blast")
EVENT_PART_NOUNS = {"start", "beginning", "opening", "eve", "end", "close", "middle", "run-up", "kickoff", "outset",
                    "day", "morning", "afternoon", "evening", "night", "first", "rest", "remainder"}
# verbs of a timetable, which the present tense tells ahead ("the trial opens Monday", "polls close at 8")
FUTURATE_LEMMAS = {"start", "begin", "open", "close", "end", "resume", "reopen", "expire", "convene", "commence",
                   "conclude", "kick", "play", "face", "host", "await", "head"}
HEADING_LEMMAS = {"head", "go", "enter", "move"}
# verbs of a player's way to a later stage of a contest ("advanced to Sunday's final")
ADVANCING_LEMMAS = {"advance", "qualify", "progress", "sail", "cruise", "storm", "march"}
PERFECT_AUXILIARIES = {"has", "have", "had", "'ve", "'s"}
# "could come on Tuesday": a possibility is about what has not happened yet ("could have" is past)
POSSIBILITY_MODALS = {"may", "might", "could", "can", "ca"}
CONDITIONS = {"if", "unless"}
CONTRASTS = {"but", "yet"}
NEGATIVE_SUBJECTS = {"nobody", "none", "neither", "nothing", "no-one"}
FUTURE_CUES = re.compile(r"\b(?<!had\sbeen\s)(?:will|won't|'ll|shall|going\s+to|plans?\s+to|planned\s+for|scheduled|"
                         r"expected\s+to|is\s+to|are\s+to|set\s+to|due\s+to|(?:is|are)\s+(?:due|set|slated)\b|"
                         r"intends?\s+to|upcoming|"
                         r"as\s+(?:early|soon)\s+as|(?:may|might|can)\s+(?!have\b)\w+|"
                         r"could\s+(?!have\b|not\b)\w+)\b", re.I)
# finite past forms (regular ones, and the irregular ones news uses most that are not also participles:
# "held" would put "will be held in March" in the past), and "after meeting ..." (an event completed
# before the one reported)
PAST_FORMS = (r"was|were|had|did|said|told|\w{3,}ed|rose|fell|grew|began|came|went|took|gave|became|spoke|wrote|"
              r"broke|chose|drove|flew|threw|sank|saw|knew|drew|ran|shook")
PAST_CUES = re.compile(rf"\b(?:{PAST_FORMS}|(?:after|since|following)\s+\w+ing)\b", re.I)
# a tense marked on the verb right before the date it governs: "rose in March", "will open in November"
MARKED_BEFORE = re.compile(rf"\b(?:(?P<past>{PAST_FORMS})|(?P<future>(?:will|shall|'ll)\s+\w+))(?:\s+\w+ly)?"
                           r"\s+(?:in|on|during)\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)
# the text forms of "since" and of DEADLINE_LEMMAS with their preposition, for when there is no parse
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
DEADLINE_BEFORE = re.compile(r"\b(?:postpon|extend|delay|adjourn|defer|suspend|grant)\w*(?:\s+\w+){0,4}?\s+"
                             r"(?:until|till|to|through)\s+$"
                             r"|\b(?:pushed\s+back|put\s+off|given)(?:\s+\w+){0,4}?\s+(?:until|till|through)\s+$", re.I)
# "effective Feb. 1", "payable Dec. 7": the date a decision or payment takes effect, announced ahead of it;
# "notes due Nov. 15", "figures due on Aug. 5": a maturity or deadline, unless told as past ("was due on Friday")
IN_FORCE_BEFORE = re.compile(r"\b(?:effective|payable)\s+(?:on\s+|from\s+|as\s+of\s+)?$"
                             r"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\bdue\s+(?:on\s+|by\s+|in\s+)?$", re.I)
# "a trip scheduled for June 7", "the vote slated for Friday": the day of a plan lies ahead, however the parser reads
# the participle (often as a past of its own); "had been scheduled for" tells a plan overtaken
PLANNED_FOR_BEFORE = re.compile(r"(?<!\bbeen\s)\b(?:scheduled|slated|planned|set)\s+for\s+$", re.I)
# "spoke ahead of the election Thursday", "on the eve of Sunday's vote": the event named waits ahead of the clause's
# time, which news tells on or just before the publication day; so does the start of a stretch named by a participle
# ("a two-day meeting beginning Thursday", "the team event starting on Thursday"), which is still to come or going on;
# a longer event named is dated by "on" ("ahead of a summit meeting between the two leaders on Friday")
AHEAD_OF_BEFORE = re.compile(r"\b(?:ahead\s+of|on\s+the\s+eve\s+of|in\s+the\s+run-?up\s+to)\s+"
                             r"(?:(?:[\w-]+\s+){0,3}|(?:[\w'-]+\s+){0,12}on\s+)$"
                             r"|\b(?:beginning|starting)\s+(?:on\s+)?$", re.I)
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n\s*\n")


def direction_from_doc(doc, text: str, start: int, end: int) -> Direction:
    """The tense of the verb governing the tokens in [start, end) of ``doc``, the parse of ``text``
    (passed along because ``doc.text`` rebuilds the string from every token on each call)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if AHEAD_OF_BEFORE.search(text, max(0, start - 120), start):
        return "future"
    if span.root.dep_ == "poss":
        return _possessive_direction(span.root)
    if PLANNED_FOR_BEFORE.search(text, max(0, start - 40), start):
        return "past" if _is_plan_overtaken(_plan_of(span.root)) else "future"
    if IN_FORCE_BEFORE.search(text, max(0, start - 30), start):
        return "future"
    framed = _preposition_direction(span.root)
    if framed is not None:
        return framed
    verb = nearest_ancestor(span.root, _VERBAL, _VERB_REACH)
    if verb is None:
        return None
    verb = _reporting_verb_before(verb, span)
    if _opens_after(verb, span):
        return None
    if _dates_a_done_participle(span.root, verb):
        return "past"
    if _is_present_progressive(verb):
        return "future"
    return _clause_direction(verb)


def _opens_after(verb, span) -> bool:
    """"glossed over warnings on Thursday that strikes could harm ties": a time before the "that" (or "whether",
    "if") that opens a clause is not part of it, so that clause's tense does not tell it; where the parser hangs it
    there all the same (here on "harm", having misread "glossed"), the tense cues of the text decide."""
    return any(child.dep_ == "mark" and child.i >= span.end for child in verb.children)


def _reporting_verb_before(verb, span):
    """"The Academy said on Wednesday he will be presented": a time between a reporting verb and the subject of what
    is reported dates the report (the parser may hang it on the reported clause's verb)."""
    head = verb.head
    subject_after = any(child.dep_ in ("nsubj", "nsubjpass") and child.i >= span.end for child in verb.children)
    return head if verb.dep_ == "ccomp" and head.i < span.start and subject_after else verb


def _dates_a_done_participle(token, verb) -> bool:
    """"the plan approved on Thursday will cut taxes", "the man arrested Monday will appear in court": a participle
    that modifies a noun tells an event already done, whatever the clause around says of later ones; a plan
    ("the summit scheduled for Friday", "the vote set for May") or a time named with "for" or "until" lies ahead."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_ in PLANNING_LEMMAS | PLANNED_IN_PRESENT \
            or any(child.dep_ in ("aux", "auxpass") for child in verb.children):
        return False
    if token.head.i == verb.i:
        return token.dep_ in ("npadvmod", "tmod")
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == verb.i \
        and token.head.lower_ in ("on", "in", "at")


def marked_direction_from_doc(doc, start: int, end: int) -> Direction:
    """The tense marked on a finite verb that the expression dates as an adverbial ("sales rose in March",
    "the store will open in November", "opened March 3", "since March"), by its own past form or its "will";
    None when the expression hangs from a noun, an infinitive or a participle ("asked it to respond by
    Oct. 31", "payable to stock of record Nov. 22") or a perfect ("has set Nov. 10"), whose time the clause
    around only suggests."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        if token.head.lower_ == "since":
            return "past"
        token = token.head
    if token.dep_ not in ("prep", "npadvmod", "tmod") or token.head.pos_ not in ("VERB", "AUX"):
        return None
    return _marked_tense(token.head)


def _marked_tense(verb) -> Direction:
    """"future" for a verb with "will"/"shall", "past" for a simple past ("rose", "was opened", "did not
    close"); None otherwise (a past perfect may tell a plan overtaken, "had been set for March")."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & (FUTURE_AUXILIARIES - {"would", "'d"}):
        return "future"
    if words & PERFECT_AUXILIARIES or words & POSSIBILITY_MODALS or _is_open_condition(verb):
        return None
    if (verb.tag_ == "VBD" and not auxiliaries) or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    return None


def _is_open_condition(verb) -> bool:
    """"could be cut if Kiev did not agree by January 1": a simple past in a condition of reported speech is the
    speaker's present shifted back, a condition still open ahead, not a past event ("if it had agreed" is past)."""
    return any(child.dep_ == "mark" and child.lower_ in CONDITIONS for child in verb.children) \
        and not _is_past_perfect(verb)


def marked_direction_from_text(text: str, start: int) -> Direction:
    """``marked_direction_from_doc`` without a parse: a past form or "will ..." right before the
    preposition that opens the expression, or "since"."""
    before = text[max(0, start - 60):start]
    if SINCE_BEFORE.search(before):
        return "past"
    match = MARKED_BEFORE.search(before)
    if match is None:
        return None
    return "past" if match.group("past") else "future"


def owns_an_event_told_done(doc, start: int, end: int) -> bool:
    """"Sunday's race was the first", "the team won Sunday's race": a day named as the owner of an event that is the
    subject or object of a verb in the simple past of its own tells that event as over, as a past verb dated by the
    day itself does ("the team lost Sunday"); a plan or a report of one ("Sunday's vote will decide") is not, nor
    an event put off or called off ("Sunday's vote was postponed"): it did not take place, so its day is still a plan's."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span.root.dep_ != "poss":
        return False
    owned = _owned_event(span.root)
    return owned.dep_ in ("nsubj", "nsubjpass", "dobj") and owned.head.pos_ in ("VERB", "AUX") \
        and _marked_tense(owned.head) == "past" and owned.head.lemma_ not in CALLED_OFF_LEMMAS


def _owned_event(token):
    """The noun a possessive day owns, through compounds ("Wednesday's group G match": the match)."""
    owned = token.head
    while owned.dep_ == "compound" and owned.head is not owned:
        owned = owned.head
    return owned


def _possessive_direction(token) -> Direction:
    """"Wednesday's ruling": a day named as the owner of an event mostly reports it (past), even in
    a clause that looks ahead ("will try to overturn Tuesday's verdict"); only when the clause's
    own event takes place at that event ("will vote in Sunday's election", "prepares to vote in
    Sunday's ...") or when the event is still a plan ("Tuesday's planned launch") does the day lie ahead."""
    owned = _owned_event(token)
    if any(child.lower_ in PLANNED_ADJECTIVES for child in owned.children):
        return "future"  # "Tuesday's planned launch"
    if _is_stage_reached(owned):
        return "future"
    preposition = owned.head
    if owned.dep_ in ("nsubj", "nsubjpass") and preposition.pos_ in ("VERB", "AUX"):
        # "Saturday's rally is expected to draw thousands", "Sunday's vote will decide": the event is
        # the subject of a clause that looks ahead
        return "future" if _own_tense(preposition) == "future" else "past"
    if owned.dep_ != "pobj" or not _opens_an_occasion(preposition):
        return "past"
    verb = nearest_ancestor(preposition, _VERBAL, _VERB_REACH)
    if verb is None or any(child.lower_ in POSSIBILITY_MODALS for child in verb.children):
        return "past"  # "may miss games after an injury during Thursday's loss": a possibility is no plan
    ahead = _own_tense(verb) == "future" or (_is_infinitive(verb) and _clause_direction(verb) == "future")
    return "future" if ahead else "past"  # a participle's borrowed tense is not its own


def _is_stage_reached(owned) -> bool:
    """"made it through to Sunday's final", "advanced to Friday's semi-final", "reached Sunday's final": a player
    reaches a stage of a contest before it is played, and the news of the reaching comes before the stage."""
    head = owned.head
    if owned.dep_ == "dobj":
        return head.lemma_ == "reach"
    if owned.dep_ != "pobj" or head.lower_ not in ("to", "into", "for"):
        return False
    return head.head.lower_ == "through" or head.head.lemma_ in ADVANCING_LEMMAS


def _opens_an_occasion(preposition) -> bool:
    """"in Sunday's election", "at Friday's meeting"; "into" only after a verb of heading for an event ("as they
    head into Wednesday's match"), not "open an inquiry into Monday's attack"; "of" only after a part of the event
    ("the start of Saturday's race"), not "the victims of Tuesday's crash"."""
    word = preposition.lower_
    return word in OCCASION_PREPOSITIONS or (word == "into" and preposition.head.lemma_ in HEADING_LEMMAS) \
        or (word == "of" and preposition.head.lemma_.lower() in EVENT_PART_NOUNS)


def _preposition_direction(token) -> Direction:
    """The direction a preposition fixes whatever the tense of its clause: "since March" lies
    before the moment of speech, and the new deadline of a postponement or extension ("postponed
    until Tuesday", "extended the offer to Nov. 16") lies after the act that sets it, which news
    reports just after it happened."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition == token or preposition.dep_ != "prep":
        return None
    word = preposition.lower_
    if word == "since":
        return "past"
    if word == "for" and preposition.head.pos_ == "NOUN" and token.lower_ in WEEKDAYS:
        return "future"  # "a strike for Monday was called": the day an event is called or set for lies ahead
    if word in DEADLINE_PREPOSITIONS and preposition.head.lemma_ in DEADLINE_LEMMAS:
        return "future"
    if word in ("until", "till"):  # "voters have until Thursday", "the curfew runs until Sunday": a limit still ahead
        verb = nearest_ancestor(preposition, _VERBAL, _VERB_REACH)
        return "future" if verb is not None and _own_tense(verb) in ("present", "future") else None
    return None


def _clause_direction(verb, depth: int = 0) -> Direction:
    """The verb's own tense; a tenseless verb borrows it from the frame it completes or the main clause."""
    own = _own_tense(verb)
    if own is not None or depth > 4:
        return own
    head = verb.head
    if _is_infinitive(verb):
        if _is_past_perfect(head.head if head.dep_ == "acomp" else head):  # "had been due to"
            return "past"
        if head.lemma_ in PLANNING_LEMMAS or (head.lemma_ == "go" and head.tag_ == "VBG"):
            return "past" if _is_plan_overtaken(head) else "future"
        if _is_prospective_frame(verb, head):
            return "future"
        if head != verb and head.pos_ in ("VERB", "AUX"):
            return _clause_direction(head, depth + 1)
        return None
    circumstance = _absolute_clause_head(verb)
    if circumstance is not None:
        return _clause_direction(circumstance, depth + 1)
    root = verb.sent.root
    if root == verb or root.pos_ not in ("VERB", "AUX"):
        return None
    return _own_tense(root)


def _absolute_clause_head(verb):
    """"flights would leave on Monday, with the third departing from August 6": a "with" + participle clause (an
    absolute construction) tells a circumstance of the clause it hangs from, at that clause's time; so its tense
    is that clause's, not the reporting verb's ("after meeting ... on Wednesday" stays an adjunct of the report)."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ != "with" or preposition.dep_ != "prep":
        return None
    clause = preposition.head
    return clause if clause.pos_ in ("VERB", "AUX") and clause != verb else None


def _own_tense(verb) -> Direction:
    """Tense marked on the verb itself or its auxiliaries; None for infinitives and participles."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_AUXILIARIES or verb.lower_ in FUTURE_AUXILIARIES:
        return "future"
    if words & POSSIBILITY_MODALS and not words & PERFECT_AUXILIARIES:
        return "past" if _is_past_inability(verb, words) else "future"
    if _is_past_perfect(verb):
        return "past"
    if (_is_planned(verb) and not _is_plan_overtaken(verb)) or _is_open_condition(verb):
        return "future"
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and (words & PERFECT_AUXILIARIES or _has_active_subject(verb, auxiliaries)):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and (verb.lemma_ in FUTURATE_LEMMAS or _takes_effect(verb)) and not auxiliaries:
        return "future"  # "the tournament starts on Sunday", "the law takes effect on Jan. 1": a timetable
    if verb.tag_ in ("VBZ", "VBP") or any(child.tag_ in ("VBZ", "VBP") for child in auxiliaries):
        return "present"
    return None


def _is_present_progressive(verb) -> bool:
    """"the ministers are meeting in Brussels on Thursday": a present progressive that the date itself hangs from,
    dated to another day than today, tells an arrangement ahead (news tells past events in the past tense, and its
    historical present, in summaries and captions, is the simple one; the publication day stays that day whatever
    the direction). Only the date's own verb: "we're hoping for a transition following the death Thursday" is a
    present state that the death's day does not share."""
    return verb.tag_ == "VBG" and any(child.dep_ == "aux" and child.lemma_ == "be" and child.tag_ in ("VBZ", "VBP")
                                      for child in verb.children)


def _has_active_subject(verb, auxiliaries: list) -> bool:
    """"the shares he received on Thursday": a participle cannot take an active subject without an auxiliary, so
    a "VBN" that has one is a simple past the tagger read as a participle (the two forms of "received" are alike)."""
    return not auxiliaries and any(child.dep_ == "nsubj" for child in verb.children)


def _takes_effect(verb) -> bool:
    """"takes effect", "comes into force", "goes into effect": the present of a rule's start, told ahead."""
    if verb.lemma_ == "take":
        return any(child.dep_ == "dobj" and child.lower_ == "effect" for child in verb.children)
    return verb.lemma_ in ("come", "go") and any(
        child.lower_ == "into" and any(grand.lower_ in ("effect", "force") for grand in child.children)
        for child in verb.children)


def _is_past_inability(verb, auxiliaries: set[str]) -> bool:
    """"could not be reached on Sunday", "neither he nor his wife could be located Wednesday", "no one
    could be found": a denied "could" tells what failed, in the past."""
    return "could" in auxiliaries and any(child.dep_ == "neg" or (child.dep_ in ("nsubj", "nsubjpass")
                                                                  and _is_negative(child)) for child in verb.children)


def _is_negative(subject) -> bool:
    """"nobody", "none of them", "neither he nor ...", "no official"."""
    return subject.lower_ in NEGATIVE_SUBJECTS or any(child.lower_ in ("neither", "no") for child in subject.children)


def _is_past_perfect(verb) -> bool:
    """"had been scheduled to expire Friday": a plan told in the past perfect was overtaken by
    later events, so its time lies before the report, not ahead of it."""
    return any(child.lower_ == "had" and child.dep_ in ("aux", "auxpass") for child in verb.children)


def _is_infinitive(verb) -> bool:
    return verb.dep_ == "xcomp" or any(child.tag_ == "TO" for child in verb.children)


def _is_prospective_frame(verb, head) -> bool:
    """"is to resume trading Tuesday", "an agreement to buy the bank in January": a to-infinitive
    after "be" or completing a noun names an event not yet realised at the time of the frame."""
    if not any(child.tag_ == "TO" for child in verb.children):
        return False
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        # "a motion to be debated Thursday" (which the parser may call a relative clause) is a plan; "the first
        # country to join on Friday" is a relative clause, not a plan
        return not any(child.lower_ in RANKING_WORDS or child.tag_ == "JJS" for child in head.children)
    return verb.dep_ == "xcomp" and head.lemma_ == "be"


def _plan_of(token):
    """The plan word a date is the "for" object of ("scheduled for Friday": "scheduled"), else the date itself."""
    return token.head.head if token.dep_ == "pobj" and token.head.lower_ == "for" else token


def _is_plan_overtaken(plan) -> bool:
    """"The ferry was scheduled to leave on Sunday but left two hours late": a plan told in the simple past, set
    against ("but") what happened, told as done in a simple past of its own, lies before the report: the contrast
    says the plan's time has come, and TimeML values a day by the time its clause refers to. An outcome that calls
    the plan off or puts it off ("was set for Friday but was postponed") leaves its day open, as do another plan
    ("planned a march on Saturday and were planning ..."), a plan in the present ("is scheduled ... but may leave
    late") and the past of reported speech without a told outcome ("were scheduled to resume Thursday, officials
    said", the present shifted back)."""
    told_in_past = plan.tag_ == "VBD" or any(child.dep_ in ("aux", "auxpass") and child.tag_ == "VBD"
                                             for child in plan.children)
    contrasted = any(child.dep_ == "cc" and child.lower_ in CONTRASTS for child in plan.children)
    return told_in_past and contrasted and any(_is_told_outcome(child) for child in plan.children)


def _is_told_outcome(verb) -> bool:
    """A coordinated verb that tells, in a simple past of its own, what happened ("but left late"); not a report or
    a decision about the plan ("but said he would stay", "but decided to wait"), whose clause may still look ahead."""
    return verb.dep_ == "conj" and verb.pos_ in _VERBAL and verb.tag_ != "VBG" and _marked_tense(verb) == "past" \
        and verb.lemma_ not in CALLED_OFF_LEMMAS | PLANNING_LEMMAS \
        and not any(child.dep_ in ("ccomp", "xcomp") for child in verb.children)


def _is_planned(verb) -> bool:
    """"is to meet", "is expected to", "is scheduled for", "are due on", "is set for": present-tense
    frames that point ahead (the plan word may be the verb or the complement of "be")."""
    if verb.lemma_ in {"expect", "schedule", "plan", "due"} and verb.tag_ in ("VBN", "VBZ", "VBP"):
        return True
    if verb.lemma_ == "plan" and verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "ccomp", "conj") \
            and any(child.dep_ == "dobj" for child in verb.children) \
            and not any(child.dep_ in ("auxpass", "nsubjpass", "xcomp") for child in verb.children):
        # "protesters planned a rally on Saturday": the plan is told, the event it names lies ahead (with
        # "planned to pay ... on Friday" the day may be the planning's)
        return True
    if verb.lemma_ in PLANNED_IN_PRESENT and verb.tag_ == "VBN":
        return any(child.dep_ == "auxpass" and child.tag_ in ("VBZ", "VBP") for child in verb.children)
    return verb.tag_ in ("VBZ", "VBP") and any(child.dep_ == "acomp" and child.lower_ in PLANNED_COMPLEMENTS
                                               for child in verb.children)


def direction_from_text(text: str, start: int, end: int) -> Direction:
    """Fallback without a parse: the tense cue nearest the expression in its sentence, looking left
    first (a verb usually precedes its time adjunct), then right."""
    left, right = sentence_bounds(text, start, end)
    framed = _preposition_direction_in_text(text[left:start])
    if framed is not None:
        return framed
    before = _cues(text, left, start)
    if before:
        return before[max(before)]
    after = _cues(text, end, right)
    return after[min(after)] if after else None


def _preposition_direction_in_text(before: str) -> Direction:
    """``_preposition_direction`` read from the words in front of the expression."""
    if SINCE_BEFORE.search(before):
        return "past"
    if IN_FORCE_BEFORE.search(before) or AHEAD_OF_BEFORE.search(before) or PLANNED_FOR_BEFORE.search(before):
        return "future"
    if DEADLINE_BEFORE.search(before):
        return "future"
    return None


def _cues(text: str, start: int, end: int) -> dict[int, Direction]:
    """Position -> direction of every tense cue in text[start:end]; a future cue wins its position
    ("scheduled" is both a past form and a plan)."""
    found: dict[int, Direction] = {m.start(): "past" for m in PAST_CUES.finditer(text, start, end)}
    found.update({m.start(): "future" for m in FUTURE_CUES.finditer(text, start, end)})
    return found


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence around text[start:end] (a regex split, for when there is no parse)."""
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = SENTENCE_END.search(text, max(start, end - 1))  # "... at 10 p.m. The ..." ends at the span
    right = right_match.start() + 1 if right_match else len(text)
    return left, right


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the clause around text[start:end]: the stretch of its sentence between the clause turns
    ("but", "while", ";", ",") on either side, for what a word such as "usually" says of its own clause only."""
    left, right = sentence_bounds(text, start, end)
    turns = [m.start() for m in CLAUSE_TURN.finditer(text, left, right)]
    return max([left] + [t for t in turns if t <= start]), min([right] + [t for t in turns if t >= end])


# where a sentence may turn to another clause, which a habit named in the first does not cover ("The firm, which
# usually reports in July, will report on Aug. 5"); a comma is counted too, as the cautious side
CLAUSE_TURN = re.compile(r"[;,]|\b(?:but|while|whereas|although|though|yet)\b", re.I)
