"""The command line's exit codes and words for what went wrong come from the one table
(``contact_desk/words.py``); this adds what a failed command did not do."""

from __future__ import annotations

from contact_desk.words import (
    EXIT_AUTH,
    EXIT_BROKEN_PIPE,
    EXIT_CERTIFICATE,
    EXIT_CONFLICT,
    EXIT_DONE,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_KEYRING,
    EXIT_NETWORK,
    EXIT_PERMISSION,
    EXIT_PROXY,
    EXIT_SOME_ROWS,
    EXIT_USAGE,
    for_command_line,
    with_request_id,
)

__all__ = ["EXIT_AUTH", "EXIT_BROKEN_PIPE", "EXIT_CERTIFICATE", "EXIT_CONFLICT", "EXIT_DONE", "EXIT_ERROR",
           "EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_KEYRING", "EXIT_NETWORK", "EXIT_PERMISSION",
           "EXIT_PROXY", "EXIT_SOME_ROWS", "EXIT_USAGE", "explain", "reason", "request_tail"]


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
    """The exit code and the words of the one table (``words.py``); a failure it does not know is
    raised again (a defect, with its traceback)."""
    from contact_desk.cli.common import UsageError

    if isinstance(exc, UsageError):
        return EXIT_USAGE, str(exc.args[0] if exc.args else exc)
    said = for_command_line(exc, command)
    if said is None:
        raise exc
    return said


def request_tail(request_id: str | None) -> str:
    """" (request id …)" when the server gave one: what support asks for."""
    return with_request_id("", request_id)
