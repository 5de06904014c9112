"""The ``rknk`` command line: option parsing and wiring only.

Each command turns its options into a :class:`rknk.query.Filters` or a query,
calls the core, and hands a :class:`rknk.render.listing.Listing` to the chosen
renderer. Every error the core raises is turned into one line on stderr and a
documented exit code in :class:`_Group.main`, the single boundary between the
library and the user.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from typer.core import TyperGroup

from rknk.errors import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    DataError,
    NotFoundError,
    RknkError,
    UsageError,
)
from rknk.render import Format
from rknk.render.listing import Listing

if TYPE_CHECKING:  # imported for real only where used, to keep start-up short
    from rknk.dates import Span
    from rknk.query import Filters
    from rknk.store import Dataset

DEBUG_ENV = "RKNK_DEBUG"
EXIT_CODES_HELP = """
Exit codes: 0 success (also when nothing matches), 1 data or runtime error
(invalid data, unknown claim id, failed verification), 2 usage error (bad option
value, unknown topic or actor), 130 interrupted.
"""


def _examples(*lines: str) -> str:
    # "\b" keeps the help formatter from re-wrapping the lines into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  $ {line}" for line in lines)


def _fail(message: str, code: int) -> NoReturn:
    from rknk.render.safe import visible

    # Messages echo ids, names and dates from the data or the command line: one
    # visible line, never a control sequence.
    sys.stderr.write(f"rknk: error: {visible(message)}\n")
    sys.stderr.flush()
    raise SystemExit(code)


class _Group(TyperGroup):
    """Runs the command and turns every expected failure into one line on stderr."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        # typer vendors Click; its exceptions are only reachable through this module.
        from typer._click.exceptions import ClickException, NoArgsIsHelpError

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except RknkError as error:
            _fail(str(error), error.exit_code)
        except NoArgsIsHelpError as error:
            # Plain "rknk" asks what it can do: the help, as "rknk --help" prints it.
            sys.stdout.write(error.format_message() + "\n")
            raise SystemExit(EXIT_OK) from None
        except ClickException as error:
            message = error.format_message().replace("\n", " ")
            ctx = getattr(error, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
            _fail(message + hint, EXIT_USAGE if error.exit_code == 2 else EXIT_DATA)
        except (typer.Abort, KeyboardInterrupt):
            raise SystemExit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _quiet_stdout()
            raise SystemExit(EXIT_OK) from None
        except Exception as error:
            # A bug, not a user error: still one line, with the traceback on request.
            if os.environ.get(DEBUG_ENV):
                raise
            _fail(f"internal error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)", EXIT_DATA)
        code = code if isinstance(code, int) else EXIT_OK
        if standalone_mode:
            raise SystemExit(code)
        return code

    def invoke(self, ctx: Any) -> Any:
        # Click turns a broken pipe into exit 1 before main() can see it; a reader
        # that has gone (rknk events | head -1) is not an error.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _quiet_stdout()
            return EXIT_OK


def _quiet_stdout() -> None:
    """After the reader of a pipe has gone, point stdout at /dev/null so the
    interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


app = typer.Typer(
    cls=_Group,
    name="rknk",
    help="Sourced claims about Russia–North Korea military relations, each with a verbatim quote from its source."
    + "\n\n"
    + EXIT_CODES_HELP,
    epilog=_examples(
        "rknk events --since 2023",
        "rknk search Kursk",
        "rknk show treaty-signed-2024-06",
        "rknk events --actor Belousov --json | jq '.[].statement'",
    )
    + "\n\n\b\nEnvironment: RKNK_DATA (data folder), RKNK_CACHE_DIR (cache folder),\n"
    + "RKNK_NO_CACHE=1 (always validate), RKNK_DEBUG=1 (tracebacks), NO_COLOR.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"rknk {version('rknk')}\n")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option("--data", metavar="DIR", help="Data folder to use instead of the bundled one (also: RKNK_DATA)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Sourced claims about Russia–North Korea military relations."""
    ctx.obj = data


# Options shared by the lookup commands.
DataOpt = Annotated[
    Path | None,
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
        help="Involving this actor (any alias; a state includes its people). Repeat: all must match.",
    ),
]
TopicOpt = Annotated[
    list[str] | None, typer.Option("--topic", "-t", metavar="TOPIC", help="In this topic. Repeat: any may match.")
]
SourceOpt = Annotated[
    str | None,
    typer.Option("--source", "-s", metavar="SOURCE", help="Cited by this source (id, archive file or outlet)."),
]
StatusOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        help="Asserted this way: reported, stated, alleged, denied, estimate, assessment or disputed. "
        "Repeat: any may match.",
    ),
]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=0, metavar="N", help="Show at most N claims.")]
ReverseOpt = Annotated[bool, typer.Option("--reverse", "-r", help="Newest first.")]


