"""Numbers in words, in English and Indonesian, read as figures (``rknk.numbers``).

Each case is a query as someone might type it and the words search then looks
for: the same figure the data holds, however the number was written.
"""

from __future__ import annotations

import pytest

from rknk.normalize import fold
from rknk.numbers import read_days, scale_numbers
from rknk.words import MONTHS


def read(typed: str) -> list[str]:
    return scale_numbers(fold(typed).split())


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        # English, to any size
        ("ten thousand troops", ["10000", "troops"]),
        ("a hundred thousand troops", ["a", "100000", "troops"]),
        ("twenty-four years", ["24", "years"]),
        ("one hundred and fifty", ["150"]),
        ("two million three hundred thousand", ["2300000"]),
        ("three billion", ["3000000000"]),
        ("two dozen years", ["24", "years"]),
        ("a dozen launchers", ["a", "12", "launchers"]),
        # Indonesian: se- for one, belas adds ten, puluh and ratus multiply
        ("seratus ribu tentara", ["100000", "tentara"]),
        ("sepuluh ribu", ["10000"]),
        ("dua puluh empat tahun", ["24", "tahun"]),
        ("dua belas", ["12"]),
        ("tiga ratus ribu", ["300000"]),
        ("dua ratus empat puluh milimeter", ["240", "mm"]),  # puluh multiplies what follows the hundreds
        ("seratus dua puluh lima ribu", ["125000"]),
        ("seribu rudal", ["1000", "rudal"]),
        ("sejuta peluru", ["1000000", "peluru"]),
        ("sebelas putaran", ["11", "putaran"]),
        # figures with a scale, short or long, and decimals with a comma or a point
        ("10k troops", ["10000", "troops"]),
        ("10 ribu", ["10000"]),
        ("1,5 juta", ["1500000"]),
        ("1.5 million", ["1500000"]),
        ("2,25 jt", ["2250000"]),
        ("2 dozen", ["24"]),
        # "or more" belongs to the number
        ("thirty-plus ballistic missiles", ["30", "ballistic", "missiles"]),
        ("a million-plus shells", ["a", "1000000", "shells"]),
        ("ten-thousand-plus troops", ["10000", "troops"]),
        # a span of years after a number is read as years, in the same language
        ("lebih dari satu dekade", ["lebih", "dari", "10", "tahun"]),
        ("over a decade", ["over", "a", "10", "years"]),
        ("two decades", ["20", "years"]),
        ("for decades", ["for", "decades"]),
        # and so is a fraction of one
        ("half a century", ["50", "years"]),
        ("a quarter of a century", ["a", "25", "years"]),
        ("seperempat abad", ["25", "tahun"]),
        # a year said in pairs, as English speaks it
        ("twenty seventeen", ["2017"]),
        ("nineteen forty-eight", ["1948"]),
        ("twenty twenty-four", ["2024"]),
        ("two thousand and six", ["2006"]),
        ("dua ribu tujuh belas", ["2017"]),
        ("twenty-one", ["21"]),
        ("one hundred twenty", ["120"]),
        # a decade, in words (of the last century) or as a figure with its ending
        ("the early nineties", ["the", "early", "1990"]),
        ("early 1990s", ["early", "1990"]),
        ("awal 1990-an", ["awal", "1990"]),
        ("the 90s", ["the", "1990"]),
    ],
)
def test_numbers_written_in_words_become_figures(typed: str, words: list[str]) -> None:
    assert read(typed) == words


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("240-millimetre rocket launchers", ["240", "mm", "rocket", "launchers"]),
        ("240 milimeter", ["240", "mm"]),
        ("240mm", ["240", "mm"]),
        ("170 millimeters", ["170", "mm"]),
        ("600 kilometres", ["600", "km"]),
    ],
)
def test_units_are_spelt_the_way_the_data_writes_them(typed: str, words: list[str]) -> None:
    assert read(typed) == words


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("k pop", ["k", "pop"]),  # a short scale counts only after a figure
        ("thousand troops", ["thousand", "troops"]),  # so does a scale word alone
        ("dozens of shells", ["dozens", "of", "shells"]),  # vague plurals stay words
        ("ribuan pasukan", ["ribuan", "pasukan"]),
        ("a visit", ["a", "visit"]),
        ("2022 two", ["2022", "2"]),  # a figure and a word are two numbers
        ("since 2017", ["since", "2017"]),
        ("Kim Jong Un", ["kim", "jong", "un"]),
    ],
)
def test_words_that_are_not_numbers_stay_as_they_are(typed: str, words: list[str]) -> None:
    assert read(typed) == words


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("the nineteenth of June", ["the", "19", "of", "june"]),
        ("June the 19th", ["june", "the", "19"]),
        ("19th June", ["19", "june"]),
        ("twenty-first of May", ["21", "of", "may"]),
        ("the first of May", ["the", "1", "of", "may"]),
        # an ordinal beside no month is no day; "may" without "of" or "the" is a modal
        ("the first summit in June", ["the", "first", "summit", "in", "june"]),
        ("the second may be", ["the", "second", "may", "be"]),
        ("the 6th test", ["the", "6", "th", "test"]),
    ],
)
def test_a_day_of_a_month_typed_as_an_ordinal_is_its_figure(typed: str, words: list[str]) -> None:
    assert read_days(fold(typed).split(), MONTHS) == words


def test_the_search_finds_a_figure_written_in_words() -> None:
    from test_search import claim, index_of, search

    index = index_of(
        claim("many", "Up to 100,000 troops may be deployed."),
        claim("few", "About 10,000 troops arrived."),
        claim("guns", "It supplied 240 mm rocket launchers."),
    )
    assert search(index, "seratus ribu tentara") == ["many"]
    assert search(index, "a hundred thousand soldiers") == ["many"]
    assert search(index, "ten-thousand troops") == ["few"]
    assert search(index, "240-millimetre launchers") == ["guns"]
