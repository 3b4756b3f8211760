"""The one table of words: every failure the API layer, the keyring, the files and the copy raise
has a row; the command line and the window read the same row (its exit code, its words) and the
request id is said once."""

from __future__ import annotations

import pytest

from contact_desk import words
from contact_desk.accounts import KeyMissing, KeyringLocked
from contact_desk.api import errors
from contact_desk.api.schema import SCHEMAS
from contact_desk.files import DiskFull
from contact_desk.mirror.errors import CopyBusy


def every_subclass(base: type[BaseException]) -> set[type[BaseException]]:
    found, todo = set(), [base]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.add(sub)
            todo.append(sub)
    return found


def test_every_api_error_has_a_row_of_its_own_or_its_parents() -> None:
    for kind in every_subclass(errors.ApiError) | {errors.ApiError}:
        assert any(issubclass(kind, row.kind) for row in words.TABLE), kind


def test_a_row_comes_before_its_parents() -> None:
    """A parent's row above a subclass's would hide it."""
    for i, row in enumerate(words.TABLE):
        kinds = row.kind if isinstance(row.kind, tuple) else (row.kind,)
        for later in words.TABLE[i + 1:]:
            later_kinds = later.kind if isinstance(later.kind, tuple) else (later.kind,)
            hidden = [k for k in later_kinds for parent in kinds if issubclass(k, parent) and k is not parent]
            assert hidden == [], (row, later)


@pytest.mark.parametrize(("exc", "code", "window", "cli"), [
    (errors.Unauthorized("Chiave non valida", request_id="req_1"), words.EXIT_AUTH,
     "edit the account and enter a valid key. (request id req_1)",
     "accounts set-key NAME. (request id req_1)"),
    (errors.Conflict("exists", existing_id="c_9", existing_status="archived"), words.EXIT_CONFLICT,
     "already exists, and it is archived.", "already exists: c_9, status archived."),
    (errors.ServerError("boom", status=503, request_id="req_2"), words.EXIT_ERROR,
     "Try again in a moment. (request id req_2)", "boom (HTTP 503, request id req_2)"),
    (errors.NetworkError("Cannot connect to localhost"), words.EXIT_NETWORK,
     "Cannot reach the server.", "Cannot connect to localhost. Try again later."),
    (KeyringLocked(), words.EXIT_KEYRING, "Unlock it", "locked"),
    (KeyMissing("Milano"), words.EXIT_KEYRING, "stored for Milano", "accounts set-key 'Milano'"),
    (DiskFull("Cannot write x: the disk is full"), words.EXIT_ERROR, "disk is full", "disk is full"),
    (CopyBusy("in use"), words.EXIT_ERROR, "cannot be used now (in use).",
     "Nothing was changed on the server."),
    (errors.CertificateProblem("The certificate of crm.example.test was refused: self-signed certificate",
                               reason="untrusted", detail="self-signed certificate"), words.EXIT_CERTIFICATE,
     "not trusted (self-signed certificate). Your company may inspect", "ask IT for its certificate"),
    (errors.CertificateProblem("x", reason="expired", detail="certificate has expired"),
     words.EXIT_CERTIFICATE,
     "has expired or is not valid yet (certificate has expired)", "date and time"),
    (errors.ProxyRefused("The proxy http://p:8080 refused", proxy="http://p:8080", status=407),
     words.EXIT_PROXY,
     "The proxy http://p:8080 asks for a user name and password (407)", "user name and password"),
    (errors.ProxyRefused("The proxy http://p:8080 refused", proxy="http://p:8080", status=403),
     words.EXIT_PROXY,
     "refused the connection (403)", "whether this address is allowed"),
])
def test_the_window_and_the_command_line_read_the_same_row(exc: BaseException, code: int, window: str,
                                                           cli: str) -> None:
    said = words.for_command_line(exc)
    assert said is not None and said[0] == code and cli in said[1]
    assert window in words.describe(exc)
    assert said[1].count("req_") <= 1 and words.describe(exc).count("req_") <= 1  # one tail


def test_what_the_window_adds_comes_before_the_request_id() -> None:
    text = words.describe(errors.NotFound("gone", request_id="req_3"), also="Copy what you typed.")
    assert text.endswith("Copy what you typed. (request id req_3)")


def test_a_failure_the_table_does_not_know_is_not_dressed_up() -> None:
    assert words.for_command_line(RuntimeError("x")) is None
    assert "RuntimeError" in words.describe(RuntimeError("secret-ish detail"))
    assert "secret-ish" not in words.describe(RuntimeError("secret-ish detail"))


def test_the_field_a_failure_concerns_comes_from_the_schema() -> None:
    for schema in SCHEMAS.values():
        conflict = words.field_of(errors.Conflict("exists", existing_id="1", existing_status=None), schema)
        assert conflict == schema.conflict_field
        assert conflict is None or conflict in {f.name for f in schema.fields}
        assert words.field_of(errors.ValidationFailed("bad", field="x"), schema) == "x"
        assert words.field_of(errors.ServerError("boom"), schema) is None


def test_a_certificate_or_proxy_refusal_is_never_called_a_connection_problem() -> None:
    for exc in (errors.CertificateProblem("x", reason="untrusted", detail="d"),
                errors.ProxyRefused("x", proxy="http://p", status=407)):
        assert not errors.unreachable(exc)  # the window says the cause, not "offline"
        assert "connection and try again" not in words.describe(exc)
