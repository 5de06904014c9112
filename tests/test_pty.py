"""On a real terminal rknk styles its own output, but nothing from the data reaches the
terminal as a control sequence or as Rich markup.

rknk runs under a pseudo-terminal, so it sees a TTY, picks colours and box drawing, and
sizes the table to the window, exactly as for a person.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixture_data import HOSTILE, MARKUP, UNSAFE_FOR_HUMANS, claim, make_data
from terminal import SGR, run_in_terminal, shown_text

pytest.importorskip("pty")


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
