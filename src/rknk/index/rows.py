"""A claim as the search index sees it: its words by field, and its folded texts.

Shared by the embedded index, which stores this per claim, and by the search
over claims held in memory, so both find exactly the same words in the same
fields. The fields come weakest first; where a word is in several fields, the
strongest (latest) one is kept, so each word of a claim has one field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rknk import acts
from rknk.dates import date_words
from rknk.normalize import fold, needs_capitals
from rknk.numbers import spelled_numbers, spells_numbers
from rknk.records import ActorRecord, ClaimRecord, TopicRecord

#: Every field search looks in, weakest first; a field's code is its position.
FIELDS = ("id", "note", "claimant", "topic", "quote", "tag", "actor", "quantity", "place", "date", "statement")
FIELD_CODES = {name: code for code, name in enumerate(FIELDS)}
#: Added to the code of a word whose strongest field is an actor's name when the
#: claim's own texts hold it too, so search knows without reading the texts.
OWN_TOO = 16
_ACTOR = FIELD_CODES["actor"]
_PLACE = FIELD_CODES["place"]
#: Marks indexed beside the words, which no folded query word can be (folding drops ``@``):
#: a claim giving a place holds :data:`PLACED`, and :func:`place_mark` of each place it gives,
#: so search knows where a claim says it happened without reading it; a claim holds
#: :func:`claimant_mark` of each actor it names only as a claimant (who said it, not who did it),
#: and then :func:`actor_mark` of each of its actors.
PLACED = "@place"
_CLAIMANT = "@said:"
_ACTING = "@did:"
_CAPITALS = "@caps:"


def capitals_mark(letters: str) -> str:
    """The mark a claim whose texts write a short name in capitals holds, by its letters:
    ``@caps:un`` for ``UN``, ``@caps:us`` for ``US`` or ``U.S.``. Folding loses case, and ``un``
    is also the last word of *Kim Jong Un*: search looks these up for a name typed in capitals
    (see :func:`needs_capitals`), reading no claim."""
    return _CAPITALS + letters


def capital_mark(token: str) -> str:
    """The mark of a token of a text that writes a short name in capitals (``UN``, ``UN's``,
    ``(U.S.)``: two or three capital letters, dots aside), or "" for any other token."""
    letters = token.strip(_PUNCTUATION)
    for ending in ("'s", "\u2019s"):
        letters = letters.removesuffix(ending)
    letters = letters.replace(".", "")
    if 2 <= len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper():
        return capitals_mark(letters.lower())
    return ""


_PUNCTUATION = "\"'()[]{},;:!?\u201c\u201d\u2018\u2019"


def place_mark(place: str) -> str:
    """The mark a claim giving ``place`` (folded) holds: ``@place:north_korea``."""
    return PLACED + ":" + "_".join(place.split())


def claimant_mark(actor_id: str) -> str:
    """The mark a claim naming ``actor_id`` only as a claimant holds: ``@said:south-korea``."""
    return _CLAIMANT + actor_id


def actor_mark(actor_id: str) -> str:
    """The mark a claim with a claimant who is no actor holds for each of its actors: ``@did:north-korea``."""
    return _ACTING + actor_id


def claim_fields(
    claim: ClaimRecord, actor_ids: Iterable[str], topics: Mapping[str, TopicRecord], actor_texts: Mapping[str, str]
) -> Iterable[tuple[str, str]]:
    """A claim's texts by field, in the order of :data:`FIELDS`, with the texts of its actors."""
    yield "id", claim["id"]
    if claim["note"]:
        yield "note", claim["note"]
    for claimant in claim["claimants"]:
        if claimant["text"]:
            yield "claimant", claimant["text"]
    topic = topics.get(claim["topic"])
    yield "topic", claim["topic"] + (" " + topic["label"] if topic else "")
    for evidence in claim["evidence"]:
        yield "quote", evidence["quote"]
    for tag in claim["tags"]:
        yield "tag", tag
    for actor_id in actor_ids:
        if actor_id in actor_texts:
            yield "actor", actor_texts[actor_id]
    for quantity in claim["quantities"]:
        value = quantity["value"]
        number = str(int(value)) if float(value).is_integer() else str(value)
        yield "quantity", f"{number} {quantity['unit']}"
    for place in claim["places"]:
        yield "place", place
    # The month and year of the claim's date, so "Oktober 2023" finds a claim of that month.
    yield "date", date_words(claim["date"])
    yield "statement", claim["statement"]


