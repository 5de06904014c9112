"""The data model: the single source of truth for validation, JSON Schema and JSON output.

Every model forbids unknown fields and is strict about types: a number must be
a JSON number, a string a JSON string, so a typo (``"10000"``, ``true``) fails
loudly instead of being rewritten. Text must hold real characters, so a blank
or whitespace-only quote cannot pass for evidence. Field names here are the
public contract: the data files, ``rknk schema`` and every ``--json`` output
use them unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

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

#: Letters or digits a statement or an evidence quote must hold at the least:
#: fewer cannot say anything a reader could check against the article.
MIN_EVIDENCE_CHARACTERS = 10


#: The ASCII characters of categories Z and C: the space and the controls.
_ASCII_BLANK = "".join(map(chr, range(33))) + "\x7f"


def _visible(text: str) -> str:
    # Separators (Z*) and controls, format characters and surrogates (C*) show
    # nothing on a page: a text made only of them is blank.
    if text.isascii():
        visible = bool(text.strip(_ASCII_BLANK))
    else:
        visible = any(unicodedata.category(char)[0] not in "ZC" for char in text)
    if not visible:
        raise ValueError("must not be blank: it holds no visible character")
    return text


#: Enough letters or digits in an ASCII text, which holds no others of categories L and N:
#: checked in one regular expression instead of a loop over characters.
_ENOUGH_ASCII_ALNUM = re.compile(rf"(?:[^0-9A-Za-z]*[0-9A-Za-z]){{{MIN_EVIDENCE_CHARACTERS}}}")


def _substantial(text: str) -> str:
    # Counts only as far as it must: a cold build checks a million quotes.
    if text.isascii() and _ENOUGH_ASCII_ALNUM.match(text):
        return text
    found = 0
    for char in text:
        if unicodedata.category(char)[0] in "LN":
            found += 1
            if found == MIN_EVIDENCE_CHARACTERS:
                return text
    if found < MIN_EVIDENCE_CHARACTERS:
        raise ValueError(
            f"must hold at least {MIN_EVIDENCE_CHARACTERS} letters or digits, found {found}: "
            "a blank or near-blank text cannot be checked against its source"
        )
    return text


def _json_number(value: Any) -> Any:
    # bool is an int to Python but never a number in JSON; strict mode alone would
    # report each branch of the union separately.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a JSON number, not {_json_kind(value)}")
    return value


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__


Text = Annotated[str, Field(min_length=1, description="At least one visible character."), AfterValidator(_visible)]
#: A statement or quote: enough letters or digits to be checked against a source.
Evidential = Annotated[
    str,
    Field(description=f"At least {MIN_EVIDENCE_CHARACTERS} letters or digits."),
    AfterValidator(_substantial),
]
Number = Annotated[int | float, BeforeValidator(_json_number)]
#: ``renamed.json``: each retired claim id, mapped to the id of the claim that replaced it.
Renamed = dict[Slug, Slug]


class _Strict(BaseModel):
    # strict: no coercion between JSON types. Enumerations opt back out (see
    # _Choice below): in strict mode Pydantic wants enum members, not the strings
    # JSON holds, and a string that is not a member is refused either way.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, strict=True)


#: Marks an enumeration field as matched by its JSON string (see _Strict).
_CHOICE = Field(strict=False)


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

    value: Number
    low: Number | None = None
    high: Number | None = None
    unit: Text
    qualifier: Annotated[Qualifier, _CHOICE]

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
    quote: Evidential


class Claim(_Strict):
    """One sourced statement about Russia–North Korea relations."""

    id: Slug
    date: ClaimDate
    date_basis: Annotated[DateBasis, _CHOICE]
    date_note: Text | None = None
    statement: Evidential
    topic: Slug
    actors: list[Slug] = []
    claimants: Annotated[list[Claimant], Field(min_length=1)]
    status: Annotated[Status, _CHOICE]
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
    published_basis: Annotated[DateBasis, _CHOICE]
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
    kind: Annotated[ActorKind, _CHOICE]
    aliases: list[Text] = []
    state: Slug | None = None
    role: Text | None = None


class Topic(_Strict):
    id: Slug
    label: Text
    description: Text
