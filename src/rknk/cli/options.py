"""Options shared by several commands, and the examples block of their help."""

from __future__ import annotations

from typing import Annotated

import typer

from rknk.cli import values
from rknk.cli.output import no_pager
from rknk.render import Format


def examples(*lines: str) -> str:
    # "\b" keeps the help formatter from re-wrapping the lines into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  $ {line}" for line in lines)


#: A string, not a Path: Path("") is ".", and an empty --data must be refused, not read as here.
DataOpt = Annotated[
    str | None,
    typer.Option("--data", metavar="DIR", help="Data folder to use instead of the bundled one (also: RKNK_DATA)."),
]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
FieldsOpt = Annotated[
    str | None,
    typer.Option("--fields", metavar="A,B,...", help="Only these fields, in this order (e.g. id,date,statement)."),
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help="Claims on or after DATE: YYYY, YYYY-MM or YYYY-MM-DD.")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Claims on or before DATE: YYYY, YYYY-MM or YYYY-MM-DD.")
]
ActorOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        "-a",
        metavar="NAME",
        autocompletion=values.actors,
        help="Involving this actor (any alias; a state includes its people). Repeat: all must match.",
    ),
]
ClaimantOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--claimant",
        "-c",
        metavar="NAME",
        help="Asserted by this actor (any alias; a state includes its people). Repeat: all must match.",
    ),
]
TopicOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--topic", "-t", metavar="TOPIC", autocompletion=values.topics, help="In this topic. Repeat: any may match."
    ),
]
SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source",
        "-s",
        metavar="SOURCE",
        autocompletion=values.sources,
        help="Cited by this source (id, archive file or outlet).",
    ),
]
StatusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        autocompletion=values.statuses,
        help="Asserted this way: reported, stated, alleged, denied, estimate, assessment or disputed. "
        "Repeat: any may match.",
    ),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N results.")]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.")]
EnvelopeOpt = Annotated[
    bool,
    typer.Option(
        "--envelope",
        help="With --json: wrap the array in an object that also gives the rknk and data versions (provenance).",
    ),
]
NoPagerOpt = Annotated[
    bool,
    typer.Option(
        "--no-pager", callback=no_pager, expose_value=False, help="Never page a long table (also: PAGER=cat)."
    ),
]
