"""Word-level knowledge for search: stopwords, stems, the concept lexicon, everyday words
and numbers in words.

These are facts about English and Indonesian as users type them, kept apart
from the index that uses them. The concepts (words that mean the same, across
the two languages, each with the reason it is right) are data, in
``lexicon.json`` beside this module, reviewed like the claims and extended
without touching code; so are the ordinals (``first``, ``keenam``) and the nouns
that relate a person to another (``father``, ``ayah``), in the same file, and the
everyday words that frame a question (``everyday.json``), each part saying why it
is there. Numbers in words are read by :mod:`rknk.numbers`, Indonesian roots by
:mod:`rknk.indonesian`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from rknk.dates import MONTH_NAMES
from rknk.indonesian import roots
from rknk.normalize import fold
from rknk.numbers import ORDINAL_ENDINGS
from rknk.numbers import read_days as read_days
from rknk.numbers import scale_numbers as scale_numbers

#: Verbs that report what someone said or thinks, in English and Indonesian: a query
#: holding one asks what was said, so a state it names may be the claimant.
REPORTING_VERBS = frozenset(
    {
        *("say", "says", "said", "think", "thinks", "believe", "believes", "claim", "claims", "according"),
        *("menurut", "kata", "mengatakan", "berkata", "percaya"),
    }
)
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
        # Informal and degree question words: *gimana* (how), *seberapa* (how far, how much),
        # *sejauh mana* (to what extent).
        *("gimana", "seberapa", "sejauh"),
        # How a question is put, not what it asks about: counting, modal and
        # tense words (how *many*, *could* ... *eventually*, *pernah*: ever) and
        # Indonesian particles (*apakah* opens a yes/no question, *kali* counts
        # times, *kepada* and *terhadap* mark who receives).
        *("many", "much", "often", "times", "could", "would", "can", "will", "might", "should", "must", "shall"),
        *("eventually", "ever", "actually", "really", "any", "some", "so", "far", "yet", "still", "whether"),
        *("over", "than", "again", "melakukan"),
        *("apakah", "berapa", "banyak", "kali", "pernah", "sudah", "kepada", "terhadap", "soal", "isi"),
        # The nouns of counting, which put a question of quantity (*berapa jumlah*: how
        # many; the *number* of troops) and name no thing: the figure asked for does.
        *("number", "amount", "total", "jumlah"),
        # Conjunctions and prepositions of purpose, cause, manner and comparison:
        # *secara resmi* is officially, *demi menarik modal* to attract capital.
        *("because", "if", "but", "while", "although", "though", "unless"),
        *("secara", "demi", "agar", "supaya", "karena", "sebab", "bagi", "atas", "sebagai", "seperti"),
        *("jika", "kalau", "namun", "tetapi", "tapi", "serta", "yaitu", "yakni", "maupun"),
        # Reporting verbs: a claim is *what someone said*; who said it is its
        # claimant, asked for by name, not by these words.
        *REPORTING_VERBS,
        # What folding leaves of other contractions (*they're*, *we've*, *it'll*; a negative
        # one is read as *not*), a bare letter that names nothing.
        *("t", "re", "ve", "ll"),
    }
)
#: What folding leaves of an English negative contraction before its ``t`` (*didn't*:
#: ``didn t``; *won't*: ``won t``): read as ``not``, so neither half is taken for a word.
NEGATED = frozenset(
    {
        *("don", "doesn", "didn", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn"),
        *("won", "wouldn", "can", "couldn", "shouldn", "mustn", "needn", "ain", "shan"),
    }
)


def read_contractions(words: list[str]) -> list[str]:
    """Folded ``words`` with each negative contraction (``didn t``, ``won t``) read as ``not``."""
    if "t" not in words:
        return words
    out: list[str] = []
    for word in words:
        if word == "t" and out and out[-1] in NEGATED:
            out[-1] = "not"
        else:
            out.append(word)
    return out


#: The question words an Indonesian question may end with the particle ``-kah`` (*bagaimanakah*,
#: *siapakah*, *kapankah*), which only marks the question; *adakah* and *bukankah* (is there,
#: is it not) open a yes/no question as *apakah* does.
_ASKING_KAH = frozenset(
    {"apa", "siapa", "kapan", "mana", "dimana", "mengapa", "kenapa", "bagaimana", "berapa", "seberapa"}
)
_YES_NO_KAH = frozenset({"adakah", "bukankah"})


def read_particles(words: list[str]) -> list[str]:
    """Folded ``words`` with each Indonesian question word carrying the particle ``-kah``
    read without it (``siapakah``: ``siapa``), and ``adakah``, ``bukankah`` read as ``apakah``,
    so they are dropped and read for what they ask as the plain words are."""
    out: list[str] = []
    for word in words:
        if word in _YES_NO_KAH:
            word = "apakah"
        elif word.endswith("kah") and word[:-3] in _ASKING_KAH:
            word = word[:-3]
        out.append(word)
    return out


#: What a question asks for, by its opening words (folded): a date, a quantity, a claimant, a
#: place or a reason.
#: Search favours claims that hold the thing asked for (:mod:`rknk.search.ranking`).
INTENTS = {
    ("when",): "date",
    ("kapan",): "date",
    ("what", "year"): "date",
    ("which", "year"): "date",
    ("what", "date"): "date",
    ("what", "day"): "date",
    ("what", "month"): "date",
    ("which", "month"): "date",
    ("tanggal", "berapa"): "date",
    ("tahun", "berapa"): "date",
    ("bulan", "apa"): "date",
    ("tahun", "apa"): "date",
    ("hari", "apa"): "date",
    ("how", "many"): "quantity",
    ("how", "much"): "quantity",
    ("berapa",): "quantity",
    ("who",): "claimant",
    ("siapa",): "claimant",
    ("where",): "place",
    ("di", "mana"): "place",
    ("dimana",): "place",
    ("ke", "mana"): "place",
    ("why",): "reason",
    ("mengapa",): "reason",
    ("kenapa",): "reason",
    ("what", "for"): "reason",
    ("untuk", "apa"): "reason",
}


#: Questions of quantity that events or dates answer as well as a figure: a count of events
#: (*how many times*, *berapa kali*), each event a claim of its own, and a span of time (*berapa
#: lama*, how long), which dates show. They favour claims with a figure without requiring one.
ANSWERED_WITHOUT_FIGURES = (
    ("how", "many", "times"),
    ("how", "often"),
    ("berapa", "kali"),
    ("berapa", "sering"),
    ("berapa", "lama"),
)


def wants_figure(words: list[str]) -> bool:
    """Whether a question asks for a figure that only a claim holding one can give (*how many
    troops*, *berapa tentara*), not a count of events or a span of time
    (:data:`ANSWERED_WITHOUT_FIGURES`)."""
    if intent(words) != "quantity":
        return False
    return not any(
        tuple(words[at : at + len(opening)]) == opening
        for opening in ANSWERED_WITHOUT_FIGURES
        for at in range(len(words))
    )


def intent(words: list[str]) -> str | None:
    """What a question asks for (``date``, ``quantity`` or ``claimant``), read from
    the first question words among its folded ``words``; None for a plain query."""
    for position in range(len(words)):
        for opening, asked in INTENTS.items():
            if tuple(words[position : position + len(opening)]) == opening:
                return asked
    return None


#: The concept lexicon, beside this module.
LEXICON = "lexicon.json"
#: The everyday words of English and Indonesian, beside this module.
EVERYDAY = "everyday.json"
#: ``-er`` is not stripped: it makes a doer or a comparative whose sense is not the word's
#: (a *fighter* jet is no fighting, *closer* ties no closed border, a *leader* no lead).
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "s", "e")
#: A comparative's endings: an everyday word's comparative (*longer*, *easier*) is everyday too.
_COMPARATIVE = (("ier", "y"), ("er", ""), ("r", ""))


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


def bases(word: str) -> frozenset[str]:
    """What a folded word is made from, in either language: its light English stem
    (:func:`stem`) and its Indonesian roots (:func:`rknk.indonesian.roots`). Two words
    sharing one are forms of one word (``arrived``, ``arrives``; ``dikirim``, ``mengirim``)."""
    return roots(word) | {stem(word)}


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    # Read beside this module: importlib.resources would cost more start-up time than a search.
    raw: dict[str, Any] = json.loads(Path(__file__).with_name(LEXICON).read_text(encoding="utf-8"))
    return raw


def _groups() -> list[tuple[str, list[str]]]:
    """Each group of words that mean one thing, with its name: the lexicon's concepts,
    then its ordinals (named by their English word)."""
    lexicon = _lexicon()
    return [
        *((str(concept["concept"]), concept["words"]) for concept in lexicon["concepts"]),
        *((str(ordinal["words"][0]), ordinal["words"]) for ordinal in lexicon.get("ordinals", [])),
    ]


@lru_cache(maxsize=1)
def _folded_groups() -> list[tuple[str, frozenset[str]]]:
    """:func:`_groups` with their words folded, folded once."""
    return [(name, _folded_set(group)) for name, group in _groups()]


#: Words written folded: lowercase ASCII letters, one space between them.
_FOLDED = re.compile(r"[a-z]+(?: [a-z]+)*\Z")


def _folded_set(group: list[str]) -> frozenset[str]:
    # Most groups are written folded already, and every search builds the tables
    # below: one check of the whole group then spares a check of each word.
    return frozenset(group) if _FOLDED.match(" ".join(group)) else frozenset(map(_folded_word, group))


def _folded_word(word: str) -> str:
    # Most of the lexicon is written folded already (one lowercase ASCII word), and
    # every search builds the tables below: such a word is taken as it is.
    return word if word.isalpha() and word.isascii() and word.islower() else fold(word)


def _folded_words(text: str) -> tuple[str, ...]:
    """The folded words of a phrase of the lexicon, those written folded already taken as they are."""
    words = text.split()
    if all(word.isalpha() and word.isascii() and word.islower() for word in words):
        return tuple(words)
    return tuple(fold(text).split())


@lru_cache(maxsize=1)
def _synonym_table() -> dict[str, tuple[frozenset[str], ...]]:
    """Each word of the lexicon mapped to the words of each group holding it. The union of a
    word's groups is made only for the few words a query asks about: the lexicon's load stays
    light as it grows."""
    by_word: dict[str, tuple[frozenset[str], ...]] = {}
    for _, words in _folded_groups():
        for word in words:
            by_word[word] = (*by_word.get(word, ()), words)
    return by_word


def _others(word: str, groups: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The words of ``groups`` but ``word``: what ``word`` stands for."""
    return (groups[0] if len(groups) == 1 else frozenset().union(*groups)) - {word}


