"""Make data safe to print on a terminal.

A claim file is data from whoever wrote it. Printed raw, an ESC sequence in a
statement could clear the screen, retitle the window, plant a hyperlink or
write the clipboard (OSC 52), and a bidirectional override could make text
read differently from what it is. Every control character is therefore shown
as a visible escape such as ``\\x1b`` or ``\\u202e``. So is a lone surrogate
(JSON allows ``"\\ud800"``), which no UTF-8 stream can write.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Return ``text`` with every control or direction-changing character made visible."""
    return _UNSAFE.sub(_escape, text)
