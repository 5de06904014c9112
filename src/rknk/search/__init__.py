"""Ranked search over every text a claim carries, in English and Indonesian.

Query and claims are folded alike (:func:`rknk.normalize.fold`: case, accents,
punctuation, hyphens and spaces in names, number formats). The search is
three steps, one module each, so that each can change without the others:

* :mod:`rknk.search.terms` reads the query into terms: words, and runs of
  words naming an actor, less its question and function words, with what a
  question asks for and what kind of word each term is (an everyday word,
  a capital that is also a place);
* :mod:`rknk.search.matching` finds the claims matching each term, and how
  well (exact, English stem or Indonesian root, synonym, prefix, fuzzy; field weights);
* :mod:`rknk.search.ranking` weighs each term by its rarity and its kind,
  scores claims from their matches, applies the relevance floor and orders
  the results. When nothing passes the floor, words no claim holds may be
  left out in one more round over the same matches (:func:`ranking.droppable`).

All three read claims through a :class:`~rknk.search.corpus.Corpus`: the
embedded index (:class:`rknk.index.Index`) for lookups, or claims in memory
(:class:`SearchIndex`). Only the candidates a term's postings name are ever
scored, and only the results shown are read in full.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from functools import partial
from typing import NamedTuple, overload

from rknk.index.rows import PLACED, actor_mark, claimant_mark, place_mark
from rknk.records import ActorRecord, ClaimRecord, TopicRecord
from rknk.search import ranking
from rknk.search.corpus import Corpus, MemoryCorpus
from rknk.search.matching import ALIAS, CHUNK, FIELD_WEIGHTS, FUZZY, INTENT, MEMBER, Found, Matcher, Matches, Why
from rknk.search.ranking import MIN_COVERAGE
from rknk.search.terms import ASKED, MAX_QUERY_LENGTH, Reading, Term, alias_table, frames, parse
from rknk.words import former_states, office_of, places, seat_states, synonyms_of

__all__ = [
    "FIELD_WEIGHTS",
    "FUZZY",
    "MAX_QUERY_LENGTH",
    "MIN_COVERAGE",
    "Hit",
    "Reading",
    "Results",
    "SearchIndex",
    "Searcher",
    "Why",
]


#: Hits read per query by :meth:`Results.json_pages`: large enough that SQLite, not
#: Python, does the work per claim; small enough that the first lines leave at once.
PAGE = 2000
#: The first page is smaller, and pages double up to :data:`PAGE`: the first lines leave sooner.
FIRST_PAGE = 125


class Hit(NamedTuple):
    claim: ClaimRecord
    score: float
    why: tuple[Why, ...] = ()


class Results(Sequence[Hit]):
    """Ranked hits, best first. Claims are read from the corpus a chunk at a time as
    the hits are iterated, so a large answer starts at once and memory stays flat."""

    def __init__(
        self,
        corpus: Corpus,
        numbers: list[int] | ranking.Ranked,
        found: dict[int, float],
        matches: list[Found],
        reading: Reading,
        boosted: set[int],
    ) -> None:
        self._corpus = corpus
        # The order is worked out in full only when more than a first page is read.
        self._ranked = numbers if isinstance(numbers, ranking.Ranked) else None
        self._list = numbers if isinstance(numbers, list) else None
        self._scores = found
        self._matches = matches
        self._boosted = boosted
        #: How the query was read (terms, dropped words, roles, intent), for ``--explain``.
        self.reading = reading

    @property
    def _numbers(self) -> list[int]:
        if self._list is None:
            assert self._ranked is not None
            self._list = self._ranked.all()
        return self._list

    def __len__(self) -> int:
        if self._list is not None:
            return len(self._list)
        assert self._ranked is not None
        return self._ranked.count

    @overload
    def __getitem__(self, index: int) -> Hit: ...

    @overload
    def __getitem__(self, index: slice) -> Results: ...

    def __getitem__(self, index: int | slice) -> Hit | Results:
        if isinstance(index, slice):
            return Results(self._corpus, self._numbers[index], self._scores, self._matches, self.reading, self._boosted)
        number = self._numbers[index]
        return self._hit(number, self._corpus.by_number([number])[0])

    def __iter__(self) -> Iterator[Hit]:
        numbers = self._numbers
        for start in range(0, len(numbers), CHUNK):
            chunk = numbers[start : start + CHUNK]
            for number, claim in zip(chunk, self._corpus.by_number(chunk), strict=True):
                yield self._hit(number, claim)

    def _hit(self, number: int, claim: ClaimRecord) -> Hit:
        return Hit(claim, self._scores[number], self._why(number))

    def _why(self, number: int) -> tuple[Why, ...]:
        why = [hits[number][1] for hits in self._matches if number in hits]
        if number in self._boosted and self.reading.intent:
            why.append(Why("", f"{ranking.INTENT_BOOST:g}", ASKED[self.reading.intent], INTENT))
        return tuple(why)

    def json_pages(self, tail: Callable[[float, tuple[Why, ...]], bytes]) -> Iterator[bytes]:
        """The hits as UTF-8 JSON, a page of them at a time: each claim's JSON as
        :meth:`Corpus.json_texts` gives it, its closing brace replaced by what
        ``tail`` makes of its score and reasons (the brace, and whatever follows).

        For output that writes a large answer as text: a page is read and joined
        in one query, and hits with the same score and reasons, as most hits of a
        broad search are, share one tail, made once.
        """
        scores, matches = self._scores, self._matches
        boosted = self._boosted if self.reading.intent else set()
        made: dict[object, bytes] = {}
        start, size = 0, FIRST_PAGE
        while start < len(self):
            # The first page is picked without ordering the rest: it leaves sooner.
            page = (
                self._ranked.first(size)
                if start == 0 and self._ranked is not None
                else self._numbers[start : start + size]
            )
            # The matches of one term share their (quality, why) pairs: with the score
            # and the boost, their identities tell hits apart, and are looked up in C.
            # One term's pair alone decides the score when nothing is boosted.
            keys: list[object] = (
                list(map(id, map(matches[0].get, page)))
                if len(matches) == 1 and not boosted
                else list(
                    zip(
                        map(scores.__getitem__, page),
                        map(boosted.__contains__, page),
                        *[map(id, map(hits.get, page)) for hits in matches],
                        strict=True,
                    )
                )
            )
            holders = dict(zip(keys, page, strict=True))  # each distinct key, and a hit that has it
            if len(made) > 4096:  # many distinct ones: keep memory flat
                made.clear()
            tails = [
                made.get(key) or made.setdefault(key, tail(scores[number], self._why(number)))
                for key, number in holders.items()
            ]
            which = {key: n for n, key in enumerate(holders)}
            yield self._corpus.joined_documents(page, list(map(which.__getitem__, keys)), tails)
            start, size = start + size, min(2 * size, PAGE)


class Without:
    """The claim numbers of ``allowed`` (every one, if None) but those of ``left_out``."""

    def __init__(self, allowed: Container[int] | None, left_out: Container[int]) -> None:
        self._allowed = allowed
        self._left_out = left_out

    def __contains__(self, number: object) -> bool:
        return number not in self._left_out and (self._allowed is None or number in self._allowed)


class Searcher:
    """Searches a corpus of claims; build once, query many times."""

    def __init__(self, corpus: Corpus, actors: Mapping[str, ActorRecord], topics: Mapping[str, TopicRecord]) -> None:
        self.corpus = corpus
        self._names = alias_table(actors.values())
        # A state or a person named must be involved in a claim: an organisation or a
        # medium is as often named as a source or a claimant as the subject.
        self._named = frozenset(actor_id for actor_id, actor in actors.items() if actor["kind"] in ("state", "person"))
        self._states = frozenset(actor_id for actor_id, actor in actors.items() if actor["kind"] == "state")
        # Each state's names, aliases, adjective and seats, folded: the places that are in it.
        self._place_names: dict[str, set[str]] = {}
        for name, (actor_id, _) in self._names.items():
            self._place_names.setdefault(actor_id, set()).add(name)
        for seat, state in seat_states().items():
            self._place_names.setdefault(state, set()).add(seat)
        # A state's people and bodies: who acted for it (its defence minister, its army).
        self._members: dict[str, list[str]] = {}
        for actor_id, actor in actors.items():
            if actor["state"]:
                self._members.setdefault(actor["state"], []).append(actor_id)
        # A person's office, for "Belousov's predecessor": the role's words up to when it was held.
        self._offices = {
            actor_id: office_of(actor["role"])
            for actor_id, actor in actors.items()
            if actor["kind"] == "person" and actor["role"]
        }
        self._state_of = {actor_id: actor["state"] for actor_id, actor in actors.items() if actor["state"]}
        self._matcher = Matcher(corpus, actors)

    def _misdirected(self, reading: Reading) -> tuple[set[int], str]:
        """The claims stating the act a query states plainly with other parties in its roles, and
        the direction read (see :mod:`rknk.acts`); for a query stating none, nothing and "".

        A claim is no answer if it puts someone else in a role the query fills (a transfer's
        receiver only if it does not name the one asked about at all: troops sent *to Ukraine to
        support Russia* went to Russia), or puts a party the query names in another role of the
        act (the reverse act); for a transfer, only if it gave the same things, by any word of
        their concepts (Moscow's *support* for Pyongyang's missiles does not refute that
        Pyongyang sent *troops* to Moscow). Read from the marks the index holds for each
        statement's act: a few small postings, no claim read.
        """
        from rknk import acts

        mentions = [acts.Mention(t.start, t.end, t.run.actor) for t in reading.terms if t.run]
        stated = acts.read(reading.words, mentions) if mentions else None
        if stated is None or not stated.plain():
            return set(), ""
        corpus = self.corpus

        def holding(role: str, parties: set[str]) -> set[int]:
            return set().union(*(corpus.postings(acts.mark(stated.family, role, one)) for one in sorted(parties)))

        asked = {
            role: {*ids, *(self._state_of[one] for one in ids if one in self._state_of)}
            for role, ids in stated.roles.items()
        }
        wrong: set[int] = set()
        for role, parties in asked.items():
            in_role = set().union(
                *(corpus.postings(mark) for mark in corpus.prefixed(acts.mark(stated.family, role, "")))
            )
            others = in_role - holding(role, parties)
            if role == acts.RECEIVER:
                others -= set().union(*(corpus.claims_of(one) for one in sorted(parties)))
            wrong |= others
            for other in asked:
                if other != role:
                    wrong |= holding(other, parties) - holding(role, parties)
        if stated.things:
            words = {word for thing in stated.things for word in (thing, *synonyms_of(thing))}
            wrong &= holding(acts.THING, words)
        return wrong, str(stated)

    def _sited(self, found: Found) -> Matches:
        """``found`` for a capital typed as where something happened (``trip to Pyongyang``),
        without the claims that only list its state and name a city or region elsewhere
        (the lexicon's ``places``): the 2019 summit lists North Korea, but was held in Vladivostok."""
        elsewhere: set[int] = set()
        for place in places():
            elsewhere.update(self.corpus.postings(place))
        return {number: pair for number, pair in found.items() if pair[1].field != "actor" or number not in elsewhere}

    def _seat_of_old(self, term: Term, found: Found) -> Found:
        """``found`` for a capital typed (``Moscow``, ``Kremlin``), with the claims of the states
        whose seat its state took (the lexicon's ``former_states``): Soviet aid was Moscow's aid."""
        former = former_states().get(term.run.actor, ()) if term.run else ()
        if not former:
            return found
        found = dict(found)
        for state in former:
            pair = (ALIAS * MEMBER, Why(term.text, "actor", state, "seat, in its time, of"))
            for number in self.corpus.claims_of(state):
                found.setdefault(number, pair)
        return found

    def _elsewhere(self, term: Term) -> set[int]:
        """The claims that say they happened somewhere other than where ``term`` says (``trip to
        Pyongyang``, ``Putin's visit to North Korea``): a claim giving a place (its ``places``) must
        give this one or its state, by any of their names, or for a state a place whose name
        begins with one of them (``Russian Far East``, in Russia but not in Moscow). The treaty
        names Moscow, but was signed in North Korea; the 2019 summit, in Vladivostok, was no visit
        to North Korea. Read from the marks the index holds for each place a claim gives, a few
        words' postings: no claim is read."""
        assert term.run is not None
        here: set[str] = set()
        for name in self._place_names.get(term.run.actor, ()):
            mark = place_mark(name)
            if term.place:
                here.add(mark)
            else:
                here.update(
                    found for found in self.corpus.prefixed(mark) if found[len(mark) : len(mark) + 1] in ("", "_")
                )
        there = set().union(*(self.corpus.postings(mark) for mark in sorted(here)))
        return {number for number in self.corpus.postings(PLACED) if number not in there}

    def _doers(self, found: Found, actor: str) -> Found:
        """``found`` for a state or a person typed as who sent something or imposed a sanction,
        without the claims that name it, and its people and bodies, only as claimants: a claim
        South Korea reported (*North Korea sent troops, South Korea says*) is no answer to what
        South Korea sent. Read from the marks the index holds for a claim with a claimant who is
        no actor: a few small postings, no claim read."""
        group = (actor, *self._members.get(actor, ()))
        said = set().union(*(self.corpus.postings(claimant_mark(one)) for one in group))
        if not said:
            return found
        did = set().union(*(self.corpus.postings(actor_mark(one)) for one in group))
        return {number: pair for number, pair in found.items() if number not in said or number in did}

    def results(self, query: str, *, allowed: Container[int] | None = None, limit: int | None = None) -> Results:
        """Claims matching ``query``, best first: score, then newest first.

        ``allowed``, if given, holds the numbers of the claims that may be
        returned (those passing the lookup's filters); ``limit`` caps how many.
        A query naming something the data cannot answer (a capitalised name it
        does not know, a lexicon concept no claim holds) returns nothing, and
        its reading says why. A query holding any other word no claim holds is
        scored only in the round that may leave such words out
        (:func:`ranking.droppable`), whose rules decide whether the rest may answer.
        """
        reading = parse(query, self._names, self._named, self._offices, self._states)
        if reading.excluded:
            # Belousov's predecessor is not Belousov: his claims are no answer.
            left_out = set().union(*(self.corpus.claims_of(actor) for actor in reading.excluded))
            allowed = Without(allowed, left_out)
        terms = reading.terms
        self._matcher.forget()
        matches = [
            self._matcher.actor(term.text, term.run) if term.run else self._matcher.word(term.text) for term in terms
        ]
        matches = [self._sited(found) if term.located else found for term, found in zip(terms, matches, strict=True)]
        matches = [
            self._seat_of_old(term, found) if term.place else found for term, found in zip(terms, matches, strict=True)
        ]
        elsewhere = set().union(*(self._elsewhere(term) for term in terms if term.located))
        if elsewhere:
            allowed = Without(allowed, elsewhere)
        misdirected, direction = self._misdirected(reading)
        if misdirected:
            allowed = Without(allowed, misdirected)
            reading = reading._replace(direction=direction)
        if any(term.doer for term in terms):
            matches = [
                self._doers(found, term.run.actor) if term.doer and term.run else found
                for term, found in zip(terms, matches, strict=True)
            ]
        # A name the data does not know at all (Japan, Trump, Wonsan), a concept of the
        # lexicon no claim holds by any of its words (died, tewas), or an ordinal no claim
        # holds (second), means the data cannot answer: the nearest claims about other things are no answer.
        unknown = [
            term.text
            for term, found in zip(terms, matches, strict=True)
            if not found and not term.run and not term.span
        ]
        ordinals = {term.text for term in terms if term.ordinal}
        lacking = tuple(
            text for text in unknown if text in reading.capitalised or text in ordinals or synonyms_of(text)
        )
        if lacking:
            terms = []
            reading = reading._replace(lacking=lacking)
        score = partial(
            ranking.scores,
            self.corpus,
            reading.words,
            intent=reading.intent,
            strict=reading.strict,
            allowed=allowed,
            limit=limit,
            holders=self._matcher.holders,
        )
        # A word no claim holds is either what the data lacks or a paraphrase: only the
        # round that may leave it out (below) decides which, never the share of terms.
        unheld = any(not hits and not frames(term) for term, hits in zip(reading.terms, matches, strict=True))
        found, boosted = score(terms, matches) if terms and not unheld else ({}, set())
        if not found and terms:
            # Nothing passed the floor: words no claim holds may be a paraphrase the data
            # words otherwise. Drop them, once, if what is left still says enough.
            dropped = ranking.droppable(
                terms, matches, len(self.corpus.ranks()), reading.capitalised | {reading.initial}
            )
            if dropped:
                kept = [n for n in range(len(terms)) if n not in dropped]
                terms, matches = [terms[n] for n in kept], [matches[n] for n in kept]
                reading = reading._replace(relaxed=tuple(reading.terms[n].text for n in sorted(dropped)))
                found, boosted = score(terms, matches)
        numbers: list[int] | ranking.Ranked = ranking.Ranked(found, self.corpus.ranks(), limit) if found else []
        return Results(self.corpus, numbers, found, matches, reading, boosted)


class SearchIndex(Searcher):
    """Search over claims held in memory (for tests and library use)."""

    def __init__(
        self, claims: Sequence[ClaimRecord], actors: Mapping[str, ActorRecord], topics: Mapping[str, TopicRecord]
    ) -> None:
        corpus = MemoryCorpus(claims, actors, topics)
        super().__init__(corpus, actors, topics)
        self.claims = corpus.claims

    def search(self, query: str) -> list[Hit]:
        """Every claim matching ``query``, best first."""
        return list(self.results(query))