@lru_cache(maxsize=1)
def _ordinal_table() -> dict[str, int]:
    return {fold(word): ordinal["value"] for ordinal in _lexicon().get("ordinals", []) for word in ordinal["words"]}


def ordinal(word: str) -> int | None:
    """The value of a folded ordinal word of the lexicon's ``ordinals`` (``sixth``,
    ``keenam``: 6), found as listed or by what it is made from (``pertamanya``: its
    first); None for any other word."""
    table = _ordinal_table()
    if word in table:
        return table[word]
    found = [table[form] for base in bases(word) for form in _made_from(base, table)]
    return found[0] if found else None


#: Indonesian ``kedua``: "both" before the noun it counts (*kedua negara*, both countries),
#: "second" after the noun it ranks (*satelit kedua*, the second satellite; *yang kedua*).
KEDUA = "kedua"


def _ranks_noun(words: list[str], position: int, names: Container[str]) -> bool:
    """Whether ``kedua`` at ``position`` follows the noun it ranks, and so means second:
    after a word that is no function word (or after ``yang``), and before nothing, a
    function word, a figure or a name (``KTT kedua Putin``), not a noun it would count."""
    if position == 0 or (words[position - 1] in STOPWORDS and words[position - 1] != "yang"):
        return False
    following = words[position + 1] if position + 1 < len(words) else ""
    return not following or following in STOPWORDS or following.isdigit() or following in names


