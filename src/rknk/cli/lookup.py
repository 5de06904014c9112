"""The lookup commands: ``events``, ``search`` and ``show``."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from rknk.cli import values
from rknk.cli.app import app
from rknk.cli.arguments import load_dataset, make_filters, read_stdin, read_stdin_words
from rknk.cli.options import (
    ActorOpt,
    ClaimantOpt,
    DataOpt,
    EnvelopeOpt,
    FieldsOpt,
    FormatOpt,
    JsonOpt,
    LimitOpt,
    NoPagerOpt,
    ReverseOpt,
    SinceOpt,
    SourceOpt,
    StatusOpt,
    TopicOpt,
    UntilOpt,
    examples,
)
from rknk.cli.output import emit
from rknk.errors import NotFoundError, UsageError
from rknk.render import Format

if TYPE_CHECKING:
    from rknk.records import ClaimRecord
    from rknk.store import Dataset


@app.command(
    epilog=examples(
        "rknk events --since 2023",
        "rknk events --actor Russia --topic troops --reverse",
        "rknk events --since 2024-06 --until 2024-12 --json | jq '.[].id'",
        "rknk events --source sewaktu-2024-12-02 -f csv > sewaktu.csv",
        "rknk events --status disputed --status denied",
        'rknk events --claimant "United States"',
        "rknk events --json --envelope | jq .provenance.data_version",
    )
)
def events(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    claimant: ClaimantOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    fmt: FormatOpt = Format.TABLE,
    json_flag: JsonOpt = False,
    fields: FieldsOpt = None,
    envelope: EnvelopeOpt = False,
    data: DataOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:
    """List claims in chronological order, filtered by date, actor, topic or source.

    A claim's date is a span: a claim dated 2024 matches --since 2024-06.
    """
    from rknk import query, views

    dataset = load_dataset(ctx, data)
    filters = make_filters(dataset, since, until, actor, topic, source, status, claimant)
    found = query.select_indexed(dataset, filters, newest_first=reverse, limit=limit)
    emit(views.claims(dataset, found), fmt, json_flag, fields, envelope_of=dataset.root if envelope else None)


@app.command(
    epilog=examples(
        "rknk search Kursk",
        'rknk search "artillery shells" --since 2024 --explain',
        "rknk search Belusov --json | jq '.[0].evidence'",
        'rknk search "satelit mata-mata"',
        "echo Kursk | rknk search - --limit 3",
    )
)
def search(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help="Words, names, places or numbers, in English or Indonesian; - reads stdin."
        ),
    ],
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    claimant: ClaimantOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    reverse: Annotated[bool, typer.Option("--reverse", "-r", help="Weakest match first.")] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Show how the query was read, and which field and word each match came from."),
    ] = False,
    fmt: FormatOpt = Format.TABLE,
    json_flag: JsonOpt = False,
    fields: FieldsOpt = None,
    envelope: EnvelopeOpt = False,
    data: DataOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:
    """Search claims: statements, quotes, actor names and aliases, places, tags and numbers.

    Typos are tolerated; results are ranked by score, equal scores newest first.
    """
    from rknk import query, views
    from rknk.normalize import fold
    from rknk.search import MAX_QUERY_LENGTH, Searcher

    if text == "-":
        text = read_stdin()
    if not fold(text):
        raise UsageError("the search query is empty; give a word, name, place or number")
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(f"the search query is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH}")
    dataset = load_dataset(ctx, data)
    filters = make_filters(dataset, since, until, actor, topic, source, status, claimant)
    searcher = Searcher(dataset.index, dataset.actors, dataset.topics)
    allowed = query.allowed_numbers(dataset, filters)
    # Reversed, the weakest matches come first: the limit is taken after reversing.
    found = searcher.results(text, allowed=allowed, limit=None if reverse else limit)
    if explain:
        sys.stderr.write(f"rknk: query {found.reading}\n")
    if reverse:
        found = found[::-1][:limit] if limit is not None else found[::-1]
    listing = views.hits(dataset, found, explain)
    emit(listing, fmt, json_flag, fields, envelope_of=dataset.root if envelope else None)


@app.command(
    epilog=examples(
        "rknk show treaty-signed-2024-06",
        "rknk show treaty-signed-2024-06 treaty-in-force-2024-12 --json",
        "rknk events --topic treaty --fields id -f csv | tail -n +2 | rknk show -",
    )
)
def show(
    ctx: typer.Context,
    claim_ids: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            autocompletion=values.claim_ids,
            help="Claim ids, as listed by events or search; - reads them from stdin.",
        ),
    ],
    limit: LimitOpt = None,
    fmt: FormatOpt = Format.TABLE,
    json_flag: JsonOpt = False,
    fields: FieldsOpt = None,
    data: DataOpt = None,
    no_pager: NoPagerOpt = False,
) -> None:
    """Show claims in full, with every evidence quote and its source.

    With one ID, --json prints an object; with several (or -), an array. An id
    that was renamed, or merged into another claim, still works: the claim is
    shown under its new id, and a line on stderr says so.
    """
    from rknk import query, views

    wanted = list(dict.fromkeys(read_stdin_words(claim_ids)))
    if not wanted:
        raise UsageError("no claim id given")
    dataset = load_dataset(ctx, data)
    claims = []
    for claim_id in wanted:
        claim = dataset.claims.get(claim_id) or _renamed(dataset, claim_id)
        if claim is None:
            close = query.closest_ids(dataset, claim_id)
            hint = f"; closest: {', '.join(close)}" if close else ""
            raise NotFoundError(f"no claim with id '{claim_id}'{hint}")
        claims.append(claim)
    emit(views.detail(dataset, claims[:limit] if limit is not None else claims), fmt, json_flag, fields)


def _renamed(dataset: "Dataset", old_id: str) -> "ClaimRecord | None":
    """The claim that replaced a retired id, announced on stderr; None if the id was never renamed."""
    from rknk import renames
    from rknk.render.safe import visible

    new_id = renames.resolve(dataset.root, old_id)
    claim = dataset.claims.get(new_id) if new_id is not None else None
    if claim is not None:
        sys.stderr.write(
            f"rknk: claim '{visible(old_id)}' is now '{visible(claim['id'])}'; showing it under its new id\n"
        )
    return claim
