"""How each command's results look: the columns people see and the records machines get.

Machine formats receive records with exactly the model's field names (plus
``score`` and ``why`` for search hits). The human columns are chosen here so
the renderers stay generic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rknk.records import ActorRecord, ClaimRecord, SourceRecord, TopicRecord
from rknk.render.listing import Column, Listing
from rknk.search import Hit
from rknk.store import Dataset

CLAIM_FIELDS = tuple(ClaimRecord.__annotations__)


_QUALIFIER_WORDS = {"exact": "", "more-than": "more than", "at-least": "at least", "up-to": "up to"}


def _number(value: float) -> str:
    """A figure for people: ``10000`` -> ``10,000``; fractions kept as written."""
    return f"{value:,}" if isinstance(value, int) or not float(value).is_integer() else f"{int(value):,}"


def _statement(record: Mapping[str, Any]) -> str:
    return str(record["statement"])


def _claim_columns(dataset: Dataset, statement: Callable[[Mapping[str, Any]], str] = _statement) -> tuple[Column, ...]:
    def sources(record: Mapping[str, Any]) -> str:
        outlets = dict.fromkeys(_outlet(dataset, e["source"]) for e in record["evidence"])
        return ", ".join(outlets)

    return (
        Column("Date", lambda r: r["date"], style="cyan"),
        Column("ID", lambda r: r["id"], breakable=True, style="dim"),
        Column("Topic", lambda r: r["topic"]),
        Column("Status", lambda r: r["status"]),
        Column("Statement", statement, wide=True),
        Column("Sources", sources),
    )


def _outlet(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources.get(source_id)
    return source["outlet"].split(" (")[0] if source else source_id


def claims(dataset: Dataset, records: Sequence[ClaimRecord]) -> Listing:
    return Listing(records, CLAIM_FIELDS, _claim_columns(dataset))


def hits(dataset: Dataset, found: Sequence[Hit], explain: bool) -> Listing:
    records = [{**hit.claim, "score": hit.score, "why": [str(why) for why in hit.why]} for hit in found]

    def statement_and_reasons(record: Mapping[str, Any]) -> str:
        return f"{record['statement']}\nmatched: {'; '.join(record['why'])}"

    # With --explain the reasons go under each statement: a column of their own squeezes both.
    statement = statement_and_reasons if explain else _statement
    columns = (Column("Score", lambda r: f"{r['score']:.0f}", style="green"), *_claim_columns(dataset, statement))
    return Listing(records, (*CLAIM_FIELDS, "score", "why"), columns)


def detail(dataset: Dataset, claim: ClaimRecord) -> Listing:
    """One claim in full, each evidence quote with its source's outlet, title and date."""

    def actor_names(ids: Sequence[str]) -> str:
        return ", ".join(dataset.actors[i]["name"] if i in dataset.actors else i for i in ids)

    def claimant(entry: Mapping[str, Any]) -> str:
        name = actor_names([entry["actor"]]) if entry["actor"] else ""
        return " — ".join(part for part in (name, entry["text"] or "") if part)

    def quantity(q: Mapping[str, Any]) -> str:
        low, high = q["low"], q["high"]
        bounds = f" ({_number(low) if low is not None else '…'}–{_number(high) if high is not None else '…'})"
        words = _QUALIFIER_WORDS.get(q["qualifier"], q["qualifier"])
        shown = f"{words} {_number(q['value'])}".strip()
        return f"{shown}{bounds if low is not None or high is not None else ''} {q['unit']}"

    columns: list[Column] = [
        Column("ID", lambda r: r["id"], style="bold"),
        Column(
            "Date", lambda r: r["date"] + ("" if r["date_basis"] == "stated" else f" ({r['date_basis']})"), style="cyan"
        ),
        Column("Date note", lambda r: r["date_note"] or ""),
        Column("Statement", lambda r: r["statement"]),
        Column("Topic", lambda r: r["topic"]),
        Column("Status", lambda r: r["status"]),
        Column("Claimants", lambda r: "; ".join(claimant(c) for c in r["claimants"])),
        Column("Actors", lambda r: actor_names(r["actors"])),
        Column("Quantities", lambda r: "; ".join(quantity(q) for q in r["quantities"])),
        Column("Places", lambda r: ", ".join(r["places"])),
        Column("Tags", lambda r: ", ".join(r["tags"])),
        Column("Related", lambda r: ", ".join(r["related"])),
        Column("Note", lambda r: r["note"] or "", style="italic"),
    ]
    for number, evidence in enumerate(claim["evidence"], start=1):
        source = dataset.sources.get(evidence["source"])
        where = (
            ", ".join(p for p in (source["outlet"], source["title"] or "", source["published"]) if p)
            if source
            else evidence["source"]
        )
        columns.append(
            Column(f"Evidence {number}", _constant(f"“{evidence['quote']}” — {where} [{evidence['source']}]"))
        )
    record = {
        **claim,
        "sources": [dataset.sources[e["source"]] for e in claim["evidence"] if e["source"] in dataset.sources],
    }
    return Listing([record], (*CLAIM_FIELDS, "sources"), tuple(columns), single=True)


def _constant(text: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda record: text


def actors(dataset: Dataset, counts: Mapping[str, int]) -> Listing:
    records = [{**actor, "claims": counts.get(actor["id"], 0)} for actor in dataset.actors.values()]
    columns = (
        Column("ID", lambda r: r["id"], style="dim"),
        Column("Name", lambda r: r["name"], style="bold"),
        Column("Kind", lambda r: r["kind"]),
        Column("State", lambda r: r["state"] or ""),
        Column("Claims", lambda r: str(r["claims"]), style="green"),
        Column("Aliases", lambda r: ", ".join(r["aliases"]), wide=True),
    )
    return Listing(records, (*ActorRecord.__annotations__, "claims"), columns)


def topics(dataset: Dataset, counts: Mapping[str, int]) -> Listing:
    records = [{**topic, "claims": counts.get(topic["id"], 0)} for topic in dataset.topics.values()]
    columns = (
        Column("ID", lambda r: r["id"], style="bold"),
        Column("Label", lambda r: r["label"]),
        Column("Claims", lambda r: str(r["claims"]), style="green"),
        Column("Description", lambda r: r["description"], wide=True),
    )
    return Listing(records, (*TopicRecord.__annotations__, "claims"), columns)


def sources(dataset: Dataset, counts: Mapping[str, int]) -> Listing:
    records = [{**source, "claims": counts.get(source["id"], 0)} for source in dataset.sources.values()]
    columns = (
        Column("ID", lambda r: r["id"], style="bold"),
        Column("Published", lambda r: r["published"], style="cyan"),
        Column("Outlet", lambda r: r["outlet"]),
        Column("Claims", lambda r: str(r["claims"]), style="green"),
        Column("Title", lambda r: r["title"] or "", wide=True),
    )
    return Listing(records, (*SourceRecord.__annotations__, "claims"), columns)
