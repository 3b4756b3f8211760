"""Typed API errors. Nothing else escapes the client: no KeyError, no JSONDecodeError,
no raw httpx exception. Every error carries what a user or support needs: HTTP
status, error code, the server's message and the request id when there is one.
Texts never contain an API key."""

from __future__ import annotations


class ApiError(Exception):
    """Base of every error the API layer raises."""

    status: int | None = None

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None,
                 request_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.code = code
        self.request_id = request_id
        # True when an earlier attempt of the same call was sent and its answer lost.
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
        self.existing_id = existing_id
        self.existing_status = existing_status


class ValidationFailed(ApiError):
    """400/422: the server refused a value; ``field`` names it when it can be told."""

    def __init__(self, message: str, *, field: str | None = None, **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.field = field


class UnknownTag(ValidationFailed):
    """400 unknown_tag: a tag that does not exist in the tenant."""

    def __init__(self, message: str, *, tag: str | None = None, **kw: object) -> None:
        super().__init__(message, field="tags", **kw)
        self.tag = tag


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


class ProtocolError(ApiError):
    """An answer we cannot read: not JSON, or not the documented shape."""
