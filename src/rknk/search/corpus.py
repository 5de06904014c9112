"""What search reads: postings, vocabulary, actors' claims, folded texts and claims by number.

Search works on claim *numbers*. :class:`Corpus` is everything it asks of a
collection of claims; :class:`rknk.index.Index` answers it from the embedded
index, and :class:`MemoryCorpus` from claims held in memory (tests, and
anyone using rknk as a library on a list of claims). Both analyse claims with
:func:`rknk.index.rows.analyse`, so they find the same words in the same fields.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from rknk.index.rows import actor_texts, analyse, parties_of
from rknk.records import ActorRecord, ClaimRecord, TopicRecord, involved, output_record


class Corpus(Protocol):
    """The claims search ranks, seen through their analysed words and texts."""

    def postings(self, word: str) -> Mapping[int, int]:
        """Claim number -> code of the strongest field holding ``word``."""
        ...

    def postings_without(self, word: str, code: int) -> Mapping[int, int]:
        """As :meth:`postings`, less the claims where ``word``'s field code is ``code``."""
        ...

    def has_word(self, word: str) -> bool: ...

    def prefixed(self, start: str) -> list[str]:
        """Words starting with ``start`` (``start`` included), sorted."""
        ...

    def near_words(self, word: str, edits: int) -> Sequence[Sequence[str]]:
        """Words at most ``edits`` letters longer or shorter than ``word`` (the only ones
        that can be within ``edits`` edits of it): one sorted list per length. Each list
        holds every word of its length within ``edits`` edits (optimal string alignment:
        a letter changed, added or removed, two neighbours swapped); it may hold others."""
        ...

    def claims_of(self, actor: str) -> Sequence[int]:
        """Numbers of the claims involving ``actor``."""
        ...

    def texts(self, numbers: Iterable[int]) -> Mapping[int, tuple[str, int, int]]:
        """Number -> folded text, start of its other texts, start of its actors' names."""
        ...

    def by_number(self, numbers: Sequence[int]) -> list[ClaimRecord]:
        """The claims with these numbers, in that order."""
        ...

    def json_texts(self, numbers: Sequence[int]) -> list[str]:
        """The claims with these numbers as machine output writes them
        (:func:`rknk.records.output_record` through :func:`rknk.jsontext.dumps`), in that order."""
        ...

    def joined_documents(self, numbers: Sequence[int], which: Sequence[int], tails: Sequence[bytes]) -> bytes:
        """The claims with these numbers as :meth:`json_texts` gives them, in UTF-8 and
        in that order, each with its closing brace replaced by ``tails[which[i]]``,
        joined: for output that adds fields to each claim and writes them as they
        come, read straight from storage, not decoded and encoded again."""
        ...

    def holding(self, intent: str, numbers: Iterable[int]) -> set[int]:
        """Those of ``numbers`` whose claims hold what a question asks for (see :func:`holds`)."""
        ...

    def ranks(self) -> Sequence[int]:
        """Each claim number's place in date-then-id order."""
        ...


#: A date spanning at most this many days answers *when*: a day or a month, not a year.
PRECISE_DAYS = 31


def holds(intent: str, claim: ClaimRecord) -> bool:
    """Whether ``claim`` holds what a question asks for: a precise date (``date``: a day
    or a month), a figure (``quantity``), or a claimant who is a known actor (``claimant``)."""
    if intent == "quantity":
        return bool(claim["quantities"])
    if intent == "claimant":
        return any(claimant["actor"] for claimant in claim["claimants"])
    if intent == "date":
        from rknk.dates import parse_span

        first, last = parse_span(claim["date"])
        return (last - first).days < PRECISE_DAYS
    return False


class MemoryCorpus:
    """A :class:`Corpus` over claims in memory; a claim's number is its position."""

    def __init__(
        self, claims: Sequence[ClaimRecord], actors: Mapping[str, ActorRecord], topics: Mapping[str, TopicRecord]
    ) -> None:
        self.claims = list(claims)
        self._postings: dict[str, dict[int, int]] = {}
        self._claims_of: dict[str, list[int]] = {}
        self._texts: list[tuple[str, int, int]] = []
        from rknk.words import demonyms

        folded_names = actor_texts(actors.values())
        parties = parties_of(actors.values(), demonyms())
        for number, claim in enumerate(self.claims):
            actor_ids = sorted(involved(claim))
            for actor_id in actor_ids:
                self._claims_of.setdefault(actor_id, []).append(number)
            analysis = analyse(claim, actor_ids, topics, folded_names, parties)
            self._texts.append((analysis.text, analysis.others, analysis.names))
            for word, code in analysis.words.items():
                slot = self._postings.get(word)
                if slot is None:
                    self._postings[word] = {number: code}
                else:
                    slot[number] = code
        self._vocabulary: list[str] | None = None
        self._ranks: list[int] | None = None

    def postings(self, word: str) -> Mapping[int, int]:
        return self._postings.get(word, {})

    def postings_without(self, word: str, code: int) -> Mapping[int, int]:
        return {number: held for number, held in self.postings(word).items() if held != code}

    def has_word(self, word: str) -> bool:
        return word in self._postings

    def vocabulary(self) -> Sequence[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(self._postings)
        return self._vocabulary

    def near_words(self, word: str, edits: int) -> Sequence[Sequence[str]]:
        lengths = range(len(word) - edits, len(word) + edits + 1)
        return [[found for found in self.vocabulary() if len(found) == length] for length in lengths]

    def prefixed(self, start: str) -> list[str]:
        vocabulary = self.vocabulary()
        first = bisect_left(vocabulary, start)
        last = bisect_left(vocabulary, start + "\x7f", first)
        return list(vocabulary[first:last])

    def claims_of(self, actor: str) -> Sequence[int]:
        return self._claims_of.get(actor, [])

    def texts(self, numbers: Iterable[int]) -> Mapping[int, tuple[str, int, int]]:
        return {number: self._texts[number] for number in numbers}

    def by_number(self, numbers: Sequence[int]) -> list[ClaimRecord]:
        return [self.claims[number] for number in numbers]

    def json_texts(self, numbers: Sequence[int]) -> list[str]:
        from rknk.jsontext import dumps

        return [dumps(output_record(self.claims[number])) for number in numbers]

    def joined_documents(self, numbers: Sequence[int], which: Sequence[int], tails: Sequence[bytes]) -> bytes:
        texts = self.json_texts(numbers)
        return b"".join(text.encode()[:-1] + tails[tail] for text, tail in zip(texts, which, strict=True))

    def holding(self, intent: str, numbers: Iterable[int]) -> set[int]:
        return {number for number in numbers if holds(intent, self.claims[number])}

    def ranks(self) -> Sequence[int]:
        if self._ranks is None:
            from rknk.query import chronological_key

            order = sorted(range(len(self.claims)), key=lambda i: chronological_key(self.claims[i]))
            ranks = [0] * len(order)
            for rank, number in enumerate(order):
                ranks[number] = rank
            self._ranks = ranks
        return self._ranks
