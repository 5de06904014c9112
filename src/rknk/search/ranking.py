"""Ranking: a score per claim from its term matches, and the order of the results.

A claim's score ranks first by how many of the ``n`` terms it matches, then by
the mean quality of those matches, of which :data:`ADJACENCY_WEIGHT` is earned
by neighbouring query words standing side by side in its text:
``100 * (matched - 1 + quality) / n``. Matching one term more therefore always
outranks matching one fewer, and matching every term exactly, as a phrase,
scores 100. Equal scores put the newest claims first (date, then id, as
``events --reverse``), so a broad query opens on recent news, not on 1948.

The cut-off is deliberate: a claim must match at least :data:`MIN_COVERAGE` of
the terms (both of two, two of three, three of four), and each matching level
has its own limits, so a query that matches nothing returns nothing rather
than the best of the bad.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Sequence
from heapq import nlargest
from itertools import chain, pairwise

from rknk.search.corpus import Corpus
from rknk.search.matching import CHUNK, Matches
from rknk.search.terms import Term

#: A claim must match at least this share of a query's terms to be shown.
MIN_COVERAGE = 2 / 3
#: Share of a claim's quality earned by query words found side by side in its text.
ADJACENCY_WEIGHT = 0.15


def scores(
    corpus: Corpus,
    words: list[str],
    terms: list[Term],
    matches: list[Matches],
    *,
    allowed: Container[int] | None = None,
    limit: int | None = None,
) -> dict[int, float]:
    """Score the claims matching enough of the terms (see the module's docstring).

    Only claims in ``allowed`` (if given) are scored. With a ``limit``, claims
    that cannot reach the best ``limit`` scores are left out before their
    texts are read for the side-by-side bonus: a claim whose score with every
    bonus it could earn stays below the ``limit``-th score without any bonus
    can never be shown.
    """
    count = len(terms)
    if count == 1:
        return {
            number: round(100.0 * quality, 1)
            for number, (quality, _) in matches[0].items()
            if allowed is None or number in allowed
        }
    needed = max(1, math.ceil(MIN_COVERAGE * count - 1e-9))
    matched_terms = Counter(chain.from_iterable(matches))
    kept = [
        number
        for number, matched in matched_terms.items()
        if matched >= needed and (allowed is None or number in allowed)
    ]
    if limit is not None and len(kept) > limit:
        if limit <= 0:
            return {}
        kept = _best_tiers(kept, matched_terms, limit)
    # Side by side: neighbouring terms, with any stopwords typed between them.
    pairs = [(n, " " + " ".join(words[a.start : b.end]) + " ") for n, (a, b) in enumerate(pairwise(terms))]
    mean = {
        number: sum([hits[number][0] for hits in matches if number in hits]) / matched_terms[number] for number in kept
    }
    possible = {
        number: sum(1 for n, _ in pairs if number in matches[n] and number in matches[n + 1]) for number in kept
    }

    def score(number: int, adjacent: int) -> float:
        quality = (1 - ADJACENCY_WEIGHT) * mean[number] + ADJACENCY_WEIGHT * adjacent / len(pairs)
        return round(100.0 * (matched_terms[number] - 1 + quality) / count, 1)

    if limit is not None and len(kept) > limit:
        threshold = nlargest(limit, (score(number, 0) for number in kept))[-1]
        kept = [number for number in kept if score(number, possible[number]) >= threshold]
    adjacent = _adjacent(corpus, [number for number in kept if possible[number]], pairs, matches)
    return {number: score(number, adjacent.get(number, 0)) for number in kept}


def _best_tiers(kept: list[int], matched_terms: Counter[int], limit: int) -> list[int]:
    """The claims matching the most terms, tier by tier, until the tiers hold ``limit``:
    matching one term more always ranks higher, so no claim below can be shown."""
    tiers = Counter(matched_terms[number] for number in kept)
    total = 0
    for matched in sorted(tiers, reverse=True):
        total += tiers[matched]
        if total >= limit:
            return [number for number in kept if matched_terms[number] >= matched]
    return kept


def _adjacent(
    corpus: Corpus, numbers: list[int], pairs: list[tuple[int, str]], matches: list[Matches]
) -> dict[int, int]:
    """How many neighbouring term pairs each claim holds side by side, reading texts a chunk at a time."""
    found: dict[int, int] = {}
    for start in range(0, len(numbers), CHUNK):
        texts = corpus.texts(numbers[start : start + CHUNK])
        for number, (text, _, _) in texts.items():
            found[number] = sum(
                1 for n, phrase in pairs if number in matches[n] and number in matches[n + 1] and phrase in text
            )
    return found


def order(found: dict[int, float], ranks: Sequence[int], limit: int | None = None) -> list[int]:
    """Claim numbers by score, best first, equal scores newest first; at most ``limit``."""
    buckets: dict[int, list[int]] = {}
    for number, score in found.items():
        key = round(score * 10)
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = [number]
        else:
            bucket.append(number)
    ranked: list[int] = []
    rank = ranks.__getitem__
    for key in sorted(buckets, reverse=True):
        bucket = buckets[key]
        if limit is not None and len(ranked) + len(bucket) >= limit:
            ranked.extend(nlargest(limit - len(ranked), bucket, key=rank))
            break
        bucket.sort(key=rank, reverse=True)
        ranked.extend(bucket)
    return ranked
