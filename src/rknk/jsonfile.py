"""Strict JSON reading for curated data files.

The standard library's parser is fast and reports line:column for syntax
errors, but it silently keeps the last of two duplicate keys, accepts NaN and
Infinity, and turns a 5,000-digit number into an exception with no position.
This module closes those gaps so that a hand-edited file never loses a value
without telling the curator.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rknk.errors import Problem

#: Longer digit runs than this are refused: no figure in the data needs them,
#: and converting them costs quadratic time.
MAX_NUMBER_DIGITS = 40

_NON_FINITE = re.compile(r"-?\bInfinity\b|\bNaN\b")
_LONG_NUMBER = re.compile(r"\d{%d,}" % (MAX_NUMBER_DIGITS + 1))


class _Refused(ValueError):
    """Raised from inside the parser's hooks; carries a position-free message."""

    def __init__(self, message: str, token: str | None = None) -> None:
        super().__init__(message)
        self.token = token


def _pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            owner = result.get("id") if isinstance(result.get("id"), str) else None
            context = f" (in the object with id '{owner}')" if owner else ""
            raise _Refused(f"duplicate key '{key}'{context}", token=f'"{key}"')
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not allowed: numbers must be finite", token=name)


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused(f"a number with {len(text)} digits is too long", token=text[:MAX_NUMBER_DIGITS])
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise _Refused(f"a number of {len(text)} characters is too long", token=text[:MAX_NUMBER_DIGITS])
    return float(text)


def position(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _locate(text: str, refused: _Refused) -> tuple[int, int] | tuple[None, None]:
    pattern: re.Pattern[str] | None = None
    if refused.token in ("NaN", "Infinity", "-Infinity"):
        pattern = _NON_FINITE
    elif refused.token and refused.token[:1].isdigit():
        pattern = _LONG_NUMBER
    if pattern is not None and (match := pattern.search(text)):
        return position(text, match.start())
    return None, None


def load(data: bytes, name: str) -> tuple[Any, str] | Problem:
    """Decode and parse one JSON file.

    Returns the parsed value and the decoded text (for locating later errors),
    or a :class:`Problem` saying why the file cannot be used. A UTF-8 byte order
    mark is accepted; everything else that is not strict JSON is refused.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8", errors="replace")
        line, column = position(good, len(good))
        return Problem(name, f"not valid UTF-8 (byte 0x{data[error.start]:02x})", line, column)
    if not text.strip():
        return Problem(name, "the file is empty; expected JSON")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs_to_dict,
            parse_constant=_refuse_constant,
            parse_int=_parse_int,
            parse_float=_parse_float,
        )
    except json.JSONDecodeError as error:
        return Problem(name, f"invalid JSON: {error.msg}", error.lineno, error.colno)
    except _Refused as refused:
        line, column = _locate(text, refused)
        return Problem(name, str(refused), line, column)
    except RecursionError:
        return Problem(name, "invalid JSON: nested too deeply")
    except ValueError as error:  # e.g. a number Python itself refuses to convert
        return Problem(name, f"invalid JSON: {error}")
    return value, text
