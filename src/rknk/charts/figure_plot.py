"""A text dot plot of figures: one row per figure in date order, its value on a log axis.

Rows run down in time; the axis runs across in powers of ten, so about 10,000
and up to 100,000 troops sit a whole decade apart at a glance. Each figure is
marked with its claim's status glyph; ``more than`` and ``at least`` point
right (``●─▶``), ``up to`` points left (``◀─○``), and a low–high range is a
line. Figures in different units get their own plot. Values that are zero or
negative cannot sit on a log axis, so such a unit gets a linear one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rknk.charts import STATUS_GLYPHS, legend
from rknk.figures import Figure, quantity_text
from rknk.render.safe import visible

#: A plot narrower than this shows nothing useful; the rows are then cut.
MIN_PLOT = 20


def _compact(value: float) -> str:
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


class _Axis:
    """Maps a value to a column of a plot ``width`` cells wide."""

    def __init__(self, values: Sequence[float], width: int) -> None:
        self.width = width
        self.log = min(values) > 0
        self.low: float
        self.high: float
        if self.log:
            self.low = math.floor(math.log10(min(values)))
            self.high = max(math.ceil(math.log10(max(values))), self.low + 1)
        else:
            self.low, self.high = min(0.0, min(values)), max(values)
            if self.high == self.low:
                self.high = self.low + 1

    def _scaled(self, value: float) -> float:
        return math.log10(value) if self.log else value

    def column(self, value: float) -> int:
        if self.log and value <= 0:
            return 0
        share = (self._scaled(value) - self.low) / (self.high - self.low)
        return max(0, min(self.width - 1, round(share * (self.width - 1))))

    def ticks(self) -> list[tuple[int, str]]:
        if not self.log:
            return [(self.column(v), _compact(v)) for v in (self.low, (self.low + self.high) / 2, self.high)]
        decades = list(range(int(self.low), int(self.high) + 1))
        step = max(1, math.ceil(len(decades) * 5 / self.width))
        return [(self.column(10.0**d), _compact(10.0**d)) for d in decades[::step]]


def _row(figure: Figure, axis: _Axis) -> str:
    cells = [" "] * axis.width
    for column, _ in axis.ticks():
        cells[column] = "·"
    quantity = figure.quantity
    at = axis.column(quantity["value"])
    if quantity["low"] is not None or quantity["high"] is not None:
        start = axis.column(quantity["low"]) if quantity["low"] is not None else 0
        end = axis.column(quantity["high"]) if quantity["high"] is not None else axis.width - 1
        for column in range(start, end + 1):
            cells[column] = "─"
    qualifier = quantity["qualifier"]
    if qualifier in ("more-than", "at-least"):
        for offset, glyph in ((1, "─"), (2, "▶")):
            if at + offset < axis.width:
                cells[at + offset] = glyph
    elif qualifier == "up-to":
        for offset, glyph in ((1, "─"), (2, "◀")):
            if at - offset >= 0:
                cells[at - offset] = glyph
    cells[at] = STATUS_GLYPHS.get(figure.claim["status"], "?")
    return "".join(cells)


def _tick_line(axis: _Axis) -> str:
    line = [" "] * (axis.width + 8)
    free_from = 0
    for column, label in axis.ticks():
        start = max(column - len(label) // 2, 0)
        if start < free_from:
            continue
        line[start : start + len(label)] = label
        free_from = start + len(label) + 1
    return "".join(line).rstrip()


def draw(figures: Sequence[Figure], width: int) -> list[str]:
    """The plot's lines for a terminal ``width`` columns wide (each line at most that long).

    One block per unit, in order of first appearance: a heading, the tick labels,
    one row per figure (date, plot, value as the source words it), then a legend.
    Empty when there are no figures.
    """
    units: dict[str, list[Figure]] = {}
    for figure in figures:
        units.setdefault(figure.quantity["unit"], []).append(figure)
    lines: list[str] = []
    for unit, rows in units.items():
        dates = [visible(f.claim["date"]) for f in rows]
        labels = [quantity_text(f.quantity, unit=False) for f in rows]
        date_width, label_width = max(map(len, dates)), max(map(len, labels))
        plot_width = max(MIN_PLOT, width - date_width - label_width - 4)
        values = [
            v for f in rows for v in (f.quantity["value"], f.quantity["low"], f.quantity["high"]) if v is not None
        ]
        axis = _Axis(values, plot_width)
        scale = "log scale" if axis.log else "linear scale"
        lines.append(f"{visible(unit)} ({scale})")
        lines.append(" " * (date_width + 2) + _tick_line(axis))
        for date, label, figure in zip(dates, labels, rows, strict=True):
            lines.append(f"{date:<{date_width}}  {_row(figure, axis)}  {label}"[:width].rstrip())
        lines.append(legend({f.claim["status"] for f in rows}))
        lines.append("")
    return lines[:-1]
