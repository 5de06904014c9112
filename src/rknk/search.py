"""Ranked search over every text a claim carries, in English and Indonesian.

A query is folded (:func:`rknk.normalize.fold`) and split into terms. Each
term is looked up in an inverted index of folded words, in this order of
preference: the word itself, a word it starts (``kurs`` -> ``kursk``), a
synonym from ``synonyms.json``, and last a fuzzy match for typos. A run of
query words that names an actor by any alias (``korea selatan``, ``DPRK``)
also finds every claim involving that actor. A claim's score is the mean of
its terms' best scores, scaled to 100, with a bonus when the whole query
appears as a phrase; claims below :data:`MIN_SCORE` are not shown, so a query
that matches nothing returns nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from rknk.normalize import fold
from rknk.query import involved
from rknk.records import ActorRecord, ClaimRecord, TopicRecord

#: Results scoring below this are dropped. A two-word query with one word
#: found scores 50, so both words must count for something to reach 60.
MIN_SCORE = 60.0
MAX_QUERY_LENGTH = 200

#: How much a hit in each field counts. The statement and names are what a
#: user remembers best; the curator's note is outside the source and counts least.
FIELD_WEIGHTS = {
    "statement": 1.0,
    "actor": 1.0,
    "place": 1.0,
    "quantity": 1.0,
    "tag": 0.95,
    "quote": 0.9,
    "topic": 0.85,
    "claimant": 0.8,
    "note": 0.6,
}
EXACT, PREFIX, SYNONYM, FUZZY = 1.0, 0.85, 0.85, 0.75
PHRASE_BONUS = 10.0

_STOPWORDS = frozenset(
    "a an the of and or in on at to for by with from is was are were be as that this it its "
    "yang dan di ke dari untuk dengan pada ini itu atau oleh dalam akan telah".split()
)


@dataclass(frozen=True, slots=True)
class Why:
    """Where a query term matched: which field, which word, and how."""

    term: str
    field: str
    word: str
    how: str

    def __str__(self) -> str:
        found = self.word if self.word == self.term else f"{self.word!r}"
        return f"{self.term}: {self.how} {found} in {self.field}"


@dataclass(frozen=True, slots=True)
class Hit:
    claim: ClaimRecord
    score: float
    why: tuple[Why, ...] = field(default=())


@lru_cache(maxsize=1)
def synonyms() -> dict[str, frozenset[str]]:
    """Each folded word of ``synonyms.json`` mapped to the other words of its groups."""
    raw = json.loads(files("rknk").joinpath("synonyms.json").read_text(encoding="utf-8"))
    table: dict[str, set[str]] = {}
    for group in raw["groups"]:
        words = {fold(word) for word in group}
        for word in words:
            table.setdefault(word, set()).update(words - {word})
    return {word: frozenset(others) for word, others in table.items()}


def _claim_fields(
    claim: ClaimRecord, actors: dict[str, ActorRecord], topics: dict[str, TopicRecord]
) -> Iterable[tuple[str, str]]:
    yield "statement", claim["statement"]
    for evidence in claim["evidence"]:
        yield "quote", evidence["quote"]
    for actor_id in involved(claim):
        actor = actors.get(actor_id)
        if actor:
            yield "actor", " ".join((actor["name"], *actor["aliases"]))
    for place in claim["places"]:
        yield "place", place
    for tag in claim["tags"]:
        yield "tag", tag
    topic = topics.get(claim["topic"])
    yield "topic", claim["topic"] + (" " + topic["label"] if topic else "")
    for quantity in claim["quantities"]:
        value = quantity["value"]
        number = str(int(value)) if float(value).is_integer() else str(value)
        yield "quantity", f"{number} {quantity['unit']}"
    for claimant in claim["claimants"]:
        if claimant["text"]:
            yield "claimant", claimant["text"]
    if claim["note"]:
        yield "note", claim["note"]


class SearchIndex:
    """An inverted index of folded words, built once per dataset and queried many times."""

    def __init__(
        self,
        claims: Sequence[ClaimRecord],
        actors: dict[str, ActorRecord],
        topics: dict[str, TopicRecord],
    ) -> None:
        self.claims = list(claims)
        #: word -> claim index -> (weight, field) of the best field holding the word
        self.postings: dict[str, dict[int, tuple[float, str]]] = {}
        #: claim index -> folded texts, for phrase matches
        self.texts: list[list[str]] = []
        for index, claim in enumerate(self.claims):
            texts = []
            for name, text in _claim_fields(claim, actors, topics):
                folded = fold(text)
                texts.append(folded)
                weight = FIELD_WEIGHTS[name]
                for word in folded.split():
                    slot = self.postings.setdefault(word, {})
                    if slot.get(index, (0.0, ""))[0] < weight:
                        slot[index] = (weight, name)
            self.texts.append(texts)
        self.vocabulary = list(self.postings)
        self._actor_names = self._alias_table(actors)
        self._involved = [involved(claim) for claim in self.claims]
        self._state_of = {actor["id"]: actor["state"] for actor in actors.values()}

    @staticmethod
    def _alias_table(actors: dict[str, ActorRecord]) -> dict[str, tuple[str, bool]]:
        """Folded name or alias -> (actor id, needs capitals). Short aliases such as
        ``AS`` or ``US`` count only when typed in capitals, so the words "as" and "us" stay words."""
        table: dict[str, tuple[str, bool]] = {}
        for actor in actors.values():
            for name in (actor["name"], *actor["aliases"]):
                folded = fold(name)
                if folded:
                    table.setdefault(folded, (actor["id"], len(folded) <= 3))
        return table

    def _actor_runs(self, words: list[str], query: str) -> dict[int, tuple[int, str]]:
        """Find runs of query words naming an actor: start -> (length, actor id), longest first."""
        runs: dict[int, tuple[int, str]] = {}
        start = 0
        while start < len(words):
            for length in range(min(5, len(words) - start), 0, -1):
                phrase = " ".join(words[start : start + length])
                found = self._actor_names.get(phrase)
                if found and (not found[1] or re.search(rf"\b{re.escape(phrase.upper())}\b", query)):
                    runs[start] = (length, found[0])
                    start += length
                    break
            else:
                start += 1
        return runs

    def _word_hits(self, term: str) -> dict[int, tuple[float, Why]]:
        """Best score per claim for one query word, by exact, prefix, synonym or fuzzy match."""
        best: dict[int, tuple[float, Why]] = {}

        def offer(word: str, factor: float, how: str) -> None:
            for index, (weight, name) in self.postings.get(word, {}).items():
                score = weight * factor
                if score > best.get(index, (0.0,))[0]:
                    best[index] = (score, Why(term, name, word, how))

        offer(term, EXACT, "exact")
        if len(term) >= 3 and not term.isdigit():
            for word in self.vocabulary:
                if len(word) > len(term) and word.startswith(term):
                    offer(word, PREFIX, "prefix")
        for word in synonyms().get(term, ()):
            offer(word, SYNONYM, "synonym")
        if len(term) >= 4 and not term.isdigit():
            from rapidfuzz import fuzz, process

            cutoff = 80 if len(term) <= 5 else 75
            for word, ratio, _ in process.extract(
                term, self.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20
            ):
                if word != term and not word.isdigit():
                    offer(word, FUZZY * ratio / 100, "fuzzy")
        return best

    def search(self, query: str) -> list[Hit]:
        """Claims matching ``query``, best first: score, then date, then id."""
        words = fold(query).split()
        meaningful = [i for i, w in enumerate(words) if w not in _STOPWORDS] or list(range(len(words)))
        runs = self._actor_runs(words, query)
        terms: list[dict[int, tuple[float, Why]]] = []
        covered: set[int] = set()
        for start, (length, actor_id) in runs.items():
            phrase = " ".join(words[start : start + length])
            hits: dict[int, tuple[float, Why]] = {}
            for index, ids in enumerate(self._involved):
                if actor_id in ids:
                    hits[index] = (EXACT, Why(phrase, "actor", actor_id, "alias of"))
                elif any(self._state_of.get(i) == actor_id for i in ids):
                    hits[index] = (PREFIX, Why(phrase, "actor", actor_id, "state of"))
            # The run's words may also stand in a claim's text without the actor
            # being listed; such a claim scores by how many of the words it holds.
            run_words = [self._word_hits(word) for word in words[start : start + length]]
            for index in set().union(*run_words):
                found = [w[index] for w in run_words if index in w]
                score = sum(f[0] for f in found) / length
                if score > hits.get(index, (0.0,))[0]:
                    hits[index] = (score, found[0][1])
            terms.append(hits)
            covered.update(range(start, start + length))
        for position in meaningful:
            if position not in covered:
                terms.append(self._word_hits(words[position]))
        if not terms:
            return []
        totals: dict[int, float] = {}
        reasons: dict[int, list[Why]] = {}
        for hits in terms:
            for index, (score, why) in hits.items():
                totals[index] = totals.get(index, 0.0) + score
                reasons.setdefault(index, []).append(why)
        phrase = " ".join(words)
        results = []
        for index, total in totals.items():
            score = 100.0 * total / len(terms)
            if len(words) > 1 and any(phrase in text for text in self.texts[index]):
                score = min(100.0, score + PHRASE_BONUS)
            if score >= MIN_SCORE:
                results.append(Hit(self.claims[index], round(score, 1), tuple(reasons[index])))
        from rknk.query import chronological_key

        results.sort(key=lambda hit: (-hit.score, chronological_key(hit.claim)))
        return results
