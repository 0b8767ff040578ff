"""The article's topic as evidence that its conflict and cooperation words are political events.

PLOVER codes political events. In a sport, show business, commerce or technology article its verbs
mostly carry their other senses ("the Cubs beat the Indians", "Broadcom raised its offer", "she shot
to fame") or tell private dealings (a company apologizing to its customers). A small linear topic
model (TF-IDF of the article's words + logistic regression, trained by benchmarks/train_topic.py on
the BBC news corpus's five topics and on CAMEO-coded political sentences as a sixth, "world") says
how likely the article is political or world news. Where it is unlikely, an event needs stronger
evidence than a coded name somewhere in its sentence: a participant of its own that is a state or
acts for one (government, military, police, courts, parties, rebels, armed men, international
bodies), or bodily harm done to people, which is told in its literal sense whatever the topic.
"""
from __future__ import annotations

import functools
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from storyline.annotate import actors
from storyline.model import Event, Participant

TOPIC_PATH = Path(__file__).resolve().parents[2] / "data" / "plover" / "topic.joblib"
# The BBC corpus's "politics" is national politics; the sixth class, "world", is the CAMEO sentences'
# international and domestic conflict and cooperation.
POLITICAL_TOPICS = ("politics", "world")
# Below this probability of politics or world news the article is taken as another topic: odds of
# three to one against (chosen on the fit half of news_cluster: 0.25 and 0.3 drop the same labelled
# events, 0.2 one non-event fewer, 0.5 drops world news the model confuses with show business, a
# concert's shooting).
POLITICAL_SHARE_MIN = 0.25
# Sectors that act for a state or fight one (PLOVER's political actors), and codes of
# international bodies, which take part in politics by what they are.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "SPY", "REB", "INS", "UAF"})
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO"})
# Civil society's organisations (PLOVER SOC: advocacy and civil-rights bodies, CAMEO's NGO role) and
# international non-governmental ones (PLOVER's NGO) act on public policy: their events are politics
# wherever told (a civil-rights body's travel advisory in a business story).
ADVOCACY_SECTORS = frozenset({"SOC"})
# Verbs and nouns of killing and wounding: with a person or people as their target they are told in
# their literal sense in any article (a shooting at a concert); the sport and film senses of
# "beat", "hit", "attack" or "shooting a film" take no person as the harmed one.
HARM_LEMMAS = frozenset({"kill", "killing", "murder", "wound", "shoot", "shooting", "stab", "stabbing", "massacre",
                         "slay", "assassinate", "assassination"})


def build_model(C: float = 10.0):
    """Word TF-IDF (English stop words out, words in at least 3 documents) + logistic regression;
    deterministic (lbfgs from zero weights)."""
    return make_pipeline(TfidfVectorizer(sublinear_tf=True, min_df=3, stop_words="english"),
                         LogisticRegression(C=C, max_iter=3000))


@functools.lru_cache(maxsize=1)
def load_model():
    """The trained topic model, or None when the artifact is missing or unreadable."""
    import joblib
    try:
        return joblib.load(TOPIC_PATH)
    except Exception:  # noqa: BLE001 - a missing/incompatible artifact turns the topic check off only
        return None


def political_share(text: str) -> float | None:
    """Probability that ``text`` is politics or world news; None without the model."""
    model = load_model()
    if model is None or not text.strip():
        return None
    probs = dict(zip(model.classes_, model.predict_proba([text])[0]))
    return float(sum(probs.get(t, 0.0) for t in POLITICAL_TOPICS))


def is_off_politics(text: str) -> bool:
    """The article is of another topic than politics or world news (sport, show business, ...)."""
    share = political_share(text)
    return share is not None and share < POLITICAL_SHARE_MIN


def is_political_party(p: Participant) -> bool:
    """A participant that is a state ("Japan"), acts for one or fights one (its sector), an
    international body or an advocacy body. A state the sentence does not name (no span: it stands
    for a place the sentence names, "beat San Francisco") is no sign of politics; the place was not."""
    return p.sector in STATE_SECTORS | ADVOCACY_SECTORS or p.country in INTERNATIONAL_CODES or \
        (p.span is not None and actors.country_of_state_name(p.text) is not None)


def harms_people(event: Event, lemma: str) -> bool:
    """An assault by killing or wounding whose target is a person or people ("59 people were
    killed", "Alleyne died after being shot")."""
    if event.type != "ASSAULT" or lemma not in HARM_LEMMAS:
        return False
    return any(p.sector == "CVL" or (p.key or "").startswith("PERSON:") for p in event.recipients)


def holds_off_politics(event: Event, lemma: str) -> bool:
    """Whether an event of an article of another topic is still a political event: one of its own
    participants is a political party, or it harms people."""
    return any(map(is_political_party, event.actors + event.recipients)) or harms_people(event, lemma)
