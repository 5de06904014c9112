"""Property tests: whatever the input, rknk answers with an exit code and a message, never a
traceback; and a valid date comes back exactly as it was written."""

from __future__ import annotations

import calendar
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fixture_data import ACTORS, CLAIMS, SOURCES, TOPICS, UNSAFE_FOR_HUMANS, claim, invoke, make_data, write_json

# The folder is shared by every example of a test (function-scoped fixtures are not reset
# between examples), so each example rewrites what it needs.
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("properties")


def assert_clean_ending(result: Any, codes: set[int]) -> None:
    """An expected exit code, no traceback, no internal error, and errors in one line."""
    assert result.exit_code in codes, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    assert "internal error" not in result.stderr, result.stderr
    if result.exit_code:
        assert result.stderr.startswith("rknk: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert isinstance(result.exception, SystemExit | None)


TARGETS = ["claims/a.json", "sources.json", "actors.json", "topics.json"]


@SETTINGS
@given(content=st.binary(max_size=400), target=st.sampled_from(TARGETS))
def test_random_bytes_as_a_data_file_never_crash(workspace: Path, content: bytes, target: str) -> None:
    root = make_data(workspace / "bytes")
    (root / target).write_bytes(content)
    for args in (["events", "--data", str(root)], ["validate", str(root)]):
        assert_clean_ending(invoke(args, workspace / "cache"), {0, 1})


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(value=JSON_VALUES, target=st.sampled_from(TARGETS))
def test_any_json_value_as_a_data_file_never_crashes(workspace: Path, value: Any, target: str) -> None:
    root = make_data(workspace / "values")
    (root / target).write_text(json.dumps(value), encoding="utf-8")  # NaN and Infinity included
    for args in (["events", "--data", str(root)], ["validate", str(root)]):
        assert_clean_ending(invoke(args, workspace / "cache"), {0, 1})


FIELDS = [
    "id",
    "date",
    "statement",
    "topic",
    "actors",
    "claimants",
    "quantities",
    "places",
    "evidence",
    "tags",
    "related",
    "note",
]


@SETTINGS
@given(field=st.sampled_from(FIELDS), value=JSON_VALUES)
def test_any_value_in_any_claim_field_is_accepted_or_reported(workspace: Path, field: str, value: Any) -> None:
    root = make_data(workspace / "fields")
    write_json(root / "claims" / "a.json", [claim("c-1", **{field: value}), *CLAIMS["claims/a.json"]])
    result = invoke(["validate", str(root)], workspace / "cache")
    assert_clean_ending(result, {0, 1})
    if result.exit_code:
        assert "claims/a.json" in result.stdout or "claims/b.json" in result.stdout


@pytest.fixture(scope="module")
def valid_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_data(tmp_path_factory.mktemp("valid"))


@SETTINGS
@given(text=st.text(max_size=30), option=st.sampled_from(["--since", "--until"]))
def test_random_text_as_a_date_option_never_crashes(valid_data: Path, tmp_path: Path, text: str, option: str) -> None:
    result = invoke(["events", f"{option}={text}", "--data", str(valid_data)], tmp_path / "cache")
    assert_clean_ending(result, {0, 2})
    if result.exit_code == 2:
        assert f"invalid {option}" in result.stderr or "is before" in result.stderr
        assert not re.search(UNSAFE_FOR_HUMANS, result.stderr[:-1])


@SETTINGS
@given(text=st.from_regex(r"\A-?[0-9]{1,5}(-[0-9]{1,3}){0,3}\Z"))
def test_date_like_text_is_accepted_or_refused_with_the_form(valid_data: Path, tmp_path: Path, text: str) -> None:
    result = invoke(["events", f"--since={text}", "--data", str(valid_data)], tmp_path / "cache")
    assert_clean_ending(result, {0, 2})
    if result.exit_code == 2:
        assert "YYYY, YYYY-MM or YYYY-MM-DD" in result.stderr


@SETTINGS
@given(query=st.text(max_size=300))
def test_random_search_queries_never_crash(valid_data: Path, tmp_path: Path, query: str) -> None:
    assume("\x00" not in query)
    assert_clean_ending(invoke(["search", "--data", str(valid_data), "--", query], tmp_path / "cache"), {0, 2})


# --- dates round-trip ---------------------------------------------------------------------------------


@st.composite
def partial_dates(draw: st.DrawFn) -> tuple[str, tuple[int, int, int], tuple[int, int, int]]:
    """A YYYY, YYYY-MM or YYYY-MM-DD text and the first and last day it covers."""
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return f"{year:04d}", (year, 1, 1), (year, 12, 31)
    month = draw(st.integers(1, 12))
    last = calendar.monthrange(year, month)[1]
    if precision == "month":
        return f"{year:04d}-{month:02d}", (year, month, 1), (year, month, last)
    day = draw(st.integers(1, last))
    return f"{year:04d}-{month:02d}-{day:02d}", (year, month, day), (year, month, day)


@st.composite
def claim_dates(draw: st.DrawFn) -> str:
    start, first, _ = draw(partial_dates())
    if not draw(st.booleans()):
        return start
    end, _, _ = draw(partial_dates().filter(lambda d: d[2] >= first))  # ends on or after the start
    return f"{start}/{end}"


@SETTINGS
@given(dates=st.lists(claim_dates(), min_size=1, max_size=4))
def test_valid_partial_dates_round_trip_exactly(workspace: Path, dates: list[str]) -> None:
    root = make_data(workspace / "dates", claims={})
    for old in (root / "claims").glob("*.json"):
        old.unlink()
    write_json(root / "claims" / "a.json", [claim(f"d-{i}", date=date) for i, date in enumerate(dates)])
    result = invoke(["events", "--json", "--data", str(root)], workspace / "cache")
    assert result.exit_code == 0, result.stderr
    printed = {c["id"]: c["date"] for c in json.loads(result.stdout)}
    assert printed == {f"d-{i}": date for i, date in enumerate(dates)}
    # ... and each date is its own --since and --until: the claim is found by its own date.
    for i, date in enumerate(dates):
        start, _, end = date.partition("/")
        found = invoke(
            ["events", "--json", "--since", start, "--until", end or start, "--data", str(root)], workspace / "cache"
        )
        assert f"d-{i}" in {c["id"] for c in json.loads(found.stdout)}


@SETTINGS
@given(date=claim_dates())
def test_claims_are_listed_by_their_first_day(workspace: Path, date: str) -> None:
    root = make_data(workspace / "order", claims={})
    write_json(root / "claims" / "a.json", [claim("a-fixed", date="2024-06-19"), claim("b-drawn", date=date)])
    result = invoke(["events", "--json", "--data", str(root)], workspace / "cache")
    ids = [c["id"] for c in json.loads(result.stdout)]
    # A partial date's text sorts like its first day against a full date: "2024" < "2024-06-19".
    start = date.partition("/")[0]
    if start < "2024-06-19":
        assert ids == ["b-drawn", "a-fixed"]
    elif start > "2024-06-19":
        assert ids == ["a-fixed", "b-drawn"]


@SETTINGS
@given(text=st.text(max_size=60))
def test_any_statement_reaches_people_without_control_characters(workspace: Path, text: str) -> None:
    text += " and ten more letters"  # a statement needs ten letters or digits
    root = make_data(workspace / "statements", claims={"claims/a.json": [claim("s-1", statement=text)]})
    for args in (["events"], ["show", "s-1"], ["events", "--format", "markdown"]):
        result = invoke([*args, "--data", str(root)], workspace / "cache")
        if result.exit_code == 1:  # a lone surrogate: refused by validation, reported visibly
            assert not re.search(UNSAFE_FOR_HUMANS, result.stderr[:-1])
            continue
        assert result.exit_code == 0, result.output
        assert not re.search(UNSAFE_FOR_HUMANS, result.stdout)
    machine = invoke(["events", "--json", "--data", str(root)], workspace / "cache")
    if machine.exit_code == 0:
        assert json.loads(machine.stdout)[0]["statement"] == text


# --- strict types ---------------------------------------------------------------------------------

#: JSON values whose only possible fault is their type or content: finite, short numbers.
TYPED_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=10,
)


