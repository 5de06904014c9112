"""Ranked search over every text a claim carries, in English and Indonesian.

Query and claims are folded alike (:func:`rknk.normalize.fold`: case, accents,
punctuation, hyphens and spaces in names, number formats), and the query is
split into terms. A run of query words naming an actor by any name or alias
(``korea selatan``, ``DPRK``, ``NATO chief``; a short one such as ``US`` only
in capitals) is one term: it finds every claim involving that actor, whatever
name the claim's text uses, and claims involving a state's people and bodies
a little below; a claim that names the actor as typed in its statement ranks
above one that only lists it. A near miss of a several-word name
(``Kim Jong Unn``) counts as a fuzzy match. Every other word that is not a
stopword is a term of its own (``10k`` and ``10 ribu`` read as ``10000``),
looked up in an inverted index of folded words at these levels:

=======  =========================================================  ========
level    the indexed word ...                                       quality
=======  =========================================================  ========
exact    is the term                                                1.0
stem     has the term's English stem (``arrives``, ``arrived``)     0.9
synonym  shares a group of ``synonyms.json`` with the term          0.85
prefix   starts with the term, of 4+ letters (``kurs``, ``kursk``)  0.6-0.9
fuzzy    is 1 edit from an unknown term of 5+ letters, 2 if 9+      0.7, 0.6
=======  =========================================================  ========

Numbers match only exactly, and a term found as typed gets no fuzzy matches.
A match's quality is its level times the weight of the field it was found in
(:data:`FIELD_WEIGHTS`, 0.75 to 1), so a whole-word hit in any field beats a
fuzzy hit in the best one.

A claim's score ranks first by how many of the ``n`` terms it matches, then by
the mean quality of those matches, of which :data:`ADJACENCY_WEIGHT` is earned
by neighbouring query words standing side by side in its text:
``100 * (matched - 1 + quality) / n``. Matching one term more therefore always
outranks matching one fewer, and matching every term exactly, as a phrase,
scores 100. Equal scores are ordered by date, then id.

The cut-off is deliberate: a claim must match at least :data:`MIN_COVERAGE` of
the terms (both of two, two of three, three of four), and each level above has
its own limits, so a query that matches nothing returns nothing rather than
the best of the bad.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, pairwise
from typing import NamedTuple

from rknk.normalize import fold
from rknk.query import involved
from rknk.records import ActorRecord, ClaimRecord, TopicRecord
from rknk.words import STOPWORDS, scale_numbers, stem, synonyms_of

MAX_QUERY_LENGTH = 200
#: A claim must match at least this share of a query's terms to be shown.
MIN_COVERAGE = 2 / 3
#: Share of a claim's quality earned by query words found side by side in its text.
ADJACENCY_WEIGHT = 0.15

#: How much a hit in each field counts. The statement, names, places and
#: numbers are what a user remembers best; the curator's note, outside the
#: source, and the claim's id (``nk-srbm-use-...``) count least. The lowest
#: weight must stay above :data:`FUZZY`, so that an exact hit anywhere beats a
#: fuzzy one.
FIELD_WEIGHTS = {
    "statement": 1.0,
    "actor": 1.0,
    "place": 1.0,
    "quantity": 1.0,
    "tag": 0.95,
    "quote": 0.9,
    "topic": 0.85,
    "claimant": 0.85,
    "note": 0.75,
    "id": 0.75,
}
EXACT, STEM, SYNONYM = 1.0, 0.9, 0.85
#: A prefix scores between these, more the more of the word the term covers.
PREFIX_LOW, PREFIX_HIGH = 0.6, 0.9
#: Quality of a fuzzy match at one edit; each further edit costs 0.1.
FUZZY = 0.7
#: A claim listing the actor a query names by an alias, without the alias in its
#: own text, matches at this quality; one naming the actor's words in its
#: statement scores the full 1.0.
ALIAS = 0.95
QUOTE = FIELD_WEIGHTS["quote"]
#: A state stands for its people and organisations at this share of that.
MEMBER = 0.85
MIN_PREFIX_LENGTH = 4
MIN_FUZZY_LENGTH = 5
#: Minimum rapidfuzz ratio for a run of 2+ query words to count as an actor's name.
NAME_RATIO = 90.0

_CAPITALS = re.compile(r"[A-Z0-9]+")


class Why(NamedTuple):
    """Where a query term matched: which field, which word, and how."""

    term: str
    field: str
    word: str
    how: str

    def __str__(self) -> str:
        found = self.word if self.word == self.term else f"{self.word!r}"
        return f"{self.term}: {self.how} {found} in {self.field}"


class Hit(NamedTuple):
    claim: ClaimRecord
    score: float
    why: tuple[Why, ...] = ()


def _claim_fields(
    claim: ClaimRecord, actor_ids: Iterable[str], topics: dict[str, TopicRecord], actor_texts: dict[str, str]
) -> Iterable[tuple[str, str]]:
    """A claim's texts by field, weakest field first, with the texts of its actors."""
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
    yield "statement", claim["statement"]


