"""Ranking: a score per claim from its term matches, and the order of the results.

Terms are weighted by how much they tell apart, as BM25 does: a term's
weight is its inverse document frequency, ``ln(1 + (N - df + 0.5) / (df +
0.5))``, where ``df`` is the number of claims the term matches (its postings,
synonyms and near spellings included) and ``N`` the number of claims. An
actor most claims involve (Russia) weighs little. The document frequencies
come from the postings the matching has already read, never from scanning
claims.

What a word weighs also depends on what kind of word it is, which matters
most for a word no claim holds. A number, or a word that names a thing or an
event (``warships``, ``ambassador``, ``captured``), keeps the full weight of
a word no claim holds: the data lacks what the query asks about, so claims
matching only its other words fall below the floor. A capitalised name the
data does not know, or a concept of the lexicon none of whose words any claim
holds (``died``, ``tewas``), means the data cannot answer at all (see
:class:`rknk.search.Searcher`). An *everyday* word (``everyday.json``:
``learning``, ``real``, ``watching``, ``lama``), which frames a question
rather than names its subject, weighs as a common term does, held or not: at
most :data:`EVERYDAY_WEIGHT`, the weight of a word half the claims hold, and
it is not counted in the share of terms a claim must match. How often it
occurs in a small set of claims is chance, and users paraphrase it freely, so
a claim lacking it is not thereby a wrong answer.

A claim's *evidence* is the weighted share of the query it matches, each
matched term counted at its match quality (field and level, see
:mod:`rknk.search.matching`); :data:`ADJACENCY_WEIGHT` of the score is earned
by neighbouring query words standing side by side in its text. Matching every
term exactly, as a phrase, scores 100. What a question asks for (a precise
date for *when*, a figure for *how many*, a named claimant for *who*, a place for
*where*, a reason for *why*) adds
:data:`INTENT_BOOST` to claims that hold it; a question asking for a figure
is answered only by claims that hold one (``strict``): a claim with none is
no answer to "how many workers", however well it matches "workers". A date
or a claimant only orders the answers: every claim has a date, and who said
a thing is often no actor. Equal
scores put the newest claims first (date, then id, as ``events --reverse``).

The relevance floor is twofold, so that a query about something the data does
not hold returns nothing rather than the nearest neighbour: a claim must match
at least :data:`MIN_COVERAGE` of the terms (both of two, two of three, three
of four), and those terms must carry at least :data:`MIN_EVIDENCE` of the
query's weight. Matching the common words of a query (the actors most claims
involve) while missing its rare one (``ambassador``, ``Trump``) is not enough.
Facts typed are constraints: a claim must hold every year typed, and every
capital named that is also a place (``Beijing``; the lexicon's ``seats``),
as its place, in its text or through the state it stands for; so must a
city or region of the lexicon's ``places`` (``Vladivostok``), and a state
or a person named, unless most claims involve it (``did China send
troops``, ``Shoigu trip in September 2024``). A year or an ordinal
(``sixth``) only the curator's note mentions is not the claim's: the note
tells of other events. For the same reason a claim whose own text matches only
the names of a query is no answer when its other words are met only as concepts
read into the note (``Russia blocked a UN resolution on Ukraine``: the note's
"Russia holds a veto"); a word typed as the note holds it is the claim's.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from functools import partial
from heapq import nlargest
from itertools import chain, compress, pairwise

from rknk.index.rows import FIELD_CODES, OWN_TOO, PLACED
from rknk.search import bounded
from rknk.search.corpus import Corpus
from rknk.search.matching import CHUNK, Common, Found, Why
from rknk.search.terms import Term, frames, is_year
from rknk.words import STOPWORDS, reasons, relational, synonyms_of

#: A claim must match at least this share of a query's terms to be shown.
MIN_COVERAGE = 2 / 3
#: A term matched by more than this share of the claims is common: as in the
#: original Robertson-Sparck Jones weight, which turns negative there, it does
#: not count towards :data:`MIN_COVERAGE`.
COMMON = 0.5
#: ... and the terms it matches must carry at least this share of the query's weight.
MIN_EVIDENCE = 0.5
#: The most an everyday word weighs: the weight of a term half the claims match.
EVERYDAY_WEIGHT = math.log(2)
#: Weights are computed as if the corpus held at least this many claims: in a
#: handful of claims every word is "common", and one unknown word would
#: outweigh all the others.
MIN_SIZE = 100
#: Share of a claim's score earned by query words found side by side in its text.
ADJACENCY_WEIGHT = 0.15
#: What a claim no term's match names is keyed by: a term it does not match.
_MISSING = id(None)
#: Informative terms a query must keep for words no claim holds to be dropped (see :func:`droppable`).
RELAXED_TERMS = 2
#: Up to this many distinct scores, each one's claims are picked out of an answer by a pass in C.
FEW_SCORES = 4
#: Points added to a claim holding what the question asks for: enough to order
#: near ties, far too little to lift a weak match over a strong one.
INTENT_BOOST = 3.0


def weights(terms: list[Term], matches: list[Found], size: int) -> list[float]:
    """Each term's inverse document frequency over a corpus of ``size`` claims,
    an everyday word's at most :data:`EVERYDAY_WEIGHT`."""
    rarity = [math.log(1 + (size - len(hits) + 0.5) / (len(hits) + 0.5)) for hits in matches]
    return [min(idf, EVERYDAY_WEIGHT) if term.everyday else idf for term, idf in zip(terms, rarity, strict=True)]