def read_ordinals(words: list[str], names: Container[str] = ()) -> list[str]:
    """``words`` with each figure and English ordinal ending that folding parted
    (``6 th``) written as the lexicon's ordinal word (``sixth``), as claims write it,
    or as the figure alone past the lexicon's ordinals (``19 th``: ``19``), and ``kedua``
    read as ``second`` where it ranks a noun (:func:`_ranks_noun`); ``names`` are the
    folded words typed with a capital."""
    spelled = {value: word for word, value in reversed(_ordinal_table().items())}
    out: list[str] = []
    for position, word in enumerate(words):
        if word in ORDINAL_ENDINGS and out and out[-1].isdigit():
            if int(out[-1]) in spelled:
                out[-1] = spelled[int(out[-1])]
        elif word == KEDUA and _ranks_noun(words, position, names):
            out.append(spelled[2])
        else:
            out.append(word)
    return out


@lru_cache(maxsize=1)
def relational() -> frozenset[str]:
    """Folded nouns that name a person through another (``father``, ``ayah``, ``successor``),
    from the lexicon's ``relational``: a person named beside one is not the person asked about."""
    return frozenset(fold(word) for part in _lexicon().get("relational", []) for word in part["words"])


@lru_cache(maxsize=1)
def relations() -> dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]:
    """Each actor id of the lexicon's ``relations`` mapped to the relations that name another actor
    through it, as (the relation's folded words, the folded name of the actor it names), longest
    words first: ``kim-jong-un`` -> ``(("father",), ("kim", "jong", "il"))``, ..."""
    found: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for entry in _lexicon().get("relations", []):
        means = _folded_words(str(entry["means"]))
        found.setdefault(str(entry["of"]), []).extend((_folded_words(words), means) for words in entry["words"])
    return {actor: tuple(sorted(pairs, key=lambda pair: -len(pair[0]))) for actor, pairs in found.items()}


