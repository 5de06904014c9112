"""The analyst's commands: ``figures``, ``timeline`` and ``stats``."""

import shutil
from enum import StrEnum
from typing import Annotated

import typer

from rknk.cli.app import app
from rknk.cli.arguments import load_dataset, make_filters
from rknk.cli.options import (
    ActorOpt,
    ClaimantOpt,
    DataOpt,
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
from rknk.cli.output import chosen_format, emit, message, output_stream
from rknk.errors import UsageError
from rknk.render import Format

#: Text charts grow with the terminal up to this width; wider only spreads the marks.
CHART_MAX_WIDTH = 120


def chart_width() -> int:
    """Columns for a text chart: the terminal's (or ``COLUMNS``), 80 when unknown, at most 120."""
    return min(shutil.get_terminal_size((80, 24)).columns, CHART_MAX_WIDTH)


@app.command(
    epilog=examples(
        "rknk figures troops",
        'rknk figures troops --claimant "United States"',
        "rknk figures --since 2024 --json | jq '.[] | [.value, .qualifier, .claim]'",
        "rknk figures missiles -f csv > missiles.csv",
    )
)
def figures(
    ctx: typer.Context,
    what: Annotated[
        str | None,
        typer.Argument(
            metavar="[UNIT or TOPIC]",
            help="A unit (troops, shells, mm) or a topic (troops, weapons); every figure when omitted.",
        ),
    ] = None,
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
    no_pager: NoPagerOpt = False,
    data: DataOpt = None,
) -> None:
    """Every figure the claims give, side by side: value as hedged, unit, claimants, status, claim and source.

    One row per quantity, in date order, so competing figures from different
    claimants line up. In the terminal a chart under the table puts the values
    on a log axis, marked by status. Machine formats give one object per figure
    with its claim id.
    """
    from rknk import figures as core
    from rknk import query, views

    dataset = load_dataset(ctx, data)
    filters = make_filters(dataset, since, until, actor, topic, source, status, claimant)
    if what is not None:
        core.check_known(what, dataset.claims.values(), dataset.topics)
    kept = [claim for claim in dataset.claims.values() if query.matches(claim, filters)]
    found = core.select(kept, what, dataset.topics, newest_first=reverse)[:limit]
    emit(views.figures(dataset, found), fmt, json_flag, fields, nothing="No figures match.")
    if found and chosen_format(fmt, json_flag) is Format.TABLE and fields is None:
        from rknk.charts import figure_plot

        out = output_stream(Format.TABLE)
        out.write("\n" + "\n".join(figure_plot.draw(found, chart_width())) + "\n")
        out.flush()


class By(StrEnum):
    TOPIC = "topic"
    ACTOR = "actor"
    CLAIMANT = "claimant"
    SOURCE = "source"
    STATUS = "status"


class TimelineFormat(StrEnum):
    TABLE = "table"
    SVG = "svg"
    HTML = "html"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    MARKDOWN = "markdown"


@app.command(
    epilog=examples(
        "rknk timeline --since 2024",
        "rknk timeline --by status --topic troops",
        "rknk timeline --format html > timeline.html",
        "rknk timeline --format svg --since 2022 > timeline.svg",
        'rknk timeline --claimant "United States" --json',
    )
)
def timeline(
    ctx: typer.Context,
    by: Annotated[By, typer.Option("--by", help="Group rows by this field.", case_sensitive=False)] = By.TOPIC,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    claimant: ClaimantOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    fmt: Annotated[
        TimelineFormat,
        typer.Option(
            "--format",
            "-f",
            help="table: a chart and the claims by period; svg: a standalone picture; "
            "html: one offline page where pointing at a mark shows the claim; or a data format.",
            case_sensitive=False,
        ),
    ] = TimelineFormat.TABLE,
    json_flag: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    data: DataOpt = None,
) -> None:
    """Claims on a time axis, grouped by topic (or actor, claimant, source, status), at their true precision.

    A day is a point, a month or a year a span, an interval a bar. In the
    terminal, busy periods show counts, and the claims are listed under their
    month. The same filters as events.
    """
    from rknk import query
    from rknk import timeline as core

    dataset = load_dataset(ctx, data)
    filters = make_filters(dataset, since, until, actor, topic, source, status, claimant)
    picture = fmt in (TimelineFormat.SVG, TimelineFormat.HTML)
    if json_flag and picture:
        raise UsageError(f"--json and --format {fmt.value} ask for two formats; give one")
    window = (filters.since.first if filters.since else None, filters.until.last if filters.until else None)
    built = core.build(query.select(dataset.claims.values(), filters), by.value, dataset, window)
    if picture:
        from rknk.charts import timeline_svg

        out = output_stream(Format.JSON)  # UTF-8 whatever the terminal's encoding
        if fmt is TimelineFormat.SVG:
            out.write(timeline_svg.svg(built, dataset, by.value))
        else:
            from rknk.charts import timeline_page

            out.write(timeline_page.html(built, dataset, by.value))
        out.flush()
        return
    from rknk import views

    data_format = Format(fmt.value)
    if built is not None and chosen_format(data_format, json_flag) is Format.TABLE:
        from rknk.charts import timeline_strip

        out = output_stream(Format.TABLE)
        out.write("\n".join(timeline_strip.draw(built, chart_width())) + "\n\n")
        out.flush()
    emit(views.timeline(dataset, built), data_format, json_flag, None)


@app.command(
    epilog=examples("rknk stats", "rknk stats --since 2024 --topic troops", "rknk stats --json | jq .by_claimant")
)
def stats(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    actor: ActorOpt = None,
    claimant: ClaimantOpt = None,
    topic: TopicOpt = None,
    source: SourceOpt = None,
    status: StatusOpt = None,
    json_flag: JsonOpt = False,
    no_pager: NoPagerOpt = False,
    data: DataOpt = None,
) -> None:
    """Counts of claims: by topic and status, by source, by month and by claimant, with bar charts.

    Claims dated to a day or a month count under their month; claims dated more
    loosely (a year, an interval) are counted apart rather than put in a month
    they may not belong to. The same filters as events.
    """
    from rknk import query
    from rknk import stats as core

    dataset = load_dataset(ctx, data)
    filters = make_filters(dataset, since, until, actor, topic, source, status, claimant)
    counted = core.count(query.select(dataset.claims.values(), filters), dataset)
    if json_flag:
        from rknk.render.json_array import dumps

        out = output_stream(Format.JSON)
        out.write(dumps(counted._asdict(), indent=2) + "\n")
        out.flush()
        return
    from rknk import views

    if not counted.claims:
        message("No claims match.")
        return
    out = output_stream(Format.TABLE)
    for heading, listing in views.stats(dataset, counted):
        out.write(f"{heading}\n")
        out.flush()
        emit(listing, Format.TABLE, False, None)
        out.write("\n")
    out.flush()
