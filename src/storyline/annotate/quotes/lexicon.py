"""Word lists for attribution: reporting verbs (speech), verbs of thought/perception that also
introduce attributed content, and medium nouns. Lemmas, lower case."""
from __future__ import annotations

from storyline.annotate import actors

SPEECH_VERBS = frozenset("""
say tell add write tweet post ask answer reply respond announce declare state note explain argue
claim insist maintain contend assert warn stress emphasize emphasise suggest acknowledge admit
concede confirm deny report predict promise pledge vow threaten urge recall remark comment observe
complain conclude testify inform reveal disclose mention joke quip boast lament retort reiterate
repeat allege charge estimate caution advise recommend propose demand agree disagree brag shout
declare proclaim counter point describe call accuse criticize criticise tout praise blast question
speculate concur announce reassure assure instruct signal hint insist whisper yell explain
""".split())

THOUGHT_VERBS = frozenset("""
think believe know hope fear expect feel worry doubt guess suspect wonder want learn find show
indicate seem appear understand consider assume imagine recognize recognise realize realise
estimate decide agree wish
""".split())

# stance verbs whose content is an object or infinitive ("criticized the plan", "wants to go")
OBJECT_VERBS = frozenset("""
call cite support criticize criticise attack praise blast condemn endorse defend propose urge want plan
seek refuse decline hope expect promise pledge vow agree demand deny reject oppose welcome dismiss
""".split())

# nouns that report what someone said, thinks or found ("his claim that ...", "criticism of ...")
CUE_NOUNS = frozenset("""
statement claim assertion allegation accusation criticism suggestion remark comment announcement argument
view belief concern fear hope warning promise pledge vow threat demand call request plea denial admission
acknowledgment acknowledgement insistence prediction assessment opinion position stance testimony account
proposal recommendation complaint charge explanation response reply answer message notion assumption
conclusion finding poll survey study evidence impression expectation worry doubt suspicion skepticism
scepticism support opposition endorsement condemnation objection appeal assurance confirmation revelation
disclosure criticisms concerns fears hopes doubts questions question remarks comments
""".split())

# verbs of refusing: what they govern ("declined to comment", "refused to say whether ...") was not said
REFUSAL_VERBS = frozenset("decline refuse".split())

# verbs of attempt and volition whose infinitive names the source's own aim ("sought to block the shipments",
# "hoped to launch in May", "plans to nominate a slate", "decided to retire"): the infinitive's understood
# subject is the source (subject control), so it reports what the source tries, wants or means to do, an act or
# an intention, not a proposition stated (PARC and PolNeAR attribute propositions). Commissive verbs of speech
# ("promised to", "pledged to", "vowed to", "threatened to", "agreed to") report a speech act and stay, and so does
# a forecast ("expects to take a charge"); with a that-clause "hope" states a belief ("hopes that ...") and stays.
AIM_VERBS = frozenset("seek try attempt aim strive endeavor endeavour want wish hope plan intend decide".split())

# verbs of publishing, whose object may be a thing ("posted three photos", "shared a video") as well as
# words ("posted that she was leaving"): only a clause or a quotation is a statement
PUBLISH_VERBS = frozenset("post share tweet retweet publish upload".split())

# nouns of things that cannot say anything, as the head of an attribution's source: a quote is what someone
# said (interchange spec), so "Videos showed ...", "according to plan", "official data suggest ...", "the test
# follows a statement" report no one's words. Recordings and images show, data and polls measure, plans and
# schedules arrange, tests and actions happen; machines, vehicles and weapons move or fly, a clock shows the time,
# details and facts are what someone states, weather happens, and strikes and firings happen ("the rocket will blast off", "a clock said it was two in the morning"). Documents and
# messages (report, statement, letter, memo, study, article, website, alert) are sources: someone wrote them.
# Ambiguous heads ("figure", "number": "a public figure", "Number 10"; "plane", "craft" in titles) are left out.
RECORDING_NOUNS = frozenset("""
video photo photograph footage image picture clip recording screenshot map chart graph
""".split())
NON_SPEAKER_NOUNS = RECORDING_NOUNS | frozenset("""
data datum statistic poll tracker detail fact
weather
plan schedule timetable itinerary
test launch experiment removal action
rocket missile satellite spacecraft vehicle booster engine clock
strike firing
""".split())

# verbs of deciding on a thing offered or submitted ("rejected the offer", "accepted the nomination", "approved
# the merger"): with a noun-phrase object the decision is an act, not a statement, unless the object is itself
# something said or held true (``PROPOSITION_NOUNS``: "rejected the notion", "rejected the claim"). On PolNeAR
# train (300 articles) 35 of 42 such verbs with another noun-phrase object are no annotated cue, 5 of 9 with one are.
DECISION_VERBS = frozenset("reject accept approve spurn rebuff".split())

# nouns of propositions: what is said or held true, so a verb of deciding on one asserts something about it
PROPOSITION_NOUNS = CUE_NOUNS | frozenset("notion idea premise theory objection characterization characterisation".split())

# verbs whose "if" clause is an indirect question ("asked if the talks would resume"), not a condition
QUESTION_VERBS = frozenset("ask wonder question inquire enquire know check see doubt unclear clear".split())

CUE_VERBS = SPEECH_VERBS | THOUGHT_VERBS | OBJECT_VERBS

# cues whose content may be a direct object clause only in quotes (he said: "..."), not a noun
NEEDS_CLAUSE = THOUGHT_VERBS | frozenset("describe call accuse criticize criticise tout praise blast question".split())

MEDIUM_NOUNS = frozenset("""
post tweet statement interview message video op-ed article column letter podcast broadcast
appearance show briefing speech remarks address posting thread email
""".split())

# a channel one publishes through oneself, named by its kind when it has no name ("in his blog post": a
# blog, as "in a tweet" is Twitter)
CHANNEL_NOUNS = frozenset("blog podcast newsletter vlog".split())
# a network's part that is one's own ("on his Twitter account", "its Facebook page"): the network is the medium
ACCOUNT_NOUNS = frozenset("account page feed channel profile handle".split())

# verbs of putting something where others read it: the parser hangs the place on the thing
# ("posted photos on Instagram"), which is where it was said
PUBLISHING_VERBS = frozenset("post share publish upload".split())

# words of news outlets' names, and of social networks' (media, but also companies)
NEWS_HEADS = frozenset("""
network news tv television radio channel times post journal tribune herald telegraph guardian
cnn msnbc fox bbc npr cbs abc nbc pbs reuters bloomberg politico axios
""".split())
NETWORK_NAMES = actors.NETWORK_NAMES  # social networks' names, shared with entities
MEDIUM_HEADS = NEWS_HEADS | NETWORK_NAMES

# Nouns for a publication or broadcaster ("Time magazine", "Australian radio"): an addressee of
# "told" headed by one, with a name or demonym before it, is the medium, as a named outlet is.
PUBLICATION_NOUNS = frozenset("""magazine newspaper paper tabloid radio television tv channel station website
network broadcaster""".split())
# Nouns for a journalist: "told a reporter from X" was said to X, the outlet the journalist works for.
JOURNALIST_NOUNS = frozenset("reporter reporters journalist journalists correspondent interviewer".split())

PRONOUNS = frozenset("he she they i we it you him her them".split())

# verbs, and the nouns of the same word, that name the medium they report through ("tweeted" and
# "in a tweet" were said on Twitter)
MEDIUM_OF_VERB = {"tweet": "Twitter", "retweet": "Twitter"}
