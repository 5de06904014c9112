"""Text folding shared by actor lookup and search, so both sides compare alike.

Folding lowercases, strips accents, turns every kind of space, hyphen and
punctuation into a single space, and writes numbers one way: Indonesian
``10.000``, English ``10,000``, typographic ``10 000`` (non-breaking or thin
space) and plain ``10000`` all become ``10000``, and ``240mm`` becomes
``240 mm``. An English possessive ``'s`` is dropped (``Seoul's military`` ->
``seoul military``), and so is the plural ``s`` of an abbreviation in capitals
(``ICBMs``, ``MRLs``, ``POW's`` -> ``icbm``, ``mrl``, ``pow``), as claims and
queries write it either way, and invisible characters (soft hyphen, zero-width space)
vanish without splitting the word they sit in.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: A non-breaking, narrow non-breaking or thin space between digit groups.
_SPACED_THOUSANDS = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_POSSESSIVE = re.compile(r"(?<=[a-z])['\u2019]s\b")
#: An abbreviation in capitals with a plural ``s`` (``ICBMs``, ``MRLs``, ``POWs``): the ``s`` goes.
_PLURAL_ABBREVIATION = re.compile(r"\b([A-Z]{2,})['\u2019]?s\b")
#: A word is a run of letters or of digits, so ``240mm`` is two words; a number
#: may carry thousands separators (``10.000``, ``1,000,000``), removed afterwards.
_WORD = re.compile(r"[a-z]+|[0-9]+(?:[.,][0-9]{3}(?![0-9]))*")


def _drop_combining(match: re.Match[str]) -> str:
    char = match.group()
    return "" if unicodedata.combining(char) else char


def fold(text: str) -> str:
    """Return ``text`` folded for matching: ``'Kim Jong-un, 10.000'`` -> ``'kim jong un 10000'``.

    The result holds only ``a-z`` and ``0-9`` words separated by single spaces.
    """
    if not text.isascii():
        text = _SPACED_THOUSANDS.sub("", _INVISIBLE.sub("", text))
        # Accents come apart from their letters under NFKD and are dropped here;
        # every other non-ASCII character becomes a word break below.
        text = _NON_ASCII.sub(_drop_combining, unicodedata.normalize("NFKD", text))
    # Searched for first: a substitution with a template costs more than the search.
    if "s" in text and not text.islower() and _PLURAL_ABBREVIATION.search(text):
        text = _PLURAL_ABBREVIATION.sub(r"\1", text)
    text = text.casefold()
    if "'" in text or "\u2019" in text:
        text = _POSSESSIVE.sub("", text)
    folded = " ".join(_WORD.findall(text))
    # The only dots and commas left are thousands separators inside numbers.
    if "." in folded or "," in folded:
        folded = folded.replace(".", "").replace(",", "")
    return folded


def needs_capitals(folded: str) -> bool:
    """Whether a folded name is so short (``as``, ``us``, ``u n``) that only its capitals tell it
    from a word: search reads it as a name only when typed so, and finds it so in the claims."""
    return len(folded.replace(" ", "")) <= 3
