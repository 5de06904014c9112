"""The progress bar of a cold build: on stderr, only on a terminal, gone when done."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def bar(files: int, total_bytes: int) -> Iterator[Callable[[int, int], None]]:
    """A transient Rich bar over ``total_bytes``; yields ``step(claims, bytes)`` to call after each file."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("Indexing"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[files]}/{task.fields[of]} files, {task.fields[claims]:,} claims"),
        TextColumn("{task.fields[rate]:,.0f} claims/s"),
        TimeRemainingColumn(),
    )
    console = Console(stderr=True)
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("index", total=total_bytes, files=0, of=files, claims=0, rate=0.0)
        done = {"files": 0, "claims": 0}

        def step(claims: int, size: int) -> None:
            done["files"] += 1
            done["claims"] += claims
            elapsed = progress.tasks[0].elapsed or 0.0
            rate = done["claims"] / elapsed if elapsed else 0.0
            progress.update(task, advance=size, files=done["files"], claims=done["claims"], rate=rate)

        yield step
