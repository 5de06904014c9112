"""On a real terminal rknk styles its own output, but nothing from the data reaches the
terminal as a control sequence or as Rich markup.

rknk runs under a pseudo-terminal, so it sees a TTY, picks colours and box drawing, and
sizes the table to the window, exactly as for a person.
"""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fixture_data import HOSTILE, MARKUP, UNSAFE_FOR_HUMANS, claim, make_data

pty = pytest.importorskip("pty")
fcntl = pytest.importorskip("fcntl")
termios = pytest.importorskip("termios")

#: Select Graphic Rendition (colour, bold): the only escape sequence rknk itself may send.
SGR = re.compile(rb"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    claims = [
        claim(
            "hostile-1",
            statement=HOSTILE,
            note=HOSTILE,
            places=[HOSTILE],
            evidence=[{"source": "alpha-2024-06-19", "quote": HOSTILE}],
        ),
        claim("markup-1", date="2024-06-20", statement=MARKUP, note=MARKUP),
    ]
    return make_data(tmp_path_factory.mktemp("pty"), claims={"claims/x.json": claims})


def run_in_terminal(
    args: list[str] | list[bytes],
    tmp_path: Path,
    columns: int = 200,
    *,
    env_extra: dict[str, str] | None = None,
    stderr: int | None = None,
) -> tuple[int, bytes]:
    """Run ``python -m rknk`` with a pseudo-terminal as stdin, stdout and stderr; return everything it wrote.

    ``stderr`` replaces the terminal as standard error: a file descriptor, or -1 for a closed one.
    """
    import struct

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
    }
    env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES="50", RKNK_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("RKNK_NO_CACHE", None)
    env.pop("RKNK_DATA", None)
    env.update(env_extra or {})
    command = [os.fsencode(sys.executable), b"-m", b"rknk", *(os.fsencode(arg) for arg in args)]
    if stderr == -1:  # closed, as the shell's 2>&-
        command = [b"sh", b"-c", b'exec "$@" 2>&-', b"sh", *command]
    error_stream = slave if stderr is None or stderr == -1 else stderr
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=error_stream, env=env)
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(master)
    return process.wait(timeout=30), b"".join(chunks)


def shown_text(raw: bytes) -> str:
    """What the terminal displays as characters: rknk's own styling removed, CR-LF as LF."""
    return SGR.sub(b"", raw).decode("utf-8").replace("\r\n", "\n")


def assert_no_data_controls(raw: bytes) -> None:
    for match in re.finditer(rb"\x1b", raw):
        assert SGR.match(raw, match.start()), raw[match.start() : match.start() + 20]
    for sequence in (b"\x1b]", b"\x1b[2J", b"\x1b[H", b"\x07", b"\xc2\x9b", b"\xc2\x9d", b"\xe2\x80\xae", b"\x00"):
        assert sequence not in raw, sequence
    text = shown_text(raw)
    assert not re.search(UNSAFE_FOR_HUMANS, text), [c for c in text if re.match(UNSAFE_FOR_HUMANS, c)]


@pytest.mark.parametrize(
    "args",
    [
        ["events"],
        ["show", "hostile-1"],
        ["show", "markup-1"],
        ["search", "evil", "--explain"],
        ["events", "--format", "markdown"],
    ],
    ids=["events", "show-hostile", "show-markup", "search", "markdown"],
)
def test_data_cannot_control_the_terminal(data: Path, tmp_path: Path, args: list[str]) -> None:
    code, raw = run_in_terminal([*args, "--data", str(data)], tmp_path)
    assert code == 0, raw
    assert_no_data_controls(raw)
    if "markup-1" not in args:
        assert "\\x1b" in shown_text(raw)  # the escapes are shown for what they are


@pytest.mark.parametrize("args", [["events"], ["show", "hostile-1"], ["topics"]])
def test_rknk_still_styles_its_own_output(data: Path, tmp_path: Path, args: list[str]) -> None:
    code, raw = run_in_terminal([*args, "--data", str(data)], tmp_path)
    assert code == 0
    assert b"\x1b[1m" in raw  # bold headers (or field names)
    if args == ["events"]:
        assert b"\x1b[36m" in raw  # cyan dates
        assert "─" in shown_text(raw)  # box drawing on a terminal


@pytest.mark.parametrize("args", [["events"], ["show", "markup-1"]])
def test_markup_from_the_data_prints_literally_on_a_terminal(data: Path, tmp_path: Path, args: list[str]) -> None:
    code, raw = run_in_terminal([*args, "--data", str(data)], tmp_path)
    text = shown_text(raw)
    assert code == 0
    assert MARKUP in text
    assert "⚠" not in text and "Traceback" not in text
    assert b"\x1b]8;" not in raw  # [link=...] did not become a hyperlink


def test_a_narrow_terminal_still_shows_nothing_raw(data: Path, tmp_path: Path) -> None:
    code, raw = run_in_terminal(["events", "--data", str(data)], tmp_path, columns=60)
    assert code == 0
    assert_no_data_controls(raw)


def test_error_messages_on_a_terminal_carry_no_controls(data: Path, tmp_path: Path) -> None:
    broken = make_data(tmp_path / "broken", claims={"claims/x.json": [claim("ok-1"), {**claim("ok-2"), "id": HOSTILE}]})
    for args in (
        ["events", "--data", str(broken)],
        ["validate", str(broken)],
        ["events", "--topic", HOSTILE.replace("\x00", ""), "--data", str(data)],
    ):
        code, raw = run_in_terminal(args, tmp_path)
        assert code in (1, 2)
        assert b"rknk: error: " in raw and b"Traceback" not in raw
        assert_no_data_controls(raw)
