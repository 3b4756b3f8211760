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
    computed: bool = False  # derived from other fields: a table column only, never sent or exported

    def choice_label(self, value: str | None) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        return value or ""


# "Full name" (first and last) as one column, offered by the column chooser, hidden by default.
NAME_COLUMN = Field("name", "full_name", QT_TRANSLATE_NOOP("fields", "Full name"), shown=False, computed=True)


@dataclass(frozen=True)
class Filter:
    name: str  # query parameter
    label: str
    kind: Kind  # ENUM for a choice, TEXT for free-text search
    choices: tuple[Choice, ...] = ()
    flag: bool = False  # a true/false switch (archived contacts too)
    attr: str = ""  # the Query attribute that holds it
    option: str = ""  # the command line's flag for it
    help: str = ""  # the command line's help for it (English)


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
    # A create of an email that exists is refused with a 409 naming the existing contact, so an
    # import need not look for it first (SmartCQ); else the import searches before it creates.
    conflict_names_existing: bool = False
    conflict_field: str | None = None  # the field a 409 concerns (what the form marks)
    cli_columns: tuple[str, ...] = ()  # the attributes `contact-desk search` shows as a table

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

    @property
    def tags_known_by_copy(self) -> bool:
        """Tags exist only as the tenant has them and no endpoint lists them: the offline
        copy's tags are all we know of (SmartCQ)."""
        return any(f.kind is Kind.TAGS for f in self.fields)

    @property
    def lists_archived_on_request(self) -> bool:
        """Archived contacts are listed only when a filter asks for them (SmartCQ)."""
        return any(f.attr == "include_archived" for f in self.filters)

    @property
    def stored(self) -> tuple[Field, ...]:
        """The fields the API has (not the computed ones): what details and exports show."""
        return tuple(f for f in self.fields if not f.computed)


EMAIL_STATUS = (
    Choice("active", QT_TRANSLATE_NOOP("fields", "Active")),
    Choice("unsubscribed", QT_TRANSLATE_NOOP("fields", "Unsubscribed")),
    Choice("bounced", QT_TRANSLATE_NOOP("fields", "Bounced")),
    Choice("complained", QT_TRANSLATE_NOOP("fields", "Complained")),
    Choice("suppressed", QT_TRANSLATE_NOOP("fields", "Suppressed")),
    Choice("pending_review", QT_TRANSLATE_NOOP("fields", "Pending review")),
)
STAGE = (
    Choice("lead", QT_TRANSLATE_NOOP("fields", "Lead")),
    Choice("prospect", QT_TRANSLATE_NOOP("fields", "Prospect")),
    Choice("customer", QT_TRANSLATE_NOOP("fields", "Customer")),
    Choice("ex_customer", QT_TRANSLATE_NOOP("fields", "Former customer")),
)
CONSENT = (
    Choice("contract", QT_TRANSLATE_NOOP("fields", "Contract")),
    Choice("consent", QT_TRANSLATE_NOOP("fields", "Consent")),
    Choice("legitimate_interest", QT_TRANSLATE_NOOP("fields", "Legitimate interest")),
)

# Not listed by the vendor's doc (its example says "manual"): the values the sandbox and tenants
# send get labels; any other is shown as sent (open choices).
SOURCE = (
    Choice("manual", QT_TRANSLATE_NOOP("fields", "Entered by hand")),
    Choice("import", QT_TRANSLATE_NOOP("fields", "Import")),
    Choice("form", QT_TRANSLATE_NOOP("fields", "Web form")),
    Choice("api", QT_TRANSLATE_NOOP("fields", "API")),
    Choice("event", QT_TRANSLATE_NOOP("fields", "Event")),
)