def scores(
    corpus: Corpus,
    words: list[str],
    terms: list[Term],
    matches: list[Found],
    *,
    intent: str | None = None,
    strict: bool = False,
    allowed: Container[int] | None = None,
    limit: int | None = None,
    holders: Callable[[str], Container[int]] | None = None,
) -> tuple[dict[int, float], set[int]]:
    """Score the claims passing the floor (see the module's docstring); also return
    those given :data:`INTENT_BOOST` for holding what the question asks for, which
    a claim must hold to be scored at all if ``strict``.

    Only claims in ``allowed`` (if given) are scored. With a ``limit``, claims
    that cannot reach the best ``limit`` scores are left out before their
    texts are read for the side-by-side bonus: a claim whose score with every
    bonus it could earn stays below the ``limit``-th score without any bonus
    can never be shown.
    """
    if limit is not None and limit <= 0:
        return {}, set()
    if len(terms) == 1:  # one term: its match quality, and the question's boost
        hits = matches[0]
        if allowed is not None:
            hits = {number: pair for number, pair in hits.items() if number in allowed}
        lift = holding(corpus, intent) if intent else None
        if strict and lift:
            having = lift(hits)
            hits = {number: pair for number, pair in hits.items() if number in having}
        # Claims matched the same way share one (quality, why) pair: score each pair
        # once, and give the claims their pair's score without a step per claim in Python.
        distinct = dict(zip(map(id, hits.values()), hits.values(), strict=True))
        score_of = {key: round(100.0 * pair[0], 1) for key, pair in distinct.items()}
        found = dict(zip(hits, map(score_of.__getitem__, map(id, hits.values())), strict=True))
        if limit is not None and len(found) > limit:
            threshold = nlargest(limit, found.values())[-1] - (INTENT_BOOST if intent else 0.0)
            found = {number: score for number, score in found.items() if score >= threshold}
        lifted = lift(found) if lift else set()
        for number in lifted:
            found[number] = round(found[number] + INTENT_BOOST, 1)
        return found, lifted
    holders = holders or corpus.postings
    size = max(len(corpus.ranks()), MIN_SIZE)
    weight = weights(terms, matches, size)
    total = sum(weight) or 1.0
    # Terms most claims match (the main actors) and words that frame the question
    # (everyday words, spans of time) tell nothing apart: the share of terms to match,
    # and of the query's weight to hold, are counted over the others, when there are any.
    framing = [n for n, term in enumerate(terms) if frames(term)]
    if len(framing) == len(terms):
        framing = []
    floor_total = (total - sum(weight[n] for n in framing)) or total
    informative = [n for n, found in enumerate(matches) if len(found) <= COMMON * size and n not in framing]
    counted = informative or [n for n in range(len(terms)) if n not in framing] or list(range(len(terms)))
    needed = max(1, math.ceil(MIN_COVERAGE * len(counted) - 1e-9))
    # A span of time lacking does not count against a claim; held, it is a fact, and counts for it.
    spans = [n for n in framing if terms[n].span and n not in counted]
    covering = (*counted, *spans)
    words_asked = [n for n in covering if terms[n].run is None]
    matched_terms = Counter(chain.from_iterable(matches[n] for n in covering))
    candidates = list(compress(matched_terms, map(needed.__le__, matched_terms.values())))
    if allowed is not None:
        candidates = list(filter(allowed.__contains__, candidates))
    # A year or a place typed is a fact asked about, not a word to weigh: a claim must hold it.
    # So is a state or a person named (did *China* send troops?), unless most claims involve it.
    # The curator's note tells of other events and their years (a nuclear test of 2017):
    # a year, an ordinal or a name the data knows no actor by (the EU) must be held by the claim itself.
    # So is a relative named through a name (Kim Jong Un's *daughter*): the person asked about.
    held_anywhere = [
        n
        for n, term in enumerate(terms)
        if term.place or term.subject or (term.named and len(matches[n]) <= COMMON * size)
    ]
    held_itself = [n for n, term in enumerate(terms) if is_year(term) or term.ordinal or term.name]
    # An actor most claims involve is matched for the candidates alone (see matching.Common):
    # from here on only candidates are looked up, in plain dictionaries.
    sizes = list(map(len, matches))
    matches = [hits.settled(candidates) if isinstance(hits, Common) else hits for hits in matches]
    # Claims matched the same way by every term (the same (quality, why) pairs, shared by
    # the matching) pass or fail the floor together and score the same: each way is
    # judged once, and the claims are sorted into ways by steps in C.
    ways = list(zip(*[map(id, map(hits.get, candidates)) for hits in matches], strict=True))
    everyday = {n for n in framing if terms[n].everyday}
    judged: dict[tuple[int, ...], tuple[float, float]] = {}
    for way, number in dict(zip(ways, candidates, strict=True)).items():
        pairs_of = [hits.get(number) for hits in matches]
        if any(pairs_of[n] is None for n in held_anywhere):
            continue
        if any(pair is None or pair[1].field == "note" for pair in map(pairs_of.__getitem__, held_itself)):
            continue
        # Names alone are no answer, and the curator's note tells of other acts (Russia holds a
        # veto): a claim must hold a word of the query in its own text, or as typed in its note.
        if words_asked and not any(_own(pairs_of[n]) for n in words_asked):
            continue
        held = [(weight[n], pair[0]) for n, pair in enumerate(pairs_of) if pair is not None]
        share = sum(w for w, _ in held) / total
        floor_share = sum(weight[n] for n, pair in enumerate(pairs_of) if pair is not None and n not in everyday)
        if min(1.0, floor_share / floor_total) + 1e-9 >= MIN_EVIDENCE:
            judged[way] = (share, sum(w * quality for w, quality in held) / total)
    passing = list(map(judged.__contains__, ways))
    kept, ways = list(compress(candidates, passing)), list(compress(ways, passing))
    # Side by side: neighbouring terms, with any stopwords typed between them.
    pairs = [(n, " " + " ".join(words[a.start : b.end]) + " ") for n, (a, b) in enumerate(pairwise(terms))]
    # A claim can hold two terms side by side only if its texts hold the words of both as
    # typed (a typo, or a stem, is never side by side with anything): how many pairs it can
    # hold is known without reading its text.
    # The words of a term most claims match are not looked at: nearly every claim holds them.
    typed_words = [
        [word for word in words[term.start : term.end] if word not in STOPWORDS] if held <= COMMON * size else []
        for term, held in zip(terms, sizes, strict=True)
    ]
    typed = [
        _holding_all(kept, [holders(word) for word in dict.fromkeys(typed_words[n] + typed_words[n + 1])])
        for n, _ in pairs
    ]
    ableness = list(zip(ways, *typed, strict=True))
    counted_pairs = {
        able: sum(1 for n, _ in pairs if able[0][n] != _MISSING and able[0][n + 1] != _MISSING and able[1 + n])
        for able in dict.fromkeys(ableness)
    }
    # Each claim's way of matching and the pairs it can hold; the lists over all candidates go.
    able_of = dict(zip(kept, ableness, strict=True))
    del candidates, ways, typed, ableness

    def score(way: tuple[int, ...], adjacent: int, boost: float) -> float:
        share, evidence = judged[way]
        together = ADJACENCY_WEIGHT * share * adjacent / len(pairs)
        mixed = (1 - ADJACENCY_WEIGHT) * evidence + together
        return round(100.0 * mixed + boost, 1)

    boosted: set[int] = set()
    lift = holding(corpus, intent) if intent else None

    def exact(numbers: list[int]) -> dict[int, float]:
        held = lift(numbers) if lift else set()
        boosted.update(held)
        if strict and intent:  # a claim lacking what the question asks for is no answer
            numbers = [number for number in numbers if number in held]
        readable = [number for number in numbers if counted_pairs[able_of[number]]]
        adjacent = _adjacent(corpus, readable, pairs, matches)
        return {
            number: score(able_of[number][0], adjacent.get(number, 0), INTENT_BOOST if number in held else 0.0)
            for number in numbers
        }

    if limit is None or len(kept) <= limit:
        return exact(kept), boosted
    # With a limit, a claim's score with every bonus it could earn bounds its score:
    # texts and documents are read only for claims that can still be shown.
    bonus = INTENT_BOOST if intent else 0.0
    bound = {able: score(able[0], count, bonus) for able, count in counted_pairs.items()}
    bounds = dict(zip(able_of, map(bound.__getitem__, able_of.values()), strict=True))
    return bounded.best(bounds, corpus.ranks(), limit, exact), boosted