class Analysis(NamedTuple):
    """What search needs of one claim.

    ``words`` maps each folded word, and each number a text spells in words
    (``two`` as ``2``), to the code of the strongest field holding it (plus
    :data:`OWN_TOO` for an actor's name also in the claim's own texts).
    ``text`` is every folded text between spaces and bars: the statement first,
    its other texts from ``others``, its actors' names from ``names``, so a
    phrase can be looked for in the statement, in the claim's own texts, or anywhere.
    """

    words: dict[str, int]
    text: str
    others: int
    names: int


class _FoldedTokens(dict[str, tuple[str, ...]]):
    """ASCII tokens and their folded words, each token folded on first use;
    emptied when it holds :data:`FOLDED_TOKENS`, so memory stays bounded.

    ``marked``, a token writing a short name in capitals is followed by its mark
    (:func:`capital_mark`) among its words: found with no step per token.
    """

    def __init__(self, *, marked: bool) -> None:
        super().__init__()
        self.marked = marked

    def __missing__(self, token: str) -> tuple[str, ...]:
        if len(self) >= FOLDED_TOKENS:
            self.clear()
        if "-" in token:
            # A hyphen always ends a word, so a hyphenated token's words are its parts'
            # words: a claim's id or a tag, new as a whole, is made of parts seen before.
            words: tuple[str, ...] = ()
            for part in token.split("-"):
                if part:
                    words += self[part]
        elif token.isdigit() or (token.isalpha() and token[1:].islower()):
            # Digits alone, or letters in lower case but perhaps the first: folding
            # only lowers them (a plural abbreviation takes two capitals).
            words = (token.lower(),)
        else:
            words = tuple(fold(token).split())
            mark = capital_mark(token) if self.marked else ""
            if mark:
                words += (mark,)
        self[token] = words
        return words


#: Tokens folded so far (see :func:`folded_words`), with and without the marks of
#: capitals, and how many each keeps at most.
_FOLDED = _FoldedTokens(marked=False)
_MARKED = _FoldedTokens(marked=True)
FOLDED_TOKENS = 200_000


class _ActorWords(dict[str, dict[str, int]]):
    """An actor's folded text and its words, each mapped to the actor field's code, made on
    first use; emptied when it holds :data:`FOLDED_ACTORS`, so memory stays bounded.

    A claim names three or four actors, whose names and aliases are two fifths of
    its words, and every claim naming an actor holds the same words for it: they
    are added to a claim's words in one ``dict.update`` instead of word by word.
    """

    def __missing__(self, text: str) -> dict[str, int]:
        if len(self) >= FOLDED_ACTORS:
            self.clear()
        # The text is folded already (see actor_texts): its words are its tokens.
        words = self[text] = dict.fromkeys(text.split(), _ACTOR)
        return words


_ACTOR_WORDS = _ActorWords()
FOLDED_ACTORS = 10_000


def folded_words(text: str, *, marked: bool = False) -> list[str]:
    """``fold(text).split()``, folding each distinct token of an ASCII text once; ``marked``,
    with the mark of each short name the text writes in capitals after its words.

    Folding an ASCII text is local to its tokens: nothing it does crosses a
    space (letters and digit groups end there, an English possessive ends at
    its ``s``), so the text's words are its tokens' words in order. Claims
    share most of their tokens: a token is looked up instead of folded, and its
    words are the same string objects every time, their hashes computed once,
    which the dictionaries they go into reuse. Other texts, where non-breaking
    spaces can join digit groups, are folded whole.
    """
    if not text.isascii():
        folded = fold(text).split()
        return folded + [mark for mark in map(capital_mark, text.split()) if mark] if marked else folded
    words: list[str] = []
    cache = _MARKED if marked else _FOLDED
    for token in text.split():  # a plain loop beats map and chain here
        words += cache[token]
    return words


class Parties(NamedTuple):
    """What reading who did what to whom in a statement needs (see :mod:`rknk.acts`)."""

    names: acts.Names
    #: actor id -> its state, for a person or a body of one
    states: dict[str, str]
    #: actor id -> the marks of the short names in capitals among its name and aliases
    capitals: dict[str, list[str]]


