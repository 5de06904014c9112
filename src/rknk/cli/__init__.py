"""The ``rknk`` command line: option parsing and wiring only.

Each command turns its options into a :class:`rknk.query.Filters` or a query,
calls the core, and hands a :class:`rknk.render.listing.Listing` to the chosen
renderer. :mod:`rknk.cli.app` holds the application and its error boundary;
each module beside it holds a group of commands, registered on import.

The modules that define commands evaluate their annotations when they load
(no ``from __future__ import annotations``): Typer reads a command's
annotations on every run, and annotations kept as strings would be compiled
anew each time, some milliseconds of every lookup.
"""

from rknk.cli.app import app, main

# Commands register on import, and ``rknk --help`` lists them in that order:
# lookups first, then the analyst's views, the registries, sharing, and the data-keeping checks.
# isort: off
from rknk.cli import lookup, analysis, registries, share, checks, completion
# isort: on

__all__ = ["analysis", "app", "checks", "completion", "lookup", "main", "registries", "share"]
