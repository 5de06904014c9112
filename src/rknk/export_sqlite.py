"""``rknk export sqlite``: the claims as a normalised, documented SQLite database.

The database is a public contract of its own, versioned by :data:`SCHEMA_VERSION`
(also in ``PRAGMA user_version`` and the ``meta`` table): later versions may add
tables, views and columns, never rename or remove them without a new version.
It does not depend on any index rknk keeps for its own lookups.

Every table and column is described once, in :data:`TABLES`; the ``CREATE``
statements (whose comments SQLite keeps, so ``.schema`` documents itself) and
the Datasette metadata are both generated from it. Lists become child tables
with a 1-based ``position``, so a claim is rebuilt exactly in its JSON order;
``places`` and ``tags`` stay JSON arrays on the claim, as sqlite-utils and
Datasette store lists (``?_facet_array=tags``). Claims are full-text searchable
through ``claims_fts``, an FTS5 table over the claims' own columns
(``content="claims"``) kept current by triggers, the layout
``sqlite-utils enable-fts --create-triggers`` makes and Datasette detects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rknk.dates import iso_bounds
from rknk.records import ClaimRecord

if TYPE_CHECKING:
    import sqlite3

    from rknk.provenance import Provenance
    from rknk.store import Dataset

SCHEMA_VERSION = 1


class Column(NamedTuple):
    name: str
    sql: str
    doc: str


class Table(NamedTuple):
    name: str
    doc: str
    columns: tuple[Column, ...]
    constraints: tuple[str, ...] = ()
    label: str | None = None
    """The column Datasette shows for a foreign key pointing here."""


def _child(name: str, doc: str, *columns: Column) -> Table:
    """A table of one list of a claim: one row per item, in the claim's order."""
    return Table(
        name,
        doc,
        (
            Column("claim_id", "TEXT NOT NULL REFERENCES claims(id)", "the claim"),
            Column("position", "INTEGER NOT NULL", "1-based place in the claim's list"),
            *columns,
        ),
        ("PRIMARY KEY (claim_id, position)",),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "meta",
        "What produced this database: one row per key",
        (
            Column("key", "TEXT PRIMARY KEY", "schema_version, rknk_version, data_sha256, data_version or subset"),
            Column("value", "TEXT NOT NULL", "its value"),
        ),
    ),
    Table(
        "topics",
        "The topics claims are filed under",
        (
            Column("id", "TEXT PRIMARY KEY", "topic id"),
            Column("label", "TEXT NOT NULL", "short name"),
            Column("description", "TEXT NOT NULL", "what the topic covers"),
        ),
        label="label",
    ),
    Table(
        "actors",
        "States, people, organisations and media that claims involve or cite",
        (
            Column("id", "TEXT PRIMARY KEY", "actor id"),
            Column("name", "TEXT NOT NULL", "name in English"),
            Column("kind", "TEXT NOT NULL", "state, person, organization, media or group"),
            Column("aliases", "TEXT NOT NULL", "JSON array of other names, in English, Indonesian and other spellings"),
            Column("state", "TEXT REFERENCES actors(id)", "the state a person or organisation belongs to"),
            Column("role", "TEXT", "office or function"),
        ),
        label="name",
    ),
    Table(
        "sources",
        "The news articles the evidence quotes come from",
        (
            Column("id", "TEXT PRIMARY KEY", "source id"),
            Column("outlet", "TEXT NOT NULL", "the publication"),
            Column("title", "TEXT", "the article's headline, when the capture has one"),
            Column("published", "TEXT NOT NULL", "publication date, ISO 8601 at the precision known"),
            Column("published_basis", "TEXT NOT NULL", "stated in the article, inferred, or publication"),
            Column("published_note", "TEXT", "how the publication date was established"),
            Column("language", "TEXT NOT NULL", "ISO 639 language code of the article"),
            Column("archive", "TEXT NOT NULL", "file name of the archived article text"),
            Column("sha256", "TEXT NOT NULL", "SHA-256 of the archived text"),
            Column("url", "TEXT", "where the article was published, when known"),
            Column("note", "TEXT", "credits and caveats"),
        ),
        label="outlet",
    ),
    Table(
        "claims",
        "One sourced statement each, with the source's own date precision",
        (
            Column("id", "TEXT PRIMARY KEY", "stable, human-readable claim id"),
            Column(
                "date", "TEXT NOT NULL", "ISO 8601 at the source's precision (2024, 2024-06, 2024-06-19) or START/END"
            ),
            Column("date_start", "TEXT NOT NULL", "first day the date covers (YYYY-MM-DD)"),
            Column("date_end", "TEXT NOT NULL", "last day the date covers (YYYY-MM-DD)"),
            Column("date_basis", "TEXT NOT NULL", "stated, inferred (from a relative date) or publication"),
            Column("date_note", "TEXT", "how an inferred or publication date was established"),
            Column("statement", "TEXT NOT NULL", "one English sentence, faithful to the source"),
            Column("topic", "TEXT NOT NULL REFERENCES topics(id)", "the topic"),
            Column("status", "TEXT NOT NULL", "reported, stated, alleged, denied, estimate, assessment or disputed"),
            Column("places", "TEXT NOT NULL", "JSON array of places named"),
            Column("tags", "TEXT NOT NULL", "JSON array of tags"),
            Column("note", "TEXT", "curator's note"),
            Column("quotes", "TEXT NOT NULL", "every evidence quote, one a line, for full-text search"),
        ),
        label="statement",
    ),
    _child(
        "claim_actors",
        "The actors each claim involves",
        Column("actor_id", "TEXT NOT NULL REFERENCES actors(id)", "the actor"),
    ),
    _child(
        "claimants",
        "Who asserts each claim: a registered actor, an attribution in words, or both",
        Column("actor_id", "TEXT REFERENCES actors(id)", "the claimant, when registered"),
        Column("text", "TEXT", "the attribution as the source words it"),
    ),
    _child(
        "quantities",
        "Every figure a claim states, one row each",
        Column("value", "NUMERIC NOT NULL", "the figure"),
        Column("low", "NUMERIC", "lower bound of a range"),
        Column("high", "NUMERIC", "upper bound of a range"),
        Column("unit", "TEXT NOT NULL", "what is counted (troops, shells, ...)"),
        Column("qualifier", "TEXT NOT NULL", "exact, about, more-than, at-least, up-to or range"),
    ),
    _child(
        "evidence",
        "The verbatim quotes that back each claim, in the source's language",
        Column("source_id", "TEXT NOT NULL REFERENCES sources(id)", "the article quoted"),
        Column("quote", "TEXT NOT NULL", "the verbatim quote"),
    ),
    _child(
        "related",
        "Links between claims, such as disagreeing figures",
        # Not a foreign key: a subset (--since, --topic, ...) may leave the linked claim out.
        Column("related_id", "TEXT NOT NULL", "id of the linked claim (it may be outside an exported subset)"),
    ),
)

