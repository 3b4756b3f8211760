"""One definition of 'the server was not reached', 'send it again later' and 'the server cannot
serve now', used by the window's offline state, the import's gate and the command line."""

from __future__ import annotations

import pytest

from contact_desk.api import errors

CASES = [  # error, unreachable, retryable, unavailable
    (errors.NetworkError("refused"), True, True, True),
    (errors.RequestTimeout("timed out"), True, True, True),
    (errors.OutcomeUnknown("answer lost"), False, False, True),  # it may have been done
    (errors.RateLimited("429", retry_after=3), False, True, True),
    (errors.ServerError("503", status=503), False, False, True),
    (errors.Unauthorized("401"), False, False, False),
    (errors.ValidationFailed("400", field="email"), False, False, False),
    (errors.ProtocolError("unreadable"), False, False, False),
    (ValueError("not ours"), False, False, False),
]


@pytest.mark.parametrize(("exc", "unreachable", "retryable", "unavailable"), CASES)
def test_what_each_error_means(exc: BaseException, unreachable: bool, retryable: bool,
                               unavailable: bool) -> None:
    assert errors.unreachable(exc) is unreachable
    assert errors.retryable(exc) is retryable
    assert errors.unavailable(exc) is unavailable