#: Codes of the fields a claim's own texts and places are in: not its curator's note, its id,
#: nor an actor's name alone (which names who, not why).
_OWN_CODES = frozenset(code for name, code in FIELD_CODES.items() if name not in ("id", "note", "actor")) | {
    FIELD_CODES["actor"] + OWN_TOO
}


def holding(corpus: Corpus, intent: str) -> Callable[[Iterable[int]], set[int]]:
    """What picks, out of claim numbers, those whose claims hold what a question asks for. A
    place (*where*) and a reason (*why*: ``because``, ``in exchange``, ``karena``: the lexicon's
    ``reasons``) are read from postings in the claim's own texts, once a query (the index marks
    a claim giving a place with :data:`~rknk.index.rows.PLACED`); a date, a figure or a claimant
    from the claims' rows."""
    if intent not in ("place", "reason"):
        return partial(corpus.holding, intent)
    marks = (PLACED,) if intent == "place" else tuple(sorted(reasons()))
    held = [corpus.postings(mark) for mark in marks]
    owned = {number for postings in held for number, code in postings.items() if code in _OWN_CODES}
    return lambda numbers: owned.intersection(numbers)


def _own(pair: tuple[float, Why] | None) -> bool:
    """Whether a term's match is the claim's own: anywhere but a concept read into the curator's note."""
    return pair is not None and (pair[1].field != "note" or pair[1].how != "synonym")


