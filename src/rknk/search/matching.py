"""Matching one query term: which claims hold it, how well, and in which field.

A word is looked up in the corpus at these levels:

=======  =========================================================  ========
level    the indexed word ...                                       quality
=======  =========================================================  ========
exact    is the term                                                1.0
stem     has the term's English stem (``arrives``, ``arrived``)     0.9
root     shares an Indonesian root (``ditutup``, ``menutup``)       0.9
synonym  shares a group of ``synonyms.json`` with the term          0.85
prefix   starts with the term, of 4+ letters (``kurs``, ``kursk``)  0.6-0.9
fuzzy    is 1 edit from an unknown term of 5+ letters, 2 if 9+      0.7, 0.6
spelling is, or shares a concept with, the lexicon word 1 edit    0.7
         from a term of 6+ letters no claim holds (``personel``)
=======  =========================================================  ========

Numbers match only exactly, and a term found as typed, or a word of the
lexicon, gets no fuzzy matches.
A match's quality is its level times the weight of the field it was found in
(:data:`FIELD_WEIGHTS`, 0.75 to 1), so a whole-word hit in any field beats a
fuzzy hit in the best one. An actor term finds every claim involving the
actor (a state's people and bodies a little below), and ranks a claim that
names the actor as typed in its own text above one that only lists it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import compress, repeat
from operator import gt, itemgetter
from typing import NamedTuple

from rknk.index.rows import FIELDS, OWN_TOO, claim_fields
from rknk.indonesian import LONGEST_ENDING, heads, roots
from rknk.records import ActorRecord, TopicRecord, involved
from rknk.search.corpus import Corpus
from rknk.search.terms import Run
from rknk.words import STOPWORDS, concept_of, lexicon_spelling, stem, synonyms_of

#: How much a hit in each field counts. The statement, names, places and
#: numbers are what a user remembers best; the curator's note, outside the
#: source, and the claim's id (``nk-srbm-use-...``) count least. The lowest
#: weight must stay above :data:`FUZZY`, so that an exact hit anywhere beats a
#: fuzzy one.
FIELD_WEIGHTS = {
    "statement": 1.0,
    "actor": 1.0,
    "place": 1.0,
    "date": 1.0,
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
#: How many of the closest words a typo is matched against.
FUZZY_CANDIDATES = 30
#: Claims whose texts are read at a time when checking phrases.
CHUNK = 500
#: A word held by more than this share of the claims is not kept for ranking (see :meth:`Matcher.holders`),
#: which leaves out the words of such terms.
HELD_BY_MOST = 0.5
_STATEMENT, _ACTOR = FIELDS.index("statement"), FIELDS.index("actor")
#: Where a claim names an actor in its own texts other than the statement.
_ELSEWHERE = -1
#: The match of a claim no word has matched yet: any match is better.
_NONE = (-1.0,)
#: The ``how`` of the reason a question's intent adds to a claim holding what it asks for.
INTENT = "intent"


class Why(NamedTuple):
    """Where a query term matched: which field, which word, and how."""

    term: str
    field: str
    word: str
    how: str
    #: The lexicon concept a synonym came from.
    concept: str = ""

    def __str__(self) -> str:
        if self.how == INTENT:
            return f"question asks for {self.word}: +{self.field}"
        found = self.word if self.word == self.term else f"{self.word!r}"
        concept = f" (concept {self.concept})" if self.concept else ""
        return f"{self.term}: {self.how} {found} in {self.field}{concept}"


#: claim number -> (quality, why) for one term
Matches = dict[int, tuple[float, Why]]


def _improve(best: Matches, numbers: list[int], pairs: list[tuple[float, Why]]) -> None:
    """Give each claim of ``numbers`` its match in ``pairs`` where that is better than the
    one it has in ``best``. Compared and stored by steps in C: a word, or an actor, may be
    held by most of the claims."""
    before = map(itemgetter(0), map(best.get, numbers, repeat(_NONE)))
    better = map(gt, map(itemgetter(0), pairs), before)
    best.update(compress(zip(numbers, pairs, strict=True), better))


class Matcher:
    """Finds the claims of a corpus that match one term, with their best quality."""

    def __init__(self, corpus: Corpus, actors: Mapping[str, ActorRecord], topics: Mapping[str, TopicRecord]) -> None:
        self.corpus = corpus
        self._topics = topics
        self._actor_names = {actor_id: " ".join((a["name"], *a["aliases"])) for actor_id, a in actors.items()}
        self._members: dict[str, list[str]] = {}
        for actor in actors.values():
            if actor["state"]:
                self._members.setdefault(actor["state"], []).append(actor["id"])
        self._typed: dict[str, Mapping[int, int]] = {}

    def holders(self, word: str) -> Mapping[int, int]:
        """The postings of ``word`` (claim number -> field code), read once: a query's own
        words are looked up when matching and again when ranking (see :meth:`forget`)."""
        found = self._typed.get(word)
        if found is None:
            found = self.corpus.postings(word)
            # A word most claims hold is not kept: ranking does not ask for it again.
            if len(found) <= HELD_BY_MOST * len(self.corpus.ranks()):
                self._typed[word] = found
        return found

    def forget(self) -> None:
        """Let go of the postings :meth:`holders` kept, at the start of a new query."""
        self._typed.clear()

    def _offer(self, best: Matches, term: str, word: str, level: float, how: str, offered: dict[str, float]) -> None:
        """Record ``word``'s claims for ``term`` at ``level``, keeping each claim's best match.

        ``offered`` holds the words offered before and at what level: a word offered again
        at no higher level (``visited`` as a stem, then as a prefix) cannot better any
        claim's match, and is not read again.
        """
        if offered.get(word, -1.0) >= level:
            return
        offered[word] = level
        postings = self.holders(word) if word == term else self.corpus.postings(word)
        if not postings:
            return
        concept = concept_of(term, word) if how == "synonym" else ""
        made = [(level * FIELD_WEIGHTS[name], Why(term, name, word, how, concept)) for name in FIELDS]
        made += [made[_ACTOR]] * (OWN_TOO + _ACTOR + 1 - len(made))  # codes marked OWN_TOO
        if not best:
            best.update(zip(postings.keys(), map(made.__getitem__, postings.values()), strict=True))
            return
        # each claim once per word: compared with the matches before, not with each other
        _improve(best, list(postings), list(map(made.__getitem__, postings.values())))

    def word(self, term: str) -> Matches:
        """Best quality per claim for one query word: exact, stem, synonym, prefix or fuzzy."""
        best: Matches = {}
        offered: dict[str, float] = {}
        self._offer(best, term, term, EXACT, "exact", offered)
        if term.isdigit():
            return best  # numbers match only as typed: 100 is not 1000
        if len(term) > 4 and term.isalpha():
            root = stem(term)
            for word in self.corpus.prefixed(root[:-1] if root.endswith("y") else root):
                if word != term and stem(word) == root:
                    self._offer(best, term, word, STEM, "stem", offered)
        if term.isalpha():
            made_of = roots(term)
            # The index stores words, not roots: look up the words each root may begin.
            for head in dict.fromkeys(head for root in sorted(made_of) for head in heads(root)):
                for word in self.corpus.prefixed(head):
                    if word != term and len(word) - len(head) <= LONGEST_ENDING and not made_of.isdisjoint(roots(word)):
                        self._offer(best, term, word, STEM, "root", offered)
        meanings = synonyms_of(term)
        for word in sorted(meanings):
            self._offer(best, term, word, SYNONYM, "synonym", offered)
        if len(term) >= MIN_PREFIX_LENGTH:
            for word in self.corpus.prefixed(term):
                if word != term:
                    level = PREFIX_LOW + (PREFIX_HIGH - PREFIX_LOW) * len(term) / len(word)
                    self._offer(best, term, word, level, "prefix", offered)
        # A word found as typed, or known to the lexicon, is what the user meant;
        # only unknown words get typo help ("tewas", killed, is no typo of "tegas").
        if len(term) >= MIN_FUZZY_LENGTH and term.isalpha() and not meanings and not self.corpus.has_word(term):
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            edits = 1 if len(term) < 9 else 2
            near: list[tuple[str, int, int]] = []
            for words in self.corpus.near_words(term, edits):
                near += process.extract(term, words, scorer=OSA.distance, score_cutoff=edits, limit=FUZZY_CANDIDATES)
            # The closest words, then in alphabetical order: as if from one sorted vocabulary.
            near.sort(key=lambda found: (found[1], found[0]))
            for word, distance, _ in near[:FUZZY_CANDIDATES]:
                if distance and word.isalpha():
                    self._offer(best, term, word, FUZZY - 0.1 * (distance - 1), "fuzzy", offered)
            # A word no claim holds may be another spelling of a word of the lexicon
            # (personel, personnel): the claims holding that word or its concept's.
            spelled = lexicon_spelling(term) if not best else None
            if spelled:
                for word in (spelled, *sorted(synonyms_of(spelled))):
                    self._offer(best, term, word, FUZZY, "spelling", offered)
        return best

    def actor(self, term: str, run: Run) -> Matches:
        """Claims involving the actor, at a little less those involving its members
        if it is a state, and claims whose text names it without listing it."""
        level = ALIAS if run.exact else FUZZY
        how = "alias of" if run.exact else "near name of"
        best: Matches = {}
        for member in self._members.get(run.actor, ()):
            pair = (MEMBER * level, Why(term, "actor", member, "state of" if run.exact else "near name, state of"))
            best.update(dict.fromkeys(self.corpus.claims_of(member), pair))
        listed = self.corpus.claims_of(run.actor)
        best.update(dict.fromkeys(listed, (level, Why(term, "actor", run.actor, how))))
        if run.capitals:
            # The word "un" in "Kim Jong Un" is no "UN": look at the original text.
            return self._capitals(best, term)
        # A claim naming the actor in its own text (as typed) ranks above one
        # that only lists it, and counts even if it does not list it.
        parts = [self.holders(word) for word in dict.fromkeys(term.split()) if word not in STOPWORDS]
        if not parts or not all(parts):
            return best
        how = "phrase" if " " in term else "exact"
        own = {_STATEMENT: (1.0, Why(term, "statement", term, how)), _ELSEWHERE: (QUOTE, Why(term, "text", term, how))}
        if " " in term:
            candidates = set(parts[0]).intersection(*parts[1:])
            named = list(self._naming(" " + term + " ", candidates))
            _improve(best, [number for number, _ in named], [own[where] for _, where in named])
        else:
            # One word: the strongest field holding it says where it is, and a claim's own
            # texts hold it unless that is an actor's name not marked OWN_TOO.
            by_code = [own[_ELSEWHERE]] * (OWN_TOO + _ACTOR + 1)
            by_code[_STATEMENT] = own[_STATEMENT]
            postings = parts[0]
            own_text = list(map(_ACTOR.__ne__, postings.values()))
            numbers = list(compress(postings, own_text))
            _improve(best, numbers, list(map(by_code.__getitem__, compress(postings.values(), own_text))))
        return best

    def _capitals(self, best: Matches, term: str) -> Matches:
        """Add claims whose original text has ``term`` in capitals (``UN``, ``U.S.``)."""
        words = term.split()
        pattern = re.compile(r"\b" + r"\W{0,2}".join(word.upper() for word in words) + r"\b")
        parts = [self.corpus.postings(word) for word in words]
        candidates = set(parts[0]).intersection(*parts[1:]) | self.corpus.postings("".join(words)).keys()
        first = words[0].upper()
        unseen = sorted(candidates - best.keys())
        for start in range(0, len(unseen), CHUNK):
            chunk = unseen[start : start + CHUNK]
            for number, claim in zip(chunk, self.corpus.by_number(chunk), strict=True):
                fields = claim_fields(claim, involved(claim), self._topics, self._actor_names)
                found = [(FIELD_WEIGHTS[name], name) for name, text in fields if first in text and pattern.search(text)]
                if found:
                    weight, name = max(found)
                    best[number] = (weight, Why(term, name, term.upper(), "capitals"))
        return best

    def _naming(self, phrase: str, numbers: Iterable[int]) -> Iterator[tuple[int, int]]:
        """Claims among ``numbers`` whose own text holds ``phrase``, with where: the
        statement's code, or :data:`_ELSEWHERE` for its other texts (quotes, tags, places...)."""
        wanted = list(numbers)
        for start in range(0, len(wanted), CHUNK):
            texts = self.corpus.texts(wanted[start : start + CHUNK])
            for number, (text, others, names) in texts.items():
                position = text.find(phrase, 0, names)
                if position >= 0:
                    yield number, _STATEMENT if position < others else _ELSEWHERE