@lru_cache(maxsize=1)
def succession() -> dict[str, str]:
    """Folded nouns naming the holder of a person's office after them (``successor``: ``after``)
    or before them (``pendahulu``: ``before``), from the lexicon's ``succession``."""
    return {fold(word): part["side"] for part in _lexicon().get("succession", []) for word in part["words"]}


#: Words after which an actor's role says when it began (``since``) or ended (``until``).
_ROLE_STARTS = frozenset({"since", "sejak", "from"})
_ROLE_ENDS = frozenset({"until", "hingga", "sampai"})


class Office(NamedTuple):
    """The office an actor's role names, folded, and the sides on which it says it had other holders."""

    words: str
    sides: frozenset[str]


def office_of(role: str) -> Office:
    """The office an actor's role names: its words up to the first that says when it was held
    (``Russian defence minister since May 2024`` -> ``russian defence minister``), and the
    sides on which the role says it had other holders: ``before`` a start (``since``), ``after``
    an end (``until``), both for years (``1994-2011``, ``(2024)``); none for a role with no date."""
    words = fold(role.split(",")[0]).split()  # what follows a comma says more of the person
    office: list[str] = []
    for word in words:
        if word in _ROLE_STARTS or word in _ROLE_ENDS or word.isdigit() or word == "in":
            break
        office.append(word)
    said = words[len(office) :]
    sides: set[str] = set()
    if said and said[0] in _ROLE_STARTS:
        sides.add("before")
    elif said and said[0] in _ROLE_ENDS:
        sides.add("after")
    elif said and said[0].isdigit():
        sides.update(("before", "after"))
    return Office(" ".join(office), frozenset(sides))


#: Words that only say what kind of date follows (*tahun 2024*: the year 2024; *bulan Juni*;
#: *tanggal 19*), or what kind a question asks for (*what year*, *tanggal berapa*).
DATE_WORDS = frozenset({"year", "month", "date", "day", "tahun", "bulan", "tanggal", "hari"})
#: Question words that a date word follows (*what year*) or comes before (*tahun berapa*).
_ASKING_BEFORE = frozenset({"what", "which"})
_ASKING_AFTER = frozenset({"berapa", "apa"})
#: Month names, English and Indonesian, folded.
MONTHS = frozenset(name for names in MONTH_NAMES for name in names)


