"""Turning command-line values into the core's typed values: the data folder, dates, filters."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from rknk.errors import UsageError

if TYPE_CHECKING:  # imported for real only where used, to keep start-up short
    from rknk.dates import Span
    from rknk.query import Filters
    from rknk.store import Dataset


def read_stdin() -> str:
    """What ``-`` stands for: the whole of stdin, decoded as UTF-8 (a BOM is dropped)."""
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("- reads from stdin, but stdin is a terminal; pipe the text in")
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()
    try:
        return data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise UsageError("stdin is not UTF-8 text") from None


def read_stdin_words(values: list[str]) -> list[str]:
    """``values`` with each ``-`` replaced by the words read from stdin (ids, one or more a line)."""
    words: list[str] = []
    for value in values:
        words.extend(read_stdin().split() if value == "-" else [value.strip()])
    return [word for word in words if word]


def data_folder(ctx: typer.Context, data: str | None, given_as: str = "--data") -> Path:
    """The data folder to use: the command's ``--data``, the global one, RKNK_DATA or the bundled one.

    An empty value is refused like an empty RKNK_DATA, rather than meaning the current folder.
    """

    from rknk import store

    chosen = data if data is not None else ctx.obj
    if chosen is not None and not chosen.strip():
        given_as = given_as if data is not None else "--data"
        raise UsageError(f"{given_as} is empty; give a data folder, or leave it out to use the bundled data")
    return store.resolve_root(Path(chosen) if chosen is not None else None)


def load_dataset(ctx: typer.Context, data: str | None) -> Dataset:
    from rknk import store

    return store.load(data_folder(ctx, data))


def parse_date(option: str, text: str | None) -> Span | None:
    if text is None:
        return None
    from rknk.dates import DATE_FORMS, DateError, parse_partial

    try:
        return parse_partial(text.strip())
    except DateError as error:
        detail = str(error)
        suffix = "" if DATE_FORMS in detail else f"; use {DATE_FORMS}"
        raise UsageError(f"invalid {option}: {detail}{suffix}") from None


def make_filters(
    dataset: Dataset,
    since: str | None,
    until: str | None,
    actor: list[str] | None,
    topic: list[str] | None,
    source: str | None,
    status: list[str] | None,
    claimant: list[str] | None = None,
) -> Filters:
    from rknk import query

    since_span = parse_date("--since", since)
    until_span = parse_date("--until", until)
    if since_span and until_span and until_span.last < since_span.first:
        raise UsageError(f"--until {until} is before --since {since}")
    return query.Filters(
        since=since_span,
        until=until_span,
        actor_groups=tuple(query.resolve_actor(dataset, name) for name in actor or ()),
        topics=frozenset(query.resolve_topic(dataset, name) for name in topic or ()),
        sources=frozenset([query.resolve_source(dataset, source)] if source is not None else ()),
        statuses=frozenset(query.resolve_status(name) for name in status or ()),
        claimant_groups=tuple(query.resolve_actor(dataset, name) for name in claimant or ()),
    )
