"""Make data safe to print on a terminal.

A claim file is data from whoever wrote it. Printed raw, an ESC sequence in a
statement could clear the screen, retitle the window, plant a hyperlink or
write the clipboard (OSC 52), and a bidirectional override could make text
read differently from what it is. Every control character is therefore shown
as a visible escape such as ``\\x1b`` or ``\\u202e``. So is a lone surrogate
(JSON allows ``"\\ud800"``), which no UTF-8 stream can write; one that stands
for an undecodable byte of a file name (U+DC80 to U+DCFF) is shown as that byte.

A console in a single-byte encoding is one more way in: cp1252 writes the
harmless-looking ``›`` as byte 0x9B, the 8-bit form of ESC ``[``. Streams for
people are therefore wrapped by :func:`guarded`, which shows such characters
as escapes too.
"""

from __future__ import annotations

import functools
import io
import re
from typing import TextIO

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Return ``text`` with every control or direction-changing character made visible."""
    return _UNSAFE.sub(_escape, text)


def eight_bit_controls(encoding: str) -> dict[int, str]:
    """Characters that ``encoding`` writes as a byte from 0x80 to 0x9F, each mapped to its escape.

    Those bytes are the C1 controls of 8-bit terminals: cp1252 writes ``›`` as
    0x9B, a CSI that starts an escape sequence, and ``œ`` as 0x9C, a string
    terminator. Only single-byte encodings can put such a byte on its own; in
    UTF-8 it only ever continues a character. The result is a table for
    :meth:`str.translate`, empty when the encoding is safe.
    """
    return _eight_bit_controls(encoding.lower())


@functools.cache
def _eight_bit_controls(encoding: str) -> dict[int, str]:
    table: dict[int, str] = {}
    for byte in range(0x80, 0xA0):
        try:
            char = bytes([byte]).decode(encoding)
            if len(char) == 1 and char.encode(encoding) == bytes([byte]):
                table[ord(char)] = f"\\u{ord(char):04x}"
        except (UnicodeError, LookupError):
            continue
    return table


class EncodingGuard(io.TextIOBase):
    """A text stream for people that never lets a character become an 8-bit control.

    Wraps a console stream whose encoding turns some characters into bytes 0x80
    to 0x9F (see :func:`eight_bit_controls`) and writes those characters as
    visible escapes; everything else, ``isatty`` and ``encoding`` included,
    passes through, so Rich sizes and styles its output as before.
    """

    def __init__(self, out: TextIO, table: dict[int, str]) -> None:
        self._out = out
        self._table = table

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self._out, "encoding", "utf-8"))

    def write(self, text: str) -> int:
        self._out.write(text.translate(self._table))
        return len(text)

    def flush(self) -> None:
        self._out.flush()

    def isatty(self) -> bool:
        return self._out.isatty()

    def fileno(self) -> int:
        return self._out.fileno()


def guarded(out: TextIO) -> TextIO:
    """``out`` itself, or wrapped in :class:`EncodingGuard` if its encoding needs it."""
    table = eight_bit_controls(getattr(out, "encoding", None) or "utf-8")
    return EncodingGuard(out, table) if table else out  # type: ignore[return-value]