#: Units of a span of time, after a figure (*five years*, *24 tahun*, *three months*).
DURATION_UNITS = frozenset(
    {"year", "years", "month", "months", "week", "weeks", "day", "days", "tahun", "bulan", "minggu", "hari"}
)


def spans_time(words: list[str], position: int) -> bool:
    """Whether ``words[position]`` is part of a span of time: a figure before a unit of
    time (``5 years``: the query's ``in five years``), or that unit after a figure. A
    claim says the same span by its dates (*since 2017*) as often as by its length."""
    word = words[position]
    if word.isdigit():
        return position + 1 < len(words) and words[position + 1] in DURATION_UNITS
    return word in DURATION_UNITS and position > 0 and words[position - 1].isdigit()


def names_a_date(words: list[str], position: int) -> bool:
    """Whether ``words[position]`` only says what kind of date follows it, or what kind a
    question asks for: ``tahun`` before a year (``tahun 2024`` is 2024), ``bulan`` before a
    month's name, ``tanggal`` before a day (``tanggal 19``), and a date word asked for
    (``what year``, ``tanggal berapa``). Such a word is dropped, as the date, or the
    question's wish for one, says it all; ``Tahun Baru`` (New Year) and ``24 tahun`` stay."""
    if words[position] not in DATE_WORDS:
        return False
    if position > 0 and words[position - 1] in _ASKING_BEFORE:
        return True
    if position + 1 >= len(words):
        return False
    following = words[position + 1]
    if following in _ASKING_AFTER:
        return True
    is_year = len(following) == 4 and following.isdigit() and 1900 <= int(following) <= 2099
    is_day = words[position] == "tanggal" and following.isdigit() and 1 <= int(following) <= 31
    return is_year or is_day or following in MONTHS


def _made_from(base: str, words: Iterable[str]) -> list[str]:
    """Those of ``words`` that :func:`bases` says are made from ``base``.

    A search asks this of one word's few bases, so the bases of a thousand
    words are not worked out on every run: a word made from ``base`` holds
    it less its first letter (which a nasal may replace) and last (an English
    stem's ``y``), and only such words are stemmed.
    """
    core = base[1:-1] if len(base) >= 4 else base[1:]
    return [word for word in words if core in word and base in bases(word)]


@lru_cache(maxsize=1)
def roles() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Names of an office (several words, or a short form) mapped to the words the data uses for it, folded:
    ``("top", "diplomat")`` -> ``("foreign", "minister")``. From the lexicon's ``roles``, and its
    ``phrases``: idioms read the same way (``cutting edge`` -> ``advanced``)."""
    lexicon = _lexicon()
    return {
        _folded_words(role["phrase"]): _folded_words(role["means"])
        for role in (*lexicon.get("roles", []), *lexicon.get("phrases", []))
    }


def read_roles(words: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """``words`` with each role (a phrase, or a short form such as ``menlu``) replaced by
    the words the data uses for it, and the replacements made, as (typed, read as) pairs,
    for ``--explain``."""
    table = roles()
    longest = max((len(phrase) for phrase in table), default=0)
    out: list[str] = []
    made: list[tuple[str, str]] = []
    position = 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            phrase = tuple(words[position : position + length])
            if phrase in table:
                out.extend(table[phrase])
                made.append((" ".join(phrase), " ".join(table[phrase])))
                position += length
                break
        else:
            out.append(words[position])
            position += 1
    return out, made


@lru_cache(maxsize=1)
def seats() -> frozenset[str]:
    """Folded names of capitals that also stand for their state's government (``beijing``,
    ``kremlin``), from the lexicon's ``seats``: named in a query, they are places a claim
    must hold (see :mod:`rknk.search.ranking`)."""
    return frozenset(seat_states())


@lru_cache(maxsize=1)
def seat_states() -> dict[str, str]:
    """Each folded name of the lexicon's ``seats`` mapped to the actor id of its state."""
    return {fold(seat["name"]): str(seat["state"]) for seat in _lexicon().get("seats", [])}


@lru_cache(maxsize=1)
def reasons() -> frozenset[str]:
    """Folded words by which a claim gives a reason or a motive (``because``, ``exchange``,
    ``karena``, ``imbalan``), from the lexicon's ``reasons``: a *why* question favours such claims."""
    return frozenset(fold(word) for group in _lexicon().get("reasons", []) for word in group["words"])


