"""Who did what to whom: the act a text states, and the parties in its roles, read from word order.

A question can share every word with a claim and still ask the reverse: *did North Korea buy
rockets from Russia?* against *Russia plans to buy rockets ... from North Korea*. So a text's
first act of transfer (buying, selling, supplying, sending), of sanctioning, of vetoing or of
visiting (not hosting: its doer did not travel) is read
with the parties named around it:

- its doer is the party named just before the act (a few words may stand between: *Pyongyang
  is also suspected of supplying*), with those joined to it by *and*; or, for a passive, the
  party after *by* or *oleh*, or right after an Indonesian passive (*dikirim Korea Utara*);
- the party after it takes the role its preposition gives (*from*, *dari*: who gave; *to*, *ke*:
  who received; *on*, *against*, *terhadap*: whom a sanction hit; *to*, *in*, *ke*, *di*: where a
  visit went), or, right after the act with nothing between, the act's object (*sanction North
  Korean firms*, *supplying Russia*, *visited Pyongyang*).

A transfer's giver and receiver are the same roles whether it is told as a purchase or a supply.

The index reads each claim's statement once and holds its roles as marks beside its words
(:func:`mark`); search reads a query the same way and leaves out the claims whose marks put
other parties in the roles the query fills. Where a text names no doer, or no act, it states no
direction, and a claim refutes nothing. The act words are the lexicon's, as written, and a few
forms it finds by stem (*bought*, *sanctioned*): any other form reads as no act, which can only
keep a claim, never leave one out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

TRANSFER, SANCTION, VETO, VISIT = "transfer", "sanction", "veto", "visit"
GIVER, RECEIVER, SANCTIONER, TARGET, VETOER = "giver", "receiver", "sanctioner", "target", "vetoer"
VISITOR, PLACE = "visitor", "place"
#: Not a role: the words of what a transfer gave are marked under this name.
THING = "thing"

#: The lexicon's concepts of acts: the family of each, and its doer's role.
_CONCEPTS = {
    "buy": (TRANSFER, RECEIVER),
    "supply": (TRANSFER, GIVER),
    "deployment": (TRANSFER, GIVER),
    "sanctions": (SANCTION, SANCTIONER),
    "impose": (SANCTION, SANCTIONER),
    "veto": (VETO, VETOER),
    "thwart": (VETO, VETOER),
    "visit": (VISIT, VISITOR),
}
#: Words of the ``visit`` concept whose doer received the visit rather than made it.
_HOSTING = frozenset({"host", "hosted", "hosting", "hosts", "menjamu", "dijamu"})
#: Selling, which the lexicon does not hold as a concept: its doer gives.
_SELL = ("sell", "sells", "sold", "selling", "menjual", "dijual", "jual")
#: Forms of the acts' words the lexicon's concepts do not list (they are found there by stem).
_FORMS = {
    **dict.fromkeys(("bought", "buys", "purchased", "purchasing"), "buy"),
    **dict.fromkeys(("sends", "deploys", "ships", "dispatches", "dispatching"), "deployment"),
    **dict.fromkeys(("sanctioned", "sanctioning"), "sanctions"),
    **dict.fromkeys(("vetoing",), "veto"),
}
#: The role a preposition before the other party gives it, per family.
_BEFORE_PARTY = {
    TRANSFER: {
        **dict.fromkeys(("from", "dari"), GIVER),
        **dict.fromkeys(("to", "into", "ke", "kepada", "untuk", "for"), RECEIVER),
    },
    SANCTION: dict.fromkeys(("on", "upon", "against", "terhadap", "atas", "kepada"), TARGET),
    VETO: {},
    VISIT: dict.fromkeys(("to", "into", "in", "at", "ke", "di"), PLACE),
}
#: The role of a party named right after the act (its object), per family and doer's role.
_OBJECT = {(TRANSFER, GIVER): RECEIVER, (SANCTION, SANCTIONER): TARGET, (VISIT, VISITOR): PLACE}
#: Indonesian nouns of an act, which take their doer after them (*sanksi Barat*, the West's
#: sanctions; *pengiriman pasukan Korut*), where an English noun takes it before (*UN sanctions*).
_DOER_AFTER = frozenset({"sanksi", "hukuman", "pasokan", "pengiriman", "pengerahan", "penempatan", "pengadaan"})
#: Words that may stand between a doer and its act besides function words: saying the act is
#: likely, planned or reported (*Russia plans to buy*, *Pyongyang is also suspected of supplying*).
_MODIFIERS = frozenset(
    {
        *("also", "juga", "reportedly", "may", "likely", "unlikely", "plans", "planned", "planning", "expected"),
        *("ready", "set", "preparing", "suspected", "accused", "berencana", "mungkin", "kemungkinan", "bisa"),
        *("dapat", "siap", "bersiap", "akan", "telah", "sudah", "diduga", "dituduh"),
    }
)
#: Words that join parties acting together.
_AND = frozenset({"and", "dan", "the"})
_BY = frozenset({"by", "oleh"})
#: How many words may stand between a doer and its act (*Russia plans to buy*, *is also suspected of
#: supplying*), and between the act and its other party (*supplied rocket launchers to Russia*).
_BEFORE_ACT = 4
_AFTER_ACT = 8
#: With no party after the act, the words of what was given are looked for this far after it.
_THINGS = 6
#: The prefix of every mark (folding drops ``@``, so no query word can be one).
PREFIX = "@act:"


class Mention(NamedTuple):
    """A party named in a text: the words it spans, and the actor it names."""

    start: int
    end: int
    actor: str


class Stated(NamedTuple):
    """An act a text states, the actors in each of its roles, and for a transfer what was given."""

    family: str
    roles: dict[str, frozenset[str]]
    #: The words of what a transfer gave, between the act and its other party (*rockets and
    #: artillery shells*, *support*): a claim refutes a query only about the same things.
    things: tuple[str, ...] = ()

    def plain(self) -> bool:
        """Whether the text names a doer and another party, or who cast a veto (a veto has no
        other party: what it blocked is a draft): a direction stated plainly."""
        return len(self.roles) >= 2 or (self.family == VETO and VETOER in self.roles)

    def __str__(self) -> str:
        parts = "; ".join(f"{role} {' and '.join(sorted(ids))}" for role, ids in self.roles.items())
        return f"{self.family} ({parts})"


@lru_cache(maxsize=1)
def act_words() -> dict[str, tuple[str, str]]:
    """Each word of an act, folded, and its family and doer's role (see :data:`_CONCEPTS`)."""
    from rknk.words import concept_words

    found: dict[str, tuple[str, str]] = dict.fromkeys(_SELL, (TRANSFER, GIVER))
    for concept, meaning in _CONCEPTS.items():
        for word in concept_words(concept) - _HOSTING:
            found.setdefault(word, meaning)
    for word, concept in _FORMS.items():
        found.setdefault(word, _CONCEPTS[concept])
    return found


