"""Figures: every quantity the claims state, one per row, to compare numbers side by side.

Different claimants give different numbers for the same thing (about 10,000
troops, more than 10,000, up to 100,000), and each sits in its own claim. This
module pulls them out of the claims, keeps each with its claim, and words them
as the source hedged them. Pure functions over records; nothing here prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from rknk.errors import UsageError
from rknk.normalize import fold
from rknk.query import chronological_key
from rknk.records import ClaimRecord, QuantityRecord, TopicRecord

#: How each qualifier reads before a number; ``exact`` and ``range`` add no words.
QUALIFIER_WORDS = {"exact": "", "about": "about", "more-than": "more than", "at-least": "at least", "up-to": "up to"}


class Figure(NamedTuple):
    """One quantity and the claim that states it."""

    claim: ClaimRecord
    quantity: QuantityRecord


def number_text(value: float) -> str:
    """A number for people: ``10000`` -> ``10,000``; fractions kept as written."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def quantity_text(quantity: QuantityRecord, *, unit: bool = True) -> str:
    """A quantity as the source hedged it: ``about 10,000 troops``, ``5,000–7,000 troops``."""
    low, high = quantity["low"], quantity["high"]
    words = QUALIFIER_WORDS.get(quantity["qualifier"], quantity["qualifier"])
    shown = f"{words} {number_text(quantity['value'])}".strip()
    if low is not None or high is not None:
        bounds = f"{number_text(low) if low is not None else '…'}–{number_text(high) if high is not None else '…'}"
        shown = bounds if quantity["qualifier"] == "range" else f"{shown} ({bounds})"
    return f"{shown} {quantity['unit']}" if unit else shown


def _unit_matches(wanted: str, unit: str) -> bool:
    # A word of the unit starts with what was asked: "troop" finds "troops",
    # "shells" finds "rockets and artillery shells", "mm" does not find "ammo".
    return re.search(r"(?<![a-z0-9])" + re.escape(wanted), fold(unit)) is not None


def _topic_ids(wanted: str, topics: Mapping[str, TopicRecord]) -> set[str]:
    return {t["id"] for t in topics.values() if wanted in (fold(t["id"]), fold(t["label"]))}


def select(
    claims: Iterable[ClaimRecord], wanted: str | None, topics: Mapping[str, TopicRecord], *, newest_first: bool = False
) -> list[Figure]:
    """Every quantity of ``claims`` whose unit, or else whose claim's topic, matches ``wanted`` (all when None).

    ``wanted`` is a unit when a word of some quantity's unit begins with it
    (``troop`` finds ``troops``, ``shells`` finds ``rockets and artillery
    shells``); then only quantities in such units are kept, so ``figures troops``
    never mixes in a count of missiles. Otherwise it is a topic id or label, and
    every quantity of the claims in that topic is kept. Figures come in date
    order (first day, last day, claim id), then in the claim's own order.
    """
    ordered = sorted(claims, key=chronological_key, reverse=newest_first)
    every = [Figure(claim, quantity) for claim in ordered for quantity in claim["quantities"]]
    if wanted is None:
        return every
    folded = fold(wanted)
    by_unit = [figure for figure in every if _unit_matches(folded, figure.quantity["unit"])]
    if by_unit or not folded:
        return by_unit
    topic_ids = _topic_ids(folded, topics)
    return [figure for figure in every if figure.claim["topic"] in topic_ids]


def check_known(wanted: str, claims: Iterable[ClaimRecord], topics: Mapping[str, TopicRecord]) -> None:
    """Raise :class:`UsageError` if ``wanted`` names no unit or topic of any figure in ``claims``.

    Run on the whole dataset before filtering, so ``rknk figures troop --since 2030``
    is an empty answer while ``rknk figures tropes`` is a mistake worth saying.
    """
    folded = fold(wanted)
    if not folded:
        raise UsageError("the unit or topic is empty; give one such as troops, or none for every figure")
    claims = list(claims)
    if select(claims, wanted, topics):
        return
    units = sorted({q["unit"] for claim in claims for q in claim["quantities"]})
    with_figures = sorted({claim["topic"] for claim in claims if claim["quantities"]})
    raise UsageError(
        f"no figure has a unit or topic '{wanted}'; units: {', '.join(units) or '(none)'}; "
        f"topics with figures: {', '.join(with_figures) or '(none)'}"
    )