def _holding_all(numbers: list[int], holders: list[Container[int]]) -> list[bool]:
    """For each of ``numbers``, whether every one of ``holders`` holds it (checked by steps in C)."""
    if not holders:
        return [True] * len(numbers)
    return list(map(all, zip(*[map(held.__contains__, numbers) for held in holders], strict=True)))


def droppable(terms: list[Term], matches: list[Found], size: int, capitalised: Container[str]) -> set[int]:
    """The terms a query may do without when nothing passes the floor, as Meilisearch
    drops words until documents match; empty when it may not.

    Only plain words no claim holds are dropped, all at once, in one round: words
    a paraphrase chose (``propped``, ``enggan``) that the claims say otherwise. A
    number, a year, a name (an actor, a place, a word typed with a capital, even
    the first: "Australian sanctions ...") and a word of the lexicon are facts
    asked about and are never dropped, so a question about something the data
    lacks still finds nothing; so is an ordinal (``second``), and a noun naming a person
    through another (``daughter``, ``successor``: the lexicon's ``relational``), who is the
    subject asked about: "Kim Jong Un's *daughter* at the ceremony" is not a question about
    Kim Jong Un. An everyday word is kept: it weighs as a common word
    already, held or not. What is left must hold at
    least :data:`RELAXED_TERMS` informative words (not names, not everyday words, and
    held by at most :data:`COMMON` of the claims), and no fewer than the words dropped:
    "Russian soldiers *stationed* in North Korea" keeps only "soldiers", and "Russia's
    *ambassador* in Pyongyang" only names, so both stay empty.
    """
    dropped = {
        n
        for n, (term, found) in enumerate(zip(terms, matches, strict=True))
        if not found
        and term.run is None
        and term.text.isalpha()
        and not term.everyday  # weighed as common already, held or not
        and not term.place
        and not term.ordinal
        and term.text not in relational()
        and term.text not in capitalised
        and not synonyms_of(term.text)
    }
    size = max(size, MIN_SIZE)
    # Names alone are no answer ("Russia's *ambassador* in Pyongyang"): count the words.
    informative = [
        n
        for n, (term, found) in enumerate(zip(terms, matches, strict=True))
        if found and term.run is None and not term.place and not frames(term) and len(found) <= COMMON * size
    ]
    if not dropped or len(informative) < max(RELAXED_TERMS, len(dropped)):
        return set()
    return dropped


