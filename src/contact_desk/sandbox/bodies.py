"""Validation of request bodies and query strings, as each vendor's server does it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contact_desk.sandbox import rules
from contact_desk.sandbox.store import SandboxError


def _invalid(field: str, message: str) -> SandboxError:
    return SandboxError(400, "validation_error", f"{field}: {message}", field=field)


def json_object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise SandboxError(400, "bad_request", "Il body deve essere un oggetto JSON")
    return body


def _only(body: Mapping[str, Any], allowed: tuple[str, ...], verb: str) -> None:
    for key in body:
        if key not in allowed:
            raise _invalid(key, f"campo non ammesso in {verb}")


def has_nul(value: str) -> bool:
    return "\x00" in value


def _optional_text(body: Mapping[str, Any], field: str) -> None:
    value = body.get(field)
    if value is not None and not isinstance(value, str):
        raise _invalid(field, "deve essere una stringa")
    if isinstance(value, str) and has_nul(value):
        raise _invalid(field, "non può contenere il carattere NUL")


def int_param(query: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(name, f"deve essere un intero tra {low} e {high}") from None
    if not low <= value <= high:
        raise _invalid(name, f"deve essere un intero tra {low} e {high}")
    return value


def enum_param(query: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str | None:
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    if raw not in choices:
        raise _invalid(name, f"valore sconosciuto '{raw}' (ammessi: {', '.join(choices)})")
    return raw


def bool_param(query: Mapping[str, str], name: str) -> bool:
    raw = (query.get(name) or "false").lower()
    if raw in ("true", "1"):
        return True
    if raw in ("false", "0"):
        return False
    raise _invalid(name, "deve essere true o false")


# -- SmartCQ -------------------------------------------------------------------
def scq_create(raw: Any) -> dict[str, Any]:
    body = json_object(raw)
    _only(body, rules.SCQ_CREATE_FIELDS, "creazione")
    email = body.get("email")
    if not isinstance(email, str) or not email.strip():
        raise _invalid("email", "obbligatoria")
    if not rules.valid_email(email.strip()):
        raise _invalid("email", "indirizzo non valido")
    for field in ("firstName", "lastName", "consentType"):
        _optional_text(body, field)
    tags = body.get("tags")
    if tags is not None and (not isinstance(tags, list) or not all(isinstance(t, str) for t in tags)):
        raise _invalid("tags", "deve essere una lista di nomi di tag")
    return {**body, "email": email.strip()}


def scq_patch(raw: Any) -> dict[str, Any]:
    body = json_object(raw)
    for key in body:
        if key not in rules.SCQ_PATCH_FIELDS:
            raise _invalid(key, "campo non modificabile")
    for field in ("firstName", "lastName", "consentType"):
        _optional_text(body, field)
    for field, choices in (("emailStatus", rules.EMAIL_STATUSES), ("stage", rules.STAGES)):
        if field in body and body[field] not in choices:
            raise _invalid(field, f"valore sconosciuto {body[field]!r} (ammessi: {', '.join(choices)})")
    return body


# -- Replicer ------------------------------------------------------------------
def _rpl_invalid(field: str, message: str) -> SandboxError:
    return SandboxError(400, "validation_error", f"Invalid {field}: {message}", field=field)


def rpl_values(body: Any) -> dict[str, Any]:
    """Checks and normalises the given fields (create and patch alike)."""
    if not isinstance(body, dict):
        raise SandboxError(400, "bad_request", "Request body must be a JSON object")
    out: dict[str, Any] = {}
    for key, value in body.items():
        if key not in rules.RPL_FIELDS:
            raise _rpl_invalid(key, "unknown field")
        if value is not None and not isinstance(value, str):
            raise _rpl_invalid(key, "must be a string or null")
        if isinstance(value, str) and has_nul(value):
            raise _rpl_invalid(key, "must not contain NUL characters")
        text = value.strip() if isinstance(value, str) else None
        out[key] = text or None
    checks = (
        ("phoneNumber", rules.valid_e164, "must be in E.164 format, e.g. +393331234567"),
        ("email", rules.valid_email, "not a valid email address"),
        ("website", rules.valid_url, "must be an http(s) URL"),
        ("country", rules.valid_country, "must be an ISO 3166-1 alpha-2 code, e.g. IT"),
    )
    for field, ok, message in checks:
        if out.get(field) is not None and not ok(out[field]):
            raise _rpl_invalid(field, message)
    if out.get("country"):
        out["country"] = out["country"].upper()
    if out.get("birthday") is not None:
        day = rules.normalise_birthday(out["birthday"])
        if day is None:
            raise _rpl_invalid("birthday", "must be an ISO 8601 date, e.g. 1990-03-15")
        out["birthday"] = day
    return out


def rpl_require_one(contact: Mapping[str, Any]) -> None:
    if not any(contact.get(f) for f in rules.RPL_AT_LEAST_ONE):
        raise SandboxError(
            400, "validation_error",
            "At least one of firstName, lastName, company, phoneNumber or email is required",
        )
