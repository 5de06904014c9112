"""The data model: the single source of truth for validation, JSON Schema and JSON output.

Every model forbids unknown fields, so a typo in curated data fails loudly
instead of being dropped. Field names here are the public contract: the data
files, ``rknk schema`` and every ``--json`` output use them unchanged.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from rknk.dates import check_claim_date

_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$"
_PARTIAL_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, Field(pattern=_ID_PATTERN, max_length=120)]
ClaimDate = Annotated[
    str,
    Field(pattern=_DATE_PATTERN, examples=["2024", "2024-06", "2024-06-19", "2024-06-18/2024-06-19"]),
    AfterValidator(check_claim_date),
]
PartialDate = Annotated[str, Field(pattern=_PARTIAL_PATTERN), AfterValidator(check_claim_date)]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class DateBasis(StrEnum):
    """How a date was established."""

    STATED = "stated"
    INFERRED = "inferred"
    PUBLICATION = "publication"


class Status(StrEnum):
    """How a claim is asserted by its claimants."""

    REPORTED = "reported"
    STATED = "stated"
    ALLEGED = "alleged"
    DENIED = "denied"
    ESTIMATE = "estimate"
    ASSESSMENT = "assessment"
    DISPUTED = "disputed"


class Qualifier(StrEnum):
    """How exact a quantity is, as the source words it."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more-than"
    AT_LEAST = "at-least"
    UP_TO = "up-to"
    RANGE = "range"


class ActorKind(StrEnum):
    STATE = "state"
    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"


class Quantity(_Strict):
    """A number the claim states, with the source's own hedging."""

    value: int | float
    low: int | float | None = None
    high: int | float | None = None
    unit: Text
    qualifier: Qualifier

    @model_validator(mode="after")
    def _bounds_in_order(self) -> Self:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low is greater than high")
        return self


class Claimant(_Strict):
    """Who asserts a claim: a registered actor, a free-text attribution, or both."""

    actor: Slug | None = None
    text: Text | None = None

    @model_validator(mode="after")
    def _actor_or_text(self) -> Self:
        if self.actor is None and self.text is None:
            raise ValueError("a claimant needs an actor id or a text")
        return self


class Evidence(_Strict):
    """A short verbatim quote, in the source's language, that backs the claim."""

    source: Slug
    quote: Text


class Claim(_Strict):
    """One sourced statement about Russia–North Korea relations."""

    id: Slug
    date: ClaimDate
    date_basis: DateBasis
    date_note: Text | None = None
    statement: Text
    topic: Slug
    actors: list[Slug] = []
    claimants: Annotated[list[Claimant], Field(min_length=1)]
    status: Status
    quantities: list[Quantity] = []
    places: list[Text] = []
    evidence: Annotated[list[Evidence], Field(min_length=1)]
    tags: list[Slug] = []
    related: list[Slug] = []
    note: Text | None = None


class Source(_Strict):
    """A news article that claims quote from, archived as a text file outside the project."""

    id: Slug
    outlet: Text
    title: Text | None = None
    published: PartialDate
    published_basis: DateBasis
    published_note: Text | None = None
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}$")]
    archive: Annotated[str, Field(pattern=r"^[A-Za-z0-9._-]+$")]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    url: str | None = None
    note: Text | None = None
    """Credits and caveats: republication, attribution of the outlet, authorship."""


class Actor(_Strict):
    """A state, person, organisation or outlet that claims involve or cite."""

    id: Slug
    name: Text
    kind: ActorKind
    aliases: list[Text] = []
    state: Slug | None = None
    role: Text | None = None


class Topic(_Strict):
    id: Slug
    label: Text
    description: Text