def _dataset(ctx: typer.Context, data: Path | None) -> Dataset:
    from rknk import store

    return store.load(store.resolve_root(data if data is not None else ctx.obj))


def _parse_date(option: str, text: str | None) -> Span | None:
    if text is None:
        return None
    from rknk.dates import DATE_FORMS, DateError, parse_partial

    try:
        return parse_partial(text.strip())
    except DateError as error:
        detail = str(error)
        suffix = "" if DATE_FORMS in detail else f"; use {DATE_FORMS}"
        raise UsageError(f"invalid {option}: {detail}{suffix}") from None


def _filters(
    dataset: Dataset,
    since: str | None,
    until: str | None,
    actor: list[str] | None,
    topic: list[str] | None,
    source: str | None,
    status: list[str] | None,
) -> Filters:
    from rknk import query

    since_span = _parse_date("--since", since)
    until_span = _parse_date("--until", until)
    if since_span and until_span and until_span.last < since_span.first:
        raise UsageError(f"--until {until} is before --since {since}")
    return query.Filters(
        since=since_span,
        until=until_span,
        actor_groups=tuple(query.resolve_actor(dataset, name) for name in actor or ()),
        topics=frozenset(query.resolve_topic(dataset, name) for name in topic or ()),
        sources=frozenset([query.resolve_source(dataset, source)] if source else ()),
        statuses=frozenset(query.resolve_status(name) for name in status or ()),
    )


def _output_stream(fmt: Format) -> TextIO:
    stream = sys.stdout
    reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            if fmt.is_machine:
                reconfigure(encoding="utf-8")
            else:
                reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
    return stream


def _report_lines(lines: Iterable[str]) -> None:
    """Write a check's findings, one a line; a reader that leaves early does not change the verdict.

    Findings quote ids, keys and text from the data, which may be hostile: control
    characters are made visible, and text that does not fit the console's encoding
    is replaced rather than crashing the report.
    """
    from rknk.render.safe import visible

    out = _output_stream(Format.TABLE)
    try:
        for line in lines:
            out.write(f"{visible(line)}\n")
        out.flush()
    except BrokenPipeError:
        _quiet_stdout()  # (validate | head): the exit code below still tells the truth


def _emit(listing: Listing, fmt: Format, json_flag: bool, fields: str | None) -> None:
    """Write a listing in the chosen format; select fields first if asked."""
    if json_flag:
        if fmt not in (Format.TABLE, Format.JSON):
            raise UsageError(f"--json and --format {fmt.value} ask for two formats; give one")
        fmt = Format.JSON
    if fields is not None:
        wanted = [name.strip() for name in fields.split(",") if name.strip()]
        unknown = [name for name in wanted if name not in listing.fields]
        if not wanted or unknown:
            bad = ", ".join(unknown) if unknown else "(none)"
            raise UsageError(f"unknown field {bad} for --fields; choose from {','.join(listing.fields)}")
        listing = listing.only(wanted)
    from rknk.render import renderer

    if not listing.records and fmt is Format.TABLE:
        sys.stderr.write("No claims match.\n")
        return
    out = _output_stream(fmt)
    renderer(fmt)(listing, out)
    out.flush()


@app.command(
    epilog=_examples(
        "rknk events --since 2023",
        "rknk events --actor Russia --topic troops --reverse",
        "rknk events --since 2024-06 --until 2024-12 --json | jq '.[].id'",
        "rknk events --source sewaktu-2024-12-02 -f csv > sewaktu.csv",
        "rknk events --status disputed --status denied",
    )
)
def events(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    reverse: ReverseOpt = False,
    fmt: FormatOpt = Format.TABLE,
    json_flag: JsonOpt = False,
    fields: FieldsOpt = None,
    data: DataOpt = None,
) -> None:
    """List claims in chronological order, filtered by date, actor, topic or source.

    A claim's date is a span: a claim dated 2024 matches --since 2024-06.
    """
    from rknk import query, views

    dataset = _dataset(ctx, data)
    filters = _filters(dataset, since, until, actor, topic, source, status)
    found = query.select(dataset.claims.values(), filters, newest_first=reverse)
    _emit(views.claims(dataset, found[:limit] if limit is not None else found), fmt, json_flag, fields)