SMARTCQ = DialectSchema(
    dialect="smartcq",
    title="SmartCQ",
    default_base_url="https://app.smartcq.it",
    paging=Paging.CURSOR,
    max_page_size=200,
    conflict_names_existing=True,
    conflict_field="email",
    cli_columns=("full_name", "email", "stage", "email_status"),
    fields=(
        NAME_COLUMN,
        Field(
            "email", "email", QT_TRANSLATE_NOOP("fields", "Email"), Kind.EMAIL, creatable=True, required=True
        ),
        Field(
            "firstName",
            "first_name",
            QT_TRANSLATE_NOOP("fields", "First name"),
            creatable=True,
            patchable=True,
        ),
        Field(
            "lastName", "last_name", QT_TRANSLATE_NOOP("fields", "Last name"), creatable=True, patchable=True
        ),
        Field(
            "emailStatus",
            "email_status",
            QT_TRANSLATE_NOOP("fields", "Email status"),
            Kind.ENUM,
            EMAIL_STATUS,
            patchable=True,
        ),
        Field("stage", "stage", QT_TRANSLATE_NOOP("fields", "Stage"), Kind.ENUM, STAGE, patchable=True),
        Field(
            "consentType",
            "consent_type",
            QT_TRANSLATE_NOOP("fields", "Consent"),
            Kind.ENUM,
            CONSENT,
            creatable=True,
            patchable=True,
            open_choices=True,
        ),
        Field("tags", "tags", QT_TRANSLATE_NOOP("fields", "Tags"), Kind.TAGS, creatable=True),
        Field("source", "source", QT_TRANSLATE_NOOP("fields", "Source"), Kind.ENUM, SOURCE, shown=False,
              open_choices=True),
        Field("createdAt", "created_at", QT_TRANSLATE_NOOP("fields", "Created"), Kind.TIMESTAMP),
        Field("updatedAt", "updated_at", QT_TRANSLATE_NOOP("fields", "Updated"), Kind.TIMESTAMP, shown=False),
        Field(
            "acquiredAt", "acquired_at", QT_TRANSLATE_NOOP("fields", "Acquired"), Kind.TIMESTAMP, shown=False
        ),
        Field(
            "archivedAt", "archived_at", QT_TRANSLATE_NOOP("fields", "Archived"), Kind.TIMESTAMP, shown=False
        ),
        Field("id", "id", QT_TRANSLATE_NOOP("fields", "ID"), Kind.ID, shown=False),
    ),
    filters=(
        Filter("emailStatus", QT_TRANSLATE_NOOP("fields", "Email status"), Kind.ENUM, EMAIL_STATUS,
               attr="email_status", option="--email-status", help="only this emailStatus"),
        Filter("stage", QT_TRANSLATE_NOOP("fields", "Stage"), Kind.ENUM, STAGE, attr="stage",
               option="--stage", help="only this stage"),
        Filter("includeArchived", QT_TRANSLATE_NOOP("fields", "Include archived"), Kind.ENUM, flag=True,
               attr="include_archived", option="--include-archived", help="archived contacts too"),
    ),
)


def _editable(
    name: str,
    attr: str,
    label: str,
    kind: Kind = Kind.TEXT,
    *,
    group: str = "",
    shown: bool = True,
    column: bool = True,
) -> Field:
    return Field(
        name, attr, label, kind, creatable=True, patchable=True, group=group, shown=shown, column=column
    )


