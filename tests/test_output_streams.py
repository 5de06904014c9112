"""Where output goes can fail too: a closed or full stdout is one error line and exit 1; a
closed or full stderr changes no exit code; every path a message echoes is made visible; and
a console in a single-byte encoding never receives an 8-bit control from the data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fixture_data import claim, isolated_env, make_data
from test_pty import assert_no_data_controls, run_in_terminal, shown_text

CLOSED = b"rknk: error: cannot write the output: standard output is closed\n"
FULL = b"rknk: error: cannot write the output: No space left on device\n"


def run_redirected(args: list[str] | list[bytes], cache: Path, redirect: str) -> subprocess.CompletedProcess[bytes]:
    """Run rknk under ``sh`` with a redirection such as ``>&-`` or ``2>/dev/full``; capture the rest."""
    env = dict(os.environ)
    for key, value in isolated_env(cache).items():
        env.pop(key, None) if value is None else env.__setitem__(key, value)
    command = [os.fsencode(sys.executable), b"-m", b"rknk", *(os.fsencode(arg) for arg in args)]
    script = f'exec "$@" {redirect}'.encode()
    return subprocess.run(
        [b"sh", b"-c", script, b"sh", *command], capture_output=True, env=env, timeout=60, check=False
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_data(tmp_path_factory.mktemp("streams"))


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_data(tmp_path_factory.mktemp("broken"), claims={"claims/a.json": [claim("c-1", status="rumoured")]})


STDOUT_WRITERS = {
    "table": ["events"],
    "jsonl": ["events", "--format", "jsonl"],
    "schema": ["schema"],
    "version": ["--version"],
    "help": ["events", "--help"],
    "no arguments": [],
}


@pytest.mark.parametrize(("redirect", "expected"), [(">&-", CLOSED), (">/dev/full", FULL)], ids=["closed", "full"])
@pytest.mark.parametrize("name", STDOUT_WRITERS)
def test_a_closed_or_full_stdout_is_one_error_line_and_exit_1(
    data: Path, cache: Path, name: str, redirect: str, expected: bytes
) -> None:
    args = STDOUT_WRITERS[name]
    if name in ("table", "jsonl"):
        args = [*args, "--data", str(data)]
    done = run_redirected(args, cache, redirect)
    assert (done.returncode, done.stderr) == (1, expected)


def test_validate_findings_to_a_full_stdout_still_fail(broken: Path, cache: Path) -> None:
    done = run_redirected(["validate", str(broken)], cache, ">/dev/full")
    assert (done.returncode, done.stderr) == (1, FULL)


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"], ids=["closed", "full"])
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["events", "--since", "2024-13"], 2),
        (["events", "--since", "2999"], 0),  # "No claims match." goes to stderr
        (["validate"], 0),  # its success line goes to stderr
        (["validate", "BROKEN"], 1),
    ],
    ids=["bad date", "nothing matches", "valid", "invalid"],
)
def test_a_closed_or_full_stderr_changes_no_exit_code(
    data: Path, broken: Path, cache: Path, redirect: str, args: list[str], code: int
) -> None:
    args = [str(broken) if arg == "BROKEN" else arg for arg in args]
    if args != ["validate", str(broken)]:
        args = [args[0], "--data", str(data), *args[1:]]
    done = run_redirected(args, cache, redirect)
    assert done.returncode == code, done
    assert b"Exception ignored" not in done.stdout


def test_closed_stdout_and_stderr_together_still_give_exit_1(data: Path, cache: Path) -> None:
    assert run_redirected(["events", "--data", str(data)], cache, ">&- 2>&-").returncode == 1


@pytest.mark.parametrize("stderr", ["closed", "full"])
def test_nothing_matching_on_a_terminal_with_a_broken_stderr_is_still_exit_0(
    data: Path, tmp_path: Path, stderr: str
) -> None:
    with Path(os.devnull if stderr == "closed" else "/dev/full").open("wb") as sink:
        code, raw = run_in_terminal(
            ["events", "--since", "2999", "--data", str(data)],
            tmp_path,
            stderr=-1 if stderr == "closed" else sink.fileno(),
        )
    assert (code, raw) == (0, b"")


# --- paths in messages ------------------------------------------------------------------------------

HOSTILE_NAME = b"d\x1b]0;owned\x07\x1b[2J\xff\xe2\x80\xae"
SHOWN_NAME = "d\\x1b]0;owned\\x07\\x1b[2J\\xff\\u202e"


def test_validate_names_a_hostile_folder_visibly_on_a_terminal(data: Path, tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/" + HOSTILE_NAME
    shutil.copytree(data, os.fsdecode(folder))
    code, raw = run_in_terminal([b"validate", folder], tmp_path)
    assert code == 0
    assert_no_data_controls(raw)
    assert shown_text(raw) == f"'{tmp_path}/{SHOWN_NAME}' is valid.\n"


@pytest.mark.parametrize("command", [["events", "--data"], ["validate"], ["verify", "--sources"]])
def test_an_undecodable_path_is_shown_by_its_bytes(data: Path, tmp_path: Path, cache: Path, command: list[str]) -> None:
    missing = os.fsencode(tmp_path) + b"/" + HOSTILE_NAME + b"-missing"
    args = [*(arg.encode() for arg in command), missing]
    if command[0] == "verify":
        args += [b"--data", os.fsencode(data)]
    done = run_redirected(args, cache, "")
    assert done.returncode == 1
    assert f"{tmp_path}/{SHOWN_NAME}-missing".encode() in done.stdout + done.stderr
    assert not re.search(rb"[\x00-\x09\x0b-\x1f\x7f-\xff]", done.stdout + done.stderr)


def test_a_utf8_path_under_an_ascii_locale_is_shown_by_its_bytes(tmp_path: Path, cache: Path) -> None:
    missing = tmp_path / "donn\u00e9es"
    ascii_env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": ""}
    env = {**os.environ, **ascii_env, **{k: v for k, v in isolated_env(cache).items() if v is not None}}
    env.pop("RKNK_DATA", None)
    done = subprocess.run(
        [sys.executable, "-m", "rknk", "validate", os.fsencode(missing)],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1 and b"internal error" not in done.stderr
    assert done.stderr == f"rknk: error: data folder '{tmp_path}/donn\\xc3\\xa9es' does not exist\n".encode()


# --- single-byte console encodings --------------------------------------------------------------------

#: cp1252 writes these as 0x9B (CSI), 0x9C (ST), 0x9E (PM), 0x9F (APC), 0x98 (SOS) and 0x85 (NEL).
EIGHT_BIT = "›[2J œ ž Ÿ ˜ …"


@pytest.mark.parametrize("args", [["events"], ["show", "c1-1"], ["events", "--format", "markdown"]])
def test_a_cp1252_terminal_receives_no_8_bit_controls(tmp_path: Path, args: list[str]) -> None:
    statement = f"Kim met Putin {EIGHT_BIT} in Pyongyang"
    data = make_data(tmp_path / "d", claims={"claims/a.json": [claim("c1-1", statement=statement)]})
    code, raw = run_in_terminal([*args, "--data", str(data)], tmp_path, env_extra={"PYTHONIOENCODING": "cp1252"})
    assert code == 0, raw
    assert not re.search(rb"[\x80-\x9f]", raw)
    shown = raw.decode("cp1252").replace("\\[", "[")  # Markdown escapes the bracket
    assert "\\u203a[2J \\u0153 \\u017e \\u0178 \\u02dc \\u2026" in shown


def test_a_cp1252_terminal_gets_error_messages_without_8_bit_controls(data: Path, tmp_path: Path) -> None:
    code, raw = run_in_terminal(
        ["show", f"x{EIGHT_BIT}", "--data", str(data)], tmp_path, env_extra={"PYTHONIOENCODING": "cp1252"}
    )
    assert code == 1 and raw.startswith(b"rknk: error: no claim with id 'x\\u203a[2J")
    assert not re.search(rb"[\x80-\x9f]", raw)


def test_a_utf8_terminal_shows_the_same_characters_as_they_are(tmp_path: Path) -> None:
    data = make_data(tmp_path / "d", claims={"claims/a.json": [claim("c1-1", statement=f"Kim met Putin {EIGHT_BIT}")]})
    code, raw = run_in_terminal(
        ["show", "c1-1", "--data", str(data)], tmp_path, env_extra={"PYTHONIOENCODING": "utf-8"}
    )
    assert code == 0 and EIGHT_BIT in shown_text(raw)