def _adjacent(corpus: Corpus, numbers: list[int], pairs: list[tuple[int, str]], matches: list[Found]) -> dict[int, int]:
    """How many neighbouring term pairs each claim holds side by side, reading texts a chunk at a time."""
    found: dict[int, int] = {}
    numbers = sorted(numbers)  # texts are stored by number: neighbours share pages
    for start in range(0, len(numbers), CHUNK):
        texts = corpus.texts(numbers[start : start + CHUNK])
        for number, (text, _, _) in texts.items():
            found[number] = sum(
                1 for n, phrase in pairs if number in matches[n] and number in matches[n + 1] and phrase in text
            )
    return found


def order(found: dict[int, float], ranks: Sequence[int], limit: int | None = None) -> list[int]:
    """Claim numbers by score, best first, equal scores newest first; at most ``limit``."""
    return Ranked(found, ranks, limit).all()


class Ranked:
    """Claim numbers by score, best first, equal scores newest first (at most ``limit``),
    worked out only as far as asked: the first few of a large answer are picked
    without sorting the rest, so its first page leaves sooner.

    Scores are rounded to tenths, so equal scores are equal floats and serve as
    the keys of their claims' lists, each sorted by date in C.
    """

    def __init__(self, found: dict[int, float], ranks: Sequence[int], limit: int | None = None) -> None:
        self._buckets: dict[float, list[int]] = {}
        distinct = set(found.values())
        if len(distinct) <= FEW_SCORES:  # a broad query: each score's claims picked out in C
            for score in distinct:
                self._buckets[score] = list(compress(found, map(score.__eq__, found.values())))
        else:
            for number, score in found.items():
                bucket = self._buckets.get(score)
                if bucket is None:
                    self._buckets[score] = [number]
                else:
                    bucket.append(number)
        self._rank = ranks.__getitem__
        self._limit = limit
        self._all: list[int] | None = None
        #: How many numbers :meth:`all` gives.
        self.count = len(found) if limit is None else min(len(found), max(limit, 0))

    def first(self, count: int) -> list[int]:
        """The first ``count`` numbers of :meth:`all`."""
        if self._all is not None:
            return self._all[:count]
        return self._ranked(min(count, self.count))

    def all(self) -> list[int]:
        """Every number, in order."""
        if self._all is None:
            self._all = self._ranked(self._limit)
        return self._all

    def _ranked(self, limit: int | None) -> list[int]:
        if limit is not None and limit <= 0:
            return []
        ranked: list[int] = []
        for key in sorted(self._buckets, reverse=True):
            bucket = self._buckets[key]
            if limit is not None and len(ranked) + len(bucket) >= limit:
                ranked.extend(nlargest(limit - len(ranked), bucket, key=self._rank))
                break
            bucket.sort(key=self._rank, reverse=True)
            ranked.extend(bucket)
        return ranked
