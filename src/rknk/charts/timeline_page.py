"""The timeline as one self-contained HTML page: the SVG, a panel that explains a mark, a little script.

Pointing at, focusing or clicking a mark shows its claim in the panel: date,
status, statement, claimants, every quote with its source, and the curator's
note. Opening the page with ``#CLAIM-ID`` shows that claim at once, so a
timeline can be linked to a claim. Nothing is fetched at view time: no CDN, no
fonts, and a Content-Security-Policy that forbids any request, so the page
works offline and leaks nothing about who reads it.

The claims travel as JSON inside a ``<script type="application/json">`` with
``<``, ``>`` and ``&`` escaped, and the script writes them with ``textContent``
only, so no text from the data is ever parsed as HTML.
"""

from __future__ import annotations

import json
from typing import Any

from rknk.charts.timeline_svg import svg, text
from rknk.names import claimant_text
from rknk.store import Dataset
from rknk.timeline import Timeline

_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header { padding: 12px 20px 0; }
h1 { font-size: 18px; margin: 0 0 4px; }
main { display: flex; align-items: flex-start; gap: 16px; padding: 8px 20px 20px; }
figure { margin: 0; flex: 0 0 auto; }
#detail { position: sticky; top: 12px; flex: 1 1 320px; min-width: 260px; max-width: 460px;
  border: 1px solid #d0d7de; border-radius: 6px; padding: 12px 14px; background: #f6f8fa; }
#detail h2 { font-size: 15px; margin: 0 0 6px; }
#detail dt { font-weight: 600; margin-top: 6px; }
#detail dd { margin: 0; }
#detail blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #8c959f; font-style: italic; }
.mark { cursor: pointer; }
.mark:hover, .mark:focus, .mark.selected { outline: none; filter: drop-shadow(0 0 2px #000); }
"""

_SCRIPT = """
(function () {
  var claims = JSON.parse(document.getElementById("claims").textContent);
  var panel = document.getElementById("detail");
  var selected = [];
  function field(term, value) {
    var dt = document.createElement("dt"), dd = document.createElement("dd");
    dt.textContent = term;
    dd.textContent = value;
    return [dt, dd];
  }
  function show(id) {
    var claim = claims[id];
    if (!claim) { return; }
    var list = document.createElement("dl");
    var rows = [
      field("Date", claim.date), field("Status", claim.status),
      field("Claimants", claim.claimants.join("; ")), field("Topic", claim.topic)
    ];
    claim.evidence.forEach(function (e, i) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      var quote = document.createElement("blockquote");
      dt.textContent = "Evidence " + (i + 1);
      quote.textContent = "\\u201c" + e.quote + "\\u201d";
      dd.appendChild(quote);
      dd.appendChild(document.createTextNode("\\u2014 " + e.source));
      rows.push([dt, dd]);
    });
    if (claim.note) { rows.push(field("Note", claim.note)); }
    rows.push(field("Claim id", claim.id));
    rows.forEach(function (pair) { list.appendChild(pair[0]); list.appendChild(pair[1]); });
    var heading = document.createElement("h2");
    heading.textContent = claim.statement;
    panel.replaceChildren(heading, list);
    panel.setAttribute("data-claim", claim.id);
    // A claim about several actors has a mark in each of their rows: light them all.
    selected.forEach(function (mark) { mark.classList.remove("selected"); });
    selected = document.querySelectorAll('.mark[data-id="' + CSS.escape(id) + '"]');
    selected.forEach(function (mark) { mark.classList.add("selected"); });
  }
  document.querySelectorAll(".mark").forEach(function (mark) {
    var id = mark.getAttribute("data-id");
    mark.addEventListener("mouseenter", function () { show(id); });
    mark.addEventListener("focus", function () { show(id); });
    mark.addEventListener("click", function () { show(id); });
  });
  if (location.hash.length > 1) { show(decodeURIComponent(location.hash.slice(1))); }
})();
"""


def _claims(built: Timeline, dataset: Dataset) -> dict[str, dict[str, Any]]:
    def source(source_id: str) -> str:
        found = dataset.sources.get(source_id)
        if found is None:
            return source_id
        return ", ".join(part for part in (found["outlet"], found["title"] or "", found["published"]) if part)

    shown: dict[str, dict[str, Any]] = {}
    for group in built.groups:
        for mark in group.marks:
            claim = mark.claim
            shown[claim["id"]] = {
                "id": claim["id"],
                "date": claim["date"],
                "status": claim["status"],
                "topic": claim["topic"],
                "statement": claim["statement"],
                "claimants": [claimant_text(dataset, c) for c in claim["claimants"]],
                "evidence": [{"quote": e["quote"], "source": source(e["source"])} for e in claim["evidence"]],
                "note": claim["note"],
            }
    return shown


def _script_json(value: Any) -> str:
    # ASCII-only JSON with the characters that could end the <script> element escaped.
    raw = json.dumps(value, ensure_ascii=True)
    return raw.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def html(built: Timeline | None, dataset: Dataset, by: str) -> str:
    """The page as one HTML document (a string ending in a newline); see the module's docstring."""
    claims = _claims(built, dataset) if built is not None else {}
    summary = (
        f"{built.claims} claims grouped by {text(by)}, {built.first.isoformat()} to {built.last.isoformat()}. "
        "Point at or click a mark to read its claim."
        if built is not None
        else "No claims match."
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rknk timeline</title>
<style>{_STYLE}</style>
</head>
<body>
<header><h1>Russia–North Korea claims on a timeline</h1><p>{summary}</p></header>
<main>
<figure>{svg(built, dataset, by)}</figure>
<aside id="detail" aria-live="polite"><p>Point at, focus or click a mark to see its statement, status, \
claimants, quotes and sources here.</p></aside>
</main>
<script type="application/json" id="claims">{_script_json(claims)}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