def read(words: list[str], mentions: Iterable[Mention]) -> Stated | None:
    """The first act ``words`` state and the parties ``mentions`` name in its roles; None without
    an act or a party in one of its roles."""
    acts = act_words()
    at = next((position for position, word in enumerate(words) if word in acts), None)
    return None if at is None else _read_at(words, sorted(mentions), at)


def read_all(words: list[str], mentions: Iterable[Mention]) -> list[Stated]:
    """Every act ``words`` state with a party in one of its roles (*Belousov's visit came amid
    reports that North Korea has sent thousands of troops*: a visit, and a transfer)."""
    acts = act_words()
    named = sorted(mentions)
    found = (_read_at(words, named, at) for at, word in enumerate(words) if word in acts)
    return [stated for stated in found if stated is not None]


def _read_at(words: list[str], named: list[Mention], at: int) -> Stated | None:
    """The act whose word is ``words[at]``, with the parties ``named`` (sorted) in its roles."""
    acts = act_words()
    family, doer_role = acts[words[at]]
    before = [m for m in named if m.end <= at]
    after = [m for m in named if m.start > at]
    roles: dict[str, set[str]] = {}
    # The doer named after the act: after "by" or an Indonesian passive (dikirim Korea Utara),
    # or after an Indonesian noun of the act (sanksi Barat).
    doer_after = bool(after) and (
        (after[0].start == at + 2 and words[at + 1] in _BY)
        or (after[0].start == at + 1 and words[at].startswith("di") and not words[at].endswith("ed"))
        or (after[0].start == at + 1 and words[at] in _DOER_AFTER)
    )
    if doer_after:
        roles[doer_role] = {after[0].actor}
        after = after[1:]
    elif before and at - before[-1].end <= _BEFORE_ACT and _only_modifiers(words[before[-1].end : at]):
        doers = [before[-1]]
        for mention in reversed(before[:-1]):
            gap = words[mention.end : doers[-1].start]
            if not gap or not all(word in _AND for word in gap):
                break
            doers.append(mention)
        roles[doer_role] = {mention.actor for mention in doers}
    given = words[at + 1 : at + 1 + _THINGS]
    if after and after[0].start - at <= _AFTER_ACT:
        party = after[0]
        given = words[at + 1 : party.start]
        gap = [word for word in given if word != "the"]
        role = _BEFORE_PARTY[family].get(gap[-1]) if gap else _OBJECT.get((family, doer_role))
        if role is not None and role not in roles:
            roles[role] = {party.actor}
    if not roles:
        return None
    things = tuple(dict.fromkeys(_things(given))) if family == TRANSFER else ()
    return Stated(family, {role: frozenset(ids) for role, ids in roles.items()}, things)