REPLICER = DialectSchema(
    dialect="replicer",
    title="Replicer",
    default_base_url="https://api.replicer.ai",
    paging=Paging.PAGE,
    max_page_size=100,
    search=True,
    cli_columns=("full_name", "email", "phone_number", "company", "city"),
    at_least_one=("firstName", "lastName", "company", "phoneNumber", "email"),
    fields=(
        NAME_COLUMN,
        _editable(
            "firstName",
            "first_name",
            QT_TRANSLATE_NOOP("fields", "First name"),
            group=QT_TRANSLATE_NOOP("fields", "Person"),
        ),
        _editable(
            "lastName",
            "last_name",
            QT_TRANSLATE_NOOP("fields", "Last name"),
            group=QT_TRANSLATE_NOOP("fields", "Person"),
        ),
        _editable(
            "email",
            "email",
            QT_TRANSLATE_NOOP("fields", "Email"),
            Kind.EMAIL,
            group=QT_TRANSLATE_NOOP("fields", "Person"),
        ),
        _editable(
            "phoneNumber",
            "phone_number",
            QT_TRANSLATE_NOOP("fields", "Phone"),
            Kind.PHONE,
            group=QT_TRANSLATE_NOOP("fields", "Person"),
        ),
        _editable(
            "birthday",
            "birthday",
            QT_TRANSLATE_NOOP("fields", "Birthday"),
            Kind.DATE,
            group=QT_TRANSLATE_NOOP("fields", "Person"),
            shown=False,
        ),
        _editable(
            "company",
            "company",
            QT_TRANSLATE_NOOP("fields", "Company"),
            group=QT_TRANSLATE_NOOP("fields", "Company"),
        ),
        _editable(
            "jobTitle",
            "job_title",
            QT_TRANSLATE_NOOP("fields", "Job title"),
            group=QT_TRANSLATE_NOOP("fields", "Company"),
        ),
        _editable(
            "website",
            "website",
            QT_TRANSLATE_NOOP("fields", "Website"),
            Kind.URL,
            group=QT_TRANSLATE_NOOP("fields", "Company"),
            shown=False,
        ),
        _editable(
            "street",
            "street",
            QT_TRANSLATE_NOOP("fields", "Street"),
            group=QT_TRANSLATE_NOOP("fields", "Address"),
            shown=False,
        ),
        _editable(
            "city", "city", QT_TRANSLATE_NOOP("fields", "City"), group=QT_TRANSLATE_NOOP("fields", "Address")
        ),
        _editable(
            "state",
            "state",
            QT_TRANSLATE_NOOP("fields", "Province / state"),
            group=QT_TRANSLATE_NOOP("fields", "Address"),
            shown=False,
        ),
        _editable(
            "postalCode",
            "postal_code",
            QT_TRANSLATE_NOOP("fields", "Postal code"),
            group=QT_TRANSLATE_NOOP("fields", "Address"),
            shown=False,
        ),
        _editable(
            "country",
            "country",
            QT_TRANSLATE_NOOP("fields", "Country"),
            Kind.COUNTRY,
            group=QT_TRANSLATE_NOOP("fields", "Address"),
        ),
        _editable("notes", "notes", QT_TRANSLATE_NOOP("fields", "Notes"), Kind.MULTILINE, column=False),
        Field("createdAt", "created_at", QT_TRANSLATE_NOOP("fields", "Created"), Kind.TIMESTAMP, shown=False),
        Field("updatedAt", "updated_at", QT_TRANSLATE_NOOP("fields", "Updated"), Kind.TIMESTAMP, shown=False),
        Field("id", "id", QT_TRANSLATE_NOOP("fields", "ID"), Kind.ID, shown=False),
    ),
    filters=(Filter("search", QT_TRANSLATE_NOOP("fields", "Search"), Kind.TEXT, attr="search",
                    option="--search", help="free-text search on the server"),),
)

SCHEMAS = {s.dialect: s for s in (SMARTCQ, REPLICER)}


# The search box when the offline copy searches a dialect whose server cannot.
LOCAL_SEARCH = Filter("search", "", Kind.TEXT, attr="search")


def command_line_filters() -> list[tuple[Filter, tuple[str, ...]]]:
    """Each filter the command line offers (one flag per Query attribute), with the titles of the
    dialects that have it: the CLI's flags are made from these."""
    found: dict[str, tuple[Filter, list[str]]] = {}
    for schema in SCHEMAS.values():
        for f in schema.filters:
            found.setdefault(f.attr, (f, []))[1].append(schema.title)
    return [(f, tuple(titles)) for f, titles in found.values()]
