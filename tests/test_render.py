"""Renderers on their own: a listing in, text out, no CLI involved."""

import csv
import io
import json
import textwrap

import pytest

from rknk.render import Format, renderer
from rknk.render.listing import Column, Listing

RECORDS = [
    {"id": "a", "date": "2024-06", "statement": "Pact signed.", "actors": ["russia", "north-korea"], "n": 10000},
    {"id": "b", "date": "2024", "statement": '=HYPERLINK("x")', "actors": [], "n": -5},
]
LISTING = Listing(
    RECORDS,
    ("id", "date", "statement", "actors", "n"),
    (
        Column("Date", lambda r: r["date"]),
        Column("ID", lambda r: r["id"]),
        Column("Statement", lambda r: r["statement"]),
    ),
)


def render(fmt: Format, listing: Listing = LISTING) -> str:
    out = io.StringIO()
    renderer(fmt)(listing, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_has_a_renderer_that_writes_something(fmt: Format) -> None:
    assert render(fmt).strip()


def test_json_is_the_records_exactly() -> None:
    assert json.loads(render(Format.JSON)) == RECORDS


def test_json_escapes_characters_that_break_lines_or_terminals_but_keeps_the_data() -> None:
    tricky = [{"id": "x", "statement": "a\u2028b\u0085c\u202ed\x9be", "actors": [], "date": "2024", "n": 1}]
    text = render(Format.JSON, Listing(tricky, LISTING.fields, LISTING.columns))
    assert not any(ch in text for ch in "\u2028\u0085\u202e\x9b")
    assert "\\u2028" in text and "\\u202e" in text
    assert json.loads(text) == tricky
    lines = render(Format.JSONL, Listing(tricky, LISTING.fields, LISTING.columns)).splitlines()
    assert len(lines) == 1 and json.loads(lines[0]) == tricky[0]


def test_jsonl_is_one_record_a_line() -> None:
    assert [json.loads(line) for line in render(Format.JSONL).splitlines()] == RECORDS


def test_csv_joins_lists_guards_formulas_and_leaves_numbers() -> None:
    rows = list(csv.reader(io.StringIO(render(Format.CSV))))
    assert rows[0] == ["id", "date", "statement", "actors", "n"]
    assert rows[1] == ["a", "2024-06", "Pact signed.", "russia; north-korea", "10000"]
    assert rows[2] == ["b", "2024", '\'=HYPERLINK("x")', "", "-5"]


def test_markdown_escapes_pipes_and_shows_controls() -> None:
    listing = Listing(
        [{"date": "2024", "id": "p", "statement": "a | b \x1b[2J"}], ("date", "id", "statement"), LISTING.columns
    )
    # Shown as "a | b \x1b[2J": the pipe, the bracket and the backslash of the visible escape are escaped.
    assert render(Format.MARKDOWN, listing).splitlines()[2] == "| 2024 | p | a \\| b \\\\x1b\\[2J |"


def test_a_piped_table_is_aligned_plain_text() -> None:
    assert render(Format.TABLE) == textwrap.dedent(
        """\
        Date     ID  Statement
        2024-06  a   Pact signed.
        2024     b   =HYPERLINK("x")
        """
    )


def test_a_single_record_renders_as_field_value_rows() -> None:
    single = Listing(RECORDS[:1], LISTING.fields, LISTING.columns, single=True)
    assert render(Format.TABLE, single).splitlines() == [
        "Date       2024-06",
        "ID         a",
        "Statement  Pact signed.",
    ]
    assert json.loads(render(Format.JSON, single)) == RECORDS[0]


def test_fields_cut_a_listing_for_every_format() -> None:
    cut = LISTING.only(["n", "id"])
    assert json.loads(render(Format.JSON, cut)) == [{"n": 10000, "id": "a"}, {"n": -5, "id": "b"}]
    assert render(Format.TABLE, cut).splitlines()[0].split() == ["n", "id"]
