"""Pictures of claims, drawn by hand: text charts for the terminal, SVG and a self-contained HTML page.

No plotting library is used: the pictures are small, must work offline, and
must not slow down commands that draw nothing (the README gives the
measurements behind this choice). Every status has one glyph for text and one
colour for SVG, defined here so every picture reads the same way.
"""

#: Text glyph of each status; the shape alone tells them apart without colour.
STATUS_GLYPHS = {
    "reported": "●",
    "stated": "■",
    "alleged": "◆",
    "denied": "✕",
    "estimate": "○",
    "assessment": "□",
    "disputed": "◇",
}

#: SVG colour of each status (Okabe–Ito palette, readable by colour-blind people).
STATUS_COLOURS = {
    "reported": "#0072B2",
    "stated": "#009E73",
    "alleged": "#D55E00",
    "denied": "#CC79A7",
    "estimate": "#E69F00",
    "assessment": "#56B4E9",
    "disputed": "#000000",
}


def legend(statuses: set[str]) -> str:
    """``● reported  ○ estimate`` for the statuses present, in the order of :data:`STATUS_GLYPHS`."""
    return "  ".join(f"{glyph} {status}" for status, glyph in STATUS_GLYPHS.items() if status in statuses)
