"""The offline policy without a window (mirror/syncing/offline.py): which source the table reads, when a
full sync is due, and the online/offline state."""

from __future__ import annotations

import pytest

from contact_desk.api import Query, errors
from contact_desk.mirror import CopyStatus
from contact_desk.mirror.syncing.offline import (
    DEFAULT_INTERVAL_MIN,
    Connectivity,
    can_sort,
    interval_minutes,
    reads_copy,
    sync_due,
)

NOW = 1_800_000_000.0
COMPLETE = CopyStatus(contacts=500, complete=True, synced_at=NOW - 60)
PARTIAL = CopyStatus(contacts=120, complete=False, synced_at=NOW - 60)
EMPTY = CopyStatus(contacts=0, complete=False, synced_at=None)
PLAIN, SEARCH = Query(), Query(search="rossi")
BY_CITY = ("city", False)


@pytest.mark.parametrize(("status", "offline", "server_searches", "query", "sort", "copy"), [
    (None, False, False, PLAIN, None, False),  # no copy: the server
    (COMPLETE, False, False, PLAIN, None, True),  # a complete copy: instant, same order
    (PARTIAL, False, False, PLAIN, None, False),  # an incomplete one would show a part as all
    (COMPLETE, False, False, PLAIN, BY_CITY, True),  # sorting needs every contact
    (PARTIAL, False, False, PLAIN, BY_CITY, False),
    (PARTIAL, False, False, SEARCH, None, True),  # SmartCQ cannot search: the copy, as far as synced
    (COMPLETE, False, True, SEARCH, None, False),  # Replicer searches itself
    (PARTIAL, True, True, SEARCH, None, True),  # offline: whatever the copy holds
    (EMPTY, True, False, PLAIN, None, False),  # offline with nothing to show: the server's error
])
def test_the_table_reads_the_copy_only_when_it_can_answer(
        status: CopyStatus | None, offline: bool, server_searches: bool, query: Query,
        sort: tuple[str, bool] | None, copy: bool) -> None:
    read = reads_copy(status, offline=offline, server_searches=server_searches, query=query, sort=sort)
    assert read is copy


def test_sorting_is_offered_with_a_complete_copy_only() -> None:
    assert can_sort(COMPLETE) and not can_sort(PARTIAL) and not can_sort(None)


@pytest.mark.parametrize(("status", "due"), [
    (None, True), (EMPTY, True), (PARTIAL, True),  # never completed: the full walk goes on
    (COMPLETE, False),  # synced a minute ago: a top-up is enough
    (CopyStatus(500, True, NOW - 15 * 60), True),  # the interval has passed
    (CopyStatus(500, True, NOW - 15 * 60 + 1), False),
    (CopyStatus(500, True, None), True),
    (CopyStatus(500, True, NOW - 60, searchable=120), True),  # a first sync stopped while indexing
])
def test_a_full_sync_is_due_when_the_copy_is_incomplete_or_old(status: CopyStatus | None, due: bool) -> None:
    assert sync_due(status, 15, NOW) is due


@pytest.mark.parametrize(("stored", "minutes"), [
    (60, 60), (0, 1), (-5, 1), (10**9, 24 * 60), ("60", DEFAULT_INTERVAL_MIN), (None, DEFAULT_INTERVAL_MIN),
    (True, DEFAULT_INTERVAL_MIN),
])
def test_a_remembered_interval_stays_within_a_minute_and_a_day(stored: object, minutes: int) -> None:
    assert interval_minutes(stored) == minutes


def test_offline_only_with_a_copy_to_show_and_online_at_the_first_answer() -> None:
    state = Connectivity()
    assert not state.not_reached(copy_contacts=0) and not state.offline  # nothing to show instead
    assert state.not_reached(copy_contacts=10) and state.offline  # changed: the window says so
    assert not state.not_reached(copy_contacts=10)  # already offline: nothing new to say
    assert state.reached() and not state.offline
    assert not state.reached()


def test_a_probe_that_gets_any_answer_brings_the_window_online() -> None:
    state = Connectivity(offline=True)
    assert not state.probed(errors.NetworkError("refused"), copy_contacts=10) and state.offline
    state = Connectivity(offline=True)  # the request went out and something came back, if lost
    assert state.probed(errors.OutcomeUnknown("lost"), copy_contacts=10) and not state.offline
    state = Connectivity(offline=True)
    assert state.probed(errors.ServerError("503", status=503), copy_contacts=10) and not state.offline
    state = Connectivity(offline=True)
    assert state.probed(None, copy_contacts=0) and not state.offline


def test_another_account_starts_online() -> None:
    state = Connectivity(offline=True)
    assert state.reset() and not state.offline
    assert not state.reset()


def test_a_new_contact_may_match_the_query_shown() -> None:
    """Whether a contact just created can be in the list shown (the window says when it cannot)."""
    from contact_desk.api.models import ReplicerContact, SmartCQContact
    from contact_desk.mirror.query.conditions import may_match

    lead = SmartCQContact(id="1", email="mario.rossi@example.com", first_name="Mario", stage="lead",
                          created_at="2026-01-01T00:00:00.000Z")
    assert may_match(lead, Query()) and may_match(lead, Query(stage="lead"))
    assert not may_match(lead, Query(stage="customer"))
    assert may_match(lead, Query(search="ROSSÌ mario")) and not may_match(lead, Query(search="bianchi"))
    caller = ReplicerContact(id="2", company="Caffè Nero", phone_number="+393331234567",
                             created_at="2026-01-01T00:00:00.000Z")
    assert may_match(caller, Query(search="caffe")) and may_match(caller, Query(search="333"))
    assert not may_match(caller, Query(search="444"))