def json_shape(value: Any) -> Any:
    """The value with every leaf tagged by its JSON type, so True, 1 and 1.0 all differ."""
    if isinstance(value, list):
        return [json_shape(item) for item in value]
    if isinstance(value, dict):
        return {key: json_shape(item) for key, item in value.items()}
    return (type(value).__name__, value)


CLAIM_FIELDS = [*FIELDS, "date_basis", "date_note", "status", "quantities.value", "quantities.low", "quantities.unit"]


@SETTINGS
@given(field=st.sampled_from(CLAIM_FIELDS), value=TYPED_VALUES)
def test_a_value_of_any_type_in_a_claim_is_kept_exactly_or_refused_by_name(
    workspace: Path, field: str, value: Any
) -> None:
    if field.startswith("quantities."):
        name = field.removeprefix("quantities.")
        quantity = {"value": 5, "low": None, "high": None, "unit": "troops", "qualifier": "about", name: value}
        changes, path, printed = {"quantities": [quantity]}, f"quantities[0].{name}", lambda c: c["quantities"][0][name]
    else:
        changes, path, printed = {field: value}, field, lambda c: c[field]
    root = make_data(workspace / "typed", claims={"claims/a.json": [claim("c-1", **changes)]})
    result = invoke(["events", "--json", "--data", str(root)], workspace / "cache")
    assert_clean_ending(result, {0, 1})
    if result.exit_code == 0:  # accepted: exactly as written, never coerced
        assert json_shape(printed(json.loads(result.stdout)[0])) == json_shape(value)
    else:
        assert re.search(rf"(\.|: ){re.escape(path)}\b", result.stderr), result.stderr


