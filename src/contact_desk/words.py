"""Every failure as the user reads it: one table, Qt-free, used by the command line (English, with
its exit code), the window's messages and the forms' inline errors (translated, context "words").

A row says, for a kind of failure: the command line's exit code, what happened and what to do in
the window's words, and in the command line's where they differ (a command names a command, the
window a menu). ``field`` says which of the form's fields a failure concerns, from the dialect's
schema, never from a field name written here. The request id tail is written in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from contact_desk.accounts import AccountError, KeyMissing, KeyringLocked, KeyringProblem
from contact_desk.api import errors
from contact_desk.api.schema import QT_TRANSLATE_NOOP, DialectSchema, Kind
from contact_desk.files import DiskFull, FileProblem
from contact_desk.mirror.errors import CopyBusy, CopyClosed, CopyDamaged, CopyNotWritten
from contact_desk.mirror.syncing.sync import SyncBusy

CONTEXT = "words"

EXIT_DONE = 0
EXIT_ERROR = 1  # the server failed or answered something unreadable; a file or the copy not written
EXIT_USAGE = 2  # bad input: options, account names, URLs, files
EXIT_AUTH = 3  # the key was refused (401)
EXIT_PERMISSION = 4  # the key lacks permission (403)
EXIT_NETWORK = 5  # cannot connect, timed out, or still rate-limited after retries
EXIT_KEYRING = 6  # the system keyring is missing, locked or failing
EXIT_CONFLICT = 7  # a contact with this email exists
EXIT_INVALID = 8  # the server refused a value (400)
EXIT_SOME_ROWS = 9  # an import: some rows were invalid or failed, the rest were done
EXIT_CERTIFICATE = 10  # the server's certificate was refused (not trusted, expired, another name)
EXIT_PROXY = 11  # the proxy refused the connection or asked for credentials
EXIT_INTERRUPTED = 130  # Ctrl+C
EXIT_BROKEN_PIPE = 141  # as a shell reports a command ended by SIGPIPE (``| head``)

Translate = Callable[[str, str], str]


def _same(_context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Row:
    kind: type[BaseException] | tuple[type[BaseException], ...]
    code: int
    text: str  # the window's words: {message} (the server's or the error's), {str} (all of it), {name}, {tag}
    cli: str | None = None  # the command line's, where they differ ({existing}, {field} too)
    tail: bool = True  # the request id is added (not where {str} holds it already)
    cli_for: tuple[tuple[str, str], ...] = ()  # (command, its words) where one command says it otherwise
    when: Callable[[Any], bool] | None = None  # the row holds only for these (a reason, a status)


# The first row whose kind matches is the one (subclasses before their parents).
TABLE: tuple[Row, ...] = (
    Row(DiskFull, EXIT_ERROR, "{str}", tail=False),
    Row(KeyMissing, EXIT_KEYRING, QT_TRANSLATE_NOOP(
        "words", "No API key is stored for {name}. Open Accounts…, select the account, type its key and "
        "press Save."), "{str}", tail=False),
    Row(KeyringLocked, EXIT_KEYRING, QT_TRANSLATE_NOOP(
        "words", "The system keyring is locked. Unlock it (your login password usually does) and press "
        "Retry."), "{str}", tail=False),
    Row(KeyringProblem, EXIT_KEYRING, "{str}", tail=False),
    Row((AccountError, FileProblem), EXIT_USAGE, "{message}", tail=False),
    Row(SyncBusy, EXIT_ERROR, QT_TRANSLATE_NOOP(
        "words", "Another Contact Desk is updating this account's offline copy: try again when it has "
        "finished."), tail=False),
    Row(CopyNotWritten, EXIT_ERROR, "{str}", tail=False),
    Row((CopyBusy, CopyDamaged, CopyClosed), EXIT_ERROR, QT_TRANSLATE_NOOP(
        "words", "The offline copy cannot be used now ({str})."),
        "The offline copy cannot be used now ({str}). Nothing was changed on the server.", tail=False),
    Row(errors.ConfigurationError, EXIT_USAGE, QT_TRANSLATE_NOOP(
        "words", "This account's settings are not valid: {message}"), "{message}", tail=False),
    Row(errors.Unauthorized, EXIT_AUTH, QT_TRANSLATE_NOOP(
        "words", "The server refused this account's API key. It may be wrong, revoked or expired: edit "
        "the account and enter a valid key."),
        "The server refused the API key: it is wrong, revoked or for another service. Store a valid key "
        "with: contact-desk accounts set-key NAME.",
        cli_for=(("accounts.add", "The server refused the API key: it is wrong, revoked or for another "
                  "service. Check the key."),)),
    Row(errors.Forbidden, EXIT_PERMISSION, QT_TRANSLATE_NOOP(
        "words", "This key is not allowed to do that (it can only read). Ask for a key with the "
        "contacts:write scope."), "This key is not allowed to do that: {message}",
        cli_for=(("create", "This key can only read: ask for a key with the contacts:write scope."),)),
    Row(errors.CertificateProblem, EXIT_CERTIFICATE, QT_TRANSLATE_NOOP(
        "words", "The server's certificate has expired or is not valid yet ({detail}). Check this computer's "
        "date and time; if they are right, tell whoever runs the server."),
        "{message}. Check this computer's date and time; if they are right, tell whoever runs the server.",
        when=lambda e: e.reason in (e.EXPIRED, e.NOT_YET), tail=False),
    Row(errors.CertificateProblem, EXIT_CERTIFICATE, QT_TRANSLATE_NOOP(
        "words", "The server's certificate is for another name ({detail}): check the account's address."),
        "{message}. Check the account's address.", when=lambda e: e.reason == e.OTHER_NAME, tail=False),
    Row(errors.CertificateProblem, EXIT_CERTIFICATE, QT_TRANSLATE_NOOP(
        "words", "The server's certificate is not trusted ({detail}). Your company may inspect secure "
        "connections: ask IT for its certificate, or have it installed in this computer's certificate "
        "store."), "{message}. Your company may inspect secure connections: ask IT for its certificate, or "
        "have it installed in this computer's certificate store (or named by SSL_CERT_FILE).", tail=False),
    Row(errors.ProxyRefused, EXIT_PROXY, QT_TRANSLATE_NOOP(
        "words", "The proxy {proxy} asks for a user name and password (407): give them in File → Network "
        "settings…, or ask IT."), "{message}: it asks for a user name and password. Give them in the proxy's "
        "URL (HTTPS_PROXY=http://user@proxy:port, the password from the keyring) or ask IT.",
        when=lambda e: e.status == 407, tail=False),
    Row(errors.ProxyRefused, EXIT_PROXY, QT_TRANSLATE_NOOP(
        "words", "The proxy {proxy} refused the connection{status}: ask IT whether this address is "
        "allowed."), "{message}: ask IT whether this address is allowed.", tail=False),
    Row(errors.ProxyUnreachable, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "The proxy {proxy} cannot be reached: check this computer's proxy settings (or "
        "HTTPS_PROXY), or ask IT."),
        "{message}: check HTTPS_PROXY (or the system's proxy settings), or ask IT.", tail=False),
    Row(errors.NameNotFound, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "The server's name was not found: check the account's address, and that this network is "
        "connected."), "{message}: check the account's address, and that this network is connected.",
        tail=False),
    Row(errors.ConnectionRefused, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "Nothing answers at the server's address: check the account's address and port, or try "
        "again later."), "{message}. Check the account's address and port, or try again later.", tail=False),
    Row(errors.Conflict, EXIT_CONFLICT, QT_TRANSLATE_NOOP(
        "words", "A contact with this email already exists, and it is archived."),
        "A contact with this email already exists: {existing}.",
        when=lambda e: e.existing_status == "archived"),
    Row(errors.Conflict, EXIT_CONFLICT, QT_TRANSLATE_NOOP(
        "words", "A contact with this email already exists."),
        "A contact with this email already exists: {existing}."),
    Row(errors.UnknownTag, EXIT_INVALID, QT_TRANSLATE_NOOP(
        "words", "The tag “{tag}” does not exist in this account. The server said: {message}"),
        "The server refused a value{field}: {message}", when=lambda e: bool(e.tag)),
    Row(errors.UnknownTag, EXIT_INVALID, QT_TRANSLATE_NOOP(
        "words", "A tag does not exist in this account. The server said: {message}"),
        "The server refused a value{field}: {message}"),
    Row(errors.ValidationFailed, EXIT_INVALID, QT_TRANSLATE_NOOP(
        "words", "The server refused a value: {message}"),
        "The server refused a value{field}: {message}"),
    Row(errors.NotSupported, EXIT_ERROR, QT_TRANSLATE_NOOP(
        "words", "This server does not support editing contacts."), "{str}"),
    Row(errors.OutcomeUnknown, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "The server may have created this contact, but its answer was lost and Contact Desk could "
        "not find it among the newest contacts. Check the list before trying again."), "{message}."),
    Row(errors.RequestTimeout, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "The server did not answer in time. Check your connection and try again."),
        "{message}. Try again later."),
    Row(errors.NetworkError, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "Cannot reach the server. Check your connection and try again."),
        "{message}. Try again later."),
    Row(errors.RateLimited, EXIT_NETWORK, QT_TRANSLATE_NOOP(
        "words", "The server is receiving too many requests. Wait a moment and try again."),
        "{message}. Try again later."),
    Row(errors.ServerError, EXIT_ERROR, QT_TRANSLATE_NOOP(
        "words", "The server had a problem and could not answer. Try again in a moment."), "{str}"),
    Row(errors.ProtocolError, EXIT_ERROR, QT_TRANSLATE_NOOP(
        "words", "The server sent an answer Contact Desk cannot read."), "{str}"),
    Row(errors.NotFound, EXIT_ERROR, QT_TRANSLATE_NOOP("words", "This contact no longer exists."), "{str}"),
    Row(errors.ApiError, EXIT_ERROR, QT_TRANSLATE_NOOP("words", "The server said: {message}"), "{str}"),
)
UNEXPECTED = QT_TRANSLATE_NOOP("words", "Something unexpected went wrong: {error}")
REQUEST_ID = QT_TRANSLATE_NOOP("words", "(request id {rid})")


def row_for(exc: BaseException) -> Row | None:
    return next((r for r in TABLE if isinstance(exc, r.kind) and (r.when is None or r.when(exc))), None)


def _values(exc: BaseException) -> dict[str, str]:
    first = str(exc.args[0]) if exc.args else str(exc)
    existing = getattr(exc, "existing_id", None) or ""
    status = getattr(exc, "existing_status", None)
    field = getattr(exc, "field", None)
    return {"str": str(exc), "message": str(getattr(exc, "message", "") or first),
            "name": str(getattr(exc, "account_name", "") or ""), "tag": str(getattr(exc, "tag", "") or ""),
            "field": f" ({field})" if field else "", "error": type(exc).__name__,
            "existing": existing + (f", status {status}" if status else ""),
            "proxy": str(getattr(exc, "proxy", "") or ""), "detail": str(getattr(exc, "detail", "") or ""),
            "status": f" ({exc.status})" if isinstance(exc, errors.ApiError) and exc.status else ""}


def with_request_id(text: str, request_id: str | None, translate: Translate = _same) -> str:
    """``text`` and, when the server gave one, "(request id …)": what support asks for."""
    if not request_id:
        return text
    return text + " " + translate(CONTEXT, REQUEST_ID).format(rid=request_id)


def _said(template: str, exc: BaseException, tail: bool, translate: Translate, also: str = "") -> str:
    text = translate(CONTEXT, template) if "{str}" != template != "{message}" else template
    text = text.format(**_values(exc)) + (f" {also}" if also else "")
    return with_request_id(text, getattr(exc, "request_id", None), translate) \
        if tail and "{str}" not in template else text


def describe(exc: BaseException, translate: Translate = _same, also: str = "") -> str:
    """What happened and what to do, in the window's words (translated by ``translate``);
    ``also``: what the asking window adds (before the request id)."""
    row = row_for(exc)
    if row is None:
        return " ".join(filter(None, [translate(CONTEXT, UNEXPECTED).format(error=type(exc).__name__), also]))
    return _said(row.text, exc, row.tail, translate, also)


def for_command_line(exc: BaseException, command: str = "") -> tuple[int, str] | None:
    """(exit code, English words) for the command line; None: not a failure the table knows."""
    row = row_for(exc)
    if row is None:
        return None
    template = dict(row.cli_for).get(command) or row.cli or row.text
    return row.code, _said(template, exc, row.tail, _same)


def field_of(exc: BaseException, schema: DialectSchema) -> str | None:
    """The form field a failure concerns: the schema's tags field for an unknown tag, the field
    a 409 is about, the field a 400 names; None: the form's message line."""
    if isinstance(exc, errors.UnknownTag):
        return next((f.name for f in schema.fields if f.kind is Kind.TAGS), None)
    if isinstance(exc, errors.Conflict):
        return schema.conflict_field
    if isinstance(exc, errors.ValidationFailed):
        return exc.field
    return None
