"""A bad command-line value exits 2 with exactly one line on stderr that says what to do instead."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixture_data import invoke, run


def assert_usage_error(args: list[str], data: Path, cache: Path, *fragments: str) -> str:
    """Exit 2, nothing on stdout, one ``rknk: error:`` line holding every fragment; returns it."""
    result = invoke([*args, "--data", str(data)], cache)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("rknk: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)
    return result.stderr


EXAMPLE = "(e.g. 2024, 2024-06, 2024-06-19)"


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("yesterday", "'yesterday' is not a date"),
        ("2024/06", "'2024/06' is not a date"),
        ("24", "'24' is not a date"),
        ("2024-6", "'2024-6' is not a date"),
        ("2024-06-1", "'2024-06-1' is not a date"),
        ("19-06-2024", "'19-06-2024' is not a date"),
        ("2024-06-19T10:00", "'2024-06-19T10:00' is not a date"),
        ("", "'' is not a date"),
        ("٢٠٢٤", "'٢٠٢٤' is not a date"),
        ("2024-06/2024-07", "'2024-06/2024-07' is not a date"),
    ],
)
def test_a_malformed_date_shows_the_right_form(data: Path, cache: Path, option: str, value: str, detail: str) -> None:
    assert_usage_error(["events", f"{option}={value}"], data, cache, f"invalid {option}: {detail}", EXAMPLE)


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("2024-13", "'2024-13': month must be 01 to 12"),
        ("2024-00", "'2024-00': month must be 01 to 12"),
        ("2024-02-30", "'2024-02-30': day must be 01 to 29 in 2024-02"),
        ("2023-02-29", "'2023-02-29': day must be 01 to 28 in 2023-02"),
        ("2024-13-45", "'2024-13-45': month must be 01 to 12"),
        ("2024-04-31", "'2024-04-31': day must be 01 to 30 in 2024-04"),
        ("0000", "'0000': year 0000 does not exist"),
    ],
)
def test_an_impossible_date_says_what_is_wrong_and_shows_the_form(
    data: Path, cache: Path, value: str, detail: str
) -> None:
    assert_usage_error(["events", "--since", value], data, cache, f"invalid --since: {detail}", EXAMPLE)
    assert_usage_error(["search", "Kim", "--until", value], data, cache, f"invalid --until: {detail}", EXAMPLE)


def test_until_before_since(data: Path, cache: Path) -> None:
    assert_usage_error(
        ["events", "--since", "2024-06", "--until", "2024-05-31"],
        data,
        cache,
        "--until 2024-05-31 is before --since 2024-06",
    )


def test_dates_with_spaces_around_are_accepted(data: Path, cache: Path) -> None:
    result = invoke(["events", "--since", " 2024 ", "--data", str(data)], cache)
    assert result.exit_code == 0 and "troops-sent-2024" in result.stdout


def test_an_unknown_topic_lists_the_closest(data: Path, cache: Path) -> None:
    assert_usage_error(
        ["events", "--topic", "troopz"], data, cache, "unknown topic 'troopz'", "did you mean 'troops'", "rknk topics"
    )


def test_an_unknown_topic_without_anything_close(data: Path, cache: Path) -> None:
    line = assert_usage_error(["events", "--topic", "xyzzy"], data, cache, "unknown topic 'xyzzy'", "rknk topics")
    assert "did you mean" not in line


def test_an_unknown_actor_lists_the_closest(data: Path, cache: Path) -> None:
    assert_usage_error(["events", "--actor", "Rusai"], data, cache, "unknown actor 'Rusai'", "did you mean", "'Rusia'")


def test_an_unknown_source(data: Path, cache: Path) -> None:
    assert_usage_error(
        ["events", "--source", "nowhere-news"], data, cache, "unknown source 'nowhere-news'", "rknk sources"
    )


@pytest.mark.parametrize("query", ["", "   ", "!!!", "—", "\t\n"])
def test_an_empty_search_query(data: Path, cache: Path, query: str) -> None:
    assert_usage_error(["search", query], data, cache, "the search query is empty")


@pytest.mark.parametrize("size", [201, 10_000, 1_000_000])
def test_an_enormous_search_query(data: Path, cache: Path, size: int) -> None:
    assert_usage_error(
        ["search", "kim " * (size // 4) + "k" * (size % 4)],
        data,
        cache,
        f"the search query is {size} characters long",
        "the limit is 200",
    )


@pytest.mark.parametrize("limit", ["-1", "-100", "abc", "1.5", ""])
def test_a_bad_limit(data: Path, cache: Path, limit: str) -> None:
    assert_usage_error(["events", f"--limit={limit}"], data, cache, "--limit", "(see 'rknk events --help')")


def test_a_zero_limit_is_fine(data: Path, cache: Path) -> None:
    result = invoke(["events", "--limit", "0", "--format", "json", "--data", str(data)], cache)
    assert (result.exit_code, result.stdout.strip()) == (0, "[]")


@pytest.mark.parametrize(
    "command", [["events"], ["search", "Kim"], ["show", "talks-2023-09"], ["actors"], ["topics"], ["sources"]]
)
def test_an_unknown_format(data: Path, cache: Path, command: list[str]) -> None:
    assert_usage_error([*command, "--format", "yaml"], data, cache, "'yaml' is not one of", "json", "csv")


def test_an_unknown_field(data: Path, cache: Path) -> None:
    assert_usage_error(
        ["events", "--fields", "id,colour"], data, cache, "unknown field colour for --fields; choose from id,date"
    )
    assert_usage_error(["events", "--fields", " , "], data, cache, "unknown field (none)")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["events", "--frobnicate"], "No such option: --frobnicate"),
        (["search"], "Missing argument 'QUERY'"),
        (["show"], "Missing argument 'ID"),
        (["events", "--since"], "Option '--since' requires an argument"),
    ],
)
def test_click_errors_are_one_line_too(data: Path, cache: Path, args: list[str], fragment: str) -> None:
    result = invoke([*args[:1], "--data", str(data), *args[1:]], cache)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and fragment in result.stderr


def test_an_unknown_command(cache: Path) -> None:
    result = invoke(["evnets"], cache)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "No such command 'evnets'" in result.stderr


def test_arguments_echoed_in_errors_are_made_visible(data: Path, cache: Path) -> None:
    hostile = "\x1b]0;owned\x07\x1b[2J\u202e"
    for args in (["events", "--topic", hostile], ["events", "--since", hostile], ["events", "--actor", hostile]):
        line = assert_usage_error(args, data, cache, "\\x1b]0;owned\\x07\\x1b[2J\\u202e")
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", line)


def test_an_unknown_claim_id_is_exit_1_with_the_closest(data: Path, cache: Path) -> None:
    result = invoke(["show", "talks-2023", "--data", str(data)], cache)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("rknk: error: no claim with id 'talks-2023'; closest: talks-2023-09")
    assert result.stderr.count("\n") == 1


def test_usage_errors_in_a_real_process(data: Path, cache: Path) -> None:
    for args, fragment in (
        (["events", "--since", "2024-13-45"], b"invalid --since: '2024-13-45': month must be 01 to 12; use YYYY"),
        (["events", "--limit", "-1"], b"--limit"),
        (["events", "--format", "xml"], b"'xml' is not one of"),
        (["search", ""], b"the search query is empty"),
    ):
        done = run([*args, "--data", str(data)], cache)
        assert done.returncode == 2 and done.stdout == b""
        assert done.stderr.startswith(b"rknk: error: ") and done.stderr.count(b"\n") == 1 and fragment in done.stderr
