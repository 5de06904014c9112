"""The best few of many candidates whose exact scores are costly: score only those that can still be shown.

Scoring a claim in full may read its text (the side-by-side bonus) or its
document (what a question asks for), a page from storage each. With a limit,
most candidates can never be shown. Given for each one an upper bound on its
score that costs nothing to work out, :func:`best` scores candidates exactly in
order of their bound, best first, a batch at a time, and stops as soon as the
next bound cannot reach the ``limit``-th best exact score found so far: the
threshold algorithm of Fagin, Lotem and Naor.

Equal scores are ordered newest first (by date rank, see
:meth:`rknk.search.corpus.Corpus.ranks`), so a bound is compared as the pair
(bound, rank) with the pair (score, rank) of the ``limit``-th best: a
candidate whose bound only equals that score, but which is older, would come
after it too. Ranks are distinct, so the pairs never tie, and the candidates
left unscored are exactly those the full ranking puts below its first
``limit``: the answer is the same, not an approximation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from heapq import heappush, heapreplace
from itertools import islice

#: Candidates scored in the first batch, as a multiple of the limit; batches then double.
#: Doubling keeps the batches few when most candidates must be scored after all, so that
#: claims stored side by side are read together, and it reads at most twice what is needed.
FIRST = 2


def best(
    bounds: Mapping[int, float],
    ranks: Sequence[int],
    limit: int,
    exact: Callable[[list[int]], Mapping[int, float]],
) -> dict[int, float]:
    """Exact scores of enough of the candidates in ``bounds`` that the first ``limit``
    of them, by score then rank (highest first), are the first ``limit`` of all.

    ``bounds`` maps each candidate's number to an upper bound of its exact score;
    ``exact`` scores a batch of candidates. Candidates whose bound cannot reach
    the answer are never passed to ``exact`` and are left out of the result.
    """
    found: dict[int, float] = {}
    if limit <= 0:
        return found
    #: The (score, rank) pairs of the best ``limit`` exact scores so far, the lowest first.
    kept: list[tuple[float, int]] = []
    ordered = _by_bound(bounds, ranks)
    size = FIRST * limit
    while batch := list(islice(ordered, size)):
        last = False
        if len(kept) == limit:
            # The lowest kept pair only rises: a candidate below it now stays below,
            # and so do all that come after it.
            reachable = [number for number in batch if (bounds[number], ranks[number]) > kept[0]]
            last = len(reachable) < len(batch)
            batch = reachable
        for number, score in (exact(batch) if batch else {}).items():
            found[number] = score
            pair = (score, ranks[number])
            if len(kept) < limit:
                heappush(kept, pair)
            elif pair > kept[0]:
                heapreplace(kept, pair)
        if last:
            break
        size *= 2
    return found


def _by_bound(bounds: Mapping[int, float], ranks: Sequence[int]) -> Iterator[int]:
    """The candidates by bound, then rank, highest first; each bound's candidates are
    sorted only when reached. Bounds are scores rounded to tenths: few distinct values."""
    groups: dict[float, list[int]] = {}
    for number, bound in bounds.items():
        group = groups.get(bound)
        if group is None:
            groups[bound] = [number]
        else:
            group.append(number)
    for bound in sorted(groups, reverse=True):
        yield from sorted(groups[bound], key=ranks.__getitem__, reverse=True)
