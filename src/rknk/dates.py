"""Partial ISO 8601 dates and the intervals they stand for.

A claim is dated at the precision its source gives: ``2024``, ``2024-06``,
``2024-06-19``, or an interval ``2024-06-18/2024-06-19``. Each of these covers
a span of days, and filtering compares spans by overlap, so a claim dated
``2024`` matches ``--since 2024-06``. The text is never rewritten: the span is
derived from it, the text is what gets stored and printed.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

#: ASCII digits only: ``\d`` would also take Arabic-Indic or full-width digits,
#: which ``int`` accepts but ISO 8601 does not.
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")

#: Shown in every date error so the user sees the right form at once.
DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-06, 2024-06-19)"


#: Each month's name in English and in Indonesian, January first: what a user types for
#: a month, and the words a claim's date is found by in search (:func:`date_words`).
MONTH_NAMES = (
    ("january", "januari"),
    ("february", "februari"),
    ("march", "maret"),
    ("april", "april"),
    ("may", "mei"),
    ("june", "juni"),
    ("july", "juli"),
    ("august", "agustus"),
    ("september", "september"),
    ("october", "oktober"),
    ("november", "november"),
    ("december", "desember"),
)


@lru_cache(maxsize=4096)  # many claims share a date, and a build asks for each claim's
def date_words(text: str) -> str:
    """The words a claim date says, as a user would type them: each end's month, in
    English and in Indonesian, and its year (``2023-10-13`` -> ``october 2023 oktober
    2023``; ``2006-10-14/2017-12-22`` names both ends). Days are left out: a day's
    figure typed alone is a number of things, not a date. Search finds a claim by
    the month and year of its date, as it finds it by the words of its statement."""
    said: list[str] = []
    for end in dict.fromkeys(text.split("/")):
        found = _PARTIAL.fullmatch(end)
        if found is None:
            continue
        year, month = found.group(1), found.group(2)
        if month is None or not 1 <= int(month) <= 12:
            said.append(year)
            continue
        for name in dict.fromkeys(MONTH_NAMES[int(month) - 1]):
            said += [name, year]
    return " ".join(said)


class DateError(ValueError):
    """A date text that is not a valid partial ISO date or interval."""


class Span(NamedTuple):
    """The first and last day a partial date or interval covers, both inclusive."""

    first: dt.date
    last: dt.date

    def overlaps(self, other: Span) -> bool:
        return self.first <= other.last and other.first <= self.last


def parse_partial(text: str) -> Span:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` into the span of days it covers.

    Raises :class:`DateError` with a message naming what is wrong.
    """
    match = _PARTIAL.fullmatch(text)
    if match is None:
        raise DateError(f"'{text}' is not a date; use {DATE_FORMS}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year < 1:
        raise DateError(f"'{text}': year 0000 does not exist")
    if month is None:
        return Span(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if not 1 <= month <= 12:
        raise DateError(f"'{text}': month must be 01 to 12")
    last_day = _days_in(year, month)
    if day is None:
        return Span(dt.date(year, month, 1), dt.date(year, month, last_day))
    if not 1 <= day <= last_day:
        raise DateError(f"'{text}': day must be 01 to {last_day:02d} in {year}-{month:02d}")
    exact = dt.date(year, month, day)
    return Span(exact, exact)


@lru_cache(maxsize=4096)
def parse_span(text: str) -> Span:
    """Parse a claim date: a partial date or an interval ``START/END`` of partial dates.

    The interval's end must not come before its start. Raises :class:`DateError`.
    """
    if "/" not in text:
        return parse_partial(text)
    start_text, _, end_text = text.partition("/")
    start = parse_partial(start_text)
    end = parse_partial(end_text)
    if end.last < start.first:
        raise DateError(f"'{text}': the interval ends before it starts")
    return Span(start.first, end.last)


@lru_cache(maxsize=4096)  # as parse_span: a build asks for every claim's
def iso_bounds(text: str) -> tuple[str, str]:
    """The first and last day a claim date covers, as full ISO dates: ``2024-11`` ->
    ``("2024-11-01", "2024-11-30")``.

    These are the ``date_start`` and ``date_end`` of every machine format, so a
    script can sort and compare claims without parsing partial dates. The
    curated ``date`` keeps its own precision beside them. Raises :class:`DateError`.
    """
    span = parse_span(text)
    return span.first.isoformat(), span.last.isoformat()


def check_claim_date(text: str) -> str:
    """Validate a claim date and return it unchanged (used as a model validator)."""
    try:
        parse_span(text)
    except DateError as error:
        raise ValueError(str(error)) from None
    return text


def _days_in(year: int, month: int) -> int:
    # The day before the next month's first (calendar.monthrange would cost an import per lookup).
    if month == 12:
        return 31
    return (dt.date(year, month + 1, 1) - dt.timedelta(days=1)).day
