"""Sharing commands: ``export sqlite`` for SQLite and Datasette, ``cite`` for reference managers."""

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from rknk.citations import CiteFormat
from rknk.cli.app import app
from rknk.cli.arguments import load_dataset, make_filters
from rknk.cli.options import (
    ActorOpt,
    DataOpt,
    SinceOpt,
    SourceOpt,
    StatusOpt,
    TopicOpt,
    UntilOpt,
    examples,
)
from rknk.cli.output import message, output_stream
from rknk.errors import NotFoundError, UsageError
from rknk.render import Format

if TYPE_CHECKING:
    from rknk.store import Dataset

export_app = typer.Typer(
    name="export",
    help="Write the claims in a form other tools open (SQLite, for sqlite-utils and Datasette).",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app)


def _subset(**options: str | list[str] | None) -> str:
    """The filters given, as they would be typed, for the record of what was exported."""
    words: list[str] = []
    for name, value in options.items():
        values = value if isinstance(value, list) else [] if value is None else [value]
        for item in values:
            words += [f"--{name}", item]
    return shlex.join(words)


@export_app.command(
    "sqlite",
    epilog=examples(
        "rknk export sqlite rknk.db && datasette rknk.db -m rknk.metadata.json",
        "rknk export sqlite troops.db --topic troops --since 2024",
        "sqlite-utils rows rknk.db figures_by_claimant --table",
        "sqlite-utils search rknk.db claims Kursk -c id -c statement",
    ),
)
def export_sqlite(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The database to create.", show_default=False)],
    metadata: Annotated[
        Path | None,
        typer.Option(
            "--metadata",
            metavar="FILE",
            help="Where to write Datasette's metadata (default: FILE with the suffix .metadata.json).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE and the metadata file if they exist.")] = False,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    data: DataOpt = None,
) -> None:
    """Export claims to a normalised, documented SQLite database with full-text search.

    Tables: claims (with date_start and date_end), evidence, quantities, claimants,
    claim_actors, actors, sources, topics, related and meta; views
    figures_by_claimant, claims_per_month and claims_per_actor. Takes the same
    filters as events. FILE is never overwritten without --force, and never left
    half-written.
    """
    from rknk import export_sqlite, query
    from rknk.atomic_file import check_target
    from rknk.provenance import provenance

    metadata_path = metadata if metadata is not None else file.with_suffix(".metadata.json")
    if metadata_path.resolve() == file.resolve():
        raise UsageError(f"--metadata '{metadata_path}' is the database file itself; give another name")
    check_target(file, force=force)
    check_target(metadata_path, force=force)
    dataset = load_dataset(ctx, data)
    filters = make_filters(dataset, since, until, actor, topic, source, status)
    claims = query.select(dataset.claims.values(), filters)
    subset = _subset(since=since, until=until, actor=actor, topic=topic, source=source, status=status)
    versions = provenance(dataset.root)
    export_sqlite.write(file, dataset, claims, versions, subset=subset, force=force)
    export_sqlite.write_metadata(
        metadata_path, export_sqlite.datasette_metadata(file.stem, versions, subset), force=force
    )
    message(
        f"Wrote {len(claims)} claim{'s' if len(claims) != 1 else ''} to '{file}' "
        f"(export schema {export_sqlite.SCHEMA_VERSION}, data {versions.data_version}) "
        f"and Datasette metadata to '{metadata_path}'."
    )


@app.command(
    epilog=examples(
        "rknk cite treaty-signed-2024-06",
        "rknk cite kompas-2024-11-30 --format bibtex >> references.bib",
        "rknk cite --all --format csl-json > rknk.json",
        "rknk cite --all --format ris > rknk.ris",
    )
)
def cite(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Claim ids (cite their sources) or source ids.", show_default=False),
    ] = None,
    all_sources: Annotated[bool, typer.Option("--all", help="Cite every source.")] = False,
    fmt: Annotated[
        CiteFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            case_sensitive=False,
            help="text (Harvard, Cite Them Right), csl-json, bibtex or ris.",
        ),
    ] = CiteFormat.TEXT,
    data: DataOpt = None,
) -> None:
    """Cite the source articles behind claims, in a standard style or for a reference manager.

    A claim id cites every source its evidence quotes; a source id cites that source.
    """
    from rknk.citations import render

    if all_sources == bool(ids):
        raise UsageError("give claim or source ids to cite, or --all, but not both" if ids else "give ids or --all")
    dataset = load_dataset(ctx, data)
    wanted: dict[str, None] = {}
    if all_sources:
        wanted = dict.fromkeys(dataset.sources)
    for given in ids or ():
        name = given.strip()
        if name in dataset.sources:
            wanted[name] = None
        elif name in dataset.claims:
            wanted.update(dict.fromkeys(e["source"] for e in dataset.claims[name]["evidence"]))
        else:
            raise NotFoundError(f"no claim or source with id '{given}'{_closest(dataset, name)}")
    text = render([dataset.sources[source] for source in wanted], fmt)
    if fmt is CiteFormat.TEXT:
        from rknk.render.safe import visible

        text = "".join(visible(line) + "\n" for line in text.splitlines())
    out = output_stream(Format.TABLE if fmt is CiteFormat.TEXT else Format.JSON)
    out.write(text)
    out.flush()


def _closest(dataset: "Dataset", name: str) -> str:
    from rapidfuzz import fuzz, process

    hits = process.extract(name, [*dataset.sources, *dataset.claims], scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    return f"; closest: {', '.join(hit[0] for hit in hits)}" if hits else ""
