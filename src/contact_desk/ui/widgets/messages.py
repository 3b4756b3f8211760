"""What went wrong, in words a user understands (translated), with the request id."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from contact_desk.accounts import AccountError, KeyMissing, KeyringLocked, KeyringProblem
from contact_desk.api import errors


def describe(exc: BaseException) -> str:
    if isinstance(exc, errors.Unauthorized):
        text = QCoreApplication.translate(
            "messages",
            "The server refused this account's API key. It may be wrong, revoked or expired: "
            "edit the account and enter a valid key.",
        )
    elif isinstance(exc, errors.Forbidden):
        text = QCoreApplication.translate(
            "messages",
            "This key is not allowed to do that (it can only read). Ask for a key with the "
            "contacts:write scope.",
        )
    elif isinstance(exc, errors.OutcomeUnknown):
        text = QCoreApplication.translate(
            "messages",
            "The server may have created this contact, but its answer was lost and Contact Desk "
            "could not find it among the newest contacts. Check the list before trying again.",
        )
    elif isinstance(exc, errors.RequestTimeout):
        text = QCoreApplication.translate(
            "messages", "The server did not answer in time. Check your connection and try again."
        )
    elif isinstance(exc, errors.NetworkError):
        text = QCoreApplication.translate(
            "messages", "Cannot reach the server. Check your connection and try again."
        )
    elif isinstance(exc, errors.RateLimited):
        text = QCoreApplication.translate(
            "messages", "The server is receiving too many requests. Wait a moment and try again."
        )
    elif isinstance(exc, errors.ServerError):
        text = QCoreApplication.translate(
            "messages", "The server had a problem and could not answer. Try again in a moment."
        )
    elif isinstance(exc, errors.ProtocolError):
        text = QCoreApplication.translate("messages", "The server sent an answer Contact Desk cannot read.")
    elif isinstance(exc, errors.NotFound):
        text = QCoreApplication.translate("messages", "This contact no longer exists.")
    elif isinstance(exc, errors.ConfigurationError):
        text = QCoreApplication.translate(
            "messages", "This account's settings are not valid: {detail}"
        ).format(detail=exc.message)
    elif isinstance(exc, errors.ApiError):
        text = QCoreApplication.translate("messages", "The server said: {message}").format(
            message=exc.message
        )
    elif isinstance(exc, KeyMissing):
        return QCoreApplication.translate(
            "messages",
            "No API key is stored for {name}. Open Accounts…, select the account, type its key and "
            "press Save.",
        ).format(name=exc.account_name)
    elif isinstance(exc, KeyringLocked):
        return QCoreApplication.translate(
            "messages", "The system keyring is locked. Unlock it (your login password usually does) "
            "and press Retry.")
    elif isinstance(exc, KeyringProblem | AccountError):
        return str(exc)
    else:
        text = QCoreApplication.translate("messages", "Something unexpected went wrong: {error}").format(
            error=type(exc).__name__
        )
    return with_request_id(text, getattr(exc, "request_id", None))


def with_request_id(text: str, request_id: str | None) -> str:
    """``text`` and, when the server gave one, "(request id …)": what support asks for."""
    if not request_id:
        return text
    return text + " " + QCoreApplication.translate("messages", "(request id {rid})").format(rid=request_id)