class _Run(NamedTuple):
    """Query words naming an actor: how many, which actor, and how they matched."""

    length: int
    actor: str
    exact: bool
    capitals: bool


class _Term(NamedTuple):
    """One unit of a query: a word, or a run of words naming an actor."""

    text: str
    start: int
    end: int
    run: _Run | None


#: claim index -> (quality, why) for one term
_Matches = dict[int, tuple[float, Why]]


class SearchIndex:
    """An inverted index of folded words, built once per dataset and queried many times."""

    def __init__(
        self,
        claims: Sequence[ClaimRecord],
        actors: dict[str, ActorRecord],
        topics: dict[str, TopicRecord],
    ) -> None:
        self.claims = list(claims)
        #: word -> claim index -> name of the best-weighted field holding the word
        self.postings: dict[str, dict[int, str]] = {}
        #: actor id -> indexes of the claims involving it
        self.claims_of: dict[str, list[int]] = {}
        self._topics = topics
        self._actor_names = {actor_id: " ".join((a["name"], *a["aliases"])) for actor_id, a in actors.items()}
        actor_texts = {actor_id: fold(names) for actor_id, names in self._actor_names.items()}
        postings = self.postings
        texts: list[str] = []
        #: Where each claim's texts begin in the corpus, where its other texts
        #: follow its statement, and where its actors' names follow those.
        self._starts: list[int] = []
        self._others: list[int] = []
        self._actors: list[int] = []
        offset = 0
        for index, claim in enumerate(self.claims):
            actor_ids = involved(claim)
            for actor_id in actor_ids:
                self.claims_of.setdefault(actor_id, []).append(index)
            best: dict[str, str] = {}
            own: list[str] = []
            names: list[str] = []
            # Actor names come folded already, once per actor rather than per claim.
            for name, text in _claim_fields(claim, actor_ids, topics, actor_texts):
                if name == "actor":
                    names.append(text)
                else:
                    text = fold(text)
                    own.append(text)
                # Fields come weakest first, so a stronger field overwrites a weaker one.
                best.update(dict.fromkeys(text.split(), name))
            for word, name in best.items():
                slot = postings.get(word)
                if slot is None:
                    postings[word] = {index: name}
                else:
                    slot[index] = name
            statement = " " + own.pop() + " |"
            others = " " + " | ".join(own) + " |"
            named = " " + " | ".join(names) + " \n"
            self._starts.append(offset)
            self._others.append(offset + len(statement))
            self._actors.append(offset + len(statement) + len(others))
            offset += len(statement) + len(others) + len(named)
            texts.extend((statement, others, named))
        self._starts.append(offset)
        #: Every claim's folded texts in one string: its statement, its other
        #: texts, its actors' names, each text between spaces and a bar.
        self._corpus = "".join(texts)
        self._names = self._alias_table(actors)
        self._members: dict[str, list[str]] = {}
        for actor in actors.values():
            if actor["state"]:
                self._members.setdefault(actor["state"], []).append(actor["id"])
        self._sorted_vocabulary: list[str] | None = None
        self._ranks: list[int] | None = None

    @property
    def vocabulary(self) -> list[str]:
        """Every indexed word, sorted (built on first use)."""
        if self._sorted_vocabulary is None:
            self._sorted_vocabulary = sorted(self.postings)
        return self._sorted_vocabulary

    @staticmethod
    def _alias_table(actors: dict[str, ActorRecord]) -> dict[str, tuple[str, bool]]:
        """Folded name or alias -> (actor id, needs capitals). Short aliases such as
        ``AS`` or ``US`` count only when typed in capitals, so the words "as" and "us" stay words."""
        table: dict[str, tuple[str, bool]] = {}
        for actor in actors.values():
            for name in (actor["name"], *actor["aliases"]):
                folded = fold(name)
                if folded:
                    table.setdefault(folded, (actor["id"], len(folded.replace(" ", "")) <= 3))
        return table

    # -- query parsing -------------------------------------------------------

    def _actor_runs(self, words: list[str], query: str) -> dict[int, _Run]:
        """Runs of query words naming an actor, by the position of their first word.

        Exact names and aliases are found first, longest first; then, among the
        words left, a run of two or more words within :data:`NAME_RATIO` of a
        name of two or more words (``vladimir putn``, ``south korean``).
        """
        capitals = set(_CAPITALS.findall(query))
        runs: dict[int, _Run] = {}
        covered = [False] * len(words)
        start = 0
        while start < len(words):
            for length in range(min(6, len(words) - start), 0, -1):
                phrase = " ".join(words[start : start + length])
                found = self._names.get(phrase)
                if found and (not found[1] or all(w.upper() in capitals for w in phrase.split())):
                    runs[start] = _Run(length, found[0], True, found[1])
                    covered[start : start + length] = [True] * length
                    start += length
                    break
            else:
                start += 1
        if len(words) < 2:
            return runs
        from rapidfuzz import fuzz, process

        names = [name for name in self._names if " " in name]
        start = 0
        while start < len(words) - 1:
            for length in range(min(4, len(words) - start), 1, -1):
                if any(covered[start : start + length]):
                    continue
                phrase = " ".join(words[start : start + length])
                near = process.extractOne(phrase, names, scorer=fuzz.ratio, score_cutoff=NAME_RATIO)
                if near:
                    runs[start] = _Run(length, self._names[near[0]][0], False, False)
                    covered[start : start + length] = [True] * length
                    start += length
                    break
            else:
                start += 1
        return runs

    def _terms(self, query: str) -> tuple[list[str], list[_Term]]:
        """The query's folded words and its terms, in the order typed."""
        words = scale_numbers(fold(query[: MAX_QUERY_LENGTH * 2]).split())
        runs = self._actor_runs(words, query)
        terms: list[_Term] = []
        seen: set[str] = set()
        position = 0
        while position < len(words):
            run = runs.get(position)
            length = run.length if run else 1
            text = " ".join(words[position : position + length])
            if text not in seen and (run or text not in STOPWORDS):
                terms.append(_Term(text, position, position + length, run))
                seen.add(text)
            position += length
        return words, terms

    # -- matching one term ---------------------------------------------------

    def _offer(self, best: _Matches, term: str, word: str, level: float, how: str) -> None:
        """Record ``word``'s claims for ``term`` at ``level``, keeping each claim's best match."""
        postings = self.postings.get(word)
        if not postings:
            return
        made = {name: (level * weight, Why(term, name, word, how)) for name, weight in FIELD_WEIGHTS.items()}
        if not best:
            best.update({index: made[name] for index, name in postings.items()})
            return
        for index, name in postings.items():
            pair = made[name]
            old = best.get(index)
            if old is None or old[0] < pair[0]:
                best[index] = pair

    def _prefixed(self, start: str) -> list[str]:
        """Indexed words starting with ``start`` (``start`` itself included)."""
        vocabulary = self.vocabulary
        first = bisect_left(vocabulary, start)
        last = bisect_left(vocabulary, start + "\x7f", first)
        return vocabulary[first:last]

    def _word_matches(self, term: str) -> _Matches:
        """Best quality per claim for one query word: exact, stem, synonym, prefix or fuzzy."""
        best: _Matches = {}
        self._offer(best, term, term, EXACT, "exact")
        if term.isdigit():
            return best  # numbers match only as typed: 100 is not 1000
        if len(term) > 4 and term.isalpha():
            root = stem(term)
            for word in self._prefixed(root[:-1] if root.endswith("y") else root):
                if word != term and stem(word) == root:
                    self._offer(best, term, word, STEM, "stem")
        for word in synonyms_of(term):
            self._offer(best, term, word, SYNONYM, "synonym")
        if len(term) >= MIN_PREFIX_LENGTH:
            for word in self._prefixed(term):
                if word != term:
                    level = PREFIX_LOW + (PREFIX_HIGH - PREFIX_LOW) * len(term) / len(word)
                    self._offer(best, term, word, level, "prefix")
        # A word found as typed is what the user meant; only unknown words get typo help.
        if term not in self.postings and len(term) >= MIN_FUZZY_LENGTH and term.isalpha():
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            edits = 1 if len(term) < 9 else 2
            for word, distance, _ in process.extract(
                term, self.vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=30
            ):
                if distance and word.isalpha():
                    self._offer(best, term, word, FUZZY - 0.1 * (distance - 1), "fuzzy")
        return best

    def _actor_matches(self, term: str, run: _Run) -> _Matches:
        """Claims involving the actor, at a little less those involving its members
        if it is a state, and claims whose text names it without listing it."""
        level = ALIAS if run.exact else FUZZY
        how = "alias of" if run.exact else "near name of"
        best: _Matches = {}
        for member in self._members.get(run.actor, ()):
            pair = (MEMBER * level, Why(term, "actor", member, "state of" if run.exact else "near name, state of"))
            best.update(dict.fromkeys(self.claims_of.get(member, ()), pair))
        listed = self.claims_of.get(run.actor, [])
        best.update(dict.fromkeys(listed, (level, Why(term, "actor", run.actor, how))))
        if run.capitals:
            # The word "un" in "Kim Jong Un" is no "UN": look at the original text.
            return self._capital_matches(best, term)
        # A claim naming the actor in its own text (as typed) ranks above one
        # that only lists it, and counts even if it does not list it.
        parts = [self.postings.get(word, {}) for word in dict.fromkeys(term.split()) if word not in STOPWORDS]
        if parts and all(parts):
            candidates = set(parts[0]).intersection(*parts[1:])
            how = "phrase" if " " in term else "exact"
            for index, weight, field in self._naming(" " + term + " ", candidates):
                if weight > best.get(index, (0.0,))[0]:
                    best[index] = (weight, Why(term, field, term, how))
        return best

    def _capital_matches(self, best: _Matches, term: str) -> _Matches:
        """Add claims whose original text has ``term`` in capitals (``UN``, ``U.S.``)."""
        words = term.split()
        pattern = re.compile(r"\b" + r"\W{0,2}".join(word.upper() for word in words) + r"\b")
        parts = [self.postings.get(word, {}) for word in words]
        candidates = set(parts[0]).intersection(*parts[1:]) | self.postings.get("".join(words), {}).keys()
        first = words[0].upper()
        for index in candidates - best.keys():
            claim = self.claims[index]
            fields = _claim_fields(claim, involved(claim), self._topics, self._actor_names)
            found = [(FIELD_WEIGHTS[name], name) for name, text in fields if first in text and pattern.search(text)]
            if found:
                weight, name = max(found)
                best[index] = (weight, Why(term, name, term.upper(), "capitals"))
        return best

    def _holds(self, index: int, phrase: str) -> bool:
        """True if claim ``index``'s folded texts, or its actors' names, hold ``phrase``."""
        return self._corpus.find(phrase, self._starts[index], self._starts[index + 1]) >= 0

    def _naming(self, phrase: str, indexes: Iterable[int]) -> Iterator[tuple[int, float, str]]:
        """Claims among ``indexes`` whose own text holds ``phrase``: in the statement
        at full weight, elsewhere (quotes, tags, places...) at a quote's."""
        corpus, starts, others, actors = self._corpus, self._starts, self._others, self._actors
        for index in indexes:
            position = corpus.find(phrase, starts[index], actors[index])
            if position >= 0:
                yield (index, 1.0, "statement") if position < others[index] else (index, QUOTE, "text")

    # -- ranking -------------------------------------------------------------

    def _chronological_ranks(self) -> list[int]:
        """Each claim's place in date-then-id order, computed on first use."""
        if self._ranks is None:
            from rknk.query import chronological_key

            order = sorted(range(len(self.claims)), key=lambda i: chronological_key(self.claims[i]))
            ranks = [0] * len(order)
            for rank, index in enumerate(order):
                ranks[index] = rank
            self._ranks = ranks
        return self._ranks

    def search(self, query: str) -> list[Hit]:
        """Claims matching ``query``, best first: score, then date, then id."""
        words, terms = self._terms(query)
        if not terms:
            return []
        matches = [
            self._actor_matches(term.text, term.run) if term.run else self._word_matches(term.text) for term in terms
        ]
        count = len(terms)
        needed = max(1, math.ceil(MIN_COVERAGE * count - 1e-9))
        if count == 1:
            scores = {index: round(100.0 * quality, 1) for index, (quality, _) in matches[0].items()}
        else:
            scores = self._scores(words, terms, matches, needed)
        # Sort on one integer per claim (score, then date and id), not on tuples:
        # a broad query ranks thousands of claims, and every live tuple is work
        # for Python's garbage collector.
        ranks = self._chronological_ranks()
        width = len(ranks)
        order = sorted(scores, key=lambda index: -round(scores[index] * 10) * width + ranks[index])
        return [
            Hit(self.claims[index], scores[index], tuple([hits[index][1] for hits in matches if index in hits]))
            for index in order
        ]

    def _scores(self, words: list[str], terms: list[_Term], matches: list[_Matches], needed: int) -> dict[int, float]:
        """Score every claim matching at least ``needed`` of several terms."""
        count = len(terms)
        matched_terms = Counter(chain.from_iterable(matches))
        # Side by side: neighbouring terms, with any stopwords typed between them.
        pairs = [(n, " " + " ".join(words[a.start : b.end]) + " ") for n, (a, b) in enumerate(pairwise(terms))]
        scores: dict[int, float] = {}
        for index, matched in matched_terms.items():
            if matched < needed:
                continue
            quality = sum([hits[index][0] for hits in matches if index in hits]) / matched
            if pairs:
                adjacent = sum(
                    1
                    for n, phrase in pairs
                    if index in matches[n] and index in matches[n + 1] and self._holds(index, phrase)
                )
                quality = (1 - ADJACENCY_WEIGHT) * quality + ADJACENCY_WEIGHT * adjacent / len(pairs)
            scores[index] = round(100.0 * (matched - 1 + quality) / count, 1)
        return scores
