"""The command line's exit codes (one table: the README's is the same) and its words for
what went wrong: an API error, a keyring problem, a file or the offline copy."""

from __future__ import annotations

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
EXIT_INTERRUPTED = 130  # Ctrl+C
EXIT_BROKEN_PIPE = 141  # as a shell reports a command ended by SIGPIPE (``| head``)


# What a failed command did not do, said after the reason (never "nothing was lost"
# where that is not known: a create whose answer was lost says so itself).
_NOT_DONE = {
    "create": "The contact was not created.",
    "accounts.add": "The account was not added.",
    "accounts.set-key": "The key was not changed.",
    "accounts.remove": "The account was not removed.",
    "sync": "The offline copy keeps what was synced so far; the next sync goes on from there.",
    "import": "Rows sent before this are in the account; importing the file again skips them.",
}


def explain(exc: BaseException, command: str) -> tuple[int, str]:
    from contact_desk.api.errors import OutcomeUnknown

    code, message = reason(exc, command)
    notes = [n for n in getattr(exc, "__notes__", ()) if isinstance(n, str)]
    if code != EXIT_USAGE and command in _NOT_DONE and not isinstance(exc, OutcomeUnknown):
        notes.insert(0, _NOT_DONE[command])
    return code, " ".join([message, *notes])


def reason(exc: BaseException, command: str) -> tuple[int, str]:
    from contact_desk.accounts import AccountError, KeyringProblem
    from contact_desk.api import errors
    from contact_desk.cli.common import UsageError
    from contact_desk.files import DiskFull, FileProblem
    from contact_desk.mirror import CopyBusy, CopyClosed, CopyDamaged, CopyNotWritten, SyncBusy

    tail = request_tail(getattr(exc, "request_id", None))
    if isinstance(exc, DiskFull):
        return EXIT_ERROR, str(exc)
    if isinstance(exc, UsageError | AccountError | errors.ConfigurationError | FileProblem):
        return EXIT_USAGE, str(exc.args[0] if exc.args else exc)
    if isinstance(exc, KeyringProblem):
        return EXIT_KEYRING, str(exc)
    if isinstance(exc, SyncBusy):
        return EXIT_ERROR, "Another Contact Desk is updating this account's offline copy: try again " \
            "when it has finished."
    if isinstance(exc, CopyNotWritten):
        return EXIT_ERROR, str(exc)
    if isinstance(exc, CopyBusy | CopyDamaged | CopyClosed):
        return EXIT_ERROR, f"The offline copy cannot be used now ({exc}). Nothing was changed on the server."
    if isinstance(exc, errors.Unauthorized):
        fix = "Check the key" if command == "accounts.add" else \
            "Store a valid key with: contact-desk accounts set-key NAME"
        return EXIT_AUTH, "The server refused the API key: it is wrong, revoked or for another " \
            f"service. {fix}.{tail}"
    if isinstance(exc, errors.Forbidden):
        if command == "create":
            return EXIT_PERMISSION, "This key can only read: ask for a key with the contacts:write " \
                f"scope.{tail}"
        return EXIT_PERMISSION, f"This key is not allowed to do that: {exc.message}{tail}"
    if isinstance(exc, errors.Conflict):
        status = f", status {exc.existing_status}" if exc.existing_status else ""
        return EXIT_CONFLICT, f"A contact with this email already exists: {exc.existing_id}{status}.{tail}"
    if isinstance(exc, errors.ValidationFailed):
        field = f" ({exc.field})" if exc.field else ""
        return EXIT_INVALID, f"The server refused a value{field}: {exc.message}{tail}"
    if isinstance(exc, errors.OutcomeUnknown):
        return EXIT_NETWORK, f"{exc.message}.{tail}"
    if isinstance(exc, errors.NetworkError | errors.RateLimited):
        return EXIT_NETWORK, f"{exc.message}. Try again later.{tail}"
    if isinstance(exc, errors.ApiError):
        return EXIT_ERROR, str(exc)
    raise exc


def request_tail(request_id: str | None) -> str:
    """" (request id …)" when the server gave one: what support asks for."""
    return f" (request id {request_id})" if request_id else ""