def parties_of(actors: Iterable[ActorRecord], demonyms: Mapping[str, str]) -> Parties:
    """The actors' names as parties: each one's name and aliases, folded, and for a state the
    adjectives of its people (``demonyms``: folded adjective -> state id, as ``north korean``)."""
    listed = list(actors)
    # A short name (``as``, ``us``) is a word too often to be read as a party in lower case.
    names: dict[str, list[str]] = {
        actor["id"]: [folded for folded in map(fold, (actor["name"], *actor["aliases"])) if not needs_capitals(folded)]
        for actor in listed
    }
    for adjective, state in demonyms.items():
        names.setdefault(state, []).append(adjective)
    states = {actor["id"]: actor["state"] for actor in listed if actor["state"]}
    capitals = {
        actor["id"]: [
            mark for name in (actor["name"], *actor["aliases"]) for mark in map(capital_mark, name.split()) if mark
        ]
        for actor in listed
    }
    return Parties(acts.Names(names), states, {actor: marks for actor, marks in capitals.items() if marks})


def analyse(
    claim: ClaimRecord,
    actor_ids: Iterable[str],
    topics: Mapping[str, TopicRecord],
    actor_texts: Mapping[str, str],
    parties: Parties | None = None,
) -> Analysis:
    """Analyse one claim; ``actor_texts`` holds each actor's names, already folded. With
    ``parties``, the act its statement states is marked with the parties in its roles
    (:mod:`rknk.acts`)."""
    words: dict[str, int] = {}
    #: the words of the claim's own texts, field by field: (code, words)
    own: list[tuple[int, list[str]]] = []
    names: list[str] = []
    #: the claim's words before its actors' (the weaker own fields'), and the actors'
    #: words among them: marked below if no stronger field holds them
    before: dict[str, int] | None = None
    shared: list[str] = []
    for name, text in claim_fields(claim, actor_ids, topics, actor_texts):
        code = FIELD_CODES[name]
        if code == _ACTOR:
            names.append(text)
            if before is None:
                before = words.copy()
            held = _ACTOR_WORDS[text]
            shared.extend(filter(before.__contains__, held))
            words.update(held)
            continue
        split = folded_words(text, marked=True)
        own.append((code, split))
        for word in split:  # faster than dict.update, for these short lists
            words[word] = code
    # Numbers the texts spell ("two leaders", "dua puluh") are found as figures too,
    # under the weakest field that spells them, unless a field holds the figure itself:
    # a figure never replaces a word's field, so adding them after every field's words
    # gives what adding them field by field would.
    if spells_numbers(words):
        for code, split in own:
            for figure in spelled_numbers(split):
                words.setdefault(figure, code)
    for word in shared:
        if words[word] == _ACTOR:  # no stronger field holds it
            words[word] = _ACTOR + OWN_TOO
    if claim["places"]:
        words[PLACED] = _PLACE
        for place in claim["places"]:
            words[place_mark(" ".join(folded_words(place)))] = _PLACE
    only_claimants = {c["actor"] for c in claim["claimants"] if c["actor"]}.difference(claim["actors"])
    if only_claimants:  # then its actors are marked too: who did it, beside who only said so
        for actor_id in only_claimants:
            words[claimant_mark(actor_id)] = FIELD_CODES["claimant"]
        for actor_id in claim["actors"]:
            words[actor_mark(actor_id)] = _ACTOR
    if parties is not None:
        # A short name in capitals counts in an actor's names as in the claim's own texts.
        for actor_id in actor_ids:
            for mark in parties.capitals.get(actor_id, ()):
                if words.get(mark, -1) < _ACTOR:
                    words[mark] = _ACTOR
        statement_words = own[-1][1]
        if not acts.act_words().keys().isdisjoint(statement_words):
            statement_words = [word for word in statement_words if not word.startswith("@")]
            for stated in acts.read_all(statement_words, parties.names.mentions(statement_words)):
                words.update(dict.fromkeys(acts.marks(stated, parties.states), FIELD_CODES["statement"]))
    # The folded texts hold words only: the marks of capitals among them go.
    texts = [_unmarked(" ".join(split)) for _, split in own]
    statement = " " + texts.pop() + " |"
    others = " " + " | ".join(texts) + " |"
    ends = " " + " | ".join(names) + " \n"
    return Analysis(words, statement + others + ends, len(statement), len(statement) + len(others))


def _unmarked(text: str) -> str:
    """A folded text without the marks of capitals :func:`folded_words` put among its words."""
    return text if "@" not in text else _MARKS.sub("", text)


_MARKS = re.compile(" ?" + _CAPITALS + "[a-z]+")


def actor_texts(actors: Iterable[ActorRecord]) -> dict[str, str]:
    """Each actor's name and aliases as one folded text, as :func:`analyse` takes them."""
    return {actor["id"]: fold(" ".join((actor["name"], *actor["aliases"]))) for actor in actors}
