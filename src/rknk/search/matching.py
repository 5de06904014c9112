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

from collections.abc import Container, ItemsView, Iterable, Iterator, KeysView, Mapping, Sequence, ValuesView
from itertools import compress, repeat
from operator import gt, itemgetter
from typing import Any, NamedTuple, cast

from rknk.decades import decade_of, years_of
from rknk.index.rows import FIELDS, OWN_TOO, capitals_mark
from rknk.indonesian import LONGEST_ENDING, heads, roots
from rknk.records import ActorRecord
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
#: what matching a term gives: :data:`Matches`, or :class:`Common` for an actor most claims involve
Found = Mapping[int, tuple[float, Why]]


def _improve(best: Matches, numbers: list[int], pairs: list[tuple[float, Why]]) -> None:
    """Give each claim of ``numbers`` its match in ``pairs`` where that is better than the
    one it has in ``best``. Compared and stored by steps in C: a word, or an actor, may be
    held by most of the claims."""
    before = map(itemgetter(0), map(best.get, numbers, repeat(_NONE)))
    better = map(gt, map(itemgetter(0), pairs), before)
    best.update(compress(zip(numbers, pairs, strict=True), better))


def _layered(
    layers: Sequence[tuple[Iterable[int], tuple[float, Why]]], within: Container[int] | None = None
) -> Matches:
    """Each claim of the layers with its layer's pair, a later layer's pair replacing an
    earlier one's; only the claims in ``within``, if given."""
    best: Matches = {}
    for numbers, pair in layers:
        best.update(dict.fromkeys(numbers if within is None else filter(within.__contains__, numbers), pair))
    return best


class _Naming:
    """How an actor term is named as typed in claims' own texts (see :meth:`Matcher.actor`):
    the statement scores 1.0, the claim's other texts :data:`QUOTE`."""

    def __init__(self, matcher: Matcher, term: str, parts: list[Mapping[int, int]]) -> None:
        self._matcher = matcher
        self._term = term
        #: the postings of the term's words; none if a word is held by no claim
        self._parts = parts
        how = "phrase" if " " in term else "exact"
        self._own = {
            _STATEMENT: (1.0, Why(term, "statement", term, how)),
            _ELSEWHERE: (QUOTE, Why(term, "text", term, how)),
        }

    def improve(self, best: Matches, within: set[int] | None = None) -> None:
        """Give the claims naming the term (only those in ``within``, if given) their match
        where it is better than the one they have in ``best``."""
        parts, own = self._parts, self._own
        if not parts:
            return
        if " " in self._term:
            if within is None:
                candidates = set(parts[0]).intersection(*parts[1:])
            else:  # steps in C over the claims asked about, not over the words' postings
                candidates = set(within)
                for part in parts:
                    candidates = set(filter(part.__contains__, candidates))
            # A claim's own texts can hold the phrase only if they hold each of its words (a word
            # whose field is an actor's name alone is only there), and its statement only if the
            # statement holds each; a text is read only where what it could show would be better.
            codes = [list(map(part.__getitem__, candidates)) for part in parts]
            own_text = [_ACTOR not in held for held in zip(*codes, strict=True)]
            stated = [all(map(_STATEMENT.__eq__, held)) for held in zip(*codes, strict=True)]
            before = list(map(itemgetter(0), map(best.get, candidates, repeat(_NONE))))
            readable = [
                number
                for number, own_held, statement_held, had in zip(candidates, own_text, stated, before, strict=True)
                if own_held and (had < QUOTE or (statement_held and had < 1.0))
            ]
            named = list(self._matcher._naming(" " + self._term + " ", readable))
            _improve(best, [number for number, _ in named], [own[where] for _, where in named])
            return
        # One word: the strongest field holding it says where it is, and a claim's own
        # texts hold it unless that is an actor's name not marked OWN_TOO.
        by_code = [own[_ELSEWHERE]] * (OWN_TOO + _ACTOR + 1)
        by_code[_STATEMENT] = own[_STATEMENT]
        postings = parts[0]
        if within is not None:
            postings = {number: postings[number] for number in filter(postings.__contains__, within)}
        own_text = list(map(_ACTOR.__ne__, postings.values()))
        numbers = list(compress(postings, own_text))
        _improve(best, numbers, list(map(by_code.__getitem__, compress(postings.values(), own_text))))

    def outside(self, listed: set[int]) -> int:
        """How many claims not in ``listed`` name the term in their own texts."""
        if not self._parts:
            return 0
        first, *others = self._parts
        held = first.keys() - listed
        for part in others:
            held = set(filter(part.__contains__, held))
        found: Matches = {}
        self.improve(found, held)
        return len(found)


