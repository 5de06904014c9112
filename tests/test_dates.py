import datetime as dt

import pytest

from rknk.dates import DateError, Span, parse_partial, parse_span


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2024-06-19", "2024-06-19", "2024-06-19"),
        ("2024-06-18/2024-06-19", "2024-06-18", "2024-06-19"),
        ("2006-10-14/2017-12-22", "2006-10-14", "2017-12-22"),
        ("1990/2000", "1990-01-01", "2000-12-31"),
    ],
)
def test_a_date_covers_the_days_its_precision_allows(text: str, first: str, last: str) -> None:
    assert parse_span(text) == Span(dt.date.fromisoformat(first), dt.date.fromisoformat(last))


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("2024-13", "month must be 01 to 12"),
        ("2024-13-45", "month must be 01 to 12"),
        ("2023-02-29", "day must be 01 to 28"),
        ("2024-06-00", "day must be 01 to 30"),
        ("24", "is not a date"),
        ("2024-6", "is not a date"),
        ("June 2024", "is not a date"),
        ("2024-06-19T10:00", "is not a date"),
        ("", "is not a date"),
        ("0000", "year 0000"),
        ("2024-06/2024-01", "ends before it starts"),
        ("2024/", "is not a date"),
    ],
)
def test_impossible_or_malformed_dates_are_refused_with_a_reason(text: str, complaint: str) -> None:
    with pytest.raises(DateError, match=complaint):
        parse_span(text)


def test_cli_dates_are_single_partial_dates_not_intervals() -> None:
    with pytest.raises(DateError):
        parse_partial("2024-01/2024-02")


@pytest.mark.parametrize(
    ("claim", "since", "overlaps"),
    [
        ("2024", "2024-06", True),
        ("2024-05", "2024-06", False),
        ("2024-06-30", "2024-06", True),
        ("2023-12-31", "2024", False),
        ("2023-12/2024-01", "2024", True),
    ],
)
def test_spans_overlap_when_they_share_a_day(claim: str, since: str, overlaps: bool) -> None:
    assert parse_span(claim).overlaps(parse_partial(since)) is overlaps
