"""Values offered when the shell completes an option or argument: topics, actors,
sources, statuses and claim ids from the data folder.

A completion runs rknk once per TAB, so these read the same validated cache a
lookup reads, and a data folder that cannot be read offers nothing rather than
an error in the middle of the user's command line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _from_data(pick: Callable[[Any], list[str]]) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        from rknk import store
        from rknk.errors import RknkError

        try:
            dataset = store.load(store.resolve_root(None))
        except (RknkError, OSError):
            return []
        return [value for value in pick(dataset) if value.startswith(incomplete)]

    return complete


topics = _from_data(lambda dataset: list(dataset.topics))
actors = _from_data(lambda dataset: list(dataset.actors))
sources = _from_data(lambda dataset: list(dataset.sources))
claim_ids = _from_data(lambda dataset: list(dataset.claims))


def statuses(incomplete: str) -> list[str]:
    from rknk.query import STATUSES

    return [status for status in STATUSES if status.startswith(incomplete)]
