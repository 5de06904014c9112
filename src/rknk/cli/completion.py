"""``rknk completion SHELL``: the script that teaches a shell to complete rknk."""

import sys
from enum import StrEnum
from typing import Annotated

import typer

from rknk.cli.app import COMPLETE_VAR, app
from rknk.cli.options import examples


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


@app.command(
    epilog=examples(
        "rknk completion bash >> ~/.bashrc",
        "rknk completion zsh > ~/.zfunc/_rknk",
        "rknk completion fish > ~/.config/fish/completions/rknk.fish",
    )
)
def completion(shell: Annotated[Shell, typer.Argument(help="bash, zsh or fish.", case_sensitive=False)]) -> None:
    """Print the shell completion script: commands, options, topics, actors, sources, statuses and claim ids."""
    # typer keeps the scripts in a private module; rknk pins typer below 0.29.
    from typer._completion_shared import get_completion_script

    script = get_completion_script(prog_name="rknk", complete_var=COMPLETE_VAR, shell=shell.value)
    sys.stdout.write(script + "\n")
