"""The sex a given name tells, from the name list of the PyPI package ``gender-guesser``.

Pronoun agreement in gender ("he" never stands for "Uma Thurman") needs the sex of a given name
when the article gives no honorific or sexed title. ``gender-guesser`` ships Jörg Michael's list
of about 45,000 given names with their sex in each of 50 countries (``data/nam_dict.txt``,
released under the GNU Free Documentation License). Only that data file is read, at the first
call, from the installed package (nothing is downloaded, the package's own code is not imported);
without the package every name is of no known sex, as before.

A name tells a sex only when every line the list has for it gives that sex outright ("M" or "F"):
names the list marks as mostly one sex, as unisex ("?") or with lines of both sexes ("Andrea",
"Jean", "Kim") tell none, as a wrong sex costs a pronoun its right antecedent.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import metadata

SEX_OF_CODE = {"M": "he", "F": "she"}
DATA_FILE = "gender_guesser/data/nam_dict.txt"
NAME_COLUMNS_END = 30


def given_name_sex(word: str) -> str | None:
    """"he" or "she" for a given name every country of the list gives that sex, else None."""
    return _sexes().get(word.casefold())


@lru_cache(maxsize=1)
def _sexes() -> dict[str, str]:
    lines = _data_lines()
    codes: dict[str, set[str]] = {}
    for line in lines:
        parsed = _parsed(line)
        if parsed is not None:
            code, name = parsed
            for variant in _spellings(name):
                codes.setdefault(variant.casefold(), set()).add(code)
    return {name: SEX_OF_CODE[next(iter(found))] for name, found in codes.items()
            if len(found) == 1 and next(iter(found)) in SEX_OF_CODE}


def _data_lines() -> list[str]:
    """The list's lines, or none when the package is not installed."""
    try:
        path = metadata.distribution("gender-guesser").locate_file(DATA_FILE)
        return path.read_text(encoding="utf-8").splitlines()
    except (metadata.PackageNotFoundError, OSError):
        return []


def _parsed(line: str) -> tuple[str, str] | None:
    """(sex code, name) of a name line: the code in the first columns, the name after it (both
    before column 30, where the counts per country begin); comment ("#") and equivalence ("=")
    lines give none."""
    parts = line[:NAME_COLUMNS_END].split()
    if len(parts) < 2 or line[:1] in ("#", "="):
        return None
    return parts[0], parts[1]


def _spellings(name: str) -> list[str]:
    """A "+" in the list joins parts written together, apart or hyphenated ("Ann+Marie")."""
    if "+" not in name:
        return [name]
    return [name.replace("+", joint) for joint in ("", " ", "-")]