REGISTRY_FIELDS = {
    "sources.json": (SOURCES, "sources", [*SOURCES[0], "note"]),
    "actors.json": (ACTORS, "actors", list(ACTORS[0])),
    "topics.json": (TOPICS, "topics", list(TOPICS[0])),
}


@SETTINGS
@given(
    registry=st.sampled_from(sorted(REGISTRY_FIELDS)),
    index=st.integers(0, 20),
    value=TYPED_VALUES,
)
def test_a_value_of_any_type_in_a_registry_is_kept_exactly_or_refused_by_name(
    workspace: Path, registry: str, index: int, value: Any
) -> None:
    records, command, fields = REGISTRY_FIELDS[registry]
    field = fields[index % len(fields)]
    if field == "id":
        return  # an id is referenced by the claims: covered by the reference tests
    changed = [dict(record) for record in records]
    changed[-1][field] = value
    root = make_data(workspace / "registry", **{command: changed})
    result = invoke([command, "--json", "--data", str(root)], workspace / "cache")
    assert_clean_ending(result, {0, 1})
    if result.exit_code == 0:
        listed = {item["id"]: item for item in json.loads(result.stdout)}
        assert json_shape(listed[changed[-1]["id"]][field]) == json_shape(value)
    else:
        assert re.search(rf"{registry}:.*\]\.{field}\b", result.stderr), result.stderr


@SETTINGS
@given(name=st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_bytes_in_a_data_path_are_named_visibly(workspace: Path, name: bytes) -> None:
    missing = os.fsdecode(os.fsencode(workspace) + b"/missing-" + name)  # as the shell hands it over
    for args in (["events", "--data", missing], ["validate", missing]):
        result = invoke(args, workspace / "cache")
        assert_clean_ending(result, {1})
        assert result.stderr.startswith("rknk: error: data folder '") and "does not exist" in result.stderr
        assert not re.search(UNSAFE_FOR_HUMANS, result.stderr[:-1])
        result.stderr.encode("utf-8")  # no stand-in for an undecodable byte got through


# Texts built from the characters folding treats specially: digit groups and their
# separators, apostrophes before an s, capitals before an s, letters next to digits, every kind of space.
_FOLDABLE = st.text(alphabet=st.sampled_from(list("abAB sS'9,.0-\t\n\x1f\u00a0\u2019\u00e9\u200b")), max_size=40)


@given(text=st.one_of(_FOLDABLE, st.text(max_size=40)))
@settings(max_examples=300, deadline=None)
def test_folding_token_by_token_gives_the_words_of_folding_the_whole_text(text: str) -> None:
    from rknk.index.rows import folded_words
    from rknk.normalize import fold

    assert folded_words(text) == fold(text).split()
    assert folded_words(text) == fold(text).split()  # again, from the cache


# Statements and quotes: an ASCII text is checked by a shortcut, which must agree with the count
# of letters and digits (Unicode categories L and N) that any other text gets.
_QUOTES = st.one_of(
    st.text(alphabet=st.sampled_from(list("aZ09 .-_\t")), max_size=16),
    st.text(alphabet=st.sampled_from(list("aZ09 .,-'_~\t\u00e9\u0661\u00b2")), max_size=24),
)


@given(text=_QUOTES)
@settings(max_examples=300, deadline=None)
def test_a_quote_passes_exactly_when_it_holds_enough_letters_or_digits(text: str) -> None:
    import unicodedata

    from pydantic import ValidationError

    from rknk.models import MIN_EVIDENCE_CHARACTERS, Evidence

    found = sum(unicodedata.category(char)[0] in "LN" for char in text)
    try:
        Evidence(source="s-1", quote=text)
    except ValidationError as error:
        assert found < MIN_EVIDENCE_CHARACTERS
        assert f"must hold at least {MIN_EVIDENCE_CHARACTERS} letters or digits, found {found}:" in str(error)
    else:
        assert found >= MIN_EVIDENCE_CHARACTERS