def _things(words: list[str]) -> Iterable[str]:
    """The words naming what was given among ``words``: not function words, prepositions or figures."""
    from rknk.words import STOPWORDS

    prepositions = _BEFORE_PARTY[TRANSFER]
    return (word for word in words if word.isalpha() and word not in STOPWORDS and word not in prepositions)


def _only_modifiers(between: list[str]) -> bool:
    """Whether the words between a party and an act leave the party its doer: function words,
    words saying the act is likely, planned or reported, and an office (*Russia's foreign
    minister visited*); not another verb (*Russia supported sanctions*, *Korut menentang
    sanksi*), whose doer the party is instead."""
    from rknk.words import STOPWORDS

    offices = _office_words()
    return all(
        word in STOPWORDS or word in _MODIFIERS or word in offices or (word.endswith("ly") and len(word) > 4)
        for word in between
    )


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """The words of the lexicon's offices (*minister*, *menteri*) and what qualifies them (*foreign*)."""
    from rknk.words import OFFICES, concept_words

    qualifying = {"foreign", "defence", "defense", "luar", "negeri", "pertahanan"}
    return frozenset().union(*map(concept_words, OFFICES)) | qualifying


def mark(family: str, role: str, actor: str) -> str:
    """The mark of ``actor`` in ``role`` of an act of ``family``: ``@act:transfer:giver:north-korea``."""
    return f"{PREFIX}{family}:{role}:{actor}"


def marks(stated: Stated, states: Mapping[str, str]) -> list[str]:
    """The marks a claim stating ``stated`` holds: each party, and the state of a person or body
    (``states``: actor id -> its state), so Belousov's purchase is Russia's too."""
    found = [mark(stated.family, THING, word) for word in stated.things]
    for role, ids in stated.roles.items():
        for actor in ids:
            found.append(mark(stated.family, role, actor))
            if actor in states:
                found.append(mark(stated.family, role, states[actor]))
    return found


class Names:
    """The names of the actors a statement may name as parties, as runs of folded words, by
    their first word: looked up once per word of a statement."""

    def __init__(self, names: Mapping[str, Iterable[str]]) -> None:
        """``names``: actor id -> its folded names (name, aliases, and a state's demonyms)."""
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for actor, texts in names.items():
            for text in texts:
                name = tuple(text.split())
                if name:
                    self._by_first.setdefault(name[0], []).append((name, actor))
        for entries in self._by_first.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest name first

    def mentions(self, words: list[str]) -> list[Mention]:
        """The parties ``words`` name, the longest name where two start at one word."""
        by_first = self._by_first
        found: list[Mention] = []
        end = 0
        for position in [position for position, word in enumerate(words) if word in by_first]:
            if position < end:  # inside a name found already
                continue
            for name, actor in by_first[words[position]]:
                if len(name) == 1 or tuple(words[position : position + len(name)]) == name:
                    end = position + len(name)
                    found.append(Mention(position, end, actor))
                    break
        return found
