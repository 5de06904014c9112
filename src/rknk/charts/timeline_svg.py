"""The timeline as a standalone SVG: one band per group, marks coloured by status, shaped by precision.

A claim dated to a day is a dot; a month is a solid bar over that month; a
year is a pale bar over the year; an interval a thin bar with end caps. Marks
that would overlap stack in lanes. Each mark is a ``<g class="mark">`` with its
claim id in ``data-id`` and a ``<title>`` (the browser's tooltip) giving date,
status and statement, so the picture explains itself without any script.
Text from the data is escaped and its control characters made visible.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from rknk.charts import STATUS_COLOURS
from rknk.render.safe import visible
from rknk.store import Dataset
from rknk.timeline import Group, Mark, Timeline, ticks

WIDTH = 1000
LEFT = 180
RIGHT = 24
LANE = 14
DOT = 5
#: Minimum width of a bar, so a month on a century-long axis is still visible.
MIN_BAR = 4


def text(value: str) -> str:
    """Data as SVG/HTML text: control characters visible, markup characters escaped."""
    return escape(visible(value), quote=True)


class _Scale:
    def __init__(self, first: dt.date, last: dt.date) -> None:
        # Whole years (or months for a short axis) at the ends, so the ticks frame the marks.
        self.first = dt.date(first.year, 1, 1) if (last - first).days > 2 * 366 else first.replace(day=1)
        self.last = last
        self.days = (last - self.first).days + 1

    def x(self, day: dt.date) -> float:
        """The x of a day's start; days outside the axis sit on its edges."""
        share = min(max((day - self.first).days / self.days, 0.0), 1.0)
        return LEFT + share * (WIDTH - LEFT - RIGHT)


def _extent(mark: Mark, scale: _Scale) -> tuple[float, float]:
    if mark.precision == "day":
        middle = scale.x(mark.first) + 0.5 * (WIDTH - LEFT - RIGHT) / scale.days
        return middle - DOT, middle + DOT
    start, end = scale.x(mark.first), scale.x(mark.last + dt.timedelta(days=1))
    return start, max(end, start + MIN_BAR)


def _shape(mark: Mark, start: float, end: float, y: float, scale: _Scale) -> str:
    colour = STATUS_COLOURS.get(mark.claim["status"], "#555555")
    if mark.precision == "day":
        return f'<circle cx="{(start + end) / 2:.1f}" cy="{y:.1f}" r="{DOT}" fill="{colour}" stroke="#fff"/>'
    width = end - start
    if mark.precision == "interval":
        # End caps only where the interval really ends: one cut by the axis runs off its edge.
        caps = [x for x, inside in ((start, mark.first >= scale.first), (end - 1.5, mark.last <= scale.last)) if inside]
        return f'<rect x="{start:.1f}" y="{y - 2:.1f}" width="{width:.1f}" height="4" fill="{colour}"/>' + "".join(
            f'<rect x="{x:.1f}" y="{y - 5:.1f}" width="1.5" height="10" fill="{colour}"/>' for x in caps
        )
    opacity = "0.9" if mark.precision == "month" else "0.35"
    return (
        f'<rect x="{start:.1f}" y="{y - 5:.1f}" width="{width:.1f}" height="10" rx="2" '
        f'fill="{colour}" fill-opacity="{opacity}" stroke="{colour}"/>'
    )


def _lanes(group: Group, scale: _Scale) -> list[tuple[Mark, float, float, int]]:
    ends: list[float] = []
    placed = []
    for mark in group.marks:
        start, end = _extent(mark, scale)
        lane = next((i for i, last_end in enumerate(ends) if last_end + 2 <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        placed.append((mark, start, end, lane))
    return placed


def _legend(y: int) -> str:
    parts, x = [], LEFT
    for status, colour in STATUS_COLOURS.items():
        parts.append(
            f'<circle cx="{x + 5}" cy="{y - 4}" r="5" fill="{colour}"/><text x="{x + 14}" y="{y}">{status}</text>'
        )
        x += 24 + 7 * len(status)
    shapes = (
        f'<circle cx="{LEFT + 5}" cy="{y + 14}" r="5" fill="#777"/><text x="{LEFT + 14}" y="{y + 18}">a day</text>'
        f'<rect x="{LEFT + 70}" y="{y + 9}" width="24" height="10" rx="2" fill="#777"/>'
        f'<text x="{LEFT + 100}" y="{y + 18}">a month</text>'
        f'<rect x="{LEFT + 165}" y="{y + 9}" width="24" height="10" rx="2" fill="#777" fill-opacity="0.35" '
        f'stroke="#777"/><text x="{LEFT + 195}" y="{y + 18}">a year</text>'
        f'<rect x="{LEFT + 255}" y="{y + 12}" width="24" height="4" fill="#777"/>'
        f'<text x="{LEFT + 285}" y="{y + 18}">an interval</text>'
    )
    return '<g class="legend">' + "".join(parts) + shapes + "</g>"


def svg(built: Timeline | None, dataset: Dataset, by: str) -> str:
    """The whole picture as an SVG document (a string ending in a newline).

    With no claims it is a small picture saying so. ``dataset`` names the data
    folder's contents in the title; ``by`` is the grouping, named in the heading.
    """
    if built is None:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="60" font-family="sans-serif">'
            '<text x="20" y="35" font-size="16">No claims match.</text></svg>\n'
        )
    scale = _Scale(built.first, built.last)
    bands: list[str] = []
    body: list[str] = []
    y = 110
    for index, group in enumerate(built.groups):
        placed = _lanes(group, scale)
        lanes = max(lane for *_, lane in placed) + 1
        height = lanes * LANE + 10
        if index % 2 == 0:
            bands.append(f'<rect x="0" y="{y}" width="{WIDTH}" height="{height}" fill="#f3f4f6"/>')
        label = text(group.label)
        body.append(
            f'<text class="group" x="{LEFT - 12}" y="{y + 17}" text-anchor="end" font-weight="bold">{label} '
            f'<tspan font-weight="normal" fill="#666">{len(group.marks)}</tspan></text>'
        )
        for mark, start, end, lane in placed:
            claim = mark.claim
            tip = text(f"{claim['date']} · {claim['status']} — {claim['statement']}")
            body.append(
                f'<g class="mark" data-id="{text(claim["id"])}" tabindex="0"><title>{tip}</title>'
                f"{_shape(mark, start, end, y + 5 + LANE / 2 + lane * LANE, scale)}</g>"
            )
        y += height
    grid = []
    for day, label in ticks(scale.first, scale.last, (WIDTH - LEFT - RIGHT) // 60):
        x = scale.x(day)
        grid.append(
            f'<line x1="{x:.1f}" y1="100" x2="{x:.1f}" y2="{y}" stroke="#d0d4da"/>'
            f'<text x="{x:.1f}" y="94" text-anchor="middle" fill="#444">{label}</text>'
        )
    title = (
        f"{built.claims} claims by {text(by)}, {built.first.isoformat()} to {built.last.isoformat()}"
        f" ({len(dataset.sources)} sources)"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y + 16}" '
        f'viewBox="0 0 {WIDTH} {y + 16}" font-family="sans-serif" font-size="12" role="img">'
        f"<title>rknk timeline: {title}</title>"
        f'<rect width="100%" height="100%" fill="#fff"/>'
        f'<text x="20" y="26" font-size="16" font-weight="bold">rknk timeline: {title}</text>'
        f"{_legend(52)}{''.join(bands)}{''.join(grid)}{''.join(body)}</svg>\n"
    )
