"""Who did what to whom: the direction a query states, and the claims that state it otherwise.

A query may say plainly who acted and on whom: *did Pyongyang buy shells from Moscow?* (the buyer,
then the seller), *Britain and the US sanction North Korean firms* (who sanctions, then whom),
*Kim Jong Un's visit to Moscow* (who travels, then where). The claims holding the same words may
state the reverse (Russia buying from North Korea) or another party (sanctions on Russian
firms): no answer, though they share every word. So such a query is read as slots, from its word
order and prepositions: an act (the first word of the lexicon's ``buy``, ``supply``,
``deployment``, ``sanctions``, ``impose`` or ``visit`` concepts), its doer (the actor named just
before it, with those joined to it by *and*; after *by* or *oleh*, or right after an Indonesian
passive, for a passive), and the party after it, whose role its preposition says (*from*, *dari*:
who gave; *to*, *ke*: who received, or where a visit went; *on*, *against*, *terhadap*: whom a
sanction hit; none: the verb's object). A claim's statement is read the same way, and is no
answer if it states the act, of the same thing, with other parties (:func:`conflict`). A visit
must be one the claim tells of, and by the office typed (*Russian foreign minister's trip*). A
query without a doer and another party behaves as if it had no slots; so does a claim's statement,
which then refutes nothing.

Hosting (*Kim hosted Putin*) is left out: its doer is not the one who travelled.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rknk.normalize import fold
from rknk.search.corpus import Corpus
from rknk.search.terms import Run, actor_runs
from rknk.words import MONTHS, OFFICES, STOPWORDS, of_concepts, synonyms_of

#: Role names.
GIVER, RECEIVER, SANCTIONER, TARGET, VISITOR, PLACE = "giver", "receiver", "sanctioner", "target", "visitor", "place"
_TRANSFER_TO = {**dict.fromkeys(("to", "into", "ke", "kepada", "for", "untuk"), RECEIVER), "from": GIVER, "dari": GIVER}
_ON = dict.fromkeys(("on", "upon", "against", "terhadap", "atas"), TARGET)
#: For each act's concept: the role of its doer, the role a preposition before the other party
#: gives it, and the role of an actor right after the act (its object).
ACTS: dict[str, tuple[str, Mapping[str, str], str]] = {
    "buy": (RECEIVER, {"from": GIVER, "dari": GIVER}, GIVER),
    "buy up": (RECEIVER, {"from": GIVER, "dari": GIVER}, GIVER),
    "supply": (GIVER, _TRANSFER_TO, RECEIVER),
    "deployment": (GIVER, _TRANSFER_TO, RECEIVER),
    "sanctions": (SANCTIONER, _ON, TARGET),
    "impose": (SANCTIONER, _ON, TARGET),
    "visit": (VISITOR, dict.fromkeys(("to", "into", "in", "at", "ke", "di"), PLACE), PLACE),
}
_CONCEPTS = tuple(ACTS)
#: The acts a claim must state to answer: a visit is told as one (*arrived in*, *berkunjung ke*),
#: where a transfer or a sanction may be told in words of other concepts (*handed*, *voted for*).
STATED = frozenset({"visit"})
#: Words of the ``visit`` concept whose doer received the visit rather than made it.
HOSTING = frozenset({"host", "hosts", "hosted", "hosting", "menjamu", "dijamu"})
_AND = frozenset({"and", "dan"})
#: How many words after the other party may still name what was given (*Russian entities*).
_AFTER_PARTY = 2
_BY = frozenset({"by", "oleh"})


class Slots(NamedTuple):
    """An act and the actors in its roles, as a text states them."""

    #: The act's concept, and where its word is.
    act: str
    at: int
    #: Role -> the ids of the actors in it.
    roles: dict[str, frozenset[str]]
    #: The word qualifying an office the doer is named by (``foreign`` in *Russian foreign
    #: minister's trip*): who acted held that office, so a claim must hold the word.
    office: str = ""
    #: The words of what was given or done, after the act (*artillery shells*, *shipping firms*).
    things: tuple[str, ...] = ()
    #: Every actor the text names.
    named: frozenset[str] = frozenset()

    def plain(self) -> bool:
        """Whether the text names a doer and another party: a direction stated plainly."""
        return len(self.roles) >= 2

    def __str__(self) -> str:
        parts = ", ".join(f"{role} {' and '.join(sorted(ids))}" for role, ids in self.roles.items())
        return f"{self.act} ({parts})"


#: Words that may stand between a doer and its act: qualifying the act (*Kim Jong Un's state
#: visit*), saying it is reported (*Pyongyang is also suspected of supplying*), likely or planned
#: (*North Korea is likely to send*, *Russia plans to buy*, *Rusia berencana membeli*).
MODIFIERS = frozenset(
    {
        *("state", "official", "working", "resmi", "kenegaraan", "also", "juga", "reportedly"),
        *("may", "likely", "unlikely", "plans", "planned", "planning", "expected", "ready", "set", "preparing"),
        *("berencana", "mungkin", "kemungkinan", "bisa", "dapat", "siap", "bersiap"),
    }
)


def _subject(between: list[str]) -> bool:
    """Whether the words between an actor and an act leave the actor its doer: none, function
    words (*will*, *did*), an office and the word qualifying it (*foreign minister*), a
    word qualifying the act (*state*); not another verb (*Russia voted for sanctions*, *Korut
    menentang sanksi*), whose doer it is instead."""
    meaning = [word for word in between if word not in STOPWORDS]
    return len(meaning) <= 2 and all(
        word in MODIFIERS
        or (word.endswith("ly") and len(word) > 4)  # an English adverb (intensively)
        or of_concepts(word, (*OFFICES, "accused", "suspected"))
        or (index + 1 < len(meaning) and of_concepts(meaning[index + 1], OFFICES))
        for index, word in enumerate(meaning)
    )


def _act(words: list[str], start: int = 0) -> tuple[int, str] | None:
    """The first word of an act in ``words`` from ``start``, and its concept."""
    for position, word in enumerate(words[start:], start):
        if word in STOPWORDS or word in HOSTING or not word.isalpha() or not of_concepts(word, _CONCEPTS):
            continue
        for concept in ACTS:
            if of_concepts(word, (concept,)):
                return position, concept
    return None


def read(words: list[str], runs: Mapping[int, Run], start: int = 0) -> Slots | None:
    """The slots ``words`` state from ``start``, with ``runs`` the actors they name by position;
    None without an act."""
    found = _act(words, start)
    if found is None:
        return None
    at, concept = found
    doer_role, prepositions, object_role = ACTS[concept]
    roles: dict[str, set[str]] = {}
    before = sorted((start for start in runs if start + runs[start].length <= at), reverse=True)
    after = sorted(start for start in runs if start > at)
    office = ""
    passive = bool(after) and (
        (after[0] >= 2 and words[after[0] - 1] in _BY and after[0] - 2 == at)
        # An Indonesian passive names its doer right after it (dikirim Korea Utara); an English
        # participle (dispatched) is followed by its object.
        or (after[0] == at + 1 and words[at].startswith("di") and not words[at].endswith("ed"))
    )
    if passive:
        roles[doer_role] = {runs[after[0]].actor}
        after = after[1:]
    elif before and _subject(words[before[0] + runs[before[0]].length : at]):
        nearest = before[0]
        roles[doer_role] = {runs[nearest].actor}
        between = words[nearest + runs[nearest].length : at]
        for index, word in enumerate(between[1:], 1):
            if of_concepts(word, OFFICES) and between[index - 1] not in STOPWORDS:
                office = between[index - 1]
        # Actors joined to the doer by "and" (Britain and the US) act with it.
        for start in before[1:]:
            gap = words[start + runs[start].length : nearest]
            if not gap or not all(word in _AND or word == "the" for word in gap):
                break
            roles[doer_role].add(runs[start].actor)
            nearest = start
    things = words[at + 1 :]
    if after:
        start = after[0]
        end = start + runs[start].length
        gap = [word for word in words[at + 1 : start] if word != "the"]
        if not gap:
            roles.setdefault(object_role, set()).add(runs[start].actor)
        elif gap[-1] in prepositions:
            roles.setdefault(prepositions[gap[-1]], set()).add(runs[start].actor)
        # What was given lies between the act and its party, or names the party's things just after it.
        things = [*words[at + 1 : start], *words[end : end + _AFTER_PARTY]]
    # A visit gives nothing: what follows its destination is when or why (*in September*).
    meaning = tuple(
        word
        for word in (things if concept != "visit" else ())
        if word.isalpha() and word not in STOPWORDS and word not in prepositions and word not in MONTHS
    )
    named = frozenset(run.actor for run in runs.values())
    return Slots(concept, at, {role: frozenset(ids) for role, ids in roles.items()}, office, meaning, named)


def read_all(words: list[str], runs: Mapping[int, Run]) -> list[Slots]:
    """The slots of every act ``words`` state (*Belousov's visit came as North Korea sent troops*)."""
    found: list[Slots] = []
    stated = read(words, runs)
    while stated is not None:
        found.append(stated)
        stated = read(words, runs, stated.at + 1)
    return found


def _same_thing(query: Slots, claim: Slots) -> bool:
    """Whether a claim's act is about what the query's is: the query names nothing given
    (*a visit to Moscow*), or the claim names a word of it, or a word of its concepts
    (*firms*, *entities*), between its act and its party or just after it."""
    if not query.things:
        return True
    told = set(claim.things)
    return any(word in told or not told.isdisjoint(synonyms_of(word)) for word in query.things)


def conflict(query: Slots, claim: Slots, states: Mapping[str, str]) -> bool:
    """Whether a claim states, of the same thing, the act a query states with other parties: a
    role the query fills held by another (a transfer's receiver only if the claim does not name
    the query's elsewhere), or a party the query
    names in one role held in another the query fills otherwise (the reverse act). A state and
    its people (``states``: actor id -> its state) count as one party; a transfer's giver and
    receiver are the same roles whether it is told as a purchase or a supply."""
    if not _same_thing(query, claim):
        return False

    def parties(ids: frozenset[str]) -> set[str]:
        return {*ids, *(states[one] for one in ids if one in states)}

    asked = {role: parties(ids) for role, ids in query.roles.items()}
    told = {role: parties(ids) for role, ids in claim.roles.items()}
    for role, ids in asked.items():
        # Another party in the role; for a transfer's receiver, only if the claim does not name
        # the one asked about elsewhere: troops sent *to Ukraine to support Russia* went to Russia.
        if role in told and not ids & told[role] and (role != RECEIVER or not ids & parties(claim.named)):
            return True
        # The party asked about in another role the query fills otherwise: the reverse act.
        if any(
            other != role and other in asked and ids & held and not asked[other] & held for other, held in told.items()
        ):
            return True
    return False


def misstated(
    corpus: Corpus,
    numbers: Iterable[int],
    query: Slots,
    names: dict[str, tuple[str, bool]],
    states: Mapping[str, str],
) -> set[int]:
    """Those of the claims ``numbers`` whose statement states the act of ``query`` otherwise
    (:func:`conflict`): each statement read as it is written, its actors by their exact names."""
    wanted = list(numbers)
    found: set[int] = set()
    for claim_number, claim in zip(wanted, corpus.by_number(wanted), strict=True):
        statement = claim["statement"]
        words = fold(statement).split()
        runs = actor_runs(words, statement, names, fuzzy=False)
        if any(conflict(query, stated, states) for stated in read_all(words, runs)):
            found.add(claim_number)
    return found
