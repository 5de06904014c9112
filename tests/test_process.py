"""rknk as the operating system runs it: Ctrl-C at any moment of start-up, and consoles
that cannot encode every character."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

ENTRY = [sys.executable, "-c", "from rknk.entry import main; main()"]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "RKNK_DATA")}
    return env | extra


#: The console script's work, after it writes one line once the interpreter has started
#: and found the entry point, so that the test times its Ctrl-C from there and not from the
#: process's creation, which on a busy machine can be far earlier. Before ``main`` runs,
#: no code of rknk's has had a chance to handle the signal: Python's own start-up and the
#: loading of the two small modules before it are the interpreter's.
STARTED = [
    sys.executable,
    "-c",
    "import sys; from rknk.entry import main; sys.stdout.write('started\\n'); sys.stdout.flush(); main()",
]


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_during_start_up_exits_130_quietly() -> None:
    # From the first of rknk's imports to the middle of the command's work.
    for delay in (0.005, 0.02, 0.05, 0.1, 0.2):
        process = subprocess.Popen(
            [*STARTED, "events"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment()
        )
        assert process.stdout is not None
        assert process.stdout.readline() == b"started\n"
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        assert process.returncode in (130, 0), (delay, process.returncode, err)
        assert b"Traceback" not in err and b"KeyboardInterrupt" not in err, (delay, err)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_help_and_messages_survive_any_output_encoding(encoding: str) -> None:
    for args, code in ((["--help"], 0), ([], 0), (["show", "no-such-claim"], 1), (["events", "--limit", "1"], 0)):
        result = subprocess.run([*ENTRY, *args], capture_output=True, env=environment(PYTHONIOENCODING=encoding))
        assert result.returncode == code, (args, result.stderr)
        assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
        assert result.stdout or result.stderr.startswith(b"rknk: error: ")
