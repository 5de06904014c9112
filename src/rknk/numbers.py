"""Numbers written in words, in English and Indonesian, read as the figures they stand for.

Claims store their numbers as figures (``100000 troops``, ``240 mm``), and
folding (:func:`rknk.normalize.fold`) already writes ``10.000``, ``10,000``
and ``10 000`` alike. People also write numbers in words, in either language
and to any size: ``a hundred thousand``, ``seratus ribu``, ``dua puluh
empat``, ``two dozen``, ``thirty-plus``, ``1,5 juta``, ``10k``. This module
reads those, on words that have been folded already (lowercase, hyphens and
punctuation turned into spaces), and spells units one way (``240-millimetre``,
``240 milimeter`` and ``240mm`` all become ``240 mm``), so a query matches the
figure the data holds. It knows nothing about search; it only rewrites words.
"""

from __future__ import annotations

from collections.abc import Container, Iterable

#: Words that are a number on their own, English and Indonesian. ``se-`` is the
#: Indonesian "one" fused to a counter: sepuluh 10, sebelas 11, seratus 100, seribu 1000.
_VALUES = {
    **dict.fromkeys(("zero", "nol"), 0),
    **dict.fromkeys(("one", "satu"), 1),
    **dict.fromkeys(("two", "dua"), 2),
    **dict.fromkeys(("three", "tiga"), 3),
    **dict.fromkeys(("four", "empat"), 4),
    **dict.fromkeys(("five", "lima"), 5),
    **dict.fromkeys(("six", "enam"), 6),
    **dict.fromkeys(("seven", "tujuh"), 7),
    **dict.fromkeys(("eight", "delapan"), 8),
    **dict.fromkeys(("nine", "sembilan"), 9),
    **dict.fromkeys(("ten", "sepuluh"), 10),
    **dict.fromkeys(("eleven", "sebelas"), 11),
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "seratus": 100,
}
#: Counters that multiply what comes before them within a group below a thousand.
_SMALL_SCALES = {"hundred": 100, "ratus": 100, "puluh": 10, "dozen": 12, "lusin": 12}
#: Indonesian ``belas`` adds ten: dua belas 12, tiga belas 13.
_TEEN = "belas"
#: Scales of a thousand and more: they close a group of number words (``seratus ribu``) or follow a figure.
_SCALES = {
    **dict.fromkeys(("ribu", "thousand"), 1000),
    **dict.fromkeys(("juta", "million"), 1_000_000),
    **dict.fromkeys(("miliar", "milyar", "billion"), 1_000_000_000),
    **dict.fromkeys(("triliun", "trillion"), 1_000_000_000_000),
}
#: ``seribu`` is one thousand on its own; it starts a number, as ``sepuluh`` does.
_ONE_SCALES = {"seribu": 1000, "sejuta": 1_000_000, "semiliar": 1_000_000_000}
#: Short scales count only straight after a figure (``10k``, ``10 rb``, ``1,5 jt``): alone, ``k`` is a letter.
_AFTER_FIGURE = _SCALES | {"k": 1000, "rb": 1000, "jt": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000}
#: Articles that stand for "one" before a scale: ``a hundred``, ``a million``, ``a dozen``.
_ONE = frozenset({"a", "an"})
#: Words after a number that say "or more" (``thirty-plus``, ``a million-plus``): part of the number.
_PLUS = frozenset({"plus"})
#: Unit spellings, English and Indonesian, in the short form the data writes.
UNITS = {
    **dict.fromkeys(
        ("millimetre", "millimetres", "millimeter", "millimeters", "milimeter", "milimetre", "milimeters"), "mm"
    ),
    **dict.fromkeys(("centimetre", "centimetres", "centimeter", "centimeters", "sentimeter", "sentimetre"), "cm"),
    **dict.fromkeys(("kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("kilogram", "kilograms", "kilogramme", "kilogrammes"), "kg"),
}
#: Spans of years named by one word, and the word for years in the same language: after a
#: number they are read as years (``a decade`` = ``10 years``, ``dua dekade`` = ``20 tahun``),
#: the figure claims write (``over more than 10 years``). Alone (``for decades``) they stay words.
PERIODS = {
    **dict.fromkeys(("decade", "decades"), (10, "years")),
    **dict.fromkeys(("dekade", "dasawarsa"), (10, "tahun")),
    **dict.fromkeys(("century", "centuries"), (100, "years")),
    "abad": (100, "tahun"),
}

#: Fractions of a span of years: ``half a century`` is 50 years, ``seperempat abad`` 25 tahun.
FRACTIONS = {"half": 0.5, "quarter": 0.25, "setengah": 0.5, "separuh": 0.5, "seperempat": 0.25}
#: Words that may stand between a fraction and its span (``a quarter of a century``).
_FRACTION_LINKS = frozenset({"of", "a", "an"})
#: Decades named in words. The data's history starts in 1948, and people name the decades of
#: the last century this way (``the early nineties``): each is read as its first year, the
#: figure claims write (``the early 1990s``). The decades of this century are written in figures.
DECADES = {
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
}
#: What folding leaves of a decade written with a figure: ``1990s``, ``90s``, ``1990-an``.
_DECADE_ENDINGS = frozenset({"s", "an"})

#: English ordinal words up to the last day of a month, for a day typed in words (``the
#: nineteenth of June``); ``twenty`` or ``thirty`` before one of the first nine adds to it
#: (``twenty-first``).
DAY_ORDINALS = {
    **{
        word: value
        for value, word in enumerate(
            ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), 1
        )
    },
    **{
        word: value
        for value, word in enumerate(
            ("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"), 11
        )
    },
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
#: What folding leaves of an English ordinal ending after a figure (``19th`` -> ``19 th``).
ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
_DAY_TENS = {"twenty": 20, "thirty": 30}


def _day_at(words: list[str], start: int) -> tuple[int, int] | None:
    """The day of a month written from ``words[start]`` as an ordinal (``nineteenth``, ``twenty
    first``, ``19 th``), and the position after it; None for any other word, or past 31."""
    word = words[start]
    following = words[start + 1] if start + 1 < len(words) else ""
    if word.isdigit() and following in ORDINAL_ENDINGS:
        value, end = int(word), start + 2
    elif word in _DAY_TENS and DAY_ORDINALS.get(following, 10) < 10:
        value, end = _DAY_TENS[word] + DAY_ORDINALS[following], start + 2
    elif word in DAY_ORDINALS:
        value, end = DAY_ORDINALS[word], start + 1
    else:
        return None
    return (value, end) if 1 <= value <= 31 else None


def read_days(words: list[str], months: Container[str]) -> list[str]:
    """``words`` with each day of a month written as an ordinal beside the month's name read as
    its figure, as claims write a day (``19 June``): ``the nineteenth of June``, ``June the
    19th``, ``twenty-first of May`` -> ``19``, ``19``, ``21``. ``months`` holds the folded
    names of the months. Other ordinals are left as they are: ``first summit`` is no day."""
    out: list[str] = []
    position = 0
    while position < len(words):
        day = _day_at(words, position)
        if day is not None:
            value, end = day
            linked = end < len(words) and words[end] == "of"
            after = end + 1 if linked else end
            led = position >= 2 and words[position - 1] == "the"
            before = position - 2 if led else position - 1
            if (after < len(words) and _names_month(words[after], linked, months)) or (
                before >= 0 and _names_month(words[before], led, months)
            ):
                out.append(str(value))
                position = end
                continue
        out.append(words[position])
        position += 1
    return out


#: A month's name that is also an everyday word (*may*): beside an ordinal, it names the
#: month only with ``of`` or ``the`` between (``the first of May``, ``May the first``).
_AMBIGUOUS_MONTHS = frozenset({"may"})


def _names_month(word: str, linked: bool, months: Container[str]) -> bool:
    return word in months and (linked or word not in _AMBIGUOUS_MONTHS)


def _starts_number(word: str) -> bool:
    return word.isdigit() or word in _ONE or word in _VALUES or word in _ONE_SCALES


def _read(words: list[str], start: int) -> tuple[int, int] | None:
    """The number beginning at ``words[start]`` and the position after it, or None.

    A number is a figure, optionally with a decimal part and a scale (``10``,
    ``1 5 juta`` from ``1,5 juta``, ``10 k``), or a run of number words
    (``dua puluh empat``, ``a hundred thousand``); either may end in ``plus``.
    A scale alone (``thousand``) is a word, not a number.
    """
    word = words[start]
    end = len(words)
    if word.isdigit():
        value, position = int(word), start + 1
        # Folding split "1,5" and "1.5" into two figures; a scale after them shows it was a decimal.
        if (
            len(word) <= 3
            and position + 1 < end
            and words[position].isdigit()
            and len(words[position]) <= 2
            and words[position + 1] in _AFTER_FIGURE
        ):
            fraction = words[position]
            scale = _AFTER_FIGURE[words[position + 1]]
            value = round((int(word) + int(fraction) / 10 ** len(fraction)) * scale)
            position += 2
        else:
            if position < end and words[position] in _SMALL_SCALES and words[position] != "puluh":
                value *= _SMALL_SCALES[words[position]]
                position += 1
            if position < end and words[position] in _AFTER_FIGURE:
                value *= _AFTER_FIGURE[words[position]]
                position += 1
    elif word in _ONE:
        following = words[start + 1] if start + 1 < end else ""
        if following in PERIODS:
            return 1, start + 1  # a decade: one
        if following not in _SMALL_SCALES and following not in _SCALES:
            return None
        value, position = _read_words(words, start + 1, leading=1)
    else:
        value, position = _read_words(words, start, leading=0)
    while position < end and words[position] in _PLUS:
        position += 1
    return value, position


def _read_words(words: list[str], start: int, leading: int) -> tuple[int, int]:
    """A run of number words from ``start`` (which is one): ``(value, end)``.

    ``leading`` is the value already read (1 for ``a``/``an``). Groups below a
    thousand are built with values and small counters (``dua puluh empat`` =
    2 x 10 + 4, ``two dozen`` = 2 x 12, ``dua ratus empat puluh`` = 200 + 4 x 10), then closed by a scale (``ribu``,
    ``million``), which adds the group times the scale to the total.
    """
    total, group, position = 0, leading, start
    while position < len(words):
        word = words[position]
        if word in _VALUES and _VALUES[word] >= 10 and 0 < group < 100:
            # A year said in pairs: twenty seventeen is 2017, nineteen forty-eight 1948.
            group = group * 100 + _VALUES[word]
        elif word in _VALUES:
            group += _VALUES[word]
        elif word in _ONE_SCALES and not group and not total:
            total = _ONE_SCALES[word]
        elif word in _SMALL_SCALES:
            scale = _SMALL_SCALES[word]
            # puluh and dozen count only what follows the hundreds: dua ratus empat puluh is 240.
            low = group % 100 if scale < 100 else group
            group = group - low + (low or 1) * scale
        elif word == _TEEN and 0 < group < 10:
            group += 10
        elif word in _SCALES:
            total += (group or 1) * _SCALES[word]
            group = 0
        elif word == "and" and position + 1 < len(words) and words[position + 1] in _VALUES:
            pass  # "a hundred and fifty"
        else:
            break
        position += 1
    return total + group, position


def scale_numbers(words: list[str]) -> list[str]:
    """Folded words with every number read as one figure and units in their short form.

    ``["ten", "thousand", "troops"]`` -> ``["10000", "troops"]``;
    ``["seratus", "ribu"]`` -> ``["100000"]``; ``["1", "5", "juta"]`` ->
    ``["1500000"]``; ``["thirty", "plus"]`` -> ``["30"]``; ``["240",
    "millimetre"]`` -> ``["240", "mm"]``; ``["satu", "dekade"]`` -> ``["10",
    "tahun"]`` (:data:`PERIODS`). An article counted as "one" stays in
    place (``["a", "hundred"]`` -> ``["a", "100"]``), as it is a stopword either
    way. Words that are not numbers come back unchanged and in order.
    """
    out: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        if word in FRACTIONS:
            period = _fraction_of(words, position)
            if period is not None:
                value, years, position = period
                out += [str(value), years]
                continue
        if word in DECADES:
            out.append(str(DECADES[word]))
            position += 1
            continue
        found = _read(words, position) if _starts_number(word) else None
        if found is None:
            out.append(UNITS.get(word, word))
            position += 1
            continue
        value, end = found
        if word in _ONE:
            out.append(word)
        if end < len(words) and words[end] in PERIODS:
            span, years = PERIODS[words[end]]
            out += [str(value * span), years]
            position = end + 1
            continue
        if end < len(words) and words[end] in _DECADE_ENDINGS and word.isdigit() and _is_decade(value):
            value = 1900 + value if value < 100 else value  # the 90s, 1990-an: the 1990s
            end += 1
        out.append(str(value))
        position = end
    return out


def _fraction_of(words: list[str], start: int) -> tuple[int, str, int] | None:
    """A fraction of a span of years from ``words[start]`` (``half a century``,
    ``seperempat abad``) as (figure, the word for years, the position after it), or None."""
    position = start + 1
    while position < len(words) and words[position] in _FRACTION_LINKS:
        position += 1
    if position >= len(words) or words[position] not in PERIODS:
        return None
    span, years = PERIODS[words[position]]
    return round(FRACTIONS[words[start]] * span), years, position + 1


def _is_decade(value: int) -> bool:
    """Whether a figure names a decade when ``s`` or ``-an`` follows it: ``40`` to ``90`` (of the last
    century), or a year ending in 0."""
    return value % 10 == 0 and (40 <= value <= 90 or 1900 <= value <= 2090)


#: Every word that can start or scale a number written in words.
_NUMBER_WORDS = frozenset((*_VALUES, *_ONE_SCALES, *_SCALES, *_SMALL_SCALES, *PERIODS, *FRACTIONS, *DECADES))


def spells_numbers(words: Iterable[str]) -> bool:
    """Whether ``words`` hold a word that can start or scale a number written in
    words: if not, :func:`spelled_numbers` finds nothing in any part of them."""
    return not _NUMBER_WORDS.isdisjoint(words)


def spelled_numbers(words: list[str]) -> list[str]:
    """The figures of the numbers ``words`` spell in words (``["two", "leaders"]`` -> ``["2"]``),
    so a claim's text is found by the figure a query reads; figures already written are not repeated."""
    if _NUMBER_WORDS.isdisjoint(words):
        return []
    written = set(words)
    return [word for word in scale_numbers(words) if word.isdigit() and word not in written]
