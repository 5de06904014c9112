"""The curation rules of the bundled dataset, as checks over plain claim records.

Each function takes the claims (and, where it needs them, the actor registry)
and returns one readable line per violation, so a failing test names every
offending claim at once. The rules are the ones the dataset's reviews settled:
they keep a claim from saying more, or less, than its article supports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from rknk.dates import DateError, Span, parse_partial, parse_span

Claim = Mapping[str, Any]

#: A date at the end of an id: ``-2024``, ``-2024-11``, ``-2024-11-29``, or a
#: year range ``-2006-2017``.
_ID_RANGE = re.compile(r"-([0-9]{4})-([0-9]{4})$")
_ID_DATE = re.compile(r"-([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)$")


def id_date(claim_id: str) -> Span | None:
    """The span of days the date at the end of an id names, or None if it names none."""
    years = _ID_RANGE.search(claim_id)
    if years:
        return Span(parse_partial(years.group(1)).first, parse_partial(years.group(2)).last)
    match = _ID_DATE.search(claim_id)
    if match is None:
        return None
    try:
        return parse_partial(match.group(1))
    except DateError:
        return None


def ids_dated_outside_their_claim(claims: Iterable[Claim]) -> list[str]:
    """An id's date must not contradict the claim's own date.

    The two must nest: the id names a day within the claim's interval
    (``...-2022-08-15`` for ``2022-08/2022-09``), or a coarser period that holds
    it (``...-2022`` for ``2022-01/2022-09``). Merely overlapping is not enough,
    and disjoint dates mean a filter on the id's date misses the claim.
    """
    found = []
    for claim in claims:
        named = id_date(claim["id"])
        if named is None:
            continue
        own = parse_span(claim["date"])
        inside = own.first <= named.first and named.last <= own.last
        holds = named.first <= own.first and own.last <= named.last
        if not (inside or holds):
            found.append(f"{claim['id']}: the id names {named.first}..{named.last}, the claim is dated {claim['date']}")
    return found


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
#: Words that only mean something against the article's publication date.
_RELATIVE = re.compile(
    r"\b(?:last|this|next|coming|past)\s+(?:week|month|year|spring|summer|autumn|winter|" + _WEEKDAY[3:-1] + r")\b"
    r"|\b(?:recently|lately|yesterday|today|tomorrow|currently|nowadays)\b"
    r"|\b(?:days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
#: A weekday is fine when the day it resolves to follows: "on Friday 29 November 2024".
_BARE_WEEKDAY = re.compile(_WEEKDAY + r"(?!\s+[0-9]{1,2}\s+" + _MONTH_EN + r"\s+[0-9]{4})")


def relative_time_in_statements(claims: Iterable[Claim]) -> list[str]:
    """A statement stands alone: no "last month", "this year", "recently" or bare weekday.

    The English statement is read without its article, so a relative date must
    be written out ("in November 2024", "on Friday 29 November 2024").
    """
    found = []
    for claim in claims:
        statement = claim["statement"]
        for match in (*_RELATIVE.finditer(statement), *_BARE_WEEKDAY.finditer(statement)):
            found.append(f"{claim['id']}: relative time {match.group(0)!r} in the statement")
    return found


_MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
_MONTHS_EN = _MONTH_EN[3:-1].split("|")


def _month_names(month: int) -> str:
    return f"(?:{_MONTHS_ID[month - 1]}|{_MONTHS_EN[month - 1]})"


def _expresses(text: str, part: str) -> bool:
    """True if ``text`` writes the partial date ``part`` at its own precision.

    The year must be written; a month by name (Indonesian or English); a day as
    "25 Juli 2023", "18-19 Juni 2024" or "29/11/2024".
    """
    year, _, rest = part.partition("-")
    if not re.search(rf"(?<![0-9]){year}(?![0-9])", text):
        return False
    if not rest:
        return True
    month_text, _, day_text = rest.partition("-")
    month, names = int(month_text), _month_names(int(month_text))
    if not day_text:
        return bool(re.search(rf"\b{names}\b", text))
    day = int(day_text)
    return bool(
        re.search(rf"(?<![0-9]){day}(?:\s*-\s*[0-9]{{1,2}})?\s+{names}\b", text)
        or re.search(rf"(?<![0-9])[0-9]{{1,2}}\s*-\s*{day}\s+{names}\b", text)
        or re.search(rf"(?<![0-9]){day}/{month}/{year}\b", text)
    )


def stated_dates_without_a_source(claims: Iterable[Claim]) -> list[str]:
    """``date_basis: stated`` needs the date in a quoted passage, or a note saying where.

    Every end of the claim's date must be written in one of its quotes or,
    when the article states it in another sentence, in the ``date_note``.
    """
    found = []
    for claim in claims:
        if claim["date_basis"] != "stated":
            continue
        quotes = " ".join(evidence["quote"] for evidence in claim["evidence"])
        note = claim["date_note"] or ""
        for part in claim["date"].split("/"):
            if not (_expresses(quotes, part) or _expresses(note, part)):
                found.append(f"{claim['id']}: 'stated' date {part} is in no quote and no date_note")
    return found


def one_sided_related_links(claims: Iterable[Claim]) -> list[str]:
    """``related`` is symmetric: if A lists B, B lists A."""
    related = {claim["id"]: set(claim["related"]) for claim in claims}
    return [
        f"{claim_id}: lists {other}, which does not list it back"
        for claim_id, others in related.items()
        for other in sorted(others)
        if other in related and claim_id not in related[other]
    ]


def _folded_quote(quote: str) -> str:
    return " ".join(quote.replace("\u00a0", " ").split()).casefold()


def statuses_split_on_one_quote(claims: Iterable[Claim]) -> list[str]:
    """Claims that share a quote (same source, same words) share one status.

    One sentence is asserted one way; splitting it into claims must not give
    its parts different hedges.
    """
    by_quote: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        for evidence in claim["evidence"]:
            by_quote[evidence["source"], _folded_quote(evidence["quote"])][claim["status"]].append(claim["id"])
    return [
        f"{source}: quote {quote[:60]!r}... has statuses {dict(statuses)}"
        for (source, quote), statuses in by_quote.items()
        if len(statuses) > 1
    ]


def state_media_accounts_not_stated(claims: Iterable[Claim]) -> list[str]:
    """What North Korean state media (KCNA, or unnamed "state media") asserts is ``stated``.

    State media speak for Pyongyang, a party to what they report: one kind of
    speaker, one status, whether the outlet calls it a report or a statement.
    """
    found = []
    for claim in claims:
        speakers = [(c["actor"] or "", c["text"] or "") for c in claim["claimants"]]
        by_state_media = any(actor == "kcna" or text.startswith("North Korean state media") for actor, text in speakers)
        if by_state_media and claim["status"] != "stated":
            found.append(f"{claim['id']}: asserted by North Korean state media but '{claim['status']}'")
    return found


#: A statement telling of a meeting: what was said or done at it.
_MEETING = re.compile(r"\b(?:met|meet|meets|meeting|summit)\b", re.IGNORECASE)


def meetings_without_their_place(claims: Iterable[Claim]) -> list[str]:
    """A claim telling of a meeting gives where it was held when another claim of its article
    and date, telling of the same meeting, gives it.

    An article states the place once, and its claims each tell one thing said or done at
    the meeting: without the place, a question about a meeting held elsewhere ("Belousov
    meets Kim Jong Un in Moscow") finds the claims of the one held in Pyongyang.
    """
    claims = list(claims)  # read twice
    placed: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if claim["places"] and _MEETING.search(claim["statement"]):
            placed[(claim["evidence"][0]["source"], claim["date"])].update(claim["places"])
    found = []
    for claim in claims:
        where = placed.get((claim["evidence"][0]["source"], claim["date"]))
        if where and not claim["places"] and _MEETING.search(claim["statement"]):
            found.append(f"{claim['id']}: tells of a meeting its article places in {', '.join(sorted(where))}")
    return found


#: Statuses that report someone's judgment of others: the judge is not its subject.
JUDGMENTS = frozenset({"alleged", "assessment", "estimate"})


def claimants_listed_as_actors(claims: Iterable[Claim], actors: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Actors are who a claim is about; claimants who assert it.

    What a check can tell: an outlet (a ``media`` actor) reports a claim and is
    never its subject; and the person or body whose judgment a claim reports
    (an allegation, assessment or estimate) is not what it judges. A state may
    be both, as Ukraine is in an analysis by Ukraine of the war against it.
    """
    found = []
    for claim in claims:
        for actor_id in claim["actors"]:
            if actors[actor_id]["kind"] == "media":
                found.append(f"{claim['id']}: outlet '{actor_id}' is listed as an actor")
        if claim["status"] not in JUDGMENTS:
            continue
        for claimant in claim["claimants"]:
            actor_id = claimant["actor"]
            if actor_id in claim["actors"] and actors[actor_id]["kind"] in ("person", "organization"):
                found.append(f"{claim['id']}: claimant '{actor_id}' judges the claim and is listed as its actor")
    return found


def pre_war_topics(claims: Iterable[Claim]) -> list[str]:
    """Claims wholly before the invasion of 24 February 2022 are history, or sanctions.

    One rule for the background, so Putin's 2000 visit and the 2019 summit sit
    together; the UN sanctions record since 2006 stays one thread under sanctions.
    """
    invasion = parse_partial("2022-02-24").first
    return [
        f"{claim['id']}: dated {claim['date']}, before the invasion, but topic '{claim['topic']}'"
        for claim in claims
        if parse_span(claim["date"]).last < invasion and claim["topic"] not in ("history", "sanctions")
    ]
