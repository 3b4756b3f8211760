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
        other_field, same_field = contacts[3].id, contacts[5].id
        await api.update(other_field, {"firstName": "Changed by someone"})  # in between, another field
        await api.update(same_field, {"stage": "prospect"})  # in between, a field the run set
        back = await undo(api, result)
        assert sorted(back.restored) == sorted(c.id for c in contacts)  # same_field: its emailStatus
        assert back.skipped == [] and back.left == {same_field: ["stage"]}  # its stage: left, named
        for c in contacts:
            now = await api.get(c.id)
            assert now.email_status == c.email_status  # type: ignore[union-attr]
            if c.id == same_field:
                assert now.stage == "prospect"  # type: ignore[union-attr]  # the colleague's, left and named
            else:
                assert now.stage == c.stage  # type: ignore[union-attr]
        assert (await api.get(other_field)).first_name == "Changed by someone"  # their field untouched

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
            # each contact is read before it is changed: only those under way were read or sent
            touched = {q.path.rsplit("/", 1)[-1] for q in own.requests()}
            assert len(result.not_sent) >= 12 - len(touched) and len(touched) <= 3 + 2 + 1

        run_with(own, "smartcq", go)