@lru_cache(maxsize=1)
def former_states() -> dict[str, tuple[str, ...]]:
    """Each state's actor id mapped to the ids of the states whose seat it took (``russia``:
    the Soviet Union), from the lexicon's ``former_states``: its capital typed stands for them too."""
    found: dict[str, tuple[str, ...]] = {}
    for entry in _lexicon().get("former_states", []):
        found[str(entry["successor"])] = (*found.get(str(entry["successor"]), ()), str(entry["state"]))
    return found


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Folded adjectives of the states (``chinese``, ``north korean``) mapped to the state's
    actor id, from the lexicon's ``demonyms``: typed in a query, they name the state."""
    return {fold(entry["name"]): str(entry["state"]) for entry in _lexicon().get("demonyms", [])}


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Folded names of the cities and regions of the domain that are no actor (``kursk``,
    ``vladivostok``), from the lexicon's ``places``: named in a query, a claim must hold them."""
    return frozenset(fold(place["name"]) for place in _lexicon().get("places", []))


@lru_cache(maxsize=1)
def _everyday() -> frozenset[str]:
    raw = json.loads(Path(__file__).with_name(EVERYDAY).read_text(encoding="utf-8"))
    return frozenset(word for part in raw["parts"] for word in part["words"])


#: Nouns of a stance that are also words of the domain (Russia's strategic *position*): before
#: a preposition of topic (*position on*, *posisi ... soal*) they frame a question as the
#: everyday nouns of stance do (``everyday.json``), since the claims state a stance, never the noun.
STANCE_NOUNS = frozenset({"position", "positions", "posisi", "stand"})
#: Prepositions that say what a stance is about.
ABOUT = frozenset({"on", "toward", "towards", "about", "regarding", "soal", "terhadap", "tentang", "mengenai"})


#: Verbs of judging that are also words of the domain (an intelligence *assessment*): in a
#: question how someone judges something they frame it, as a noun of stance does.
JUDGING = frozenset({"menilai", "memandang", "assess", "assesses", "judge", "judges", "view", "views"})
#: The words that ask how.
HOW = frozenset({"how", "bagaimana"})


def frames_stance(words: list[str], position: int) -> bool:
    """Whether ``words[position]`` is a noun of stance asking about a stance on something
    (``China's position on sanctions``, ``posisi China soal sanksi``), not a position held;
    or a verb of judging in a question how someone judges something (``Bagaimana Pyongyang
    menilai latihan ...``, ``how does Seoul view ...``): the claims state the judgment itself
    (*sees the exercises as invasion rehearsals*), never the verb."""
    if words[position] in JUDGING:
        return not HOW.isdisjoint(words[:position])
    return words[position] in STANCE_NOUNS and not ABOUT.isdisjoint(words[position + 1 : position + 4])


def is_everyday(word: str) -> bool:
    """Whether a folded word is an everyday word (``everyday.json``): one that frames a
    question rather than names its subject, found as listed or by what it is made from
    (``learning`` as ``learn``, ``digelar`` as ``gelar``). A word of the lexicon is a word of the domain, never
    an everyday one, even when their stems meet (``goods``, ``good``)."""
    if word in _synonym_table():
        return False
    words = _everyday()
    compared = {word[: -len(ending)] + base for ending, base in _COMPARATIVE if word.endswith(ending) and len(word) > 5}
    return word in words or any(_made_from(base, words) for form in (word, *compared) for base in bases(form))


def synonyms() -> dict[str, frozenset[str]]:
    """Each folded word of the lexicon mapped to the other words of its concepts."""
    return {word: _others(word, groups) for word, groups in _synonym_table().items()}


@lru_cache(maxsize=1)
def seasons() -> dict[str, frozenset[str]]:
    """Each season's word mapped to the names, English and Indonesian, of the months it
    spans (``summer``: June to August): a claim is dated by its month, never by a season."""
    return {
        str(season["season"]): frozenset(name for month in season["months"] for name in MONTH_NAMES[month - 1])
        for season in _lexicon().get("seasons", [])
    }


