"""Strict JSON reading for curated data files.

The standard library's parser is fast and reports line:column for syntax
errors, but it silently keeps the last of two duplicate keys, accepts NaN and
Infinity, and turns a 5,000-digit number into an exception with no position.
This module closes those gaps so that a hand-edited file never loses a value
without telling the curator.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from rknk.errors import Problem

#: Longer digit runs than this are refused: no figure in the data needs them,
#: and converting them costs quadratic time.
MAX_NUMBER_DIGITS = 40

#: Nesting reported when the parser runs out of stack: the data needs four levels,
#: and the parser gives up somewhere below Python's recursion limit.
DEEP_NESTING = 500

# Locating a refused token scans the text again, skipping string literals, so a
# statement that mentions "NaN" or a long figure is never blamed for a number.
_STRING = r'"(?:[^"\\]|\\.)*"'
_BARE_VALUE = re.compile(_STRING + r"|(?P<hit>-?Infinity|NaN|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)")
_KEY_OR_BRACE = re.compile(r"(?P<key>" + _STRING + r")(?=\s*:)|" + _STRING + r"|(?P<brace>[{}])")
_BRACKET = re.compile(_STRING + r"|(?P<open>[\[{])|(?P<close>[\]}])")


class _Refused(ValueError):
    """Raised from inside the parser's hooks; carries a position-free message.

    ``token`` is the exact text of a refused number or constant; ``key`` the
    name of a duplicate key. Either lets :func:`_locate` find the place again.
    """

    def __init__(self, message: str, token: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.token = token
        self.key = key


def _pairs_to_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):  # no key twice: the common case, checked in C
        return result
    result = {}
    for key, value in pairs:
        if key in result:
            owner = result.get("id") if isinstance(result.get("id"), str) else None
            context = f" (in the object with id '{owner}')" if owner else ""
            raise _Refused(f"duplicate key '{key}'{context}", key=key)
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise _Refused(f"{name} is not allowed: numbers must be finite", token=name)


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused(f"a number with {len(text.lstrip('-'))} digits is too long", token=text)
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS * 2:
        raise _Refused(f"a number of {len(text)} characters is too long", token=text)
    value = float(text)
    if not math.isfinite(value):  # 1e400 parses to infinity without complaint
        raise _Refused(f"{text} is out of range: numbers must be finite", token=text)
    if value == 0 and any(digit in "123456789" for digit in text.partition("e")[0].partition("E")[0]):
        # 1.5e-400 parses to 0.0 just as silently
        raise _Refused(f"{text} is too small to be represented: it would read as 0", token=text)
    return value


def position(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _locate(text: str, refused: _Refused) -> tuple[int, int] | tuple[None, None]:
    """Where the parser's hook refused something: the token outside strings, or
    the second occurrence of a key within one object."""
    if refused.token is not None:
        for match in _BARE_VALUE.finditer(text):
            if match.group("hit") == refused.token:
                return position(text, match.start())
    elif refused.key is not None:
        seen: list[set[str]] = [set()]
        for match in _KEY_OR_BRACE.finditer(text):
            brace = match.group("brace")
            if brace == "{":
                seen.append(set())
            elif brace == "}" and len(seen) > 1:
                seen.pop()
            elif match.group("key") is not None:
                key = json.loads(match.group("key"))
                if key in seen[-1] and key == refused.key:
                    return position(text, match.start())
                seen[-1].add(key)
    return None, None


def _too_deep(text: str) -> tuple[int, int] | tuple[None, None]:
    """Where the nesting first goes deeper than :data:`DEEP_NESTING` levels."""
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group("open"):
            depth += 1
            if depth > DEEP_NESTING:
                return position(text, match.start())
        elif match.group("close"):
            depth -= 1
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
        return Problem(name, str(refused), *_locate(text, refused))
    except RecursionError:
        where = _too_deep(text)
        deeper = f" (more than {DEEP_NESTING} levels)" if where[0] is not None else ""
        return Problem(name, f"invalid JSON: nested too deeply{deeper}", *where)
    except ValueError as error:  # e.g. a number Python itself refuses to convert
        return Problem(name, f"invalid JSON: {error}")
    return value, text
