"""The registry listings: ``actors``, ``topics`` and ``sources``, with claim counts."""

import typer

from rknk.cli.app import app
from rknk.cli.arguments import load_dataset
from rknk.cli.options import DataOpt, FieldsOpt, FormatOpt, JsonOpt, LimitOpt, NoPagerOpt, examples
from rknk.cli.output import emit
from rknk.render import Format


def _registry(
    ctx: typer.Context,
    data: str | None,
    kind: str,
    fmt: Format,
    json_flag: bool,
    fields: str | None,
    limit: int | None,
) -> None:
    from rknk import views

    dataset = load_dataset(ctx, data)
    counts = dataset.counts(kind)
    if kind == "actors":
        listing = views.actors(dataset, counts)
    elif kind == "topics":
        listing = views.topics(dataset, counts)
    else:
        listing = views.sources(dataset, counts)
    if limit is not None:
        listing = listing._replace(records=listing.records[:limit])
    emit(listing, fmt, json_flag, fields)


def _register(kind: str, summary: str, *example_lines: str) -> None:
    """Add the listing command ``kind``: the three registries take the same options."""

    def listing(
        ctx: typer.Context,
        limit: LimitOpt = None,
        fmt: FormatOpt = Format.TABLE,
        json_flag: JsonOpt = False,
        fields: FieldsOpt = None,
        data: DataOpt = None,
        no_pager: NoPagerOpt = False,
    ) -> None:
        _registry(ctx, data, kind, fmt, json_flag, fields, limit)

    listing.__doc__ = summary
    app.command(name=kind, epilog=examples(*example_lines))(listing)


_register(
    "actors",
    "List actors (states, people, organisations, media) with their aliases and claim counts.",
    "rknk actors",
    "rknk actors --fields id,name,claims -f csv",
)
_register(
    "topics",
    "List topics with their claim counts.",
    "rknk topics",
    "rknk topics --json | jq '.[] | {id, claims}'",
)
_register(
    "sources",
    "List the source articles with their publication dates and claim counts.",
    "rknk sources",
    "rknk sources --fields id,archive,sha256",
)
