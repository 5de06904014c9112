"""A claim as the search index sees it: its words by field, and its folded texts.

Shared by the embedded index, which stores this per claim, and by the search
over claims held in memory, so both find exactly the same words in the same
fields. The fields come weakest first; where a word is in several fields, the
strongest (latest) one is kept, so each word of a claim has one field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rknk import acts
from rknk.dates import date_words
from rknk.normalize import fold
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
    """The mark a claim whose own texts write ``letters`` in capitals holds: ``@caps:un`` for
    ``UN``, ``@caps:us`` for ``U.S.``. Folding loses case, and ``un`` is also the last word of
    *Kim Jong Un*: search looks these up for a name typed in capitals, reading no claim."""
    return _CAPITALS + letters


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
    emptied when it holds :data:`FOLDED_TOKENS`, so memory stays bounded."""

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
        self[token] = words
        return words


#: Tokens folded so far (see :func:`folded_words`), and how many it keeps at most.
_FOLDED = _FoldedTokens()
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


class _CapitalTokens(dict[str, str]):
    """Tokens and the mark of the word in capitals each writes (``UN's``, ``U.S.-led``), or "",
    worked out on first use; emptied when it holds :data:`FOLDED_TOKENS`."""

    def __missing__(self, token: str) -> str:
        if len(self) >= FOLDED_TOKENS:
            self.clear()
        found = ""
        for part in token.split("-"):
            part = part.strip(_PUNCTUATION)
            for ending in ("'s", "\u2019s"):
                part = part.removesuffix(ending)
            letters = part.replace(".", "").replace("&", "")
            if len(letters) >= 2 and letters.isalpha() and letters.isupper() and letters.isascii():
                found = capitals_mark(letters.lower())
                break
        self[token] = found
        return found


_PUNCTUATION = "\"'()[]{},;:!?\u201c\u201d\u2018\u2019"
_CAPITAL_TOKENS = _CapitalTokens()


def capitals_in(text: str) -> list[str]:
    """The marks of the words ``text`` writes in capitals (see :func:`capitals_mark`)."""
    if text.islower():
        return []
    return [mark for mark in map(_CAPITAL_TOKENS.__getitem__, text.split()) if mark]


def folded_words(text: str) -> list[str]:
    """``fold(text).split()``, folding each distinct token of an ASCII text once.

    Folding an ASCII text is local to its tokens: nothing it does crosses a
    space (letters and digit groups end there, an English possessive ends at
    its ``s``), so the text's words are its tokens' words in order. Claims
    share most of their tokens: a token is looked up instead of folded, and its
    words are the same string objects every time, their hashes computed once,
    which the dictionaries they go into reuse. Other texts, where non-breaking
    spaces can join digit groups, are folded whole.
    """
    if not text.isascii():
        return fold(text).split()
    words: list[str] = []
    for token in text.split():  # a plain loop beats map and chain here
        words += _FOLDED[token]
    return words


class Parties(NamedTuple):
    """What reading who did what to whom in a statement needs (see :mod:`rknk.acts`)."""

    names: acts.Names
    #: actor id -> its state, for a person or a body of one
    states: dict[str, str]
    #: actor id -> the marks of the words its name and aliases write in capitals (``DK PBB``)
    capitals: dict[str, list[str]]


def parties_of(actors: Iterable[ActorRecord], demonyms: Mapping[str, str]) -> Parties:
    """The actors' names as parties: each one's name and aliases, folded, and for a state the
    adjectives of its people (``demonyms``: folded adjective -> state id, as ``north korean``)."""
    listed = list(actors)
    names: dict[str, list[str]] = {
        actor["id"]: [fold(text) for text in (actor["name"], *actor["aliases"])] for actor in listed
    }
    for adjective, state in demonyms.items():
        names.setdefault(state, []).append(adjective)
    states = {actor["id"]: actor["state"] for actor in listed if actor["state"]}
    capitals = {actor["id"]: capitals_in(" ".join((actor["name"], *actor["aliases"]))) for actor in listed}
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
        split = folded_words(text)
        own.append((code, split))
        for word in split:  # faster than dict.update, for these short lists
            words[word] = code
        for mark in capitals_in(text):
            words[mark] = code
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
        # A name in capitals counts in an actor's names as in the claim's own texts.
        for actor_id in actor_ids:
            for mark in parties.capitals.get(actor_id, ()):
                if words.get(mark, -1) < _ACTOR:
                    words[mark] = _ACTOR
        statement_words = own[-1][1]
        if not acts.act_words().keys().isdisjoint(statement_words):
            stated = acts.read(statement_words, parties.names.mentions(statement_words))
            if stated is not None:
                words.update(dict.fromkeys(acts.marks(stated, parties.states), FIELD_CODES["statement"]))
    texts = [" ".join(split) for _, split in own]
    statement = " " + texts.pop() + " |"
    others = " " + " | ".join(texts) + " |"
    ends = " " + " | ".join(names) + " \n"
    return Analysis(words, statement + others + ends, len(statement), len(statement) + len(others))


def actor_texts(actors: Iterable[ActorRecord]) -> dict[str, str]:
    """Each actor's name and aliases as one folded text, as :func:`analyse` takes them."""
    return {actor["id"]: fold(" ".join((actor["name"], *actor["aliases"]))) for actor in actors}
