"""Citations of source articles in the forms reference managers read.

Each source is a news article, so every format describes a newspaper article:
its title (when the capture gives one), the outlet, the publication date at the
precision it is known, its language and, where recorded, its URL. Nothing is
invented: a field rknk does not know (author, access date, page) is left out
rather than guessed. The plain style is Harvard (Cite Them Right), written so
that it reads exactly as a CSL processor renders :func:`csl_item` in that style.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from rknk.records import SourceRecord

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

#: biblatex language names (``langid``) for the ISO 639-1 codes the data uses.
_LANGID = {"id": "indonesian", "en": "english", "ru": "russian", "ko": "korean", "de": "ngerman", "fr": "french"}


class CiteFormat(StrEnum):
    TEXT = "text"
    CSL_JSON = "csl-json"
    BIBTEX = "bibtex"
    RIS = "ris"


def _date_parts(published: str) -> list[int]:
    return [int(part) for part in published.split("-")]


def csl_item(source: SourceRecord) -> dict[str, object]:
    """A CSL-JSON item (``article-newspaper``) for a source; its id is the source id."""
    item: dict[str, object] = {"id": source["id"], "type": "article-newspaper"}
    if source["title"]:
        item["title"] = source["title"]
    item["container-title"] = source["outlet"]
    item["issued"] = {"date-parts": [_date_parts(source["published"])]}
    item["language"] = source["language"]
    if source["url"]:
        item["URL"] = source["url"]
    return item


def text(source: SourceRecord) -> str:
    """One reference in Harvard (Cite Them Right) style, plain text.

    With no author, the style puts the outlet first:
    ``Outlet (2024) “Title”, Outlet, 2 December. Available at: URL.``
    """
    parts = _date_parts(source["published"])
    day_month = " ".join(
        [*([str(parts[2])] if len(parts) > 2 else []), *([_MONTHS[parts[1] - 1]] if len(parts) > 1 else [])]
    )
    outlet = " ".join(source["outlet"].split())
    title = f"“{' '.join(source['title'].split())}”, " if source["title"] else ""
    reference = f"{outlet} ({parts[0]}) {title}{outlet}"
    reference += f", {day_month}." if day_month else "."
    if source["url"]:
        reference += f" Available at: {source['url']}."
    return reference


def _bibtex_value(value: str) -> str:
    """``value`` with LaTeX's special characters escaped, so biber and BibTeX read it as text."""
    escapes = {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
    return "".join(escapes.get(char, char) for char in " ".join(value.split()))


def bibtex(source: SourceRecord) -> str:
    """A biblatex ``@article`` entry of subtype ``newspaper``, keyed by the source id."""
    fields = [("entrysubtype", "newspaper")]
    if source["title"]:
        fields.append(("title", _bibtex_value(source["title"])))
    fields.append(("journaltitle", _bibtex_value(source["outlet"])))
    fields.append(("date", source["published"]))
    if source["language"] in _LANGID:
        fields.append(("langid", _LANGID[source["language"]]))
    if source["url"]:
        # \url-style fields are verbatim in biblatex: only braces would break the entry.
        fields.append(("url", source["url"].replace("{", "%7B").replace("}", "%7D")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{source['id']},\n{body}\n}}\n"


def ris(source: SourceRecord) -> str:
    """A RIS record of type ``NEWS``: title, outlet, year, date, language, URL."""
    parts = _date_parts(source["published"])
    date = "/".join([f"{parts[0]:04d}", *(f"{part:02d}" for part in parts[1:])])
    lines = [("TY", "NEWS"), ("ID", source["id"])]
    if source["title"]:
        lines.append(("TI", source["title"]))
    lines += [("T2", source["outlet"]), ("PY", str(parts[0])), ("DA", date), ("LA", source["language"])]
    if source["url"]:
        lines.append(("UR", source["url"]))
    lines.append(("ER", ""))
    # A RIS tag owns one line: line breaks inside a value would start a bogus tag.
    return "".join(f"{tag}  - {' '.join(value.split())}".rstrip() + "\n" for tag, value in lines)


def render(sources: Sequence[SourceRecord], fmt: CiteFormat) -> str:
    """Every source cited in ``fmt``, in the order given, as one text ending in a newline."""
    if fmt is CiteFormat.CSL_JSON:
        from rknk.render.json_array import dumps

        return dumps([csl_item(source) for source in sources], indent=2) + "\n"
    if fmt is CiteFormat.TEXT:
        return "".join(text(source) + "\n" for source in sources)
    entries = [bibtex(source) if fmt is CiteFormat.BIBTEX else ris(source) for source in sources]
    return "\n".join(entries)
