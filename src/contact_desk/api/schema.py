"""Field schemas: what each dialect's contacts hold and how they are edited.

The UI builds its columns, filter bar and forms from these, so one table model
and one form serve every dialect. Labels are English source texts marked for
Qt's translation tools with ``QT_TRANSLATE_NOOP`` (a no-op here; the UI
translates them in the "fields" context).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class Kind(Enum):
    TEXT = "text"
    MULTILINE = "multiline"
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    ENUM = "enum"
    TAGS = "tags"
    DATE = "date"
    TIMESTAMP = "timestamp"
    COUNTRY = "country"
    ID = "id"


class Paging(Enum):
    CURSOR = "cursor"  # opaque next cursor, no total
    PAGE = "page"  # page numbers with totals


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    name: str  # the API's field name
    attr: str  # the attribute on the contact struct
    label: str
    kind: Kind = Kind.TEXT
    choices: tuple[Choice, ...] = ()
    creatable: bool = False
    patchable: bool = False
    required: bool = False
    open_choices: bool = False  # enum whose list the vendor leaves open ("contract, consent, ...")
    column: bool = True  # offered as a table column
    shown: bool = True  # a visible column by default
    group: str = ""

    def choice_label(self, value: str | None) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value or ""


@dataclass(frozen=True)
class Filter:
    name: str  # query parameter
    label: str
    kind: Kind  # ENUM for a choice, TEXT for free-text search
    choices: tuple[Choice, ...] = ()
    flag: bool = False  # a true/false switch (includeArchived)


@dataclass(frozen=True)
class DialectSchema:
    dialect: str
    title: str
    fields: tuple[Field, ...]
    filters: tuple[Filter, ...]
    paging: Paging
    max_page_size: int
    default_base_url: str
    search: bool = False
    at_least_one: tuple[str, ...] = ()  # create needs one of these non-empty

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def creatable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.creatable)

    @property
    def patchable(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.patchable)

    @property
    def columns(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.column)


def _t(text: str) -> str:
    return QT_TRANSLATE_NOOP("fields", text)


EMAIL_STATUS = (
    Choice("active", _t("Active")), Choice("unsubscribed", _t("Unsubscribed")),
    Choice("bounced", _t("Bounced")), Choice("complained", _t("Complained")),
    Choice("suppressed", _t("Suppressed")), Choice("pending_review", _t("Pending review")),
)
STAGE = (
    Choice("lead", _t("Lead")), Choice("prospect", _t("Prospect")),
    Choice("customer", _t("Customer")), Choice("ex_customer", _t("Former customer")),
)
CONSENT = (
    Choice("contract", _t("Contract")), Choice("consent", _t("Consent")),
    Choice("legitimate_interest", _t("Legitimate interest")),
)

SMARTCQ = DialectSchema(
    dialect="smartcq",
    title="SmartCQ",
    default_base_url="https://app.smartcq.it",
    paging=Paging.CURSOR,
    max_page_size=200,
    fields=(
        Field("email", "email", _t("Email"), Kind.EMAIL, creatable=True, required=True),
        Field("firstName", "first_name", _t("First name"), creatable=True, patchable=True),
        Field("lastName", "last_name", _t("Last name"), creatable=True, patchable=True),
        Field("emailStatus", "email_status", _t("Email status"), Kind.ENUM, EMAIL_STATUS, patchable=True),
        Field("stage", "stage", _t("Stage"), Kind.ENUM, STAGE, patchable=True),
        Field("consentType", "consent_type", _t("Consent"), Kind.ENUM, CONSENT, creatable=True,
              patchable=True, open_choices=True),
        Field("tags", "tags", _t("Tags"), Kind.TAGS, creatable=True),
        Field("source", "source", _t("Source"), shown=False),
        Field("createdAt", "created_at", _t("Created"), Kind.TIMESTAMP),
        Field("updatedAt", "updated_at", _t("Updated"), Kind.TIMESTAMP, shown=False),
        Field("acquiredAt", "acquired_at", _t("Acquired"), Kind.TIMESTAMP, shown=False),
        Field("archivedAt", "archived_at", _t("Archived"), Kind.TIMESTAMP, shown=False),
        Field("id", "id", _t("ID"), Kind.ID, shown=False),
    ),
    filters=(
        Filter("emailStatus", _t("Email status"), Kind.ENUM, EMAIL_STATUS),
        Filter("stage", _t("Stage"), Kind.ENUM, STAGE),
        Filter("includeArchived", _t("Include archived"), Kind.ENUM, flag=True),
    ),
)

def _editable(name: str, attr: str, label: str, kind: Kind = Kind.TEXT, *, group: str = "",
              shown: bool = True, column: bool = True) -> Field:
    return Field(name, attr, label, kind, creatable=True, patchable=True, group=group, shown=shown,
                 column=column)


REPLICER = DialectSchema(
    dialect="replicer",
    title="Replicer",
    default_base_url="https://api.replicer.ai",
    paging=Paging.PAGE,
    max_page_size=100,
    search=True,
    at_least_one=("firstName", "lastName", "company", "phoneNumber", "email"),
    fields=(
        _editable("firstName", "first_name", _t("First name"), group=_t("Person")),
        _editable("lastName", "last_name", _t("Last name"), group=_t("Person")),
        _editable("email", "email", _t("Email"), Kind.EMAIL, group=_t("Person")),
        _editable("phoneNumber", "phone_number", _t("Phone"), Kind.PHONE, group=_t("Person")),
        _editable("birthday", "birthday", _t("Birthday"), Kind.DATE, group=_t("Person"), shown=False),
        _editable("company", "company", _t("Company"), group=_t("Company")),
        _editable("jobTitle", "job_title", _t("Job title"), group=_t("Company")),
        _editable("website", "website", _t("Website"), Kind.URL, group=_t("Company"), shown=False),
        _editable("street", "street", _t("Street"), group=_t("Address"), shown=False),
        _editable("city", "city", _t("City"), group=_t("Address")),
        _editable("state", "state", _t("Province / state"), group=_t("Address"), shown=False),
        _editable("postalCode", "postal_code", _t("Postal code"), group=_t("Address"), shown=False),
        _editable("country", "country", _t("Country"), Kind.COUNTRY, group=_t("Address")),
        _editable("notes", "notes", _t("Notes"), Kind.MULTILINE, column=False),
        Field("createdAt", "created_at", _t("Created"), Kind.TIMESTAMP, shown=False),
        Field("updatedAt", "updated_at", _t("Updated"), Kind.TIMESTAMP, shown=False),
        Field("id", "id", _t("ID"), Kind.ID, shown=False),
    ),
    filters=(Filter("search", _t("Search"), Kind.TEXT),),
)

SCHEMAS = {s.dialect: s for s in (SMARTCQ, REPLICER)}