class Common(Mapping[int, tuple[float, Why]]):
    """The matches of an actor most claims involve, worked out only for the claims asked
    about: ranking asks about a few thousand candidates, and the whole would be a
    dictionary of most claims, built again for every query (and, for a name of two words,
    every claim's text read to see if it names the actor). It holds exactly what
    :meth:`Matcher.actor` would: iterated, or its items or values taken, it works out the whole.

    :meth:`settle` works out many claims in one step; a claim not settled is worked out on its own.
    """

    def __init__(self, layers: list[tuple[Sequence[int], tuple[float, Why]]], named: _Naming) -> None:
        self._layers = layers
        self._named = named
        self._found: Matches = {}
        self._settled: set[int] = set()
        self._whole: Matches | None = None
        self._size: int | None = None

    def settle(self, numbers: Iterable[int]) -> None:
        """Work out the matches of ``numbers``."""
        if self._whole is not None:
            return
        wanted = set(numbers) - self._settled
        if not wanted:
            return
        best = _layered(self._layers, wanted)
        self._named.improve(best, wanted)
        self._found.update(best)
        self._settled |= wanted

    def settled(self, numbers: Iterable[int]) -> Matches:
        """The matches of at least ``numbers`` (see :meth:`settle`), as a plain dictionary:
        for looking up many of them."""
        self.settle(numbers)
        return self._found if self._whole is None else self._whole

    def whole(self) -> Matches:
        """Every claim's match, as :meth:`Matcher.actor` works it out for an actor few claims involve."""
        if self._whole is None:
            self._whole = _layered(self._layers)
            self._named.improve(self._whole)
        return self._whole

    def get(self, number: int, default: Any = None) -> Any:
        if self._whole is not None:
            return self._whole.get(number, default)
        if number not in self._settled:
            self.settle((number,))
        return self._found.get(number, default)

    def __getitem__(self, number: int) -> tuple[float, Why]:
        found = self.get(number)
        if found is None:
            raise KeyError(number)
        return cast(tuple[float, Why], found)

    def __contains__(self, number: object) -> bool:
        return isinstance(number, int) and self.get(number) is not None

    def __iter__(self) -> Iterator[int]:
        return iter(self.whole())

    def keys(self) -> KeysView[int]:
        return self.whole().keys()

    def values(self) -> ValuesView[tuple[float, Why]]:
        return self.whole().values()

    def items(self) -> ItemsView[int, tuple[float, Why]]:
        return self.whole().items()

    def __bool__(self) -> bool:
        return any(numbers for numbers, _ in self._layers) or bool(len(self))

    def __len__(self) -> int:
        if self._whole is not None:
            return len(self._whole)
        if self._size is None:
            listed = set().union(*(numbers for numbers, _ in self._layers))
            self._size = len(listed) + self._named.outside(listed)
        return self._size


class Matcher:
    """Finds the claims of a corpus that match one term, with their best quality."""

    def __init__(self, corpus: Corpus, actors: Mapping[str, ActorRecord]) -> None:
        self.corpus = corpus
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
        years = years_of(term)
        if years is not None:
            # A span of years (late 1940s) is held by any of its years, or by its decade as claims write it.
            for year in (*map(str, years), decade_of(term) or ""):
                self._offer(best, term, year, EXACT, "year of", offered)
            return best
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

    def actor(self, term: str, run: Run) -> Found:
        """Claims involving the actor, at a little less those involving its members
        if it is a state, and claims whose text names it without listing it.

        An actor most claims involve (:data:`HELD_BY_MOST`) is matched as
        :class:`Common`: only for the claims ranking asks about."""
        level = ALIAS if run.exact else FUZZY
        how = "alias of" if run.exact else "near name of"
        layers = [
            (
                self.corpus.claims_of(member),
                (MEMBER * level, Why(term, "actor", member, "state of" if run.exact else "near name, state of")),
            )
            for member in self._members.get(run.actor, ())
        ]
        layers.append((self.corpus.claims_of(run.actor), (level, Why(term, "actor", run.actor, how))))
        if run.capitals:
            # The word "un" in "Kim Jong Un" is no "UN": look at the original text.
            return self._capitals(_layered(layers), term)
        # A claim naming the actor in its own text (as typed) ranks above one
        # that only lists it, and counts even if it does not list it.
        words = [word for word in dict.fromkeys(term.split()) if word not in STOPWORDS]
        if len(layers[-1][0]) > HELD_BY_MOST * len(self.corpus.ranks()):
            # Only the claims whose own texts hold each word can name it there (see _Naming):
            # the others, most claims, are never read into a dictionary.
            held = [self.corpus.postings_without(word, _ACTOR) for word in words]
            return Common(layers, _Naming(self, term, held if held and all(held) else []))
        parts = [self.holders(word) for word in words]
        named = _Naming(self, term, parts if parts and all(parts) else [])
        best = _layered(layers)
        named.improve(best)
        return best

    def _capitals(self, best: Matches, term: str) -> Matches:
        """Add claims whose own texts write ``term`` in capitals (``UN``, ``U.S.``), from the marks
        the index holds for them (:func:`rknk.index.rows.capitals_mark`): no claim is read."""
        for number, code in self.corpus.postings(capitals_mark("".join(term.split()))).items():
            if number not in best:
                field = FIELDS[code]
                best[number] = (FIELD_WEIGHTS[field], Why(term, field, term.upper(), "capitals"))
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
