"""What the sandbox accepts: enums, field lists and value checks of both dialects.

Kept apart from ``contact_desk.api`` on purpose: the sandbox plays the vendor's
server, so a client mistake must not be hidden by a shared constant.
"""

from __future__ import annotations

import re
from datetime import date, datetime

EMAIL_STATUSES = ("active", "unsubscribed", "bounced", "complained", "suppressed", "pending_review")
STAGES = ("lead", "prospect", "customer", "ex_customer")

SCQ_CREATE_FIELDS = ("email", "firstName", "lastName", "consentType", "tags")
SCQ_PATCH_FIELDS = ("firstName", "lastName", "emailStatus", "stage", "consentType")

RPL_FIELDS = (
    "firstName", "lastName", "company", "jobTitle", "phoneNumber", "email", "street",
    "city", "state", "postalCode", "country", "website", "birthday", "notes",
)
RPL_AT_LEAST_ONE = ("firstName", "lastName", "company", "phoneNumber", "email")

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"^[^@\s\"<>(),;:\x00-\x1f\x7f]+@{_LABEL}(?:\.{_LABEL})+$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def valid_email(value: str) -> bool:
    return len(value) <= 254 and _EMAIL.match(value) is not None


def valid_e164(value: str) -> bool:
    return _E164.match(value) is not None


def valid_url(value: str) -> bool:
    return _URL.match(value) is not None


def valid_country(value: str) -> bool:
    return _COUNTRY.match(value) is not None


def normalise_birthday(value: str) -> str | None:
    """An ISO 8601 date or date-time as the vendor stores it, or None when invalid."""
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
        else:
            day = datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
    return f"{day.isoformat()}T00:00:00Z"
