"""The data-keeping commands: ``validate``, ``schema`` and ``verify``."""

from pathlib import Path
from typing import Annotated

import typer

from rknk.cli.app import app
from rknk.cli.arguments import data_folder, load_dataset
from rknk.cli.options import DataOpt, examples
from rknk.cli.output import message, output_stream, report_lines
from rknk.errors import DataError, UsageError
from rknk.render import Format


@app.command(
    epilog=examples(
        "rknk validate",
        "rknk validate ./my-data",
        "rknk validate --data ./my-data",
        "rknk validate --json | jq '.[].file'",
    )
)
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(metavar="[PATH]", help="Data folder (default: --data, RKNK_DATA or the bundled data)."),
    ] = None,
    data: DataOpt = None,
    json_flag: Annotated[
        bool,
        typer.Option(
            "--json",
            help=(
                "The problems as a JSON array of {file, line, column, path, claim, message};"
                " claim is the id of the claim, source, actor or topic concerned."
            ),
        ),
    ] = False,
) -> None:
    """Check a data folder: JSON syntax, schema, references, unique ids and renamed ids. Lists every problem.

    Exit 1 if there is any problem.
    """
    from rknk import store
    from rknk.datafiles import shown

    if path is not None and data is not None:
        raise UsageError("give the data folder once: as PATH or with --data")
    root = data_folder(ctx, path if path is not None else data, "PATH" if path is not None else "--data")
    problems = store.check_folder(root)
    if json_flag:
        from rknk.render.json_array import dumps

        out = output_stream(Format.JSON)
        out.write(dumps([problem._asdict() for problem in problems], indent=2) + "\n")
        out.flush()
    else:
        report_lines(str(problem) for problem in problems)
    if problems:
        raise DataError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in '{shown(root)}'")
    message(f"'{shown(root)}' is valid.")


#: What ``rknk schema`` can print: the data files (any kind, or one), or the JSON output.
SCHEMA_KINDS = ("data", "claims", "sources", "actors", "topics", "renamed", "output")


@app.command(
    epilog=examples(
        "rknk schema > rknk-data.schema.json",
        "rknk schema claims > claims.schema.json",
        "rknk schema output > rknk-output.schema.json",
    )
)
def schema(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="[KIND]",
            help="data: a data file of any kind (the default); claims, sources, actors, topics or renamed: "
            "that kind only; output: what --json prints.",
        ),
    ] = "data",
) -> None:
    """Print a JSON Schema generated from the data model: of the data files, or of rknk's JSON output."""
    import json

    if kind not in SCHEMA_KINDS:
        raise UsageError(f"unknown schema '{kind}'; choose from {', '.join(SCHEMA_KINDS)}")
    from rknk.schema import data_schema, output_schema

    document = output_schema() if kind == "output" else data_schema(None if kind == "data" else kind)
    out = output_stream(Format.JSON)
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


@app.command(epilog=examples("rknk verify --sources ./articles"))
def verify(
    ctx: typer.Context,
    sources_dir: Annotated[
        str, typer.Option("--sources", metavar="DIR", help="Folder holding the archived article texts.")
    ],
    data: DataOpt = None,
) -> None:
    """Prove provenance: every quote appears in its archived article, and every archive matches its SHA-256.

    Exit 1 on any failure.
    """
    from rknk.verify import verify_dataset

    if not sources_dir.strip():
        raise UsageError("--sources is empty; give the folder of archived article texts")
    dataset = load_dataset(ctx, data)
    failures, checked = verify_dataset(dataset, Path(sources_dir))
    report_lines(str(failure) for failure in failures)
    if failures:
        raise DataError(f"{len(failures)} of {checked} checks failed")
    message(f"All {checked} checks passed: every quote is in its source and every archive matches.")
