"""How each command's results look: the columns people see and the records machines get.

Machine formats receive records with exactly the model's field names (plus
``score`` and ``why`` for search hits). The human columns are chosen here so
the renderers stay generic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rknk import jsontext
from rknk.dates import iso_bounds
from rknk.figures import Figure, quantity_text
from rknk.lazy import Streamed
from rknk.names import actor_names, claimant_name, claimant_text
from rknk.records import (
    ActorRecord,
    ClaimRecord,
    JsonRecord,
    SourceRecord,
    TopicRecord,
    output_record,
)
from rknk.render.listing import Column, Listing, as_text
from rknk.store import Dataset

if TYPE_CHECKING:  # imported by the views that show them: `show` and `events` never search
    from rknk.search import Hit, Results, Why
    from rknk.stats import Counts
    from rknk.timeline import Timeline

_MODEL_FIELDS = tuple(ClaimRecord.__annotations__)
#: A claim as machine formats give it: the model's fields, with ``date_start``
#: and ``date_end`` (the full ISO days the date covers) right after ``date``.
CLAIM_FIELDS = ("id", "date", "date_start", "date_end", *_MODEL_FIELDS[2:])


#: A claim for machine output: its data unchanged, plus ``date_start`` and ``date_end``.
claim_record = output_record


def _claim_columns(dataset: Dataset) -> tuple[Column, ...]:
    def sources(record: Mapping[str, Any]) -> str:
        outlets = dict.fromkeys(_outlet(dataset, e["source"]) for e in record["evidence"])
        return ", ".join(outlets)

    # Priorities as gh and kubectl choose theirs: what tells claims apart stays,
    # then status, topic and sources in that order as the window widens.
    return (
        Column("Date", lambda r: r["date"], style="cyan", narrow=lambda r: two_lines(r["date"])),
        Column("ID", lambda r: r["id"], style="dim", key=True),
        Column("Topic", lambda r: r["topic"], priority=2),
        Column("Status", lambda r: r["status"], priority=1),
        Column("Statement", lambda r: r["statement"], wide=True),
        Column("Sources", sources, breakable=True, priority=3),
    )


def two_lines(date: str) -> str:
    """An interval on two lines (``2006-10-14/`` over ``2017-12-22``): half the width, same text."""
    start, slash, end = date.partition("/")
    return f"{start}{slash}\n{end}" if slash else date


def _outlet(dataset: Dataset, source_id: str) -> str:
    source = dataset.sources.get(source_id)
    return source["outlet"].split(" (")[0] if source else source_id


def claims(dataset: Dataset, records: Iterable[ClaimRecord]) -> Listing:
    """Claims as listed by ``events``; an iterator is read as the output is written."""
    return Listing(Streamed(map(_claim_out, records)), CLAIM_FIELDS, _claim_columns(dataset))


def _claim_out(claim: ClaimRecord) -> Mapping[str, Any]:
    # A row from the index is stored as output writes it already.
    return claim if isinstance(claim, JsonRecord) else claim_record(claim)


class _HitMembers(dict[tuple[float, tuple["Why", ...]], str]):
    """The JSON text of a hit's ``score`` and ``why``, by score and reasons, between
    ``before`` and ``after``. A broad search repeats a few of them across thousands
    of hits, so each is made once."""

    def __init__(self, before: str = "", after: str = "") -> None:
        super().__init__()
        self._before, self._after = before, after

    def __missing__(self, key: tuple[float, tuple[Why, ...]]) -> str:
        if len(self) > 4096:  # many distinct ones: keep memory flat
            self.clear()
        score, reasons = key
        why = jsontext.strings([str(reason) for reason in reasons])
        text = self[key] = f'{self._before}"score": {float(score)!r}, "why": {why}{self._after}'
        return text


def _hit_records(found: Iterable[Hit]) -> Iterator[Mapping[str, Any]]:
    """Each hit as a record."""
    members = _HitMembers()
    for hit in found:
        if isinstance(hit.claim, JsonRecord):  # keeps the stored JSON text for machine output
            yield hit.claim.extended(members[hit.score, hit.why])
        else:
            yield {**claim_record(hit.claim), "score": hit.score, "why": [str(why) for why in hit.why]}


def _hit_pages(found: Results) -> Callable[[bytes], Iterator[bytes]]:
    """The hits as JSON a page at a time, as :func:`_hit_records` makes them, each
    followed by the separator given: a claim's JSON with its score, reasons and
    closing brace in place of its own (:meth:`JsonRecord.extended` inline: a
    claim's JSON always has fields)."""
    members = _HitMembers(", ", "}")

    def pages(separator: bytes) -> Iterator[bytes]:
        return found.json_pages(lambda score, why: members[score, why].encode() + separator)

    return pages


def hits(dataset: Dataset, found: Iterable[Hit], explain: bool) -> Listing:
    """Search hits, with their scores and reasons; read as the output is written."""
    records = Streamed(_hit_records(found))

    # With --explain the reasons go under each statement on a terminal: a column of
    # their own would squeeze both. The score is the number JSON and CSV carry.
    columns = (
        Column("Score", lambda r: as_text(r["score"]), style="green", numeric=True),
        *_claim_columns(dataset),
        *([Column("Matched", lambda r: "; ".join(r["why"]), beneath=True)] if explain else []),
    )
    from rknk.search import Results

    pages = _hit_pages(found) if isinstance(found, Results) else None
    return Listing(records, (*CLAIM_FIELDS, "score", "why"), columns, json_pages=pages)


def related_summary(claim: ClaimRecord) -> dict[str, Any]:
    """What ``show`` says about a related claim: when, how asserted, what, with its figures."""
    record = claim_record(claim)
    return {
        name: record[name] for name in ("id", "date", "date_start", "date_end", "status", "statement", "quantities")
    }


def _related_line(summary: Mapping[str, Any]) -> str:
    figures = "; ".join(quantity_text(q) for q in summary["quantities"])
    shown = f" ({figures})" if figures else ""
    return f"• {summary['date']} · {summary['status']} · {summary['statement']}{shown} [{summary['id']}]"


def detail(dataset: Dataset, claims: Sequence[ClaimRecord]) -> Listing:
    """Claims in full, each evidence quote with its source's outlet, title and date,
    and (for machines) the sources they cite, each once.

    Related claims are summarised (date, status, statement, figures): the JSON
    keeps their ids in ``related`` and adds the summaries as ``related_claims``.
    """
    columns: list[Column] = [
        Column("ID", lambda r: r["id"], style="bold"),
        Column(
            "Date", lambda r: r["date"] + ("" if r["date_basis"] == "stated" else f" ({r['date_basis']})"), style="cyan"
        ),
        Column("Date note", lambda r: r["date_note"] or ""),
        Column("Statement", lambda r: r["statement"]),
        Column("Topic", lambda r: r["topic"]),
        Column("Status", lambda r: r["status"]),
        Column("Claimants", lambda r: "; ".join(claimant_text(dataset, c) for c in r["claimants"])),
        Column("Actors", lambda r: actor_names(dataset, r["actors"])),
        Column("Quantities", lambda r: "; ".join(quantity_text(q) for q in r["quantities"])),
        Column("Places", lambda r: ", ".join(r["places"])),
        Column("Tags", lambda r: ", ".join(r["tags"])),
        Column("Related", lambda r: "\n".join(_related_line(summary) for summary in r["related_claims"])),
        Column("Note", lambda r: r["note"] or "", style="italic"),
    ]

    def evidence(number: int) -> Callable[[Mapping[str, Any]], str]:
        def show(record: Mapping[str, Any]) -> str:
            if number > len(record["evidence"]):
                return ""
            entry = record["evidence"][number - 1]
            source = dataset.sources.get(entry["source"])
            parts = (source["outlet"], source["title"] or "", source["published"]) if source else (entry["source"],)
            return f"“{entry['quote']}” — {', '.join(p for p in parts if p)} [{entry['source']}]"

        return show

    most = max(len(claim["evidence"]) for claim in claims)
    columns += [Column(f"Evidence {number}", evidence(number)) for number in range(1, most + 1)]
    # Each source once, in the order the evidence first cites it.
    records = [
        {
            **claim_record(claim),
            "related_claims": [related_summary(dataset.claims[i]) for i in claim["related"] if i in dataset.claims],
            "sources": [
                dataset.sources[source]
                for source in dict.fromkeys(e["source"] for e in claim["evidence"])
                if source in dataset.sources
            ],
        }
        for claim in claims
    ]
    return Listing(records, (*CLAIM_FIELDS, "related_claims", "sources"), tuple(columns), single=True)


def actors(dataset: Dataset, counts: Mapping[str, int]) -> Listing:
    records = [{**actor, "claims": counts.get(actor["id"], 0)} for actor in dataset.actors.values()]
    columns = (
        Column("ID", lambda r: r["id"], style="dim", key=True),
        Column("Name", lambda r: r["name"], style="bold", breakable=True),
        Column("Kind", lambda r: r["kind"], priority=1),
        Column("State", lambda r: r["state"] or "", priority=2),
        Column("Claims", lambda r: str(r["claims"]), style="green", numeric=True),
        Column("Aliases", lambda r: ", ".join(r["aliases"]), wide=True),
    )
    return Listing(records, (*ActorRecord.__annotations__, "claims"), columns)


def topics(dataset: Dataset, counts: Mapping[str, int]) -> Listing:
    records = [{**topic, "claims": counts.get(topic["id"], 0)} for topic in dataset.topics.values()]
    columns = (
        Column("ID", lambda r: r["id"], style="bold", key=True),
        Column("Label", lambda r: r["label"], priority=1),
        Column("Claims", lambda r: str(r["claims"]), style="green", numeric=True),
        Column("Description", lambda r: r["description"], wide=True),
    )
    return Listing(records, (*TopicRecord.__annotations__, "claims"), columns)


def sources(dataset: Dataset, counts: Mapping[str, int]) -> Listing:
    records = [{**source, "claims": counts.get(source["id"], 0)} for source in dataset.sources.values()]
    columns = (
        Column("ID", lambda r: r["id"], style="bold", key=True),
        Column("Published", lambda r: r["published"], style="cyan"),
        Column("Outlet", lambda r: r["outlet"], breakable=True, priority=1),
        Column("Claims", lambda r: str(r["claims"]), style="green", numeric=True),
        Column("Title", lambda r: r["title"] or "", wide=True),
    )
    return Listing(records, (*SourceRecord.__annotations__, "claims"), columns)


FIGURE_FIELDS = (
    "claim", "date", "date_start", "date_end", "value", "low", "high", "qualifier", "unit",
    "claimants", "status", "topic", "sources", "statement",
)  # fmt: skip


def figures(dataset: Dataset, found: Sequence[Figure]) -> Listing:
    """One row per figure: when, how much as the source hedged it, who says so, and where."""
    records = []
    for figure in found:
        claim, quantity = figure.claim, figure.quantity
        start, end = iso_bounds(claim["date"])
        records.append(
            {
                "claim": claim["id"],
                "date": claim["date"],
                "date_start": start,
                "date_end": end,
                # In FIGURE_FIELDS' order, which CSV headers follow too.
                **{name: quantity[name] for name in ("value", "low", "high", "qualifier", "unit")},
                "claimants": claim["claimants"],
                "status": claim["status"],
                "topic": claim["topic"],
                "sources": list(dict.fromkeys(e["source"] for e in claim["evidence"])),
                "statement": claim["statement"],
            }
        )
    columns = (
        Column("Date", lambda r: r["date"], style="cyan", narrow=lambda r: two_lines(r["date"])),
        Column("Figure", lambda r: quantity_text(_as_quantity(r)), style="bold"),
        Column("Claimants", lambda r: "; ".join(claimant_name(dataset, c) for c in r["claimants"]), wide=True),
        Column("Status", lambda r: r["status"], priority=1),
        Column("Claim", lambda r: r["claim"], style="dim", key=True),
        Column(
            "Sources",
            lambda r: ", ".join(dict.fromkeys(_outlet(dataset, s) for s in r["sources"])),
            breakable=True,
            priority=2,
        ),
    )
    return Listing(records, FIGURE_FIELDS, columns)


def _as_quantity(record: Mapping[str, Any]) -> Any:
    return {name: record[name] for name in ("value", "low", "high", "unit", "qualifier")}


def stats(dataset: Dataset, counted: Counts) -> list[tuple[str, Listing]]:
    """The tables of ``rknk stats``, each with its heading; every count has a bar beside it."""
    from rknk.charts.bars import bar

    def with_bars(rows: Mapping[str, int], label: Callable[[str], str], header: str, wide: bool = True) -> Listing:
        most = max(rows.values(), default=0)
        records = [{"key": key, "label": label(key), "claims": n} for key, n in rows.items()]
        columns = (
            Column(header, lambda r: r["label"], wide=wide),
            Column("Claims", lambda r: str(r["claims"]), style="green", numeric=True),
            Column("", lambda r: bar(r["claims"], most), style="blue", priority=1),
        )
        return Listing(records, ("key", "label", "claims"), columns)

    def topic_label(topic_id: str) -> str:
        return dataset.topics[topic_id]["label"] if topic_id in dataset.topics else topic_id

    def claimant_label(key: str) -> str:
        return dataset.actors[key]["name"] if key in dataset.actors else key

    totals = {topic: sum(by_status.values()) for topic, by_status in counted.by_topic_status.items()}
    by_topic = with_bars(totals, topic_label, "Topic", wide=False)
    split = {topic: ", ".join(f"{s} {n}" for s, n in by.items()) for topic, by in counted.by_topic_status.items()}
    by_topic = by_topic._replace(columns=(*by_topic.columns, Column("By status", lambda r: split[r["key"]], wide=True)))
    loose = counted.not_within_a_month
    month_note = (
        f" ({loose} claim{'s' if loose != 1 else ''} dated only to a year or an interval: not counted here)"
        if loose
        else ""
    )
    return [
        (f"By topic and status: {counted.claims} claims", by_topic),
        ("By source", with_bars(counted.by_source, lambda s: _outlet(dataset, s) + f" [{s}]", "Source")),
        (f"By month{month_note}", with_bars(counted.by_month, str, "Month")),
        ("By claimant", with_bars(counted.by_claimant, claimant_label, "Claimant")),
    ]


TIMELINE_FIELDS = (
    "group", "group_label", "period", "id", "date", "date_start", "date_end", "precision", "status", "statement",
)  # fmt: skip


def timeline(dataset: Dataset, built: Timeline | None) -> Listing:
    """The claims of a timeline, group by group, each under its period (month, or its own looser date).

    People see each group named once, and each period holding several claims
    named once with its count; machine formats get one record per claim and
    group, all fields filled.
    """
    from rknk.timeline import period

    records: list[dict[str, Any]] = []
    group_starts: set[int] = set()
    period_counts: dict[int, int] = {}
    for group in built.groups if built else ():
        previous = None
        for item in group.marks:
            start, end = iso_bounds(item.claim["date"])
            record = {
                "group": group.key,
                "group_label": group.label,
                "period": period(item),
                "id": item.claim["id"],
                "date": item.claim["date"],
                "date_start": start,
                "date_end": end,
                "precision": item.precision,
                "status": item.claim["status"],
                "statement": item.claim["statement"],
            }
            if previous is None:
                group_starts.add(id(record))
            if previous is None or previous["period"] != record["period"]:
                period_counts[id(record)] = 0
                head = record
            period_counts[id(head)] += 1
            records.append(record)
            previous = record

    def period_cell(record: Mapping[str, Any]) -> str:
        # A period is named once, over its claims, and only when it holds several:
        # a lone claim's date already says when it was.
        n = period_counts.get(id(record), 0)
        return f"{record['period']} ({n})" if n > 1 else ""

    columns = (
        Column("Group", lambda r: r["group_label"] if id(r) in group_starts else "", style="bold"),
        Column("Period (claims)", period_cell, style="cyan"),
        Column("Date", lambda r: r["date"], style="cyan", narrow=lambda r: two_lines(r["date"])),
        Column("Status", lambda r: r["status"], priority=1),
        Column("Statement", lambda r: r["statement"], wide=True),
    )
    return Listing(records, TIMELINE_FIELDS, columns)
