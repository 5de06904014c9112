"""The README's example sessions show what rknk really prints today."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))

from readme_examples import README, blocks, provenance, run, shown_provenance

EXAMPLES = blocks(README.read_text(encoding="utf-8"))


def test_the_readme_has_example_sessions() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("command", "shown"), [(c, s) for _, c, s in EXAMPLES], ids=[c for _, c, _ in EXAMPLES])
def test_example_output_is_current(command: str, shown: str) -> None:
    assert run(command) == shown, "run: python tools/readme_examples.py"


def test_the_envelope_example_shows_the_bundled_data_provenance() -> None:
    assert shown_provenance(README.read_text(encoding="utf-8")) == provenance(), "run: python tools/readme_examples.py"


def test_readme_opens_with_the_two_setup_commands() -> None:
    opening = README.read_text(encoding="utf-8").split("```")[1]
    assert "pip install . && rknk events" in opening
    assert 'pip install -e ".[test]" && pytest' in opening


def test_every_command_is_documented() -> None:
    from typer.main import get_command

    from rknk.cli import app

    text = README.read_text(encoding="utf-8")
    commands = get_command(app).commands  # type: ignore[attr-defined]
    assert commands
    for name, command in commands.items():
        assert f"`rknk {name}" in text, f"README does not document 'rknk {name}'"
        assert command.help, f"'rknk {name}' has no help text"


def test_the_example_claim_is_the_claim_in_the_data() -> None:
    import json

    from rknk import store

    text = README.read_text(encoding="utf-8")
    block = text.split("is a JSON array. A claim:\n\n```json\n", 1)[1].split("```", 1)[0]
    shown = json.loads(block)
    assert shown == store.load(store.bundled_data()).claims[shown["id"]]


def test_the_readme_shows_a_terminal_80_columns_wide() -> None:
    commands = [command for _, command, _ in EXAMPLES if command.startswith("COLUMNS=80 ")]
    assert commands
    for command in commands:
        assert all(len(line) <= 80 for line in run(command).splitlines())