@app.command(
    epilog=_examples(
        "rknk search Kursk",
        'rknk search "artillery shells" --since 2024 --explain',
        "rknk search Belusov --json | jq '.[0].evidence'",
        'rknk search "satelit mata-mata"',
    )
)
def search(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(metavar="QUERY", help="Words, names, places or numbers, in English or Indonesian.")
    ],
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show which field and word each match came from.")] = False,
    fmt: FormatOpt = Format.TABLE,
    json_flag: JsonOpt = False,
    fields: FieldsOpt = None,
    data: DataOpt = None,
) -> None:
    """Search claims: statements, quotes, actor names and aliases, places, tags and numbers.

    Typos are tolerated; results are ranked by score, then date, then id.
    """
    from rknk import query, views
    from rknk.normalize import fold
    from rknk.search import MAX_QUERY_LENGTH, SearchIndex

    if not fold(text):
        raise UsageError("the search query is empty; give a word, name, place or number")
    if len(text) > MAX_QUERY_LENGTH:
        raise UsageError(f"the search query is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH}")
    dataset = _dataset(ctx, data)
    filters = _filters(dataset, since, until, actor, topic, source, status)
    candidates = [claim for claim in dataset.claims.values() if query.matches(claim, filters)]
    found = SearchIndex(candidates, dataset.actors, dataset.topics).search(text)
    _emit(views.hits(dataset, found[:limit] if limit is not None else found, explain), fmt, json_flag, fields)


@app.command(epilog=_examples("rknk show treaty-signed-2024-06", "rknk show treaty-signed-2024-06 --json"))
def show(
    ctx: typer.Context,
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id, as listed by events or search.")],
    fmt: FormatOpt = Format.TABLE,
    json_flag: JsonOpt = False,
    data: DataOpt = None,
) -> None:
    """Show one claim in full, with every evidence quote and its source."""
    from rknk import query, views

    dataset = _dataset(ctx, data)
    claim = dataset.claims.get(claim_id.strip())
    if claim is None:
        close = query.closest_ids(dataset, claim_id)
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise NotFoundError(f"no claim with id '{claim_id}'{hint}")
    _emit(views.detail(dataset, claim), fmt, json_flag, None)


def _registry(ctx: typer.Context, data: Path | None, kind: str, fmt: Format, json_flag: bool) -> None:
    from rknk import query, views

    dataset = _dataset(ctx, data)
    claims = dataset.claims.values()
    counts: Counter[str] = Counter()
    if kind == "actors":
        for claim in claims:
            counts.update(query.involved(claim))
        listing = views.actors(dataset, counts)
    elif kind == "topics":
        counts.update(claim["topic"] for claim in claims)
        listing = views.topics(dataset, counts)
    else:
        for claim in claims:
            counts.update({e["source"] for e in claim["evidence"]})
        listing = views.sources(dataset, counts)
    _emit(listing, fmt, json_flag, None)


@app.command()
def actors(ctx: typer.Context, fmt: FormatOpt = Format.TABLE, json_flag: JsonOpt = False, data: DataOpt = None) -> None:
    """List actors (states, people, organisations, media) with their aliases and claim counts."""
    _registry(ctx, data, "actors", fmt, json_flag)


@app.command()
def topics(ctx: typer.Context, fmt: FormatOpt = Format.TABLE, json_flag: JsonOpt = False, data: DataOpt = None) -> None:
    """List topics with their claim counts."""
    _registry(ctx, data, "topics", fmt, json_flag)


@app.command()
def sources(
    ctx: typer.Context, fmt: FormatOpt = Format.TABLE, json_flag: JsonOpt = False, data: DataOpt = None
) -> None:
    """List the source articles with their publication dates and claim counts."""
    _registry(ctx, data, "sources", fmt, json_flag)


@app.command(epilog=_examples("rknk validate", "rknk validate ./my-data"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(metavar="[PATH]", help="Data folder (default: --data, RKNK_DATA or the bundled data)."),
    ] = None,
) -> None:
    """Check a data folder: JSON syntax, schema, references and unique ids. Lists every problem.

    Exit 1 if there is any problem.
    """
    from rknk import store

    root = store.resolve_root(path if path is not None else ctx.obj)
    problems = store.check_folder(root)
    _report_lines(str(problem) for problem in problems)
    if problems:
        raise DataError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in '{root}'")
    sys.stderr.write(f"'{root}' is valid.\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the data files, generated from the data model."""
    import json

    from rknk.schema import data_schema

    out = _output_stream(Format.JSON)
    json.dump(data_schema(), out, ensure_ascii=False, indent=2)
    out.write("\n")


@app.command(epilog=_examples("rknk verify --sources ./articles"))
def verify(
    ctx: typer.Context,
    sources_dir: Annotated[
        Path, typer.Option("--sources", metavar="DIR", help="Folder holding the archived article texts.")
    ],
    data: DataOpt = None,
) -> None:
    """Prove provenance: every quote appears in its archived article, and every archive matches its SHA-256.

    Exit 1 on any failure.
    """
    from rknk.verify import verify_dataset

    dataset = _dataset(ctx, data)
    failures, checked = verify_dataset(dataset, sources_dir)
    _report_lines(str(failure) for failure in failures)
    if failures:
        raise DataError(f"{len(failures)} of {checked} checks failed")
    sys.stderr.write(f"All {checked} checks passed: every quote is in its source and every archive matches.\n")


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point."""
    app(args=list(argv) if argv is not None else None, prog_name="rknk")
