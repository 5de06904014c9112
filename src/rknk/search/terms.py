"""Reading a query: folded words, and the terms they form.

A run of query words naming an actor by any name or alias (``korea
selatan``, ``DPRK``, ``NATO chief``; a short one such as ``US`` only in
capitals) is one term; a near miss of a several-word name (``Kim Jong Unn``)
is one too, marked as not exact. Every other word that is not a stopword is a
term of its own, with numbers written as figures (``10k`` and ``10 ribu``
read as ``10000``). Offices named by role (``top diplomat``) and idioms (``cutting edge``) are first
read as the words the data uses for them (``foreign minister``, ``advanced``),
from the lexicon.

Question and function words (``how many``, ``could``, ``berapa``, ``kali``,
``kepada``; ``siapakah`` as ``siapa``) are dropped, so they never count against a match; what the
question asks for (a date, a quantity, a claimant, a place, a reason) is kept as its intent.
Each term also says what kind of word it is, which decides how it is
weighed (:mod:`rknk.search.ranking`): an everyday word (``learning``,
``real``, ``lama``: ``everyday.json``) or a capital that is also a place
(``Beijing``: the lexicon's ``seats``; ``Kursk``: its ``places``), a capital
typed after ``in``, ``to``, ``di`` or ``ke`` as the place where something happened, which a
claim naming a city elsewhere does not answer (the 2019 summit in Vladivostok is no trip
*to Pyongyang*), a state or
a person named by name or alias (``China``, ``Shoigu``), an ordinal
(``sixth``, ``pertama``: the lexicon's ``ordinals``), a state or a person typed as who sent
something or imposed a sanction (``dikirim Korea Selatan``), or a word typed as a name that
no actor has (``EU``). A state after ``to`` or ``ke`` in a query about a visit is where it happened.

Facts typed that only frame another are dropped with the question words: a
word saying what kind of date follows (``tahun 2024``, ``bulan Juni``). A decade
or a part of one (``the late 1940s``, ``awal 2000-an``) is one term, its span of years
(:mod:`rknk.decades`). An actor named by its relation to another (``Kim Jong Un's
father``, ``head of NATO``, ``kantor berita Korsel``: the lexicon's ``relations``) is
read as the actor it names. A person named beside another noun relating them to
someone else (``Kim Jong Un's daughter``: the lexicon's ``relational``) is not the
person asked about, so the term stays a word to weigh but not a name a claim
must involve; the noun names who is asked about, so a claim must hold it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping
from typing import NamedTuple

from rknk.decades import read_decades, years_of
from rknk.normalize import fold, needs_capitals
from rknk.records import ActorRecord
from rknk.words import (
    ACTS,
    MONTHS,
    OFFICES,
    REPORTING,
    REPORTING_VERBS,
    STOPWORDS,
    VISIT,
    Office,
    demonyms,
    frames_stance,
    intent,
    is_everyday,
    names_a_date,
    of_concepts,
    ordinal,
    places,
    read_contractions,
    read_days,
    read_ordinals,
    read_particles,
    read_roles,
    relational,
    relations,
    scale_numbers,
    seats,
    spans_time,
    succession,
    synonyms_of,
    wants_figure,
)

MAX_QUERY_LENGTH = 200
#: Minimum rapidfuzz ratio for a run of 2+ query words to count as an actor's name.
NAME_RATIO = 90.0

_CAPITALS = re.compile(r"[A-Z0-9]+")
_WORD = re.compile(r"\w+")


#: What each question intent asks for, as ``--explain`` says it.
ASKED = {
    "date": "a precise date",
    "quantity": "a figure",
    "claimant": "a named claimant",
    "place": "a place",
    "reason": "a reason",
}


class Run(NamedTuple):
    """Query words naming an actor: how many, which actor, and how they matched."""

    length: int
    actor: str
    exact: bool
    capitals: bool


class Term(NamedTuple):
    """One unit of a query: a word, or a run of words naming an actor."""

    text: str
    start: int
    end: int
    run: Run | None
    #: An everyday word, weighed as a common one.
    everyday: bool = False
    #: A capital named as a place (``beijing``), or a city or region (``kursk``): a claim must hold it.
    place: bool = False
    #: A state or a person named as such (``China``, ``Shoigu``): a claim must involve
    #: it, unless most claims do.
    named: bool = False
    #: An ordinal (``sixth``, ``keenam``): a claim's own text must hold it, as it must a year.
    ordinal: bool = False
    #: A span of time typed (``five years``, ``24 tahun``): weighed in full where a claim
    #: holds it, but claims say the same span by its dates (*since 2017*), so lacking it
    #: does not count against a claim.
    span: bool = False
    #: A capital typed where something happened (``trip to Pyongyang``, ``di Moskow``): a claim
    #: listing its state but naming a city or region elsewhere (``Vladivostok``) is no answer.
    located: bool = False
    #: A noun naming a person through a name beside it (``Kim Jong Un's daughter``): the person
    #: asked about, whom a claim must name by that noun or its concept (``father``, ``ayah``).
    subject: bool = False
    #: A state or a person typed as who sent something or imposed a sanction (``did South Korea
    #: send``, ``dikirim Korea Selatan``), in a query not about who said so: a claim must list
    #: it, or its people, as an actor, not only as a claimant.
    doer: bool = False
    #: A word typed as a name (with a capital, not the first word unless in capitals: ``EU``)
    #: that names no actor or place the data knows: the claim itself must hold it, not only its
    #: curator's note, which tells of other events (the EU's own sanctions on Russia).
    name: bool = False


def frames(term: Term) -> bool:
    """Whether a term frames the question rather than names its subject (an everyday
    word, a span of time): a claim lacking it is not thereby a wrong answer."""
    return term.everyday or term.span


def is_year(term: Term) -> bool:
    """Whether a term is a year (four digits, 1900 to 2099), or a span of years read from a
    decade (``late 1940s``: :mod:`rknk.decades`): a date the query asks about."""
    if term.run is not None:
        return False
    if len(term.text) == 4 and term.text.isdigit():
        return 1900 <= int(term.text) <= 2099
    return years_of(term.text) is not None


def alias_table(actors: Iterable[ActorRecord]) -> dict[str, tuple[str, bool]]:
    """Folded name or alias -> (actor id, needs capitals). Short aliases such as
    ``AS`` or ``US`` count only when typed in capitals, so the words "as" and "us" stay words.
    A state's adjective (``Chinese``, ``North Korean``: the lexicon's ``demonyms``) names it
    as its name does, so "Chinese troops" are troops of China, which a claim must involve."""
    table: dict[str, tuple[str, bool]] = {}
    known: set[str] = set()
    for actor in actors:
        known.add(actor["id"])
        for name in (actor["name"], *actor["aliases"]):
            folded = fold(name)
            if folded:
                table.setdefault(folded, (actor["id"], needs_capitals(folded)))
    for adjective, state in demonyms().items():
        if state in known:
            table.setdefault(adjective, (state, False))
    return table


def actor_runs(words: list[str], query: str, names: dict[str, tuple[str, bool]]) -> dict[int, Run]:
    """Runs of query words naming an actor, by the position of their first word.

    Exact names and aliases are found first, longest first; then, among the
    words left, a run of two or more words within :data:`NAME_RATIO` of a
    name of two or more words (``vladimir putn``, ``south korean``).
    """
    capitals = set(_CAPITALS.findall(query))
    runs: dict[int, Run] = {}
    covered = [False] * len(words)
    start = 0
    while start < len(words):
        for length in range(min(6, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + length])
            found = names.get(phrase)
            if found and (not found[1] or all(w.upper() in capitals for w in phrase.split())):
                runs[start] = Run(length, found[0], True, found[1])
                covered[start : start + length] = [True] * length
                start += length
                break
        else:
            start += 1
    if len(words) < 2:
        return runs
    several = [name for name in names if " " in name]
    windows = [
        " ".join(words[start : start + length])
        for start in range(len(words) - 1)
        for length in range(2, min(4, len(words) - start) + 1)
        if not any(covered[start : start + length])
    ]
    if not any(_within_reach(window, several) for window in windows):
        return runs  # as the search below would find: the fuzzy matcher is not even loaded
    from rapidfuzz import fuzz, process

    start = 0
    while start < len(words) - 1:
        for length in range(min(4, len(words) - start), 1, -1):
            if any(covered[start : start + length]):
                continue
            phrase = " ".join(words[start : start + length])
            near = process.extractOne(phrase, several, scorer=fuzz.ratio, score_cutoff=NAME_RATIO)
            if near:
                runs[start] = Run(length, names[near[0]][0], False, False)
                covered[start : start + length] = [True] * length
                start += length
                break
        else:
            start += 1
    return runs


def _within_reach(phrase: str, names: list[str]) -> bool:
    """Whether any of ``names`` may be within :data:`NAME_RATIO` of ``phrase``.

    The ratio is 200 times the longest common subsequence over the two lengths, and a
    common subsequence holds no more of each letter than both strings do: a name whose
    letters shared with ``phrase`` fall short cannot reach the ratio. Most queries have
    no such name, and are read without loading the fuzzy matcher."""
    letters = Counter(phrase)
    for name in names:
        total = len(phrase) + len(name)
        if 200 * min(len(phrase), len(name)) < NAME_RATIO * total:
            continue
        if 200 * (letters & Counter(name)).total() >= NAME_RATIO * total:
            return True
    return False


#: What ``--explain`` says of the terms of each kind: its words, which terms, how they are joined.
_MARKS: tuple[tuple[str, Callable[[Term], bool], str], ...] = (
    ("everyday words, weighed as common: ", lambda term: term.everyday, ", "),
    ("a span of time, which a claim may say by its dates: ", lambda term: term.span, " "),
    ("must hold the place or its state: ", lambda term: term.place and not term.located, ", "),
    ("the place where it happened, not a city elsewhere: ", lambda term: term.located, ", "),
    ("must name the person asked about: ", lambda term: term.subject, ", "),
    ("who acted, not only who reported it: ", lambda term: term.doer, ", "),
)


class Reading(NamedTuple):
    """How a query was read: its folded words, its terms, the words dropped as
    question or function words, the roles read as other words, and what it asks for."""

    words: list[str]
    terms: list[Term]
    dropped: list[str]
    roles: list[tuple[str, str]]
    intent: str | None
    #: Words typed with a capital after the query's first word: names, as far as the query says.
    capitalised: frozenset[str] = frozenset()
    #: Names and lexicon concepts typed that no claim holds: the data cannot answer.
    lacking: tuple[str, ...] = ()
    #: The query's first word, folded, if typed with a capital: a name, or only the start of a sentence.
    initial: str = ""
    #: Words no claim holds, left out because nothing matched with them (see :func:`rknk.search.ranking.droppable`).
    relaxed: tuple[str, ...] = ()
    #: The question asks for a figure (*how many troops*): a claim holding none is no answer.
    strict: bool = False
    #: Actors named only as the holder of an office before or after someone else
    #: (*Belousov's predecessor*): their claims are no answer.
    excluded: tuple[str, ...] = ()
    #: Who did what to whom, as the query states it, where claims stating it otherwise were left out.
    direction: str = ""

    def __str__(self) -> str:
        """One line for ``--explain``: the terms searched, then what else the reading did."""
        parts = ["searched: " + (", ".join(term.text for term in self.terms) or "nothing")]
        if self.dropped:
            parts.append("dropped: " + ", ".join(self.dropped))
        parts += [f"read {typed!r} as {meant!r}" for typed, meant in self.roles]
        for label, marked, joiner in _MARKS:
            texts = [term.text for term in self.terms if marked(term)]
            if texts:
                parts.append(label + joiner.join(texts))
        if self.intent:
            parts.append(f"asks for {ASKED[self.intent]}" + (", which an answer must hold" if self.strict else ""))
        if self.relaxed:
            parts.append("nothing matched every word; left out " + ", ".join(self.relaxed) + ", which no claim holds")
        if self.excluded:
            parts.append("not the person named: " + ", ".join(self.excluded))
        if self.direction:
            parts.append(f"who did what to whom: {self.direction}; claims stating it otherwise left out")
        if self.lacking:
            parts.append("no claim holds " + ", ".join(self.lacking) + ", so nothing can answer")
        return "; ".join(parts)


#: Prepositions that make the capital after them the place where something happened
#: (``in Pyongyang``, ``ke Moskow``) rather than the government it stands for.
_AT = frozenset({"in", "to", "at", "into", "di", "ke"})

#: Prepositions of direction: a state after them in a query about a visit is its destination.
_TOWARDS = frozenset({"to", "into", "ke"})

#: Words that may stand between a relational noun and the name it relates to (``father of Kim``).
_LINKS = frozenset({"of", "dari"})


def related(words: list[str], start: int, end: int) -> bool:
    """Whether the name in ``words[start:end]`` is qualified by a relational noun before it
    (``ayah Kim``, ``father of Kim``) or after it (``Kim's father``, folded ``kim father``)."""
    nouns = relational()
    before = start - 2 if start >= 2 and words[start - 1] in _LINKS else start - 1
    return (before >= 0 and words[before] in nouns) or (end < len(words) and words[end] in nouns)


def kin(words: list[str], position: int, runs: Mapping[int, Run]) -> Iterable[bool]:
    """For each name of ``runs``, whether the relational noun at ``position`` qualifies it
    (``Kim Jong Un's daughter``, ``ayah Kim``, ``the father of Kim``)."""
    for start, run in runs.items():
        end = start + run.length
        yield end == position or start == position + 1 or (start == position + 2 and words[position + 1] in _LINKS)


#: Words that may stand between a relation and the name it relates to (``head of the NATO``).
_RELATION_LINKS = frozenset({"of", "the", "dari"})


def read_relations(words: list[str], runs: Mapping[int, Run]) -> tuple[list[str], list[tuple[str, str]]]:
    """``words`` with each actor named through its relation to another (``Kim Jong Un's father``,
    ``ayah Kim Jong Un``, ``head of the NATO``, ``kantor berita Korsel``: the lexicon's
    ``relations``) replaced, with the name it relates to, by the name of the actor it names
    (``kim jong il``, ``nato chief``, ``yonhap``); and the replacements made, as (typed, read as)
    pairs. The relation stands after the name (folding leaves ``kim jong un father``) or before it,
    with ``of``, ``the`` or ``dari`` between."""
    table = relations()
    out = list(words)
    made: list[tuple[str, str]] = []
    for start in sorted(runs, reverse=True):  # from the end, so earlier positions stay valid
        run = runs[start]
        end = start + run.length
        before = start
        while before > 0 and out[before - 1] in _RELATION_LINKS:
            before -= 1
        for phrase, means in table.get(run.actor, ()) if run.exact else ():
            if tuple(out[end : end + len(phrase)]) == phrase:
                first, last = start, end + len(phrase)
            elif before >= len(phrase) and tuple(out[before - len(phrase) : before]) == phrase:
                first, last = before - len(phrase), end
            else:
                continue
            made.append((" ".join(out[first:last]), " ".join(means)))
            out[first:last] = means
            break
    return out, made[::-1]


def read_successions(
    words: list[str], runs: dict[int, Run], offices: Mapping[str, Office]
) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """``words`` with each person named beside a noun of succession (``Belousov's predecessor``,
    ``pendahulu Belousov``, ``the successor of Shoigu``) replaced, with the noun, by the office
    ``offices`` gives for them (``russian defence minister``), where their role says it had a
    holder on that side; the replacements made, as (typed, read as) pairs; and the ids of the
    persons replaced, whose claims are no answer."""
    nouns = succession()
    out = list(words)
    made: list[tuple[str, str]] = []
    replaced: list[str] = []
    for start in sorted(runs, reverse=True):  # from the end, so earlier positions stay valid
        run = runs[start]
        office = offices.get(run.actor)
        end = start + run.length
        if not office or not office.words or not run.exact:
            continue
        if end < len(out) and out[end] in nouns:
            first, last = start, end + 1
        elif start >= 1 and out[start - 1] in nouns:
            first, last = start - 1, end
        elif start >= 2 and out[start - 1] in _LINKS and out[start - 2] in nouns:
            first, last = start - 2, end
        else:
            continue
        noun = out[end] if last == end + 1 else out[first]
        if nouns[noun] not in office.sides:
            continue
        made.append((" ".join(out[first:last]), office.words))
        out[first:last] = office.words.split()
        replaced.append(run.actor)
    return out, made[::-1], replaced[::-1]


def parse(
    query: str,
    names: dict[str, tuple[str, bool]],
    named: Container[str] = (),
    offices: Mapping[str, Office] | None = None,
    states: Container[str] = (),
) -> Reading:
    """Read a query: its folded words and its terms, in the order typed; ``named``
    holds the ids of the actors a claim must involve when a query names them (states, persons),
    ``offices`` each person's office, read for a noun of succession beside them, and ``states``
    the ids of the states, which a visit's destination may name (*Putin's visit to North Korea*)."""
    folded = read_particles(read_contractions(fold(query[: MAX_QUERY_LENGTH * 2]).split()))
    asked = intent(folded)
    words, roles = read_roles(folded)
    typed = _WORD.findall(query[: MAX_QUERY_LENGTH * 2])
    capitalised = frozenset(fold(word) for word in typed[1:] if word[0].isupper())
    words, spans = read_decades(read_days(words, MONTHS))
    roles = roles + spans
    words = read_ordinals(scale_numbers(words), capitalised)
    runs = actor_runs(words, query, names)
    words, related_to = read_relations(words, runs)
    if related_to:
        runs = actor_runs(words, query, names)
        roles = roles + related_to
    words, successions, excluded = read_successions(words, runs, offices or {})
    if excluded:
        runs = actor_runs(words, query, names)
        roles = roles + successions
    terms: list[Term] = []
    dropped: list[str] = []
    seen: set[str] = set()
    visiting = any(of_concepts(word, (VISIT,)) for word in words)
    # The first word is a name only if typed in capitals (EU), not merely as a sentence starts.
    names_typed = capitalised | {fold(typed[0])} if typed and len(typed[0]) > 1 and typed[0].isupper() else capitalised
    acted = acting(folded, asked)
    position = 0
    while position < len(words):
        run = runs.get(position)
        length = run.length if run else 1
        text = " ".join(words[position : position + length])
        if not run and (text in STOPWORDS or names_a_date(words, position)):
            dropped.append(text)
        elif text not in seen:
            everyday = run is None and (is_everyday(text) or frames_stance(words, position))
            place = text in seats() if run is not None else text in places()
            must = (
                run is not None and run.exact and run.actor in named and not related(words, position, position + length)
            )
            counted = run is None and ordinal(text) is not None
            span = run is None and spans_time(words, position)
            located = (
                run is not None
                and (place or run.actor in states)
                and position > 0
                and _destination(words[position - 1], place, visiting)
            )
            subject = run is None and text in relational() and any(kin(words, position, runs))
            doer = must and acted and _does(words, position, position + length)
            name = run is None and not place and not everyday and text in names_typed and unknown_name(text, names)
            terms.append(
                Term(
                    text,
                    position,
                    position + length,
                    run,
                    everyday,
                    place,
                    must,
                    counted,
                    span,
                    located,
                    subject,
                    doer,
                    name,
                )
            )
            seen.add(text)
        position += length
    initial = fold(typed[0]) if typed and typed[0][0].isupper() else ""
    return Reading(
        words,
        terms,
        list(dict.fromkeys(dropped)),
        roles,
        asked,
        capitalised,
        initial=initial,
        strict=wants_figure(folded),
        excluded=tuple(excluded),
    )


def unknown_name(word: str, names: Iterable[str]) -> bool:
    """Whether a folded word typed with a capital is a name the data knows nothing of: no word
    of an actor's names (``Korean``, ``Far``), no seat (``Moscow``), no concept of the lexicon
    (``East``), no figure."""
    return word.isalpha() and word not in seats() and not synonyms_of(word) and word not in _name_words(names)


def _name_words(names: Iterable[str]) -> frozenset[str]:
    """Every word of the folded names and aliases in ``names`` (an alias table's keys)."""
    return frozenset(word for name in names for word in name.split())


def _destination(before: str, capital: bool, visiting: bool) -> bool:
    """Whether a name after the word ``before`` is where something happened: a capital after
    ``in``, ``to``, ``di``, ``ke`` or a word of visiting (``visited Moscow``, ``mengunjungi Moskow``),
    a state after ``to`` or ``ke`` in a query about a visit (``Putin's visit to North Korea``)."""
    if before in _AT:
        return capital or (visiting and before in _TOWARDS)
    return capital and of_concepts(before, (VISIT,))


#: Words between a doer and the passive verb of its act: *sent by Seoul*, *dikirim oleh Seoul*.
_BY = frozenset({"by", "oleh"})


def _does(words: list[str], start: int, end: int) -> bool:
    """Whether the name in ``words[start:end]`` is the doer of an act beside it: before its verb
    (``South Korea send``, ``US sanctions``) or after its passive (``dikirim Korea Selatan``,
    ``sent by Seoul``). ``to Moscow`` is where it went, ``sanctions China`` whom they hit,
    ``Seoul's defence chief`` and ``Menhan Korsel`` (South Korea's defence minister) who spoke."""
    if start >= 1 and of_concepts(words[start - 1], OFFICES):
        return False
    if end < len(words) and of_concepts(words[end], ACTS):
        return True
    if start >= 2 and words[start - 1] in _BY:
        return of_concepts(words[start - 2], ACTS)
    # An Indonesian passive names its doer right after it; in English, a name after the act is its object.
    return start >= 1 and words[start - 1].startswith("di") and of_concepts(words[start - 1], ACTS)


def acting(words: list[str], asked: str | None) -> bool:
    """Whether a query's folded ``words`` ask who sent, supplied or deployed something or who
    imposed a sanction (the lexicon's :data:`~rknk.words.ACTS`), and not who said, reported,
    accused or estimated it (a reporting verb, ``who``, the lexicon's :data:`~rknk.words.REPORTING`)."""
    if asked == "claimant" or any(word in REPORTING_VERBS for word in words):
        return False
    return any(of_concepts(word, ACTS) for word in words) and not any(of_concepts(word, REPORTING) for word in words)