#: Columns of ``claims`` that ``claims_fts`` indexes.
FTS_COLUMNS = ("statement", "quotes", "tags", "places", "note")
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


class View(NamedTuple):
    name: str
    doc: str
    sql: str


VIEWS: tuple[View, ...] = (
    View(
        "figures_by_claimant",
        "Every figure with who gives it, to compare claimants' numbers",
        """SELECT coalesce(actors.name, claimants.text) AS claimant, claimants.actor_id AS claimant_id,
       quantities.unit, quantities.qualifier, quantities.value, quantities.low, quantities.high,
       claims.date, claims.status, claims.id AS claim_id, claims.statement
FROM quantities
JOIN claims ON claims.id = quantities.claim_id
JOIN claimants ON claimants.claim_id = quantities.claim_id
LEFT JOIN actors ON actors.id = claimants.actor_id
ORDER BY quantities.unit, claims.date_start, claims.id, quantities.position, claimants.position""",
    ),
    View(
        "claims_per_month",
        "How many claims each month has; a claim dated more coarsely (2024) counts under its own date",
        """SELECT CASE WHEN substr(date_start, 1, 7) = substr(date_end, 1, 7) THEN substr(date_start, 1, 7)
            ELSE date END AS month,
       count(*) AS claims
FROM claims
GROUP BY month
ORDER BY min(date_start), month""",
    ),
    View(
        "claims_per_actor",
        "How many claims involve each actor",
        """SELECT actors.id AS actor_id, actors.name, actors.kind, count(DISTINCT claim_actors.claim_id) AS claims
FROM actors JOIN claim_actors ON claim_actors.actor_id = actors.id
GROUP BY actors.id
ORDER BY claims DESC, actors.name""",
    ),
)


