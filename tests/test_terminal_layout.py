"""The table a person reads, checked in a real pseudo-terminal at the widths people use.

At every width: every id appears whole on one line (it is what people copy), every
word of every statement appears, every count equals the JSON count, no line runs
past the window except an id alone on its line, and a hidden column is named.
One subprocess per width runs events, search and actors over the bundled data.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rknk.cli import app
from terminal import run_in_terminal, shown_text

pytest.importorskip("pty")

COMMANDS = [["events"], ["search", "North Korean troops"], ["actors"]]
DRIVER = f"""
import sys
from rknk.cli import main
for args in {COMMANDS!r}:
    try:
        main(args)
    except SystemExit:
        pass
    sys.stdout.write("@@@@\\n")
    sys.stdout.flush()
"""


def as_json(args: list[str]) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, object]] = json.loads(result.stdout)
    return records


@pytest.mark.parametrize("columns", [60, 80, 100, 120, 200])
def test_nothing_is_broken_cut_or_miscounted(tmp_path: Path, columns: int) -> None:
    code, raw = run_in_terminal(["-c", DRIVER], tmp_path, columns=columns)
    assert code == 0, raw
    outputs = shown_text(raw).split("@@@@\n")
    for args, text in zip(COMMANDS, outputs, strict=False):
        records = as_json(args)
        assert records
        lines = text.splitlines()
        tokens = [line.split() for line in lines]
        for line, words in zip(lines, tokens, strict=True):
            assert len(line) <= columns or len(words) == 1, f"{args} at {columns}: {line!r}"
        for record in records:
            assert any(record["id"] in words for words in tokens), f"{args} at {columns}: {record['id']} broken"
        if "statement" in records[0]:
            wanted = Counter(word for record in records for word in str(record["statement"]).split())
            assert not wanted - Counter(word for words in tokens for word in words), f"{args} at {columns}"
        else:
            starts = {index: words[0] for index, words in enumerate(tokens) if words and line_starts(lines[index])}
            for record in records:
                first = next(i for i, word in starts.items() if word == record["id"])
                after = [i for i in starts if i > first]
                block = " ".join(lines[first : after[0] if after else len(lines)])
                count = re.search(r"(?:^|\s)(\d+)(?:\s|$)", block)
                assert count and int(count.group(1)) == record["claims"], f"{record['id']} at {columns}: {block}"
        hidden = re.search(r"Not shown at \d+ columns: (.*?)\. ", text)
        if hidden:
            header = lines[0].split()
            assert all(name not in header for name in hidden.group(1).split(", "))


def line_starts(line: str) -> bool:
    """A record starts at the left edge; continuation lines are indented."""
    return bool(line) and not line[0].isspace() and not line.startswith(("─", "Not shown", "ID "))


def test_a_long_table_goes_through_the_pager_and_no_pager_writes_it_directly(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = {"PAGER": f"sh -c 'cat > {paged}'"}
    code, raw = run_in_terminal(["events", "--limit", "20"], tmp_path, columns=80, lines=10, env_extra=pager)
    assert code == 0 and "soviets-install" not in shown_text(raw)
    assert "soviets-install-kim-il-sung-1948" in paged.read_text(encoding="utf-8")
    paged.unlink()
    code, raw = run_in_terminal(
        ["events", "--limit", "20", "--no-pager"], tmp_path, columns=80, lines=10, env_extra=pager
    )
    assert code == 0 and "soviets-install-kim-il-sung-1948" in shown_text(raw)
    assert not paged.exists()
