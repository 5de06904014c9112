"""The data-keeping commands: ``validate``, ``schema`` and ``verify``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from rknk.cli.app import app
from rknk.cli.arguments import data_folder, load_dataset
from rknk.cli.options import DataOpt, examples
from rknk.cli.output import message, output_stream, report_lines
from rknk.errors import DataError, UsageError
from rknk.render import Format


@app.command(epilog=examples("rknk validate", "rknk validate ./my-data", "rknk validate --data ./my-data"))
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(metavar="[PATH]", help="Data folder (default: --data, RKNK_DATA or the bundled data)."),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Check a data folder: JSON syntax, schema, references, unique ids and renamed ids. Lists every problem.

    Exit 1 if there is any problem.
    """
    from rknk import store

    if path is not None and data is not None:
        raise UsageError("give the data folder once: as PATH or with --data")
    root = data_folder(ctx, path if path is not None else data, "PATH" if path is not None else "--data")
    problems = store.check_folder(root)
    report_lines(str(problem) for problem in problems)
    if problems:
        raise DataError(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in '{root}'")
    message(f"'{root}' is valid.")


class SchemaOf(StrEnum):
    DATA = "data"
    OUTPUT = "output"


@app.command(epilog=examples("rknk schema > rknk-data.schema.json", "rknk schema output > rknk-output.schema.json"))
def schema(
    of: Annotated[
        SchemaOf,
        typer.Argument(
            metavar="[data|output]",
            help="data: the data files (the default); output: what --json prints.",
            case_sensitive=False,
        ),
    ] = SchemaOf.DATA,
) -> None:
    """Print the JSON Schema of the data files, or of rknk's JSON output, generated from the data model."""
    import json

    from rknk.schema import data_schema, output_schema

    out = output_stream(Format.JSON)
    json.dump(data_schema() if of is SchemaOf.DATA else output_schema(), out, ensure_ascii=False, indent=2)
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
