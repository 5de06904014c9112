"""Shell completion: the scripts, and the candidates rknk answers with on each TAB."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rknk.cli import app


def complete(words: str, data: Path) -> list[str]:
    env = {"_RKNK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    result = CliRunner().invoke(app, [], env={**env, "RKNK_DATA": str(data)})
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("rknk ev", ["events"]),
        ("rknk events --sin", ["--since"]),
        ("rknk events --topic tr", ["troops", "treaty"]),
        ("rknk events --status d", ["denied", "disputed"]),
        ("rknk search x --source alpha", ["alpha-2024-12-02"]),
        ("rknk show troops-", ["troops-kursk-2024-11", "troops-up-to-100000"]),
    ],
)
def test_completion_offers_commands_options_and_values(fixture_data: Path, words: str, expected: list[str]) -> None:
    assert sorted(complete(words, fixture_data)) == sorted(expected)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_a_script_for_each_shell(shell: str) -> None:
    result = CliRunner().invoke(app, ["completion", shell])
    assert result.exit_code == 0 and "_RKNK_COMPLETE" in result.stdout
