"""Typed API errors. Nothing else escapes the client: no KeyError, no JSONDecodeError,
no raw httpx exception. Every error carries what a user or support needs: HTTP
status, error code, the server's message and the request id when there is one.
Texts never contain an API key."""

from __future__ import annotations

import unicodedata

MAX_SERVER_TEXT = 2000  # characters of a server's message we keep; the rest is cut


def clean_text(text: object, limit: int = MAX_SERVER_TEXT) -> str:
    """A server-provided text made safe to print or show: no control or format
    characters (ANSI escapes, bidi overrides, NUL), white space folded, at most
    ``limit`` characters. Linear in the input."""
    raw = str(text)[: limit * 4]
    out = []
    for ch in raw:
        if ch in "\t\n\r\v\f":
            out.append(" ")
        elif ch == "\u200d" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"):
            out.append(ch)
    cleaned = " ".join("".join(out).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def clean_optional(text: object | None) -> str | None:
    return (clean_text(text, 200) or None) if text is not None else None


class ApiError(Exception):
    """Base of every error the API layer raises."""

    status: int | None = None

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 request_id: str | None = None) -> None:
        message = clean_text(message) or "No message"
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.code = clean_optional(code)
        self.request_id = clean_optional(request_id)
        # True when an attempt of this call reached the server but its answer was lost
        # (cut, timed out, unreadable): the server may have carried it out.
        self.after_lost_answer = False

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.request_id:
            parts.append(f"request id {self.request_id}")
        return parts[0] + (f" ({', '.join(parts[1:])})" if len(parts) > 1 else "")


class ConfigurationError(ApiError, ValueError):
    """A base URL or setting the client refuses before sending anything."""


class FilterNotOffered(ConfigurationError):
    """A filter the dialect lacks (``name``: the API's, e.g. "stage")."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name


class Unauthorized(ApiError):
    """401: the key is wrong, revoked or missing."""

    status = 401


class Forbidden(ApiError):
    """403: the key lacks a scope (usually contacts:write)."""

    status = 403


class NotFound(ApiError):
    """404: no such contact, or it belongs to another tenant."""

    status = 404


class Conflict(ApiError):
    """409: a contact with this email already exists."""

    status = 409

    def __init__(self, message: str, *, existing_id: str | None, existing_status: str | None,
                 **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.existing_id = clean_optional(existing_id)
        self.existing_status = clean_optional(existing_status)


class ValidationFailed(ApiError):
    """400/422: the server refused a value; ``field`` names it when it can be told."""

    def __init__(self, message: str, *, field: str | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.field = field


class UnknownTag(ValidationFailed):
    """400 unknown_tag: a tag that does not exist in the tenant."""

    def __init__(self, message: str, *, tag: str | None = None, **kw: object) -> None:
        super().__init__(message, field="tags", **kw)
        self.tag = clean_optional(tag)


class NotSupported(ApiError):
    """405/501: this server does not offer the operation (e.g. editing)."""


class RateLimited(ApiError):
    """429 after the retries: too many requests."""

    status = 429

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx after the retries."""


class NetworkError(ApiError):
    """No usable answer: the connection failed, timed out or was cut."""


class RequestTimeout(NetworkError):
    """The server did not answer in time."""


class NameNotFound(NetworkError):
    """The server's name is not known to the name service (DNS): misspelt, or the network lacks it."""


class ConnectionRefused(NetworkError):
    """Nothing answers at the server's address and port."""


class ProxyUnreachable(NetworkError):
    """The proxy the request was to go through cannot be reached."""

    def __init__(self, message: str, *, proxy: str, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.proxy = proxy  # as shown: never a password


class ProxyRefused(ApiError):
    """The proxy refused the connection (403) or asked for credentials (407)."""

    def __init__(self, message: str, *, proxy: str, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.proxy = proxy


class CertificateProblem(ApiError):
    """The server's certificate was refused: nobody we trust issued it (a company inspecting secure
    connections whose certificate is not installed), it expired or is not valid yet, or it is for
    another name. Not "unreachable": trying again, or offline, does not help; the words do."""

    UNTRUSTED, EXPIRED, NOT_YET, OTHER_NAME = "untrusted", "expired", "not-yet-valid", "other-name"

    def __init__(self, message: str, *, reason: str, detail: str = "", **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.reason, self.detail = reason, clean_text(detail)


class ProtocolError(ApiError):
    """An answer we cannot read: not JSON, not the documented shape, too large, or a
    listing that does not move forward."""


class OutcomeUnknown(NetworkError):
    """A change reached the server but its answer was lost, and looking for its effect
    did not settle whether it was carried out."""


def unreachable(exc: BaseException) -> bool:
    """The server was not reached: a connection refused, cut or timed out before it could act.
    Not an answer, and never a request whose outcome is unknown (it might have been done)."""
    return isinstance(exc, NetworkError) and not isinstance(exc, OutcomeUnknown)


def retryable(exc: BaseException) -> bool:
    """Safe to send again later: the server was not reached, or it asked us to wait (429)."""
    return unreachable(exc) or isinstance(exc, RateLimited)


def unavailable(exc: BaseException) -> bool:
    """The server cannot serve now (not reached, 429, 5xx): a read may fall back on the offline copy."""
    return retryable(exc) or isinstance(exc, ServerError | OutcomeUnknown)