def synonyms_of(term: str) -> frozenset[str]:
    """Words that mean ``term``: a season's months (one way: a month does not stand for its
    season), its concepts' other words, or failing that, those of the concepts of what it is
    made from (:func:`bases`: ``menyangkal`` as ``sangkal``). An everyday word has none: it is
    not the concept of a word made from it (``erat``, close, is not ``mempererat``, to
    strengthen ties; ``harus``, must, is not ``mengharuskan``, to oblige)."""
    months = seasons().get(term)
    if months is not None:
        return months
    by_word = _synonym_table()
    found = by_word.get(term)
    if found is not None:
        return _others(term, found)
    if is_everyday(term):
        return frozenset()
    formed = [word for base in bases(term) for word in _made_from(base, by_word)]
    return frozenset().union(*(group for word in formed for group in by_word[word])) - {term}


#: The concepts whose words say that someone went somewhere (``visit``), or that someone
#: sent something or penalised someone (``deployment``, ``supply``, ``sanctions``): the
#: destination typed after them is where it happened, and the state typed as their doer must
#: be an actor of the claim, not only the claimant who reported it.
VISIT = "visit"
ACTS = ("deployment", "supply", "sanctions")
#: The concepts of reporting, accusing, assessing and denying: a state typed beside them may
#: be the one who said it (the claimant), so :data:`ACTS` does not make it the doer.
REPORTING = ("accused", "reports", "estimate", "analysis", "suspected", "confirmed", "warning", "denied")
#: The concepts of offices: a state typed right after one (``Menhan Korsel``, ``presiden Rusia``)
#: names whose office it is, and the office holder, not the state, is who acts or speaks.
OFFICES = ("minister", "leader", "president", "officials")


def of_concepts(word: str, names: Iterable[str]) -> bool:
    """Whether a folded word, or what it is made from (:func:`bases`), is a word of the
    lexicon's concepts named ``names``: ``mengunjungi`` and ``travels`` are visiting."""
    made_of: frozenset[str] | None = None
    for name in names:
        words = _concept_words(name)
        if word in words:
            return True
        made_of = bases(word) if made_of is None else made_of
        if not made_of.isdisjoint(words) or any(_made_from(base, words) for base in made_of):
            return True
    return False


@lru_cache(maxsize=16)
def _concept_words(name: str) -> frozenset[str]:
    """The folded words of the lexicon's concept ``name``."""
    return frozenset().union(*(group for concept, group in _folded_groups() if concept == name))


def concept_words(name: str) -> frozenset[str]:
    """The folded words of the lexicon's concept ``name``, as written (no stems, no roots)."""
    return _concept_words(name)


#: A word of the lexicon an unknown word is read as must be this long, and within one
#: edit of it: short words are too close to each other to tell a spelling from another word.
MIN_SPELLING = 6


def lexicon_spelling(term: str) -> str | None:
    """The word of the lexicon ``term`` is a spelling of, if ``term`` is not one itself:
    one edit away (a letter changed, added, dropped, or two swapped), as a loanword
    (``personel``, personnel), a British or American spelling (``centre``, ``center``)
    or a slip gives it; the closest, then the first in alphabetical order. None for a
    word shorter than :data:`MIN_SPELLING` or with none that near."""
    by_word = _synonym_table()
    if len(term) < MIN_SPELLING or not term.isalpha() or term in by_word:
        return None
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extract(term, _spellings(), scorer=OSA.distance, score_cutoff=1, limit=None)
    near = sorted((distance, word) for word, distance, _ in found if distance)
    return near[0][1] if near else None


@lru_cache(maxsize=1)
def _spellings() -> list[str]:
    return sorted(word for word in _synonym_table() if len(word) >= MIN_SPELLING - 1)


def concept_of(term: str, word: str) -> str:
    """The name of a lexicon concept holding both ``term`` (or a form of it) and ``word``, for ``--explain``."""
    if word in seasons().get(term, ()):
        return term
    made_of = bases(term)
    for name, words in _folded_groups():
        if word in words and (term in words or any(not made_of.isdisjoint(bases(item)) for item in words)):
            return name
    return ""
