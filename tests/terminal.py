"""Running rknk in a real pseudo-terminal, as a person would, and reading what it showed."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

#: Select Graphic Rendition (colour, bold): the only escape sequence rknk itself may send.
SGR = re.compile(rb"\x1b\[[0-9;]*m")


def run_in_terminal(
    args: list[str] | list[bytes],
    tmp_path: Path,
    columns: int = 200,
    *,
    lines: int = 50,
    env_extra: dict[str, str] | None = None,
    stderr: int | None = None,
) -> tuple[int, bytes]:
    """Run ``python -m rknk ARGS`` (or ``python ARGS`` when ARGS starts with ``-c``) with a
    pseudo-terminal as stdin, stdout and stderr; return its exit code and everything it wrote.

    ``stderr`` replaces the terminal as standard error: a file descriptor, or -1 for a closed one.
    The pager is ``cat`` unless ``env_extra`` says otherwise.
    """
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    env = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
    }
    env.update(TERM="xterm-256color", COLUMNS=str(columns), LINES=str(lines), RKNK_CACHE_DIR=str(tmp_path / "cache"))
    env.update(PAGER="cat")
    env.pop("RKNK_NO_CACHE", None)
    env.pop("RKNK_DATA", None)
    env.update(env_extra or {})
    words = [os.fsencode(arg) for arg in args]
    command = [os.fsencode(sys.executable), *(words if words[:1] == [b"-c"] else [b"-m", b"rknk", *words])]
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
