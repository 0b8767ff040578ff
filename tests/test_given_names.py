"""Given names' sex, read from the 1990 US Census lists the ``names`` package ships."""
from __future__ import annotations

from importlib import metadata

import pytest

from storyline.annotate import given_names
from storyline.annotate.given_names import _parsed, _telling_sex, given_name_sex


@pytest.mark.parametrize("name, sex", [("Ada", "she"), ("james", "he"), ("Lena", "she"), ("Quentin", "he"),
                                       ("Mary", "she")])
def test_a_name_far_likelier_one_sex_tells_it(name, sex):
    """"Mary" is in both lists, but borne by a woman about 300 times as often as by a man."""
    assert given_name_sex(name) == sex


@pytest.mark.parametrize("name", ["Kim", "Jean", "Robin", "Zorblat"])
def test_a_name_of_both_sexes_or_none_known_tells_none(name):
    """"Robin" is about six times as common among women, too close to rule a man out."""
    assert given_name_sex(name) is None


def test_the_odds_must_reach_the_ratio_either_way():
    assert _telling_sex(0.5, 0.01) == "he"
    assert _telling_sex(0.004, 0.2) == "she"
    assert _telling_sex(0.2, 0.03) is None


def test_a_name_missing_from_a_list_counts_as_that_lists_rarest():
    """A rare name on one list only is no sign of sex: the other list stops above its share."""
    floor = given_names._shares(given_names.DATA_FILES["he"])
    rarest_man = min(floor.values())
    assert _telling_sex(rarest_man, 3 * rarest_man) is None


def test_the_list_lines_are_read_as_name_and_percent():
    assert _parsed("IVO            0.010 50.000    400") == ("ivo", 0.010)
    assert _parsed("") is None
    assert _parsed("IVO  ten  50.000  400") is None


def test_without_the_package_no_name_tells_a_sex(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)
    monkeypatch.setattr(given_names.metadata, "distribution", missing)
    given_names._sexes.cache_clear()
    try:
        assert given_name_sex("Mary") is None
    finally:
        given_names._sexes.cache_clear()
