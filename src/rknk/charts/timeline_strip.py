"""A timeline for the terminal: one strip per group on a shared time axis.

A claim dated to a day is ``●``; one dated to a month or a year that fits in
one character cell is ``▮``; anything wider is a bar ``├━━┤`` over the days it
covers, open at an end the axis cuts off. Where several claims share a cell the cell shows how many (``2``-``9``,
``+`` for ten or more), so busy periods read as counts, not as a smudge. Bars
stack in up to :data:`MAX_LANES` lanes; any left over are counted beside the group.
"""

from __future__ import annotations

import datetime as dt

from rknk.render.safe import visible
from rknk.timeline import Group, Timeline, ticks

MAX_LANES = 3
LABEL_MAX = 18


def _column(day: dt.date, first: dt.date, days: int, width: int) -> int:
    return max(0, min(width - 1, (day - first).days * width // days))


def _group_lines(group: Group, first: dt.date, days: int, width: int) -> tuple[list[str], int]:
    lanes: list[list[str]] = [[" "] * width]
    singles: dict[int, list[str]] = {}
    wide: list[tuple[int, int, str, str]] = []
    last = first + dt.timedelta(days=days - 1)
    for item in group.marks:
        start, end = _column(item.first, first, days, width), _column(item.last, first, days, width)
        if start == end:
            singles.setdefault(start, []).append(item.precision)
        else:
            # A bar cut by the axis runs off its edge instead of ending there.
            wide.append((start, end, "├" if item.first >= first else "━", "┤" if item.last <= last else "━"))
    for column, kinds in singles.items():
        n = len(kinds)
        lanes[0][column] = ("●" if kinds[0] == "day" else "▮") if n == 1 else str(n) if n < 10 else "+"
    left_over = 0
    for start, end, left, right in wide:
        lane = next((cells for cells in lanes if all(c == " " for c in cells[start : end + 1])), None)
        if lane is None:
            if len(lanes) == MAX_LANES:
                left_over += 1
                continue
            lane = [" "] * width
            lanes.append(lane)
        lane[start : end + 1] = [left, *("━" * (end - start - 1)), right]
    return ["".join(cells).rstrip() for cells in lanes], left_over


def draw(built: Timeline, width: int) -> list[str]:
    """The strips' lines for a terminal ``width`` columns wide: axis labels, axis, one strip per group, key."""
    labels = [visible(g.label)[:LABEL_MAX] for g in built.groups]
    counts = [str(len(g.marks)) for g in built.groups]
    label_width = max(map(len, labels)) + 1 + max(map(len, counts))
    plot = max(width - label_width - 2, 10)
    days = (built.last - built.first).days + 1
    axis = ["─"] * plot
    axis[0], axis[-1] = "├", "┤"
    tick_labels = [" "] * plot
    free_from = 0
    for day, text in ticks(built.first, built.last, max(plot // 8, 1)):
        column = _column(day, built.first, days, plot)
        if 0 < column < plot - 1:
            axis[column] = "┼"
        start = min(column, plot - len(text))  # the last label ends with the axis
        if start >= free_from:
            tick_labels[start : start + len(text)] = text
            free_from = start + len(text) + 1
    pad = " " * (label_width + 2)
    lines = [pad + "".join(tick_labels).rstrip(), pad + "".join(axis)]
    for group, label, count in zip(built.groups, labels, counts, strict=True):
        strips, left_over = _group_lines(group, built.first, days, plot)
        head = f"{label:<{label_width - len(count)}}{count}"
        for number, strip in enumerate(strips):
            more = f"  +{left_over} more" if left_over and number == len(strips) - 1 else ""
            lines.append(f"{head if number == 0 else '':<{label_width}}  {strip}{more}".rstrip())
    lines.append(f"{built.first.isoformat()} to {built.last.isoformat()}, {built.claims} claims.")
    lines.append("● day  ▮ month or year  ├━┤ longer  2-9: claims in one cell (+: ten or more)")
    return lines
