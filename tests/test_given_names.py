"""Given names' sex, read from the name list the ``gender-guesser`` package ships."""
from __future__ import annotations

import pytest

from storyline.annotate.given_names import _parsed, _spellings, given_name_sex


@pytest.mark.parametrize("name, sex", [("Ada", "she"), ("ivo", "he"), ("Lena", "she"), ("Piotr", "he")])
def test_a_name_of_one_sex_in_every_country_tells_it(name, sex):
    assert given_name_sex(name) == sex


@pytest.mark.parametrize("name", ["Andrea", "Jean", "Kim", "Zorblat"])
def test_a_name_of_both_sexes_or_none_known_tells_none(name):
    """"Andrea" is a man's name in Italy and a woman's elsewhere; a name not listed tells nothing."""
    assert given_name_sex(name) is None


def test_the_list_lines_are_read_by_code_and_name():
    assert _parsed("M  Ivo                        7 ") == ("M", "Ivo")
    assert _parsed("=  Kim Kimberley              111 ") is None
    assert _parsed("# a comment line") is None
    assert _spellings("Ann+Marie") == ["AnnMarie", "Ann Marie", "Ann-Marie"]
