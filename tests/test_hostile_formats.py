"""Markdown from hostile data renders as text, and command-line values are refused or used,
never silently dropped: empty values, a field named twice, ``validate --data``."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from fixture_data import claim, invoke, make_data

ATTACKS = [
    "<script>alert(1)</script> and more words",
    '<img src=x onerror="alert(1)"> then text',
    "[click here](javascript:alert(1)) for text",
    "![tracker](https://evil.example/pixel.png) text",
    "<a href='javascript:alert(1)'>link</a> words",
    "<javascript:alert(1)> autolink words",
    "*not emphasis* and `not code` and ~~not struck~~ | a pipe \\ a backslash &amp; an entity",
]


class _Cells(HTMLParser):
    """The text of every table cell of a rendered page, and every tag it holds."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: set[str] = set()
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in ("td", "th"):
            self.cells.append("")
            self._in_cell = True

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


@pytest.mark.parametrize("command", [["events", "--format", "markdown"], ["show", "x-0", "--format", "markdown"]])
def test_markdown_shows_html_links_and_markup_from_the_data_as_text(
    tmp_path: Path, cache: Path, command: list[str]
) -> None:
    claims = [claim(f"x-{i}", statement=text, note=text) for i, text in enumerate(ATTACKS)]
    data = make_data(tmp_path / "d", claims={"claims/a.json": claims})
    result = invoke([*command, "--data", str(data)], cache)
    assert result.exit_code == 0, result.output
    # A renderer that passes raw HTML through, as many do: nothing may get through it.
    page = MarkdownIt("commonmark", {"html": True}).enable("table").render(result.stdout)
    parsed = _Cells()
    parsed.feed(page)
    assert parsed.tags <= {"table", "thead", "tbody", "tr", "th", "td", "br"}, parsed.tags
    assert "javascript:" not in re.sub(r">[^<]*<", "><", page)  # not in any tag or attribute
    shown = ATTACKS[:1] if command[0] == "show" else ATTACKS
    for text in shown:
        assert text in parsed.cells


def test_an_empty_or_blank_source_is_refused_like_other_empty_values(data: Path, cache: Path) -> None:
    for value in ("", " "):
        for option in ("--source", "--actor", "--topic", "--status"):
            result = invoke(["events", option, value, "--data", str(data)], cache)
            assert result.exit_code == 2 and result.stdout == "", (option, value)
            assert result.stderr.startswith("rknk: error: unknown ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [["--data", "", "events"], ["events", "--data", ""], ["events", "--data", "  "], ["validate", "--data", ""]],
)
def test_an_empty_data_option_is_refused_not_read_as_the_current_folder(
    data: Path, cache: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(data)  # the current folder is valid data: reading it would succeed
    result = invoke(args, cache)
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr == "rknk: error: --data is empty; give a data folder, or leave it out to use the bundled data\n"
    )
    assert invoke(["events"], cache, RKNK_DATA="").exit_code != 0  # as an empty RKNK_DATA


def test_an_empty_validate_path_or_archive_folder_is_refused(data: Path, cache: Path) -> None:
    result = invoke(["validate", ""], cache)
    assert (result.exit_code, result.stderr) == (
        2,
        "rknk: error: PATH is empty; give a data folder, or leave it out to use the bundled data\n",
    )
    result = invoke(["verify", "--sources", "", "--data", str(data)], cache)
    assert (result.exit_code, result.stderr) == (
        2,
        "rknk: error: --sources is empty; give the folder of archived article texts\n",
    )


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown"])
@pytest.mark.parametrize("fields", ["id,id", "id,date,id", " id , date,id"])
def test_a_field_named_twice_is_refused_in_every_format(data: Path, cache: Path, fmt: str, fields: str) -> None:
    result = invoke(["events", "--fields", fields, "--format", fmt, "--data", str(data)], cache)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "rknk: error: --fields names id more than once; give each field once\n"


def test_fields_named_once_give_the_same_columns_in_every_format(data: Path, cache: Path) -> None:
    def run(fmt: str) -> str:
        result = invoke(["events", "--fields", "date,id", "-f", fmt, "--limit", "1", "--data", str(data)], cache)
        assert result.exit_code == 0
        return result.stdout

    assert list(json.loads(run("json"))[0]) == ["date", "id"]
    assert next(csv.reader(io.StringIO(run("csv")))) == ["date", "id"]
    assert run("table").split()[:2] == ["date", "id"]


def test_validate_takes_data_after_the_command_name(data: Path, tmp_path: Path, cache: Path) -> None:
    result = invoke(["validate", "--data", str(data)], cache)
    assert (result.exit_code, result.stderr) == (0, f"'{data}' is valid.\n")
    broken = make_data(tmp_path / "broken", claims={"claims/a.json": [claim("c-1", status="rumoured")]})
    result = invoke(["validate", "--data", str(broken)], cache)
    assert result.exit_code == 1 and "claim 'c-1': [0].status" in result.stdout
    # The global option before the command name still works, and the command's own wins.
    assert invoke(["--data", str(broken), "validate", "--data", str(data)], cache).exit_code == 0
    both = invoke(["validate", str(data), "--data", str(broken)], cache)
    assert (both.exit_code, both.stderr) == (2, "rknk: error: give the data folder once: as PATH or with --data\n")
