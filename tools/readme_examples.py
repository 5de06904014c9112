"""Run the example sessions in README.md and paste their real output under each command.

Each example is a ```console block of lines ``$ rknk ...`` followed by that
command's output; the ``--envelope`` example's provenance is the bundled
data's. ``python tools/readme_examples.py`` rewrites the blocks in place;
``tests/test_readme.py`` fails when they no longer match what rknk prints.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"```console\n(\$ (?:COLUMNS=\d+ )?rknk .*?)```", re.DOTALL)


#: An example written ``$ COLUMNS=80 rknk ...`` shows a terminal of that width, not a pipe.
_WIDTH = re.compile(r"COLUMNS=(\d+) ")


def run(command: str) -> str:
    """What a user sees for one ``rknk ...`` command line: stdout, then stderr, piped,
    or, for ``COLUMNS=N rknk ...``, what a terminal N columns wide shows (without colour)."""
    width = _WIDTH.match(command)
    if width:
        return in_terminal(shlex.split(command[width.end() :])[1:], int(width.group(1)))
    from typer.testing import CliRunner

    from rknk.cli import app

    result = CliRunner().invoke(app, shlex.split(command)[1:], env={"COLUMNS": "200", "NO_COLOR": "1"})
    return result.stdout + result.stderr


def in_terminal(args: list[str], columns: int) -> str:
    """Run ``rknk ARGS`` on a pseudo-terminal ``columns`` wide and return what it showed."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 200, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "RKNK_DATA")}
    env.update(COLUMNS=str(columns), NO_COLOR="1", PAGER="cat", TERM="xterm")
    process = subprocess.Popen(
        [sys.executable, "-m", "rknk", *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    process.wait()
    return re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode("utf-8").replace("\r\n", "\n"))


def blocks(text: str) -> list[tuple[str, str, str]]:
    """Every example in ``text``: (whole block, command, output shown)."""
    found = []
    for match in _BLOCK.finditer(text):
        command, _, shown = match.group(1).partition("\n")
        found.append((match.group(0), command.removeprefix("$ "), shown))
    return found


#: The ``provenance`` object of the README's ``--envelope`` example.
_PROVENANCE = re.compile(r'(?<=\n  "provenance": )\{\n.*?\n  \}', re.DOTALL)


def provenance() -> str:
    """The provenance ``--envelope`` gives for the bundled data, as the README shows it."""
    import json

    from typer.testing import CliRunner

    from rknk.cli import app

    result = CliRunner().invoke(app, ["events", "--json", "--envelope", "--limit", "1"])
    shown = json.dumps(json.loads(result.stdout)["provenance"], indent=2)
    return shown.replace("\n", "\n  ")


def shown_provenance(text: str) -> str:
    """The provenance object the README's ``--envelope`` example shows."""
    found = _PROVENANCE.search(text)
    assert found is not None, "README has no --envelope example"
    return found.group(0)


def refresh(text: str) -> str:
    for block, command, _ in blocks(text):
        text = text.replace(block, f"```console\n$ {command}\n{run(command)}```", 1)
    return _PROVENANCE.sub(lambda _: provenance(), text, count=1)


if __name__ == "__main__":
    README.write_text(refresh(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.stdout.write(f"updated {len(blocks(README.read_text(encoding='utf-8')))} examples in {README.name}\n")
