"""Word-level knowledge for search: stopwords, stems, the concept lexicon and numbers in words.

These are facts about English and Indonesian as users type them, kept apart
from the index that uses them. The concepts (words that mean the same, across
the two languages, each with the reason it is right) are data, in
``lexicon.json`` beside this module, reviewed like the claims and extended
without touching code. Numbers in words are read by :mod:`rknk.numbers`.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rknk.normalize import fold
from rknk.numbers import scale_numbers as scale_numbers

#: Words that carry no search meaning by themselves, in English and Indonesian,
#: including the question words of a query typed as a question.
STOPWORDS = frozenset(
    {
        *("a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "into"),
        *("is", "was", "are", "were", "be", "been", "as", "that", "this", "it", "its", "about"),
        *("do", "does", "did", "has", "have", "had", "there", "their", "they", "he", "she", "his", "her"),
        *("i", "we", "you", "me", "my", "our", "your"),
        *("who", "what", "when", "where", "which", "why", "how"),
        *("yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "ini", "itu", "atau", "oleh"),
        *("dalam", "akan", "telah", "para", "adalah", "bahwa", "tentang"),
        *("siapa", "apa", "kapan", "mana", "dimana", "mengapa", "kenapa", "bagaimana"),
    }
)
#: The concept lexicon, beside this module.
LEXICON = "lexicon.json"
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s", "e")


def stem(word: str) -> str:
    """A light English stem, so that ``arrives``, ``arrived`` and ``arrive`` meet.

    Strips one common suffix when at least four letters remain; other words,
    including most Indonesian ones, come back unchanged.
    """
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


@lru_cache(maxsize=1)
def _synonym_tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    # Read beside this module: importlib.resources would cost more start-up time than a search.
    raw = json.loads(Path(__file__).with_name(LEXICON).read_text(encoding="utf-8"))
    by_word: dict[str, set[str]] = {}
    by_stem: dict[str, set[str]] = {}
    for concept in raw["concepts"]:
        words = {fold(word) for word in concept["words"]}
        for word in words:
            by_word.setdefault(word, set()).update(words - {word})
            by_stem.setdefault(stem(word), set()).update(words)
    return (
        {word: frozenset(others) for word, others in by_word.items()},
        {root: frozenset(others) for root, others in by_stem.items()},
    )


def synonyms() -> dict[str, frozenset[str]]:
    """Each folded word of the lexicon mapped to the other words of its concepts."""
    return _synonym_tables()[0]


def synonyms_of(term: str) -> frozenset[str]:
    """Words that mean ``term``: its concepts' other words, or failing that, those of its stem's concepts."""
    by_word, by_stem = _synonym_tables()
    found = by_word.get(term)
    if found is not None:
        return found
    return by_stem.get(stem(term), frozenset()) - {term}
