"""Horizontal text bars, in eighths of a character, for counts in a table column."""

from __future__ import annotations

_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, maximum: int, width: int = 24) -> str:
    """A bar ``value / maximum`` of ``width`` characters long; any non-zero value shows at least a sliver."""
    if value <= 0 or maximum <= 0:
        return ""
    eighths = max(1, round(value / maximum * width * 8))
    return "█" * (eighths // 8) + _EIGHTHS[eighths % 8].strip()
