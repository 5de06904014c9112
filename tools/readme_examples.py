"""Run the example sessions in README.md and paste their real output under each command.

Each example is a ```console block of lines ``$ rknk ...`` followed by that
command's output. ``python tools/readme_examples.py`` rewrites the blocks in
place; ``tests/test_readme.py`` fails when they no longer match what rknk prints.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"```console\n(\$ rknk .*?)```", re.DOTALL)


def run(command: str) -> str:
    """What a user sees for one ``rknk ...`` command line: stdout, then stderr, piped."""
    from typer.testing import CliRunner

    from rknk.cli import app

    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "200", "NO_COLOR": "1"})
    return result.stdout + result.stderr


def blocks(text: str) -> list[tuple[str, str, str]]:
    """Every example in ``text``: (whole block, command, output shown)."""
    found = []
    for match in _BLOCK.finditer(text):
        command, _, shown = match.group(1).partition("\n")
        found.append((match.group(0), command.removeprefix("$ "), shown))
    return found


def refresh(text: str) -> str:
    for block, command, _ in blocks(text):
        text = text.replace(block, f"```console\n$ {command}\n{run(command)}```", 1)
    return text


if __name__ == "__main__":
    README.write_text(refresh(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"updated {len(blocks(README.read_text(encoding='utf-8')))} examples in {README.name}\n")
