"""Bulk edit and its undo over real HTTP: partial failures, 429s, contacts changed in between."""

from __future__ import annotations

import asyncio

from contact_desk.api import Dialect
from contact_desk.api.models import Contact
from contact_desk.sandbox import Faults, Sandbox
from contact_desk.transfer.bulk import BulkEdit, BulkProgress, undo
from tests.api.helpers import run_with
from tests.transfer.samples import tag


async def fresh(api: Dialect, n: int) -> list[Contact]:
    t = tag()
    return list(await asyncio.gather(*(api.create({"email": f"bulk{i}.{t}@example.org", "firstName": f"B{i}"})
                                       for i in range(n))))


def test_bulk_edit_changes_each_contact_and_undo_restores_them(sandbox: Sandbox) -> None:
    async def go(api: Dialect) -> None:
        contacts = await fresh(api, 12)
        seen: list[int] = []

        def report(p: BulkProgress) -> None:
            seen.append(p.done)

        result = await BulkEdit(api, contacts, {"stage": "customer", "emailStatus": "unsubscribed"},
                                report=report).run()
        assert len(result.changed) == 12 and not result.failed and seen[-1] == 12
        for c in contacts:
            now = await api.get(c.id)
            assert (now.stage, now.email_status) == ("customer", "unsubscribed")  # type: ignore[union-attr]
        again = await BulkEdit(api, [await api.get(c.id) for c in contacts], {"stage": "customer"}).run()
        assert len(again.already) == 12 and not again.changed  # nothing sent: already so
        someone = contacts[3].id
        await api.update(someone, {"firstName": "Changed by someone"})  # in between
        back = await undo(api, result)
        assert sorted(back.restored) == sorted(c.id for c in contacts if c.id != someone)
        assert back.skipped == [someone]
        for c in contacts:
            now = await api.get(c.id)
            if c.id == someone:
                assert now.stage == "customer"  # type: ignore[union-attr]  # left alone
            else:
                assert (now.stage, now.email_status) == (c.stage, c.email_status)  # type: ignore[union-attr]

    run_with(sandbox, "smartcq", go)


def test_partial_failures_are_listed_with_their_reason(sandbox: Sandbox) -> None:
    async def go(api: Dialect) -> None:
        contacts = await fresh(api, 5)
        gone = contacts[2]
        assert await asyncio.to_thread(sandbox.remove, "demo-smartcq", gone.id)
        result = await BulkEdit(api, contacts, {"stage": "prospect"}).run()
        assert len(result.changed) == 4
        assert [f.contact_id for f in result.failed] == [gone.id]
        assert result.failed[0].request_id and result.failed[0].reason

    run_with(sandbox, "smartcq", go)


def test_a_429_storm_slows_the_bulk_edit_down_instead_of_failing_it(faulty: Sandbox) -> None:
    async def go(api: Dialect) -> None:
        contacts = await fresh(api, 15)
        faulty.faults = Faults(rate_429=0.4, retry_after=0)
        try:
            result = await BulkEdit(api, contacts, {"stage": "lead", "emailStatus": "bounced"}).run()
        finally:
            faulty.faults = Faults()
        assert len(result.changed) == 15 and not result.failed

    from tests.api.helpers import RetryPolicy

    run_with(faulty, "smartcq", go, policy=RetryPolicy(max_attempts=2, base_delay=0.001, max_delay=0.002,
                                                         max_retry_after=0.002))
    assert any(q.status == 429 for q in faulty.requests())


def test_cancel_reports_what_was_not_sent(sandbox: Sandbox) -> None:
    async def go(api: Dialect) -> None:
        contacts = await fresh(api, 10)
        job = BulkEdit(api, contacts, {"stage": "prospect"}, concurrency=1)

        def report(p: BulkProgress) -> None:
            if p.done == 3:
                job.cancel()

        job.report = report
        result = await job.run()
        assert len(result.changed) == 3 and len(result.not_sent) == 7

    run_with(sandbox, "smartcq", go)


def test_a_key_revoked_mid_change_stops_it(tmp_path: object) -> None:
    """Change contacts with the key revoked after 3 changes: nothing more is sent than what was
    under way; the rest are reported not sent, the refusal kept for the words."""
    with Sandbox(contacts=5, seed=13) as own:
        async def go(api: Dialect) -> None:
            contacts = await fresh(api, 12)
            job = BulkEdit(api, contacts, {"stage": "prospect"}, concurrency=2)

            def report(p: BulkProgress) -> None:
                if p.done == 3:
                    own.revoke("demo-smartcq")

            job.report = report
            own.clear_requests()
            result = await job.run()
            patches = sum(q.method == "PATCH" for q in own.requests())
            assert patches <= 3 + 2 + 1  # the three, then only what was under way
            assert job.refused is not None
            assert len(result.changed) + len(result.failed) + len(result.not_sent) == 12
            assert len(result.not_sent) >= 12 - patches

        run_with(own, "smartcq", go)