def _sql_comment(text: str) -> str:
    return " ".join(text.split())


def create_statements() -> list[str]:
    """The statements that create the empty database: tables, full-text index, triggers, views."""
    statements = []
    for table in TABLES:
        lines = [f"  {c.name} {c.sql}, -- {_sql_comment(c.doc)}" for c in table.columns]
        lines += [f"  {constraint}," for constraint in table.constraints]
        last = lines[-1]
        # No comma after the last definition; its comment stays.
        lines[-1] = last.replace(", --", " --", 1) if ", --" in last else last.rstrip(",")
        body = "\n".join(lines)
        statements.append(f"CREATE TABLE {table.name} ( -- {_sql_comment(table.doc)}\n{body}\n)")
    columns = ", ".join(FTS_COLUMNS)
    new = ", ".join(f"new.{name}" for name in FTS_COLUMNS)
    old = ", ".join(f"old.{name}" for name in FTS_COLUMNS)
    statements += [
        f"CREATE VIRTUAL TABLE claims_fts USING fts5({columns}, content=[claims], tokenize='{FTS_TOKENIZER}')",
        f"CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN\n"
        f"  INSERT INTO claims_fts (rowid, {columns}) VALUES (new.rowid, {new});\nEND",
        f"CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN\n"
        f"  INSERT INTO claims_fts (claims_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old});\nEND",
        f"CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN\n"
        f"  INSERT INTO claims_fts (claims_fts, rowid, {columns}) VALUES ('delete', old.rowid, {old});\n"
        f"  INSERT INTO claims_fts (rowid, {columns}) VALUES (new.rowid, {new});\nEND",
    ]
    statements += [f"CREATE VIEW {view.name} AS -- {_sql_comment(view.doc)}\n{view.sql}" for view in VIEWS]
    return statements


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def table_rows(dataset: Dataset, claims: Sequence[ClaimRecord]) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every data table (all but ``meta``), in column order.

    The registries are exported whole, so every reference from an exported claim
    resolves; claims keep the order given.
    """
    rows: dict[str, list[tuple[Any, ...]]] = {table.name: [] for table in TABLES if table.name != "meta"}
    rows["topics"] = [(t["id"], t["label"], t["description"]) for t in dataset.topics.values()]
    rows["actors"] = [
        (a["id"], a["name"], a["kind"], _json(a["aliases"]), a["state"], a["role"]) for a in dataset.actors.values()
    ]
    rows["sources"] = [
        (s["id"], s["outlet"], s["title"], s["published"], s["published_basis"], s["published_note"],
         s["language"], s["archive"], s["sha256"], s["url"], s["note"])
        for s in dataset.sources.values()
    ]  # fmt: skip
    for claim in claims:
        start, end = iso_bounds(claim["date"])
        rows["claims"].append(
            (claim["id"], claim["date"], start, end, claim["date_basis"],
             claim["date_note"], claim["statement"], claim["topic"], claim["status"], _json(claim["places"]),
             _json(claim["tags"]), claim["note"], "\n".join(e["quote"] for e in claim["evidence"]))
        )  # fmt: skip
        cid = claim["id"]
        rows["claim_actors"] += [(cid, n, actor) for n, actor in enumerate(claim["actors"], 1)]
        rows["claimants"] += [(cid, n, c["actor"], c["text"]) for n, c in enumerate(claim["claimants"], 1)]
        rows["quantities"] += [
            (cid, n, q["value"], q["low"], q["high"], q["unit"], q["qualifier"])
            for n, q in enumerate(claim["quantities"], 1)
        ]
        rows["evidence"] += [(cid, n, e["source"], e["quote"]) for n, e in enumerate(claim["evidence"], 1)]
        rows["related"] += [(cid, n, other) for n, other in enumerate(claim["related"], 1)]
    return rows


def meta_rows(provenance: Provenance, subset: str) -> list[tuple[str, str]]:
    """The ``meta`` table: schema version, rknk and data versions, and the filters used ("" for all)."""
    return [
        ("schema_version", str(SCHEMA_VERSION)),
        *provenance.as_dict().items(),
        ("subset", subset),
    ]


def fill(
    connection: sqlite3.Connection, dataset: Dataset, claims: Sequence[ClaimRecord], meta: Iterable[tuple[str, str]]
) -> None:
    """Create the schema in an empty database and insert the rows, in one transaction.

    Foreign keys are enforced and checked at commit, so a dangling reference
    fails the export instead of shipping.
    """
    connection.isolation_level = None  # the transaction is ours: DDL and inserts commit together
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("BEGIN")
    connection.execute("PRAGMA defer_foreign_keys = ON")  # actors name their state, which may come later
    for statement in create_statements():
        connection.execute(statement)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", meta)
    for name, rows in table_rows(dataset, claims).items():
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    connection.execute("COMMIT")


def write(
    path: Path,
    dataset: Dataset,
    claims: Sequence[ClaimRecord],
    provenance: Provenance,
    *,
    subset: str = "",
    force: bool = False,
) -> None:
    """Write the database to ``path`` atomically; see :func:`rknk.atomic_file.write_atomically`."""
    import sqlite3

    from rknk.atomic_file import write_atomically

    def build(temporary: Path) -> None:
        connection = sqlite3.connect(temporary)
        try:
            fill(connection, dataset, claims, meta_rows(provenance, subset))
        finally:
            connection.close()

    write_atomically(path, build, force=force)


def datasette_metadata(database: str, provenance: Provenance, subset: str = "") -> dict[str, Any]:
    """Datasette's metadata for the database named ``database`` (the file's stem).

    Title, description, licence, source (rknk and the data version), and a
    description of every table, view and column, with facets for the claims.
    """
    from importlib.metadata import metadata

    package = metadata("rknk")
    licence = (package.get_all("License-Expression") or package.get_all("License") or [""])[0]
    links = dict(entry.split(", ", 1) for entry in package.get_all("Project-URL") or [] if ", " in entry)
    tables: dict[str, Any] = {}
    for table in TABLES:
        entry: dict[str, Any] = {"description": table.doc, "columns": {c.name: c.doc for c in table.columns}}
        if table.label:
            entry["label_column"] = table.label
        tables[table.name] = entry
    tables["claims"]["facets"] = ["topic", "status", {"array": "tags"}]
    tables["claims"]["fts_table"] = "claims_fts"
    tables.update({view.name: {"description": view.doc} for view in VIEWS})
    scope = f" This export holds the claims selected by: {subset}." if subset else ""
    return {
        "title": "rknk: Russia–North Korea military relations",
        "description": (
            "Sourced claims about Russia–North Korea military relations, each backed by a verbatim quote "
            "from a news article. Search the claims table; figures, claimants and actors are tables of their own."
            + scope
        ),
        "license": licence,
        "source": f"rknk {provenance.rknk_version}, data {provenance.data_version} (sha256 {provenance.data_sha256})",
        **({"source_url": links["Source"]} if "Source" in links else {}),
        "databases": {database: {"tables": tables}},
    }


def write_metadata(path: Path, metadata: dict[str, Any], *, force: bool = False) -> None:
    """Write Datasette metadata as JSON to ``path``, atomically."""
    from rknk.atomic_file import write_atomically

    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"

    def dump(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    write_atomically(path, dump, force=force)
